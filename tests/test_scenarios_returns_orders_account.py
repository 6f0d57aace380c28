"""The returns, orders and account scenario set (tests/data/scenarios/returns-orders-account),
written from domain.md, one or more per case type, each with a trap: a missing check, several
items, a closed window, an invalid optional attachment, a duplicate in the log, a marketplace
with British spelling, Chinese free text (issue 12).

Each file is rendered through ``casewriter render --format json`` as of a fixed day, and read
back: the exact subject, the sentences that must be in the text for Amazon and those that must
never be (a safer date, a seller's rule of thumb, a check nobody entered, a wizard label), the
``ready`` flag with its reason codes, the warnings the seller reads, and the claim window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casewriter.__main__ import main

SET = Path(__file__).parent / "data" / "scenarios" / "returns-orders-account"
DASH = "\u2013"


@dataclass(frozen=True)
class Expect:
    as_of: str
    subject: str
    ready: bool
    reasons: tuple[str, ...] = ()  # ready_reasons codes, in order
    present: tuple[str, ...] = ()  # in the body for Amazon
    absent: tuple[str, ...] = ()  # never in the subject or body
    warnings: tuple[str, ...] = ()  # in the warnings the seller reads
    foreign: bool = False  # text for Amazon not in English: warned
    closes: str | None = None
    safe_by: str | None = None
    urgency: str | None = None  # the suggested urgency
    items: tuple[tuple[str, int], ...] = ()  # (product, quantity) per item line


# fmt: off
EXPECT: dict[str, Expect] = {
    "r01-customer-return-ca-two-readings.toml": Expect(
        "2026-06-05",
        f"Customer return not received {DASH} Order 702-4410938-2275816 {DASH} 1 unit of FNSKU X002MP7KQ4",
        True,
        present=("selling on Amazon.ca", "not been received at a fulfilment centre",
                 "Refund date: 2026-03-01 (CAD 54.99 refunded)"),
        absent=("2026-06-29", "2027-09-01", "some sources", "What we checked",
                "not been reimbursed", "fulfillment center", "18 months", "120 days"),
        warnings=("to be safe, file by 2026-06-29", "unverified for Canada"),
        closes="2027-09-01", safe_by="2026-06-29"),
    "r02-customer-return-us-two-items.toml": Expect(
        "2026-05-16",
        f"Customer return not received {DASH} Order 114-6620187-3390254 {DASH} 3 units of FNSKUs X003KQ7ZP1, X003KQ8AB4",
        True,
        present=("X003KQ7ZP1: 2 units", "X003KQ8AB4: 1 unit",
                 "Inventory Ledger: no customer-return receipt",
                 "fulfillment center"),
        absent=("Customer returns report:", "Reimbursements report:", "not been reimbursed",
                "fulfilment centre"),
        closes="2026-06-30", items=(("X003KQ7ZP1", 2), ("X003KQ8AB4", 1))),
    "r03-customer-return-uk-window-closed.toml": Expect(
        "2026-05-01",
        f"Customer return not received {DASH} Order 205-1183920-4471630 {DASH} 1 unit of FNSKU X004LMN8R2",
        False, ("window-closed",),
        present=("What we checked", "Reimbursements report: no reimbursement",
                 "fulfilment centre"),
        absent=("inside the claim window", "2026-04-17", "fulfillment center"),
        warnings=("The claim window closed on 2026-04-17",), closes="2026-04-17"),
    "r04-return-wrong-item-uk-no-invoice-chinese.toml": Expect(
        "2026-06-20",
        f"Customer return: wrong item returned {DASH} Order 205-7719042-3316628 {DASH} FNSKU X004LMN8R2",
        False, ("missing-evidence",),
        present=("a different item was returned", "What came back: 另一品牌",
                 "Photo of the returned unit: LPN label on the returned lamp (attached: carton-photo-2.png)"),
        absent=("inspected", "not been reimbursed", "What we checked", "Supplier invoice"),
        foreign=True),
    "r05-return-rate-no-alert-level-bad-extract.toml": Expect(
        "2026-06-22",
        f"Return rate root-cause analysis {DASH} ASIN B0D8WV3KQ2 (SKU BW-EB-200-BLK) {DASH} 9.75% over 7 days",
        False, ("invalid-evidence",),
        present=("9.75% (31 of 318 units) over the 7 days to 2026-06-14",),
        absent=("8%", "3–5%", "alert level", "usual", "evidence-bundle.zip"),
        warnings=("alert level 8%, usual 3–5%", "commonly cited by sellers",
                  "evidence-bundle.zip: .zip files are not accepted")),
    "r06-a-to-z-no-delivery-no-pod-duplicate.toml": Expect(
        "2026-06-26",
        f"A-to-z claim response {DASH} Order 112-3390578-6612049 {DASH} shipped 2026-06-15",
        True,  # alone; with the same order already drafted in the log: a duplicate (below)
        present=("shipped on 2026-06-15 with USPS Ground Advantage",
                 "Tracking: 9400111899223397846220"),
        absent=("delivered", "Buyer-Seller Messages", "attached", "proof of delivery",
                "2026-06-27", "2026-07-02"),
        closes="2026-07-02", safe_by="2026-06-27"),
    "r07-safe-t-window-closed.toml": Expect(
        "2026-04-10",
        f"SAFE-T claim {DASH} Order 113-5502981-7730416 {DASH} item returned used",
        False, ("window-closed",),
        present=("Please reimburse USD 74.00 under SAFE-T",
                 "Photo of the returned item: The bent pole next to a new one (attached: carton-photo-2.png)"),
        absent=("inside the claim window", "2026-04-03"),
        warnings=("The claim window closed on 2026-04-03",), closes="2026-04-03"),
    "r08-chargeback-other-reason-bad-pod.toml": Expect(
        "2026-06-27",
        f"Chargeback response {DASH} Order 111-7726401-5580931 {DASH} shipped with tracking 9400111899223397846220",
        False, ("invalid-evidence",),
        present=("Tracking: 9400111899223397846220", "Delivered: 2026-06-05 to Austin, TX 78704"),
        absent=("(other)", "420972019400111899223397846220", "evidence-bundle.zip",
                "proof of delivery"),
        warnings=("evidence-bundle.zip: .zip files are not accepted",), foreign=True,
        closes="2026-07-03"),
    "r09-mcf-damaged-no-photos-uk.toml": Expect(
        "2026-06-20",
        f"MCF order delivered damaged {DASH} Order SZL-UK-20931 {DASH} 1 unit of FNSKU X004LMN8R2",
        False, ("missing-evidence",),
        present=("Multi-Channel Fulfilment order SZL-UK-20931", "Units damaged: 1",
                 "Proof of our refund to the customer: Shopify refund of GBP 49.00 on 2026-06-03 (attached: carrier-pod.pdf)"),
        absent=("Fulfillment", "last scan", "no delivery scan", "What we checked"),
        closes="2026-08-29"),
    "r10-account-inauthentic-deactivated-no-supply-chain.toml": Expect(
        "2026-06-22",
        f"Plan of action {DASH} Suspected Inauthentic complaints {DASH} notification of 2026-06-20 {DASH} ASIN B0C9KS4TQ2",
        False, ("missing-evidence", "missing-fact", "missing-fact", "missing-fact"),
        present=("Amazon removed our selling privileges",
                 "reinstate our selling privileges"),
        absent=("Supply chain", "Units bought", "Supplier:", "attached invoices"),
        foreign=True, urgency="urgent"),
    "r11-metric-no-notification-undocumented-window.toml": Expect(
        "2026-06-22",
        f"Plan of action {DASH} Late Shipment Rate and Valid Tracking Rate {DASH} Account Health as of 2026-06-20",
        True,
        present=("Late Shipment Rate: 7.42% (23 of 310 shipments over 14 days), target under 4% – missed",
                 "Pre-fulfilment Cancel Rate: 1.04% (1 of 96 orders over 7 days), target under 2.5%",
                 "Valid Tracking Rate: 91.67% (561 of 612 shipments over 30 days), target 95% or more – missed",
                 "we received no notification reference"),
        absent=("[", "Order Defect Rate", "In the 60 days", "Pre-fulfillment"),
        warnings=("your counts cover 14 days, but Amazon measures it over 10 or 30 days",),
        urgency="high"),
    "r12-ip-appeal-no-documents.toml": Expect(
        "2026-06-20",
        f"IP complaint appeal {DASH} Trademark complaint 8817264099 {DASH} ASIN B0C9KS4TQ2",
        False, ("needs-one-of",),
        present=("Kestrel Home Products LLC filed a trademark complaint (8817264099)",
                 "Product photo: Kestrel brand label on the unit we sell (attached: carton-photo-1.png)"),
        absent=("Letter of authori", "Supplier invoice", "Licence", "Units bought")),
    "r13-listing-jp-jan-duplicate-asins.toml": Expect(
        "2026-06-20",
        f"Catalogue error {DASH} ASIN B0CJ5Q8M2T: duplicate ASINs to merge {DASH} related ASIN B0CJ7X2L4P",
        True,
        present=("JAN 4901234567894", "JAN on the product: 4901234567894",
                 "Please merge ASIN B0CJ7X2L4P into ASIN B0CJ5Q8M2T."),
        absent=("UPC", "EAN", "Catalog error")),
    "r14-general-chinese-topic.toml": Expect(
        "2026-06-20",
        f"秒杀活动取消后仍被收取费用 {DASH} Deal ID 5f2a9c71-8e3b",
        True,
        present=("We are writing about Deal ID 5f2a9c71-8e3b: 秒杀活动取消后仍被收取费用.",
                 "Amount concerned: USD 70.00"),
        absent=("What we checked",),
        foreign=True),
}
# fmt: on


def render(capsys: pytest.CaptureFixture[str], home: Path, name: str, as_of: str,
           *extra: str) -> Any:  # fmt: skip
    code = main(["--home", str(home), "render", str(SET / name), "--format", "json",
                 "--as-of", as_of, *extra])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_every_file_of_the_set_has_expectations() -> None:
    files = {p.name for p in SET.iterdir() if p.suffix == ".toml"}
    assert files == set(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_scenario(capsys: pytest.CaptureFixture[str], home: Path, name: str) -> None:
    """The text for Amazon, the warnings and the claim window."""
    exp = EXPECT[name]
    data = render(capsys, home, name, exp.as_of)
    subject, body = data["subject"], data["body"]
    assert subject == exp.subject
    for text in exp.present:
        assert text in body, (text, body)
    for text in exp.absent:
        assert text not in body and text not in subject, (text, body)
    assert "{{" not in body and "None" not in body and "\n\n\n" not in body
    warnings = "\n".join(data["warnings"])
    for text in exp.warnings:
        assert text in warnings, (text, warnings)
    deadline = data["deadline"]
    if exp.closes is None:
        assert deadline is None or deadline["closes"] is None
    else:
        assert deadline["closes"] == exp.closes
        assert deadline["safe_by"] == exp.safe_by
    blocking = [c["slot"] for c in data["checklist"] if c["required"] and c["status"] == "missing"]
    assert bool(blocking) == ("missing-evidence" in exp.reasons), blocking


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_scenario_readiness(capsys: pytest.CaptureFixture[str], home: Path, name: str) -> None:
    """ready with its reasons, the item lines, the urgency suggestion, the language warning."""
    exp = EXPECT[name]
    data = render(capsys, home, name, exp.as_of)
    assert tuple(r["code"] for r in data["ready_reasons"]) == exp.reasons, data["ready_reasons"]
    assert all(r["text"] for r in data["ready_reasons"])
    assert data["ready"] is exp.ready
    warnings = "\n".join(data["warnings"])
    assert ("is not in English" in warnings) is exp.foreign, warnings
    if exp.urgency:
        assert data["urgency_suggestion"] == exp.urgency
    got = [
        ((i.get("fnsku") or i.get("asin") or i.get("sku")), i["quantity"]) for i in data["items"]
    ]
    assert tuple(got) == exp.items or not exp.items


def test_a_to_z_response_already_drafted_is_a_duplicate(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """r06 saved once, rendered again: the open draft on the same order blocks filing."""
    name = "r06-a-to-z-no-delivery-no-pod-duplicate.toml"
    first = render(capsys, home, name, "2026-06-26", "--save")
    assert first["ready"] is True
    again = render(capsys, home, name, "2026-06-26")
    assert again["ready"] is False
    assert [r["code"] for r in again["ready_reasons"]] == ["duplicate-open"]
    assert len(again["duplicates"]) == 1
    assert "112-3390578-6612049" in "\n".join(again["warnings"])
