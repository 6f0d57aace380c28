"""Scenarios written from domain.md for the inbound, inventory and removal case types (issue 12),
each with a trap a seasoned seller would catch: a missing check, several items, a closed window,
an invalid optional attachment, a duplicate in the log, British spelling, Chinese free text.

Each file in ``tests/data/scenarios/inventory/`` is rendered through the real CLI
(``render --format json``) and read against what it must and must not say: the subject, key
sentences present and absent (never a claim without its fact, never a figure nobody gave),
``ready`` and its reasons, and the warnings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casewriter.__main__ import main

SCENARIOS = Path(__file__).parent / "data" / "scenarios" / "inventory"
US_WORDS = ("fulfillment", "center", "catalog ", "labeling", "labeled", "summarized")
UK_WORDS = ("fulfilment", "centre", "catalogue", "labelling", "labelled", "summarised")


@dataclass(frozen=True)
class Expect:
    as_of: str
    subject: str
    ready: bool
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # ready_reasons codes (a ready case has none)
    oer: tuple[str, ...] = ()  # sentences the OER request must contain
    oer_absent: tuple[str, ...] = ()


# fmt: off
EXPECT: dict[str, Expect] = {
    "inbound-damaged-us-zip-photos.toml": Expect(
        "2026-06-10", "Units damaged on receipt in shipment FBA15DKM2QZ7 – 9 units of FNSKU X004PL2VN6",
        False, reasons=("invalid-evidence",),
        present=("9 units of X004PL2VN6 were recorded as damaged on receipt on 2026-05-07.",
                 "- Supplier invoice SZL-2026-051 for 120 units (attached: supplier-invoice.pdf)",
                 "and reimburse them.\n"),
        absent=("sellable condition", "Inventory Ledger", "Reimbursements report", "evidence-bundle.zip",
                "What we checked"),
        warnings=(".zip files are not accepted here",)),
    "inbound-appointment-de-chinese-carrier.toml": Expect(
        "2026-06-10", "Delivery appointment problem for shipment FBA16QZ8RT3N to DTM2 – ARN 8LM3Q7ZX",
        True,
        present=("the delivery appointment was cancelled by the fulfilment centre on 2026-06-09.",
                 "- Appointment cancelled on: 2026-06-09",
                 "or tell us which fulfilment centre can receive it instead."),
        absent=("stock-out", "before 20", "What we checked")),
    "inbound-problem-fee-us-no-prep.toml": Expect(
        "2026-06-10", "Inbound problem dispute for shipment FBA17ZT4K9QW – labeling – FNSKU X003TW7LM2",
        True,
        present=("Amazon recorded a labeling problem for 36 units of X003TW7LM2 in shipment "
                 "FBA17ZT4K9QW and charged USD 7.20 on 2026-06-02.",
                 "- Photo of a unit showing its FNSKU label (available on request)",
                 "against the photos of our prep, remove it, and refund the USD 7.20 fee."),
        absent=("recorded in error", "prepared as", "attached photos")),
    "customs-uk-agl-chinese-reason.toml": Expect(
        "2026-06-10", "Customs hold on FBA shipment FBA18ABCD12Z at Felixstowe", True,
        present=("- Reason given: 海关查验，需补充原产地证明",
                 "ask the Amazon Global Logistics team, which carries it, to support the clearance."),
        absent=("confirmed", "What we checked", "documents customs has requested", "expected by")),
    "warehouse-damaged-uk-before-2025.toml": Expect(
        "2026-06-10", "Warehouse-damaged inventory not reimbursed – FNSKU X002KT9PQ4 – ledger reference "
        "58210947736152 – 2 units", False, reasons=("window-closed",),
        present=("as damaged in fulfilment centre BHX4 (reference 58210947736152).",
                 "- Inventory Ledger Adjustments (58210947736152): Unreconciled Quantity 2."),
        absent=("We have not received a reimbursement", "Reimbursements report", "claim window"),
        warnings=("The claim window closed on 2026-06-01", "the rule before 9 Jan 2025")),
    "reimbursement-underpaid-in-closed.toml": Expect(
        "2026-06-10", "Reimbursement 20548813927 underpaid – FNSKU X005HG8ZR3 – 5 units", False,
        reasons=("window-closed",),
        present=("- Shortfall: INR 175.00 per unit, INR 875.00 in total",
                 "- Supplier invoice showing the unit cost: Tax invoice INV/25-26/0193 showing a unit "
                 "cost of INR 385.00 (available on request)"),
        absent=("Reimbursement reason", "other", "60-day", "inside the claim window"),
        warnings=("The claim window closed on 2026-05-31",)),
    "stranded-uk-period-ended.toml": Expect(
        "2026-06-10", "Stranded inventory – ASIN B0BK7TQ4ZM – SKU KO-TENT-2P-GRN – 48 units", True,
        present=("48 units of SKU KO-TENT-2P-GRN have been stranded since 2026-05-01 with the reason "
                 "\"Listing removed: missing product safety attribute\".",),
        absent=("claim window", "cannot clear", "we need the listing active again", "What we checked"),
        warnings=("the period ended on 2026-05-31",)),
    "capacity-us-sales-without-period.toml": Expect(
        "2026-06-10", "Capacity limit exception request – Oversize – August 2026 – ASIN B0CQ7WN3KD", True,
        present=("which does not cover the inventory we need to send: 900 units of B0CQ7WN3KD, "
                 "needed in stock by 2026-08-05.",
                 "- Units sold per month: 700 on average\n",
                 "- Capacity Monitor shows the Oversize limit for August 2026 as 400 cubic feet.",
                 "so that the units can be in stock by 2026-08-05."),
        absent=("3 months", "Business Reports", "over the last", "you need to send")),
    "fee-dimension-uk-no-fee-preview.toml": Expect(
        "2026-06-10", "Re-measurement request – ASIN B0BK7TQ4ZM (FNSKU X002KT9PQ4)", True,
        present=("do not match our measurement of the unit (32 x 21 x 9 cm, 780 g).",
                 "- Amazon's measurement: 45 x 30 x 12 cm, 1.4 kg",
                 "correct its dimensions and weight in your catalogue"),
        absent=("Fee Preview", "edge to edge", "original packaging", "90-day", "What we checked")),
    "removal-lost-us-impb.toml": Expect(
        "2026-06-10", "Removal shipment lost in transit – Removal order RMV-NB-0611 – 18 units not delivered",
        True,
        present=("- USPS tracking (missing package): 9101026837331000039521\n",
                 "- Delivery ZIP code: 22153\n",
                 "The removal shipment was created on 2026-05-01; the claim window for removals lost "
                 "in transit runs from 2026-05-16 to 2026-07-15"),
        absent=("420221539101026837331000039521", "delivery scan", "What we checked")),
    "removal-damaged-ae-closed.toml": Expect(
        "2026-06-10", "Removal order SZL0603XK delivered damaged – 4 units", False,
        reasons=("window-closed",),
        present=("Removal order SZL0603XK was delivered on 2026-04-20 with 4 units damaged.",
                 "- Photos of the units, packaging and box as received: Four units with broken handles "
                 "(attached: unit-on-scale.jpg)"),
        absent=("claim window", "Reimbursements report"),
        warnings=("The claim window closed on 2026-05-20",),
        oer=("Please review the photos with priority and reimburse the 4 units claimed for removal "
             "order SZL0603XK.",),
        oer_absent=("delivery record", "closes on")),
    "inbound-missing-uk-bare-tracking.toml": Expect(
        "2026-06-10", "Missing units in shipment FBA15LQ7KX2M – 9 units of FNSKU X002KT9PQ4 (+1 more)",
        True,
        present=("Shipment FBA15LQ7KX2M was delivered to BHX4 on 2026-03-02, but 9 units were not "
                 "received.",
                 "- Units shipped: 120 · received: 111 · missing: 9\n",
                 "- Tracking: 1Z12345E6605272234\n",
                 "- Supplier invoice (proof of ownership): 供应商发票 SZL-2026-0211，120件 "
                 "(attached: supplier-invoice.pdf)",
                 "Please investigate the 9 missing units of X002KT9PQ4 and X002KT9PR7 in shipment "
                 "FBA15LQ7KX2M"),
        absent=("Carrier tracking", "shows the package", "Inventory Ledger", "Reimbursements report",
                "closed on", "units of X002KT9PQ4,")),
    "warehouse-lost-de-found-not-checked.toml": Expect(
        "2026-06-16", "Lost inventory not reimbursed – FNSKU X004DE7KQ2 (+1 more) – ledger reference "
        "81735520946613 – 5 units", True,
        present=("as lost in fulfilment centre LEJ1 (references 81735520946613 and 81735520946628). "
                 "We have not received a reimbursement for them.",
                 "- Ledger Reference IDs: 81735520946613, 81735520946628\n",
                 "- Manufacturing cost: EUR 11.90 per unit (EUR 59.50 in total)",
                 "- Reimbursements report: no Lost_Warehouse reimbursement for X004DE7KQ2 and "
                 "X004DE7KR5 on or after 2026-04-29.",
                 "inside the claim window for fulfilment-centre losses."),
        absent=("Found (F)", "no sooner than", "18 months"),
        warnings=("12 days left: the claim window closes on 2026-06-28",)),
}
# fmt: on


def render(capsys: pytest.CaptureFixture[str], home: Path, name: str, as_of: str) -> Any:
    args = ["--home", str(home), "render", str(SCENARIOS / name), "--format", "json"]
    code = main([*args, "--as-of", as_of])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_every_scenario_file_has_expectations() -> None:
    assert {p.name for p in SCENARIOS.glob("*.toml")} == set(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_scenario(capsys: pytest.CaptureFixture[str], home: Path, name: str) -> None:
    exp = EXPECT[name]
    data = render(capsys, home, name, exp.as_of)
    body = data["body"]
    assert data["subject"].startswith(exp.subject), data["subject"]
    for text in exp.present:
        assert text in body, (text, body)
    for text in exp.absent:
        assert text not in body, (text, body)
    warnings = "\n".join(data["warnings"])
    for text in exp.warnings:
        assert text in warnings, warnings
    assert data["ready"] is exp.ready
    if exp.reasons or exp.ready:
        assert tuple(r["code"] for r in data["ready_reasons"]) == exp.reasons, data["ready_reasons"]
    if exp.oer or exp.oer_absent:
        request = data["oer"]["request"]
        for text in exp.oer:
            assert text in request, request
        for text in exp.oer_absent:
            assert text not in request, request
    # one spelling per case: the marketplace's
    texts = [data["subject"], body, data["oer"]["request"] if data["oer"] else ""]
    other = UK_WORDS if data["marketplace"] in ("US", "MX") else US_WORDS
    for text in texts:
        assert not [w for w in other if w in text.lower()], (name, text)


#: Sentences of the older scenario files (tests/data/scenarios/) for these types that must read
#: whole when a fact is absent: no dangling ", remove it." without a fee, no "the inventory we
#: need to send of …" without a unit count.
OLDER: dict[str, tuple[str, ...]] = {
    "s31-capacity-urgent-oer.toml": (
        "is 1,200, which does not cover the inventory of B0CQ7WN3KD and B09XJ4PL2R that we need "
        "to send.\n",
    ),
    "s38-inbound-problem-fee.toml": (
        "Please review the problem recorded for shipment FBA16QZ8RT3N against the photos of our "
        "prep and remove it.\n",
    ),
}


@pytest.mark.parametrize("name", sorted(OLDER))
def test_older_scenario_reads_whole(
    capsys: pytest.CaptureFixture[str], home: Path, name: str
) -> None:
    args = ["--home", str(home), "render", str(SCENARIOS.parent / name), "--format", "json"]
    assert main([*args, "--as-of", "2026-05-10"]) == 0
    body = json.loads(capsys.readouterr().out)["body"]
    for text in OLDER[name]:
        assert text in body, body
