"""A case log that cannot be written here (issue 10's leftover): the TUI opens it read-only, says
why in one line on the home screen, still shows and copies everything, and refuses each action
that would write to the log with that reason (a warning, nothing asked, nothing written).

The condition is simulated the way tests/test_store_access.py does where the machine cannot
make it real: opening the log read-write fails with SQLite's "disk full"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from casewriter.paths import AppPaths
from casewriter.store import CaseStore, db, failures
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.services import Services
from tests.conftest import SAMPLES
from tests.tui.conftest import RunApp, add_case, calm, next_step, notifications, wizard


def _disk_full(path: Path, version: int, notices: list[str]) -> sqlite3.Connection:
    """Opening the log read-write fails: the disk is full (the log itself is fine)."""
    exc = sqlite3.OperationalError("database or disk is full")
    exc.sqlite_errorcode = 13  # type: ignore[attr-defined]
    raise failures.describe(exc, path)


def _refusals(pilot: object) -> list[str]:
    return [n for n in notifications(pilot) if n.startswith("Not saved:")]  # type: ignore[arg-type]


def _events(paths: AppPaths, case_id: str) -> list[str]:
    with CaseStore.open(paths) as store:
        return [e.kind for e in store.get(case_id).events]


async def test_home_says_why_and_every_write_is_refused(
    services: Services, run_app: RunApp, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = add_case(services, "Missing units FBA17XKQ9M2Z")
    services.close()
    monkeypatch.setattr(db, "_open_read_write", _disk_full)
    async with run_app() as pilot:
        app = pilot.app
        assert services.store.read_only
        line = str(app.screen.query_one("#read-only", Static).render())
        assert "read-only" in line and "no space left" in line, line
        assert "changes cannot be saved" in line and "\n" not in line
        assert [str(k.value) for k in app.screen.query_one("#cases", DataTable).rows] == [case_id]

        await pilot.press("enter")  # the case detail: each write is refused before any dialog
        await calm(pilot)
        detail = app.screen
        assert isinstance(detail, CaseDetailScreen)
        for key in ("a", "m", "w", "s", "u", "f"):
            await pilot.press(key)
            await calm(pilot)
            assert app.screen is detail, key
        assert len(_refusals(pilot)) == 6
        assert all("no space left" in n for n in _refusals(pilot))
        await pilot.press("c")  # copying does not write to the log
        assert app.clipboard == "Missing units FBA17XKQ9M2Z"

        await pilot.press("e")  # the wizard on its draft: the text, not the log
        await calm(pilot)
        wz = wizard(pilot)
        for _ in range(3):
            await next_step(pilot)
        assert wz.state.step == "review"
        await pilot.press("ctrl+s")
        await calm(pilot)
        wz.query_one("#sc-id").value = "17628394051"  # type: ignore[attr-defined]
        await pilot.press("ctrl+f")
        await calm(pilot)
        assert app.screen is wz and len(_refusals(pilot)) == 8
        await pilot.press("f8")
        assert (app.clipboard or "").startswith("Subject: ")

        await pilot.press("f4")  # the line follows the language
        await calm(pilot)
        await pilot.press("ctrl+w")
        await calm(pilot)
        await pilot.press("escape")
        await calm(pilot)
        line = str(app.screen.query_one("#read-only", Static).render())
        assert "Case 记录为只读" in line and "no space left" in line
    monkeypatch.undo()
    assert _events(paths, case_id) == ["created"]


async def test_scan_drafts_are_refused(
    services: Services, run_app: RunApp, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.store  # noqa: B018 - the log exists before it turns read-only
    services.close()
    monkeypatch.setattr(db, "_open_read_write", _disk_full)
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f3")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths").value = str(SAMPLES)  # type: ignore[attr-defined]
        screen.query_one("#scan-as-of").value = "2026-07-01"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await calm(pilot)
        await pilot.press("f6")  # select the claimable findings
        assert screen.selected
        await pilot.press("f7")
        await calm(pilot)
        assert _refusals(pilot) and "no space left" in _refusals(pilot)[0]
        assert "drafts saved" not in str(screen.query_one("#scan-status", Static).render())
    monkeypatch.undo()
    with CaseStore.open(paths) as store:
        assert store.count() == 0


def test_launch_opens_a_log_it_cannot_write(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``casewriter`` opens the log before the app starts: a log it cannot write is no longer
    the CLI's error (exit 1) but opened read-only, with the reason for the home screen."""
    from dataclasses import dataclass

    from casewriter.config import Settings
    from casewriter.tui.launch import build_services

    @dataclass
    class Ctx:
        paths: AppPaths
        settings: Settings
        lang: str | None = None

    CaseStore.open(paths).close()
    monkeypatch.setattr(db, "_open_read_write", _disk_full)
    services = build_services(Ctx(paths, Settings(lang="en")))
    try:
        assert services.store.read_only
        notice = services.read_only_notice
        assert notice and "read-only" in notice and "no space left" in notice
    finally:
        services.close()
