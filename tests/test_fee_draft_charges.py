"""The fee-overcharge finding and its ``--draft`` state only true figures (issue 14 §2; the last
acceptance round's F1, F3, F5, F7, F8, F19 beyond their acceptance tests).

The seller of ``test_issue14_final_fees`` throughout (SKU BAND, small standard by its own
measurement, 6 oz: 2026 $10-$50 fee 3.45; Amazon's Large Standard, 3.90 a unit). Figures by
hand: a 2026-10-14 charge is priced (3.90 - 3.45 = 0.45); a 2026-10-15 charge falls in the
2026 holiday peak, for which no fee table is held, so its fee for the seller's tier is unknown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from casewriter.config import load_settings
from casewriter.engine.catalog import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan as scan_reports
from tests.acceptance.issue14_files import (
    MANAGE_INVENTORY,
    MEASUREMENTS,
    STORAGE,
    finding,
    write_report,
)
from tests.acceptance.issue14_rows import manage_inventory, storage
from tests.acceptance.test_issue14_final_fees import (
    BANDS,
    drafted_body,
    order,
    scan,
    seller,
    window_days,
)

Cli = Callable[..., Any]


def test_an_unknown_amount_is_drafted_with_no_difference(cli: Cli, tmp_path: Path) -> None:
    """One peak charge: the fee paid and the units are facts, the fee of the correct tier is
    not (no table): the case states no correct fee, no difference and asks for no amount."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-10-15")])
    data, body = drafted_body(cli, tmp_path, "2026-11-01")
    assert finding(data, "fee-overcharge", sku="BAND")["estimated_value"] is None
    assert "- Fulfillment fee charged: USD 3.90 per unit\n" in body
    assert "- Units charged: 1\n" in body
    assert "correct fee" not in body and "Overcharge" not in body and "difference of" not in body
    assert "refund the fee difference for the order listed above." in body


def test_known_and_unknown_charges_are_listed_each_without_a_total(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """10-14 priced (0.45), 10-15 not: each order is listed with what is known of it, the
    known one with its difference, and no total is claimed."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "19.99", 1, "2026-10-14"), (order(2), "19.99", 1, "2026-10-15")])
    _data, body = drafted_body(cli, tmp_path, "2026-11-01")
    assert (
        f"  - Order {order(1)} (charged 2026-10-14): 1 unit at USD 3.90 per unit; fee for the "
        "correct tier USD 3.45; difference USD 0.45 × 1 = USD 0.45\n"
    ) in body
    assert f"  - Order {order(2)} (charged 2026-10-15): 1 unit at USD 3.90 per unit\n" in body
    assert "Overcharge" not in body and "difference of" not in body


def test_the_lines_of_a_draft_add_up_to_the_finding(cli: Cli, tmp_path: Path) -> None:
    """BANDS: 4 units below $10 (1.34 each: 5.36), 2 at $10-$50 (0.45: 0.90), 1 above $50
    (0.19): 6.45, the finding's amount; every order is on one of the lines."""
    seller(tmp_path, BANDS)
    data, body = drafted_body(cli, tmp_path, "2026-05-01")
    lines = [x for x in body.splitlines() if x.startswith("  - Order")]
    totals = [Decimal(re.sub(r".* = USD ", "", x)) for x in lines]
    assert totals == [Decimal("5.36"), Decimal("0.90"), Decimal("0.19")]
    amount = finding(data, "fee-overcharge", sku="BAND")["estimated_value"]["amount"]
    assert sum(totals) == Decimal(amount) == Decimal("6.45")
    assert "- Overcharge in total: USD 6.45\n" in body
    for order_id, *_ in BANDS:
        assert sum(order_id in x for x in lines) == 1, order_id
    assert "correct fee: USD" not in body  # no single correct fee for charges that differ


def test_a_weight_band_overcharge_is_told_as_one(cli: Cli, tmp_path: Path) -> None:
    """Same tier, Amazon's 0.45 lb against the seller's 4 oz: the story and the tier line say
    the tier is the same and the fee is that of a heavier shipping weight."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-03-01")], weight=("4", "oz"), fee="3.54",
           amazon=(("10", "8", "0.5"), "0.45", "Small Standard"))  # fmt: skip
    data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert finding(data, "fee-overcharge", sku="BAND")["details"]["overcharged_by"] == (
        "shipping weight"
    )
    assert (
        "was charged the FBA fulfillment fee of a heavier shipping weight than our own "
        "measurement of the unit gives, in the same size tier." in body
    )
    assert (
        "- Size tier charged: Small Standard, the tier our measurement gives (Small "
        "standard-size); the fee charged is that of a heavier shipping weight\n" in body
    )
    assert "correct tier" not in body


def test_a_larger_tier_is_still_told_as_a_larger_tier(cli: Cli, tmp_path: Path) -> None:
    seller(tmp_path, [(order(1), "19.99", 1, "2026-03-01")])
    data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert finding(data, "fee-overcharge", sku="BAND")["details"]["overcharged_by"] == "size tier"
    assert "of a larger size tier than our own measurement of the unit gives." in body
    assert "- Size tier charged: Large Standard · correct tier: Small standard-size\n" in body
    assert "- Overcharge: USD 0.45 × 1 units = USD 0.45\n" in body


def test_the_lead_names_the_window_in_force(cli: Cli, tmp_path: Path, paths: AppPaths) -> None:
    """A wrong tier with no charge in the settlements is a lead: it asks for the settlements of
    the window in force (the seller's 30 days), never a fixed 90."""
    window_days(paths, 30)
    seller(tmp_path, [])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-01"), "fee-overcharge", sku="BAND")
    assert f["status"] == "to-review"
    assert any(n.endswith("add the settlement reports of the last 30 days") for n in f["notes"])
    assert f["window"]["source"].endswith("the window is 30 days from each charge")
    assert not any("90" in n for n in f["notes"])


def test_the_expired_note_speaks_chinese_with_the_window_in_force(
    paths: AppPaths, tmp_path: Path
) -> None:
    window_days(paths, 30)
    folder = tmp_path / "reports"
    folder.mkdir()
    seller(folder, [(order(1), "19.99", 1, "2025-10-14"), (order(2), "39.98", 2, "2026-01-15")])
    catalog = Catalog.load(paths, settings=load_settings(paths))  # the seller's 30-day override
    result = scan_reports(sorted(folder.iterdir()), as_of=date(2026, 2, 1), catalog=catalog)
    (f,) = [x for x in result.findings if x.rule == "fee-overcharge"]
    assert f.notes[0] == (
        "1 older charge(s), 1 unit(s), are past the 30-day window and can no longer be claimed"
    )
    assert f.notes[0].zh == "有 1 笔较早的收费（1 件）已超过 30 天期限，无法再索赔"  # type: ignore[attr-defined]


def test_expired_charges_of_unknown_amount_are_a_row_of_the_summary(
    cli: Cli, tmp_path: Path
) -> None:
    """As of 2026-11-01 (90 days): 01-14 (peak, no table) and 01-15 are lost, 2 units with no
    amount (one is unknown); 10-14 is claimable (0.45)."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-01-14"), (order(2), "19.99", 1, "2026-01-15"),
                      (order(3), "19.99", 1, "2026-10-14")])  # fmt: skip
    expired = scan(cli, str(tmp_path), "--as-of", "2026-11-01")["summary"]["expired"]
    assert (expired["findings"], expired["without_estimate"], expired["total"]) == (1, 1, [])
    assert expired["by_rule"] == [{"rule": "fee-overcharge", "currency": None, "amount": None,
                                   "findings": 1, "units": 2}]  # fmt: skip
    text = cli("scan", str(tmp_path), "--as-of", "2026-11-01").out.splitlines()
    assert "  expired (lost by waiting): 1 without an estimate" in text


def test_an_unpriced_tier_names_its_table_and_the_tiers(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """Large bulky in 2026: the table in force holds no rate for it, so the note names the
    table and the tier, and the next note names both tiers, the fee charged and the units."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "79.99", 1, "2026-03-01")], price="79.99",
           sides=("30", "20", "10"), weight=("15", "lb"), fee="45.00",
           amazon=(("62", "20", "10"), "15", "Extra-large 0 to 50 lb"))  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-05-10")
    notes = finding(data, "fee-overcharge", sku="BAND")["notes"]
    assert (
        "Amazon's 2026 US FBA fulfilment fees (items above $50, non-peak, standard sizes) holds "
        "no fee for your tier, Large bulky (charges of 2026-03-01): the amount is unknown; the "
        "finding names both tiers, the fee charged and the units"
    ) in notes
    assert (
        "Amazon's tier: Extra-large 0 to 50 lb; your tier: Large bulky; fee charged: 45.00 USD "
        "per unit on 1 unit(s)"
    ) in notes
    json.dumps(data)  # the notes are plain strings in --json


CASE = """case_type = "fee-dimension-weight"
marketplace = "US"

[facts]
charge_date = "2026-03-02"
our_dimensions = "10 x 8 x 0.5 in"
our_weight = "4 oz"
tier_charged = "Small Standard"
tier_expected = "Small standard-size"
overcharged_by = "shipping weight"
fee_charged = "3.54"
fee_difference = "0.36"
units_charged = 3
charges = \"\"\"
- Order 113-0000001-0000001: 1 unit at USD 3.54; correct fee USD 3.42
• Order 113-0000002-0000002: 2 units at USD 3.54; correct fee USD 3.42
\"\"\"

[evidence]
asin = "B0CQ7WN3KD"
fnsku = "X005HG8ZR3"
order_id = ["113-0000001-0000001", "113-0000002-0000002"]
"""


def test_a_sellers_own_case_lists_its_charges_and_total(cli: Cli, tmp_path: Path) -> None:
    """The facts a scan draft uses are the case type's own: a seller filling them by hand gets
    the same lines (one per order, their own bullets dropped) and the total they gave."""
    (tmp_path / "case.toml").write_text(CASE, "utf-8")
    res = cli("render", str(tmp_path / "case.toml"), "--as-of", "2026-04-01", "--format", "json")
    assert res.code == 0, res.err
    body = json.loads(res.out)["body"]
    assert (
        "- Fees charged, by order:\n"
        "  - Order 113-0000001-0000001: 1 unit at USD 3.54; correct fee USD 3.42\n"
        "  - Order 113-0000002-0000002: 2 units at USD 3.54; correct fee USD 3.42\n"
        "- Overcharge in total: USD 0.36\n"
    ) in body
    assert "refund the fee difference of USD 0.36 for the orders listed above." in body
    assert (
        "so we are charged the fee of a heavier shipping weight in the Small Standard tier" in body
    )
    assert "larger" not in body and "correct tier:" not in body


def test_a_storage_tier_claim_is_drafted_as_one(cli: Cli, tmp_path: Path) -> None:
    """No fulfilment fee charge, the storage fees report's Oversize against the seller's large
    standard: the case speaks of that report, never of units charged or settlements."""
    write_report(tmp_path / "storage.txt", STORAGE, [storage(
        "X00STO0008", "ONT8", "1.2153", "10", "12.153", "0.56", "6.81", tier="Oversize",
        sides=("25", "14", "6"), weight="5")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [{"sku": "STO-8", "length": "17", "width": "13", "height": "5",
                   "dimension_unit": "in", "weight": "4", "weight_unit": "lb"}], "csv")  # fmt: skip
    write_report(
        tmp_path / "myi.txt", MANAGE_INVENTORY, [manage_inventory("STO-8", "X00STO0008", "0")]
    )
    _data, body = drafted_body(cli, tmp_path, "2026-06-01")
    assert (
        "The storage fees report charges ASIN B00STO0008 (SKU STO-8, FNSKU X00STO0008) at a "
        "larger size tier than our own measurement of the unit gives." in body
    )
    assert "- Size tier charged: Oversize · correct tier: Large standard-size\n" in body
    assert "unit(s)" not in body and "Units charged" not in body and "settlement" not in body
