"""Pilot test of the scan screen on the shared sample reports: scan, select, draft."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.screens.scan_support import find_reports
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "reports" / "samples"


async def test_scan_samples_and_draft_selected(services: Services, run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f3")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = str(SAMPLES)
        screen.query_one("#scan-as-of", Input).value = "2026-07-01"
        await pilot.press("enter")
        await calm(pilot)
        status = str(screen.query_one("#scan-status", Static).render())
        table = screen.query_one("#findings", DataTable)
        assert table.row_count == len(screen.findings) > 0, status
        claimable = [f for f in screen.findings if f.status == "claimable"]
        assert claimable
        assert "claimable" in str(screen.query_one("#scan-status", Static).render())
        await pilot.press("f6")
        assert screen.selected == {
            i for i, f in enumerate(screen.findings) if f.status == "claimable"
        }
        known = {ct.id for ct in services.engine.catalog.all()}
        screen.selected = {i for i in screen.selected if screen.findings[i].case_type in known}
        assert screen.selected
        await pilot.press("f7")
        await calm(pilot)
        drafted = services.store.count(status="draft")
        assert drafted == len(screen.selected)
        assert f"{drafted} drafts saved" in str(screen.query_one("#scan-status", Static).render())
        await pilot.press("f7")  # again: the duplicate guard skips every one
        await calm(pilot)
        assert services.store.count(status="draft") == drafted
        assert "0 drafts saved" in str(screen.query_one("#scan-status", Static).render())


async def test_missing_file_is_reported(run_app: RunApp, tmp_path: Path) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f3")
        await calm(pilot)
        app.screen.query_one("#scan-paths", Input).value = str(tmp_path / "nope.tsv")
        await pilot.press("enter")
        await calm(pilot)
        assert "No such file" in str(app.screen.query_one("#scan-status", Static).render())


def test_find_reports_takes_report_files_from_folders() -> None:
    found = find_reports([SAMPLES])
    assert found.reports and all(i.path.suffix in (".tsv", ".txt", ".csv") for i in found.reports)
    assert [p.name for p, _ in found.passed] == ["README.md"]  # named, with its reason


async def test_an_unreadable_file_is_named_and_the_rest_scanned(run_app: RunApp) -> None:
    not_a_report = SAMPLES.parent / "not_a_report.csv"
    ledger = SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    async with run_app() as pilot:
        await pilot.press("f3")
        await calm(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = f"{not_a_report} {ledger}"
        screen.query_one("#scan-as-of", Input).value = "2026-06-30"
        await pilot.press("enter")
        await calm(pilot)
        status = str(screen.query_one("#scan-status", Static).render())
        assert "Not read (1): not_a_report.csv" in status, status
        assert screen.findings and screen.query_one("#findings", DataTable).row_count > 0


async def test_fee_findings_and_a_selected_stranded_lead(
    services: Services, run_app: RunApp
) -> None:
    """Leads (to-review) are listed but F6 selects only claimable findings; a stranded lead the
    seller selects is drafted as a stranded-inventory case (scan --draft-stranded does the same)."""
    folder = Path(__file__).resolve().parents[1] / "data" / "reports" / "sellers2" / "brightpeak"
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f3")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = str(folder)
        screen.query_one("#scan-as-of", Input).value = "2025-10-10"
        await pilot.press("enter")
        await calm(pilot)
        statuses = {(f.rule, f.status) for f in screen.findings}
        assert ("fee-overcharge", "claimable") in statuses
        assert ("stranded-inventory", "to-review") in statuses
        assert screen.query_one("#findings", DataTable).row_count == len(screen.findings)
        await pilot.press("f6")
        assert {screen.findings[i].rule for i in screen.selected} == {"fee-overcharge"}
        candle = next(i for i, f in enumerate(screen.findings)
                      if f.ids.get("sku") == "BP-CANDLE-07")  # fmt: skip
        storage = next(i for i, f in enumerate(screen.findings) if f.rule == "storage-fee-check")
        screen.selected = {candle, storage}
        await pilot.press("f7")
        await pilot.pause()
        cases = services.store.list(status="draft")
        assert [c.case_type for c in cases] == ["stranded-inventory"]  # a storage lead never
