"""Size tiers and fee tables held as data: the shipped files load and pass their model's checks,
every tier boundary lands where Amazon's help pages put it (US 2024, EU/UK, JP), the fee table
prices only its own periods and price range, a broken data file is a one-line error naming the
file and field, and the fee rules keep memory flat on a big settlement and storage report."""

from __future__ import annotations

import tracemalloc
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from casewriter.errors import CasewriterError
from casewriter.reports.fee_tables import FEES_DATA, FbaFees, fba_fees, fee_table
from casewriter.reports.tiers import TIERS_DATA, SizeTiers, load_model, size_tiers, tier_table


def test_shipped_tables_load_with_sources_and_dates() -> None:
    tables = size_tiers().tables
    assert {t.id for t in tables} == {"us-2024", "eu-2024", "jp"}
    for t in tables:
        assert t.source and t.as_of and t.tiers[-1].limited is False
    assert tier_table("US", date(2024, 2, 4)) is None  # the 2023 table is not held
    assert tier_table("US", date(2024, 2, 5)).id == "us-2024"  # type: ignore[union-attr]
    assert tier_table("UK", date(2026, 1, 1)).id == "eu-2024"  # type: ignore[union-attr]
    assert tier_table("CA", date(2026, 1, 1)) is None  # no Canadian table: no tier check
    fees = fba_fees()
    assert fees.fee_tables and all(ft.belief for ft in fees.fee_tables)  # labelled a belief


US = tier_table("US", date(2025, 6, 1))
EU = tier_table("DE", date(2025, 6, 1))
JP = tier_table("JP", date(2025, 6, 1))


@pytest.mark.parametrize(
    ("sides", "weight", "tier"),
    [((15, 12, 0.75), 1, "small-standard"),  # every limit met exactly
     ((15, 12, 0.76), 0.5, "large-standard"),
     ((15, 12, 0.75), 1.01, "large-standard"),  # 16 oz is the unit-weight limit
     ((18, 14, 8), 20, "large-standard"),
     ((18, 14, 8), 15, "large-standard"),  # dimensional 2016 / 139 = 14.5 lb: the unit weight
     ((19, 10, 5), 3, "large-bulky"),
     ((59, 33, 30), 40, "extra-large-150-plus"),  # dimensional 58,410 / 139 = 420 lb
     ((60, 10, 10), 10, "extra-large-0-50"),
     ((30, 20, 10), 60, "extra-large-50-70"),
     ((30, 20, 10), 151, "extra-large-150-plus")],
)  # fmt: skip
def test_us_tier_boundaries(sides: tuple[float, ...], weight: float, tier: str) -> None:
    assert US is not None
    longest, median, shortest = (D(str(s)) for s in sides)
    assert US.classify((longest, median, shortest), D(str(weight))).tier.id == tier


def test_us_shipping_weight_uses_dimensional_weight_except_small_standard() -> None:
    assert US is not None
    small = US.classify((D(10), D(8), D("0.5")), D("0.5"))
    assert small.tier.id == "small-standard" and small.ship_weight == D("0.5")
    large = US.classify((D(14), D(10), D(6)), D("2.1"))
    assert large.tier.id == "large-standard" and large.ship_weight == D(840) / D(139)


@pytest.mark.parametrize(
    ("sides", "kg", "tier"),
    [((20, 15, 1), 0.08, "small-envelope"), ((20, 15, 1), 0.081, "standard-envelope"),
     ((33, 23, 6), 0.96, "extra-large-envelope"), ((35, 25, 12), 3.9, "small-parcel"),
     ((45, 34, 26), 11.9, "standard-parcel"), ((61, 46, 46), 1.5, "small-oversize"),
     ((61, 46, 46), 2.0, "standard-oversize"), ((120, 60, 60), 29.76, "standard-oversize"),
     ((121, 60, 30), 20, "large-oversize"), ((176, 30, 30), 20, "special-oversize"),
     ((100, 50, 50), 32, "special-oversize")],
)  # fmt: skip
def test_eu_tier_boundaries(sides: tuple[float, ...], kg: float, tier: str) -> None:
    assert EU is not None
    longest, median, shortest = (D(str(s)) for s in sides)
    assert EU.classify((longest, median, shortest), D(str(kg))).tier.id == tier


@pytest.mark.parametrize(
    ("sides", "kg", "tier"),
    [((25, 18, 2), 0.25, "small"), ((25, 18, 2), 0.26, "standard"), ((45, 35, 20), 9, "standard"),
     ((60, 40, 30), 5, "oversize"), ((100, 80, 70), 45, "supersize"),
     ((100, 90, 80), 10, "not-eligible")],
)  # fmt: skip
def test_jp_tier_boundaries(sides: tuple[float, ...], kg: float, tier: str) -> None:
    assert JP is not None
    longest, median, shortest = (D(str(s)) for s in sides)
    assert JP.classify((longest, median, shortest), D(str(kg))).tier.id == tier


@pytest.mark.parametrize(
    ("table", "text", "read"),
    [("US", "Large standard-size", (1, 1)), ("US", "SMALL_STANDARD", (0, 0)),
     ("US", "Standard-Size", (0, 1)), ("US", "Oversize", (2, 6)), ("US", "Large Bulky", (2, 2)),
     ("DE", "Standard-Paket", (5, 5)), ("DE", "Standard Parcel 1 kg", (5, 5)),
     ("DE", "Kleines Übermaß", (6, 6)), ("JP", "特大型", (3, 3)), ("JP", "小型", (0, 0)),
     ("US", "Mystery tier", None)],
)  # fmt: skip
def test_report_tier_names_are_read(table: str, text: str, read: tuple[int, int] | None) -> None:
    t = tier_table(table, date(2025, 6, 1))
    assert t is not None
    got = t.read(text)
    assert (got[:2] if got else None) == read


def test_fee_table_prices_only_its_periods_and_price_range() -> None:
    assert fee_table("US", date(2025, 7, 1), D("19.99")) is not None
    assert fee_table("US", date(2025, 10, 20), D("19.99")) is None  # holiday peak: not held
    assert fee_table("US", date(2026, 1, 14), D("19.99")) is None  # 2025-26 holiday peak
    assert fee_table("US", date(2025, 7, 1), D("7.99")) is None  # Low-Price FBA: not held
    assert fee_table("US", date(2025, 7, 1), None) is None  # price unknown: no band
    assert fee_table("DE", date(2025, 7, 1), D("19.99")) is None
    ft = fee_table("US", date(2025, 7, 1), D("19.99"))
    assert ft is not None
    assert ft.fee("small-standard", D("0.55"), "lb") == D("3.43")  # 8.8 oz: the 8-10 oz band
    assert ft.fee("small-standard", D(2), "oz") == D("3.06")  # a limit is inclusive
    assert ft.fee("large-standard", D(3), "lb") == D("6.62")
    assert ft.fee("large-standard", D("3.01"), "lb") == D("7.00")  # 6.92 + one started 4 oz
    assert ft.fee("large-bulky", D("1"), "lb") == D("9.61")
    assert ft.fee("large-bulky", D("2.5"), "lb") == D("10.37")  # 9.61 + 2 x 0.38


@pytest.mark.parametrize(
    ("price", "table", "small_6oz", "large_3_01lb"),
    [(D("9.99"), "us-2026-non-peak-under-10", "2.56", "6.23"),  # Low-Price FBA
     (D("9.995"), "us-2026-non-peak-under-10", "2.56", "6.23"),  # "below $10": unrounded
     (D("10"), "us-2026-non-peak-10-50", "3.45", "7.05"),  # "$10 to $50" holds both ends
     (D("50"), "us-2026-non-peak-10-50", "3.45", "7.05"),
     (D("50.01"), "us-2026-non-peak-over-50", "3.71", "7.31")],
)  # fmt: skip
def test_2026_us_fees_are_priced_by_unit_price_band(
    price: D, table: str, small_6oz: str, large_3_01lb: str
) -> None:
    """From 15 Jan 2026 the US fee depends on the unit price: below $10, $10 to $50, above
    $50. Each band's 6 oz small standard fee, and the 3+ lb large standard base plus one
    started 4 oz (2026 announcement: large standard +$0.05 / +$0.31, unchanged below $10)."""
    ft = fee_table("US", date(2026, 4, 15), price)
    assert ft is not None and ft.id == table and ft.belief
    assert ft.fee("small-standard", D(6), "oz") == D(small_6oz)
    assert ft.fee("large-standard", D("3.01"), "lb") == D(large_3_01lb)
    assert ft.fee("large-bulky", D(2), "lb") is None  # bulky tiers redrawn in 2026: not held
    assert fee_table("US", date(2026, 10, 15), price) is None  # 2026 holiday peak: not held


def test_two_tables_pricing_one_charge_are_refused(tmp_path: Path) -> None:
    text = FEES_DATA.read_text("utf-8")
    broken = tmp_path / FEES_DATA.name
    broken.write_text(text.replace("price_below = 10 ", "price_below = 10.01 ", 1), "utf-8")
    with pytest.raises(CasewriterError) as err:
        load_model(broken, FbaFees)
    assert "us-2026-non-peak-under-10 and us-2026-non-peak-10-50" in err.value.message


@pytest.mark.parametrize(
    ("path_name", "old", "new", "message"),
    [(TIERS_DATA, 'id = "large-standard"', 'id = "small-standard"', "tier ids repeat"),
     (TIERS_DATA, "max_sides = [15, 12, 0.75]", "max_sides = [15, 12]", "max_sides"),
     (TIERS_DATA, 'ship_weight = "unit"', 'ship_weight = "heavier"', "ship_weight"),
     (FEES_DATA, "[2, 3.06], [4, 3.15]", "[4, 3.06], [2, 3.15]", "bands must rise"),
     (FEES_DATA, "tolerance_ratio = 0.02", "tolerance_ratio = -1", "tolerance_ratio")],
)  # fmt: skip
def test_a_broken_data_file_names_file_and_field(
    tmp_path: Path, path_name: Path, old: str, new: str, message: str
) -> None:
    text = path_name.read_text("utf-8")
    assert old in text
    broken = tmp_path / path_name.name
    broken.write_text(text.replace(old, new, 1), "utf-8")
    model = SizeTiers if path_name == TIERS_DATA else FbaFees
    with pytest.raises(CasewriterError) as err:
        load_model(broken, model)
    assert str(broken) in err.value.message and message in err.value.message
    assert "\n" not in err.value.message


def test_fee_rules_keep_memory_flat(tmp_path: Path) -> None:
    """100,000 settlement rows of SKUs the seller did not measure and 20,000 storage rows that
    add up keep nothing but one slim tier record per item: the rules hold only measured SKUs'
    charges and the storage rows that are off."""
    from casewriter.reports.collect import collect
    from casewriter.reports.sniff import sniff

    sellers = Path(__file__).parent / "data" / "reports" / "sellers2" / "brightpeak"
    lines = (sellers / "settlement-fees.tsv").read_text("utf-8").splitlines()
    header, body = lines[0], [ln for ln in lines[1:] if "\tOrder\t" in ln]
    big = tmp_path / "settlement.tsv"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        for i in range(100_000 // len(body) + 1):
            for ln in body:
                fh.write(ln.replace("BP-", f"ZZ{i}-") + "\n")
    storage_lines = (sellers / "storage_fees.txt").read_text("utf-8").splitlines()
    good = storage_lines[1]  # the PHX7 mug row: adds up
    store = tmp_path / "storage.txt"
    with store.open("w", encoding="utf-8") as fh:
        fh.write(storage_lines[0] + "\n")
        for i in range(20_000):
            fh.write(good.replace("X00BPMUG02", f"X{i:09d}") + "\n")
    infos = [sniff(sellers / "my_measurements.csv"), sniff(big), sniff(store)]
    tracemalloc.start()
    got = collect(infos)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert got.data.fees.charges == {} and got.data.fees.storage_bad == {}
    assert got.data.fees.storage_rows == 20_000
    # the per-item latest tier (one slim record per item) is all that grows
    assert len(got.data.fees.storage_tiers) == 20_000
    assert peak < 40 * 1024 * 1024, peak
