"""Switching the UI language while a case is being written (issue 13 §1): F4 on every wizard
step, any number of times, and the language changed in Settings while the wizard is open,
never crash and never lose what was typed; saving afterwards logs every value."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, RadioButton, TextArea

from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen
from tests.tui.conftest import RunApp, calm, fill, next_step, set_field, wizard

TYPED = {
    "slot-shipment_id": "FBA17XKQ9M2Z",
    "slot-fnsku": "X003KQ7ZP1\nX003KQ7ZP2",
    "fact-units_shipped": "100",
    "fact-units_received": "96",
    "fact-delivered_date": "3/2/2026",
    "nar-what_happened": "货件少了4件 — four units short.",
}


def _field_values(screen: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for wid in TYPED:
        widget = screen.query_one(f"#{wid}")
        out[wid] = widget.value if isinstance(widget, Input) else widget.text
    return out


async def _switch(pilot: Pilot[Any], times: int, *, rapid: bool) -> None:
    """Press F4 ``times`` times: all at once (a user holding the key), or calm after each."""
    if rapid:
        await pilot.press(*["f4"] * times)
    else:
        for _ in range(times):
            await pilot.press("f4")
            await calm(pilot)
    await calm(pilot)


async def test_f4_on_every_step_keeps_every_value(run_app: RunApp, services: Services) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, TYPED)
        for rapid in (False, True):
            await _switch(pilot, 5, rapid=rapid)  # odd: now in Chinese
            assert pilot.app.screen is wz and wz.state.step == "evidence"
            assert _field_values(wz) == TYPED
            assert wz.state.evidence["fnsku"] == ["X003KQ7ZP1", "X003KQ7ZP2"]
            await _switch(pilot, 1, rapid=False)  # back to English
        assert "Evidence" in str(wz.query_one("#ev-fields").children[0].render())

        await next_step(pilot)
        await pilot.click("#urg-urgent")
        await calm(pilot)
        await _switch(pilot, 5, rapid=False)
        await _switch(pilot, 5, rapid=True)
        assert wz.state.step == "urgency" and wz.state.urgency == "urgent"
        assert wz.query_one("#urg-urgent", RadioButton).value
        assert str(wz.query_one("#urg-urgent", RadioButton).label) == "Urgent"

        await next_step(pilot)
        body = wz.query_one("#rev-body", TextArea)
        await set_field(pilot, "rev-body", body.text + "\nEdited by hand: 谢谢。\n")
        await _switch(pilot, 5, rapid=False)
        await _switch(pilot, 5, rapid=True)
        assert pilot.app.screen is wz and wz.state.step == "review"
        assert "Edited by hand: 谢谢。" in wz.query_one("#rev-body", TextArea).text
        assert "Autosaved" in str(wz.query_one("#wz-status").render())
        # back through the steps: the evidence fields still hold everything
        await pilot.press("ctrl+b", "ctrl+b")
        await calm(pilot)
        assert _field_values(wz) == TYPED
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert not isinstance(pilot.app.screen, WizardScreen)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.urgency == "urgent"
    assert "Edited by hand: 谢谢。" in logged.body
    assert logged.draft["facts"]["units_shipped"] == 100
    assert logged.draft["facts"]["delivered_date"] == "2026-03-02"
    assert logged.draft["evidence"]["fnsku"] == ["X003KQ7ZP1", "X003KQ7ZP2"]
    assert logged.draft["narrative"]["what_happened"] == TYPED["nar-what_happened"]


async def test_language_changed_in_settings_while_the_wizard_is_open(
    run_app: RunApp, services: Services
) -> None:
    async with run_app() as pilot:
        await pilot.press("n")
        await calm(pilot)
        wz = wizard(pilot)
        await set_field(pilot, "type-search", "missing units")
        await pilot.press("enter")
        await calm(pilot)
        assert wz.state.step == "evidence"
        await fill(pilot, TYPED)
        for step in ("evidence", "urgency", "review"):
            if step != "evidence":
                await next_step(pilot)
            for lang in ("zh", "en", "zh") if step == "evidence" else ("zh",):
                await pilot.press("f2")
                await calm(pilot)
                assert isinstance(pilot.app.screen, SettingsScreen)
                await set_field(pilot, "lang", lang)
                await pilot.press("escape")
                await calm(pilot)
                assert pilot.app.screen is wz and wz.state.step == step
            await pilot.press("f4")  # and back to English with F4 on the wizard itself
            await calm(pilot)
        assert _field_values(wz) == TYPED
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert not isinstance(pilot.app.screen, WizardScreen)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.draft["evidence"]["shipment_id"] == ["FBA17XKQ9M2Z"]
    assert logged.draft["facts"]["units_received"] == 96
