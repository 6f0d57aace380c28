"""One snapshot of each screen — home (the demo log, and the first run), case detail, a dialog
(a note), settings, scan (the demo reports scanned), and the wizard's four steps — at 80×24
(usable) and 120×40 (good): 20 pictures.

Deterministic: the demo data built at the tests' fixed clock (``FIXED_NOW``), the services'
clock fixed, cursor blink and button flash off (conftest), HOME fixed for the wizard's default
"save to" path, and every picture taken once the app is calm. Review a changed picture in the
HTML report before ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from casewriter.config import load_settings
from casewriter.services.demo import build_demo
from casewriter.tui.services import Services
from casewriter.tui.wizard.screen import AUTOSAVE_DELAY, SAME_PROBLEM_DELAY
from tests.tui.conftest import FIXED_NOW, calm, fill, next_step, set_field

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
Before = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _fixed_home(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/seller")


def demo(services: Services) -> None:
    """The demo home at the fixed clock, its seller profiles in the settings."""
    build_demo(services.paths, now=FIXED_NOW)
    services.close()
    services.settings = load_settings(services.paths).with_changes(lang="en")


async def _home(pilot: Pilot[Any]) -> None:
    await calm(pilot)


async def _detail(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await pilot.press("down", "enter")
    await calm(pilot)


async def _note_dialog(pilot: Pilot[Any]) -> None:
    await _detail(pilot)
    await pilot.press("a")
    await calm(pilot)
    await pilot.press(*"Called", "enter", *"support")
    await calm(pilot)


async def _settings(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await pilot.press("f2")
    await calm(pilot)


async def _scan(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await pilot.press("f3")
    await calm(pilot)
    screen = pilot.app.screen
    screen.query_one("#scan-paths", Input).value = "sample-reports"  # in the demo home
    screen.query_one("#scan-as-of", Input).value = "2026-06-30"
    await pilot.press("enter")
    await calm(pilot)
    await pilot.press("down", "space")  # the second finding selected, the cursor on it
    await calm(pilot)


async def _type_step(pilot: Pilot[Any]) -> None:
    await calm(pilot)
    await pilot.press("n")
    await calm(pilot)
    await set_field(pilot, "type-search", "missing")  # highlights the first match: an edit
    status = pilot.app.screen.query_one("#wz-status", Static)
    for _ in range(int(8 * AUTOSAVE_DELAY / 0.05)):  # the debounced autosave, then the picture
        if "Autosaved" in str(status.render()):
            break
        await pilot.pause(0.05)
    await calm(pilot)


async def _evidence(pilot: Pilot[Any]) -> None:
    await _type_step(pilot)
    await pilot.press("enter")  # the highlighted type: on to the evidence
    await calm(pilot)
    await fill(pilot, {"slot-shipment_id": "FBA17XKQ9M2Z", "slot-fnsku": "X003KQ7ZP1\nX00BAD"})
    # The log is asked about the same problem once typing pauses: its warnings (lines under
    # the fields) are drawn before the picture, whatever the machine's load.
    await pilot.pause(SAME_PROBLEM_DELAY + 0.2)
    await calm(pilot)
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
    if pilot.app.screen.query("#step-urgency"):  # (the review goes on from here)
        # The focused choice scrolls itself into view with an animation whose progress depends
        # on machine load: let it end, then show the step from its top, without animation.
        await pilot.wait_for_scheduled_animations()
        pilot.app.screen.query_one("#step-urgency").scroll_home(animate=False)
        await calm(pilot)


async def _review(pilot: Pilot[Any]) -> None:
    await _urgency(pilot)
    await next_step(pilot)


SCREENS: dict[str, tuple[Before, bool]] = {
    "home": (_home, True),
    "first-run": (_home, False),
    "detail": (_detail, True),
    "note-dialog": (_note_dialog, True),
    "settings": (_settings, True),
    "scan": (_scan, True),
    "wizard-type": (_type_step, True),
    "wizard-evidence": (_evidence, True),
    "wizard-urgency": (_urgency, True),
    "wizard-review": (_review, True),
}
"""Each picture: how to get there, and whether the home holds the demo (else: a first run)."""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("screen", list(SCREENS))
def test_snapshot(
    snap_compare: Any,
    services: Services,
    app_factory: Callable[..., Any],
    screen: str,
    size: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before, with_demo = SCREENS[screen]
    if with_demo:
        demo(services)
    services.paths.data_dir.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(services.paths.data_dir)  # relative paths typed are the demo home's

    async def settled(pilot: Pilot[Any]) -> None:
        await before(pilot)
        # a focus that scrolled its field into view animates: let it finish (a busy machine
        # would otherwise take the picture half way)
        await pilot.wait_for_scheduled_animations()
        await calm(pilot)

    assert snap_compare(app_factory(), terminal_size=SIZES[size], run_before=settled)
