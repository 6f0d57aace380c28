"""Light readings of the reports whose figures no scan rule uses, for ``collect``.

A scan needs only a few columns of these reports (the SKU ↔ FNSKU map; the ledger summary's
Found count, period and location), yet checking every cell of every row through their typed
readers cost a fifth of a million-row mixed scan. So ``collect`` reads just those columns here;
a row without them is skipped with a warning naming the file and line, and every row is
counted. The typed readers (``collect.READERS``) stay the full reading of each report.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from casewriter.reports.readers import Cells, Progress, Warnings, iter_cells
from casewriter.reports.row_words import missing
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Numbers, parse_month
from casewriter.reports.values import parse_date

#: report type → (its SKU column, its FNSKU column), as the report spells them
ITEM_COLUMNS = {
    "inventory-planning": ("sku", "fnsku"),
    "restock": ("Merchant SKU", "FNSKU"),
    "afn-inventory": ("seller-sku", "fulfillment-channel-sku"),
    "legacy-inventory-events": ("sku", "fnsku"),
}


def items(
    info: ReportInfo, warnings: Warnings, progress: Progress | None
) -> Iterator[tuple[str, str]]:
    """(SKU, FNSKU upper-cased) of every row that names its item."""
    c = Cells(info)
    sku_col, fnsku_col = ITEM_COLUMNS[info.type]
    pick = c.picker([c.index(canon(sku_col)), c.index(canon(fnsku_col))])
    for line, row in iter_cells(info, warnings, progress):
        sku, fnsku = pick(row)
        if not sku and not fnsku:
            warnings.row(info, line, missing("sku", "fnsku"))
            continue
        yield sku, fnsku.upper()


def ledger_summary(
    info: ReportInfo, warnings: Warnings, progress: Progress | None
) -> Iterator[tuple[str, str, str, date, int]]:
    """(SKU, FNSKU, location, period, Found units) of every summary row; the period is a day,
    or a month's first day for ``MM/YYYY``."""
    c = Cells(info)
    pick = c.picker([c.index(k) for k in ("date", "fnsku", "msku", "location", "found")])
    numbers = Numbers()
    for line, row in iter_cells(info, warnings, progress):
        cell, fnsku, sku, location, found = pick(row)
        try:
            period = parse_month(cell) if cell.count("/") == 1 else parse_date(cell)
            units = numbers.whole(found) if found else 0
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if period is None or not fnsku:
            warnings.row(info, line, missing("Date", "FNSKU"))
            continue
        yield sku, fnsku.upper(), location.upper(), period, units or 0
