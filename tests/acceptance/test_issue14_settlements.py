"""Acceptance, issue 14 §1: the older settlement flat file reads into the same records as the V2
layout; reimbursements inside settlements (both layouts) are payments, and a payment seen in a
settlement and in the Reimbursements report counts once. Windows per marketplace (US 60–120,
UK/EU 45–105, Canada's two readings), decimal commas and day-first dates, seller-fulfilled
refunds never flagged. Figures derived by hand in each test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    LEDGER,
    REIMBURSEMENTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    write_report,
)
from tests.acceptance.issue14_rows import (
    flat_row,
    flat_total,
    ledger_row,
    reimbursement,
    v2_row,
    v2_total,
)

Cli = Callable[..., Any]


def scan(cli: Cli, *args: str) -> dict[str, Any]:
    res = cli("scan", *args, "--json")
    assert res.code == 0, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def brief(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted(
        (f["rule"], f["ids"].get("order_id") or f["ids"].get("fnsku"), f["status"], f["quantity"],
         f["event_date"], f["window"]["opens"], f["window"]["closes"], f["window"]["safe_by"],
         f["estimated_value"] and f["estimated_value"]["amount"],
         f["estimated_value"] and f["estimated_value"]["currency"], f["marketplace"])
        for f in data["findings"]
    )  # fmt: skip


ORDERS = [  # (order, sku, principal charged, refunded, posted)
    ("111-0000001-0000001", "ST-A", "20.00", "-20.00", "2026-02-20"),  # claimable
    ("111-0000002-0000002", "ST-B", "15.00", "-15.00", "2026-02-20"),  # paid in a flat file
    ("111-0000003-0000003", "ST-C", "12.00", "-12.00", "2026-02-21"),  # paid: V2 description
    ("111-0000006-0000006", "ST-F", "18.00", "-18.00", "2026-02-21"),  # paid: V2 transaction
    ("111-0000004-0000004", "ST-D", "30.00", "-30.00", "2026-02-21"),  # seller-fulfilled
    ("111-0000005-0000005", "ST-E", "25.00", "-25.00", "2026-05-01"),  # too early
]


def _charges_flat() -> list[dict[str, str]]:
    rows = [flat_total("1001", "USD")]
    for order, sku, price, refund, day in ORDERS:
        channel = "MFN" if sku == "ST-D" else "AFN"
        rows += [
            flat_row("1001", "Order", order, sku, "2026-02-01", channel=channel,
                     price_type="Principal", price_amount=price),
            flat_row("1001", "Order", order, sku, "2026-02-01", channel=channel,
                     item_related_fee_type="FBAPerUnitFulfillmentFee",
                     item_related_fee_amount="-3.22"),
            flat_row("1001", "Refund", order, sku, day, channel=channel,
                     price_type="Principal", price_amount=refund),
        ]  # fmt: skip
    return rows


def _charges_v2() -> list[dict[str, str]]:
    rows = [v2_total("1001", "USD")]
    for order, sku, price, refund, day in ORDERS:
        channel = "MFN" if sku == "ST-D" else "AFN"
        rows += [
            v2_row("1001", "Order", order, sku, "ItemPrice", "Principal", price, "2026-02-01",
                   channel=channel),
            v2_row("1001", "Order", order, sku, "ItemFees", "FBAPerUnitFulfillmentFee", "-3.22",
                   "2026-02-01", channel=channel),
            v2_row("1001", "Refund", order, sku, "ItemPrice", "Principal", refund, day,
                   channel=channel),
        ]  # fmt: skip
    return rows


def _payments(folder: Path) -> None:
    """The later settlements that reimbursed three of the refunds: an older flat file (type in
    transaction-type, amount in other-amount) and a V2 file (the name once in
    amount-description, once in transaction-type)."""
    write_report(folder / "flat_april.txt", SETTLEMENT_FLAT, [
        flat_total("1002", "USD", "2026-04-15", "2026-04-30"),
        flat_row("1002", "REVERSAL_REIMBURSEMENT", "111-0000002-0000002", "ST-B", "2026-04-25",
                 qty="", other_amount="15.00"),
    ])  # fmt: skip
    write_report(folder / "v2_april.txt", SETTLEMENT_V2, [
        v2_total("2001", "USD", "2026-04-01", "2026-04-30"),
        v2_row("2001", "other-transaction", "111-0000003-0000003", "ST-C",
               "FBA Inventory Reimbursement", "REVERSAL_REIMBURSEMENT", "12.00", "2026-04-26",
               qty=""),
        v2_row("2001", "WAREHOUSE_DAMAGE", "111-0000006-0000006", "ST-F",
               "FBA Inventory Reimbursement", "", "18.00", "2026-04-27", qty=""),
    ], "csv")  # fmt: skip


EXPECTED = [  # refunds of 02-20 open on day 60 (04-21) and close on day 120 (06-20)
    ("refund-not-returned", "111-0000001-0000001", "claimable", 1, "2026-02-20", "2026-04-21",
     "2026-06-20", None, "20.00", "USD", "US"),
    ("refund-not-returned", "111-0000005-0000005", "too-early", 1, "2026-05-01", "2026-06-30",
     "2026-08-29", None, "25.00", "USD", "US"),
]  # fmt: skip


def test_older_flat_file_and_v2_give_the_same_findings(cli: Cli, tmp_path: Path) -> None:
    flat, v2 = tmp_path / "flat", tmp_path / "v2"
    write_report(flat / "settlement_feb.txt", SETTLEMENT_FLAT, _charges_flat())
    write_report(v2 / "settlement_feb.txt", SETTLEMENT_V2, _charges_v2())
    _payments(flat)
    _payments(v2)
    from_flat = scan(cli, str(flat), "--as-of", "2026-06-01")
    from_v2 = scan(cli, str(v2), "--as-of", "2026-06-01")
    assert brief(from_flat) == brief(from_v2) == EXPECTED
    assert {r["type"] for r in from_flat["reports"]} == {"settlement-flat", "settlement-v2"}


def test_a_scan_given_settlements_alone_counts_their_reimbursements(
    cli: Cli, tmp_path: Path
) -> None:
    """Without the payments, the three reimbursed refunds would be claims too: the payments in
    the later settlements are what stop them (never-flag: already paid)."""
    write_report(tmp_path / "settlement_feb.txt", SETTLEMENT_FLAT, _charges_flat())
    unpaid = {f[1] for f in brief(scan(cli, str(tmp_path), "--as-of", "2026-06-01"))}
    assert unpaid == {"111-0000001-0000001", "111-0000002-0000002", "111-0000003-0000003",
                      "111-0000006-0000006", "111-0000005-0000005"}  # fmt: skip
    _payments(tmp_path)
    assert brief(scan(cli, str(tmp_path), "--as-of", "2026-06-01")) == EXPECTED


def test_a_payment_in_a_settlement_and_in_the_reimbursements_report_counts_once(
    cli: Cli, tmp_path: Path
) -> None:
    """3 units lost (M, unreconciled 3); Amazon paid 1 unit (10.00): it shows in the
    Reimbursements report (approved 05-20, cp1252) and in the settlement (posted 05-21, the same
    order/SKU/amount). Counted once, 2 units remain claimable at 10.00 each; counted twice,
    only 1 would."""
    write_report(tmp_path / "ledger.txt", LEDGER, [ledger_row(
        "05/10/2026", "X00ONCE001", "ONCE-1", "Adjustments", "12345678901234", "-3", "M", "3",
        stamp="2026-05-10T00:00:00-0700")])  # fmt: skip
    write_report(tmp_path / "reimbursements.txt", REIMBURSEMENTS, [reimbursement(
        "2026-05-20T09:00:00+00:00", "12345678901", "Lost_Warehouse", "ONCE-1", "X00ONCE001",
        "10.00", "10.00", "1", name="Café lamp")], "cp1252")  # fmt: skip
    write_report(tmp_path / "settlement.txt", SETTLEMENT_V2, [
        v2_total("2001", "USD", "2026-05-15", "2026-05-29"),
        v2_row("2001", "other-transaction", "", "ONCE-1", "FBA Inventory Reimbursement",
               "WAREHOUSE_LOST", "10.00", "2026-05-21"),
    ])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert {r["encoding"] for r in data["reports"]} == {"utf-8-sig", "cp1252"}
    assert brief(data) == [("warehouse-lost", "X00ONCE001", "claimable", 2, "2026-05-10",
                            "2026-05-10", "2026-07-09", None, "20.00", "USD", "US")]  # fmt: skip


def test_each_marketplace_gets_its_window_eu_commas_and_day_first_dates(
    cli: Cli, tmp_path: Path
) -> None:
    """Three settlements scanned together: a DE older flat file (decimal commas, 10.02.2026
    dates), a UK V2 file and a US V2 file. EU/UK refunds open on day 45 and close on day 105;
    US ones on days 60 and 120."""
    write_report(tmp_path / "de.txt", SETTLEMENT_FLAT, [
        flat_total("4001", "EUR", "01.02.2026 00:00:00 UTC", "28.02.2026 00:00:00 UTC")
        | {"total-amount": "1.234,56"},
        flat_row("4001", "Refund", "302-4000001-0000001", "DE-1", "10.02.2026", currency="EUR",
                 market="Amazon.de", price_type="Principal", price_amount="-24,99"),
    ], "cp1252")  # fmt: skip
    write_report(tmp_path / "uk.txt", SETTLEMENT_V2, [
        v2_total("4002", "GBP"),
        v2_row("4002", "Refund", "202-4000002-0000002", "UK-1", "ItemPrice", "Principal",
               "-15.50", "2026-02-12", market="Amazon.co.uk"),
    ])  # fmt: skip
    write_report(tmp_path / "us.txt", SETTLEMENT_V2, [
        v2_total("4003", "USD"),
        v2_row("4003", "Refund", "111-4000003-0000003", "US-1", "ItemPrice", "Principal",
               "-30.00", "2026-02-12"),
    ])  # fmt: skip
    assert brief(scan(cli, str(tmp_path), "--as-of", "2026-04-15")) == [
        ("refund-not-returned", "111-4000003-0000003", "claimable", 1, "2026-02-12", "2026-04-13",
         "2026-06-12", None, "30.00", "USD", "US"),
        ("refund-not-returned", "202-4000002-0000002", "claimable", 1, "2026-02-12", "2026-03-29",
         "2026-05-28", None, "15.50", "GBP", "UK"),
        ("refund-not-returned", "302-4000001-0000001", "claimable", 1, "2026-02-10", "2026-03-27",
         "2026-05-26", None, "24.99", "EUR", "DE"),
    ]  # fmt: skip


def test_canada_keeps_both_readings(cli: Cli, tmp_path: Path) -> None:
    """domain.md §2: the en_CA page's 45 days–18 months and the US rule's 60–120 days are both
    kept: the longest window gives ``closes``, the shortest ``safe_by``."""
    write_report(tmp_path / "ca.txt", SETTLEMENT_FLAT, [
        flat_total("5001", "CAD"),
        flat_row("5001", "Refund", "702-5000001-0000001", "CA-1", "2026-01-10", currency="CAD",
                 market="Amazon.ca", price_type="Principal", price_amount="-20.50"),
    ])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    # 45 days: 02-24; 18 months: 2027-07-10; 120 days: 05-10
    assert brief(data) == [("refund-not-returned", "702-5000001-0000001", "claimable", 1,
                            "2026-01-10", "2026-02-24", "2027-07-10", "2026-05-10", "20.50",
                            "CAD", "CA")]  # fmt: skip
    assert data["findings"][0]["window"]["source"]


def test_a_row_that_names_its_marketplace_keeps_its_window(cli: Cli, tmp_path: Path) -> None:
    """A seller whose default is the US scans a UK settlement with --marketplace US (or a
    folder mixing both): the refund row says Amazon.co.uk and GBP, so its window is the UK one
    (45–105 days), or at least the scan says why it is not."""
    write_report(tmp_path / "uk.txt", SETTLEMENT_V2, [
        v2_total("4002", "GBP"),
        v2_row("4002", "Refund", "202-4000002-0000002", "UK-1", "ItemPrice", "Principal",
               "-15.50", "2026-02-12", market="Amazon.co.uk"),
    ])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-04-15", "--marketplace", "US")
    (f,) = data["findings"]
    said = [n for n in data["notes"] + data["warnings"] + f["notes"] if "Amazon.co.uk" in n]
    assert (f["marketplace"], f["window"]["closes"]) == ("UK", "2026-05-28") or said


def test_a_fee_correction_does_not_pay_for_the_refunded_unit(cli: Cli, tmp_path: Path) -> None:
    """INCORRECT_FEES_ITEMS gives back an overcharged fee (the fee rule reads it so); it is no
    reimbursement of the unit a customer kept. The refund of 02-20 stays a 20.00 claim."""
    write_report(tmp_path / "feb.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Order", "111-9000001-0000001", "IF-1", "ItemPrice", "Principal", "20.00",
               "2026-02-01"),
        v2_row("1001", "Refund", "111-9000001-0000001", "IF-1", "ItemPrice", "Principal",
               "-20.00", "2026-02-20"),
    ])  # fmt: skip
    write_report(tmp_path / "apr.txt", SETTLEMENT_FLAT, [
        flat_total("1002", "USD", "2026-04-01", "2026-04-30"),
        flat_row("1002", "INCORRECT_FEES_ITEMS", "111-9000001-0000001", "IF-1", "2026-04-10",
                 qty="", other_amount="1.12"),
    ])  # fmt: skip
    assert brief(scan(cli, str(tmp_path), "--as-of", "2026-05-01")) == [
        ("refund-not-returned", "111-9000001-0000001", "claimable", 1, "2026-02-20", "2026-04-21",
         "2026-06-20", None, "20.00", "USD", "US")]  # fmt: skip
