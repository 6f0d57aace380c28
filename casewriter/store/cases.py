"""``CaseStore``: the case log's public API, all of it in one class (see docs/architecture.md,
"Store API").

Opening checks the file before touching it (``db.connect``); listing, counting and the due
report live here; saving is ``saving.py``'s; filing, replies, statuses, follow-ups, amounts
and links ``lifecycle.py``'s; search, export/import, stats, backups and repair have their own
modules. One store holds one connection guarded by a lock, so TUI worker threads may share it.

Size: ~330 lines because the whole public API is this one class; most methods only say what they
do and call the module that does it, and the functions of ``saving``, ``lifecycle`` and ``health``
that take the store first are methods as they are (one signature and docstring each).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import db, health, lifecycle, saving
from casewriter.store.base import StoreBase
from casewriter.store.health import HealthRecord, ReviewRun
from casewriter.store.model import (
    CLOSED_STATUSES,
    CaseSummary,
    DeadlineItem,
    DueReport,
    DuplicateKeys,
    LoggedCase,
    SearchHit,
    check_status,
    ts_text,
    utcnow,
)
from casewriter.store.rows import (
    SUMMARY_COLS,
    summary_from_row,
)

ORDERS = {
    "updated": "updated_at DESC, id DESC",
    "created": "id DESC",
    "follow_up": "follow_up_at ASC, id ASC",
}


class CaseStore(StoreBase):
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

    # -- saving (saving.py) and after saving (lifecycle.py) -------------------------------
    # The modules' functions take the store first, so each is this class's method as it is:
    # one signature and one docstring, kept where the work is done.
    save_new = saving.save_new
    update_case = saving.update_case
    save_filed = saving.save_filed
    file = lifecycle.file
    set_status = lifecycle.set_status
    add_event = lifecycle.add_event
    set_follow_up = lifecycle.set_follow_up
    set_amounts = lifecycle.set_amounts
    link = lifecycle.link

    def repair(
        self, case_id: str | int, now: datetime | None = None
    ) -> tuple[LoggedCase, list[str]]:
        """Clear or reset the values of a case that cannot be read (``repair.py``); the old
        raw values go into a note. Returns the case and what was changed."""
        from casewriter.store.repair import repair

        return repair(self, case_id, now)

    # -- reading ----------------------------------------------------------------------------
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

    def index_type_words(self, words: Mapping[str, str]) -> int:
        """Keep each case type's searchable words (titles and problem words, both languages:
        ``engine.type_words``) and reindex the cases whose type's words changed; how many were.
        A read-only log is left as it is (0)."""
        from casewriter.store.search import index_type_words

        if self.read_only:
            return 0
        with self._read() as conn:
            have = dict(conn.execute("SELECT case_type, words FROM type_words").fetchall())
        if all(have.get(k) == " ".join(v.split()) for k, v in words.items()):
            return 0
        with self._tx() as conn:
            return index_type_words(conn, words)

    def due(
        self,
        now: datetime | None = None,
        *,
        horizon_days: int = 7,
        tz: tzinfo | None = None,
        limit: int = 500,
        review_days: tuple[int, int] | None = None,
        upcoming: bool = False,
    ) -> DueReport:
        """Follow-ups due or overdue at ``now``, and drafts whose claim window closes within
        ``horizon_days`` (calendar days in ``tz``, the local zone by default). With
        ``review_days`` (account, inventory: ``casewriter.health.due_days()``, the health
        targets' data), also the health reviews due (``DueReport.reviews``) and the stranded
        auto-removal dates of the last review within the horizon (``DueReport.removals``);
        ``upcoming`` (the calendar export): also the next reviews not due yet, and every
        auto-removal date ahead."""
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
            reviews = []
            removals = []
            if review_days is not None:
                from casewriter.store.health import reviews_due
                from casewriter.store.health_removals import removals_due

                reviews = reviews_due(conn, today, *review_days, upcoming=upcoming)
                removals = removals_due(conn, today, None if upcoming else last)
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
            reviews=reviews,
            removals=removals,
        )

    # -- health review (health.py) ----------------------------------------------------------
    def health_records(
        self, marketplace: str | None = None, *, until: date | None = None
    ) -> builtins.list[HealthRecord]:
        """Account records (``health record``), oldest first; of one marketplace if given."""
        return health.records(self, marketplace, until)

    record_health = health.record
    delete_health_record = health.delete
    record_review_run = health.record_run

    def review_runs(
        self, *, limit: int = 20, inventory: bool | None = None
    ) -> builtins.list[ReviewRun]:
        """Review runs, newest first (``inventory``: only those that read / did not read
        inventory reports)."""
        return health.runs(self, limit=limit, inventory=inventory)

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
        extra: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Import exported cases, all or nothing; existing ids are skipped (or renumbered);
        ``case_types``: the known case type ids; ``extra``: the export's health records and
        review runs (filled by ``jsonstream.iter_cases``). Returns a report."""
        from casewriter.store.importer import import_rows

        return import_rows(self, rows, renumber=renumber, case_types=case_types, extra=extra)

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


__all__ = ["CLOSED_STATUSES", "CaseStore"]
