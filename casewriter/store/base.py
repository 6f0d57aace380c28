"""``StoreBase``: the connection, lock, clock and transaction helpers every ``CaseStore`` part
shares, plus reading one full case (``get``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from casewriter.errors import NotFoundError
from casewriter.store import db
from casewriter.store.model import (
    CaseSummary,
    Event,
    LoggedCase,
    date_parse,
    format_id,
    parse_id,
    ts_parse,
    utcnow,
)
from casewriter.store.rows import SUMMARY_COLS, duplicate_case_ids, summary_from_row

FULL_COLS = (
    "id, profile, marketplace, case_type, status, sc_case_id, subject, body, draft_json, "
    "urgency, follow_up_at, deadline_closes, expected_amount, received_amount, currency, "
    "created_at, updated_at, filed_at, resolved_at"
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

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` write transaction (read-then-write safe across processes)."""
        return db.immediate(self._conn, self._lock, self.path)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, db.errors(self.path):
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

    def duplicates(
        self, identifiers: Iterable[tuple[str, str]], exclude: str | int | None = None
    ) -> list[CaseSummary]:
        """Open cases sharing a duplicate-relevant identifier (see ``DUPLICATE_KINDS``)."""
        skip = None if exclude is None else self._num(exclude)
        with self._read() as conn:
            found = duplicate_case_ids(conn, identifiers)
            if skip is not None:
                found.pop(skip, None)
            if not found:
                return []
            marks = ",".join("?" * len(found))
            rows = conn.execute(
                f"SELECT {SUMMARY_COLS} FROM cases WHERE id IN ({marks}) "
                f"AND status NOT IN ('resolved', 'denied', 'closed') ORDER BY id",
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
    import json  # here, not at the top: opening the log for the TUI's first frame skips it

    created = ts_parse(str(row[15]))
    updated = ts_parse(str(row[16]))
    assert created is not None and updated is not None
    return LoggedCase(
        id=format_id(int(str(row[0]))),
        profile=str(row[1]),
        marketplace=str(row[2]),
        case_type=str(row[3]),
        status=str(row[4]),
        sc_case_id=None if row[5] is None else str(row[5]),
        subject=str(row[6]),
        body=str(row[7]),
        draft=json.loads(str(row[8]) or "{}"),
        urgency=str(row[9]),
        follow_up=ts_parse(row[10] if isinstance(row[10], str) else None),
        deadline_closes=date_parse(row[11] if isinstance(row[11], str) else None),
        expected_amount=None if row[12] is None else Decimal(str(row[12])),
        received_amount=None if row[13] is None else Decimal(str(row[13])),
        currency=str(row[14]),
        created_at=created,
        updated_at=updated,
        filed_at=ts_parse(row[17] if isinstance(row[17], str) else None),
        resolved_at=ts_parse(row[18] if isinstance(row[18], str) else None),
        identifiers=[(str(k), str(v)) for k, v in idents],
        links=[format_id(n) for n in links],
        events=[Event(kind=k, at=ts_parse(a) or utcnow(), text=t) for k, a, t in events],
    )
