"""The app's two announcements and the screens that subscribe to them: a language switch
reaches every screen in the stack (the wizard's steps included, values kept), and a change to
the log made on one screen redraws the others showing that case."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Input, Static, TextArea

from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, add_case, calm, fill, next_step, set_field, wizard


def _text(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def test_a_language_switch_in_the_wizard_relabels_it_and_the_home_below(
    run_app: RunApp,
) -> None:
    async with run_app() as pilot:
        home = pilot.app.screen
        await pilot.press("n")
        await calm(pilot)
        await set_field(pilot, "type-search", "missing units")
        await pilot.press("enter")  # the first match, on to the evidence step
        await calm(pilot)
        wz = wizard(pilot)
        assert wz.state.step == "evidence"
        await fill(pilot, {"slot-shipment_id": "FBA17XKQ9M2Z", "slot-fnsku": "X003KQ7ZP1"})
        await pilot.press("f4")
        await calm(pilot)
        assert "新建 Case" in _text(wz, "#wz-steps") and "事实与证据" in _text(wz, "#wz-steps")
        assert str(wz.query_one("#wz-next", Button).label).startswith("下一步")
        assert "粘贴" in _text(wz, "#lbl-paste")
        # the fields were built again in Chinese, holding what was typed
        assert wz.query_one("#slot-shipment_id", Input).value == "FBA17XKQ9M2Z"
        assert wz.query_one("#slot-fnsku", TextArea).text == "X003KQ7ZP1"
        assert "✓ FBA17XKQ9M2Z" in _text(wz, "#msg-slot-shipment_id")
        assert wz.focused is not None and wz.focused.id == "att-invoice"  # first empty required
        assert _text(home, "#home-title") == "Case 记录"


async def test_a_new_marketplace_rebuilds_the_evidence_fields_with_their_values(
    run_app: RunApp,
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "fact-delivered_date", "04/02/2026")
        assert "2026-04-02" in _text(wz, "#msg-fact-delivered_date")  # US: month first
        await pilot.press("ctrl+b")
        await calm(pilot)
        await set_field(pilot, "marketplace", "UK")
        await next_step(pilot)
        assert wz.query_one("#fact-delivered_date", Input).value == "04/02/2026"
        assert "2026-02-04" in _text(wz, "#msg-fact-delivered_date")  # UK: day first


async def test_a_case_edited_from_its_detail_is_redrawn_there_and_on_home(
    services: Services, run_app: RunApp
) -> None:
    case_id = add_case(services, "My own subject")
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("enter")
        await calm(pilot)
        detail = app.screen
        assert isinstance(detail, CaseDetailScreen)
        assert _text(detail, "#detail-subject") == "My own subject"
        await pilot.press("e")  # reopen the draft in the wizard and save it again
        await calm(pilot)
        wz = wizard(pilot)
        for _ in range(3):
            await next_step(pilot)
        subject = wz.query_one("#rev-subject", Input).value
        assert subject and subject != "My own subject"
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert app.screen is detail
        assert _text(detail, "#detail-subject") == subject
        assert [e.kind for e in services.store.get(case_id).events] == ["created", "edited"]
        assert "edited" in _text(detail, "#timeline-events")
        await pilot.press("escape")
        await calm(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#cases", DataTable)
        assert subject[:20] in str(table.get_cell(case_id, "subject"))
