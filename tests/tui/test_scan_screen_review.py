"""The scan screen and claims with no documented window (issue 14 §2): such a finding is
``to-review`` but a claim, so F6 ("select claimable") leaves it out, as it does the newer rules'
ones, and a seller who selects it gets it drafted exactly as ``scan --draft`` would."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select

from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm

HARBORLINE = Path(__file__).resolve().parents[1] / "data" / "reports" / "sellers" / "harborline"


async def _scan_in_singapore(pilot: Pilot[None]) -> ScanScreen:
    """Harborline's reports scanned as Singapore's: the shipped catalog has no warehouse,
    inbound or refund window there."""
    await pilot.press("f3")
    await calm(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ScanScreen)
    screen.query_one("#scan-paths", Input).value = str(HARBORLINE)
    screen.query_one("#scan-as-of", Input).value = "2026-07-15"
    screen.query_one("#scan-marketplace", Select).value = "SG"
    screen.query_one("#scan-paths", Input).focus()
    await pilot.press("enter")
    await calm(pilot)
    return screen


async def test_select_claimable_leaves_out_claims_with_no_documented_window(
    run_app: RunApp,
) -> None:
    async with run_app() as pilot:
        screen = await _scan_in_singapore(pilot)
        lost = [i for i, f in enumerate(screen.findings) if f.rule == "warehouse-lost"]
        assert lost and all(screen.findings[i].status == "to-review" for i in lost)
        await pilot.press("f6")
        assert not set(lost) & screen.selected


async def test_a_selected_claim_with_no_documented_window_is_drafted_and_shown_so(
    services: Services, run_app: RunApp
) -> None:
    async with run_app() as pilot:
        screen = await _scan_in_singapore(pilot)
        lost = next(i for i, f in enumerate(screen.findings) if f.rule == "warehouse-lost")
        screen.selected = {lost}
        await pilot.press("f7")
        await calm(pilot)
        (case,) = services.store.list(status="draft")
        assert case.case_type == "warehouse-lost"
        assert screen.outcomes[lost] == f"Drafted as {case.id}."
