"""The scan screen with inputs that used to overflow or hang: an as-of date of 9999-12-31,
report cells dated 9999-12-31, and a FIFO named as a report."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from tests.conftest import SAMPLES
from tests.tui.conftest import RunApp, calm


async def _scan(app: Any, pilot: Any, paths: str, as_of: str) -> str:
    await pilot.press("f3")
    await calm(pilot)
    app.screen.query_one("#scan-paths", Input).value = paths
    app.screen.query_one("#scan-as-of", Input).value = as_of
    await pilot.press("enter")
    await calm(pilot)
    return str(app.screen.query_one("#scan-status", Static).render())


async def test_as_of_far_in_the_future_is_out_of_range(run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        status = await _scan(app, pilot, str(SAMPLES), "9999-12-31")
        assert status == (
            "As of: 9999-12-31 is out of range (dates from 1970-01-01 to 2100-12-31 are accepted)"
        )


async def test_report_cells_far_in_the_future_are_skipped_rows(
    run_app: RunApp, tmp_path: Path
) -> None:
    folder = tmp_path / "reports"
    shutil.copytree(SAMPLES, folder)
    ledger = folder / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    ledger.write_text(ledger.read_text().replace("06/24/2026", "12/31/9999"))
    async with run_app() as pilot:
        app = pilot.app
        status = await _scan(app, pilot, str(folder), "2026-07-01")
        assert "claimable" in status and "out of range" in status, status


async def test_a_fifo_as_a_report_is_refused(run_app: RunApp, tmp_path: Path) -> None:
    fifo = tmp_path / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    os.mkfifo(fifo)
    async with run_app() as pilot:
        app = pilot.app
        status = await _scan(app, pilot, str(fifo), "2026-07-01")
        assert "not a regular file" in status, status
