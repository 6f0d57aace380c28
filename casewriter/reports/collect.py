"""Read the sniffed reports into ``Collected``: each file streamed once, in dependency order.

Owns ``READERS`` (report type → its typed reader: every type ``sniff`` recognises has one) and
``collect(infos)``. Files are read in dependency order (inbound, reimbursements, returns,
settlements, All Orders, Fulfilled Shipments, legacy files, ledger, then the rest) so each large
file is filtered against what the small ones already told us. A file that stops being readable
part way (``ReportError``) keeps the rows read before the break, is listed as read in part, and
the others are still read. Reports whose figures no rule uses yet are still read through their
typed reader, so their bad rows are warned about and their rows counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casewriter.errors import ReportError
from casewriter.reports import records as rec
from casewriter.reports.fees import read_fee_preview, read_storage_fees
from casewriter.reports.inventory import (
    read_afn_inventory,
    read_inventory_events,
    read_ledger_summary,
    read_manage_inventory,
    read_restock,
    read_stranded,
)
from casewriter.reports.measurements import read_measurements
from casewriter.reports.planning import read_planning
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.seller_returns import read_seller_returns
from casewriter.reports.settlement import read_settlement
from casewriter.reports.shipments import read_fulfilled_shipments
from casewriter.reports.signatures import REPORT_TYPES
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.state import Collected

Reader = Callable[[ReportInfo, Warnings, Progress | None], Iterator[Any]]


def _cells(info: ReportInfo, warnings: Warnings, progress: Progress | None) -> Iterator[Any]:
    return iter_cells(info, warnings, progress)


#: report type → the reader that streams its typed records
READERS: dict[str, Reader] = {
    "ledger-detail": rec.read_ledger,
    "ledger-summary": read_ledger_summary,
    "reimbursements": rec.read_reimbursements,
    "customer-returns": rec.read_returns,
    "all-orders": rec.read_orders,
    "fulfilled-shipments": read_fulfilled_shipments,
    "settlement-v2": read_settlement,
    "settlement-flat": read_settlement,
    "removal-order-detail": _cells,  # read by the removal rules of a later round
    "removal-shipment-detail": _cells,
    "inbound-shipment-items": rec.read_inbound,
    "fee-preview": read_fee_preview,
    "storage-fees": read_storage_fees,
    "inventory-planning": read_planning,
    "manage-inventory": read_manage_inventory,
    "stranded-inventory": read_stranded,
    "restock": read_restock,
    "seller-returns": read_seller_returns,
    "afn-inventory": read_afn_inventory,
    "legacy-adjustments": rec.read_legacy_adjustments,
    "legacy-receipts": rec.read_legacy_receipts,
    "legacy-inventory-events": read_inventory_events,
    "seller-measurements": read_measurements,
}
assert set(READERS) == set(REPORT_TYPES)

_ORDER = ("seller-measurements", "fee-preview", "stranded-inventory", "storage-fees",
          "inbound-shipment-items", "reimbursements", "customer-returns", "settlement-v2",
          "settlement-flat", "all-orders", "fulfilled-shipments", "legacy-receipts",
          "legacy-inventory-events", "legacy-adjustments", "ledger-detail")  # fmt: skip
_SKU_MAPS = frozenset({"ledger-summary", "legacy-inventory-events", "manage-inventory",
                       "stranded-inventory", "restock", "afn-inventory", "inventory-planning",
                       "fee-preview"})  # fmt: skip
#: reports the fee and stranded rules keep records of (``Collected.fees``)
_FEE_KEEP = {"fee-preview": "preview", "stranded-inventory": "stranded_item"}


@dataclass
class Partial:
    """A report that could not be read to its end (rows before the break were used)."""

    path: Path
    type: str
    reason: str


@dataclass
class Collection:
    data: Collected = field(default_factory=Collected)
    warnings: Warnings = field(default_factory=Warnings)
    rows: dict[int, int] = field(default_factory=dict)  # index in ``infos`` → data rows read
    partial: list[Partial] = field(default_factory=list)


def collect(infos: list[ReportInfo], progress: Progress | None = None) -> Collection:
    """Stream every report once into one ``Collected``."""
    rank = {t: i for i, t in enumerate(_ORDER)}
    ordered = sorted(range(len(infos)), key=lambda i: (rank.get(infos[i].type, 99), i))
    out = Collection()
    want_receipts = any(i.type == "inbound-shipment-items" for i in infos)
    for i in ordered:
        info = infos[i]
        if info.type in ("all-orders", "fulfilled-shipments"):
            out.data.finish_refunds()
        before = out.warnings.rows
        try:
            _read(info, out.data, out.warnings, progress, want_receipts)
        except ReportError as exc:
            out.partial.append(Partial(info.path, info.type, exc.message))
        out.rows[i] = out.warnings.rows - before
    out.data.finish_refunds()
    out.data.finish_receipts()
    out.data.fees.finish_charges()
    return out


def _read(info: ReportInfo, data: Collected, warnings: Warnings, progress: Progress | None,
          want_receipts: bool) -> None:  # fmt: skip
    t = info.type
    if t == "inbound-shipment-items":
        for r in rec.read_inbound(info, warnings, progress):
            data.inbound_row(r)
    elif t == "reimbursements":
        seen: Counter[tuple[str, ...]] = Counter()
        try:
            for m in rec.read_reimbursements(info, warnings, progress):
                data.reimbursement(m, seen)
        finally:
            data.reimbursement_file(seen)
    elif t == "customer-returns":
        for ret in rec.read_returns(info, warnings, progress):
            data.returned.add((ret.order_id, ret.sku.upper()))
            data.returned_orders.add(ret.order_id)
            if ret.sku and ret.fnsku:
                data.sku_fnsku.setdefault(ret.sku.upper(), ret.fnsku)
    elif t in ("settlement-v2", "settlement-flat"):
        rows: Counter[tuple[object, ...]] = Counter()
        paid: Counter[rec.SettlementRow] = Counter()
        fee_rows: Counter[tuple[object, ...]] = Counter()
        fees = data.fees
        try:
            for s in read_settlement(info, warnings, progress):
                data.refund_row(s, rows)
                data.payment_row(s, paid)
                if s.payment or fees.measurements:  # fee rows only matter for measured SKUs
                    fees.settlement_row(s, fee_rows)
        finally:
            data.settlement_file(rows, paid)
            data.fees.settlement_file(fee_rows)
    elif t == "all-orders":
        for o in rec.read_orders(info, warnings, progress):
            data.order(o)
    elif t == "fulfilled-shipments":
        for sh in read_fulfilled_shipments(info, warnings, progress):
            price = sh.item_price.amount if sh.item_price else None
            channel = "MERCHANT" if sh.channel in ("MERCHANT", "MFN") else "AMAZON"
            data.order(rec.OrderRow(sh.order_id, sh.sku, "", channel, sh.quantity, sh.currency,
                                    price, sh.ship_country))  # fmt: skip
            data.shipment(sh)
    elif t == "legacy-receipts":
        receipts: Counter[tuple[object, ...]] = Counter()
        try:
            for r2 in rec.read_legacy_receipts(info, warnings, progress):
                data.legacy_receipt(r2, receipts)
        finally:
            data.merge_receipts(receipts)
    elif t in ("legacy-adjustments", "ledger-detail"):
        counter: Counter[tuple[object, ...]] = Counter()
        if t == "legacy-adjustments":
            rows_in = rec.read_legacy_adjustments(info, warnings, progress)
        else:
            rows_in = rec.read_ledger(info, warnings, progress, receipts=want_receipts)
        try:
            for row in rows_in:
                data.ledger_row(row, counter, t == "legacy-adjustments")
        finally:
            data.merge_receipts(counter)
    elif t == "seller-measurements":
        for size in read_measurements(info, warnings, progress):
            data.fees.measurement(size)
    elif t == "storage-fees":
        for fee in read_storage_fees(info, warnings, progress):
            data.fees.storage(fee)
            if fee.country:
                data.countries[fee.country] += 1
    elif t in _SKU_MAPS:
        keep = getattr(data.fees, _FEE_KEEP[t]) if t in _FEE_KEEP else None
        for item in READERS[t](info, warnings, progress):
            sku, fnsku = getattr(item, "sku", ""), getattr(item, "fnsku", "")
            if sku and fnsku:
                data.sku_fnsku.setdefault(sku.upper(), fnsku)
            if t == "ledger-summary" and item.location:
                data.countries[item.location] += 1
            if keep is not None:
                keep(item)
    else:  # removal reports, seller-fulfilled returns: read and counted
        for _ in READERS[t](info, warnings, progress):
            pass
