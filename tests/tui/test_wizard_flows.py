"""Complete wizard flows driven with Pilot: choose type → evidence/facts → urgency → review →
save draft (or mark filed), checked against the case log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import Input, Static, TextArea

from casewriter.tui import autosave
from casewriter.tui.services import Services
from casewriter.tui.wizard.steps.review_step import ReviewStep
from tests.tui.wizard_helpers import (
    next_step,
    notifications,
    set_field,
    settle,
    type_into,
    wizard,
)

SIZE = (100, 32)


def _static_text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_inbound_missing_units_flow(
    app_factory: Callable[..., Any], services: Services, tmp_path: Path
) -> None:
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4 supplier invoice for 100 units")
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        assert wz.state.step == "type" and wz.state.case_type == "inbound-missing-units"
        info = _static_text(wz, "#type-info")
        assert "Reconcile" in info and "GEYPWTSQRTXXXMVB" in info  # filed_at and window source
        await next_step(pilot)
        assert wz.state.step == "evidence"
        await type_into(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        assert "✓ FBA17XKQ9M2Z" in _static_text(wz, "#msg-slot-shipment_id")
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP1\nX003KQ7ZP2\n")
        await set_field(pilot, "att-invoice", str(invoice))
        assert "invoice.pdf" in _static_text(wz, "#msg-att-invoice")
        await type_into(pilot, "fact-units_shipped", "100")
        await type_into(pilot, "fact-units_received", "96")
        await type_into(pilot, "fact-delivered_date", "04/02/2026")
        assert "2026-04-02" in _static_text(wz, "#msg-fact-delivered_date")
        await set_field(pilot, "nar-checked", "Reconcile tab shows the shipment eligible.\n")
        await next_step(pilot)
        assert wz.state.step == "urgency"
        assert "Suggested" in _static_text(wz, "#urg-suggested")
        deadline = _static_text(wz, "#urg-deadline")
        assert "2026-04-02" not in deadline or "closes" in deadline.lower() or "Opens" in deadline
        assert "mark as urgent" in _static_text(wz, "#urg-rare")
        await next_step(pilot)
        assert wz.state.step == "review"
        review = wz.query_one(ReviewStep)
        subject = review.text("subject")
        assert "FBA17XKQ9M2Z" in subject
        assert "X003KQ7ZP1" in review.text("body")
        checklist = _static_text(wz, "#rev-checklist")
        assert "Ready to file" in checklist
        pending = autosave.list_pending(services.paths)
        assert len(pending) == 1 and pending[0].step == "review"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert pilot.app.screen is not wz
    cases = services.store.list()
    assert len(cases) == 1
    logged = services.store.get(cases[0].id)
    assert logged.status == "draft"
    assert logged.subject == subject
    assert ("shipment_id", "FBA17XKQ9M2Z") in logged.identifiers
    assert ("fnsku", "X003KQ7ZP2") in logged.identifiers
    assert logged.draft["facts"]["units_shipped"] == 100
    assert logged.draft["facts"]["delivered_date"] == "2026-04-02"
    assert autosave.list_pending(services.paths) == []


async def test_a_to_z_response_flow(app_factory: Callable[..., Any], services: Services) -> None:
    app = app_factory(start_case_type="a-to-z-response")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await type_into(pilot, "slot-order_id", "113-1234567-1234567")
        assert "✓" in _static_text(wz, "#msg-slot-order_id")
        await set_field(pilot, "slot-tracking", "1Z12345E6605272234")
        await set_field(pilot, "fact-stage", "respond")
        await set_field(pilot, "fact-claim_reason", "item not received")
        await set_field(pilot, "fact-claim_date", "2026-04-28")
        await set_field(pilot, "fact-ship_date", "2026-04-10")
        await set_field(pilot, "fact-delivered_date", "2026-04-14")
        await next_step(pilot)
        await next_step(pilot)
        review = wz.query_one(ReviewStep)
        assert "113-1234567-1234567" in review.text("subject")
        assert "Ready to file" in _static_text(wz, "#rev-checklist")
        subject = review.text("subject")
        await pilot.click("#save-draft")
        await settle(pilot)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.case_type == "a-to-z-response"
    assert logged.subject == subject
    assert ("order_id", "113-1234567-1234567") in logged.identifiers
    assert logged.draft["facts"]["stage"] == "respond"


async def test_account_health_poa_flow(app_factory: Callable[..., Any], services: Services) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # home: new case
        await settle(pilot)
        wz = wizard(pilot)
        await type_into(pilot, "type-search", "poa")
        await settle(pilot)
        # 账户 matches the Chinese title too
        await pilot.press("enter")
        await settle(pilot)
        assert wz.state.case_type == "account-health-poa", wz.state.case_type
        assert wz.state.step == "evidence"
        await set_field(pilot, "slot-notification_ref", "Policy warning 2026-04-30")
        await set_field(pilot, "fact-issue", "Inauthentic item complaints on ASIN B0C7QX2M4K")
        await set_field(pilot, "fact-notification_date", "2026年4月30日")
        assert "2026-04-30" in _static_text(wz, "#msg-fact-notification_date")
        await set_field(pilot, "fact-impact", "listing deactivated")
        await set_field(
            pilot, "fact-root_cause", "A new supplier shipped units without brand labels."
        )
        await set_field(
            pilot, "fact-corrective_actions", "Removed the stock; audited the supplier."
        )
        await set_field(pilot, "fact-preventive_measures", "Inspection of every inbound lot.")
        await next_step(pilot)
        await next_step(pilot)
        review = wz.query_one(ReviewStep)
        body = review.text("body")
        assert "new supplier shipped units without brand labels" in body
        await pilot.press("ctrl+s")
        await settle(pilot)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.case_type == "account-health-poa"
    assert logged.draft["facts"]["notification_date"] == "2026-04-30"
    assert "brand labels" in logged.body


async def test_invalid_evidence_blocks_filing(
    app_factory: Callable[..., Any], services: Services
) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await type_into(pilot, "slot-shipment_id", "FBA12")
        field = wz.query_one("#slot-shipment_id", Input)
        assert field.has_class("-invalid")
        assert "✗" in _static_text(wz, "#msg-slot-shipment_id")
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP1")
        await set_field(pilot, "fact-units_shipped", "ten")
        assert "not a whole number" in _static_text(wz, "#msg-fact-units_shipped")
        await next_step(pilot)
        await next_step(pilot)
        checklist = _static_text(wz, "#rev-checklist")
        assert "Not ready" in checklist
        assert "FBA shipment ID *: invalid" in checklist
        item = next(i for i in wz.rendered.checklist if i.slot == "shipment_id")  # type: ignore[union-attr]
        assert item.status == "invalid" and item.reason
        assert item.reason in checklist
        await set_field(pilot, "sc-id", "17628394051")
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert any("Not ready to file" in n for n in notifications(pilot)), notifications(pilot)
        assert pilot.app.screen is wz
        # a malformed Seller Central case id is refused by the identifier module first
        await set_field(pilot, "sc-id", "12-34")
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert any(n.startswith("Case ID:") for n in notifications(pilot))
    assert services.store.list() == []


async def test_mark_filed_when_ready(
    app_factory: Callable[..., Any], services: Services, tmp_path: Path
) -> None:
    invoice = tmp_path / "inv.png"
    invoice.write_bytes(b"\x89PNG fake but non-empty")
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        await set_field(pilot, "slot-fnsku", "X003KQ7ZP1")
        await set_field(pilot, "att-invoice", str(invoice))
        await set_field(pilot, "fact-units_shipped", "100")
        await set_field(pilot, "fact-units_received", "96")
        await set_field(pilot, "fact-delivered_date", "2026-04-02")
        await next_step(pilot)
        await next_step(pilot)
        await set_field(pilot, "sc-id", "17628394051")
        await pilot.press("ctrl+f")
        await settle(pilot)
    (case,) = services.store.list()
    assert case.status == "filed" and case.sc_case_id == "17628394051"


async def test_review_edits_copy_and_save_to_file(
    app_factory: Callable[..., Any], services: Services, tmp_path: Path
) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        await set_field(pilot, "nar-what_happened", "货件少了4件 — four units short.")
        await next_step(pilot)
        await next_step(pilot)
        body = wz.query_one("#rev-body", TextArea)
        body.text = body.text + "\nEdited by hand: 谢谢。\n"
        await pilot.pause()
        assert "Edited by hand" in wz.state.edits["body"]
        await pilot.press("f8")
        await pilot.pause()
        assert "Edited by hand: 谢谢。" in (pilot.app.clipboard or "")
        assert (pilot.app.clipboard or "").startswith("Subject: ")
        target = tmp_path / "out" / "case.txt"
        await set_field(pilot, "file-path", str(target))
        await pilot.press("f9")
        await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert "FBA17XKQ9M2Z" in text and "Edited by hand: 谢谢。" in text
        await pilot.press("ctrl+s")
        await settle(pilot)
    (case,) = services.store.list()
    assert "Edited by hand" in services.store.get(case.id).body
