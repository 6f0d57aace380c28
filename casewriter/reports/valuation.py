"""What a unit is worth, for the money rules' estimates, and where that figure came from.

``unit_value`` tries, in order: the seller's manufacturing cost (the cost CSV; since March 2025
Amazon values inventory lost before a customer order at that cost), Amazon's latest
reimbursement per unit for the FNSKU, the average selling price of the SKU in the settlements,
the All Orders item price. ``estimate`` puts quantity × value on a finding with the basis in
``details["value_basis"]``, or leaves the amount unknown and says why.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from casewriter.reports.findings import Finding
from casewriter.reports.note_words import wn
from casewriter.reports.rules import Paid
from casewriter.reports.state import Collected

CENT = Decimal("0.01")


class Value(NamedTuple):
    per_unit: Decimal
    currency: str
    basis: str


def unit_value(
    data: Collected, paid: Paid, sku: str, fnsku: str, asin: str = "", currency: str = ""
) -> Value | None:
    """The best value per unit the reports and the cost CSV give; None when none does."""
    cost = data.money.costs.get(sku.upper()) if sku else None
    if cost is not None and (not currency or cost.currency == currency):
        return Value(cost.cost, cost.currency, "your manufacturing cost (cost CSV)")
    if fnsku and fnsku in paid.per_unit:
        per_unit, cur, _day = paid.per_unit[fnsku]
        if not currency or cur == currency:
            return Value(per_unit, cur, "Amazon's latest reimbursement per unit for this FNSKU")
    if sku:
        avg = data.money.average_price(sku, currency, None, 12)
        if avg is not None:
            cur = currency or _price_currency(data, sku)
            return Value(avg[0].quantize(CENT), cur, "average selling price in the settlements")
    price = data.unit_price.get(sku.upper()) if sku else None
    price = price or (data.unit_price.get(asin.upper()) if asin else None)
    if price is not None and (not currency or price[1] == currency):
        return Value(price[0], price[1], "All Orders item price")
    return None


def _price_currency(data: Collected, sku: str) -> str:
    for _sid, k, cur, _m in data.money.prices:
        if k == sku.upper() and cur:
            return cur
    return ""


def estimate(f: Finding, value: Value | None, units: int, what: str = "") -> None:
    """``f.amount`` = units × value (basis noted), or unknown with the reason (``what``: the
    item, a ``Said`` or an id such as ``SKU X1``)."""
    if value is None:
        f.details["value_basis"] = None
        f.notes.append(wn("note.value_unknown", what=what or wn("note.this_item")))
        return
    f.amount = (value.per_unit * units).quantize(CENT)
    f.currency = value.currency
    f.details["value_basis"] = value.basis


@lru_cache(maxsize=256)  # asked once per finding, of a few currencies
def market_for_currency(currency: str, main: str) -> str:
    """The marketplace a currency points to: the scan's own when it uses that currency (EUR on
    a DE scan), else the first that does (GBP → UK); '' when no marketplace uses it."""
    from casewriter.marketplaces import MARKETPLACES

    if not currency:
        return ""
    codes = [m.code for m in MARKETPLACES.values() if m.currency == currency.upper()]
    return main if main in codes else (codes[0] if codes else "")
