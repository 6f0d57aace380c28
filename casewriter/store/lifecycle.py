"""What happens to a case after it is saved: filing, replies, status changes, notes, follow-ups,
amounts and links — functions over a store (``CaseStore`` exposes each as a method). Every
change is one short ``BEGIN IMMEDIATE`` transaction that also appends to the case's event
history; ``file_in`` files inside a transaction the caller holds (``CaseStore.save_filed``).

Each function checks its input first (UsageError, nothing written), then makes all its changes
and reads the result back in one transaction: it either all happens or none of it.

Follow-up rules: filing sets the follow-up to filed time + ``follow_up_hours`` (48 by
default); an Amazon reply sets status ``needs-reply`` and the follow-up to reply time + hours
(answer before then); our reply sets ``awaiting-amazon`` and reply time + hours again. Closing a
case (resolved, denied, closed) clears its follow-up; reopening is the event ``reopened``.

Size: ~315 lines, one checked transaction per change, all following the event-history and
follow-up rules above; only the amount checks (``set_amounts``, ``_put_amounts``, ``_amounts``)
would split off cleanly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta
from decimal import Decimal

from casewriter.errors import UsageError
from casewriter.store import values
from casewriter.store.base import StoreBase
from casewriter.store.model import (
    CLOSED_STATUSES,
    DuplicateCaseError,
    DuplicateKeys,
    LoggedCase,
    check_status,
    describe_duplicate,
    format_id,
    parse_id,
    ts_text,
)
from casewriter.store.rows import check_sc_case_id, fts_snapshot, fts_sync

REPLY_KINDS = ("note", "amazon-replied", "we-replied")


def file(
    store: StoreBase,
    case_id: str | int,
    sc_case_id: str,
    now: datetime | None = None,
    *,
    follow_up_hours: int | None = None,
    link: Iterable[str | int] = (),
    guard: bool = False,
    forced: str | None = None,
    duplicate_keys: DuplicateKeys | None = None,
) -> LoggedCase:
    """Record that the case was filed in Seller Central under ``sc_case_id``. ``link``:
    link these cases first. ``guard``: refuse (``DuplicateCaseError``, nothing written) when
    an open case on the same problem (``duplicate_keys``: its type's rule) that is already
    filed is not linked. ``forced``: it was filed although not ready; the reasons are kept
    as a ``forced`` event, in the same transaction."""
    num = store._num(case_id)
    normalized, _warning = check_sc_case_id(sc_case_id)
    when = store._now(now)
    at = ts_text(when) or ""
    others = [store._num(x) for x in link]
    for other in others:
        if other == num:
            raise UsageError(f"cannot link {format_id(num)} to itself")
    with store._tx() as conn:
        store._require(conn, num)
        for other in others:
            store._require(conn, other)
            store._link(conn, num, other, at)
        if guard:
            _guard(store, conn, num, normalized, duplicate_keys)
        file_in(store, conn, num, normalized, when, follow_up_hours)
        if forced:
            store._event(conn, num, "forced", at, forced)
        case = store._result(num, duplicates=True, keys=duplicate_keys)
    return case


def file_in(
    store: StoreBase,
    conn: sqlite3.Connection,
    num: int,
    normalized: str,
    when: datetime,
    follow_up_hours: int | None = None,
) -> None:
    """Mark case ``num`` filed under the (checked) Seller Central case id ``normalized``
    inside a transaction: its identifiers, status, dates and events."""
    at = ts_text(when) or ""
    due = _later(when, follow_up_hours or store.follow_up_hours)
    status, old_sc, _fu, filed_at = store._require(conn, num)
    old = fts_snapshot(conn, num)
    if old_sc and old_sc != normalized:
        conn.execute(
            "DELETE FROM identifiers WHERE case_id = ? AND kind = 'case_id' AND value = ?",
            (num, old_sc),
        )
    conn.execute(
        "INSERT OR IGNORE INTO identifiers(case_id, kind, value) VALUES (?, 'case_id', ?)",
        (num, normalized),
    )
    conn.execute(
        "UPDATE cases SET status = 'filed', sc_case_id = ?, filed_at = ?, follow_up_at = ?, "
        "resolved_at = NULL, updated_at = ? WHERE id = ?",
        (
            normalized,
            at if filed_at is None or old_sc != normalized else filed_at,
            due,
            at,
            num,
        ),
    )
    if status in CLOSED_STATUSES:
        store._event(conn, num, "reopened", at, f"{status} → filed")
    store._event(conn, num, "filed", at, normalized)
    fts_sync(conn, num, old)


def _guard(
    store: StoreBase,
    conn: sqlite3.Connection,
    num: int,
    sc_case_id: str,
    keys: DuplicateKeys | None = None,
) -> None:
    """Raise ``DuplicateCaseError`` if an open, filed case not linked to ``num`` is on the
    same problem (its type's rule ``keys``; or its new Seller Central case id)."""
    row = conn.execute("SELECT case_type FROM cases WHERE id = ?", (num,)).fetchone()
    case_type = str(row[0]) if row and row[0] is not None else None
    idents = [
        (str(k), str(v))
        for k, v in conn.execute(
            "SELECT kind, value FROM identifiers WHERE case_id = ?", (num,)
        ).fetchall()
    ]
    linked = {
        int(r[0])
        for r in conn.execute(
            "SELECT b FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ?", (num, num)
        )
    }
    blocking = [
        d
        for d in store.duplicates(
            [*idents, ("case_id", sc_case_id)], exclude=num, case_type=case_type, keys=keys
        )
        if parse_id(d.id) not in linked and d.status != "draft"
    ]
    if blocking:
        first = blocking[0]
        raise DuplicateCaseError(
            f"{format_id(num)} {describe_duplicate(first)}; reply in {first.id} instead, or "
            f"run again with --link {first.id} or --force"
            + (f" ({len(blocking) - 1} more)" if len(blocking) > 1 else "")
        )


def set_status(
    store: StoreBase,
    case_id: str | int,
    status: str,
    note: str | None = None,
    now: datetime | None = None,
    *,
    expected: Decimal | None = None,
    received: Decimal | None = None,
    currency: str | None = None,
) -> LoggedCase:
    """Change the status (``reopened`` when a closed case becomes open again), with an
    optional note and amounts, all in one transaction."""
    num = store._num(case_id)
    new = check_status(status)
    at = ts_text(store._now(now)) or ""
    amounts = _amounts(expected, received, currency)
    with store._tx() as conn:
        current, _sc, _fu, filed_at = store._require(conn, num)
        old = fts_snapshot(conn, num)
        if new != current:
            kind = (
                "reopened"
                if current in CLOSED_STATUSES and new not in CLOSED_STATUSES
                else "status-changed"
            )
            store._event(conn, num, kind, at, f"{current} → {new}")
            if new in CLOSED_STATUSES:
                conn.execute(
                    "UPDATE cases SET status = ?, follow_up_at = NULL, resolved_at = ? WHERE id = ?",
                    (new, at, num),
                )
            else:
                conn.execute(
                    "UPDATE cases SET status = ?, resolved_at = NULL, filed_at = ? WHERE id = ?",
                    (new, at if new != "draft" and filed_at is None else filed_at, num),
                )
        if note:
            store._event(conn, num, "note", at, note)
        _put_amounts(store, conn, num, at, amounts)
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
        fts_sync(conn, num, old)
        case = store._result(num)
    return case


def add_event(
    store: StoreBase, case_id: str | int, kind: str, text: str = "", now: datetime | None = None
) -> LoggedCase:
    """A note, or a reply (``amazon-replied`` / ``we-replied``) that moves the follow-up."""
    if kind not in REPLY_KINDS:
        raise UsageError(f"unknown event {kind!r} (one of: {', '.join(REPLY_KINDS)})")
    num = store._num(case_id)
    when = store._now(now)
    at = ts_text(when, "reply time") or ""
    due = _later(when, store.follow_up_hours)
    with store._tx() as conn:
        current, _sc, _fu, _filed = store._require(conn, num)
        old = fts_snapshot(conn, num)
        store._event(conn, num, kind, at, text)
        if kind != "note" and current not in CLOSED_STATUSES:
            new = "needs-reply" if kind == "amazon-replied" else "awaiting-amazon"
            if new != current:
                store._event(conn, num, "status-changed", at, f"{current} → {new}")
            conn.execute(
                "UPDATE cases SET status = ?, follow_up_at = ? WHERE id = ?", (new, due, num)
            )
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
        fts_sync(conn, num, old)
        case = store._result(num)
    return case


def set_follow_up(
    store: StoreBase, case_id: str | int, when: datetime | None, now: datetime | None = None
) -> LoggedCase:
    """Set (or clear, with ``None``) the follow-up time."""
    num = store._num(case_id)
    at = ts_text(store._now(now)) or ""
    value = ts_text(when, "follow-up")
    with store._tx() as conn:
        store._require(conn, num)
        conn.execute(
            "UPDATE cases SET follow_up_at = ?, updated_at = ? WHERE id = ?", (value, at, num)
        )
        store._event(conn, num, "follow-up-changed", at, value or "none")
        case = store._result(num)
    return case


def set_amounts(
    store: StoreBase,
    case_id: str | int,
    *,
    expected: Decimal | None = None,
    received: Decimal | None = None,
    currency: str | None = None,
    now: datetime | None = None,
) -> LoggedCase:
    """Record the reimbursement expected and/or received (``None`` leaves a value as is)."""
    num = store._num(case_id)
    at = ts_text(store._now(now)) or ""
    amounts = _amounts(expected, received, currency)
    with store._tx() as conn:
        store._require(conn, num)
        if _put_amounts(store, conn, num, at, amounts):
            conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (at, num))
        case = store._result(num)
    return case


def _put_amounts(
    store: StoreBase, conn: sqlite3.Connection, num: int, at: str, amounts: dict[str, str]
) -> bool:
    """Write checked amount columns (``_amounts``) and their event; False if none."""
    if not amounts:
        return False
    for column, value in amounts.items():
        conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, num))
    parts = [
        f"{label} {amounts[column]}"
        for column, label in (
            ("expected_amount", "expected"),
            ("received_amount", "received"),
            ("currency", ""),
        )
        if column in amounts
    ]
    store._event(conn, num, "amounts-changed", at, " ".join(p.strip() for p in parts))
    return True


def link(
    store: StoreBase, case_id: str | int, other_id: str | int, now: datetime | None = None
) -> LoggedCase:
    """Record that two cases belong together (acknowledges a duplicate-guard warning);
    returns the first case as it is now."""
    first, second = store._num(case_id), store._num(other_id)
    if first == second:
        raise UsageError(f"cannot link {format_id(first)} to itself")
    at = ts_text(store._now(now)) or ""
    with store._tx() as conn:
        store._require(conn, first)
        store._require(conn, second)
        store._link(conn, first, second, at)
        case = store._result(first)
    return case


def _later(when: datetime, hours: int) -> str:
    """The follow-up ``hours`` after ``when``, in the stored form (UsageError if out of range)."""
    try:
        due = when + timedelta(hours=hours)
    except OverflowError:
        raise UsageError(
            f"a follow-up {hours} hours later is out of range: {values.RANGE_TEXT}"
        ) from None
    return ts_text(due, "follow-up") or ""


def _amounts(
    expected: Decimal | None, received: Decimal | None, currency: str | None
) -> dict[str, str]:
    """The amount columns to write, checked (UsageError before any write)."""
    out: dict[str, str] = {}
    if expected is not None:
        out["expected_amount"] = values.amount_text(expected, "expected amount")
    if received is not None:
        out["received_amount"] = values.amount_text(received, "received amount")
    if currency:
        out["currency"] = values.check_currency(currency)
    return out
