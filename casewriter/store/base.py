"""``StoreBase``: the connection, lock, clock and transaction helpers every ``CaseStore`` part
shares, plus reading one full case (``get``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from casewriter.errors import NotFoundError
from casewriter.store import db
from casewriter.store.model import (
    EVENT_KINDS,
    CaseSummary,
    DuplicateKeys,
    Event,
    LoggedCase,
    format_id,
    parse_id,
    utcnow,
)
from casewriter.store.rows import (
    HEAD_COLS,
    SUMMARY_COLS,
    created_updated,
    duplicate_case_ids,
    head_cells,
    same_problem,
    summary_from_row,
)
from casewriter.store.values import URGENCIES, BadText, Cells

FULL_COLS = (
    f"{HEAD_COLS}, body, draft_json, urgency, follow_up_at, deadline_closes, expected_amount, "
    "received_amount, currency, created_at, updated_at, filed_at, resolved_at"
)


class StoreBase:
    """Holds one SQLite connection (thread-safe through a lock) and the store's clock."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        follow_up_hours: int = 48,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._conn = conn
        self.path = path
        self.follow_up_hours = follow_up_hours
        self.clock = clock
        self._lock = threading.RLock()
        self.read_only = False
        """Opened read-only because the log cannot be written here (see ``notices``)."""
        self.notices: list[str] = []
        """What the user should be told about opening the log (read-only, a safety copy)."""

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` write transaction (read-then-write safe across processes)."""
        return db.immediate(self._conn, self._lock, self.path)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, db.errors(self.path, writing=False):
            yield self._conn

    def _now(self, now: datetime | None) -> datetime:
        from casewriter.store.model import to_utc

        return to_utc(now) if now is not None else to_utc(self.clock())

    @staticmethod
    def _num(case_id: str | int) -> int:
        return case_id if isinstance(case_id, int) else parse_id(case_id)

    def _require(self, conn: sqlite3.Connection, num: int) -> tuple[object, ...]:
        row = conn.execute(
            "SELECT status, sc_case_id, follow_up_at, filed_at FROM cases WHERE id = ?", (num,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no case {format_id(num)} in the log")
        return tuple(row)

    def _event(
        self, conn: sqlite3.Connection, num: int, kind: str, at: str, text: str = ""
    ) -> None:
        conn.execute(
            "INSERT INTO events(case_id, kind, at, text) VALUES (?, ?, ?, ?)", (num, kind, at, text)
        )

    def _result(
        self, num: int, *, duplicates: bool = False, keys: DuplicateKeys | None = None
    ) -> LoggedCase:
        """The case as a write leaves it, read inside the write's transaction: if reading it
        back fails, the write is rolled back too (never "error" printed after a commit).
        ``duplicates``: also the open cases on the same problem (``keys``: its type's rule)."""
        case = self.get(num)
        if duplicates:
            case.duplicates = self.duplicates(
                case.identifiers, exclude=num, case_type=case.case_type, keys=keys
            )
        return case

    def _link(self, conn: sqlite3.Connection, a: int, b: int, at: str) -> bool:
        """Link two existing cases (events on both); False if they were linked already."""
        a, b = sorted((a, b))
        cur = conn.execute(
            "INSERT OR IGNORE INTO links(a, b, created_at) VALUES (?, ?, ?)", (a, b, at)
        )
        if not cur.rowcount:
            return False
        self._event(conn, a, "linked", at, format_id(b))
        self._event(conn, b, "linked", at, format_id(a))
        conn.execute("UPDATE cases SET updated_at = ? WHERE id IN (?, ?)", (at, a, b))
        return True

    def duplicates(
        self,
        identifiers: Iterable[tuple[str, str]],
        exclude: str | int | None = None,
        *,
        case_type: str | None = None,
        keys: DuplicateKeys | None = None,
        include_closed: bool = False,
    ) -> list[CaseSummary]:
        """Cases on the same problem (``rows.same_problem``): of ``case_type``, sharing every
        identifier kind of one group of ``keys`` (its catalog rule; None: the log's general
        rule), or the Seller Central case id. Open ones only unless ``include_closed``.
        Without ``case_type``: any type, by the general rule (callers that do not know it)."""
        skip = None if exclude is None else self._num(exclude)
        with self._read() as conn:
            if case_type is None:
                return self._any_type(conn, identifiers, skip, include_closed)
            return same_problem(conn, case_type, identifiers, keys, exclude=skip,
                                include_closed=include_closed)  # fmt: skip

    def _any_type(
        self,
        conn: sqlite3.Connection,
        identifiers: Iterable[tuple[str, str]],
        skip: int | None,
        include_closed: bool,
    ) -> list[CaseSummary]:
        found = duplicate_case_ids(conn, identifiers)
        if skip is not None:
            found.pop(skip, None)
        if not found:
            return []
        marks = ",".join("?" * len(found))
        closed = "" if include_closed else " AND status NOT IN ('resolved', 'denied', 'closed')"
        rows = conn.execute(
            f"SELECT {SUMMARY_COLS} FROM cases WHERE id IN ({marks}){closed} ORDER BY id",
            list(found),
        ).fetchall()
        return [summary_from_row(tuple(r), dict.fromkeys(found[int(r[0])])) for r in rows]

    def get(self, case_id: str | int) -> LoggedCase:
        """The full case; ``NotFoundError`` (exit 2) if there is none with that id."""
        num = self._num(case_id)
        with self._read() as conn:
            row = conn.execute(f"SELECT {FULL_COLS} FROM cases WHERE id = ?", (num,)).fetchone()
            if row is None:
                raise NotFoundError(f"no case {format_id(num)} in the log")
            idents = conn.execute(
                "SELECT kind, value FROM identifiers WHERE case_id = ? ORDER BY kind, value", (num,)
            ).fetchall()
            links = conn.execute(
                "SELECT b FROM links WHERE a = ? UNION SELECT a FROM links WHERE b = ? ORDER BY 1",
                (num, num),
            ).fetchall()
            events = conn.execute(
                "SELECT kind, at, text FROM events WHERE case_id = ? ORDER BY id", (num,)
            ).fetchall()
        return case_from_row(tuple(row), idents, [int(x[0]) for x in links], events)


def case_from_row(
    row: tuple[object, ...],
    idents: list[tuple[str, str]],
    links: list[int],
    events: list[tuple[str, str, str]],
) -> LoggedCase:
    """The full record from ``FULL_COLS`` and its child rows. A stored value that cannot be read
    is ``None`` (times: a fallback) and listed in ``invalid``; this never raises for bad data."""
    cells = Cells()
    created, updated = created_updated(cells, row[15], row[16])
    case = LoggedCase(
        **head_cells(cells, row),
        body=cells.text("body", row[7]),
        draft=_draft(cells, row[8]),
        urgency=cells.choice("urgency", row[9], URGENCIES),
        follow_up=cells.ts("follow_up", row[10]),
        deadline_closes=cells.date("deadline_closes", row[11]),
        expected_amount=cells.amount("expected_amount", row[12]),
        received_amount=cells.amount("received_amount", row[13]),
        currency=cells.currency(row[14]),
        created_at=created,
        updated_at=updated,
        filed_at=cells.ts("filed_at", row[17]),
        resolved_at=cells.ts("resolved_at", row[18]),
        identifiers=[(cells.text("identifier", k), cells.text("identifier", v)) for k, v in idents],
        links=[format_id(n) for n in links],
    )
    for n, (kind, at, text) in enumerate(events, start=1):
        when = cells.ts(f"events[{n}].at", at)
        case.events.append(
            Event(
                kind=cells.choice(f"events[{n}].kind", kind, EVENT_KINDS),
                at=when or created,
                text=cells.text(f"events[{n}].text", text),
            )
        )
    case.invalid = cells.invalid
    return case


def _draft(cells: Cells, raw: object) -> dict[str, Any]:
    import json  # here, not at the top: opening the log for the TUI's first frame skips it

    if not raw:
        return {}
    try:
        data = (
            json.loads(raw)
            if isinstance(raw, (str, bytes)) and not isinstance(raw, BadText)
            else None
        )
    except (ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        return data
    cells.invalid.append(("draft", raw if type(raw) is str else repr(getattr(raw, "raw", raw))))
    return {}
