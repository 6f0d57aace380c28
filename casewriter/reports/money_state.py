"""What the money rules keep while rows stream past (``Collected.money``).

Small, keyed state only; the one part that grows with the files is ``charges`` (the principal
charged per settlement, order and SKU, which the refund-larger-than-charge rule needs because a
refund may sit in another settlement than its charge). At 1,000,000 mixed rows it stays far
below the memory bar (``make bench`` measures it).

What each settlement row adds (charges, prices, the storefront of a watched order) is worked
out in ``settlement_state.py``, in its one loop over the file. Overlapping downloads count
once: each file's charges and prices are gathered apart and merged by settlement id (the same
settlement downloaded twice gives the same sums), removal order lines keep their latest state,
packages and returns are keyed on what identifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from casewriter.reports.costs import Cost
from casewriter.reports.records import ReturnRow
from casewriter.reports.removals import RemovalLine, RemovalPackage, newer

Charges = dict[tuple[str, str, str], Decimal]  # (settlement id, order id, SKU) → principal
Prices = dict[tuple[str, str, str, int], tuple[Decimal, int]]  # (sid, SKU, currency, month)


@dataclass
class MoneyState:
    removal_lines: dict[tuple[str, str, str], RemovalLine] = field(default_factory=dict)
    removal_packages: dict[tuple[str, str, str], RemovalPackage] = field(default_factory=dict)
    #: returns graded damaged by the carrier or the warehouse, each once
    damaged_returns: dict[tuple[object, ...], ReturnRow] = field(default_factory=dict)
    charges: Charges = field(default_factory=dict)
    prices: Prices = field(default_factory=dict)
    #: order id → marketplace name, from settlements (for orders the money rules look at)
    order_market: dict[str, str] = field(default_factory=dict)
    #: FNSKU (or SKU) → (units researching, SKU), from Manage FBA Inventory
    researching: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: FNSKU → the latest day the ledger shows units of it found (reason F, or summary Found)
    found: dict[str, date] = field(default_factory=dict)
    costs: dict[str, Cost] = field(default_factory=dict)
    #: orders whose marketplace the money rules need (damaged returns)
    watch_orders: set[str] = field(default_factory=set)
    _price_index: dict[str, dict[str, dict[int, tuple[Decimal, int]]]] | None = None
    _merged: dict[tuple[str, str], dict[int, tuple[Decimal, int]]] = field(default_factory=dict)
    _averages: dict[tuple[str, str, int | None, int], tuple[Decimal, int, int, int] | None] = field(
        default_factory=dict
    )

    # -- removals -----------------------------------------------------------------------
    def removal_line(self, r: RemovalLine) -> None:
        old = self.removal_lines.get(r.key)
        if old is None or newer(r, old):
            self.removal_lines[r.key] = r

    def removal_package(self, p: RemovalPackage) -> None:
        old = self.removal_packages.get(p.key)
        if old is None or p.quantity > old.quantity:
            self.removal_packages[p.key] = p

    # -- returns ------------------------------------------------------------------------
    def customer_return(self, r: ReturnRow, damaged: frozenset[str]) -> None:
        if r.disposition in damaged:
            key = (r.order_id, r.sku.upper(), r.lpn, r.returned, r.disposition, r.quantity)
            self.damaged_returns.setdefault(key, r)
            self.watch_orders.add(r.order_id)

    # -- settlements ----------------------------------------------------------------------
    def settlement_file(self, charges: Charges, prices: Prices) -> None:
        """One file's sums; a settlement seen in two files counts once (the fuller copy)."""
        if not self.charges:  # the first settlement file: nothing to compare with
            self.charges.update(charges)
        else:
            for key, amount in charges.items():
                old = self.charges.get(key)
                if old is None or abs(amount) > abs(old):
                    self.charges[key] = amount
        if not self.prices:
            self.prices.update(prices)
        else:
            for pkey, (total, units) in prices.items():
                seen = self.prices.get(pkey)
                if seen is None or units > seen[1]:
                    self.prices[pkey] = (total, units)
        self._price_index = None
        self._merged = {}
        self._averages = {}

    def charged(self, items: set[tuple[str, str]]) -> dict[tuple[str, str], Decimal]:
        """Principal charged over every settlement for each of ``items`` (order, SKU)."""
        out: dict[tuple[str, str], Decimal] = {}
        for (_sid, order, sku), amount in self.charges.items():
            if (order, sku) in items:
                out[(order, sku)] = out.get((order, sku), Decimal(0)) + amount
        return out

    def average_price(
        self, sku: str, currency: str, day: date | None, months: int
    ) -> tuple[Decimal, int, int, int] | None:
        """(average principal per unit, units, first month, last month) of the SKU in the
        ``months`` calendar months up to ``day`` (all months when that period has no sale);
        worked out once per SKU, currency and month (thousands of payments share them)."""
        if self._price_index is None:
            index: dict[str, dict[str, dict[int, tuple[Decimal, int]]]] = {}
            for (_sid, k, c, m), (t, u) in self.prices.items():
                per_month = index.setdefault(k, {}).setdefault(c, {})
                total, units = per_month.get(m, (Decimal(0), 0))
                per_month[m] = (total + t, units + u)
            self._price_index = index
            self._averages = {}
        end = day.year * 12 + day.month - 1 if day is not None else None
        key = (sku.upper(), currency, end, months)
        if key in self._averages:
            return self._averages[key]
        rows = self._merged.get((sku.upper(), currency))
        if rows is None:  # the SKU's months in this currency (or with none given), once
            rows = {}
            for cur, per_month in self._price_index.get(sku.upper(), {}).items():
                if cur == currency or not cur or not currency:
                    for m, (t, u) in per_month.items():
                        total, units = rows.get(m, (Decimal(0), 0))
                        rows[m] = (total + t, units + u)
            self._merged[(sku.upper(), currency)] = rows
        if end is not None:
            recent = {m: rows[m] for m in range(end - months + 1, end + 1) if m in rows}
            rows = recent or rows
        units = sum(u for _t, u in rows.values())
        found = None
        if units > 0:
            total = sum((t for t, _u in rows.values()), Decimal(0))
            found = (total / units, units, min(rows), max(rows))
        self._averages[key] = found
        return found

    # -- inventory ----------------------------------------------------------------------
    def researching_units(self, fnsku: str, sku: str, qty: int | None) -> None:
        key = fnsku or sku.upper()
        if qty and qty > 0 and key:
            old = self.researching.get(key)
            self.researching[key] = (max(qty, old[0]) if old else qty, sku)

    def found_units(self, fnsku: str, day: date) -> None:
        old = self.found.get(fnsku)
        if old is None or day > old:
            self.found[fnsku] = day

    def cost(self, c: Cost) -> None:
        self.costs[c.sku.upper()] = c


def month_text(month: int) -> str:
    """``24313`` (months since year 0) → ``2026-02``."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"
