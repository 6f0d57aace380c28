"""One snapshot per wizard step at 100×32 (cursor blink frozen and button flash off by the
conftest; fixed clock; HOME fixed so the default save-to path is stable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from casewriter.tui.wizard.screen import AUTOSAVE_DELAY
from tests.tui.conftest import SIZE, calm, fill, next_step, set_field


@pytest.fixture(autouse=True)
def _fixed_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/seller")


async def _evidence(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await next_step(pilot)
    await fill(pilot, {"slot-shipment_id": "FBA17XKQ9M2Z", "slot-fnsku": "X003KQ7ZP1\nX00BAD"})
    # Scroll deterministically: a focused field scrolls itself into view with an animation
    # whose progress at capture time depends on machine load, so drop focus, then scroll the
    # FNSKU field (and its error) to the top without animation.
    screen = pilot.app.screen
    screen.set_focus(None)
    await calm(pilot)
    screen.query_one("#slot-fnsku").scroll_visible(animate=False, top=True)
    await pilot.wait_for_scheduled_animations()
    await calm(pilot)


async def _urgency(pilot: Pilot[Any]) -> None:
    await _evidence(pilot)
    await fill(
        pilot,
        {
            "fact-units_shipped": "100",
            "fact-units_received": "96",
            "fact-delivered_date": "2026-04-02",
        },
    )
    await next_step(pilot)


async def _review(pilot: Pilot[Any]) -> None:
    await _urgency(pilot)
    await set_field(pilot, "nar-what_happened", "四件没有入库。")
    await next_step(pilot)


async def _type_search(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await pilot.press("n")
    await calm(pilot)
    await set_field(pilot, "type-search", "return")  # highlights the first match: an edit
    status = pilot.app.screen.query_one("#wz-status", Static)
    for _ in range(int(8 * AUTOSAVE_DELAY / 0.05)):  # the debounced autosave, then the picture
        if "Autosaved" in str(status.render()):
            break
        await pilot.pause(0.05)
    await calm(pilot)


def test_snapshot_type_step(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    assert snap_compare(app_factory(), terminal_size=SIZE, run_before=_type_search)


def test_snapshot_evidence_step(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    assert snap_compare(app, terminal_size=SIZE, run_before=_evidence)


def test_snapshot_urgency_step(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    assert snap_compare(app, terminal_size=SIZE, run_before=_urgency)


def test_snapshot_review_step(snap_compare: Any, app_factory: Callable[..., Any]) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    assert snap_compare(app, terminal_size=SIZE, run_before=_review)
