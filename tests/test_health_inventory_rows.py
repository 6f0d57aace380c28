"""Manage FBA Inventory and restock rows are kept per SKU by one reader
(``inventory._per_sku``): keyed by the SKU (upper-cased), else the FNSKU; a later row of a SKU
replaces an earlier one; a row with a bad cell or with neither SKU nor FNSKU is a warning and
the rest is read; restock rows of another country are left out and counted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from casewriter.health.inventory import read_inventory
from casewriter.reports.sniff import sniff
from tests.report_headers import MANAGE_INVENTORY, RESTOCK


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    lines = ["\t".join(header)] + ["\t".join(r.get(h, "") for h in header) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_manage_inventory_and_restock_rows_are_kept_per_sku_alike(tmp_path: Path) -> None:
    manage = _write(tmp_path / "manage.txt", MANAGE_INVENTORY, [
        {"sku": "ab-1", "fnsku": "X001", "asin": "b001", "afn-unsellable-quantity": "2",
         "afn-researching-quantity": "0"},
        {"sku": "", "fnsku": "x002", "asin": "B002", "afn-unsellable-quantity": "5"},
        {"sku": "", "fnsku": "", "asin": "B003", "afn-unsellable-quantity": "9"},
        {"sku": "CD-4", "fnsku": "X004", "afn-unsellable-quantity": "-1"},
        {"sku": "AB-1", "fnsku": "X001", "asin": "B001", "afn-unsellable-quantity": "3",
         "afn-researching-quantity": "1"},
    ])  # fmt: skip
    restock = _write(tmp_path / "restock.txt", RESTOCK, [
        {"Country": "US", "Merchant SKU": "ab-1", "FNSKU": "X001", "ASIN": "B001",
         "Currency code": "USD", "Total Days of Supply (including units from open shipments)":
         "12.5", "Recommended replenishment qty": "40", "Recommended ship date": "2026-11-20",
         "Units Sold Last 30 Days": "30", "Alert": "out_of_stock"},
        {"Country": "CA", "Merchant SKU": "EF-5", "FNSKU": "X005", "Currency code": "CAD"},
        {"Country": "US", "Merchant SKU": "", "FNSKU": ""},
        {"Country": "US", "Merchant SKU": "GH-6", "FNSKU": "X006",
         "Recommended replenishment qty": "lots"},
        {"Country": "US", "Merchant SKU": "", "FNSKU": "x007", "Recommended ship date": "Ship now",
         "Total Days of Supply (including units from open shipments)": "3"},
    ])  # fmt: skip
    data = read_inventory([sniff(manage), sniff(restock)], "US")
    assert sorted(data.managed) == ["AB-1", "X002"]
    ab = data.managed["AB-1"]
    assert (ab.sku, ab.fnsku, ab.asin, ab.unsellable, ab.researching) == ("AB-1", "X001",
                                                                          "B001", 3, 1)  # fmt: skip
    assert ab.path == str(manage) and data.managed["X002"].unsellable == 5
    assert sorted(data.restock) == ["AB-1", "X007"]
    r = data.restock["AB-1"]
    assert (r.sku, r.days, r.recommended, str(r.ship_date), r.units_sold_30, r.alert) == (
        "ab-1", Decimal("12.5"), 40, "2026-11-20", 30, "out_of_stock")  # fmt: skip
    assert data.restock["X007"].ship_date is None and data.restock["X007"].fnsku == "X007"
    manage_read, restock_read = data.files
    assert (manage_read.rows, restock_read.rows, restock_read.other_marketplace) == (5, 5, 1)
    warnings = data.warnings.all()
    assert len(warnings) == 4
    assert sum("no sku or fnsku" in w for w in warnings) == 2
    assert any("manage.txt:5:" in w and "negative" in w for w in warnings)
    assert any("restock.txt:5:" in w and "lots" in w for w in warnings)


def test_a_row_cut_short_is_a_warning_not_a_row(tmp_path: Path) -> None:
    """An interrupted download: the last row stops after a few cells. Its missing cells
    (the restock ``Country`` among them) would read as empty, so it is left out and said."""
    restock = _write(tmp_path / "restock.txt", RESTOCK, [
        {"Country": "US", "Merchant SKU": "AB-1", "FNSKU": "X001", "Currency code": "USD",
         "Total Days of Supply (including units from open shipments)": "12"},
    ])  # fmt: skip
    with restock.open("a", encoding="utf-8") as fh:
        fh.write("CA\tLamp\tX009\tCD-9\n")
    manage = _write(tmp_path / "manage.txt", MANAGE_INVENTORY, [
        {"sku": "AB-1", "fnsku": "X001", "afn-unsellable-quantity": "2"}])  # fmt: skip
    with manage.open("a", encoding="utf-8") as fh:
        fh.write("CD-9\tX009\tB009\n")
    data = read_inventory([sniff(restock), sniff(manage)], "US")
    assert sorted(data.restock) == ["AB-1"] and sorted(data.managed) == ["AB-1"]
    assert data.warnings.count == 2
    assert (
        f"{restock.name}:3: row cut short: 4 of {len(RESTOCK)} cells" in data.warnings.messages[0]
    )
    assert (
        f"{manage.name}:3: row cut short: 3 of {len(MANAGE_INVENTORY)} cells"
        in (data.warnings.messages[1])
    )


def test_restock_rows_fulfilled_by_the_merchant_are_left_out_and_counted(tmp_path: Path) -> None:
    days = "Total Days of Supply (including units from open shipments)"
    restock = _write(tmp_path / "restock.txt", RESTOCK, [
        {"Country": "US", "Merchant SKU": "FBA-1", "Fulfilled by": "Amazon", days: "12"},
        {"Country": "US", "Merchant SKU": "FBM-2", "Fulfilled by": "Merchant", days: "3"},
        {"Country": "US", "Merchant SKU": "FBM-3", "Fulfilled by": " seller ", days: "1"},
        {"Country": "US", "Merchant SKU": "ANY-4", "Fulfilled by": "", days: "5"},
    ])  # fmt: skip
    data = read_inventory([sniff(restock)], "US")
    assert sorted(data.restock) == ["ANY-4", "FBA-1"]
    assert data.files[0].merchant_fulfilled == 2 and data.warnings.count == 0
