"""Acceptance (last round), issue 14 §2 fee overcharge with Amazon's 2026 US fee tables.

Fresh inputs the earlier rounds did not try: the three 2026 unit-price bands at their edges
($9.99, $10.00, $50.00, $50.01, a unit price from a multi-unit Principal 29.99 / 3), the
holiday-peak boundaries (14/15 Jan and 14/15 Oct 2026), charges of 2025 and 2026 in one
finding (each priced with its own period's table), a tier with no 2026 rate (large bulky), an
unknown unit price, fee corrections paid in 2026, the notes, the text summary, ``--json``,
``--draft`` and ``--lang zh``.

One seller throughout (SKU BAND, FNSKU X00BAND001): the seller's 10 x 8 x 0.5 in, 6 oz box is
small standard (US tiers: <= 15 x 12 x 0.75 in and <= 16 oz unit weight); Amazon's Fee Preview
says Large Standard (10.2 x 8.1 x 1 in, 0.45 lb) and each unit paid $3.90. The fee of the
seller's tier (small standard, up to 6 oz), from ``casewriter/reports/data/fba_fees.toml``:

    2024/2025 non-peak, items $10 and over ......... 3.24
    2026 non-peak, items below $10 ................. 2.56
    2026 non-peak, items $10 to $50 (both included)  3.45
    2026 non-peak, items above $50 ................. 3.71

so the overcharge per unit is 3.90 - fee: 0.66 (2025), 1.34 / 0.45 / 0.19 (2026 bands).
Every test states its own figures, derived by hand from these.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casewriter.paths import AppPaths
from tests.acceptance.issue14_files import (
    FEE_PREVIEW_US,
    MEASUREMENTS,
    SETTLEMENT_V2,
    finding,
    write_report,
)
from tests.acceptance.issue14_rows import v2_row, v2_total
from tests.acceptance.test_issue14_fees import fee_preview_us, measured

Cli = Callable[..., Any]
DATA = Path(__file__).resolve().parent.parent / "data" / "acceptance_issue14_final"
SKU, FNSKU, ASIN = "BAND", "X00BAND001", "B00BAND001"


def scan(cli: Cli, *args: str) -> dict[str, Any]:
    res = cli("scan", *args, "--json")
    assert res.code == 0, res.err
    assert "Traceback" not in res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def window_days(paths: AppPaths, days: int) -> None:
    """The seller's own reading of the fee window (config.toml deadline override)."""
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / f"fee_window_{days}_days.toml", paths.config_file)


def seller(folder: Path, charges: list[tuple[str, str, int, str]], *, price: str = "19.99",
           sides: tuple[str, str, str] = ("10", "8", "0.5"), weight: tuple[str, str] = ("6", "oz"),
           amazon: tuple[tuple[str, str, str], str, str] = (("10.2", "8.1", "1.0"), "0.45",
                                                            "Large Standard"),
           fee: str = "3.90", extra: list[dict[str, str]] | None = None) -> None:  # fmt: skip
    """Fee Preview, measurements and one V2 settlement. ``charges``: (order, Principal or "-"
    for no Principal row, units, posted date); each unit paid ``fee``."""
    write_report(folder / "fee_preview.txt", FEE_PREVIEW_US,
                 [fee_preview_us(SKU, FNSKU, "Amazon", amazon[0], amazon[1], amazon[2],
                                 price=price)])  # fmt: skip
    write_report(folder / "my_sizes.csv", MEASUREMENTS,
                 [measured(SKU, *sides, "in", *weight)], "csv")  # fmt: skip
    rows = [v2_total("6001", "USD", "2025-01-01", "2026-12-31")]
    for order, principal, units, day in charges:
        if principal != "-":
            rows.append(v2_row("6001", "Order", order, SKU, "ItemPrice", "Principal", principal,
                               day, qty=str(units)))  # fmt: skip
        rows.append(v2_row("6001", "Order", order, SKU, "ItemFees", "FBAPerUnitFulfillmentFee",
                           f"{-float(fee) * units:.2f}", day, qty=str(units)))  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, rows + (extra or []))


def order(n: int) -> str:
    return f"113-{n:07d}-{n:07d}"


def priced(f: dict[str, Any]) -> list[tuple[str, int, str, str | None]]:
    return [(o["order_id"], o["units"], o["fee_per_unit"], o["fee_for_your_tier"])
            for o in f["details"]["orders"]]  # fmt: skip


BANDS = [(order(1), "9.99", 1, "2026-03-02"), (order(2), "10.00", 1, "2026-03-03"),
         (order(3), "50.00", 1, "2026-03-04"), (order(4), "50.01", 1, "2026-03-05"),
         (order(5), "29.99", 3, "2026-03-06")]  # fmt: skip


def test_each_2026_charge_is_priced_in_its_unit_price_band(cli: Cli, tmp_path: Path) -> None:
    """$9.99 → below $10 (2.56); $10.00 and $50.00 → $10 to $50, both limits included (3.45);
    $50.01 → above $50 (3.71); 29.99 for 3 units is 9.9967 a unit → below $10 (2.56).
    Amount: 1.34 + 0.45 + 0.45 + 0.19 + 3 x 1.34 = 6.45 USD for 7 units, dated by the oldest
    charge (03-02, window 90 days: closes 05-31)."""
    seller(tmp_path, BANDS)
    data = scan(cli, str(tmp_path), "--as-of", "2026-05-01")
    f = finding(data, "fee-overcharge", sku=SKU)
    assert (f["status"], f["quantity"], f["event_date"]) == ("claimable", 7, "2026-03-02")
    assert (f["window"]["opens"], f["window"]["closes"]) == ("2026-03-02", "2026-05-31")
    assert f["estimated_value"] == {"amount": "6.45", "currency": "USD"}
    assert f["case_type"] == "fee-dimension-weight"
    assert priced(f) == [(order(1), 1, "3.90", "2.56"), (order(2), 1, "3.90", "3.45"),
                         (order(3), 1, "3.90", "3.45"), (order(4), 1, "3.90", "3.71"),
                         (order(5), 3, "3.90", "2.56")]  # fmt: skip
    # each table that priced a charge is named, with its band, as a belief
    tables = [n for n in f["notes"] if n.startswith("fee for your tier from")]
    assert len(tables) == 3
    for band in ("items below $10", "items $10 to $50", "items above $50"):
        assert any(band in n and "2026" in n and "belief" in n for n in tables), band
    assert "2026" in f["details"]["fee_table"] and "[belief]" in f["details"]["fee_table"]
    assert data["summary"]["claimable"]["total"] == [{"currency": "USD", "amount": "6.45"}]
    assert [(t["ids"]["sku"], t["amount"]) for t in data["summary"]["top"]] == [(SKU, "6.45")]


def test_the_text_summary_gives_the_same_figures(cli: Cli, tmp_path: Path) -> None:
    seller(tmp_path, BANDS)
    res = cli("scan", str(tmp_path), "--as-of", "2026-05-01")
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    row = next(x for x in lines if x.lstrip().startswith("fee-overcharge") and SKU in x)
    assert row.split()[-3:] == ["2026-05-31", "6.45", "USD"]
    assert "  claimable now: 6.45 USD" in lines
    assert any(x.split() == ["fee-overcharge", "6.45", "USD", "(1", "finding(s),", "7",
                             "unit(s))"] for x in lines)  # fmt: skip
    assert f"    1. fee-overcharge {SKU} {ASIN} {FNSKU}: 6.45 USD, closes 2026-05-31" in lines


def test_holiday_peak_boundaries_of_2026(cli: Cli, tmp_path: Path, paths: AppPaths) -> None:
    """Non-peak 2026 is 15 Jan – 14 Oct: the charges of 01-15 and 10-14 are priced (3.45, a
    $19.99 item); those of 01-14 (2025/26 peak) and 10-15 (2026 peak) are not, so the amount
    is unknown and a note names the days with no table. A 365-day window (the seller's
    override) keeps all four open as of 2026-11-01."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "19.99", 1, "2026-01-14"), (order(2), "19.99", 1, "2026-01-15"),
                      (order(3), "19.99", 1, "2026-10-14"), (order(4), "19.99", 1, "2026-10-15")])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-11-01")
    f = finding(data, "fee-overcharge", sku=SKU)
    assert (f["status"], f["quantity"], f["event_date"]) == ("claimable", 4, "2026-01-14")
    assert f["window"]["closes"] == "2027-01-14"
    assert priced(f) == [(order(1), 1, "3.90", None), (order(2), 1, "3.90", "3.45"),
                         (order(3), 1, "3.90", "3.45"), (order(4), 1, "3.90", None)]  # fmt: skip
    assert f["estimated_value"] is None
    assert ("no fee table held for US on the date of the charge (charges of 2026-01-14, "
            "2026-10-15): the amount is unknown; the finding names both tiers, the fee charged "
            "and the units") in f["notes"]  # fmt: skip
    assert data["summary"]["claimable"]["without_estimate"] == 1


def test_charges_of_2025_and_2026_each_use_their_periods_table(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """2025-10-10, 1 unit at $19.99: 2024 table (unchanged in 2025), 3.90 - 3.24 = 0.66;
    2026-02-01, 2 units for 39.98 (19.99 each): 2026 $10-$50, 2 x (3.90 - 3.45) = 0.90.
    Amount 1.56 USD (a 365-day window keeps both open as of 2026-03-01)."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "19.99", 1, "2025-10-10"), (order(2), "39.98", 2, "2026-02-01")])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-03-01"), "fee-overcharge", sku=SKU)
    assert (f["status"], f["quantity"], f["event_date"]) == ("claimable", 3, "2025-10-10")
    assert priced(f) == [(order(1), 1, "3.90", "3.24"), (order(2), 2, "3.90", "3.45")]
    assert f["estimated_value"] == {"amount": "1.56", "currency": "USD"}
    assert any("2024 US FBA" in n and "unchanged in 2025" in n for n in f["notes"])
    assert any("2026 US FBA" in n and "$10 to $50" in n for n in f["notes"])


def test_a_2025_charge_past_the_window_is_lost_money_at_its_own_rate(
    cli: Cli, tmp_path: Path
) -> None:
    """90-day window, as of 2026-02-01: the 2025-10-14 charge closed on 2026-01-12 (lost:
    0.66 at the 2024 rate); the 2026-01-15 charge of 2 units is claimable (0.90, closes
    04-15)."""
    seller(tmp_path, [(order(1), "19.99", 1, "2025-10-14"), (order(2), "39.98", 2, "2026-01-15")])
    data = scan(cli, str(tmp_path), "--as-of", "2026-02-01")
    f = finding(data, "fee-overcharge", sku=SKU)
    assert (f["status"], f["quantity"], f["window"]["closes"]) == ("claimable", 2, "2026-04-15")
    assert f["estimated_value"] == {"amount": "0.90", "currency": "USD"}
    assert (f["details"]["expired_units"], f["details"]["expired_amount"]) == (1, "0.66")
    s = data["summary"]
    assert s["claimable"]["total"] == [{"currency": "USD", "amount": "0.90"}]
    assert s["expired"]["total"] == [{"currency": "USD", "amount": "0.66"}]
    text = cli("scan", str(tmp_path), "--as-of", "2026-02-01").out.splitlines()
    assert "  expired (lost by waiting): 0.66 USD" in text


def test_fee_corrections_paid_in_2026_are_never_claimed_again(cli: Cli, tmp_path: Path) -> None:
    """Three 2026 charges at $19.99 (0.45 each). INCORRECT_FEES_ITEMS for order 1 (in
    amount-description) and order 2 (as the transaction type) refund them; the correction
    for order 3 names another SKU, so order 3 alone is claimed: 0.45 USD."""
    corrections = [
        v2_row("6001", "other-transaction", order(1), SKU, "other-transaction",
               "INCORRECT_FEES_ITEMS", "0.45", "2026-04-01", qty=""),
        v2_row("6001", "INCORRECT_FEES_ITEMS", order(2), SKU, "FBA Inventory Reimbursement",
               "INCORRECT_FEES_ITEMS", "0.45", "2026-04-02", qty=""),
        v2_row("6001", "other-transaction", order(3), "OTHER-SKU", "other-transaction",
               "INCORRECT_FEES_ITEMS", "0.45", "2026-04-03", qty=""),
    ]  # fmt: skip
    seller(tmp_path, [(order(n), "19.99", 1, f"2026-03-0{n}") for n in (1, 2, 3)],
           extra=corrections)  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-01"), "fee-overcharge", sku=SKU)
    assert priced(f) == [(order(3), 1, "3.90", "3.45")]
    assert (f["quantity"], f["estimated_value"]) == (1, {"amount": "0.45", "currency": "USD"})


def test_a_2026_charge_with_no_unit_price_has_no_amount(cli: Cli, tmp_path: Path) -> None:
    """No Principal row and no price in the Fee Preview: the 2026 tables depend on the price,
    so the amount is unknown and the note says why (the fee is never guessed)."""
    seller(tmp_path, [(order(1), "-", 1, "2026-03-01")], price="")
    data = scan(cli, str(tmp_path), "--as-of", "2026-05-01")
    f = finding(data, "fee-overcharge", sku=SKU)
    assert (f["status"], f["estimated_value"]) == ("claimable", None)
    assert priced(f) == [(order(1), 1, "3.90", None)]
    assert any(n.startswith("the unit price is unknown") and "(charges of 2026-03-01)" in n
               for n in f["notes"])  # fmt: skip
    assert data["summary"]["claimable"]["without_estimate"] == 1


def test_the_unknown_price_note_names_every_band_it_decides(cli: Cli, tmp_path: Path) -> None:
    """The price decides between three 2026 tables; naming only 'items below $10' reads as if
    the charge were a Low-Price FBA item."""
    seller(tmp_path, [(order(1), "-", 1, "2026-03-01")], price="")
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-01"), "fee-overcharge", sku=SKU)
    note = next(n for n in f["notes"] if n.startswith("the unit price is unknown"))
    assert "items below $10" not in note or ("$10 to $50" in note and "above $50" in note)


def test_a_tier_with_no_2026_rate_says_why_the_amount_is_unknown(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """The seller's 30 x 20 x 10 in, 15 lb box is large bulky (dimensional weight 43.17 lb);
    Amazon charged Extra-large 0-50 lb ($45.00). 2025-09-01: 2024 table, 9.61 + 0.38 x 43 =
    25.95. 2026-03-01: no 2026 rate for large bulky is held (the data file says so): the
    amount is unknown, and the finding must say why for the 2026 charge ("see the notes")."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "79.99", 1, "2025-09-01"), (order(2), "79.99", 1, "2026-03-01")],
           price="79.99", sides=("30", "20", "10"), weight=("15", "lb"), fee="45.00",
           amazon=(("62", "20", "10"), "15", "Extra-large 0 to 50 lb"))  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-10"), "fee-overcharge", sku=SKU)
    assert (f["details"]["your_tier"], f["details"]["amazon_tier"]) == (
        "Large bulky", "Extra-large 0 to 50 lb")  # fmt: skip
    assert priced(f) == [(order(1), 1, "45.00", "25.95"), (order(2), 1, "45.00", None)]
    assert f["estimated_value"] is None
    assert f["details"]["amount_unknown"].endswith("(see the notes)")
    assert any("2026-03-01" in n for n in f["notes"]), f["notes"]


def test_the_price_note_never_contradicts_the_band(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """2025-09-01, 3 units for 29.99: 9.9967 a unit, below the 2024 table's $10 floor (Low-Price
    FBA rates are not held), so no amount. The note must not say the price is 10.00 and in the
    same breath that it is outside "items $10 and over"."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "29.99", 3, "2025-09-01")])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-10"), "fee-overcharge", sku=SKU)
    assert f["estimated_value"] is None
    note = next(n for n in f["notes"] if "price range" in n)
    assert "items $10 and over" in note
    assert "(10.00)" not in note, note


def test_expired_charges_of_unknown_amount_still_count_as_lost(cli: Cli, tmp_path: Path) -> None:
    """As of 2026-11-01 (90 days): 01-14 (peak: no table) and 01-15 (0.45) are past their
    windows: 2 units lost, the finding says so. The summary's expired section must count them
    (an amount, or a finding without an estimate), not leave them out."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-01-14"), (order(2), "19.99", 1, "2026-01-15"),
                      (order(3), "19.99", 1, "2026-10-14")])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-11-01")
    f = finding(data, "fee-overcharge", sku=SKU)
    assert (f["estimated_value"], f["details"]["expired_units"]) == (
        {"amount": "0.45", "currency": "USD"}, 2)  # fmt: skip
    assert "2 older charge(s), 2 unit(s), are past the 90-day window" in f["notes"][0]
    assert data["summary"]["expired"]["findings"] == 1


def test_the_expired_note_names_the_window_in_force(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """The seller's override gives 30 days: 2026-01-15 + 30 = 02-14 is the close; the 2025-10-14
    charge is lost. The note must not speak of a 90-day window."""
    window_days(paths, 30)
    seller(tmp_path, [(order(1), "19.99", 1, "2025-10-14"), (order(2), "39.98", 2, "2026-01-15")])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-02-01"), "fee-overcharge", sku=SKU)
    assert f["window"]["closes"] == "2026-02-14"
    assert not any("90-day" in n for n in f["notes"]), f["notes"]


def test_the_text_names_both_tiers_and_the_fee_when_the_amount_is_unknown(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue §2: with no table, "the finding names the two tiers, the fee charged and the units";
    the note says it does. The text a seller reads must show them (the JSON does)."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-10-15")])
    res = cli("scan", str(tmp_path), "--as-of", "2026-11-01")
    assert res.code == 0
    assert "the finding names both tiers, the fee charged and the units" in res.out
    assert "Large Standard" in res.out and "Small standard-size" in res.out
    assert "3.90" in res.out


def test_scan_speaks_chinese_with_lang_zh(cli: Cli, tmp_path: Path) -> None:
    """product.md: the UI in English and Simplified Chinese (--lang, config, LANG); `health`
    honours --lang zh, `scan` does not. The notes have their Chinese (note_words.py)."""
    seller(tmp_path, BANDS)
    res = cli("--lang", "zh", "scan", str(tmp_path), "--as-of", "2026-05-01")
    assert res.code == 0
    assert "6.45 USD" in res.out
    assert "您所在分段的费用" in res.out, res.out


def drafted_body(cli: Cli, folder: Path, as_of: str) -> tuple[dict[str, Any], str]:
    data = scan(cli, str(folder), "--as-of", as_of, "--draft")
    (case_id,) = data["drafts"]["drafted"]
    case = json.loads(cli("log", "show", case_id, "--json").out)
    return data, case["body"]


def test_the_draft_names_the_product_orders_and_window(cli: Cli, tmp_path: Path) -> None:
    """What the case for Amazon may say, each backed by a fact of the finding."""
    seller(tmp_path, BANDS)
    data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert f"ASIN: {ASIN}" in body and f"FNSKU: {FNSKU}" in body
    assert "Our measurement: 10 x 8 x 0.5 in, 6 oz" in body
    assert "Amazon's measurement: 10.2 x 8.1 x 1 in, 0.45 lb" in body
    assert "Size tier charged: Large Standard · correct tier: Small standard-size" in body
    assert "Orders charged: " + ", ".join(o for o, *_ in BANDS) in body
    assert "Since 2026-03-02, 7 units" in body
    assert "[store name]" in body  # no profile: a placeholder, never an invented name
    case = json.loads(cli("log", "show", data["drafts"]["drafted"][0], "--json").out)
    assert case["deadline_closes"] == "2026-05-31"


def test_the_drafted_overcharge_is_the_sum_per_charge(cli: Cli, tmp_path: Path) -> None:
    """The finding is 6.45 USD; the draft says "correct fee: USD 2.56" and "Overcharge: USD
    1.34 x 7 units = USD 9.38" and asks Amazon to refund 9.38 — 2.93 more than the charges
    give (orders 2-4 were in the $10-$50 and above-$50 bands)."""
    seller(tmp_path, BANDS)
    _data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert "USD 9.38" not in body
    assert "refund the fee difference of USD 6.45" in body


def test_the_drafted_overcharge_uses_each_periods_fee(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """2025-10-10 (0.66) + 2 units of 2026-02-01 (0.90) = 1.56; the draft prices all 3 units at
    the 2026 fee (0.45 x 3 = 1.35)."""
    window_days(paths, 365)
    seller(tmp_path, [(order(1), "19.99", 1, "2025-10-10"), (order(2), "39.98", 2, "2026-02-01")])
    _data, body = drafted_body(cli, tmp_path, "2026-03-01")
    assert "USD 1.35" not in body
    assert "USD 1.56" in body


def test_the_draft_states_no_measuring_method_the_seller_did_not_give(
    cli: Cli, tmp_path: Path
) -> None:
    """The measurements CSV gives sizes, not how they were taken; the template states the method
    only with measured_as_shipped. The draft's 'What we checked' says "We measured one unit in
    its original packaging, longest side first." with no fact behind it."""
    seller(tmp_path, BANDS)
    _data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert "original packaging" not in body, body


def test_a_heavier_weight_band_in_the_same_tier_is_priced(cli: Cli, tmp_path: Path) -> None:
    """Same tier, heavier band: the seller's 4 oz unit (small standard, 2026 $10-$50: 3.42) was
    charged 3.54 (Amazon weighed 0.45 lb = 7.2 oz: the up-to-8-oz band): 0.12 USD."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-03-01")], weight=("4", "oz"), fee="3.54",
           amazon=(("10", "8", "0.5"), "0.45", "Small Standard"))  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-05-01"), "fee-overcharge", sku=SKU)
    assert priced(f) == [(order(1), 1, "3.54", "3.42")]
    assert f["estimated_value"] == {"amount": "0.12", "currency": "USD"}


def test_a_weight_band_draft_does_not_claim_a_larger_tier(cli: Cli, tmp_path: Path) -> None:
    """The draft tells Amazon the unit "were charged the FBA fulfilment fee of a larger size
    tier" and lists "Size tier charged: Small Standard · correct tier: Small standard-size":
    the tier is the same; it is the weight (0.45 lb against 4 oz) that is wrong."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-03-01")], weight=("4", "oz"), fee="3.54",
           amazon=(("10", "8", "0.5"), "0.45", "Small Standard"))  # fmt: skip
    _data, body = drafted_body(cli, tmp_path, "2026-05-01")
    assert "Overcharge: USD 0.12 × 1 units = USD 0.12" in body
    assert "larger size tier" not in body, body
