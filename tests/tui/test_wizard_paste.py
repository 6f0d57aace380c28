"""The paste box: identifiers found in pasted text (Chinese included) fill empty slots; the
pure state converts to the engine's Draft and back."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from casewriter.config import Profile, Settings
from casewriter.engine import Draft
from casewriter.identifiers import extract
from casewriter.tui.wizard import WizardScreen
from casewriter.tui.wizard.extraction import SlotSpec, fill_slots, is_free_text
from casewriter.tui.wizard.state import WizardState
from tests.tui.conftest import RunApp, calm, next_step, set_field, type_into, wizard

PASTED = (
    "您好，货件 FBA17XKQ9M2Z 少了4件，FNSKU：X003KQ7ZP1，"
    "订单号 113-1234567-1234567，UPS追踪号 1Z12345E6605272234。"
)
WECHAT = "亲，货件ＦＢＡ17XKQ9M2Z少了4件，FNSKU x003kq7zp1，UPS单号 1Z12345E6605272234"
"""What a seller pastes first: a chat message, full-width letters and lower case included."""


async def _evidence_step(pilot: Pilot[Any]) -> WizardScreen:
    await next_step(pilot)
    return wizard(pilot)


async def _paste(pilot: Pilot[Any], text: str) -> None:
    """A bracketed paste from the terminal: the app forwards it to the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await calm(pilot)


def _assert_wechat_extracted(wz: WizardScreen) -> None:
    assert wz.state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
    assert wz.state.evidence["fnsku"] == ["X003KQ7ZP1"]
    assert wz.state.evidence["tracking"] == ["1Z12345E6605272234"]
    assert wz.query_one("#slot-shipment_id", Input).value == "FBA17XKQ9M2Z"
    assert wz.query_one("#slot-fnsku", TextArea).text == "X003KQ7ZP1"
    assert wz.query_one("#slot-tracking", TextArea).text == "1Z12345E6605272234"
    assert WECHAT in wz.query_one("#paste", TextArea).text
    result = str(wz.query_one("#extract-result", Static).render())
    assert "FBA shipment ID ← FBA17XKQ9M2Z" in result, result
    assert "✓ FBA17XKQ9M2Z" in str(wz.query_one("#msg-slot-shipment_id", Static).render())


async def test_paste_extraction_fills_empty_slots(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence_step(pilot)
        await set_field(pilot, "slot-asin", "B0C7QX2M4K")  # already filled: left alone
        paste = wz.query_one("#paste", TextArea)
        paste.focus()
        paste.insert(PASTED)
        await calm(pilot)
        await pilot.press("f5")
        await calm(pilot)
        assert wz.state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
        assert wz.state.evidence["fnsku"] == ["X003KQ7ZP1"]
        assert wz.state.evidence["tracking"] == ["1Z12345E6605272234"]
        assert wz.state.evidence["asin"] == ["B0C7QX2M4K"]
        assert wz.query_one("#slot-shipment_id", Input).value == "FBA17XKQ9M2Z"
        assert wz.query_one("#slot-tracking", TextArea).text == "1Z12345E6605272234"
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

    from casewriter.engine.catalog import Catalog
    from casewriter.paths import AppPaths
    from casewriter.tui.wizard.screen import WizardScreen  # noqa: F401 - registers nothing global

    catalog = Catalog.load(AppPaths.under(Path("/nonexistent-casewriter-home")))
    specs = {f.key: f for f in catalog.get("inbound-missing-units").facts}
    draft = state.to_draft(settings, specs)
    assert draft["facts"] == {
        "units_shipped": 1200,
        "delivered_date": date(2026, 4, 2),
    }  # UK: day first; typed once, as the engine reads them
    assert state.fact_errors(specs) == {"cartons": "facts.cartons: 'many' is not a whole number"}
    assert draft["evidence"] == {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1"]}
    assert draft["attachments"] == [{"slot": "invoice", "path": "~/inv.pdf", "description": ""}]
    assert draft["narrative"] == {
        "what_happened": "少了四件",
        "checked": ["Ledger", "Reconcile tab"],
    }
    assert draft["profile"]["name"] == "Northbay Goods"
    Draft.model_validate(draft)  # the engine accepts it as is
    saved = state.to_autosave(settings, specs)
    assert saved["facts"]["delivered_date"] == "2026-04-02"  # the JSON form the log keeps too
    back = WizardState.from_dict(saved, settings)
    assert back.facts["cartons"] == "many"  # raw text survives the autosave
    assert back.edits == {"body": "edited"} and back.step == "review" and back.urgency == "high"
    # a reopened draft's attachment is resolved once, to the absolute path the engine reads
    assert back.attachments == {"invoice": [str(Path.home() / "inv.pdf")]}
    assert back.profile == "nb"


def test_free_text_is_told_from_identifiers() -> None:
    assert is_free_text(WECHAT)
    assert is_free_text("FBA17XKQ9M2Z FBA17XKQ9M2Y")  # two ids on one line
    assert is_free_text("FBA17XKQ9M2Z,")
    for typed in ("FBA17XKQ9M2Z", " ｆｂａ17xkq9m2z ", "X003KQ7ZP1\nX00BAD", "亲", "少了4件", ""):
        assert not is_free_text(typed), typed


async def test_new_case_opens_evidence_with_the_paste_box_focused(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence_step(pilot)
        paste_box = wz.query_one("#paste", TextArea)
        hint = wz.query_one("#lbl-paste")
        assert wz.focused is paste_box
        assert hint.region.height and hint.region.y >= 1  # the hint is on screen, not scrolled
        # what a seller does first: paste the whole message (into the box, extracted at once)
        await _paste(pilot, WECHAT)
        _assert_wechat_extracted(wz)
        assert wz.query_one("#paste", TextArea).text == WECHAT


async def test_message_pasted_into_the_shipment_field_goes_to_the_paste_box(
    run_app: RunApp,
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence_step(pilot)
        field = wz.query_one("#slot-shipment_id", Input)
        field.focus()
        await calm(pilot)
        await _paste(pilot, WECHAT + "\n谢谢")
        _assert_wechat_extracted(wz)
        assert "谢谢" in wz.query_one("#paste", TextArea).text  # the whole message, all lines
        assert wz.focused is field
        # a single identifier pasted into a field is simply inserted there
        await set_field(pilot, "slot-shipment_id", "")
        await _paste(pilot, "fba17xkq9m3a")
        assert field.value == "fba17xkq9m3a"


async def test_f5_takes_free_text_from_the_focused_field(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence_step(pilot)
        await set_field(pilot, "slot-shipment_id", WECHAT)  # typed (or pasted key by key)
        wz.query_one("#slot-shipment_id", Input).focus()
        await calm(pilot)
        assert "can't be part of" in str(wz.query_one("#msg-slot-shipment_id", Static).render())
        await pilot.press("f5")
        await calm(pilot)
        _assert_wechat_extracted(wz)
        await pilot.press("f5")  # again: nothing new, the message still says what was filled
        await calm(pilot)
        assert "FBA17XKQ9M2Z" in str(wz.query_one("#extract-result", Static).render())


async def test_typing_is_not_interrupted_until_the_field_is_left(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence_step(pilot)
        await type_into(pilot, "slot-shipment_id", "FBA17XKQ9M2Z and X003KQ7ZP1")
        field = wz.query_one("#slot-shipment_id", Input)
        assert field.value == "FBA17XKQ9M2Z and X003KQ7ZP1"  # every key stays where typed
        assert wz.query_one("#paste", TextArea).text == ""
        await pilot.press("tab")  # leaving the field
        await calm(pilot)
        assert field.value == "FBA17XKQ9M2Z"
        assert wz.state.evidence["fnsku"] == ["X003KQ7ZP1"]
        assert wz.query_one("#paste", TextArea).text == "FBA17XKQ9M2Z and X003KQ7ZP1"


async def test_resumed_draft_keeps_values_and_focuses_the_first_empty_required_field(
    run_app: RunApp,
) -> None:
    draft = {
        "case_type": "inbound-missing-units",
        "marketplace": "US",
        "evidence": {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1"]},
        "facts": {},
        "_wizard": {"step": "evidence", "facts": {"units_shipped": "100"}},
    }
    async with run_app() as pilot:
        pilot.app.open_wizard(draft=draft)  # type: ignore[attr-defined]
        await calm(pilot)
        wz = wizard(pilot)
        assert wz.query_one("#slot-shipment_id", Input).value == "FBA17XKQ9M2Z"
        assert wz.query_one("#slot-fnsku", TextArea).text == "X003KQ7ZP1"
        assert wz.query_one("#fact-units_shipped", Input).value == "100"
        assert wz.focused is wz.query_one("#att-invoice")  # first required field still empty
        await _paste(pilot, WECHAT)  # a path field takes the paste as typed: no extraction
        assert wz.state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
        assert "tracking" not in wz.state.evidence or not wz.state.evidence["tracking"]
