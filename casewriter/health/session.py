"""The review with the log: account records read from it, each run remembered in it.

``run_review`` is what ``casewriter health`` and the Health screen call; it remembers the run
with its sources, the stranded report's auto-removal dates on that source (``log due`` and the
calendar export remind of them: ``store.health_removals``). ``review_last`` reopens the last
run's files (the Health screen opens on it). Both block (file reading, SQLite): a
screen calls them from a worker thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.health.model import AccountRecord, HealthReview
from casewriter.health.review import build_review
from casewriter.health.targets import targets_for

if TYPE_CHECKING:
    from casewriter.engine import Catalog
    from casewriter.reports.readers import Progress
    from casewriter.store import CaseStore
    from casewriter.store.health import HealthRecord


def account_records(store: CaseStore) -> list[AccountRecord]:
    """Every account record of the log as the review reads it (unreadable values left out)."""
    return [to_account_record(r) for r in store.health_records()]


def to_account_record(r: HealthRecord) -> AccountRecord:
    return AccountRecord(date=r.day, marketplace=r.marketplace, **r.metrics)


def run_review(
    store: CaseStore,
    files: Sequence[Path | str],
    *,
    catalog: Catalog,
    settings: Any,
    as_of: date | None = None,
    marketplace: str | None = None,
    record: bool = True,
    progress: Progress | None = None,
) -> HealthReview:
    """Build the review of ``files`` with the log's account records; with ``record`` (and a
    writable log) remember the run: its date, marketplace, whether it read inventory reports
    (what makes the monthly review no longer due) and its sources."""
    review = build_review(
        files, account_records(store), catalog=catalog, targets=targets_for(settings),
        as_of=as_of, marketplace=marketplace,
        default_marketplace=getattr(settings, "default_marketplace", "US"), progress=progress,
    )  # fmt: skip
    if record and not store.read_only:
        sources: list[dict[str, Any]] = [
            {"path": _absolute(s.path), "type": s.type, "rows": s.rows, "status": s.status}
            for s in review.sources if s.status in ("read", "partial")
        ]  # fmt: skip
        stranded = next((s for s in sources if s["type"] == "stranded-inventory"), None)
        if stranded is not None:  # the reminders of `log due` and the calendar export
            stranded["auto_removal"] = auto_removals(review)
        store.record_review_run(review.as_of, review.marketplace, review.inventory.read, sources)
    return review


def _absolute(path: str) -> str:
    """``path`` as the run remembers it: resolved, so the last run's files can be read again
    from any folder (``casewriter health reports/`` typed in one folder, the app started in
    another)."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop: absolute, not resolved
        return str(Path(path).absolute())


def auto_removals(review: HealthReview) -> list[dict[str, Any]]:
    """The stranded listings' auto-removal dates (the soonest ones the figure lists)."""
    fig = next((f for f in review.inventory.figures if f.key == "stranded"), None)
    if fig is None:
        return []
    return [{"date": i.deadline.isoformat(), "sku": i.sku, "fnsku": i.fnsku, "units": i.units}
            for i in fig.items if isinstance(i.deadline, date)]  # fmt: skip


def review_last(
    store: CaseStore, *, catalog: Catalog, settings: Any, as_of: date | None = None
) -> HealthReview | None:
    """The review of the last run's files (read again, not recorded again); None when no
    review was ever run. A file gone since is listed as unreadable."""
    runs = store.review_runs(limit=1)
    if not runs:
        return None
    last = runs[0]
    paths = [str(s["path"]) for s in last.sources if s.get("path")]
    return run_review(store, paths, catalog=catalog, settings=settings, as_of=as_of,
                      marketplace=last.marketplace or None, record=False)  # fmt: skip
