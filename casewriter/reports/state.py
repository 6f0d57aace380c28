"""What the rules need from the reports, gathered while rows stream past.

``Collected`` keeps only keyed candidate events (far fewer than rows): claim-coded ledger
adjustments by FNSKU + Reference ID (overlapping downloads count once; the more reconciled copy
wins, since reconciliation only grows), receipts per shipment, reimbursement rows (de-duplicated
across overlapping downloads), returns, refund rows, payments inside settlements (de-duplicated
the same way; ``payments()`` merges them with the Reimbursements report, each payment once),
Amazon's shipments of refunded orders and damaged returns (proof for those cases), and per-SKU prices.

Only ``Adjustments`` rows can be claims, and only when they carry an Unreconciled Quantity
(rule 2 of design/reports.md). Claim-coded rows without one (the retired Inventory Adjustments
report, which has no such column, or a ledger cell left blank) are counted for a note, never
claimed: nothing in the files shows the units are still unreconciled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from casewriter.reports.fee_state import FeeData
from casewriter.reports.money_state import MoneyState
from casewriter.reports.payments import Payment, from_report, from_settlements, merge
from casewriter.reports.records import (
    CLAIM_DAMAGED,
    CLAIM_LOST,
    NEVER,
    RECONCILING,
    InboundRow,
    LedgerRow,
    OrderRow,
    Receipt,
    Reimbursement,
    SettlementRow,
)
from casewriter.reports.settlement import settlement_rules
from casewriter.reports.shipments import FulfilledShipment

_CENT = Decimal("0.01")


@dataclass
class Refund:
    """Refund/ItemPrice rows of one order + SKU."""

    order_id: str
    sku: str
    first: date | None = None
    principal: Decimal = Decimal(0)
    item_price: Decimal = Decimal(0)
    has_principal: bool = False
    fulfillment: set[str] = field(default_factory=set)
    quantity: int | None = None
    currency: str = ""
    marketplace_name: str = ""
    lines: list[str] = field(default_factory=list)


@dataclass
class Collected:
    events: dict[tuple[str, str], LedgerRow] = field(default_factory=dict)
    #: claim-coded rows with no Unreconciled Quantity: {"legacy"|"ledger": (FNSKU, ref) keys}
    unverifiable: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    unknown_codes: Counter[str] = field(default_factory=Counter)
    receipts: Counter[tuple[str, str]] = field(default_factory=Counter)
    first_receipt: dict[str, date] = field(default_factory=dict)
    reimbursements: Counter[tuple[str, ...]] = field(default_factory=Counter)
    reimbursement_rows: dict[tuple[str, ...], Reimbursement] = field(default_factory=dict)
    returned: set[tuple[str, str]] = field(default_factory=set)
    returned_orders: set[str] = field(default_factory=set)
    refunds: dict[tuple[str, str], Refund] = field(default_factory=dict)
    refund_rows: Counter[tuple[object, ...]] = field(default_factory=Counter)
    settlement_currency: dict[str, str] = field(default_factory=dict)
    order_channel: dict[str, str] = field(default_factory=dict)
    order_lines: dict[tuple[str, str], OrderRow] = field(default_factory=dict)
    unit_price: dict[str, tuple[Decimal, str]] = field(default_factory=dict)
    inbound: dict[tuple[str, str], InboundRow] = field(default_factory=dict)
    sku_fnsku: dict[str, str] = field(default_factory=dict)
    countries: Counter[str] = field(default_factory=Counter)
    currencies: Counter[str] = field(default_factory=Counter)
    refund_orders: set[str] = field(default_factory=set)
    #: reimbursements inside settlements (line numbers zeroed), counted once per download
    settlement_payments: Counter[SettlementRow] = field(default_factory=Counter)
    #: orders a settlement shows a payment for a unit for (REVERSAL_REIMBURSEMENT …; not a fee
    #: correction: ``not_for_units`` of data/settlement.toml)
    settlement_paid_orders: set[str] = field(default_factory=set)
    #: settlement id → (layout, file, a few (kind, order, SKU) it counts) of the copy its rows
    #: were kept from: the same settlement in the other layout (Flat File and Flat File V2) is
    #: read once (``settlement_state``)
    settlement_copies: dict[str, tuple[str, Path, frozenset[tuple[str, str, str]]]] = field(
        default_factory=dict
    )
    #: settlement files of both layouts are scanned (only then can one be the other's copy)
    both_layouts: bool = False
    #: what reading itself has to say (a settlement given in both layouts), for the scan's notes
    notes: list[str] = field(default_factory=list)
    #: Amazon's shipments of refunded orders and damaged returns, by order id (their proof)
    shipments: dict[str, list[FulfilledShipment]] = field(default_factory=dict)
    #: what the fee and stranded rules keep (measurements, Fee Preview, storage, fee charges)
    fees: FeeData = field(default_factory=FeeData)
    #: what the money rules keep (removals, damaged returns, charges, prices, costs …)
    money: MoneyState = field(default_factory=MoneyState)
    _receipt_keys: dict[tuple[object, ...], int] = field(default_factory=dict)
    #: (price, quantity, currency) → (unit price, currency), each worked out once
    _per_unit: dict[tuple[Decimal, int, str], tuple[Decimal, str]] = field(default_factory=dict)

    # -- ledger and legacy adjustments -------------------------------------------------
    def ledger_row(
        self, row: LedgerRow, receipt_counter: Counter[tuple[object, ...]], legacy: bool = False
    ) -> None:
        if row.fnsku and row.sku:
            self.sku_fnsku.setdefault(row.sku.upper(), row.fnsku)
        if row.country:
            self.countries[row.country] += 1
        if not row.reason:  # a Receipts row (asked for when an inbound file is scanned)
            if row.event == "RECEIPTS" and row.reference_id:
                receipt = (row.reference_id.upper(), row.fnsku, row.date, row.quantity, row.fc)
                receipt_counter[receipt] += 1
            return
        if row.event and not row.event.startswith("ADJUSTMENT"):
            return  # reason text on a Shipments/CustomerReturns… row is not an adjustment code
        code = row.reason
        key = (row.fnsku, row.reference_id or f"{row.date}:{row.line}")
        if code in CLAIM_LOST or code in CLAIM_DAMAGED:
            if row.unreconciled is None:
                self.unverifiable.setdefault("legacy" if legacy else "ledger", set()).add(key)
                return
            old = self.events.get(key)
            if old is None or _more_reconciled(row, old):
                self.events[key] = row
        elif code not in RECONCILING and code not in NEVER:
            self.unknown_codes[code] += 1

    def merge_receipts(self, counter: Counter[tuple[object, ...]]) -> None:
        """One file's receipts; identical rows in two files count once (max of the two)."""
        for key, n in counter.items():
            self._receipt_keys[key] = max(self._receipt_keys.get(key, 0), n)

    def finish_receipts(self) -> None:
        for (shipment, fnsku, when, qty, _fc), n in self._receipt_keys.items():
            assert isinstance(shipment, str) and isinstance(fnsku, str) and isinstance(qty, int)
            self.receipts[(shipment, fnsku)] += qty * n
            if isinstance(when, date):
                first = self.first_receipt.get(shipment)
                self.first_receipt[shipment] = when if first is None else min(first, when)

    def legacy_receipt(self, r: Receipt, counter: Counter[tuple[object, ...]]) -> None:
        if r.shipment_id:
            counter[(r.shipment_id, r.fnsku, r.date, r.quantity, "legacy")] += 1
        if r.sku and r.fnsku:
            self.sku_fnsku.setdefault(r.sku.upper(), r.fnsku)

    # -- reimbursements, returns, orders, settlement, inbound -------------------------
    def reimbursement_file(self, rows: Counter[tuple[str, ...]]) -> None:
        for key, n in rows.items():
            self.reimbursements[key] = max(self.reimbursements[key], n)

    def reimbursement(self, r: Reimbursement, counter: Counter[tuple[str, ...]]) -> None:
        counter[r.key] += 1
        self.reimbursement_rows.setdefault(r.key, r)
        if r.sku and r.fnsku:
            self.sku_fnsku.setdefault(r.sku.upper(), r.fnsku)
        if r.currency:
            self.currencies[r.currency] += 1

    def settlement_file(
        self, counter: Counter[tuple[object, ...]], payments: Counter[SettlementRow] | None = None
    ) -> None:
        for key, n in counter.items():
            self.refund_rows[key] = max(self.refund_rows[key], n)
        not_for_units = settlement_rules().not_for_units
        for row, n in (payments or Counter()).items():
            self.settlement_payments[row] = max(self.settlement_payments[row], n)
            if row.order_id and row.payment not in not_for_units:
                self.settlement_paid_orders.add(row.order_id)

    def payments(self, match_days: int) -> list[Payment]:
        """Every payment to the seller, from either report, each counted once."""
        report = [(self.reimbursement_rows[k], n) for k, n in self.reimbursements.items()]
        settled = from_settlements(self.settlement_payments.items(), self.settlement_currency)
        return merge(from_report(report), settled, match_days)

    def settled_only(self, match_days: int) -> list[Payment]:
        """The payments seen only inside a settlement (``payments`` whose source is the
        settlement): only report rows of the same order and SKU can match one, so only those
        are looked at (a Reimbursements report has thousands of rows)."""
        settled = from_settlements(self.settlement_payments.items(), self.settlement_currency)
        items = {(p.order_id, p.sku.upper()) for p in settled}
        rows = self.reimbursement_rows
        report = [(rows[k], n) for k, n in self.reimbursements.items()
                  if (rows[k].order_id, rows[k].sku.upper()) in items]  # fmt: skip
        return [p for p in merge(from_report(report), settled, match_days)
                if p.source == "settlement"]  # fmt: skip

    def shipment(self, s: FulfilledShipment) -> None:
        """Amazon's shipment of an order: proof for a refunded order or a damaged return (the
        orders a finding can name)."""
        if s.order_id in self.refund_orders or s.order_id in self.money.watch_orders:
            self.shipments.setdefault(s.order_id, []).append(s)

    def finish_refunds(self) -> None:
        """Fold the de-duplicated refund rows into one ``Refund`` per order + SKU (idempotent)."""
        self.refunds = {}
        for key, n in self.refund_rows.items():
            sid, order, sku, desc, amount, posted, fid, qty, cur, mname = key
            assert isinstance(order, str) and isinstance(sku, str)
            ref = self.refunds.setdefault((order, sku.upper()), Refund(order, sku))
            if isinstance(posted, date) and (ref.first is None or posted < ref.first):
                ref.first = posted
            value = (amount if isinstance(amount, Decimal) else Decimal(0)) * n
            ref.item_price += value
            if desc == "PRINCIPAL":
                ref.principal += value
                ref.has_principal = True
            if isinstance(fid, str) and fid:
                ref.fulfillment.add(fid)
            if isinstance(qty, int) and qty > 0:
                ref.quantity = max(ref.quantity or 0, qty)
            ref.currency = ref.currency or str(cur) or self.settlement_currency.get(str(sid), "")
            ref.marketplace_name = ref.marketplace_name or str(mname)
        self.refund_orders = {k[0] for k in self.refunds}

    def order_line(self, o: OrderRow) -> None:
        """A line of a refunded order (All Orders, Fulfilled Shipments): its channel (the
        latest line's) and its first line per SKU."""
        self.order_channel[o.order_id] = o.channel
        self.order_lines.setdefault((o.order_id, o.sku.upper()), o)

    def unit_price_of(self, o: OrderRow) -> None:
        """The SKU's and ASIN's latest unit price: this line's, when it has one
        (``order_lines.py`` gives the lines in row order)."""
        price, quantity = o.item_price, o.quantity
        if price is None or not quantity or quantity <= 0 or price <= 0:
            return
        key = (price, quantity, o.currency)
        value = self._per_unit.get(key)  # prices repeat: divide each once
        if value is None:
            value = ((price / quantity).quantize(_CENT), o.currency)
            if len(self._per_unit) < 1 << 14:
                self._per_unit[key] = value
        if o.sku:
            self.unit_price[o.sku.upper()] = value
        if o.asin:
            self.unit_price[o.asin] = value

    def inbound_row(self, r: InboundRow) -> None:
        if r.sku and r.fnsku:
            self.sku_fnsku.setdefault(r.sku.upper(), r.fnsku)
        key = (r.shipment_id, r.fnsku or r.sku.upper())
        old = self.inbound.get(key)
        if old is None:
            self.inbound[key] = r
            return
        status = "CLOSED" if "CLOSED" in (old.status, r.status) else (r.status or old.status)
        self.inbound[key] = old._replace(
            shipped=max(old.shipped, r.shipped),
            received=max(old.received, r.received),
            status=status,
            delivered=old.delivered or r.delivered,
            closed=old.closed or r.closed,
            shipped_on=old.shipped_on or r.shipped_on,
            sku=old.sku or r.sku,
        )


def _more_reconciled(new: LedgerRow, old: LedgerRow) -> bool:
    assert new.unreconciled is not None and old.unreconciled is not None
    return abs(new.unreconciled) < abs(old.unreconciled)
