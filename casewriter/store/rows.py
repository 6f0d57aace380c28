"""Row-level helpers shared by the store modules: column lists, row -> record conversion,
identifier normalization, and keeping the full-text index in step with a case row.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypedDict

from casewriter.errors import UsageError
from casewriter.store.cjk import cjk_sync
from casewriter.store.migrations import search_extra_for
from casewriter.store.model import (
    CLOSED_STATUSES,
    DEFAULT_DUPLICATE_KEYS,
    DUPLICATE_KINDS,
    DUPLICATE_PAIR,
    STATUSES,
    CaseSummary,
    DuplicateKeys,
    format_id,
)
from casewriter.store.values import URGENCIES, Cells
from casewriter.store.values import parse_amount as parse_amount

#: The columns every case row starts with (``SUMMARY_COLS``, ``base.FULL_COLS``): ``head_cells``.
HEAD_COLS = "id, profile, marketplace, case_type, status, sc_case_id, subject"
SUMMARY_COLS = f"{HEAD_COLS}, urgency, follow_up_at, deadline_closes, created_at, updated_at"


class Head(TypedDict):
    """The fields of ``HEAD_COLS``, which a list row and a full record both start with."""

    id: str
    profile: str
    marketplace: str
    case_type: str
    status: str
    sc_case_id: str | None
    subject: str


def head_cells(cells: Cells, row: Sequence[object]) -> Head:
    """The values of a row's ``HEAD_COLS`` (its first seven columns), read by ``cells``."""
    sc = row[5]
    return Head(
        id=format_id(int(str(row[0]))),
        profile=cells.text("profile", row[1]),
        marketplace=cells.marketplace(row[2]),
        case_type=cells.text("case_type", row[3]),
        status=cells.choice("status", row[4], STATUSES),
        sc_case_id=None if sc is None else cells.text("sc_case_id", sc),
        subject=cells.text("subject", row[6]),
    )


#: Shown for a creation or update time that cannot be read (the row lists it as invalid).
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def created_updated(
    cells: Cells, created_raw: object, updated_raw: object
) -> tuple[datetime, datetime]:
    """The two required times of a case; an unreadable one falls back to the other (or the
    epoch) and is recorded in ``cells.invalid``."""
    created = cells.ts("created_at", created_raw)
    updated = cells.ts("updated_at", updated_raw)
    if created is None:
        if not created_raw:
            cells.invalid.append(("created_at", ""))
        created = updated or EPOCH
    if updated is None:
        if not updated_raw:
            cells.invalid.append(("updated_at", ""))
        updated = created
    return created, updated


def summary_from_row(row: tuple[Any, ...], matched: Iterable[tuple[str, str]] = ()) -> CaseSummary:
    """A list row from ``SUMMARY_COLS``; an unreadable value is ``None`` and listed in
    ``invalid``, never an exception."""
    cells = Cells()
    created, updated = created_updated(cells, row[10], row[11])
    return CaseSummary(
        **head_cells(cells, row),
        urgency=cells.choice("urgency", row[7], URGENCIES),
        follow_up=cells.ts("follow_up", row[8]),
        deadline_closes=cells.date("deadline_closes", row[9]),
        created_at=created,
        updated_at=updated,
        matched=tuple(matched),
        invalid=tuple(cells.invalid),
    )


def normalize_identifier(kind: str, value: str) -> tuple[str, str]:
    """(kind, value) in the canonical form the log stores and matches on."""
    from casewriter.identifiers import normalize

    kind = kind.strip().lower()
    text = unicodedata.normalize("NFKC", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()
    return kind, normalize(text, kind) or text


def normalize_identifiers(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for kind, value in pairs:
        if str(value).strip():
            seen[normalize_identifier(kind, value)] = None
    return list(seen)


def check_sc_case_id(value: str) -> tuple[str, str | None]:
    """Validate a Seller Central case id: (normalized, warning or None); UsageError if invalid."""
    from casewriter.identifiers import check

    text = unicodedata.normalize("NFKC", str(value)).strip()
    result = check(text, "case_id")
    if result.status == "invalid":
        raise UsageError(f"not a Seller Central case id: {value!r} ({result.reason or 'invalid'})")
    normalized = result.normalized or text
    warning = None if result.status == "valid" else (result.reason or "unusual case id")
    return normalized, warning


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


def same_problem(
    conn: sqlite3.Connection,
    case_type: str,
    identifiers: Iterable[tuple[str, str]],
    keys: DuplicateKeys | None = None,
    *,
    exclude: int | None = None,
    include_closed: bool = False,
) -> list[CaseSummary]:
    """Logged cases on the same problem as a case of ``case_type`` with these identifiers: a case
    of the same type sharing every kind of one group of ``keys`` (the log's general rule when
    None), or any case with the same Seller Central case id; closed ones only with
    ``include_closed``. One query on the covering identifier index (``identifiers_value``)
    finds the candidates; only when there are some, one more reads them by primary key."""
    groups = tuple(tuple(g) for g in (keys if keys is not None else DEFAULT_DUPLICATE_KEYS))
    wanted = {k for g in groups for k in g} | {"case_id"}
    ids = {(k, v) for k, v in normalize_identifiers(identifiers) if k in wanted}
    if not ids:
        return []
    values = sorted({v for _k, v in ids})
    shared: dict[int, list[tuple[str, str]]] = {}
    for num, kind, value in conn.execute(
        f"SELECT case_id, kind, value FROM identifiers WHERE value IN ({','.join('?' * len(values))})",
        values,
    ):
        if (str(kind), str(value)) in ids and int(num) != exclude:
            shared.setdefault(int(num), []).append((str(kind), str(value)))
    by_id = {num: {k for k, _v in pairs} for num, pairs in shared.items()}
    candidates = [n for n, kinds in by_id.items() if "case_id" in kinds or any(set(g) <= kinds for g in groups)]  # fmt: skip
    if not candidates:
        return []
    closed = "" if include_closed else (
        f" AND status NOT IN ({','.join(repr(s) for s in CLOSED_STATUSES)})"
    )  # fmt: skip
    rows = conn.execute(
        f"SELECT {SUMMARY_COLS} FROM cases WHERE id IN ({','.join('?' * len(candidates))}) "
        f"AND (case_type = ? OR id IN ({','.join(str(n) for n in candidates if 'case_id' in by_id[n]) or 'NULL'})){closed} "
        "ORDER BY id",
        [*candidates, case_type],
    ).fetchall()
    out: list[CaseSummary] = []
    for row in rows:
        num = int(row[0])
        kinds = by_id[num]
        hit = [g for g in groups if row[3] == case_type and set(g) <= kinds]
        if "case_id" in kinds:
            hit.append(("case_id",))
        named = {k for g in hit for k in g}
        matched = sorted(dict.fromkeys(p for p in shared[num] if p[0] in named))
        out.append(summary_from_row(tuple(row), matched))
    return out


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
