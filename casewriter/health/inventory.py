"""Reading the inventory reports for the monthly review, each file streamed once, memory flat.

``read_inventory(infos, marketplace)`` returns ``InventoryData``:

- **planning** (``GET_FBA_INVENTORY_PLANNING_DATA``): per snapshot date (a year of weekly
  downloads is 52 of them) a ``Snapshot`` of sums only — units available, sell-through
  weighted by available units, excess, units and value per age bucket, the next aged-inventory
  surcharge, storage next month, unfulfillable units — so the trend costs a few numbers per
  snapshot; per-SKU lines (aged surcharge, days of supply) are kept for the latest snapshot only,
  dropped as soon as a newer one appears. Rows of another marketplace (its ``marketplace``
  column) are left out. Only the columns the review uses are parsed.
- **Manage FBA Inventory**: unsellable and researching units per SKU (a later file's row for a
  SKU replaces an earlier one: the report has no date).
- **restock**: days of supply per SKU (the same way), rows of another ``Country`` left out.

A file that breaks part way keeps the rows before the break (``partial``); a bad row is a
warning and the rest is read. Which columns a file lacked is kept, so a figure that cannot be
computed says why (``missing``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from casewriter.errors import ReportError
from casewriter.reports.fields import Fields
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.sniff import ReportInfo

#: The report types this module reads.
INVENTORY_TYPES = frozenset({"inventory-planning", "manage-inventory", "restock"})

#: Amazon's two sets of age buckets (the coarse set is used when a file has both).
COARSE = ("inv-age-0-to-90-days", "inv-age-91-to-180-days", "inv-age-181-to-270-days",
          "inv-age-271-to-365-days", "inv-age-365-plus-days")  # fmt: skip
FINE = ("inv-age-0-to-30-days", "inv-age-31-to-60-days", "inv-age-61-to-90-days",
        "inv-age-91-to-180-days", "inv-age-181-to-330-days", "inv-age-331-to-365-days",
        "inv-age-365-plus-days")  # fmt: skip
#: Buckets of units older than 180 days (what the aged-inventory surcharge starts on).
AGED = frozenset({"inv-age-181-to-270-days", "inv-age-271-to-365-days", "inv-age-365-plus-days",
                  "inv-age-181-to-330-days", "inv-age-331-to-365-days"})  # fmt: skip


@dataclass
class SkuLine:
    """One SKU of the latest planning snapshot (only what the actions list)."""

    sku: str
    fnsku: str
    asin: str
    available: int
    aged_units: int
    ltsf_units: int
    ltsf_amount: Decimal
    days_of_supply: Decimal | None
    shipped_t30: int | None
    currency: str


@dataclass
class Snapshot:
    """Sums over one planning snapshot (one date, one marketplace)."""

    day: date | None
    path: str
    currency: str = ""
    skus: int = 0
    available: int = 0
    sell_weighted: Decimal = Decimal(0)  # sum of sell-through x available
    sell_available: int = 0  # available units of rows with a sell-through
    sell_rows: int = 0
    excess: int = 0
    excess_available: int = 0
    excess_rows: int = 0
    buckets: dict[str, int] = field(default_factory=dict)
    bucket_value: dict[str, Decimal] = field(default_factory=dict)
    bucket_priced: dict[str, int] = field(default_factory=dict)  # units with a price
    ltsf_units: int = 0
    ltsf_amount: Decimal = Decimal(0)
    ltsf_rows: int = 0
    storage_next: Decimal = Decimal(0)
    storage_rows: int = 0
    unfulfillable: int | None = None
    missing: set[str] = field(default_factory=set)  # columns the file lacked
    lines: list[SkuLine] = field(default_factory=list)

    @property
    def sell_through(self) -> Decimal | None:
        if not self.sell_rows or not self.sell_available:
            return None
        return self.sell_weighted / self.sell_available

    @property
    def excess_share(self) -> Decimal | None:
        """Excess units / available units, as a percent."""
        if not self.excess_rows or not self.excess_available:
            return None
        return Decimal(self.excess) * 100 / self.excess_available


@dataclass
class Managed:
    sku: str
    fnsku: str
    asin: str
    unsellable: int | None
    researching: int | None
    path: str


@dataclass
class Restock:
    sku: str
    fnsku: str
    asin: str
    days: Decimal | None
    recommended: int | None
    ship_date: date | None
    units_sold_30: int | None
    alert: str
    path: str


@dataclass
class FileRead:
    info: ReportInfo
    rows: int = 0
    dates: set[date] = field(default_factory=set)
    partial: str = ""
    other_marketplace: int = 0  # rows left out: another marketplace


@dataclass
class InventoryData:
    snapshots: dict[date | None, Snapshot] = field(default_factory=dict)
    managed: dict[str, Managed] = field(default_factory=dict)
    restock: dict[str, Restock] = field(default_factory=dict)
    files: list[FileRead] = field(default_factory=list)
    warnings: Warnings = field(default_factory=Warnings)
    managed_missing: set[str] = field(default_factory=set)
    restock_missing: set[str] = field(default_factory=set)

    @property
    def latest(self) -> Snapshot | None:
        dated = [s for d, s in self.snapshots.items() if d is not None]
        if dated:
            return max(dated, key=lambda s: s.day or date.min)
        return self.snapshots.get(None)


def _same_market(cell: str, marketplace: str) -> bool:
    if not cell or not marketplace:
        return True
    from casewriter.marketplaces import find

    return (find(cell) or cell.upper()) == marketplace


def read_inventory(
    infos: list[ReportInfo], marketplace: str, progress: Progress | None = None
) -> InventoryData:
    """Stream the inventory reports among ``infos`` (others are ignored)."""
    data = InventoryData()
    for info in infos:
        if info.type not in INVENTORY_TYPES:
            continue
        done = FileRead(info)
        data.files.append(done)
        before = data.warnings.rows
        try:
            if info.type == "inventory-planning":
                _planning(info, data, done, marketplace, progress)
            elif info.type == "manage-inventory":
                _managed(info, data, done, progress)
            else:
                _restock(info, data, done, marketplace, progress)
        except ReportError as exc:
            done.partial = exc.message
        done.rows = data.warnings.rows - before
    return data


def _rows(info: ReportInfo, data: InventoryData, progress: Progress | None,
          f: Fields) -> Iterator[tuple[int, list[str]]]:  # fmt: skip
    yield from iter_cells(info, data.warnings, progress)


def _planning(info: ReportInfo, data: InventoryData, done: FileRead, marketplace: str,
              progress: Progress | None) -> None:  # fmt: skip
    f = Fields(info)
    has = {c for c in ("sell-through", "estimated-excess-quantity", "available", "your-price",
                       "estimated-ltsf-next-charge", "qty-to-be-charged-ltsf-11-mo",
                       "qty-to-be-charged-ltsf-12-mo", "estimated-storage-cost-next-month",
                       "unfulfillable-quantity", "days-of-supply", "snapshot-date")
           if f.has(c)}  # fmt: skip
    buckets = COARSE if all(f.has(c) for c in COARSE) else tuple(
        c for c in FINE if f.has(c))  # fmt: skip
    bucket_idx = [(c, f.index(c)) for c in buckets]
    missing = {c for c in ("sell-through", "estimated-excess-quantity", "estimated-ltsf-next-charge",
                           "estimated-storage-cost-next-month", "your-price")
               if c not in has}  # fmt: skip
    if not buckets:
        missing.add("inv-age-*")
    latest_day: date | None = data.latest.day if data.latest else None
    for line, r in _rows(info, data, progress, f):
        try:
            if not _same_market(f.text(r, "marketplace"), marketplace):
                done.other_marketplace += 1
                continue
            day = f.day(r, "snapshot-date")
            sku, fnsku = f.text(r, "sku"), f.upper(r, "fnsku")
            if not sku and not fnsku:
                data.warnings.row(info, line, "no sku or fnsku")
                continue
            cur = f.upper(r, "currency")
            f.numbers.hint(cur or marketplace)
            available = f.count(r, "available") or 0
            st = f.dec(r, "sell-through")
            excess = f.count(r, "estimated-excess-quantity")
            price = f.dec(r, "your-price")
            ages = [(c, f.count(r, c) or 0) for c, i in bucket_idx if i >= 0]
            q11 = f.count(r, "qty-to-be-charged-ltsf-11-mo")
            q12 = f.count(r, "qty-to-be-charged-ltsf-12-mo")
            ltsf = f.dec(r, "estimated-ltsf-next-charge")
            storage = f.dec(r, "estimated-storage-cost-next-month")
            unful = f.count(r, "unfulfillable-quantity")
            dos = f.dec(r, "days-of-supply")
            t30 = f.count(r, "units-shipped-t30")
        except ValueError as exc:
            data.warnings.row(info, line, str(exc))
            continue
        if day is not None:
            done.dates.add(day)
        snap = data.snapshots.get(day)
        if snap is None:
            snap = data.snapshots[day] = Snapshot(day, str(info.path), cur)
        snap.missing |= missing
        snap.currency = snap.currency or cur
        snap.skus += 1
        snap.available += available
        if st is not None:
            snap.sell_rows += 1
            snap.sell_weighted += st * available
            snap.sell_available += available
        if excess is not None:
            snap.excess_rows += 1
            snap.excess += excess
            snap.excess_available += available
        aged = 0
        for col, units in ages:
            snap.buckets[col] = snap.buckets.get(col, 0) + units
            if price is not None:
                snap.bucket_value[col] = snap.bucket_value.get(col, Decimal(0)) + price * units
                snap.bucket_priced[col] = snap.bucket_priced.get(col, 0) + units
            if col in AGED:
                aged += units
        if q11 is not None or q12 is not None or ltsf is not None:
            snap.ltsf_rows += 1
            snap.ltsf_units += (q11 or 0) + (q12 or 0)
            snap.ltsf_amount += ltsf or 0
        if storage is not None:
            snap.storage_rows += 1
            snap.storage_next += storage
        if unful is not None:
            snap.unfulfillable = (snap.unfulfillable or 0) + unful
        if latest_day is None or (day is not None and day >= latest_day):
            if day is not None and latest_day is not None and day > latest_day:
                for old in data.snapshots.values():  # a newer snapshot: older lines go
                    old.lines = []
            latest_day = day if day is not None else latest_day
            if aged or (ltsf or 0) > 0 or dos is not None:
                snap.lines.append(SkuLine(sku, fnsku, f.upper(r, "asin"), available, aged,
                                          (q11 or 0) + (q12 or 0), ltsf or Decimal(0), dos,
                                          t30, cur))  # fmt: skip


def _managed(info: ReportInfo, data: InventoryData, done: FileRead,
             progress: Progress | None) -> None:  # fmt: skip
    f = Fields(info)
    for col in ("afn-unsellable-quantity", "afn-researching-quantity"):
        if not f.has(col):
            data.managed_missing.add(col)
    for line, r in _rows(info, data, progress, f):
        try:
            sku, fnsku = f.text(r, "sku"), f.upper(r, "fnsku")
            unsellable = f.count(r, "afn-unsellable-quantity")
            researching = f.count(r, "afn-researching-quantity")
        except ValueError as exc:
            data.warnings.row(info, line, str(exc))
            continue
        if not sku and not fnsku:
            data.warnings.row(info, line, "no sku or fnsku")
            continue
        data.managed[sku.upper() or fnsku] = Managed(sku, fnsku, f.upper(r, "asin"), unsellable,
                                                     researching, str(info.path))  # fmt: skip


_DAYS = ("Total Days of Supply (including units from open shipments)", "Total Days of Supply")


def _restock(info: ReportInfo, data: InventoryData, done: FileRead, marketplace: str,
             progress: Progress | None) -> None:  # fmt: skip
    f = Fields(info)
    if not f.has(*_DAYS):
        data.restock_missing.add(_DAYS[0])
    for line, r in _rows(info, data, progress, f):
        try:
            if not _same_market(f.text(r, "Country"), marketplace):
                done.other_marketplace += 1
                continue
            sku, fnsku = f.text(r, "Merchant SKU"), f.upper(r, "FNSKU")
            f.numbers.hint(f.upper(r, "Currency code") or marketplace)
            days = f.dec(r, *_DAYS)
            qty = f.count(r, "Recommended replenishment qty")
            ship = f.loose_day(r, "Recommended ship date")
            sold = f.count(r, "Units Sold Last 30 Days")
        except ValueError as exc:
            data.warnings.row(info, line, str(exc))
            continue
        if not sku and not fnsku:
            data.warnings.row(info, line, "no sku or fnsku")
            continue
        data.restock[sku.upper() or fnsku] = Restock(sku, fnsku, f.upper(r, "ASIN"), days, qty,
                                                     ship, sold, f.text(r, "Alert"),
                                                     str(info.path))  # fmt: skip


def path_text(path: Path) -> str:
    return str(path)
