"""The paste box: identifiers found in pasted text (Chinese included) fill empty slots; the
pure state converts to the engine's Draft and back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Static, TextArea

from casewriter.config import Profile, Settings
from casewriter.identifiers import extract
from casewriter.models import Draft
from casewriter.tui.wizard.extraction import SlotSpec, fill_slots
from casewriter.tui.wizard.state import WizardState
from tests.tui.wizard_helpers import find, next_step, set_field, settle, wizard

PASTED = (
    "您好，货件 FBA17XKQ9M2Z 少了4件，FNSKU：X003KQ7ZP1，"
    "订单号 113-1234567-1234567，UPS追踪号 1Z12345E6605272234。"
)


async def test_paste_extraction_fills_empty_slots(app_factory: Callable[..., Any]) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-asin", "B0C7QX2M4K")  # already filled: left alone
        paste = wz.query_one("#paste", TextArea)
        paste.focus()
        await pilot.pause()
        paste.insert(PASTED)
        await pilot.press("f5")
        await settle(pilot)
        assert wz.state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
        assert wz.state.evidence["fnsku"] == ["X003KQ7ZP1"]
        assert wz.state.evidence["tracking"] == ["1Z12345E6605272234"]
        assert wz.state.evidence["asin"] == ["B0C7QX2M4K"]
        assert (await find(pilot, "slot-shipment_id")).value == "FBA17XKQ9M2Z"
        assert (await find(pilot, "slot-tracking")).text == "1Z12345E6605272234"
        result = str(wz.query_one("#extract-result", Static).render())
        assert "FBA shipment ID ← FBA17XKQ9M2Z" in result
        assert "113-1234567-1234567" in result  # found, but this case type has no order slot
        assert "✓ FBA17XKQ9M2Z" in str(wz.query_one("#msg-slot-shipment_id", Static).render())


def test_fill_slots_respects_max_and_existing_values() -> None:
    slots = [SlotSpec("order_id", "order_id", 1), SlotSpec("tracking", "tracking", 0)]
    evidence: dict[str, list[str]] = {"order_id": ["111-0000000-0000000"]}
    text = "orders 113-1234567-1234567 and 114-7654321-7654321, tracking 1Z12345E6605272234"
    filled = fill_slots(slots, evidence, extract(text))
    assert evidence["order_id"] == ["111-0000000-0000000"]
    assert filled.added == {"tracking": ["1Z12345E6605272234"]}
    assert {v for _, v in filled.unused} == {"113-1234567-1234567", "114-7654321-7654321"}


def test_state_round_trips_through_draft_and_autosave() -> None:
    settings = Settings(
        default_marketplace="UK",
        default_profile="nb",
        profiles=(Profile(id="nb", name="Northbay Goods", merchant_token="A2NBGOODS7XQ1"),),
    )
    state = WizardState.new(settings, "inbound-missing-units")
    assert (state.marketplace, state.profile) == ("UK", "nb")
    state.evidence = {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1", " "]}
    state.attachments = {"invoice": ["~/inv.pdf"]}
    state.facts = {"units_shipped": "1,200", "delivered_date": "02/04/2026", "cartons": "many"}
    state.narrative = {"what_happened": "少了四件", "checked": "Ledger\n\nReconcile tab\n"}
    state.urgency = "high"
    state.edits = {"body": "edited"}
    state.step = "review"
    from pathlib import Path

    from casewriter.catalog import Catalog
    from casewriter.paths import AppPaths
    from casewriter.tui.wizard.screen import WizardScreen  # noqa: F401 - registers nothing global

    catalog = Catalog.load(AppPaths.under(Path("/nonexistent-casewriter-home")))
    specs = {f.key: f for f in catalog.get("inbound-missing-units").facts}
    draft = state.to_draft(settings, specs)
    assert draft["facts"] == {
        "units_shipped": 1200,
        "delivered_date": "2026-04-02",
    }  # UK: day first
    assert state.fact_errors(specs) == {"cartons": "facts.cartons: 'many' is not a whole number"}
    assert draft["evidence"] == {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1"]}
    assert draft["attachments"] == [{"slot": "invoice", "path": "~/inv.pdf", "description": ""}]
    assert draft["narrative"] == {
        "what_happened": "少了四件",
        "checked": ["Ledger", "Reconcile tab"],
    }
    assert draft["profile"]["name"] == "Northbay Goods"
    Draft.model_validate(draft)  # the engine accepts it as is
    back = WizardState.from_dict(state.to_autosave(settings, specs), settings)
    assert back.facts["cartons"] == "many"  # raw text survives the autosave
    assert back.edits == {"body": "edited"} and back.step == "review" and back.urgency == "high"
    assert back.attachments == state.attachments and back.profile == "nb"
