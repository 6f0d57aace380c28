"""What ``inventory.read_inventory`` keeps of the inventory reports: the snapshot sums, the SKU
lines of the latest snapshot, Manage FBA Inventory and restock rows per SKU, and what was read
of each file (see ``inventory.py``). Plain dataclasses, shared by the readers and the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from casewriter.reports.readers import Warnings
from casewriter.reports.row_words import rw
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

    def add_row(self, available: int, sell_through: Decimal | None, excess: int | None) -> None:
        """Count one SKU row in the trend's sums: its available units, and its sell-through
        and excess where the row has them (weighted by, and over, its available units)."""
        self.skus += 1
        self.available += available
        if sell_through is not None:
            self.sell_rows += 1
            self.sell_weighted += sell_through * available
            self.sell_available += available
        if excess is not None:
            self.excess_rows += 1
            self.excess += excess
            self.excess_available += available

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
    merchant_fulfilled: int = 0  # restock rows left out: fulfilled by the seller (FBM)
    after_as_of: int = 0  # planning rows left out: a snapshot after the review's date


@dataclass
class InventoryData:
    snapshots: dict[date | None, Snapshot] = field(default_factory=dict)
    managed: dict[str, Managed] = field(default_factory=dict)
    restock: dict[str, Restock] = field(default_factory=dict)
    files: list[FileRead] = field(default_factory=list)
    warnings: Warnings = field(default_factory=Warnings)
    managed_missing: set[str] = field(default_factory=set)
    restock_missing: set[str] = field(default_factory=set)
    #: the newest snapshot date the planning files start with (their first rows): rows older
    #: than it only feed the trend, so only available, sell-through and excess are parsed
    newest: date | None = None
    #: the review's date when given (``--as-of``): snapshots after it are left out
    until: date | None = None

    @property
    def latest(self) -> Snapshot | None:
        dated = [s for d, s in self.snapshots.items() if d is not None]
        if dated:
            return max(dated, key=lambda s: s.day or date.min)
        return self.snapshots.get(None)


def same_market(cell: str, marketplace: str) -> bool:
    if not cell or not marketplace:
        return True
    from casewriter.marketplaces import find

    return (find(cell) or cell.upper()) == marketplace


def cut_short(cells: int, width: int) -> str:
    """The row warning of a row with fewer cells than the header (a download cut short)."""
    return rw("row.cut_short", n=cells, width=width)


#: The restock report's ``Fulfilled by`` of a seller-fulfilled (FBM) listing: not FBA stock.
_MERCHANT = frozenset({"merchant", "seller", "mfn", "fbm", "merchant fulfilled",
                       "fulfilled by merchant", "seller fulfilled"})  # fmt: skip


def merchant_fulfilled(cell: str) -> bool:
    return cell.strip().lower() in _MERCHANT
