"""The fee-overcharge rule's pricing of each FBA fulfilment fee charge (``price``): the fee paid
per unit, the fee of the seller's own tier where a fee table for the charge's date and price is
held (else why none is), and the charge's claim window from the catalog.

A seller who measured every SKU has a fee charge on every order (tens of thousands in a year),
so what depends only on the day, the marketplace, the SKU or the table is worked out once per
scan (``PriceMemo``): the window of a day, the tier table and the fee tables in force on a day,
a SKU's tier in a table, the fee of a tier and weight, the reason no table prices a charge.
Charges of one day share one window object (read, never changed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from casewriter.marketplaces import in_currency
from casewriter.reports.fee_state import Charge, FeeData
from casewriter.reports.fee_tables import FeeTable, pick_fee_table, tables_on, why_no_fee_table
from casewriter.reports.fees import FeePreview
from casewriter.reports.findings import Window
from casewriter.reports.measurements import Measurement
from casewriter.reports.note_words import wn
from casewriter.reports.tiers import Classified, TierTable, length_in, tier_table, weight_in
from casewriter.reports.windows import catalog_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

CASE_TYPE = "fee-dimension-weight"


_CENT = Decimal("0.01")


def classify(table: TierTable, m: Measurement) -> Classified | None:
    """The seller's measured unit's tier in ``table`` (None when a unit cannot be converted)."""
    sides = [length_in(s, m.length_unit, table.length_unit) for s in m.sides]
    weight = weight_in(m.weight, m.weight_unit, table.weight_unit)
    if weight is None or any(s is None for s in sides):
        return None
    a, b, c = (s for s in sides if s is not None)
    return table.classify((a, b, c), weight)


@dataclass
class Priced:
    """One charge, priced."""

    charge: Charge
    per_unit: Decimal
    units: int
    expected: Decimal | None = None  # the fee of the seller's tier (None: unknown)
    fee_source: str = ""
    window: Window | None = None
    note: str = ""  # which fee table gave ``expected``
    no_table: str = ""  # why no fee table prices this charge
    preview_price: Decimal | None = None  # the unit price taken from the Fee Preview (no Principal)


@dataclass
class PriceMemo:
    """What ``price`` works out once per scan rather than once per charge."""

    catalog: Catalog | None
    today: date
    windows: dict[tuple[str, date], Window | None] = field(default_factory=dict)
    tiers: dict[tuple[str, date], TierTable | None] = field(default_factory=dict)
    dated: dict[tuple[str, date], tuple[FeeTable, ...]] = field(default_factory=dict)
    mine: dict[tuple[str, str], Classified | None] = field(default_factory=dict)
    fees: dict[tuple[str, str, Decimal, str], Decimal | None] = field(default_factory=dict)
    why: dict[tuple[str, date, Decimal | None], str] = field(default_factory=dict)
    notes: dict[str, tuple[str, str]] = field(default_factory=dict)  # fee table id → source, note
    days: dict[tuple[str, date], tuple[Window | None, TierTable | None, tuple[FeeTable, ...]]] = (
        field(default_factory=dict)
    )
    units: dict[tuple[Decimal, int, str], Decimal] = field(default_factory=dict)
    prices: dict[tuple[Decimal, int], Decimal] = field(default_factory=dict)
    rateless: dict[tuple[str, str, Decimal, str], str] = field(default_factory=dict)

    def day(self, mp: str, day: date) -> tuple[Window | None, TierTable | None,
                                              tuple[FeeTable, ...]]:  # fmt: skip
        """The window, the tier table and the fee tables of a charge on ``day`` (one look-up
        per charge: thousands of charges share a day)."""
        key = (mp, day)
        known = self.days.get(key)
        if known is None:
            known = self.days[key] = (self.window(mp, day), self.tier_table(mp, day),
                                      self.tables_on(mp, day))  # fmt: skip
        return known

    def per_unit(self, fee: Decimal, units: int, currency: str) -> Decimal:
        """The fee paid per unit (a charge is negative), rounded as its currency is written."""
        key = (fee, units, currency)
        known = self.units.get(key)
        if known is None:
            known = self.units[key] = in_currency(-fee / units, currency)
        return known

    def unit_price(self, principal: Decimal, units: int) -> Decimal:
        key = (principal, units)
        known = self.prices.get(key)
        if known is None:
            known = self.prices[key] = principal / units
        return known

    def window(self, mp: str, day: date) -> Window | None:
        key = (mp, day)
        if key not in self.windows:
            self.windows[key] = catalog_window(CASE_TYPE, mp, day, self.today, self.catalog)
        return self.windows[key]

    def window_days(self, mp: str) -> int | None:
        """The length of the claim window in force today (the catalog's, or the seller's own
        deadline override), in days from the charge; None when none is documented."""
        window = self.window(mp, self.today)
        return (
            None if window is None or window.closes is None else (window.closes - self.today).days
        )

    def tier_table(self, mp: str, day: date) -> TierTable | None:
        key = (mp, day)
        if key not in self.tiers:
            self.tiers[key] = tier_table(mp, day)
        return self.tiers[key]

    def tables_on(self, mp: str, day: date) -> tuple[FeeTable, ...]:
        dated = self.dated.get((mp, day))
        if dated is None:
            dated = self.dated[(mp, day)] = tables_on(mp, day)
        return dated

    def why_no_fee_table(self, mp: str, day: date, price: Decimal | None) -> str:
        key = (mp, day, price if self.tables_on(mp, day) else None)  # no table: price aside
        if key not in self.why:
            self.why[key] = why_no_fee_table(mp, day, price)
        return self.why[key]

    def classify(self, table: TierTable, m: Measurement) -> Classified | None:
        key = (table.id, m.sku.upper())
        if key not in self.mine:
            self.mine[key] = classify(table, m)
        return self.mine[key]

    def fee(self, fees: FeeTable, mine: Classified, unit: str) -> Decimal | None:
        key = (fees.id, mine.tier.id, mine.ship_weight, unit)
        if key not in self.fees:
            self.fees[key] = fees.fee(mine.tier.id, mine.ship_weight, unit)
        return self.fees[key]

    def no_rate(self, fees: FeeTable, mine: Classified, unit: str) -> str:
        """Why ``fees`` prices no charge of the seller's tier: it holds no rate for the tier, or
        none at its shipping weight (past the rate's last band)."""
        key = (fees.id, mine.tier.id, mine.ship_weight, unit)
        known = self.rateless.get(key)
        if known is None:
            if any(r.tier == mine.tier.id for r in fees.rates):
                weight = f"{format(mine.ship_weight.quantize(_CENT).normalize(), 'f')} {unit}"
                known = wn("note.no_rate_weight", name=fees.name, tier=mine.tier.said,
                           weight=weight)  # fmt: skip
            else:
                known = wn("note.no_rate", name=fees.name, tier=mine.tier.said)
            self.rateless[key] = known
        return known

    def source(self, fees: FeeTable) -> tuple[str, str]:
        """(the fee table's label, the note naming it) for a charge it priced."""
        known = self.notes.get(fees.id)
        if known is None:
            flag = wn("note.fee_belief") if fees.belief else ""
            known = self.notes[fees.id] = (
                fees.label(),
                wn("note.fee_from", name=fees.name, flag=flag),
            )
        return known


def price(c: Charge, m: Measurement, mp: str, p: FeePreview | None, data: FeeData,
          memo: PriceMemo) -> Priced | None:  # fmt: skip
    """A charge with its fee per unit and the fee of the seller's tier (None when unknown);
    None for a charge reversed, or refunded by a fee correction (nothing to claim)."""
    if c.fee >= 0 or (data.fee_paid and (c.order_id, m.sku.upper()) in data.fee_paid):
        return None
    units = c.quantity or 1
    day = c.posted or memo.today
    window, table, dated = memo.day(mp, day)
    out = Priced(c, memo.per_unit(c.fee, units, c.currency), units, window=window)
    unit_price = memo.unit_price(c.principal, units) if c.principal > 0 else None
    if unit_price is None and p is not None:
        unit_price = (p.your_price or p.sales_price or (None, ""))[0]
        out.preview_price = unit_price
    fees = pick_fee_table(dated, unit_price) if dated else None
    if table is None or fees is None or fees.tier_table != table.id:
        out.no_table = memo.why_no_fee_table(mp, day, unit_price)
        return out
    mine = memo.classify(table, m)
    if mine is not None:
        fee = memo.fee(fees, mine, table.weight_unit)
        if fee is not None:
            out.expected = fee
            out.fee_source, out.note = memo.source(fees)
        else:  # the table in force has no rate for the tier (2026: bulky sizes not held)
            out.no_table = memo.no_rate(fees, mine, table.weight_unit)
    return out
