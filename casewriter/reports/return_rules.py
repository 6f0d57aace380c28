"""The customer-return money rules.

- **return-damaged** → ``customer-return-wrong-or-damaged``: an FBA customer return graded
  damaged by the carrier or in the warehouse (``detailed-disposition`` in
  ``[returns] damaged_dispositions`` of ``data/money.toml``: CARRIER_DAMAGED, DAMAGED) that no
  reimbursement names. One finding per order + SKU; value: the refunded principal, else the
  unit's value. The case type has no documented claim window, so it is ``to-review`` with "no
  documented window" (and drafted by ``--draft``: it is a claim, the seller files it soon).
- **refund-over-charge** → ``general``: a settlement refund whose principal is larger than the
  principal charged for that order and SKU (settlement Order rows, else the All Orders item
  price) by more than ``[refunds] over_tolerance``. Value: the difference.

Never flagged: returns graded SELLABLE, CUSTOMER_DAMAGED, DEFECTIVE, EXPIRED …; returns whose
status says reimbursed; orders any reimbursement names (Reimbursements report or a payment
inside a settlement); seller-fulfilled orders (MFN / Merchant); refunds no larger than the
charge; refunds whose charge is in none of the reports (counted in a scan note).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from casewriter.reports.findings import Finding
from casewriter.reports.money_data import money_rules
from casewriter.reports.records import ReturnRow
from casewriter.reports.rules import Paid
from casewriter.reports.state import Collected
from casewriter.reports.valuation import CENT, estimate, unit_value


def _seller_fulfilled(data: Collected, order: str, sku: str) -> bool:
    ref = data.refunds.get((order, sku))
    return data.order_channel.get(order, "") == "MERCHANT" or bool(ref and "MFN" in ref.fulfillment)


def damaged_returns(data: Collected, paid: Paid) -> list[Finding]:
    rules = money_rules()
    groups: dict[tuple[str, str], list[ReturnRow]] = defaultdict(list)
    for r in data.money.damaged_returns.values():
        groups[(r.order_id, r.sku.upper())].append(r)
    out: list[Finding] = []
    for (order, sku), rows in sorted(groups.items()):
        if order in paid.orders or _seller_fulfilled(data, order, sku):
            continue
        if any(r.status in rules.paid_return_statuses for r in rows):
            continue
        rows.sort(key=lambda r: (r.returned or date.min, r.lpn))
        first = rows[0]
        units = sum(max(1, r.quantity) for r in rows)
        fnsku = first.fnsku or data.sku_fnsku.get(sku, "")
        ref = data.refunds.get((order, sku))
        f = Finding(
            rule="return-damaged",
            ids={"order_id": order, "sku": first.sku or None},
            quantity=units,
            event_date=min((r.returned for r in rows if r.returned), default=None),
            marketplace=data.money.order_market.get(order, "")
            or (ref.marketplace_name if ref else ""),
            details={
                "fnsku": fnsku,
                "asin": first.asin,
                "disposition": sorted({r.disposition for r in rows}),
                "return_status": sorted({r.status for r in rows if r.status}),
                "return_reason": sorted({r.reason for r in rows if r.reason}),
                "lpn": sorted({r.lpn for r in rows if r.lpn}),
                "fulfillment_center": sorted({r.fc for r in rows if r.fc}),
                "refund_date": ref.first if ref else None,
            },  # fmt: skip
        )
        if ref is not None and ref.has_principal and ref.principal:
            f.amount = abs(ref.principal).quantize(CENT)
            f.currency = ref.currency
            f.details["value_basis"] = "the refund in the settlement"
        else:
            estimate(f, unit_value(data, paid, first.sku, fnsku, first.asin), units,
                     f"SKU {first.sku}")  # fmt: skip
        f.draft_facts = {
            "return_problem": "damaged by the carrier or at the fulfilment centre",
            "quantity": units,
            "refund_date": ref.first.isoformat() if ref and ref.first else None,
            "return_received_date": f.event_date.isoformat() if f.event_date else None,
            "disposition": ", ".join(f.details["disposition"]),
            "refund_amount": str(f.amount) if ref is not None and f.amount else None,
            "checked_returns_report": True,
            "checked_reimbursements": True,
        }
        f.draft_evidence = {"fnsku": [fnsku] if fnsku else [], "lpn": f.details["lpn"][:1],
                            "asin": [first.asin] if first.asin else []}  # fmt: skip
        out.append(f)
    return out


def over_refunds(data: Collected, paid: Paid) -> tuple[list[Finding], int]:
    """Refunds larger than the charge, and how many refunds had no charge to compare with."""
    tolerance = money_rules().over_tolerance
    charged = data.money.charged(set(data.refunds))
    out: list[Finding] = []
    unknown = 0
    for (order, sku), ref in sorted(data.refunds.items()):
        if order in paid.orders or _seller_fulfilled(data, order, sku) or not ref.has_principal:
            continue
        refunded = abs(ref.principal)
        charge = charged.get((order, sku))
        source = "settlement Order rows"
        if charge is None:
            line = data.order_lines.get((order, sku))
            charge = line.item_price if line is not None else None
            source = "All Orders item price"
        if charge is None:
            unknown += 1
            continue
        over = refunded - abs(charge)
        if over <= tolerance:
            continue
        f = Finding(
            rule="refund-over-charge",
            ids={"order_id": order, "sku": ref.sku or None},
            quantity=ref.quantity or 1,
            event_date=ref.first,
            marketplace=ref.marketplace_name,
            amount=over.quantize(CENT),
            currency=ref.currency,
            details={
                "fnsku": data.sku_fnsku.get(sku, ""),
                "refund_date": ref.first,
                "refunded_principal": refunded.quantize(CENT),
                "charged_principal": abs(charge).quantize(CENT),
                "charged_from": source,
                "value_basis": "refunded minus charged principal",
            },  # fmt: skip
        )
        f.draft_facts = {"topic": "Refund larger than the amount charged", "amount": str(over),
                         "quantity": f.quantity,
                         "event_date": ref.first.isoformat() if ref.first else None}  # fmt: skip
        f.draft_evidence = {"reference": [order]}
        out.append(f)
    return out, unknown
