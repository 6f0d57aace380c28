"""The review step's ways out (issue 13 §2): copy the subject, the body or the OER request for
Seller Central's separate boxes (as the detail screen's c/b do), or all of it as one text, each
saying what was copied, through the one safe clipboard path (no control character); no "OER
request" tab for a case type without one; filing one key away wherever the focus is."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from casewriter.tui.dialogs.confirm import ConfirmDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.services import Services
from casewriter.tui.wizard.steps.review_step import ReviewStep
from tests.tui.conftest import RunApp, calm, fill, next_step, notifications, set_field, wizard


async def _review_with_oer(pilot: Pilot[Any]) -> ReviewStep:
    await next_step(pilot)
    await fill(pilot, {"slot-shipment_id": "FBA17XKQ9M2Z", "slot-fnsku": "X003KQ7ZP1"})
    await next_step(pilot)
    await pilot.click("#oer")
    await calm(pilot)
    await next_step(pilot)
    return wizard(pilot).query_one(ReviewStep)


async def test_copy_subject_body_oer_and_all(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        review = await _review_with_oer(pilot)
        text = review.paste_text()
        assert text.oer and "OER Request" in text.oer
        await pilot.press("f6")
        await calm(pilot)
        assert pilot.app.clipboard == text.subject_line()
        assert notifications(pilot)[-1].startswith(
            f"Copied the subject ({len(text.subject_line())} characters)"
        )
        await pilot.press("f7")
        await calm(pilot)
        assert pilot.app.clipboard == text.body_text()  # the description box: body, then OER
        assert notifications(pilot)[-1].startswith("Copied the body with its OER request")
        await pilot.press("ctrl+o")
        await calm(pilot)
        assert pilot.app.clipboard == text.oer
        assert notifications(pilot)[-1].startswith("Copied the OER request")
        await pilot.press("f8")
        await calm(pilot)
        assert pilot.app.clipboard == text.text() and text.text().startswith("Subject: ")
        assert notifications(pilot)[-1].startswith("Copied subject, body and OER request")
        # the buttons do the same
        await pilot.click("#copy-subject")
        await calm(pilot)
        assert pilot.app.clipboard == text.subject_line()


async def test_copy_keeps_controls_out_of_the_clipboard(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        await _review_with_oer(pilot)
        await set_field(pilot, "rev-subject", "Missing units \x1b]52;c;ZXZpbA==\x07 FBA17XKQ9M2Z")
        await pilot.press("f6")
        await calm(pilot)
        copied = pilot.app.clipboard or ""
        assert "\x1b" not in copied and "\x07" not in copied
        assert "\\x1b]52;c;ZXZpbA==\\x07" in copied


async def test_no_oer_tab_for_a_type_without_oer(run_app: RunApp) -> None:
    async with run_app(start_case_type="a-to-z-response") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await next_step(pilot)
        await next_step(pilot)
        tabs = wz.query_one("#rev-tabs", TabbedContent)
        assert tabs.get_tab("tab-subject").display and tabs.get_tab("tab-body").display
        assert not tabs.get_tab("tab-oer").display
        assert not wz.query_one("#copy-oer").display
        await pilot.press("f8")
        await calm(pilot)
        assert notifications(pilot)[-1].startswith("Copied subject and body")
        assert "ctrl+o" not in {b.binding.key for b in wz.active_bindings.values() if b.enabled}


async def test_an_oer_type_keeps_its_tab(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        for _ in range(3):
            await next_step(pilot)
        assert wz.query_one("#rev-tabs", TabbedContent).get_tab("tab-oer").display


async def test_ctrl_f_from_anywhere_asks_for_the_case_id(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(size=(100, 30), start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        for _ in range(3):
            await next_step(pilot)
        wz.query_one("#rev-body").focus()  # typing in the body, far from the filing box
        await calm(pilot)
        await pilot.press("ctrl+f")
        await calm(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)  # an empty case is not ready
        await pilot.press("y")  # file anyway: then the case ID is asked for
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, PromptDialog)
        dialog.query_one(Input).value = "12-34"
        await pilot.press("enter")
        await calm(pilot)
        assert pilot.app.screen is dialog  # a bad id is refused in the dialog
        await pilot.press("escape")
        await calm(pilot)
        assert pilot.app.screen is wz
        assert wz.query_one("#sc-id", Input).value == ""
    assert services.store.count() == 0
