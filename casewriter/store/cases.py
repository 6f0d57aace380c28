"""``CaseStore``: the case log's public API (see docs/architecture.md, "Store API").

Opening checks the file before touching it (``db.connect``); saving, listing and counting live
here; filing and replies in ``lifecycle.py``; search, export/import and stats in their own
modules. One store holds one connection guarded by a lock, so TUI worker threads may share it.
"""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import db, values
from casewriter.store.lifecycle import LifecycleMixin
from casewriter.store.model import (
    CLOSED_STATUSES,
    CaseSummary,
    DeadlineItem,
    DueReport,
    DuplicateKeys,
    LoggedCase,
    NewCase,
    SearchHit,
    check_status,
    ts_text,
    utcnow,
)
from casewriter.store.rows import (
    SUMMARY_COLS,
    fts_snapshot,
    fts_sync,
    normalize_identifiers,
    summary_from_row,
)

ORDERS = {
    "updated": "updated_at DESC, id DESC",
    "created": "id DESC",
    "follow_up": "follow_up_at ASC, id ASC",
}


class CaseStore(LifecycleMixin):
    """The SQLite case log. Use ``CaseStore.open(paths)``; close it (or use ``with``)."""

    @classmethod
    def open(
        cls,
        paths: AppPaths,
        *,
        create: bool = True,
        follow_up_hours: int = 48,
        clock: Callable[[], datetime] = utcnow,
        deep_check: bool | None = None,
        allow_read_only: bool = False,
    ) -> CaseStore:
        """Open (or create) ``paths.db_file``; ``StoreError`` on a corrupt, damaged or
        newer-schema file, ``StoreAccessError`` when it cannot be written here (read-only, no
        space, permission) unless ``allow_read_only``: then ``read_only`` is set and
        ``notices`` says why. ``notices`` also names the safety copy made before a migration."""
        path = paths.db_file
        opened = db.connect(
            path, create=create, deep_check=deep_check, allow_read_only=allow_read_only
        )
        store = cls(opened.conn, path, follow_up_hours=follow_up_hours, clock=clock)
        store.read_only = opened.read_only
        store.notices = list(opened.notices)
        return store

    @classmethod
    def open_read_only(cls, paths: AppPaths) -> CaseStore | None:
        """The log only to read (``db.connect_read_only``: nothing created, migrated or
        written), or None when there is none yet."""
        opened = db.connect_read_only(paths.db_file)
        if opened is None:
            return None
        store = cls(opened.conn, paths.db_file)
        store.read_only = True
        return store

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- saving -----------------------------------------------------------------------------
    def save_new(
        self, new: NewCase, now: datetime | None = None, *, link: str | int | None = None
    ) -> LoggedCase:
        """Log a new case (status ``draft``, event ``created``); ``.duplicates`` lists open
        cases that share an identifier with it. ``link``: also link it to that case, in the
        same transaction (an unknown case id saves nothing)."""
        at = ts_text(self._now(now)) or ""
        cols = _case_values(new)
        other = None if link is None else self._num(link)
        with self._tx() as conn:
            if other is not None:
                self._require(conn, other)
            cur = conn.execute(
                "INSERT INTO cases(profile, marketplace, case_type, status, subject, body, "
                "draft_json, urgency, deadline_closes, expected_amount, currency, created_at, "
                "updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*cols, at, at),
            )
            num = int(cur.lastrowid or 0)
            _put_identifiers(conn, num, new.identifiers)
            self._event(conn, num, "created", at)
            fts_sync(conn, num, None)
            if other is not None:
                self._link(conn, num, other, at)
            case = self._result(num, duplicates=True, keys=new.duplicate_keys)
        return case

    def update_case(
        self, case_id: str | int, new: NewCase, now: datetime | None = None
    ) -> LoggedCase:
        """Replace a case's draft, text and identifiers (event ``edited``)."""
        num = self._num(case_id)
        at = ts_text(self._now(now)) or ""
        cols = _case_values(new)
        with self._tx() as conn:
            _status, sc_case_id, _fu, _filed = self._require(conn, num)
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
            self._event(conn, num, "edited", at)
            fts_sync(conn, num, old)
            case = self._result(num, duplicates=True, keys=new.duplicate_keys)
        return case

    def unlinked_duplicates(
        self, case_id: str | int, *, keys: DuplicateKeys | None = None
    ) -> list[CaseSummary]:
        """Open cases on the same problem as this one (``keys``: its type's rule) that it is
        not linked to yet."""
        case = self.get(case_id)
        linked = set(case.links)
        found = self.duplicates(
            case.identifiers, exclude=case.id, case_type=case.case_type, keys=keys
        )
        return [d for d in found if d.id not in linked]

    # -- reading ----------------------------------------------------------------------------
    def _where(
        self,
        status: str | None,
        case_type: str | None,
        profile: str | None,
        due: bool,
        now: datetime | None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if status:
            clauses.append("status = ?")
            params.append(check_status(status))
        if case_type:
            clauses.append("case_type = ?")
            params.append(case_type)
        if profile:
            clauses.append("profile = ?")
            params.append(profile)
        if due:
            clauses.append(
                "follow_up_at IS NOT NULL AND follow_up_at <= ? "
                "AND status NOT IN ('resolved', 'denied', 'closed')"
            )
            params.append(ts_text(self._now(now)))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def list(
        self,
        *,
        status: str | None = None,
        case_type: str | None = None,
        profile: str | None = None,
        due: bool = False,
        limit: int = 50,
        offset: int = 0,
        order: str = "updated",
        now: datetime | None = None,
    ) -> list[CaseSummary]:
        """One page of cases, newest activity first (``order``: updated, created, follow_up)."""
        if order not in ORDERS:
            raise UsageError(f"unknown order {order!r} (one of: {', '.join(ORDERS)})")
        if limit < 0 or offset < 0:
            raise UsageError("limit and offset must not be negative")
        where, params = self._where(status, case_type, profile, due, now)
        sql = f"SELECT {SUMMARY_COLS} FROM cases{where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?"
        with self._read() as conn:
            rows = conn.execute(sql, [*params, limit, offset]).fetchall()
        return [summary_from_row(tuple(r)) for r in rows]

    def count(
        self,
        *,
        status: str | None = None,
        case_type: str | None = None,
        profile: str | None = None,
        due: bool = False,
        now: datetime | None = None,
    ) -> int:
        where, params = self._where(status, case_type, profile, due, now)
        with self._read() as conn:
            return int(conn.execute(f"SELECT count(*) FROM cases{where}", params).fetchone()[0])

    def search(self, text: str, limit: int = 20) -> builtins.list[SearchHit]:
        """Full-text search (subjects, bodies, notes, identifiers), ranked, with a snippet."""
        from casewriter.store.search import search

        with self._read() as conn:
            return search(conn, text, limit)

    def due(
        self,
        now: datetime | None = None,
        *,
        horizon_days: int = 7,
        tz: tzinfo | None = None,
        limit: int = 500,
    ) -> DueReport:
        """Follow-ups due or overdue at ``now``, and drafts whose claim window closes within
        ``horizon_days`` (calendar days in ``tz``, the local zone by default)."""
        when = self._now(now)
        today = when.astimezone(tz).date()
        last = today + timedelta(days=horizon_days)
        with self._read() as conn:
            fu = conn.execute(
                f"SELECT {SUMMARY_COLS} FROM cases WHERE follow_up_at IS NOT NULL "
                "AND follow_up_at <= ? AND status NOT IN ('resolved', 'denied', 'closed') "
                "ORDER BY follow_up_at, id LIMIT ?",
                (ts_text(when), limit),
            ).fetchall()
            dl = conn.execute(
                f"SELECT {SUMMARY_COLS} FROM cases WHERE deadline_closes IS NOT NULL "
                "AND deadline_closes BETWEEN ? AND ? AND status = 'draft' "
                "ORDER BY deadline_closes, id LIMIT ?",
                (today.isoformat(), last.isoformat(), limit),
            ).fetchall()
        deadlines = []
        for row in dl:
            summary = summary_from_row(tuple(row))
            closes = summary.deadline_closes or today
            deadlines.append(DeadlineItem(summary, closes, (closes - today).days))
        return DueReport(
            now=when,
            follow_ups=[summary_from_row(tuple(r)) for r in fu],
            deadlines=deadlines,
            horizon_days=horizon_days,
        )

    # -- export, import, stats, backup ------------------------------------------------------
    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every case as its full JSON record (the shape ``import_rows`` reads), oldest first."""
        from casewriter.store.export import export_rows

        yield from export_rows(self)

    def import_rows(
        self,
        rows: Iterable[Mapping[str, Any]],
        *,
        renumber: bool = False,
        case_types: Collection[str] | None = None,
    ) -> dict[str, Any]:
        """Import exported cases, all or nothing; existing ids are skipped (or renumbered);
        ``case_types``: the known case type ids. Returns a report."""
        from casewriter.store.importer import import_rows

        return import_rows(self, rows, renumber=renumber, case_types=case_types)

    def stats(self, *, profile: str | None = None) -> dict[str, Any]:
        from casewriter.store.stats import stats

        with self._read() as conn:
            return stats(conn, profile=profile)

    def backup(self, path: str | Path) -> Path:
        """Copy the log with SQLite's online backup API (safe while others write) to a new
        file, or to a dated file inside a folder (an existing one, or a path ending in ``/``)."""
        from casewriter.store.backup import backup_to

        with self._read() as conn:
            return backup_to(conn, self.path, path)

    def safety_copy(self, why: str) -> Path:
        """A copy beside the log before a risky change (the newest few are kept)."""
        from casewriter.store.backup import safety_copy

        with self._read() as conn:
            return safety_copy(conn, self.path, why)


def _case_values(new: NewCase) -> tuple[Any, ...]:
    """The stored columns of a ``NewCase``, every one checked (UsageError before any write)."""
    import json  # here, not at the top: opening the log for the TUI's first frame skips it

    if not isinstance(new.case_type, str) or not new.case_type.strip():
        raise UsageError("a case needs a case type")
    closes = new.deadline_closes
    if closes is not None and not isinstance(closes, date):
        raise UsageError(f"not a date: {closes!r} (the claim window's closing day)")
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


__all__ = ["CLOSED_STATUSES", "CaseStore"]
