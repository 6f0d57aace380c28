"""Glue between the Health screen and the core (``casewriter.health``): which review the screen
opens on, reading new report paths, and the screen's cache of the last review. No textual here,
so it is easy to test; everything blocks (files, SQLite): the screen calls it from a worker.

Opening (``open_review``), in order:

1. the review this screen remembered today (``health-review.json`` beside the log), when it is
   still the review of the log's last run, the same account records, the same settings and the
   same day: one small JSON file instead of every report again — and once read (or written) it
   is kept in memory with its fingerprint, so opening the screen again in the same session
   reads neither the file nor the reports, only the two small queries of the fingerprint;
2. the log's last review run (``casewriter.health.review_last``: its files read again, not
   recorded again), then remembered for the next opening;
3. no run yet but account records: the account review alone;
4. neither: None (the screen says how to get a review).

``read_reports`` is the screen's F5: ``run_review`` over the paths typed (recorded in the log,
as ``casewriter health`` does, unless the log is read-only), remembered the same way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from casewriter.errors import CasewriterError
from casewriter.tui.services import Services

if TYPE_CHECKING:
    from casewriter.health import HealthReview

CACHE_NAME = "health-review.json"
CACHE_VERSION = 1
CACHE_MAX_BYTES = 16 * 1024 * 1024
_KEPT: dict[str, tuple[str, HealthReview]] = {}
"""The review last read or written per cache file, with its fingerprint (JSON): one entry a
home; the screen never changes a review, so it is shared as it is."""
Origin = Literal["cache", "last-run", "records", "read"]
Progress = Callable[[Path, int, int], None]


@dataclass(frozen=True)
class Opened:
    """A review and where it came from (``origin``); ``recorded``: the run was remembered in
    the log (False for a read-only log)."""

    review: HealthReview
    origin: Origin
    recorded: bool = True


def cache_path(services: Services) -> Path:
    return services.paths.data_dir / CACHE_NAME


def _fingerprint(services: Services, as_of: date) -> dict[str, Any]:
    """What the remembered review depends on: the last run, every account record, the
    settings (targets, lead time), the user's templates folder, the day."""
    store = services.store
    runs = store.review_runs(limit=1)
    run = runs[0].to_json() | {"id": runs[0].id} if runs else None
    records = json.dumps([r.to_json() for r in store.health_records()], sort_keys=True)
    templates = services.paths.user_templates
    try:
        templates_stamp = templates.stat().st_mtime_ns if templates.is_dir() else 0
    except OSError:
        templates_stamp = 0
    return {
        "version": CACHE_VERSION,
        "run": run,
        "records": hashlib.sha256(records.encode()).hexdigest(),
        "settings": hashlib.sha256(repr(services.settings).encode()).hexdigest(),
        "templates": templates_stamp,
        "as_of": as_of.isoformat(),
    }


def _key_text(key: dict[str, Any]) -> str:
    return json.dumps(key, sort_keys=True)


def _load_cache(services: Services, key: dict[str, Any]) -> HealthReview | None:
    from casewriter.files import read_user_file
    from casewriter.health import HealthReview

    path = cache_path(services)
    kept = _KEPT.get(str(path))
    if kept is not None and kept[0] == _key_text(key) and path.is_file():
        return kept[1]
    if not path.is_file():
        return None
    try:
        data = json.loads(read_user_file(path, "cache", max_bytes=CACHE_MAX_BYTES))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        review = HealthReview.model_validate(data["review"])
    except (CasewriterError, ValueError, KeyError, TypeError):
        return None  # a stale or damaged cache is only a slower opening
    _KEPT[str(path)] = (_key_text(key), review)
    return review


def _remember(services: Services, key: dict[str, Any], review: HealthReview) -> None:
    """Keep ``review`` for the next opening (best effort: a folder that cannot be written
    only means the next opening reads the files again)."""
    from casewriter.files import write_atomic

    if services.store.read_only:
        return
    try:
        review_json = review.model_dump(mode="json")  # the contract's, and the app's Chinese
        write_atomic(cache_path(services), json.dumps({"key": key, "review": review_json}))
    except (CasewriterError, OSError):
        return
    _KEPT[str(cache_path(services))] = (_key_text(key), review)


def remembered(services: Services, as_of: date) -> Opened | None:
    """The review this screen remembered, if it is still the one to open (step 1 of the module
    docstring): one small file and two small queries, quick enough for the screen to take it
    while it is built; None otherwise."""
    cached = _load_cache(services, _fingerprint(services, as_of))
    return None if cached is None else Opened(cached, "cache")


def open_review(services: Services, as_of: date) -> Opened | None:
    """The review the screen opens on (see the module docstring)."""
    from casewriter.health.session import review_last, run_review

    key = _fingerprint(services, as_of)
    cached = _load_cache(services, key)
    if cached is not None:
        return Opened(cached, "cache")
    catalog = services.engine.catalog
    store = services.store
    review = review_last(store, catalog=catalog, settings=services.settings, as_of=as_of)
    if review is not None:
        _remember(services, key, review)
        return Opened(review, "last-run")
    if not store.health_records():
        return None
    review = run_review(store, [], catalog=catalog, settings=services.settings, as_of=as_of,
                        record=False)  # fmt: skip
    return Opened(review, "records")


def last_paths(services: Services) -> list[Path]:
    """The files of the log's last review run (what F5 reads again when no path is typed)."""
    runs = services.store.review_runs(limit=1)
    if not runs:
        return []
    return [Path(str(s["path"])) for s in runs[0].sources if s.get("path")]


def read_reports(
    services: Services,
    paths: list[Path],
    *,
    as_of: date,
    marketplace: str | None,
    progress: Progress | None = None,
) -> Opened:
    """Review ``paths`` (files or folders) with the log's account records and remember the run
    in the log (unless it is read-only), as ``casewriter health`` does."""
    from casewriter.health.session import run_review

    store = services.store
    review = run_review(store, paths, catalog=services.engine.catalog, settings=services.settings,
                        as_of=as_of, marketplace=marketplace, progress=progress)  # fmt: skip
    _remember(services, _fingerprint(services, as_of), review)
    return Opened(review, "read", recorded=not store.read_only)
