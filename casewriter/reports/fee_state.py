"""What the fee and stranded rules keep while rows stream past (``Collected.fees``).

Memory stays flat: per SKU, the seller's measurement and Amazon's latest Fee Preview row; per
item and country, the latest storage row's tier and measurements (only once the seller's
measurements are read: files are read measurements, Fee Preview, stranded, storage, then the
rest; without measurements only a stranded item's key is kept); the storage rows whose fee
does not add up (checked as they are read, so a matching row is never kept); the FBA
fulfilment fee charges of measured SKUs only (measurements are read first), folded per order +
SKU (the rows are picked in ``settlement_state.py``); fee corrections paid inside settlements
(``INCORRECT_FEES_ITEMS``); stranded items. Overlapping downloads count once: settlement rows
are counted per file and the files merged by the larger count, and later copies of a storage
or stranded row replace earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from casewriter.reports.fee_tables import fba_fees
from casewriter.reports.fees import FeePreview, StorageFee
from casewriter.reports.inventory import StrandedItem
from casewriter.reports.measurements import Measurement
from casewriter.reports.units import Dimensions, Weight

#: settlement payments that refund a fee (the fee-correction list of ``data/settlement.toml``)
FEE_CORRECTIONS = frozenset({"INCORRECT_FEES_ITEMS"})
#: a settlement row of a measured SKU's order: settlement id, order id, SKU (upper case),
#: transaction type, kind (FEE, PRINCIPAL, OTHER), amount, posted date, quantity, currency,
#: marketplace name (``settlement_state.py`` counts them per file)
ChargeKey = tuple[str, str, str, str, str, Decimal | None, date | None, int | None, str, str]
_ZERO = Decimal(0)


@dataclass(slots=True)
class Charge:
    """The FBA fulfilment fee of one order + SKU, net of any reversal (one per measured SKU's
    order: tens of thousands in a year, hence the slots)."""

    order_id: str
    sku: str
    posted: date | None = None
    fee: Decimal = Decimal(0)  # signed: a charge is negative
    quantity: int | None = None
    principal: Decimal = Decimal(0)
    currency: str = ""
    marketplace_name: str = ""


class StorageTier(NamedTuple):
    """What the fee rule needs of an item's latest storage row (a slim copy of it)."""

    asin: str
    fnsku: str
    size_tier: str
    dimensions: Dimensions | None
    weight: Weight | None
    month: date | None
    currency: str


@dataclass
class StorageMismatch:
    """Storage rows of one item, country and month whose fee exceeds what they add up to."""

    asin: str
    fnsku: str
    country: str
    month: date | None
    currency: str
    charged: Decimal = Decimal(0)
    expected: Decimal = Decimal(0)
    rows: dict[str, tuple[int, Decimal, Decimal]] = field(
        default_factory=dict
    )  # fc → line, fee, expected


@dataclass
class FeeData:
    measurements: dict[str, Measurement] = field(default_factory=dict)  # SKU (upper) →
    previews: dict[tuple[str, str], FeePreview] = field(default_factory=dict)  # (SKU, currency) →
    #: (item, country) → the latest tier: kept for every item once measurements are read, else
    #: only the key of a stranded item (its marketplace); files are read in that order
    storage_tiers: dict[tuple[str, str], StorageTier | None] = field(default_factory=dict)
    storage_bad: dict[tuple[str, str, date | None], StorageMismatch] = field(default_factory=dict)
    storage_rows: int = 0
    charge_rows: dict[ChargeKey, int] = field(default_factory=dict)
    charges: dict[tuple[str, str], Charge] = field(default_factory=dict)
    fee_paid: set[tuple[str, str]] = field(default_factory=set)  # (order, SKU upper)
    stranded: dict[tuple[str, str], StrandedItem] = field(default_factory=dict)
    stranded_items: set[str] = field(default_factory=set)  # their FNSKUs and ASINs

    _types: frozenset[str] | None = None

    def fee_types(self) -> frozenset[str]:
        """The settlement descriptions of an FBA fulfilment fee (``fba_fees.toml``), normalized."""
        if self._types is None:
            self._types = fba_fees().fee_types
        return self._types

    # -- seller measurements, Fee Preview, storage fees ----------------------------------
    def measurement(self, m: Measurement) -> None:
        self.measurements[m.sku.upper()] = m

    def preview(self, p: FeePreview) -> None:
        if p.sku:
            self.previews[(p.sku.upper(), p.currency)] = p

    def storage(self, s: StorageFee) -> None:
        """Keep the item's latest tier; check the row's fee now and keep it only if it is off."""
        self.storage_rows += 1
        item = s.fnsku or s.asin
        key = (item, s.country)
        if self.measurements:
            old = self.storage_tiers.get(key)
            if old is None or (s.month or date.min) >= (old.month or date.min):
                self.storage_tiers[key] = StorageTier(s.asin, s.fnsku, s.size_tier, s.dimensions,
                                                      s.weight, s.month, s.currency)  # fmt: skip
        elif item in self.stranded_items:
            self.storage_tiers.setdefault(key, None)
        expected = storage_expected(s)
        if expected is None or s.estimated_fee is None:
            return
        fee = s.estimated_fee.amount
        check = fba_fees().storage_check
        if fee - expected <= check.tolerance(expected, s.currency):
            return  # adds up (or Amazon charged less: never flagged)
        bad = self.storage_bad.setdefault(
            (item, s.country, s.month),
            StorageMismatch(s.asin, s.fnsku, s.country, s.month, s.currency),
        )
        bad.rows[s.fulfillment_center or str(s.line)] = (s.line, fee, expected)
        bad.charged = sum((r[1] for r in bad.rows.values()), Decimal(0))
        bad.expected = sum((r[2] for r in bad.rows.values()), Decimal(0))

    # -- settlements -----------------------------------------------------------------------
    def settlement_file(self, counter: dict[ChargeKey, int]) -> None:
        rows = self.charge_rows
        if not rows:  # the first settlement file: nothing to compare with
            rows.update(counter)
            return
        for key, n in counter.items():
            if n > rows.get(key, 0):
                rows[key] = n

    def finish_charges(self) -> None:
        """Fold the de-duplicated rows into one ``Charge`` per order + SKU (idempotent)."""
        charges: dict[tuple[str, str], Charge] = {}
        get = charges.get
        for key, n in self.charge_rows.items():
            _sid, order, sku, ttype, kind, amount, posted, qty, cur, mname = key
            c = get((order, sku))
            if c is None:
                c = charges[(order, sku)] = Charge(order, sku)
            value = amount if amount is not None else _ZERO
            if n != 1:
                value *= n
            if kind == "FEE":
                c.fee += value
                if posted is not None and value < 0 and (c.posted is None or posted < c.posted):
                    c.posted = posted
            elif kind == "PRINCIPAL" and ttype == "ORDER":
                c.principal += value
            if ttype == "ORDER" and qty is not None and qty > 0:
                c.quantity = max(c.quantity or 0, qty)
            if not c.currency:
                c.currency = cur
            if not c.marketplace_name:
                c.marketplace_name = mname
        self.charges = charges

    # -- stranded --------------------------------------------------------------------------
    def stranded_item(self, item: StrandedItem) -> None:
        self.stranded[(item.sku.upper(), item.fnsku)] = item
        self.stranded_items.update(x for x in (item.fnsku, item.asin) if x)


def storage_expected(s: StorageFee) -> Decimal | None:
    """Volume x average quantity x rate, less incentives; None when a figure is missing."""
    if s.storage_rate is None:
        return None
    if s.total_item_volume is not None:
        volume = s.total_item_volume.value
    elif s.item_volume is not None and s.average_quantity_on_hand is not None:
        volume = s.item_volume.value * s.average_quantity_on_hand
    else:
        return None
    incentive = abs(s.total_incentive_fee.amount) if s.total_incentive_fee else Decimal(0)
    return volume * s.storage_rate.amount - incentive
