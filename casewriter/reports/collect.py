"""Read the sniffed reports into ``Collected``: each file streamed once, in dependency order.

Owns ``READERS`` (report type → its typed reader: every type ``sniff`` recognises has one) and
``collect(infos)``. Files are read in dependency order (measurements, Fee Preview, stranded,
storage fees, inbound, reimbursements, returns, settlements, All Orders, Fulfilled Shipments,
legacy files, ledger, then the rest) so each large file is filtered against what the small ones
already told us. A file that stops being readable part way (``ReportError``) keeps the rows
read before the break, is listed as read in part, and the others are still read; when the break
is another kind of report joined after it (``JoinedReport``), that report is read too, right
after (the file stays "read in part": split it to be sure). Reports
whose figures no rule uses yet are read for the few columns the scan uses (``light.py``: the
SKU ↔ FNSKU map, the ledger summary's Found units) and their rows counted; settlement rows no
rule reads (fees) are skipped before their amounts are parsed (the FBA fulfilment fee rows are
read once the seller's measurements are known: the fee and measurement files come first;
``settlement_state.py`` keeps what each rule needs of a settlement), and Fulfilled Shipments
rows of orders no rule looks at are read as order lines only.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from casewriter.errors import ReportError
from casewriter.reports import light
from casewriter.reports import records as rec
from casewriter.reports.costs import read_costs
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
from casewriter.reports.money_data import money_rules
from casewriter.reports.order_lines import read_all_orders, read_shipped_orders
from casewriter.reports.planning import read_planning
from casewriter.reports.readers import JoinedReport, Progress, Warnings, iter_cells
from casewriter.reports.removals import read_removal_orders, read_removal_shipments
from casewriter.reports.seller_returns import read_seller_returns
from casewriter.reports.settlement import read_settlement
from casewriter.reports.settlement_state import read_settlement_file
from casewriter.reports.shipments import read_fulfilled_shipments
from casewriter.reports.signatures import REPORT_TYPES
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.state import Collected

Reader = Callable[[ReportInfo, Warnings, Progress | None], Iterator[Any]]


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
    "removal-order-detail": read_removal_orders,
    "removal-shipment-detail": read_removal_shipments,
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
    "manufacturing-costs": read_costs,
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
    out.data.both_layouts = {"settlement-v2", "settlement-flat"} <= {i.type for i in infos}
    with gc_paused():
        _read_all(infos, ordered, out, progress, want_receipts)
    out.data.finish_refunds()
    out.data.finish_receipts()
    out.data.fees.finish_charges()
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Reading makes millions of small, acyclic objects (rows, records) and keeps many of
    them; the cyclic garbage collector would walk the growing heap again and again for nothing
    (a third of the time of a million-row scan), so ``scan`` pauses it while it reads and
    applies the rules, and restores it after."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _read_all(
    infos: list[ReportInfo],
    ordered: list[int],
    out: Collection,
    progress: Progress | None,
    want_receipts: bool,
) -> None:
    for i in ordered:
        info = infos[i]
        if info.type in ("all-orders", "fulfilled-shipments"):
            out.data.finish_refunds()
        before = out.warnings.rows
        part: ReportInfo | None = info
        while part is not None:
            now, part = part, None
            try:
                _read(now, out.data, out.warnings, progress, want_receipts)
            except JoinedReport as exc:  # read in part; the report joined after it read too
                out.partial.append(Partial(now.path, now.type, exc.message))
                part = exc.rest
            except ReportError as exc:
                out.partial.append(Partial(now.path, now.type, exc.message))
        out.rows[i] = out.warnings.rows - before


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
        damaged = money_rules().damaged_dispositions
        for ret in rec.read_returns(info, warnings, progress):
            data.returned.add((ret.order_id, ret.sku.upper()))
            data.returned_orders.add(ret.order_id)
            data.money.customer_return(ret, damaged)
            if ret.sku and ret.fnsku:
                data.sku_fnsku.setdefault(ret.sku.upper(), ret.fnsku)
    elif t in ("settlement-v2", "settlement-flat"):
        read_settlement_file(info, data, warnings, progress)
    elif t == "all-orders":
        read_all_orders(info, data, warnings, progress)
    elif t == "fulfilled-shipments":
        # every row is an order line; a row of an order a rule may show as proof (refunded, or a
        # damaged return's) is kept whole too
        read_shipped_orders(info, data, warnings, progress)
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
                if row.reason == "F":
                    data.money.found_units(row.fnsku, row.date)
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
    elif t == "ledger-summary":
        for sku, fnsku, location, period, found in light.ledger_summary(info, warnings, progress):
            if sku:
                data.sku_fnsku.setdefault(sku.upper(), fnsku)
            if location:
                data.countries[location] += 1
            if found:
                data.money.found_units(fnsku, month_end(period))
    elif t in light.ITEM_COLUMNS:  # figures no rule reads: the item columns only
        for sku, fnsku in light.items(info, warnings, progress):
            if sku and fnsku:
                data.sku_fnsku.setdefault(sku.upper(), fnsku)
    elif t in _SKU_MAPS:
        keep = getattr(data.fees, _FEE_KEEP[t]) if t in _FEE_KEEP else None
        for item in READERS[t](info, warnings, progress):
            sku, fnsku = getattr(item, "sku", ""), getattr(item, "fnsku", "")
            if sku and fnsku:
                data.sku_fnsku.setdefault(sku.upper(), fnsku)
            if keep is not None:
                keep(item)
            if t == "manage-inventory":
                data.money.researching_units(item.fnsku, item.sku, item.afn_researching)
    elif t == "removal-order-detail":
        for line in read_removal_orders(info, warnings, progress):
            data.money.removal_line(line)
    elif t == "removal-shipment-detail":
        for package in read_removal_shipments(info, warnings, progress):
            data.money.removal_package(package)
    elif t == "manufacturing-costs":
        for cost in read_costs(info, warnings, progress):
            data.money.cost(cost)
    elif t == "seller-returns":  # seller-fulfilled: no FBA rule reads them; counted
        for _ in iter_cells(info, warnings, progress):
            pass
    else:  # a type no rule reads: its rows counted
        for _ in iter_cells(info, warnings, progress):
            pass


def month_end(day: date) -> date:
    """The last day of a summary period that starts on the 1st (a month), else the day."""
    if day.day != 1:
        return day
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)
