"""The urgency the user picks is the urgency saved (issue 13 §1): "Urgent" chosen while it is
also the suggestion is logged as urgent and an OER type keeps its ``URGENT:`` subject; with no
choice the case gets at most "high", and the review's advice names the app's own control, never
a case-file key."""

from __future__ import annotations

from textual.widgets import RadioButton, Static

from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm, fill, next_step, wizard

# Delivered 2025-08-05: the US 9-month window closes 2026-05-05, a day after the tests' clock
# (2026-05-04), with 4 units missing: casewriter suggests "urgent".
CLOSING = {
    "slot-shipment_id": "FBA17XKQ9M2Z",
    "slot-fnsku": "X003KQ7ZP1",
    "fact-units_shipped": "100",
    "fact-units_received": "96",
    "fact-units_missing": "4",
    "fact-delivered_date": "2025-08-05",
}


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def test_urgent_chosen_when_it_is_the_suggestion_is_saved(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, CLOSING)
        await next_step(pilot)
        assert wz.state.step == "urgency"
        assert wz.rendered is not None and wz.rendered.urgency_suggestion == "urgent"
        # no choice yet: what the case would get (high) is what is shown selected
        assert wz.query_one("#urg-high", RadioButton).value
        assert wz.state.urgency is None
        if not wz.state.oer:
            await pilot.click("#oer")
            await calm(pilot)
        await pilot.click("#urg-urgent")
        await calm(pilot)
        assert wz.state.urgency == "urgent"
        await next_step(pilot)
        assert wz.rendered is not None and wz.rendered.urgency == "urgent"
        subject = wz.rendered.subject
        assert subject.startswith("URGENT: ") and "OER Request" in subject
        checklist = _text(wz, "#rev-checklist")
        assert "case file" not in checklist
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.urgency == "urgent"
    assert logged.subject == subject
    assert logged.draft["urgency"] == "urgent"


async def test_no_choice_gets_high_and_app_advice(run_app: RunApp, services: Services) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, CLOSING)
        await next_step(pilot)
        await next_step(pilot)  # no choice made on the urgency step
        assert wz.rendered is not None and wz.rendered.urgency == "high"
        checklist = _text(wz, "#rev-checklist")
        assert "case file" not in checklist and "urgency =" not in checklist
        assert "choose Urgent on step 3, Urgency" in checklist
        await pilot.press("f4")
        await calm(pilot)
        assert "第 3 步「紧急程度」" in _text(wz, "#rev-checklist")
        await pilot.press("f4")
        await calm(pilot)
        # the advice's way back: choose Urgent there, and the advice is gone
        await pilot.press("ctrl+b")
        await calm(pilot)
        await pilot.click("#urg-urgent")
        await next_step(pilot)
        assert "step 3" not in _text(wz, "#rev-checklist")
        assert wz.rendered is not None and wz.rendered.subject.startswith("URGENT: ")
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    assert services.store.get(case.id).urgency == "urgent"


async def test_choosing_routine_over_a_high_suggestion_is_kept(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, CLOSING)
        await next_step(pilot)
        await pilot.click("#urg-routine")
        await next_step(pilot)
        assert wz.rendered is not None and wz.rendered.urgency == "routine"
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    assert services.store.get(case.id).urgency == "routine"
