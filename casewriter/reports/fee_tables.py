"""FBA fulfilment fee tables and the fee checks' settings, held as data (``data/fba_fees.toml``).

Owns the model (checked on load: periods in order, bands ascending, every rate's tier in its
tier table, no two tables pricing the same charge), ``fee_table(marketplace, day, price)`` (the table whose period and price range
cover a charge, else None: a fee is never guessed) and ``FeeTable.fee(tier, weight)``, the
storage check's tolerance, and which settlement rows are the FBA fulfilment fee.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casewriter.messages import join
from casewriter.reports.note_words import wn
from casewriter.reports.tiers import load_model, size_tiers, weight_in
from casewriter.reports.values import norm

FEES_DATA = Path(__file__).with_name("data") / "fba_fees.toml"


class Above(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: Decimal = Field(alias="from")
    base: Decimal
    per: Decimal
    step: Decimal = Field(gt=0)


class Rate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tier: str
    weight_unit: str
    bands: list[tuple[Decimal, Decimal]] = Field(default_factory=list)
    above: Above | None = None

    @model_validator(mode="after")
    def _check(self) -> Rate:
        limits = [b[0] for b in self.bands]
        if limits != sorted(limits) or len(set(limits)) != len(limits):
            raise ValueError(f"rate {self.tier}: bands must rise")
        if not self.bands and self.above is None:
            raise ValueError(f"rate {self.tier}: no bands and no 'above'")
        return self

    def fee(self, weight: Decimal, unit: str) -> Decimal | None:
        """The fee for a shipping weight (in ``unit``); None past the last band."""
        w = weight_in(weight, unit, self.weight_unit)
        if w is None:
            return None
        for limit, fee in self.bands:
            if w <= limit:
                return fee
        if self.above is None:
            return None
        a = self.above
        if w <= a.start:
            return a.base
        steps = math.ceil((w - a.start) / a.step)
        return a.base + a.per * steps


class FeeTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    marketplace: str
    currency: str
    tier_table: str
    periods: list[tuple[date, date]] = Field(min_length=1)
    # The unit-price range the table prices: ``price_min``/``price_max`` include their limit,
    # ``price_above``/``price_below`` exclude it ("priced below $10", "above $50").
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    price_above: Decimal | None = None
    price_below: Decimal | None = None
    name: str = Field(min_length=1)
    belief: bool = False
    source: str = Field(min_length=1)
    as_of: date
    rates: list[Rate] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> FeeTable:
        if any(start > end for start, end in self.periods):
            raise ValueError(f"fee table {self.id}: a period ends before it starts")
        return self

    def covers(self, day: date, price: Decimal | None) -> bool:
        return self.in_force(day) and self.prices(price)

    def overlaps(self, other: FeeTable) -> bool:
        """Whether a charge could fall in both tables (same marketplace, a shared day and a
        shared unit price): two tables may never price the same charge."""
        if self.marketplace != other.marketplace:
            return False
        if not any(a <= d and c <= b for a, b in self.periods for c, d in other.periods):
            return False
        (lo1, lo1_in), (hi1, hi1_in) = self._price_bounds()
        (lo2, lo2_in), (hi2, hi2_in) = other._price_bounds()
        lo, lo_in = _tighter((lo1, lo1_in), (lo2, lo2_in), lower=True)
        hi, hi_in = _tighter((hi1, hi1_in), (hi2, hi2_in), lower=False)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_in and hi_in)

    def _price_bounds(self) -> tuple[tuple[Decimal | None, bool], tuple[Decimal | None, bool]]:
        """((lower limit, included), (upper limit, included)); None: no limit."""
        lower: tuple[Decimal | None, bool] = (None, True)
        upper: tuple[Decimal | None, bool] = (None, True)
        for limit in ((self.price_min, True), (self.price_above, False)):
            if limit[0] is not None:
                lower = _tighter(lower, limit, lower=True)
        for limit in ((self.price_max, True), (self.price_below, False)):
            if limit[0] is not None:
                upper = _tighter(upper, limit, lower=False)
        return lower, upper

    def in_force(self, day: date) -> bool:
        return any(start <= day <= end for start, end in self.periods)

    def prices(self, price: Decimal | None) -> bool:
        """Whether the table prices an item of unit ``price`` (None: unknown)."""
        limits = (self.price_min, self.price_max, self.price_above, self.price_below)
        if all(limit is None for limit in limits):
            return True
        if price is None:
            return False
        return (
            (self.price_min is None or price >= self.price_min)
            and (self.price_max is None or price <= self.price_max)
            and (self.price_above is None or price > self.price_above)
            and (self.price_below is None or price < self.price_below)
        )

    def fee(self, tier_id: str, weight: Decimal, unit: str) -> Decimal | None:
        rate = next((r for r in self.rates if r.tier == tier_id), None)
        return None if rate is None else rate.fee(weight, unit)

    def label(self) -> str:
        flag = " [belief]" if self.belief else ""
        return f"{self.source}, as of {self.as_of.isoformat()}{flag}"


def _tighter(
    a: tuple[Decimal | None, bool], b: tuple[Decimal | None, bool], *, lower: bool
) -> tuple[Decimal | None, bool]:
    """The tighter of two price limits (value, included); None is no limit."""
    if a[0] is None:
        return b
    if b[0] is None:
        return a
    if a[0] == b[0]:
        return (a[0], a[1] and b[1])
    if lower:
        return a if a[0] > b[0] else b
    return a if a[0] < b[0] else b


class StorageCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tolerance_ratio: Decimal = Field(ge=0)
    min_amount: dict[str, Decimal]
    min_amount_default: Decimal = Field(ge=0)
    source: str = Field(min_length=1)
    as_of: date

    def tolerance(self, expected: Decimal, currency: str) -> Decimal:
        floor = self.min_amount.get(currency.upper(), self.min_amount_default)
        return max(floor, abs(expected) * self.tolerance_ratio)


class FbaFees(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fulfilment_fee_types: list[str] = Field(min_length=1)
    fulfilment_fee_types_source: str
    storage_check: StorageCheck
    fee_tables: list[FeeTable] = Field(default_factory=list)

    @model_validator(mode="after")
    def _no_two_tables_price_one_charge(self) -> FbaFees:
        for i, a in enumerate(self.fee_tables):
            for b in self.fee_tables[i + 1 :]:
                if a.overlaps(b):
                    raise ValueError(f"fee tables {a.id} and {b.id} price the same charges")
        return self

    @property
    def fee_types(self) -> frozenset[str]:
        return frozenset(norm(t) for t in self.fulfilment_fee_types)


@lru_cache(maxsize=4)
def fba_fees(path: Path = FEES_DATA) -> FbaFees:
    """The fee tables, checked against the tier tables they name."""
    from casewriter.errors import CasewriterError

    fees = load_model(path, FbaFees)
    tables = {t.id: t for t in size_tiers().tables}
    for ft in fees.fee_tables:
        tiers = tables.get(ft.tier_table)
        if tiers is None:
            raise CasewriterError(f"{path}: fee table {ft.id}: no tier table {ft.tier_table!r}")
        known = {t.id for t in tiers.tiers}
        for rate in ft.rates:
            if rate.tier not in known:
                raise CasewriterError(f"{path}: fee table {ft.id}: no tier {rate.tier!r}")
    return fees


def fee_table(marketplace: str, day: date, price: Decimal | None) -> FeeTable | None:
    """The fee table for a charge in ``marketplace`` on ``day`` at unit ``price``, or None."""
    return pick_fee_table(tables_on(marketplace, day), price)


def tables_on(marketplace: str, day: date) -> tuple[FeeTable, ...]:
    """The fee tables of ``marketplace`` in force on ``day``, whatever their price range."""
    code = marketplace.upper()
    return tuple(t for t in fba_fees().fee_tables if t.marketplace == code and t.in_force(day))


def pick_fee_table(dated: tuple[FeeTable, ...], price: Decimal | None) -> FeeTable | None:
    """The first of ``dated`` (``tables_on``) whose price range holds ``price``."""
    return next((t for t in dated if t.prices(price)), None)


def why_no_fee_table(marketplace: str, day: date, price: Decimal | None) -> str:
    """Why ``fee_table`` found none (no table for the period, or a price outside its range),
    worded without the date so that charges with the same reason share one note."""
    code = marketplace.upper()
    dated = tables_on(marketplace, day)
    if not dated:
        return wn("note.no_fee_table", code=code)
    names = join(" or ", (t.name for t in dated), "或")  # every table the price decides between
    if price is None:
        return wn("note.no_unit_price", names=names)
    return wn("note.price_range", price=price_text(price), names=names)


def price_text(price: Decimal) -> str:
    """A unit price as written, to the cent when it is whole cents, else to four decimals
    (29.99 for 3 units is 9.9967, never "10.00": a rounded price could read as inside a price
    band it is outside)."""
    cents = price.quantize(Decimal("0.01"))
    if cents == price:
        return format(cents, "f")
    return format(price.quantize(Decimal("0.0001")).normalize(), "f")
