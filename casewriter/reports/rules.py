"""The discrepancy rules: collected report data → findings (without windows; ``scan`` adds them).

- **warehouse-lost** (M, 5) / **warehouse-damaged** (6, 7, E, H, K, U): one finding per FNSKU +
  Reference ID of a ledger Adjustments row. Units = the row's Unreconciled Quantity minus units
  paid by matching reimbursements: same FNSKU, kind ``Lost_Warehouse`` (M/5) or
  ``Damaged_Warehouse`` (damage codes), approved on or after the event. A reimbursement id pays
  the sum of ``quantity-reimbursed-total`` over its rows for that FNSKU; a
  ``Reimbursement_Reversal`` takes its units back from the id it points to. A payment seen only
  inside a settlement (``WAREHOUSE_LOST`` / ``WAREHOUSE_DAMAGE``, ``[payment_kinds]`` of
  ``data/settlement.toml``) pays units too where the match is clear: it names a SKU of the
  FNSKU and gives its units (a quantity, or an amount that is a whole number of Amazon's
  per-unit amount); otherwise the finding carries a note naming the payment.
  **Allocation order**: reimbursements by approval date (then id); each pays the earliest
  eligible event (dated on or before its approval) that still has unpaid units, then the next;
  a unit is never counted twice.
- **inbound-shortfall**: shipped − max(received, ledger/legacy receipts for that shipment and
  FNSKU) − ``Lost_Inbound`` units paid for that FNSKU (scoped to the shipment when the
  reimbursement names it; otherwise closed shipments first, earliest delivery first).
  CLOSED (or no status given) → windowed; delivered but still receiving (DELIVERED, CHECKED_IN,
  RECEIVING …) → too-early ("wait"); cancelled, or not delivered yet (WORKING, SHIPPED,
  IN_TRANSIT …: nothing has arrived to be short) → none.
- **refund-not-returned**: settlement Refund/ItemPrice rows of an AFN order, one finding per
  order + SKU, unless a customer-returns row exists for order + SKU or any reimbursement row
  names the order (a Reimbursements report row, or a payment inside a settlement such as
  ``REVERSAL_REIMBURSEMENT``). Seller-fulfilled (MFN / Merchant) orders never.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from casewriter.reports.findings import Finding
from casewriter.reports.money_data import money_rules
from casewriter.reports.note_words import wn
from casewriter.reports.records import CLAIM_LOST, LedgerRow
from casewriter.reports.settlement import settlement_rules
from casewriter.reports.state import Collected

_KIND = {"lost": "LOST_WAREHOUSE", "damaged": "DAMAGED_WAREHOUSE"}
_SKIP_INBOUND = frozenset({"CANCELLED", "CANCELED", "DELETED", "ERROR",
                           "WORKING", "READY_TO_SHIP", "SHIPPED", "IN_TRANSIT"})  # fmt: skip


class Paid:
    """Net units of each reimbursement id per FNSKU, reversals applied."""

    def __init__(self, data: Collected) -> None:
        units: dict[tuple[str, str], int] = defaultdict(int)
        meta: dict[tuple[str, str], tuple[str, date | None, str]] = {}
        reversals: list[tuple[str, str, int]] = []
        self.per_unit: dict[str, tuple[Decimal, str, date]] = {}
        for key, n in data.reimbursements.items():
            r = data.reimbursement_rows[key]
            fnsku = r.fnsku or data.sku_fnsku.get(r.sku.upper(), r.sku.upper())
            if r.reason == "REIMBURSEMENT_REVERSAL" or (r.quantity < 0 and r.original_id):
                reversals.append((r.original_id, fnsku, -abs(r.quantity) * n))
                continue
            ident = (r.reimbursement_id, fnsku)
            units[ident] += r.quantity * n
            old = meta.get(ident)
            when = r.approval_date
            if old is not None and old[1] is not None and (when is None or old[1] < when):
                when = old[1]
            meta[ident] = (r.reason, when, r.order_id)
            if r.amount_per_unit is not None and r.amount_per_unit > 0 and r.approval_date:
                best = self.per_unit.get(fnsku)
                if best is None or best[2] <= r.approval_date:
                    self.per_unit[fnsku] = (r.amount_per_unit, r.currency, r.approval_date)
        for original, fnsku, qty in reversals:
            if (original, fnsku) in units:
                units[(original, fnsku)] += qty  # qty is negative
        #: (kind, FNSKU) → notes on settlement payments that may pay its units (no unit count)
        self.unclear: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._settled(data, units, meta)
        #: (kind, fnsku) → [(approval date, id, units, order id)], sorted
        self.by_kind: dict[tuple[str, str], list[tuple[date | None, str, int, str]]] = {}
        for (rid, fnsku), n in units.items():
            kind, when, order = meta[(rid, fnsku)]
            if n > 0:
                self.by_kind.setdefault((kind, fnsku), []).append((when, rid, n, order))
        for entries in self.by_kind.values():
            entries.sort(key=lambda e: (e[0] or date.min, e[1]))
        #: orders whose unit was paid for: a Reimbursements report row (not a fee correction,
        #: clawback or reversal: ``never_reasons`` of data/money.toml), or a payment for a unit
        #: inside a settlement
        never = money_rules().never_reasons
        rows = (data.reimbursement_rows[k] for k in data.reimbursements)
        self.orders = {r.order_id for r in rows if r.reason not in never}
        self.orders |= data.settlement_paid_orders

    def _settled(
        self,
        data: Collected,
        units: dict[tuple[str, str], int],
        meta: dict[tuple[str, str], tuple[str, date | None, str]],
    ) -> None:
        """Warehouse payments seen only inside a settlement (``WAREHOUSE_LOST`` …) pay units
        too, where the match is clear: the payment names a SKU of a known FNSKU and its units
        are known (a quantity, or the amount over Amazon's per-unit amount, evenly)."""
        kinds = settlement_rules().kinds
        for p in data.settled_only(settlement_rules().match_days):
            kind = kinds.get(p.kind)
            if kind is None or p.amount <= 0 or not p.sku:
                continue
            fnsku = data.sku_fnsku.get(p.sku.upper())
            if fnsku is None:
                continue
            qty = p.quantity
            if qty is None and fnsku in self.per_unit:
                ratio = p.amount / self.per_unit[fnsku][0]
                whole = int(ratio.to_integral_value())
                if whole >= 1 and abs(ratio - whole) * self.per_unit[fnsku][0] <= Decimal("0.01"):
                    qty = whole
            if qty is None:
                posted = wn("note.posted", day=p.day.isoformat()) if p.day else ""
                self.unclear[(kind, fnsku)].append(
                    wn(
                        "note.settlement_unclear",
                        kind=p.kind,
                        amount=p.amount,
                        currency=p.currency,
                        posted=posted,
                        settlement=p.settlement_id,
                        sku=p.sku,
                    )  # fmt: skip
                )
                continue
            ident = (f"settlement {p.settlement_id} {p.day or ''}", fnsku)
            units[ident] += qty
            meta[ident] = (kind, p.day, p.order_id)


def _allocate(
    events: list[tuple[date, str, int]], paid: list[tuple[date | None, str, int, str]]
) -> dict[str, int]:
    """Unpaid units per event key after reimbursements (earliest eligible event first)."""
    remaining = {key: units for _d, key, units in events}
    ordered = sorted(events)
    for approved, _rid, units, _order in paid:
        for when, key, _u in ordered:
            if units <= 0:
                break
            if approved is not None and approved < when:
                break  # events are in date order: no later one is eligible either
            take = min(units, remaining[key])
            remaining[key] -= take
            units -= take
    return remaining


def _event_key(row: LedgerRow) -> str:
    return row.reference_id or f"{row.date}:{row.line}"


def warehouse(data: Collected, paid: Paid) -> list[Finding]:
    groups: dict[tuple[str, str], list[LedgerRow]] = defaultdict(list)
    for row in data.events.values():
        groups[("lost" if row.reason in CLAIM_LOST else "damaged", row.fnsku)].append(row)
    findings: list[Finding] = []
    for (kind, fnsku), rows in sorted(groups.items()):
        rows.sort(key=lambda r: (r.date, r.reference_id))
        demand = [(r.date, _event_key(r), abs(r.unreconciled or 0)) for r in rows]
        remaining = _allocate(demand, paid.by_kind.get((_KIND[kind], fnsku), []))
        for row in rows:
            left = remaining[_event_key(row)]
            if left <= 0:
                continue
            rule = "warehouse-lost" if kind == "lost" else "warehouse-damaged"
            finding = Finding(
                rule=rule,
                ids={"fnsku": fnsku, "reference_id": row.reference_id},
                quantity=left,
                event_date=row.date,
                marketplace=row.country,
                details={
                    "sku": row.sku,
                    "asin": row.asin,
                    "reason": row.reason,
                    "fulfillment_center": row.fc,
                    "ledger_quantity": row.quantity,
                    "unreconciled": row.unreconciled,
                },  # fmt: skip
            )
            if row.unreconciled is not None and left < abs(row.unreconciled):
                finding.notes.append(wn("note.reimbursed", n=abs(row.unreconciled) - left))
            finding.notes += paid.unclear.get((_KIND[kind], fnsku), [])
            _value(finding, data, paid, fnsku, row.sku, row.asin)
            findings.append(finding)
    return findings


def _value(f: Finding, data: Collected, paid: Paid, fnsku: str, sku: str, asin: str) -> None:
    """Estimated value: a reimbursement's amount per unit, else the All Orders unit price."""
    if fnsku in paid.per_unit:
        per_unit, currency, _ = paid.per_unit[fnsku]
    else:
        price = data.unit_price.get(sku.upper()) or data.unit_price.get(asin.upper())
        if price is None:
            return
        per_unit, currency = price
    f.amount = (per_unit * f.quantity).quantize(Decimal("0.01"))
    f.currency = currency


def inbound(data: Collected, paid: Paid) -> list[Finding]:
    shortfalls: list[tuple[bool, date, str, str, int, str, date | None]] = []
    info: dict[tuple[str, str], tuple[str, str, date | None, int, int]] = {}
    for (shipment, _item), r in data.inbound.items():
        if r.status in _SKIP_INBOUND:
            continue
        fnsku = r.fnsku or data.sku_fnsku.get(r.sku.upper(), "")
        received = max(r.received, data.receipts.get((shipment, fnsku), 0) if fnsku else 0)
        short = r.shipped - received
        if short <= 0:
            continue
        closed = r.status in ("CLOSED", "")
        event = r.delivered or data.first_receipt.get(shipment) or r.closed or r.shipped_on
        key = fnsku or f"sku:{r.sku.upper()}"
        shortfalls.append(
            (not closed, event or date.max, shipment, key, short, r.status, r.shipped_on)
        )
        info[(shipment, key)] = (r.sku, r.status, event, r.shipped, received)
    remaining = {(s[2], s[3]): s[4] for s in shortfalls}
    shortfalls.sort()
    of_item: dict[str, list[tuple[bool, date, str, str, int, str, date | None]]] = {}
    for s in shortfalls:  # in their sorted order, per item: a payment only meets its item's
        of_item.setdefault(s[3], []).append(s)
    for (kind, fnsku), entries in paid.by_kind.items():
        if kind != "LOST_INBOUND" or fnsku not in of_item:
            continue
        for approved, _rid, units, order in entries:
            named = order.upper() if order.upper().startswith("FBA") else ""
            for _open, _ev, shipment, key, _short, _st, shipped_on in of_item[fnsku]:
                if units <= 0:
                    break
                if named and shipment != named:
                    continue
                if approved is not None and shipped_on is not None and approved < shipped_on:
                    continue
                take = min(units, remaining[(shipment, key)])
                remaining[(shipment, key)] -= take
                units -= take
    findings = []
    for (shipment, key), left in remaining.items():
        if left <= 0:
            continue
        sku, status, event, shipped, received = info[(shipment, key)]
        known = "" if key.startswith("sku:") else key
        f = Finding(
            rule="inbound-shortfall",
            ids={"shipment_id": shipment, "fnsku": known or None},
            quantity=left,
            event_date=event,
            marketplace="",
            details={
                "sku": sku,
                "shipment_status": status or "unknown",
                "shipped": shipped,
                "received": received,
            },  # fmt: skip
        )
        if status not in ("CLOSED", ""):
            f.status = "too-early"
            f.notes.append(wn("note.receiving", status=status))
        _value(f, data, paid, known, sku, "")
        findings.append(f)
    return findings


def refunds(data: Collected, paid: Paid) -> list[Finding]:
    findings = []
    for (order, sku_key), ref in sorted(data.refunds.items()):
        channel = data.order_channel.get(order, "")
        if "MFN" in ref.fulfillment or channel == "MERCHANT":
            continue
        if "AFN" not in ref.fulfillment and channel != "AMAZON":
            continue
        if (order, sku_key) in data.returned or (not sku_key and order in data.returned_orders):
            continue
        if order in paid.orders:
            continue
        refunded = abs(ref.principal if ref.has_principal else ref.item_price)
        line = data.order_lines.get((order, sku_key))
        quantity = ref.quantity or 1
        if ref.quantity is None and line is not None and line.quantity and line.item_price:
            per_unit = line.item_price / line.quantity
            if per_unit > 0 and refunded > 0:
                guess = int((refunded / per_unit).to_integral_value())
                quantity = max(1, min(line.quantity, guess))
        currency = ref.currency or (line.currency if line else "")
        f = Finding(
            rule="refund-not-returned",
            ids={"order_id": order, "sku": ref.sku or None},
            quantity=quantity,
            event_date=ref.first,
            marketplace=ref.marketplace_name,
            amount=refunded.quantize(Decimal("0.01")) if refunded else None,
            currency=currency,
            details={"fnsku": data.sku_fnsku.get(sku_key, ""), "refund_date": ref.first},
        )
        findings.append(f)
    return findings
