"""Reading the inventory reports for the monthly review, each file streamed once, memory flat.

``read_inventory(infos, marketplace)`` returns ``InventoryData``:

- **planning** (``GET_FBA_INVENTORY_PLANNING_DATA``): per snapshot date (a year of weekly
  downloads is 52 of them) a ``Snapshot`` of sums only — units available, sell-through
  weighted by available units, excess, units and value per age bucket, the next aged-inventory
  surcharge, storage next month, unfulfillable units — so the trend costs a few numbers per
  snapshot; per-SKU lines (aged surcharge, days of supply) are kept for the latest snapshot only,
  dropped as soon as a newer one appears. The newest date is known before reading (each file's
  first row): rows of an older snapshot only feed the trend (available, sell-through, excess),
  so a year of weekly files costs little more than reading them. Rows of another marketplace (its ``marketplace``
  column) are left out. Only the columns the review uses are parsed.
- **Manage FBA Inventory**: unsellable and researching units per SKU (a later file's row for a
  SKU replaces an earlier one: the report has no date).
- **restock**: days of supply per SKU (the same way), rows of another ``Country`` and rows
  fulfilled by the merchant (FBM: not stock at Amazon) left out.

A file that breaks part way keeps the rows before the break (``partial``); a bad row, or a row
with fewer cells than the header (a download cut short), is a warning and the rest is read. Which columns a file lacked is kept, so a figure that cannot be
computed says why (``missing``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Protocol, TypeVar

from casewriter.errors import ReportError
from casewriter.health.inventory_data import (
    INVENTORY_TYPES,
    FileRead,
    InventoryData,
    Managed,
    Restock,
    cut_short,
    merchant_fulfilled,
    same_market,
)
from casewriter.health.planning import read_planning
from casewriter.reports.fields import Fields
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.row_words import missing
from casewriter.reports.sniff import ReportInfo

__all__ = ["INVENTORY_TYPES", "InventoryData", "read_inventory"]


def _newest_day(infos: list[ReportInfo], until: date | None = None) -> date | None:
    """The latest snapshot-date among the first data rows of the planning files (not after
    ``until``)."""
    found: list[date] = []
    for info in infos:
        f = Fields(info)
        try:
            for _line, row in iter_cells(info, Warnings()):
                day = f.loose_day(row, "snapshot-date")
                if day is not None and (until is None or day <= until):
                    found.append(day)
                break
        except ReportError:
            continue
    return max(found) if found else None


def read_inventory(
    infos: list[ReportInfo],
    marketplace: str,
    progress: Progress | None = None,
    until: date | None = None,
) -> InventoryData:
    """Stream the inventory reports among ``infos`` (others are ignored); planning snapshots
    after ``until`` (the review's ``--as-of``) are left out."""
    data = InventoryData(until=until)
    data.newest = _newest_day([i for i in infos if i.type == "inventory-planning"], until)
    for info in infos:
        if info.type not in INVENTORY_TYPES:
            continue
        done = FileRead(info)
        data.files.append(done)
        before = data.warnings.rows
        try:
            if info.type == "inventory-planning":
                read_planning(info, data, done, marketplace, progress)
            elif info.type == "manage-inventory":
                _managed(info, data, done, progress)
            else:
                _restock(info, data, done, marketplace, progress)
        except ReportError as exc:
            done.partial = exc.message
        done.rows = data.warnings.rows - before
    return data


def _managed(info: ReportInfo, data: InventoryData, done: FileRead,
             progress: Progress | None) -> None:  # fmt: skip
    f = Fields(info)
    for col in ("afn-unsellable-quantity", "afn-researching-quantity"):
        if not f.has(col):
            data.managed_missing.add(col)

    def row(r: list[str]) -> Managed:
        return Managed(f.text(r, "sku"), f.upper(r, "fnsku"), f.upper(r, "asin"),
                       f.count(r, "afn-unsellable-quantity"),
                       f.count(r, "afn-researching-quantity"), str(info.path))  # fmt: skip

    data.managed.update(_per_sku(info, data, progress, row))


_DAYS = ("Total Days of Supply (including units from open shipments)", "Total Days of Supply")


def _restock(info: ReportInfo, data: InventoryData, done: FileRead, marketplace: str,
             progress: Progress | None) -> None:  # fmt: skip
    f = Fields(info)
    if not f.has(*_DAYS):
        data.restock_missing.add(_DAYS[0])

    def row(r: list[str]) -> Restock | None:
        if not same_market(f.text(r, "Country"), marketplace):
            done.other_marketplace += 1
            return None
        if merchant_fulfilled(f.text(r, "Fulfilled by")):
            done.merchant_fulfilled += 1
            return None
        f.numbers.hint(f.upper(r, "Currency code") or marketplace)
        return Restock(f.text(r, "Merchant SKU"), f.upper(r, "FNSKU"), f.upper(r, "ASIN"),
                       f.dec(r, *_DAYS), f.count(r, "Recommended replenishment qty"),
                       f.loose_day(r, "Recommended ship date"),
                       f.count(r, "Units Sold Last 30 Days"), f.text(r, "Alert"),
                       str(info.path))  # fmt: skip

    data.restock.update(_per_sku(info, data, progress, row))


class _SkuRow(Protocol):
    sku: str
    fnsku: str


_Row = TypeVar("_Row", bound=_SkuRow)


def _per_sku(info: ReportInfo, data: InventoryData, progress: Progress | None,
             read: Callable[[list[str]], _Row | None]) -> Iterator[tuple[str, _Row]]:  # fmt: skip
    """Each row of a per-SKU report (Manage FBA Inventory, restock) as ``read`` makes it
    (None: left out), keyed by its SKU, else its FNSKU (a later row of a SKU replaces an
    earlier one); a row with a bad cell, or neither SKU nor FNSKU, is a warning."""
    width = len(info.header)
    for line, r in iter_cells(info, data.warnings, progress):
        if len(r) < width:  # an interrupted download: its missing cells would read as empty
            data.warnings.row(info, line, cut_short(len(r), width))
            continue
        try:
            got = read(r)
        except ValueError as exc:
            data.warnings.row(info, line, exc)
            continue
        if got is None:
            continue
        if not got.sku and not got.fnsku:
            data.warnings.row(info, line, missing("sku", "fnsku"))
            continue
        yield got.sku.upper() or got.fnsku, got
