"""Acceptance, issue 14 §2: fee overcharge from the seller's measurements CSV (US with an amount
where a fee table covers the charge, EU and JP naming both tiers with the amount unknown),
the storage fee check and stranded inventory, with their never-flag traps, windows, evidence
and drafts. Every figure is derived by hand in the test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    FEE_PREVIEW_EU,
    FEE_PREVIEW_US,
    MANAGE_INVENTORY,
    MEASUREMENTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    STORAGE,
    STRANDED,
    finding,
    write_report,
)
from tests.acceptance.issue14_rows import (
    flat_row,
    flat_total,
    manage_inventory,
    storage,
    stranded,
    v2_row,
    v2_total,
)

Cli = Callable[..., Any]


def scan(cli: Cli, *args: str) -> dict[str, Any]:
    res = cli("scan", *args, "--json")
    assert res.code == 0, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def fee_preview_us(sku: str, fnsku: str, by: str, sides: tuple[str, str, str], pounds: str,
                   tier: str, price: str = "19.99") -> dict[str, str]:  # fmt: skip
    return {"sku": sku, "fnsku": fnsku, "asin": "B0" + fnsku[2:], "product-name": "Item " + sku,
            "fulfilled-by": by, "your-price": price, "sales-price": price,
            "longest-side": sides[0], "median-side": sides[1], "shortest-side": sides[2],
            "unit-of-dimension": "inches", "item-package-weight": pounds,
            "unit-of-weight": "pounds", "product-size-tier": tier, "currency": "USD",
            "estimated-fee-total": "6.90", "estimated-referral-fee-per-unit": "3.00",
            "expected-fulfillment-fee-per-unit": "3.90"}  # fmt: skip


def measured(sku: str, l: str, w: str, h: str, du: str, wt: str, wu: str) -> dict[str, str]:  # noqa: E741
    return {"sku": sku, "length": l, "width": w, "height": h, "dimension_unit": du,
            "weight": wt, "weight_unit": wu}  # fmt: skip


def _us_fees(folder: Path, charge_days: tuple[str, str, str, str]) -> None:
    """FEE-1: the seller's 10 x 8 x 0.5 in, 6 oz box is small standard (2024 US table: $3.24 up
    to 6 oz); the Fee Preview says Large Standard and each unit paid $3.90 (large standard,
    0.25–0.5 lb). Four orders of FEE-1 on ``charge_days``; the fourth one's fee is reversed on a
    Refund row. Traps: FEE-2 is seller-fulfilled, FEE-3 is not measured, FEE-4's tier is
    right."""
    write_report(folder / "fee_preview.txt", FEE_PREVIEW_US, [
        fee_preview_us("FEE-1", "X00FEE0001", "Amazon", ("10.2", "8.1", "1.0"), "0.45", "Large Standard"),
        fee_preview_us("FEE-2", "X00FEE0002", "Merchant", ("10.2", "8.1", "1.0"), "0.45", "Large Standard"),
        fee_preview_us("FEE-3", "X00FEE0003", "Amazon", ("10.2", "8.1", "1.0"), "0.45", "Large Standard"),
        fee_preview_us("FEE-4", "X00FEE0004", "Amazon", ("10.0", "8.0", "0.5"), "0.3", "Small Standard"),
    ])  # fmt: skip
    write_report(folder / "my_sizes.csv", MEASUREMENTS, [
        measured("FEE-1", "8", "10", "0.5", "in", "6", "oz"),  # sides in any order
        measured("FEE-2", "8", "10", "0.5", "in", "6", "oz"),
        measured("FEE-4", "254", "203.2", "12.7", "mm", "170", "g"),
    ], "csv")  # fmt: skip
    rows = [flat_total("3001", "USD", "2025-05-20", "2025-10-01")]
    for n, (day, qty) in enumerate(zip(charge_days, (1, 2, 1, 1), strict=True), 1):
        order = f"112-000000{n}-000000{n}"
        rows += [
            flat_row("3001", "Order", order, "FEE-1", day, qty=str(qty),
                     price_type="Principal", price_amount=f"{19.99 * qty:.2f}"),
            flat_row("3001", "Order", order, "FEE-1", day, qty=str(qty),
                     item_related_fee_type="FBAPerUnitFulfillmentFee",
                     item_related_fee_amount=f"{-3.90 * qty:.2f}"),
        ]  # fmt: skip
    rows.append(flat_row("3001", "Refund", "112-0000004-0000004", "FEE-1", charge_days[3],
                         item_related_fee_type="FBAPerUnitFulfillmentFee",
                         item_related_fee_amount="3.90"))  # fmt: skip
    for n, sku, fee in ((5, "FEE-2", "-3.90"), (6, "FEE-3", "-3.90"), (7, "FEE-4", "-3.24")):
        rows.append(flat_row("3001", "Order", f"112-000000{n}-000000{n}", sku, charge_days[2],
                             item_related_fee_type="FBAPerUnitFulfillmentFee",
                             item_related_fee_amount=fee))  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_FLAT, rows)


def test_us_fee_overcharge_is_exact(cli: Cli, tmp_path: Path) -> None:
    """Charges of 06-01 (1 unit), 08-01 (2), 09-15 (1), 09-20 (1, reversed), as of 2025-10-10:
    the 90-day window from 06-01 closed on 08-30, so 1 unit is lost; 3 units are claimable at
    3.90 − 3.24 = 0.66 each: 1.98 USD, dated by the oldest charge in the window (08-01, closes
    10-30)."""
    _us_fees(tmp_path, ("2025-06-01", "2025-08-01", "2025-09-15", "2025-09-20"))
    data = scan(cli, str(tmp_path), "--as-of", "2025-10-10")
    assert [f["rule"] for f in data["findings"]] == ["fee-overcharge"]
    f = finding(data, "fee-overcharge", sku="FEE-1")
    assert (f["status"], f["quantity"], f["event_date"]) == ("claimable", 3, "2025-08-01")
    assert (f["window"]["opens"], f["window"]["closes"]) == ("2025-08-01", "2025-10-30")
    assert f["window"]["source"]
    assert f["estimated_value"] == {"amount": "1.98", "currency": "USD"}
    assert f["case_type"] == "fee-dimension-weight"
    d = f["details"]
    assert (d["your_tier"], d["amazon_tier"], d["amazon_tier_from"]) == (
        "Small standard-size", "Large Standard", "Fee Preview")  # fmt: skip
    assert (d["expired_units"], d["expired_amount"]) == (1, "0.66")
    assert [(o["order_id"], o["units"], o["fee_per_unit"], o["fee_for_your_tier"])
            for o in d["orders"]] == [("112-0000002-0000002", 2, "3.90", "3.24"),
                                      ("112-0000003-0000003", 1, "3.90", "3.24")]  # fmt: skip
    assert d["tier_table"] and d["fee_table"]  # sources of the tier and fee tables


def test_charges_past_the_window_count_as_lost_in_the_summary(cli: Cli, tmp_path: Path) -> None:
    """Issue §3: "expired amount (what was lost by waiting)". The 06-01 charge of FEE-1 (1 unit
    x 0.66) can no longer be claimed: it is money lost by waiting."""
    _us_fees(tmp_path, ("2025-06-01", "2025-08-01", "2025-09-15", "2025-09-20"))
    summary = scan(cli, str(tmp_path), "--as-of", "2025-10-10")["summary"]
    assert summary["claimable"]["total"] == [{"currency": "USD", "amount": "1.98"}]
    assert summary["expired"]["total"] == [{"currency": "USD", "amount": "0.66"}]


def test_fee_overcharge_drafts_a_fee_dimension_weight_case(cli: Cli, tmp_path: Path) -> None:
    _us_fees(tmp_path, ("2025-06-01", "2025-08-01", "2025-09-15", "2025-09-20"))
    data = scan(cli, str(tmp_path), "--as-of", "2025-10-10", "--draft")
    assert len(data["drafts"]["drafted"]) == 1
    case = json.loads(cli("log", "show", data["drafts"]["drafted"][0], "--json").out)
    assert case["case_type"] == "fee-dimension-weight"
    assert case["deadline_closes"] == "2025-10-30"
    assert "FEE-1" in case["body"] or "X00FEE0001" in case["body"]


def test_a_current_us_charge_gets_an_amount(cli: Cli, tmp_path: Path) -> None:
    """Issue §2 asks to research "the current US fee table": the same overcharge charged in
    spring 2026 (non-peak) should be priced like the 2025 one. A $19.99 item is in the 2026
    $10-$50 band, where a 6 oz small standard unit pays $3.45 (2024: $3.24, +$0.21): each unit
    paid $3.90, so 1 + 2 + 1 units (the fourth order's fee was refunded) x $0.45 = $1.80."""
    _us_fees(tmp_path, ("2026-03-01", "2026-04-01", "2026-04-15", "2026-04-20"))
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-10"), "fee-overcharge", sku="FEE-1")
    assert (f["status"], f["quantity"]) == ("claimable", 4)
    assert f["estimated_value"] == {"amount": "1.80", "currency": "USD"}
    assert [(o["units"], o["fee_for_your_tier"]) for o in f["details"]["orders"]] == [
        (1, "3.45"), (2, "3.45"), (1, "3.45")]  # fmt: skip
    assert any("2026" in n and "belief" in n for n in f["notes"])


def test_eu_fee_overcharge_names_both_tiers_with_the_amount_unknown(
    cli: Cli, tmp_path: Path
) -> None:
    """DE: the seller's 240 x 185 x 30 mm, 0.40 kg box is a large envelope (33 x 23 x 4 cm,
    960 g); Amazon's Fee Preview (EU variant, cp1252) says Standard-Paket and the settlement
    (decimal commas, day-first dates) charged 3,55 per unit for 2 units. No EU fee table is
    held: the amount is unknown, the finding names the tiers, the fee charged and the units."""
    write_report(tmp_path / "gebuehren.txt", FEE_PREVIEW_EU, [{
        "sku": "DE-1", "fnsku": "X00DEFEE01", "asin": "B0DEFEE001", "product-name": "Kännchen",
        "fulfilled-by": "AFN", "has-local-inventory": "Y", "your-price": "24,99",
        "sales-price": "24,99", "longest-side": "25", "median-side": "19", "shortest-side": "3,5",
        "unit-of-dimension": "cm", "item-package-weight": "420", "unit-of-weight": "g",
        "product-size-weight-band": "Standard-Paket", "currency": "EUR",
        "estimated-fee-total": "7,10", "estimated-referral-fee-per-unit": "3,75",
        "expected-domestic-fulfilment-fee-per-unit": "3,55"}], "cp1252")  # fmt: skip
    write_report(tmp_path / "masse.csv", MEASUREMENTS,
                 [measured("DE-1", "240", "185", "30", "mm", "0,40", "kg")], "csv")  # fmt: skip
    write_report(tmp_path / "abrechnung.txt", SETTLEMENT_V2, [
        v2_total("7001", "EUR", "01.05.2026 00:00:00 UTC", "31.05.2026 00:00:00 UTC"),
        v2_row("7001", "Order", "302-7000001-0000001", "DE-1", "ItemPrice", "Principal", "49,98",
               "05.05.2026", qty="2", market="Amazon.de"),
        v2_row("7001", "Order", "302-7000001-0000001", "DE-1", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-7,10", "05.05.2026", qty="2", market="Amazon.de"),
    ])  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-06-01"), "fee-overcharge", sku="DE-1")
    assert (f["status"], f["quantity"], f["marketplace"]) == ("claimable", 2, "DE")
    assert (f["window"]["opens"], f["window"]["closes"]) == ("2026-05-05", "2026-08-03")
    assert f["estimated_value"] is None
    d = f["details"]
    assert (d["your_tier"], d["amazon_tier"]) == ("Large envelope", "Standard-Paket")
    assert [(o["units"], o["fee_per_unit"]) for o in d["orders"]] == [(2, "3.55")]
    assert any("amount is unknown" in n for n in f["notes"])


def test_jp_fee_overcharge_small_against_standard(cli: Cli, tmp_path: Path) -> None:
    """JP: 24 x 17 x 1.5 cm, 200 g is small (25 x 18 x 2 cm, 250 g); Amazon says 標準
    (standard). Yen amounts, no JP fee table: amount unknown; 90-day window."""
    write_report(tmp_path / "fee_preview_jp.txt", FEE_PREVIEW_US, [
        fee_preview_us("JP-1", "X00JPFEE01", "Amazon", ("25", "18", "3"), "0.25", "標準",
                       price="1980") | {"unit-of-dimension": "centimeters",
                                        "unit-of-weight": "kilograms", "currency": "JPY"}])  # fmt: skip
    write_report(tmp_path / "sunpou.csv", MEASUREMENTS,
                 [measured("JP-1", "24", "17", "1.5", "cm", "200", "g")])  # fmt: skip
    write_report(tmp_path / "settlement_jp.txt", SETTLEMENT_V2, [
        v2_total("8001", "JPY", "2026-04-01", "2026-04-30"),
        v2_row("8001", "Order", "503-8000001-0000001", "JP-1", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-434", "2026-04-10", qty="1", market="Amazon.co.jp"),
    ])  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-01"), "fee-overcharge", sku="JP-1")
    assert (f["status"], f["quantity"], f["marketplace"]) == ("claimable", 1, "JP")
    assert (f["window"]["opens"], f["window"]["closes"]) == ("2026-04-10", "2026-07-09")
    assert f["estimated_value"] is None
    assert (f["details"]["your_tier"], f["details"]["amazon_tier"]) == ("Small", "標準")


def _storage(folder: Path) -> None:
    write_report(folder / "storage.txt", STORAGE, [
        # 5.0 ft3 x 0.78 = 3.90; charged 4.50: 0.60 over
        storage("X00STO0001", "ONT8", "0.5", "10", "5.0", "0.78", "4.50"),
        # 3.92: within the tolerance (2 % of 3.90 = 0.078) — never flagged
        storage("X00STO0002", "ONT8", "0.5", "10", "5.0", "0.78", "3.92"),
        # 3.90 less an incentive of 0.50 = 3.40, charged 3.40 — adds up
        storage("X00STO0003", "ONT8", "0.5", "10", "5.0", "0.78", "3.40", incentive="0.50"),
        # no total volume: 0.5 x 10 x 0.78 = 3.90; charged 4.90: 1.00 over
        storage("X00STO0004", "ONT8", "0.5", "10", "", "0.78", "4.90"),
        # charged less than the figures give — never flagged
        storage("X00STO0005", "ONT8", "0.5", "10", "5.0", "0.78", "2.00"),
        # UK row in the same file: 0.1 x 25.0 = 2.50 GBP, charged 3.00: 0.50 over
        storage("X00STO0006", "LTN1", "0.01", "10", "0.1", "25.0", "3.00", country="GB",
                currency="GBP"),
    ])  # fmt: skip


def test_storage_fee_check_is_exact_and_to_review(cli: Cli, tmp_path: Path) -> None:
    _storage(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    got = sorted((f["ids"]["fnsku"], f["status"], f["estimated_value"]["amount"],
                  f["estimated_value"]["currency"], f["marketplace"], f["ids"]["month"],
                  f["details"]["charged"], f["details"]["expected"], f.get("lead"))
                 for f in data["findings"])  # fmt: skip
    assert got == [
        ("X00STO0001", "to-review", "0.60", "USD", "US", "2026-04", "4.50", "3.90", True),
        ("X00STO0004", "to-review", "1.00", "USD", "US", "2026-04", "4.90", "3.90", True),
        ("X00STO0006", "to-review", "0.50", "GBP", "UK", "2026-04", "3.00", "2.50", True),
    ]
    assert all(f["rule"] == "storage-fee-check" and f["window"]["source"]
               for f in data["findings"])  # fmt: skip
    # a lead: --draft alone drafts none of them
    drafted = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft")["drafts"]
    assert drafted["drafted"] == []


def test_a_wrong_storage_tier_is_not_to_review(cli: Cli, tmp_path: Path) -> None:
    """Issue §2 storage fee check: "'to-review' unless the tier is wrong". Amazon's storage row
    puts the item in Oversize (25 x 14 x 6 in, 5 lb); the seller's 17 x 13 x 5 in, 4 lb is
    large standard: the tier is wrong, so the finding is not a mere lead."""
    write_report(tmp_path / "storage.txt", STORAGE, [storage(
        "X00STO0007", "ONT8", "1.2153", "10", "12.153", "0.56", "6.81", tier="Oversize",
        sides=("25", "14", "6"), weight="5")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [measured("STO-7", "17", "13", "5", "in", "4", "lb")])  # fmt: skip
    write_report(
        tmp_path / "myi.txt", MANAGE_INVENTORY, [manage_inventory("STO-7", "X00STO0007", "0")]
    )
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    (f,) = data["findings"]
    assert f["details"]["amazon_tier"] == "Oversize"
    assert f["status"] != "to-review"


def _stranded(folder: Path) -> None:
    write_report(folder / "stranded.csv", STRANDED, [
        stranded("SA-1", "X00STRAN01", "Amazon", "10", "2", "15.00", "2026-05-10T08:00:00-07:00",
                 "2026-06-20T08:00:00-07:00"),
        stranded("SA-2", "X00STRAN02", "Merchant", "10", "0", "15.00", "2026-05-10", "2026-06-20"),
        stranded("SA-3", "X00STRAN03", "Amazon", "0", "0", "15.00", "2026-05-10", "2026-06-20"),
        stranded("SA-4", "X00STRAN04", "Amazon", "3", "0", "9.99", "05/12/2026", "06/22/2026",
                 action="Create removal order", reason="Listing removed"),
    ], "csv")  # fmt: skip


def test_stranded_inventory_units_value_deadline_and_fix(cli: Cli, tmp_path: Path) -> None:
    """SA-1: 10 + 2 units, value 10 x 15.00 = 150.00 (an estimate), act by the auto-removal
    date 06-20, safe by 30 days after stranding (06-09), Amazon's fix and reason shown. SA-4
    likewise (3 x 9.99 = 29.97, 06-22, safe by 06-11). Traps: SA-2 seller-fulfilled, SA-3 no
    units."""
    _stranded(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    got = sorted((f["ids"]["sku"], f["status"], f["quantity"], f["event_date"],
                  f["window"]["closes"], f["window"]["safe_by"], f["estimated_value"]["amount"],
                  f["details"]["primary_action"], f["details"]["stranded_reason"],
                  f["case_type"], f.get("lead")) for f in data["findings"])  # fmt: skip
    assert got == [
        ("SA-1", "to-review", 12, "2026-05-10", "2026-06-20", "2026-06-09", "150.00", "Relist",
         "Closed listing", "stranded-inventory", True),
        ("SA-4", "to-review", 3, "2026-05-12", "2026-06-22", "2026-06-11", "29.97",
         "Create removal order", "Listing removed", "stranded-inventory", True),
    ]  # fmt: skip
    text = cli("scan", str(tmp_path), "--as-of", "2026-06-01").out
    assert "act by 2026-06-20: Amazon's fix: Relist (reason: Closed listing)" in text


def test_stranded_is_drafted_only_when_asked(cli: Cli, tmp_path: Path) -> None:
    _stranded(tmp_path)
    assert scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft")["drafts"]["drafted"] == []
    drafted = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft-stranded")["drafts"]
    assert len(drafted["drafted"]) == 2
    types = {json.loads(cli("log", "show", i, "--json").out)["case_type"]
             for i in drafted["drafted"]}  # fmt: skip
    assert types == {"stranded-inventory"}
    again = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft-stranded")["drafts"]
    assert again["drafted"] == [] and len(again["skipped"]) == 2  # an open case already exists


def test_the_stranded_draft_states_one_unit_count(cli: Cli, tmp_path: Path) -> None:
    _stranded(tmp_path)
    drafted = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft-stranded")["drafts"]
    bodies = [json.loads(cli("log", "show", i, "--json").out)["body"] for i in drafted["drafted"]]
    body = next(b for b in bodies if "X00STRAN01" in b)
    assert ("12 unit(s)" in body) == ("Units stranded: 12" in body)
