"""Complete wizard flows driven with Pilot: choose type → evidence/facts → urgency → review →
save draft (or mark filed), checked against the case log."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from textual.widgets import Input, Static, TextArea

from casewriter.tui import autosave
from casewriter.tui.dialogs.confirm import ConfirmDialog
from casewriter.tui.services import Services
from casewriter.tui.wizard.steps.review_step import ReviewStep
from tests.tui.conftest import (
    RunApp,
    add_case,
    calm,
    fill,
    next_step,
    notifications,
    set_field,
    wizard,
)


def _static_text(screen: Any, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    content = widget.content
    if isinstance(content, Group):  # text and a bulleted grid (the type step's tips)
        console = Console(width=200, color_system=None, record=True, file=io.StringIO())
        console.print(content)
        return console.export_text()
    return str(widget.render())


async def test_inbound_missing_units_flow(
    run_app: RunApp, services: Services, tmp_path: Path
) -> None:
    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4 supplier invoice for 100 units")
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        assert wz.state.step == "type" and wz.state.case_type == "inbound-missing-units"
        info = _static_text(wz, "#type-info")
        assert "Reconcile" in info and "GEYPWTSQRTXXXMVB" in info  # filed_at and window source
        await next_step(pilot)
        assert wz.state.step == "evidence"
        await set_field(pilot, "slot-shipment_id", "FBA17XKQ9M2Z")
        assert "✓ FBA17XKQ9M2Z" in _static_text(wz, "#msg-slot-shipment_id")
        await fill(pilot, {"slot-fnsku": "X003KQ7ZP1\nX003KQ7ZP2\n", "att-invoice": str(invoice)})
        assert "invoice.pdf" in _static_text(wz, "#msg-att-invoice")
        await fill(
            pilot,
            {
                "fact-units_shipped": "100",
                "fact-units_received": "96",
                "fact-delivered_date": "04/02/2026",
            },
        )
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
        await calm(pilot)
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


async def test_a_to_z_response_flow(run_app: RunApp, services: Services) -> None:
    async with run_app(start_case_type="a-to-z-response") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-order_id", "113-1234567-1234567")
        assert "✓" in _static_text(wz, "#msg-slot-order_id")
        await fill(
            pilot,
            {
                "slot-tracking": "1Z12345E6605272234",
                "fact-stage": "respond",
                "fact-claim_reason": "item not received",
                "fact-claim_date": "2026-04-28",
                "fact-ship_date": "2026-04-10",
                "fact-delivered_date": "2026-04-14",
            },
        )
        await next_step(pilot)
        await next_step(pilot)
        review = wz.query_one(ReviewStep)
        assert "113-1234567-1234567" in review.text("subject")
        assert "Ready to file" in _static_text(wz, "#rev-checklist")
        subject = review.text("subject")
        await pilot.click("#save-draft")
        await calm(pilot)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.case_type == "a-to-z-response"
    assert logged.subject == subject
    assert ("order_id", "113-1234567-1234567") in logged.identifiers
    assert logged.draft["facts"]["stage"] == "respond"


async def test_account_health_poa_flow(run_app: RunApp, services: Services) -> None:
    async with run_app() as pilot:
        await pilot.press("n")  # home: new case
        await calm(pilot)
        wz = wizard(pilot)
        assert wz.focused is wz.query_one("#type-search")
        await set_field(pilot, "type-search", "poa")  # 账户 matches the Chinese title too
        await pilot.press("enter")
        await calm(pilot)
        assert wz.state.case_type == "account-health-poa", wz.state.case_type
        assert wz.state.step == "evidence"
        await fill(
            pilot,
            {
                "slot-notification_ref": "Policy warning 2026-04-30",
                "fact-issue": "Inauthentic item complaints on ASIN B0C7QX2M4K",
                "fact-notification_date": "2026年4月30日",
            },
        )
        assert "2026-04-30" in _static_text(wz, "#msg-fact-notification_date")
        await fill(
            pilot,
            {
                "fact-impact": "listing deactivated",
                "fact-root_cause": "A new supplier shipped units without brand labels.",
                "fact-corrective_actions": "Removed the stock; audited the supplier.",
                "fact-preventive_measures": "Inspection of every inbound lot.",
            },
        )
        await next_step(pilot)
        await next_step(pilot)
        review = wz.query_one(ReviewStep)
        body = review.text("body")
        assert "new supplier shipped units without brand labels" in body
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.case_type == "account-health-poa"
    assert logged.draft["facts"]["notification_date"] == "2026-04-30"
    assert "brand labels" in logged.body


async def test_invalid_evidence_blocks_filing(run_app: RunApp, services: Services) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "slot-shipment_id", "FBA12")
        field = wz.query_one("#slot-shipment_id", Input)
        assert field.has_class("-invalid")
        assert "✗" in _static_text(wz, "#msg-slot-shipment_id")
        await fill(pilot, {"slot-fnsku": "X003KQ7ZP1", "fact-units_shipped": "ten"})
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
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)  # not ready: asked, each reason named
        assert "FBA shipment ID is not valid" in str(dialog.query_one("#confirm-details").render())
        await pilot.press("n")
        await calm(pilot)
        assert pilot.app.screen is wz
        # filing anyway: a malformed Seller Central case id is still refused by the identifier
        # module, and nothing is written
        await set_field(pilot, "sc-id", "12-34")
        await pilot.press("ctrl+f")
        await calm(pilot)
        await pilot.press("y")
        await calm(pilot)
        assert any(n.startswith("Case ID:") for n in notifications(pilot))
        assert pilot.app.screen is wz
    assert services.store.list() == []


READY_INBOUND = {
    "slot-shipment_id": "FBA17XKQ9M2Z",
    "slot-fnsku": "X003KQ7ZP1",
    "fact-units_shipped": "100",
    "fact-units_received": "96",
    "fact-delivered_date": "2026-04-02",
}
"""The evidence step's fields of an inbound-missing-units case that is ready to file (with an
invoice attached)."""


async def _ready_for_filing(pilot: Any, invoice: Path) -> None:
    """From the type step: the ready case's evidence, then on to the review."""
    invoice.write_bytes(b"\x89PNG fake but non-empty")
    await next_step(pilot)
    await fill(pilot, {**READY_INBOUND, "att-invoice": str(invoice)})
    await next_step(pilot)
    await next_step(pilot)
    await set_field(pilot, "sc-id", "17628394051")


async def test_mark_filed_when_ready(run_app: RunApp, services: Services, tmp_path: Path) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        await _ready_for_filing(pilot, tmp_path / "inv.png")
        await pilot.press("ctrl+f")
        await calm(pilot)
    (case,) = services.store.list()
    assert case.status == "filed" and case.sc_case_id == "17628394051"
    assert [e.kind for e in services.store.get(case.id).events] == ["created", "filed"]


async def test_a_failure_while_filing_leaves_nothing_in_the_log(
    run_app: RunApp, services: Services, tmp_path: Path
) -> None:
    """Saving and filing are one transaction: when filing fails (a real SQLite failure, raised
    by a trigger), no draft is left behind; the wizard stays open with its autosave."""
    services.store  # noqa: B018 - the log is open (its schema checked) before the trigger is added
    with sqlite3.connect(services.paths.db_file) as conn:
        conn.execute(
            "CREATE TRIGGER fail_filing BEFORE INSERT ON events WHEN NEW.kind = 'filed' "
            "BEGIN SELECT RAISE(ABORT, 'simulated failure while filing'); END"
        )
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await _ready_for_filing(pilot, tmp_path / "inv.png")
        await pilot.press("ctrl+f")
        await calm(pilot)
        assert pilot.app.screen is wz
        assert any("simulated failure while filing" in n for n in notifications(pilot))
    # A trigger that is not casewriter's is damage when the log is opened again (the schema
    # check): take it away before looking.
    with sqlite3.connect(services.paths.db_file) as conn:
        conn.execute("DROP TRIGGER fail_filing")
    assert services.store.count() == 0
    (pending,) = autosave.list_pending(services.paths)
    assert pending.step == "review" and "FBA17XKQ9M2Z" in pending.summary


async def test_review_edits_copy_and_save_to_file(
    run_app: RunApp, services: Services, tmp_path: Path
) -> None:
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(
            pilot,
            {
                "slot-shipment_id": "FBA17XKQ9M2Z",
                "nar-what_happened": "货件少了4件 — four units short.",
            },
        )
        await next_step(pilot)
        await next_step(pilot)
        body = wz.query_one("#rev-body", TextArea)
        await set_field(pilot, "rev-body", body.text + "\nEdited by hand: 谢谢。\n")
        assert "Edited by hand" in wz.state.edits["body"]
        await pilot.press("f8")
        await calm(pilot)
        assert "Edited by hand: 谢谢。" in (pilot.app.clipboard or "")
        assert (pilot.app.clipboard or "").startswith("Subject: ")
        target = tmp_path / "out" / "case.txt"
        await set_field(pilot, "file-path", str(target))
        await pilot.press("f9")
        await calm(pilot)
        text = target.read_text(encoding="utf-8")
        assert "FBA17XKQ9M2Z" in text and "Edited by hand: 谢谢。" in text
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    assert "Edited by hand" in services.store.get(case.id).body


async def test_open_case_on_the_same_problem_blocks_filing(
    run_app: RunApp, services: Services, tmp_path: Path
) -> None:
    """The review checks the log by the case type's rule (inbound: shipment + FNSKU): an open
    case on the same shipment and FNSKU makes it not ready, and ctrl+f names that case; a case
    sharing only the FNSKU does not."""
    add_case(
        services,
        "Other shipment, same FNSKU",
        identifiers=[("shipment_id", "FBA15ZZZ0001"), ("fnsku", "X003KQ7ZP1")],
    )
    first = add_case(
        services,
        "Same shipment and FNSKU",
        identifiers=[("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X003KQ7ZP1")],
    )
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await _ready_for_filing(pilot, tmp_path / "inv.png")
        rendered = wz.rendered
        assert rendered is not None and not rendered.ready
        assert [d.id for d in rendered.duplicates] == [first]
        assert [r.code for r in rendered.ready_reasons] == ["duplicate-open"]
        checklist = _static_text(wz, "#rev-checklist")
        assert "Not ready" in checklist and first in checklist
        await pilot.press("ctrl+f")
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert f"{first} is open for the same problem" in str(
            dialog.query_one("#confirm-details").render()
        )
        await pilot.press("n")
        await calm(pilot)
        assert pilot.app.screen is wz
    assert services.store.count() == 2
