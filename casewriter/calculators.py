"""Account-health calculators: ODR, late shipment, pre-fulfilment cancel and valid tracking
rates from the seller's counts (``performance-metric-poa``), and a SKU's return rate against the
alert level (``return-rate-rca``). Thresholds carry their source (domain.md §3).

Counts are read from facts by a few accepted names (or a rate given directly as a percent); a
calculator whose inputs are absent is simply left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

ORDERS = ("orders", "total_orders", "orders_total", "order_count", "orders_in_window")


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    numerators: tuple[str, ...]
    denominators: tuple[str, ...]
    rate_keys: tuple[str, ...]
    target: float
    below: bool  # True: the rate must stay below target; False: at or above
    source: str


METRICS = (
    Metric("odr", "Order Defect Rate", ("defective_orders", "order_defects", "odr_defects", "defects"),
           ("odr_orders", *ORDERS), ("odr", "odr_percent", "order_defect_rate"), 1.0, True,
           "S14 sellercentral-europe 200370550, checked 2026"),
    Metric("lsr", "Late Shipment Rate", ("late_shipments", "late_orders", "late_shipped_orders"),
           ("shipped_orders", "lsr_orders", *ORDERS), ("lsr", "lsr_percent", "late_shipment_rate"),
           4.0, True, "AU 200285190, checked 2026"),
    Metric("cancel", "Pre-fulfilment Cancel Rate",
           ("cancelled_orders", "canceled_orders", "seller_cancellations", "cancellations"),
           ("cancel_orders", *ORDERS), ("cancel_rate", "cancel_percent", "pre_fulfillment_cancel_rate"),
           2.5, True, "S14 sellercentral-europe 200370550, checked 2026"),
    Metric("vtr", "Valid Tracking Rate", ("valid_tracking", "valid_tracking_shipments", "tracked_shipments"),
           ("shipments", "shipped_orders", "vtr_shipments", *ORDERS), ("vtr", "vtr_percent", "valid_tracking_rate"),
           95.0, False, "S15 sellercentral.amazon.com G201817070, checked 2026"),
)  # fmt: skip

RETURN_ALERT = 8.0
RETURN_NORM = "3–5%"
RETURN_SOURCE = "commonly cited trigger: 8%+ over 7 days against a 3–5% norm (product.md)"


def _number(facts: Mapping[str, Any], keys: tuple[str, ...]) -> float | None:
    for key in keys:
        value = facts.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float | Decimal):
            return float(value)
    return None


def _result(label: str, rate: float, target: float, below: bool, source: str, n: float | None,
            d: float | None) -> dict[str, Any]:  # fmt: skip
    ok = rate < target if below else rate >= target
    sign = "<" if below else "≥"
    return {
        "label": label,
        "rate": round(rate, 2),
        "target": f"{sign} {target:g}%",
        "ok": ok,
        "numerator": int(n) if n is not None else None,
        "denominator": int(d) if d is not None else None,
        "source": source,
        "text": f"{label}: {rate:.2f}% (target {sign} {target:g}%)"
        + ("" if ok else " – above target" if below else " – below target"),
    }


def performance_metrics(facts: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in METRICS:
        rate = _number(facts, m.rate_keys)
        n = _number(facts, m.numerators)
        d = _number(facts, m.denominators)
        if n is not None and d:
            rate = 100.0 * n / d
        else:
            n = d = None
        if rate is None:
            continue
        out[m.key] = _result(m.label, rate, m.target, m.below, m.source, n, d)
    out["failing"] = [k for k, v in out.items() if not v["ok"]]
    return out


def return_rate(facts: Mapping[str, Any]) -> dict[str, Any]:
    rate = _number(facts, ("return_rate", "return_rate_percent"))
    n = _number(facts, ("units_returned", "returns", "returned_units", "return_units"))
    d = _number(facts, ("units_sold", "units_ordered", "units_shipped", "orders", "sold_units"))
    if n is not None and d:
        rate = 100.0 * n / d
    else:
        n = d = None
    if rate is None:
        return {}
    res = _result("Return rate", rate, RETURN_ALERT, True, RETURN_SOURCE, n, d)
    res["target"] = f"alert at {RETURN_ALERT:g}%, norm {RETURN_NORM}"
    res["alert"] = not res["ok"]
    res["text"] = f"Return rate: {rate:.2f}% (alert level {RETURN_ALERT:g}%, usual {RETURN_NORM})"
    return {"return_rate": res, "failing": ["return_rate"] if res["alert"] else []}


def calculate(case_type_id: str, facts: Mapping[str, Any]) -> dict[str, Any]:
    """Calculator results for the render context's ``calc`` (empty for other case types)."""
    if case_type_id == "performance-metric-poa":
        return performance_metrics(facts)
    if case_type_id == "return-rate-rca":
        return return_rate(facts)
    return {}
