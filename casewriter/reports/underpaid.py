"""Reimbursements paid below the unit's value.

Each cash reimbursement (one reimbursement id and FNSKU, its rows summed, reversals netted) is
compared with the basis its reason uses (``[valuation]`` of ``data/money.toml``):

- **reimbursement-underpaid** → ``reimbursement-underpaid`` (a claim, the catalog's 60-day
  window from the payment): a reason valued at manufacturing cost (Lost_Warehouse,
  Damaged_Warehouse, Lost_Inbound, Damaged_Inbound), approved on or after the valuation change
  (``cost_from``), paid more than ``cost_tolerance`` per unit below the seller's cost (the cost
  CSV, same currency).
- **reimbursement-below-price** → ``reimbursement-underpaid`` (a lead, ``to-review``): any other
  reason, or a cost-valued one approved before the change (or in the weeks the date is open,
  when the payment is not below the cost), paid more than ``price_margin_pct`` percent below the
  SKU's average selling price over the ``price_months`` months up to the payment (settlement
  Order principal per unit).

Never flagged: reversals and reimbursements reversed in full; units reimbursed as inventory
(no money); fee corrections and clawbacks (``never_reasons``); payments at or above the basis;
cost-valued payments with no cost for the SKU or a cost in another currency, and payments with
no selling price to compare with (both counted in a scan note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from casewriter.reports.findings import Finding
from casewriter.reports.money_data import MoneyRules, money_rules
from casewriter.reports.money_state import month_text
from casewriter.reports.note_words import wn
from casewriter.reports.state import Collected
from casewriter.reports.valuation import CENT, market_for_currency
from casewriter.reports.values import norm

_CHOICES = ("Lost_Warehouse", "Damaged_Warehouse", "Lost_Inbound", "Damaged_Inbound",
            "CustomerReturn")  # fmt: skip


@dataclass
class _Paid:
    rid: str
    fnsku: str
    sku: str
    reason: str
    currency: str
    day: date | None
    order_id: str
    case_id: str
    units: int = 0
    amount: Decimal = Decimal(0)


def _payments(data: Collected, rules: MoneyRules) -> list[_Paid]:
    sums: dict[tuple[str, str], _Paid] = {}
    reversals: list[tuple[str, str, int, Decimal]] = []
    for key, n in data.reimbursements.items():
        r = data.reimbursement_rows[key]
        fnsku = r.fnsku or data.sku_fnsku.get(r.sku.upper(), r.sku.upper())
        cash = r.quantity_cash if r.quantity_cash is not None else r.quantity
        amount = (r.amount_total or Decimal(0)) * n
        if r.reason == "REIMBURSEMENT_REVERSAL" or (r.quantity < 0 and r.original_id):
            reversals.append((r.original_id, fnsku, cash * n, amount))
            continue
        p = sums.setdefault((r.reimbursement_id, fnsku), _Paid(
            r.reimbursement_id, fnsku, r.sku, r.reason, r.currency, r.approval_date, r.order_id,
            r.case_id))  # fmt: skip
        p.units += cash * n
        p.amount += amount
        if r.approval_date and (p.day is None or r.approval_date < p.day):
            p.day = r.approval_date
    for original, fnsku, units, amount in reversals:
        if (original, fnsku) in sums:
            sums[(original, fnsku)].units -= abs(units)
            sums[(original, fnsku)].amount -= abs(amount)
    return [p for p in sums.values() if p.reason not in rules.never_reasons]


def underpaid(data: Collected, main: str) -> tuple[list[Finding], list[str]]:
    """The findings, and notes on payments that could not be compared."""
    rules = money_rules()
    out: list[Finding] = []
    no_cost: set[str] = set()
    other_currency: set[str] = set()
    no_price = 0
    for p in sorted(_payments(data, rules), key=lambda p: (p.day or date.min, p.rid, p.fnsku)):
        if p.units <= 0 or p.amount <= 0:
            continue  # inventory units, or reversed in full
        paid_each = (p.amount / p.units).quantize(CENT)
        cost_valued = p.reason in rules.cost_reasons and p.day is not None
        if cost_valued and p.day is not None and p.day >= rules.cost_from:
            cost = data.money.costs.get(p.sku.upper())
            if cost is None:
                no_cost.add(p.sku)
            elif cost.currency != p.currency:
                other_currency.add(p.sku)
            elif paid_each < cost.cost - rules.cost_tolerance:
                out.append(_finding(p, paid_each, cost.cost, "reimbursement-underpaid", main,
                                    "your manufacturing cost (cost CSV)"))  # fmt: skip
                continue
            if p.day >= rules.cost_certain_from:
                continue  # valued at cost, and not below it (or not comparable)
        avg = data.money.average_price(p.sku, p.currency, p.day, rules.price_months)
        if avg is None:
            no_price += 1
            continue
        price = avg[0].quantize(CENT)
        if paid_each >= price * (1 - rules.price_margin_pct / 100):
            continue
        period = f"{month_text(avg[2])} to {month_text(avg[3])}, {avg[1]} units sold"
        f = _finding(p, paid_each, price, "reimbursement-below-price", main,
                     f"average selling price in the settlements ({period})")  # fmt: skip
        f.lead = True
        f.draft_facts["cost_per_unit"] = None  # a selling price is not a manufacturing cost
        if cost_valued:
            f.notes.append(wn("note.before_cost_basis", certain=rules.cost_certain_from.isoformat(),
                              start=rules.cost_from.isoformat()))  # fmt: skip
        f.notes.append(
            wn("note.below_price", pct=rules.price_margin_pct, source=rules.price_source)
        )
        out.append(f)
    return out, _notes(no_cost, other_currency, no_price)


def _notes(no_cost: set[str], other_currency: set[str], no_price: int) -> list[str]:
    notes: list[str] = []
    if no_cost:
        shown = ", ".join(sorted(no_cost)[:5]) + (" …" if len(no_cost) > 5 else "")
        notes.append(wn("scan.no_cost", n=len(no_cost), shown=shown))
    if other_currency:
        notes.append(wn("scan.other_currency", n=len(other_currency)))
    if no_price:
        notes.append(wn("scan.no_price", n=no_price))
    return notes


def _finding(
    p: _Paid, paid_each: Decimal, basis: Decimal, rule: str, main: str, basis_text: str
) -> Finding:
    short = basis - paid_each
    f = Finding(
        rule=rule,
        ids={"reimbursement_id": p.rid, "fnsku": p.fnsku or None},
        quantity=p.units,
        event_date=p.day,
        marketplace=market_for_currency(p.currency, main),
        amount=(short * p.units).quantize(CENT),
        currency=p.currency,
        details={
            "sku": p.sku,
            "reason": p.reason,
            "case_id": p.case_id or None,
            "order_id": p.order_id or None,
            "paid_per_unit": paid_each,
            "basis_per_unit": basis,
            "basis": basis_text,
            "value_basis": f"({basis_text}) minus paid, per unit × units",
        },  # fmt: skip
    )
    reason = next((c for c in _CHOICES if norm(c) == p.reason), "other")
    f.draft_facts = {"payment_date": p.day.isoformat() if p.day else None, "units": p.units,
                     "paid_per_unit": str(paid_each), "cost_per_unit": str(basis),
                     "reason": reason}  # fmt: skip
    f.draft_evidence = {"reimbursement_id": [p.rid], "fnsku": [p.fnsku] if p.fnsku else [],
                        "sku": [p.sku] if p.sku else []}  # fmt: skip
    return f
