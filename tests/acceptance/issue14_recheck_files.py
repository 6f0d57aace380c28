"""Sellers for the issue-14 recheck (``test_issue14_recheck.py``): report files built from the
documented headers by the issue-14 acceptance helpers, with figures derived by hand.

US seller (SKU MUG, FNSKU X00MUG0001): the seller's 10 x 8 x 0.5 in, 6 oz box is small standard;
Amazon's Fee Preview says Large Standard (10.2 x 8.1 x 1 in, 0.45 lb). Fees of the seller's tier
(``casewriter/reports/data/fba_fees.toml``): 2024/2025 items $10 and over 3.24 (6 oz) / 3.15
(4 oz); 2026 items below $10 2.56 (6 oz) / 2.49 (4 oz); 2026 items $10 to $50 3.45 (6 oz) /
3.42 (4 oz). UK seller (UK-TEA): 240 x 185 x 30 mm, 0.40 kg is a large envelope; Amazon says
Standard Parcel; no UK fee table is held. JP seller (JP-1): 24 x 17 x 1.5 cm, 200 g is Small;
Amazon says 標準; no JP fee table is held; fees in whole yen.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tests.acceptance.issue14_files import (
    FEE_PREVIEW_EU,
    FEE_PREVIEW_US,
    MEASUREMENTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    write_report,
)
from tests.acceptance.issue14_rows import flat_row, flat_total, v2_row, v2_total
from tests.acceptance.test_issue14_fees import fee_preview_us, measured

#: (order id, Principal or "-" for none, units, posted date, fee per unit)
Charge = tuple[str, str, int, str, str]


def us_seller(folder: Path, charges: list[Charge], *, weight: tuple[str, str] = ("6", "oz"),
              amazon: tuple[tuple[str, str, str], str, str] = (("10.2", "8.1", "1.0"), "0.45",
                                                               "Large Standard"),
              sides: tuple[str, str, str] = ("10", "8", "0.5"), style: str = "tab") -> None:  # fmt: skip
    """Fee Preview, the seller's measurements and one V2 settlement (id 7001) of ``charges``."""
    folder.mkdir(parents=True, exist_ok=True)
    write_report(folder / "fee_preview.txt", FEE_PREVIEW_US,
                 [fee_preview_us("MUG", "X00MUG0001", "Amazon", *amazon)])  # fmt: skip
    write_report(folder / "sizes.csv", MEASUREMENTS, [measured("MUG", *sides, "in", *weight)],
                 "csv")  # fmt: skip
    rows: list[Mapping[str, object]] = [v2_total("7001", "USD", "2025-01-01", "2026-12-31")]
    for order, principal, units, day, fee in charges:
        if principal != "-":
            rows.append(v2_row("7001", "Order", order, "MUG", "ItemPrice", "Principal",
                               principal, day, qty=str(units)))  # fmt: skip
        rows.append(v2_row("7001", "Order", order, "MUG", "ItemFees",
                           "FBAPerUnitFulfillmentFee", f"-{float(fee) * units:.2f}", day,
                           qty=str(units)))  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, rows, style)


def flat_copy(folder: Path, charges: list[Charge], sid: str = "7001",
              name: str = "settlement_flat.txt") -> None:  # fmt: skip
    """The same charges in the older Flat File layout (settlement ``sid``)."""
    rows: list[Mapping[str, object]] = [flat_total(sid, "USD", "2025-01-01", "2026-12-31")]
    for order, principal, units, day, fee in charges:
        if principal != "-":
            rows.append(flat_row(sid, "Order", order, "MUG", day, qty=str(units),
                                 price_type="Principal", price_amount=principal))  # fmt: skip
        rows.append(flat_row(sid, "Order", order, "MUG", day, qty=str(units),
                             item_related_fee_type="FBAPerUnitFulfillmentFee",
                             item_related_fee_amount=f"-{float(fee) * units:.2f}"))  # fmt: skip
    write_report(folder / name, SETTLEMENT_FLAT, rows)


def uk_seller(folder: Path) -> None:
    """Two charges at 2.75 GBP: 2 units on 2026-05-06, 1 unit on 2026-05-09."""
    folder.mkdir(parents=True, exist_ok=True)
    write_report(folder / "fee_preview.txt", FEE_PREVIEW_EU, [{
        "sku": "UK-TEA", "fnsku": "X00UKTEA01", "asin": "B0UKTEA001", "product-name": "Tea caddy",
        "fulfilled-by": "AFN", "has-local-inventory": "Y", "your-price": "14.99",
        "sales-price": "14.99", "longest-side": "25", "median-side": "19", "shortest-side": "3.5",
        "unit-of-dimension": "cm", "item-package-weight": "420", "unit-of-weight": "g",
        "product-size-weight-band": "Standard Parcel", "currency": "GBP",
        "estimated-fee-total": "5.00", "estimated-referral-fee-per-unit": "2.25",
        "expected-domestic-fulfilment-fee-per-unit": "2.75"}])  # fmt: skip
    write_report(folder / "sizes.csv", MEASUREMENTS,
                 [measured("UK-TEA", "240", "185", "30", "mm", "0.40", "kg")], "csv")  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, [
        v2_total("9001", "GBP", "2026-05-01", "2026-05-31"),
        v2_row("9001", "Order", "203-9000001-0000001", "UK-TEA", "ItemPrice", "Principal",
               "29.98", "2026-05-06", qty="2", market="Amazon.co.uk"),
        v2_row("9001", "Order", "203-9000001-0000001", "UK-TEA", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-5.50", "2026-05-06", qty="2", market="Amazon.co.uk"),
        v2_row("9001", "Order", "203-9000002-0000002", "UK-TEA", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-2.75", "2026-05-09", qty="1", market="Amazon.co.uk"),
    ])  # fmt: skip


def jp_seller(folder: Path) -> None:
    """Two charges: 2 units at 434 JPY on 2026-04-10, 1 unit at 450 JPY on 2026-05-10."""
    folder.mkdir(parents=True, exist_ok=True)
    write_report(folder / "fee_preview_jp.txt", FEE_PREVIEW_US, [
        fee_preview_us("JP-1", "X00JPFEE01", "Amazon", ("25", "18", "3"), "0.25", "標準",
                       price="1980") | {"unit-of-dimension": "centimeters",
                                        "unit-of-weight": "kilograms", "currency": "JPY"}])  # fmt: skip
    write_report(folder / "sunpou.csv", MEASUREMENTS,
                 [measured("JP-1", "24", "17", "1.5", "cm", "200", "g")])  # fmt: skip
    write_report(folder / "settlement_jp.txt", SETTLEMENT_V2, [
        v2_total("8001", "JPY", "2026-04-01", "2026-05-30"),
        v2_row("8001", "Order", "503-8000001-0000001", "JP-1", "ItemPrice", "Principal", "3960",
               "2026-04-10", qty="2", market="Amazon.co.jp"),
        v2_row("8001", "Order", "503-8000001-0000001", "JP-1", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-868", "2026-04-10", qty="2", market="Amazon.co.jp"),
        v2_row("8001", "Order", "503-8000002-0000002", "JP-1", "ItemFees",
               "FBAPerUnitFulfillmentFee", "-450", "2026-05-10", qty="1", market="Amazon.co.jp"),
    ])  # fmt: skip
