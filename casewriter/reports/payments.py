"""Payments to the seller, from the Reimbursements report and from settlements, counted once.

A reimbursement shows up twice when both reports are given: as rows of the Reimbursements
report (with a reimbursement id) and as a row of the settlement it was paid in (no id). Since
the settlement carries no id, the two are matched by order id + SKU + amount, with dates at most
``match_days`` apart (``data/settlement.toml``); a matched pair is one ``Payment`` (source
``both``), the rest stand alone. Amounts are signed: a clawback or a reversal is negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from casewriter.reports.records import Reimbursement, SettlementRow

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Payment:
    kind: str  # the report's reason (LOST_WAREHOUSE) or the settlement's type (WAREHOUSE_LOST)
    order_id: str
    sku: str
    amount: Decimal
    currency: str
    day: date | None  # approval date (report), else posted date (settlement)
    reimbursement_id: str = ""  # "" when seen only in a settlement
    settlement_id: str = ""  # "" when seen only in the Reimbursements report
    source: str = "reimbursements"  # "reimbursements" | "settlement" | "both"
    quantity: int | None = None  # units, when a settlement row gives them


@dataclass
class _Sum:
    amount: Decimal
    day: date | None
    kind: str
    sku: str
    currency: str
    quantity: int | None = None

    def add(
        self, amount: Decimal | None, n: int, day: date | None, quantity: int | None = None
    ) -> None:
        self.amount += (amount or Decimal(0)) * n
        if day is not None and (self.day is None or day < self.day):
            self.day = day
        if quantity is not None and quantity > 0:
            self.quantity = (self.quantity or 0) + quantity * n


def from_report(rows: Iterable[tuple[Reimbursement, int]]) -> list[Payment]:
    """One payment per reimbursement id, order and SKU (an id can span rows)."""
    sums: dict[tuple[str, str, str, str], _Sum] = {}
    for r, n in rows:
        key = (r.reimbursement_id, r.order_id, r.sku.upper(), r.currency)
        entry = sums.get(key)
        if entry is None:
            entry = sums[key] = _Sum(Decimal(0), None, r.reason, r.sku, r.currency)
        entry.add(r.amount_total, n, r.approval_date)
    return [
        Payment(e.kind, order, e.sku, e.amount, e.currency, e.day, reimbursement_id=rid)
        for (rid, order, _sku, _cur), e in sums.items()
    ]


def from_settlements(
    rows: Iterable[tuple[SettlementRow, int]], currency_of: dict[str, str]
) -> list[Payment]:
    """One payment per settlement, kind, order, SKU and posted date (amounts summed)."""
    sums: dict[tuple[str, str, str, str, date | None], _Sum] = {}
    for s, n in rows:
        key = (s.settlement_id, s.payment, s.order_id, s.sku.upper(), s.posted)
        currency = s.currency or currency_of.get(s.settlement_id, "")
        entry = sums.get(key)
        if entry is None:
            entry = sums[key] = _Sum(Decimal(0), s.posted, s.payment, s.sku, currency)
        entry.add(s.amount, n, s.posted, s.quantity)
    return [
        Payment(
            e.kind,
            order,
            e.sku,
            e.amount,
            e.currency,
            e.day,
            settlement_id=sid,
            source="settlement",
            quantity=e.quantity,
        )  # fmt: skip
        for (sid, _kind, order, _sku, _posted), e in sums.items()
    ]


def _same(report: Payment, settled: Payment, match_days: int) -> bool:
    if report.order_id != settled.order_id or report.sku.upper() != settled.sku.upper():
        return False
    if not report.order_id and not report.sku:
        return False  # nothing names the item: never merge two anonymous payments
    if report.currency and settled.currency and report.currency != settled.currency:
        return False
    if abs(report.amount - settled.amount) > _CENT:
        return False
    if report.day is not None and settled.day is not None:
        return abs((report.day - settled.day).days) <= match_days
    return True


def merge(report: list[Payment], settled: list[Payment], match_days: int) -> list[Payment]:
    """Every payment once: a settlement payment matching a report payment becomes one."""
    by_item: dict[tuple[str, str], list[Payment]] = {}  # only the same order + SKU can match
    for p in report:
        by_item.setdefault((p.order_id, p.sku.upper()), []).append(p)
    matched: set[int] = set()
    out: list[Payment] = []
    for s in sorted(settled, key=lambda p: (p.day or date.min, p.settlement_id, p.order_id)):
        same = by_item.get((s.order_id, s.sku.upper()), [])
        candidates = [p for p in same if id(p) not in matched and _same(p, s, match_days)]
        if not candidates:
            out.append(s)
            continue
        best = min(candidates, key=lambda p: abs(((p.day or s.day or date.min) -
                                                  (s.day or p.day or date.min)).days))  # fmt: skip
        matched.add(id(best))
        out.append(Payment(best.kind, best.order_id, best.sku, best.amount,
                           best.currency or s.currency, best.day or s.day,
                           best.reimbursement_id, s.settlement_id, "both",
                           best.quantity or s.quantity))  # fmt: skip
    return out + [p for p in report if id(p) not in matched]
