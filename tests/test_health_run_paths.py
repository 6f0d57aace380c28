"""A review run is remembered with resolved absolute paths (issue 15 F16): ``casewriter health
reports`` typed in one folder, the last run is read again from any other folder (the Health
screen opens on it)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.health.session import review_last
from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from tests.conftest import REPO

US = REPO / "tests" / "data" / "health" / "cedarpine"


def test_a_run_with_relative_paths_reopens_from_elsewhere(
    cli: Any, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    shutil.copytree(US, work / "reports")
    monkeypatch.chdir(work)
    got = cli("health", "reports", "--as-of", "2026-11-12",
              "--marketplace", "US")  # fmt: skip
    assert got.code == 0, got.err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    services = Services(paths=paths, settings=Settings(lang="en", default_marketplace="US"))
    try:
        runs = services.store.review_runs()
        assert len(runs) == 1
        remembered = [Path(str(s["path"])) for s in runs[0].sources]
        assert remembered and all(p.is_absolute() and p.is_file() for p in remembered)
        assert all(p.parent == (work / "reports").resolve() for p in remembered)
        review = review_last(services.store, catalog=services.engine.catalog,
                             settings=services.settings)  # fmt: skip
        assert review is not None and review.inventory.read
        assert [s.path for s in review.sources if s.status == "unreadable"] == []
        assert review.inventory.figure("stranded") is not None
    finally:
        services.close()
