"""Saving cases in the log: a new case, a case's new draft (an edit), or either one saved and
filed in one transaction — functions over a store (``CaseStore`` exposes each as a method).
Every value is checked before the transaction (``case_values``: UsageError, nothing written).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from casewriter.errors import UsageError
from casewriter.safetext import surrogate_fields, surrogate_problem
from casewriter.store import values
from casewriter.store.base import StoreBase
from casewriter.store.lifecycle import file_in
from casewriter.store.model import LoggedCase, NewCase, ts_text
from casewriter.store.rows import check_sc_case_id, fts_snapshot, fts_sync, normalize_identifiers


def save_new(
    store: StoreBase, new: NewCase, now: datetime | None = None, *, link: str | int | None = None
) -> LoggedCase:
    """Log a new case (status ``draft``, event ``created``); ``.duplicates`` lists open
    cases that share an identifier with it. ``link``: also link it to that case, in the
    same transaction (an unknown case id saves nothing)."""
    at = ts_text(store._now(now)) or ""
    cols = case_values(new)
    other = None if link is None else store._num(link)
    with store._tx() as conn:
        if other is not None:
            store._require(conn, other)
        num = _insert(store, conn, cols, new, at)
        if other is not None:
            store._link(conn, num, other, at)
        case = store._result(num, duplicates=True, keys=new.duplicate_keys)
    return case


def update_case(
    store: StoreBase, case_id: str | int, new: NewCase, now: datetime | None = None
) -> LoggedCase:
    """Replace a case's draft, text and identifiers (event ``edited``)."""
    num = store._num(case_id)
    at = ts_text(store._now(now)) or ""
    cols = case_values(new)
    with store._tx() as conn:
        _replace(store, conn, num, cols, new, at)
        case = store._result(num, duplicates=True, keys=new.duplicate_keys)
    return case


def save_filed(
    store: StoreBase,
    new: NewCase,
    sc_case_id: str,
    now: datetime | None = None,
    *,
    case_id: str | int | None = None,
) -> LoggedCase:
    """Log ``new`` (a new case, or ``case_id``'s new draft) and mark it filed under
    ``sc_case_id`` (events ``created``/``edited`` then ``filed``), in one transaction: if
    any part fails, the log is left as it was."""
    normalized, _warning = check_sc_case_id(sc_case_id)
    when = store._now(now)
    at = ts_text(when) or ""
    cols = case_values(new)
    num = None if case_id is None else store._num(case_id)
    with store._tx() as conn:
        if num is None:
            num = _insert(store, conn, cols, new, at)
        else:
            _replace(store, conn, num, cols, new, at)
        file_in(store, conn, num, normalized, when)
        case = store._result(num, duplicates=True, keys=new.duplicate_keys)
    return case


def _insert(
    store: StoreBase, conn: sqlite3.Connection, cols: tuple[Any, ...], new: NewCase, at: str
) -> int:
    """Insert a new case (event ``created``) inside a transaction; its number."""
    cur = conn.execute(
        "INSERT INTO cases(profile, marketplace, case_type, status, subject, body, "
        "draft_json, urgency, deadline_closes, expected_amount, currency, created_at, "
        "updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*cols, at, at),
    )
    num = int(cur.lastrowid or 0)
    _put_identifiers(conn, num, new.identifiers)
    store._event(conn, num, "created", at)
    fts_sync(conn, num, None)
    return num


def _replace(
    store: StoreBase,
    conn: sqlite3.Connection,
    num: int,
    cols: tuple[Any, ...],
    new: NewCase,
    at: str,
) -> None:
    """Replace case ``num``'s draft, text and identifiers (event ``edited``) inside a
    transaction; its Seller Central case id stays one of its identifiers."""
    _status, sc_case_id, _fu, _filed = store._require(conn, num)
    old = fts_snapshot(conn, num)
    conn.execute(
        "UPDATE cases SET profile = ?, marketplace = ?, case_type = ?, subject = ?, "
        "body = ?, draft_json = ?, urgency = ?, deadline_closes = ?, expected_amount = ?, "
        "currency = ?, updated_at = ? WHERE id = ?",
        (*cols, at, num),
    )
    conn.execute("DELETE FROM identifiers WHERE case_id = ?", (num,))
    idents = list(new.identifiers)
    if sc_case_id:
        idents.append(("case_id", str(sc_case_id)))
    _put_identifiers(conn, num, idents)
    store._event(conn, num, "edited", at)
    fts_sync(conn, num, old)


def case_values(new: NewCase) -> tuple[Any, ...]:
    """The stored columns of a ``NewCase``, every one checked (UsageError before any write)."""
    import json  # here, not at the top: opening the log for the TUI's first frame skips it

    if not isinstance(new.case_type, str) or not new.case_type.strip():
        raise UsageError("a case needs a case type")
    closes = new.deadline_closes
    if closes is not None and not isinstance(closes, date):
        raise UsageError(f"not a date: {closes!r} (the claim window's closing day)")
    bad_text = surrogate_fields(
        {"profile": new.profile, "subject": new.subject, "body": new.body, "draft": new.draft}
    )
    if bad_text:  # SQLite cannot store one (UTF-8); entry points replace or refuse it first
        raise UsageError(f"the case cannot be saved: {surrogate_problem(bad_text)}")
    try:
        draft = json.dumps(new.draft, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError, RecursionError) as exc:
        raise UsageError(f"the draft cannot be stored: {exc}") from None
    return (
        str(new.profile),
        values.check_marketplace(new.marketplace),
        new.case_type,
        str(new.subject),
        str(new.body),
        draft,
        values.check_urgency(new.urgency),
        None if closes is None else values.date_text(closes, "claim window closing day"),
        None
        if new.expected_amount is None
        else values.amount_text(new.expected_amount, "expected amount"),
        values.check_currency(new.currency),
    )


def _put_identifiers(conn: sqlite3.Connection, num: int, idents: Iterable[tuple[str, str]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?, ?, ?)",
        [(num, k, v) for k, v in normalize_identifiers(idents)],
    )
