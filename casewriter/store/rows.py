"""Row-level helpers shared by the store modules: column lists, row -> record conversion,
identifier normalization, and keeping the full-text index in step with a case row.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from casewriter.errors import UsageError
from casewriter.store.cjk import cjk_sync
from casewriter.store.migrations import search_extra_for
from casewriter.store.model import (
    DUPLICATE_KINDS,
    DUPLICATE_PAIR,
    CaseSummary,
    date_parse,
    format_id,
    ts_parse,
)

SUMMARY_COLS = (
    "id, profile, marketplace, case_type, status, sc_case_id, subject, urgency, "
    "follow_up_at, deadline_closes, created_at, updated_at"
)


def summary_from_row(row: tuple[Any, ...], matched: Iterable[tuple[str, str]] = ()) -> CaseSummary:
    created = ts_parse(row[10])
    updated = ts_parse(row[11])
    assert created is not None and updated is not None
    return CaseSummary(
        id=format_id(int(row[0])),
        profile=row[1],
        marketplace=row[2],
        case_type=row[3],
        status=row[4],
        sc_case_id=row[5],
        subject=row[6],
        urgency=row[7],
        follow_up=ts_parse(row[8]),
        deadline_closes=date_parse(row[9]),
        created_at=created,
        updated_at=updated,
        matched=tuple(matched),
    )


def normalize_identifier(kind: str, value: str) -> tuple[str, str]:
    """(kind, value) in the canonical form the log stores and matches on."""
    kind = kind.strip().lower()
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()
    try:
        from casewriter import identifiers

        normalized = identifiers.normalize(text, kind)
        if isinstance(normalized, str) and normalized:
            text = normalized
    except Exception:  # the identifiers module is optional here; fall back to the basic form
        text = text.upper() if kind not in ("sku",) else text
    return kind, text


def normalize_identifiers(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for kind, value in pairs:
        if str(value).strip():
            seen[normalize_identifier(kind, value)] = None
    return list(seen)


_CASE_ID_RE = re.compile(r"^[0-9]{10,11}$")


def check_sc_case_id(value: str) -> tuple[str, str | None]:
    """Validate a Seller Central case id: (normalized, warning or None); UsageError if invalid."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    try:
        from casewriter import identifiers

        result = identifiers.check(text, "case_id")
        if result.status == "invalid":
            raise UsageError(
                f"not a Seller Central case id: {value!r} ({result.reason or 'invalid'})"
            )
        normalized = result.normalized or text
        warning = None if result.status == "valid" else (result.reason or "unusual case id")
        return normalized, warning
    except ImportError:
        pass
    if not text.isdigit():
        raise UsageError(f"not a Seller Central case id: {value!r} (case ids are 10 digits)")
    if not _CASE_ID_RE.match(text):
        return text, f"case id {text} has {len(text)} digits; Seller Central case ids have 10"
    return text, None


def parse_amount(text: str | Decimal | None, what: str = "amount") -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        amount = Decimal(str(text).replace(",", "").strip())
    except InvalidOperation:
        raise UsageError(f"not an {what}: {text!r} (expected a number like 24.99)") from None
    if not amount.is_finite():
        raise UsageError(f"not an {what}: {text!r}")
    return amount


def duplicate_case_ids(
    conn: sqlite3.Connection, identifiers: Iterable[tuple[str, str]]
) -> dict[int, list[tuple[str, str]]]:
    """Case numbers sharing a duplicate-relevant identifier (or the FNSKU+reference pair)."""
    ids = normalize_identifiers(identifiers)
    found: dict[int, list[tuple[str, str]]] = {}
    for kind, value in ids:
        if kind in DUPLICATE_KINDS:
            for (num,) in conn.execute(
                "SELECT case_id FROM identifiers WHERE value = ? AND kind = ?", (value, kind)
            ):
                found.setdefault(int(num), []).append((kind, value))
    first = [v for k, v in ids if k == DUPLICATE_PAIR[0]]
    second = [v for k, v in ids if k == DUPLICATE_PAIR[1]]
    for a in first:
        for b in second:
            for (num,) in conn.execute(
                "SELECT case_id FROM identifiers WHERE value = ? AND kind = ? INTERSECT "
                "SELECT case_id FROM identifiers WHERE value = ? AND kind = ?",
                (a, DUPLICATE_PAIR[0], b, DUPLICATE_PAIR[1]),
            ):
                found.setdefault(int(num), []).extend(
                    [(DUPLICATE_PAIR[0], a), (DUPLICATE_PAIR[1], b)]
                )
    return found


def fts_snapshot(conn: sqlite3.Connection, num: int) -> tuple[str, str, str] | None:
    row = conn.execute(
        "SELECT subject, body, search_extra FROM cases WHERE id = ?", (num,)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def fts_sync(conn: sqlite3.Connection, num: int, old: tuple[str, str, str] | None) -> None:
    """Recompute ``search_extra`` and update both full-text indexes (trigram, CJK) for one case."""
    extra = search_extra_for(conn, num)
    conn.execute("UPDATE cases SET search_extra = ? WHERE id = ?", (extra, num))
    new = fts_snapshot(conn, num)
    if new == old:
        return
    if old is not None:
        conn.execute(
            "INSERT INTO cases_fts(cases_fts, rowid, subject, body, search_extra) "
            "VALUES ('delete', ?, ?, ?, ?)",
            (num, *old),
        )
    if new is not None:
        conn.execute(
            "INSERT INTO cases_fts(rowid, subject, body, search_extra) VALUES (?, ?, ?, ?)",
            (num, *new),
        )
    cjk_sync(conn, num, old, new)
