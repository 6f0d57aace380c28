"""The typed readers of the newer reports on realistic sample files (tests/data/reports/formats):
money with its currency, dates, unit counts, dimensions, weights and volumes with their units,
EU decimal commas, optional columns that come and go, and the legacy Inventory Event Detail told
apart from Received Inventory; a file whose encoding changes after the prefix that decided it."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from casewriter.reports import Warnings, read_rows, scan, sniff
from casewriter.reports.collect import READERS
from casewriter.reports.sniff import ENCODING_PREFIX
from casewriter.reports.units import Dimensions, Money, Numbers, Volume, Weight, parse_month
from tests.builtin_catalog import builtin_catalog
from tests.conftest import SAMPLES, CliResult
from tests.report_headers import CUSTOMER_RETURNS

FORMATS = Path(__file__).parent / "data" / "reports" / "formats"
USD = "USD"


def records(name: str) -> list[Any]:
    info = sniff(FORMATS / name)
    warnings = Warnings()
    out = list(READERS[info.type](info, warnings, None))
    assert warnings.all() == []
    return out


def test_fee_preview_us() -> None:
    planter, pot = records("fee_preview_us.txt")
    assert (planter.sku, planter.fnsku, planter.asin) == (
        "CK-PLANTER-6IN",
        "X004CK0001",
        "B0CKPLT601",
    )
    assert planter.dimensions == Dimensions(Decimal("7.20"), Decimal("7.10"), Decimal("6.40"), "in")
    assert planter.weight == Weight(Decimal("2.31"), "lb")
    assert planter.length_and_girth == Decimal("34.20")
    assert planter.size_tier == "Large Standard"
    assert planter.fulfillment_fee == Money(Decimal("5.40"), USD)
    assert planter.estimated_fee_total == Money(Decimal("9.15"), USD)
    assert planter.pick_pack_fee is None and planter.efn_fees == ()
    assert pot.your_price == Money(Decimal("12.50"), USD)


def test_fee_preview_eu_reads_decimal_commas_and_efn_fees() -> None:
    (kettle,) = records("fee_preview_eu.txt")
    assert kettle.currency == "EUR" and kettle.has_local_inventory is True
    assert kettle.your_price == Money(Decimal("34.90"), "EUR")
    assert kettle.dimensions == Dimensions(Decimal("24.5"), Decimal("19.0"), Decimal("17.2"), "cm")
    # "1.180" g in a file that writes decimal commas is one thousand one hundred eighty grams
    assert kettle.weight == Weight(Decimal("1180"), "g")
    assert kettle.size_tier == "Standard-Paket"
    assert kettle.fulfillment_fee == Money(Decimal("5.29"), "EUR")  # expected domestic fee
    assert kettle.efn_fees == (("FR", Money(Decimal("6.71"), "EUR")),
                               ("IT", Money(Decimal("6.93"), "EUR")),
                               ("ES", Money(Decimal("6.98"), "EUR")))  # fmt: skip


def test_storage_fees() -> None:
    planter, pot = records("storage_fees.txt")
    assert planter.month == date(2026, 5, 1) and planter.country == "US"
    assert planter.item_volume == Volume(Decimal("0.1893"), "ft3")
    assert planter.total_item_volume == Volume(Decimal("7.8276"), "ft3")
    assert planter.average_quantity_on_hand == Decimal("41.35")
    assert planter.storage_rate == Money(Decimal("0.7800"), USD)
    assert planter.estimated_fee == Money(Decimal("6.1055"), USD)
    assert planter.eligible_for_inventory_discount is False
    assert pot.average_quantity_pending_removal == Decimal("4.00")
    assert pot.weight == Weight(Decimal("0.66"), "lb")


def test_inventory_planning_tolerates_a_version_with_other_columns() -> None:
    """This file is a newer version: no 0–90 age buckets, no 11-month LTSF, no sales rank."""
    planter, saucer = records("inventory_planning.txt")
    assert planter.snapshot == date(2026, 6, 28) and planter.available == 212
    assert dict(planter.units_shipped) == {"unitsshippedt7": 9, "unitsshippedt30": 41,
                                           "unitsshippedt60": 77, "unitsshippedt90": 118}  # fmt: skip
    assert dict(planter.age_buckets)["invage0to30days"] == 60
    assert "invage0to90days" not in dict(planter.age_buckets)
    assert planter.qty_ltsf_11_mo is None and planter.sales_rank is None
    assert dict(planter.sales_shipped)["salesshippedlast30days"] == Money(Decimal("1024.59"), USD)
    assert planter.sell_through == Decimal("0.61") and planter.estimated_excess_quantity == 62
    assert planter.item_volume == Volume(Decimal("0.1893"), "ft3")
    assert saucer.estimated_ltsf_next_charge == Money(Decimal("23.80"), USD)
    assert saucer.recommended_removal_quantity == 380 and saucer.alert == "Excess inventory"


def test_manage_inventory() -> None:
    planter, pot = records("manage_inventory.txt")
    assert planter.afn_researching == 3 and planter.afn_unsellable == 2
    assert planter.afn_listing_exists is True and planter.mfn_listing_exists is False
    assert planter.mfn_fulfillable is None and pot.mfn_fulfillable == 14
    assert planter.your_price == Decimal("24.99") and planter.per_unit_volume == Decimal("0.19")


def test_stranded_inventory_keeps_the_fix_and_the_removal_deadline() -> None:
    closed, error = records("stranded_inventory.csv")
    assert (closed.primary_action, closed.reason) == ("Relist", "Closed listing")
    assert closed.auto_removal_on == date(2026, 7, 2) and closed.stranded_on == date(2026, 6, 2)
    assert closed.fulfillable == 40 and closed.your_price == Decimal("12.99")
    assert error.auto_removal_on is None and error.unfulfillable == 1
    assert "item_weight" in error.error_message


def test_restock() -> None:
    planter, pot = records("restock.csv")
    assert planter.sales_last_30_days == Money(Decimal("1024.59"), USD)
    assert planter.recommended_ship_date is None  # "none"
    assert planter.total_days_of_supply == Decimal("196")
    assert pot.recommended_ship_date == date(2026, 7, 3) and pot.recommended_quantity == 160
    assert (pot.alert, pot.days_of_supply_at_afn) == ("Reorder now", Decimal("40"))


def test_seller_returns_with_safe_t_columns() -> None:
    (ret,) = records("seller_returns.txt")
    assert sniff(FORMATS / "seller_returns.txt").variant == "safe-t"
    assert (ret.order_id, ret.status, ret.quantity) == ("114-8812093-5519032", "CLOSED", 1)
    assert ret.label_cost == Money(Decimal("7.85"), USD) and ret.refunded == Money(
        Decimal("24.99"), USD
    )
    assert (ret.safet_claim_id, ret.safet_claim_state) == ("5502917734", "Pending")
    assert ret.safet_claim_created == date(2026, 6, 13) and ret.safet_reimbursement is None
    assert ret.delivered == date(2026, 6, 11) and ret.a_to_z_claim is False and ret.is_prime


def test_afn_inventory_and_by_country() -> None:
    sellable, unsellable = records("afn_inventory.txt")
    assert (sellable.warehouse_condition, sellable.quantity, sellable.country) == (
        "SELLABLE",
        212,
        "",
    )
    assert (unsellable.warehouse_condition, unsellable.quantity) == ("UNSELLABLE", 2)
    us, ca = records("afn_inventory_by_country.txt")
    assert (us.country, ca.country, ca.quantity) == ("US", "CA", 18)


def test_ledger_summary_is_read_as_a_source() -> None:
    planter, _pot = records("ledger_summary.csv")
    assert planter.period == date(2026, 5, 1) and planter.disposition == "SELLABLE"
    assert (planter.receipts, planter.customer_shipments, planter.lost, planter.found) == (
        96,
        -52,
        -2,
        1,
    )
    assert planter.ending_balance == 225 and planter.location == "US"
    result = scan(
        [FORMATS / "ledger_summary.csv"], as_of=date(2026, 6, 30), catalog=builtin_catalog()
    )
    (report,) = result.reports
    assert report.used and report.rows == 2 and result.marketplace == "US"
    assert not any("not used" in n for n in result.notes)


def test_inventory_event_detail_is_not_received_inventory(tmp_path: Path) -> None:
    events = sniff(SAMPLES / "GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA.tsv")
    receipts = sniff(SAMPLES / "GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA.tsv")
    assert (events.type, receipts.type) == ("legacy-inventory-events", "legacy-receipts")
    rows = list(READERS[events.type](events, Warnings(), None))
    assert len(rows) == 7 and {r.event for r in rows} >= {"RECEIPTS", "SHIPMENTS"}
    assert rows[0].quantity == 72 and rows[0].date == date(2022, 8, 29)


def test_new_types_are_read_and_noted_until_a_rule_uses_them() -> None:
    names = ["fee_preview_us.txt", "storage_fees.txt", "inventory_planning.txt",
             "manage_inventory.txt", "stranded_inventory.csv", "restock.csv",
             "seller_returns.txt", "afn_inventory.txt"]  # fmt: skip
    result = scan([FORMATS / n for n in names], as_of=date(2026, 6, 30), catalog=builtin_catalog())
    assert result.warnings == []
    # stranded units are leads; the fee rules need the seller's own measurements (a note says so)
    assert {(f.rule, f.status) for f in result.findings} == {("stranded-inventory", "to-review")}
    assert any("--measurements FILE" in n for n in result.notes)
    rows = {Path(r.path).name: r.rows for r in result.reports}
    assert rows == {"fee_preview_us.txt": 2, "storage_fees.txt": 2, "inventory_planning.txt": 2,
                    "manage_inventory.txt": 2, "stranded_inventory.csv": 2, "restock.csv": 2,
                    "seller_returns.txt": 1, "afn_inventory.txt": 2}  # fmt: skip
    unused = {Path(r.path).name for r in result.reports if not r.used}
    # Manage FBA Inventory feeds the researching-units rule; Fee Preview, storage fees and
    # stranded inventory the fee and stranded rules
    assert unused == {"inventory_planning.txt", "restock.csv", "seller_returns.txt",
                      "afn_inventory.txt"}  # fmt: skip
    assert sum("not used by the scan rules yet" in n for n in result.notes) == len(unused)


def test_a_bad_cell_skips_its_row_with_a_warning_naming_file_line_and_column(
    tmp_path: Path,
) -> None:
    text = (FORMATS / "manage_inventory.txt").read_text("utf-8").splitlines()
    text[2] = text[2].replace("\t118\t118\t", "\tlots\t118\t")
    path = tmp_path / "myi.txt"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    info = sniff(path)
    warnings = Warnings()
    (only,) = list(READERS[info.type](info, warnings, None))
    assert only.sku == "CK-PLANTER-6IN"
    (message,) = warnings.all()
    assert message.startswith(f"{path}:3: afn-warehouse-quantity: ") and "'lots'" in message
    assert message.endswith("(row skipped)")


@pytest.mark.parametrize(
    ("hint", "cells", "values"),
    [(None, ["24,99", "1,234"], ["24.99", "1.234"]),   # the file's own 24,99 decides
     (None, ["24.99", "1,234"], ["24.99", "1234"]),
     (None, ["1,234", "1.234,56"], ["1234", "1234.56"]),  # no evidence yet: grouping
     ("DE", ["1,234", "1.234"], ["1.234", "1234"]),    # Amazon.de writes 1.234,56
     ("US", ["1,234", "1.234"], ["1234", "1.234"]),
     ("EUR", ["0,125", "0.125"], ["0.125", "0.125"]),  # a leading 0 is always decimal
     ("Amazon.co.uk", ["1,234.5", "-3,10"], ["1234.5", "-3.10"]),
     (None, ["12.345.678", "7-"], ["12345678", "-7"])],
)  # fmt: skip
def test_numbers_follow_the_file_then_the_marketplace(
    hint: str | None, cells: list[str], values: list[str]
) -> None:
    numbers = Numbers()
    if hint:
        numbers.hint(hint)
    assert [numbers.dec(c) for c in cells] == [Decimal(v) for v in values]


@pytest.mark.parametrize("bad", ["1,2,3.4,5", "abc", "1e999999", "NaN", "--5"])
def test_numbers_refuse_garbage(bad: str) -> None:
    with pytest.raises(ValueError):
        Numbers().dec(bad)


@pytest.mark.parametrize(
    ("text", "value"),
    [("2026-05", date(2026, 5, 1)), ("05/2026", date(2026, 5, 1)), ("May-2026", date(2026, 5, 1)),
     ("2026-05-17", date(2026, 5, 1)), ("", None)],
)  # fmt: skip
def test_months(text: str, value: date | None) -> None:
    assert parse_month(text) == value


def _returns(name: str, n: int) -> list[str]:
    return ["2026-05-01T12:00:00+00:00", f"111-0000000-{n:07d}", "SKU-1", "B000000001",
            "X000000001", name, "1", "ONT8", "SELLABLE", "UNWANTED_ITEM",
            "Unit returned to inventory", f"LPN{n:010d}", ""]  # fmt: skip


def _late_cp1252(path: Path, early: str, quoted: bool) -> int:
    """A returns report: a row named ``early`` (UTF-8), more than ``ENCODING_PREFIX`` bytes of
    ASCII rows, then a row in cp1252 and one more row; the line number of the cp1252 row."""
    rows = [CUSTOMER_RETURNS, _returns(early, 0)]
    rows += [_returns("plain mug" if n != 7 else "two\nlines", n) for n in range(1, 9000)]
    if quoted:  # every field quoted (row 7 spans two lines)
        lines = [",".join(f'"{c}"' for c in r) for r in rows]
    else:
        lines = ["\t".join(r).replace("\n", " ") for r in rows]
    head = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    assert len(head) > ENCODING_PREFIX
    bad = ",".join(f'"{c}"' for c in _returns("Café – “mug”", 9000)) if quoted else \
        "\t".join(_returns("Café – “mug”", 9000))  # fmt: skip
    last = ",".join(f'"{c}"' for c in _returns("last", 9001)) if quoted else \
        "\t".join(_returns("last", 9001))  # fmt: skip
    path.write_bytes(head + (bad + "\r\n" + last + "\r\n").encode("cp1252"))
    return head.count(b"\n") + 1


@pytest.mark.parametrize("quoted", [False, True])
def test_a_file_that_stops_being_utf8_after_its_sniffed_prefix_is_read_on_as_cp1252(
    tmp_path: Path, quoted: bool
) -> None:
    """The encoding is decided on the first MiB; a cp1252 byte after it is not a broken file:
    the rest is read as cp1252 (every row, as a cp1252 reading gives them), with one warning
    naming the file and the line, and the encoding recorded as cp1252."""
    path = tmp_path / ("returns.csv" if quoted else "returns.txt")
    line = _late_cp1252(path, "Über mug", quoted)
    info = sniff(path)
    assert info.encoding == "utf-8-sig"
    warnings = Warnings()
    rows = list(read_rows(info, warnings))
    assert len(rows) == 9002
    names = [r["productname"] for r in rows]
    assert names[0] == "Über mug"  # read before the switch, as the UTF-8 it is
    assert names[7] == ("two\nlines" if quoted else "two lines")
    assert names[-2:] == ["Café – “mug”", "last"]
    assert [r["orderid"] for r in rows] == [f"111-0000000-{n:07d}" for n in range(9002)]
    assert warnings.all() == [
        f"{path}:{line}: not UTF-8 text from this line on: the rest of the file was read as "
        "cp1252 (Windows); check its non-English text"
    ]
    assert warnings.encodings == {path: "cp1252"}


def test_scan_reads_a_late_cp1252_row_in_full_and_says_so(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    line = _late_cp1252(path, "plain", quoted=False)
    res: CliResult = cli("scan", str(path), "--as-of", "2026-06-30", "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["skipped"] == []  # not a file read in part
    ((report),) = data["reports"]
    assert (report["type"], report["rows"], report["encoding"]) == (
        "customer-returns", 9002, "cp1252")  # fmt: skip
    assert [w for w in data["warnings"] if "UTF-8" in w] == [
        f"{path}:{line}: not UTF-8 text from this line on: the rest of the file was read as "
        "cp1252 (Windows); check its non-English text"
    ]


def test_a_file_not_utf8_in_its_prefix_is_cp1252_throughout(tmp_path: Path) -> None:
    path = tmp_path / "returns.txt"
    rows = [CUSTOMER_RETURNS, _returns("Café – “mug”", 0), _returns("Über", 1)]
    path.write_bytes("".join("\t".join(r) + "\r\n" for r in rows).encode("cp1252"))
    info = sniff(path)
    warnings = Warnings()
    assert info.encoding == "cp1252"
    assert [r["productname"] for r in read_rows(info, warnings)] == ["Café – “mug”", "Über"]
    assert warnings.all() == []
