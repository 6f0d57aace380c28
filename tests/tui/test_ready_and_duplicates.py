"""Ready, and cases on the same problem, in the wizard (issue 13 §1, §2): the review says why a
draft is not ready in the UI's words (and in Chinese); ctrl+f on a not-ready draft asks,
naming each reason, and filing anyway is recorded with the reasons (a ``forced`` event); a
logged case on the same problem is named under the identifier field as soon as it is typed,
and again (a question) before saving or filing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from casewriter.tui.dialogs.confirm import ConfirmDialog
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen
from tests.tui.conftest import RunApp, add_case, calm, fill, next_step, set_field, wizard

READY = {
    "slot-shipment_id": "FBA17XKQ9M2Z",
    "slot-fnsku": "X003KQ7ZP1",
    "fact-units_shipped": "100",
    "fact-units_received": "96",
    "fact-delivered_date": "2026-04-02",
}


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def _to_review(pilot: Pilot[Any]) -> None:
    await next_step(pilot)
    await next_step(pilot)


async def test_review_says_why_not_ready_in_the_ui_language(run_app: RunApp) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, {"slot-shipment_id": "FBA12", "slot-fnsku": "X003KQ7ZP1"})
        await _to_review(pilot)
        assert wz.rendered is not None and not wz.rendered.ready
        codes = {r.code for r in wz.rendered.ready_reasons}
        assert {"invalid-evidence", "missing-fact"} <= codes, codes
        checklist = _text(wz, "#rev-checklist")
        assert "Not ready to file:" in checklist
        assert "FBA shipment ID is not valid: fix it or remove it (step 2)" in checklist
        assert "Units shipped is missing (step 2)" in checklist
        assert "ctrl+s" in checklist  # it can still be saved as a draft
        await pilot.press("f4")
        await calm(pilot)
        checklist = _text(wz, "#rev-checklist")
        assert (
            "尚不能提交：" in checklist and "FBA货件编号无效：请改正或删除（第 2 步）" in checklist
        )


async def test_filing_a_not_ready_draft_asks_and_records_the_override(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, {k: v for k, v in READY.items() if k != "fact-units_received"})
        await _to_review(pilot)
        reasons = [r.code for r in wz.rendered.ready_reasons]  # type: ignore[union-attr]
        assert reasons
        await set_field(pilot, "sc-id", "17628394051")
        await pilot.press("ctrl+f")
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        details = str(dialog.query_one("#confirm-details").render())
        assert "Units received by Amazon is missing" in details
        assert "File anyway (y)" in str(dialog.query_one("#yes").label)
        await pilot.press("y")
        await calm(pilot)
        assert not isinstance(pilot.app.screen, WizardScreen)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.status == "filed" and logged.sc_case_id == "17628394051"
    kinds = [e.kind for e in logged.events]
    assert kinds == ["created", "filed", "forced"]
    forced = logged.events[-1].text
    assert forced.startswith("filed although not ready") and "[missing-fact]" in forced


async def test_a_ready_draft_files_without_asking(
    run_app: RunApp, services: Services, tmp_path: Path
) -> None:
    invoice = tmp_path / "inv.png"
    invoice.write_bytes(b"\x89PNG fake but non-empty")
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, {**READY, "att-invoice": str(invoice)})
        await _to_review(pilot)
        assert wz.rendered is not None and wz.rendered.ready, wz.rendered.ready_reasons
        await pilot.press("ctrl+f")  # no case ID in its box: asked for, nothing else
        await calm(pilot)
        prompt = pilot.app.screen
        assert type(prompt).__name__ == "PromptDialog"
        await pilot.press(*"17628394051", "enter")
        await calm(pilot)
        assert not isinstance(pilot.app.screen, WizardScreen)
    (case,) = services.store.list()
    assert [e.kind for e in services.store.get(case.id).events] == ["created", "filed"]


async def test_same_problem_named_where_the_id_is_typed_and_before_saving(
    run_app: RunApp, services: Services
) -> None:
    first = add_case(
        services,
        "Missing units in shipment FBA17XKQ9M2Z",
        identifiers=[("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X003KQ7ZP1")],
    )
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        await pilot.pause(0.5)  # typing paused: the log is asked
        await calm(pilot)
        # the type's rule is shipment + FNSKU: the shipment alone names no problem yet
        assert first not in _text(wz, "#msg-slot-shipment_id")
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP1")
        await pilot.pause(0.5)
        await calm(pilot)
        for field in ("#msg-slot-shipment_id", "#msg-slot-fnsku"):
            assert f"⚠ {first} (draft) is open for the same problem" in _text(wz, field)
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP2")  # another product: no longer
        await pilot.pause(0.5)
        await calm(pilot)
        assert first not in _text(wz, "#msg-slot-fnsku")
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP1")
        await _to_review(pilot)
        await pilot.press("ctrl+s")
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)  # asked again before saving
        assert first in str(dialog.query_one("#confirm-details").render())
        await pilot.press("n")
        await calm(pilot)
        assert pilot.app.screen is wz
        assert services.store.count() == 1
        await pilot.press("ctrl+s")
        await calm(pilot)
        await pilot.press("y")  # saved anyway, as a draft
        await calm(pilot)
    assert services.store.count() == 2
