"""The paste box fills what the message says (issue 13 §3): the identifiers, and the facts the
message states (12 units missing, the delivery date with its year inferred from the case's
"as of", the carrier); what the user typed is kept, a typed value that does not read is offered
the pasted one, and a date field takes the same forms as the paste (``3月2号``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TextArea

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen
from tests.tui.conftest import RunApp, calm, next_step, set_field, type_into, wizard

#: The issue's own message, as a seller pastes it from WeChat (full-width ＦＢＡ, Chinese commas).
ISSUE = "货件ＦＢＡ17XKQ9M2Z少了12件，FNSKU X003KQ7ZP1，UPS单号1Z8F47W20364182601，3月2号签收"
AS_OF_NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # noon on 6 December in Los Angeles


@pytest.fixture
def ui_lang() -> str:
    return "en"


@pytest.fixture
def services(paths: AppPaths, ui_lang: str) -> Iterator[Services]:
    """The app's clock on 6 December 2026: the case's "as of" date for year-less dates; the UI
    in ``ui_lang`` (a test parametrizes it)."""
    settings = Settings(lang=ui_lang, default_marketplace="US")
    svc = Services(paths=paths, settings=settings, clock=lambda: AS_OF_NOW)
    yield svc
    svc.close()


async def _evidence(pilot: Pilot[Any]) -> WizardScreen:
    await next_step(pilot)
    return wizard(pilot)


async def _paste(pilot: Pilot[Any], text: str) -> None:
    """A bracketed paste into the paste box (the terminal sends it to the focused widget)."""
    pilot.app.screen.query_one("#paste", TextArea).focus()
    await calm(pilot)
    pilot.app.post_message(events.Paste(text))
    await calm(pilot)


def _said(wz: WizardScreen) -> str:
    return str(wz.query_one("#extract-result", Static).render())


def _msg(wz: WizardScreen, fact: str) -> str:
    return str(wz.query_one(f"#msg-fact-{fact}", Static).render())


async def test_the_issue_message_fills_ids_units_date_and_carrier(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence(pilot)
        await _paste(pilot, ISSUE)
        state = wz.state
        assert state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
        assert state.evidence["fnsku"] == ["X003KQ7ZP1"]
        assert state.evidence["tracking"] == ["1Z8F47W20364182601"]
        assert state.facts["units_missing"] == "12"
        assert state.facts["delivered_date"] == "2026-03-02"
        assert state.facts["carrier"] == "UPS"
        # the fields show them, checked like typed values
        assert wz.query_one("#fact-units_missing", Input).value == "12"
        assert wz.query_one("#fact-delivered_date", Input).value == "2026-03-02"
        assert wz.query_one("#fact-carrier", Input).value == "UPS"
        assert "2026-03-02" in _msg(wz, "delivered_date")
        said = _said(wz)
        assert "FBA shipment ID ← FBA17XKQ9M2Z" in said
        assert "Units missing ← 12 (少了12件)" in said
        assert "Delivery date ← 3月2号 → 2026-03-02 (year from as-of 2026-12-06)" in said
        assert "Carrier ← UPS" in said
        assert not wz.query_one("#use-pasted", Button).display  # nothing to offer
        # and the draft the engine renders has them typed
        draft = state.to_draft(wz.services.settings, wz.session.fact_specs())
        assert draft["facts"]["units_missing"] == 12
        assert draft["facts"]["delivered_date"] == date(2026, 3, 2)
        assert draft["facts"]["carrier"] == "UPS"


async def test_a_typed_value_is_kept_and_said(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence(pilot)
        await set_field(pilot, "fact-units_missing", "10")
        await set_field(pilot, "fact-carrier", "ups")  # the same carrier, as typed
        await _paste(pilot, ISSUE)
        assert wz.state.facts["units_missing"] == "10"
        assert wz.query_one("#fact-units_missing", Input).value == "10"
        assert wz.state.facts["carrier"] == "ups"
        said = _said(wz)
        assert "Kept what the field holds: Units missing 10 (the message says 12)" in said
        assert "Carrier" not in said.split("Kept what the field holds")[1]  # same: nothing to say
        assert wz.state.facts["delivered_date"] == "2026-03-02"  # the empty one is filled


async def test_an_invalid_typed_value_is_offered_the_pasted_one(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence(pilot)
        await set_field(pilot, "fact-delivered_date", "last tuesday")
        await set_field(pilot, "fact-units_missing", "twelve")
        assert "✗" in _msg(wz, "delivered_date")
        await _paste(pilot, ISSUE)
        # never overwritten by itself ...
        assert wz.state.facts["delivered_date"] == "last tuesday"
        assert wz.state.facts["units_missing"] == "twelve"
        # ... but the valid pasted values are offered, visibly
        said = _said(wz)
        assert "Your value does not read, the message has one:" in said
        assert "Delivery date “last tuesday” → 2026-03-02" in said
        assert "Units missing “twelve” → 12" in said
        button = wz.query_one("#use-pasted", Button)
        assert button.display and button.region.height > 0
        await pilot.click("#use-pasted")
        await calm(pilot)
        assert wz.state.facts["delivered_date"] == "2026-03-02"
        assert wz.state.facts["units_missing"] == "12"
        assert wz.query_one("#fact-delivered_date", Input).value == "2026-03-02"
        assert "✗" not in _msg(wz, "delivered_date")
        assert "Used the pasted values:" in _said(wz)
        assert not button.display


async def test_a_date_field_takes_the_chinese_form_and_shows_the_year(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence(pilot)
        await type_into(pilot, "fact-delivered_date", "3月2号")
        field = wz.query_one("#fact-delivered_date", Input)
        assert field.value == "3月2号"
        assert field.is_valid and not field.has_class("-invalid")
        message = _msg(wz, "delivered_date")
        assert message == "✓ 3月2号 → 2026-03-02 (year from the as-of date 2026-12-06)", message
        await set_field(pilot, "fact-delivered_date", "12/11")  # US: month first, last year
        message = _msg(wz, "delivered_date")
        assert "12/11 → 2025-12-11" in message and "month first, as on Amazon.com" in message
        await set_field(pilot, "fact-delivered_date", "2月30日")
        assert "not a real date" in _msg(wz, "delivered_date")
        await set_field(pilot, "fact-delivered_date", "Mar 2nd")
        assert _msg(wz, "delivered_date").startswith("✓ Mar 2nd → 2026-03-02")
        draft = wz.state.to_draft(wz.services.settings, wz.session.fact_specs())
        assert draft["facts"]["delivered_date"] == date(2026, 3, 2)


async def test_what_a_case_type_has_no_field_for_is_said(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-appointment-problem") as pilot:
        wz = await _evidence(pilot)
        await _paste(pilot, "少了12件，2月30日签收，订单金额 ¥1,200")
        said = _said(wz)
        assert "12 units (少了12件): no field for it in this case type" in said
        assert "2月30日: not a real date" in said
        assert "1200.00 CNY (¥1,200): in CNY, this case is in USD" not in said  # no money fact
        assert "1200.00 CNY (¥1,200): no field for it in this case type" in said


@pytest.mark.parametrize("ui_lang", ["zh"])
async def test_the_paste_box_speaks_chinese(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = await _evidence(pilot)
        await _paste(pilot, ISSUE)
        said = _said(wz)
        assert "已填入事实：" in said
        assert "少件数量 ← 12（少了12件）" in said
        assert "送达日期 ← 3月2号 → 2026-03-02（年份按截至日期 2026-12-06）" in said
        await set_field(pilot, "fact-delivered_date", "3月2号")
        assert "年份按截至日期 2026-12-06 推定" in _msg(wz, "delivered_date")
