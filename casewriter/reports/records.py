"""Typed records read from each report type, streamed and filtered to what the rules use.

Each ``read_<type>`` yields small NamedTuples with parsed dates (``date``), amounts
(``Decimal``) and unit counts (``int``). The ledger reader keeps only ``Adjustments`` rows with
a reason code (and ``Receipts`` rows when asked) and touches nothing else on the other rows, so
a million-row ledger streams at close to the speed of a bare ``csv`` pass.

Size: ~330 lines, one record type and one streaming reader per report type; the NamedTuples
(~100 lines) could move to a module of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple, TypeVar

from casewriter.reports.readers import Cells, Progress, Skip, Warnings, iter_cells
from casewriter.reports.row_words import missing, rw
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.values import (
    ledger_date,
    norm,
    parse_count,
    parse_date,
    parse_decimal,
    parse_int,
)

T = TypeVar("T")


class LedgerRow(NamedTuple):
    line: int
    date: date
    fnsku: str
    sku: str
    asin: str
    event: str  # normalized: ADJUSTMENTS, RECEIPTS
    reference_id: str
    quantity: int
    reason: str  # normalized code: M, 5, E, F, ...
    country: str
    reconciled: int | None
    unreconciled: int | None  # None when the report has no such column (legacy)
    fc: str


class Reimbursement(NamedTuple):
    line: int
    approval_date: date | None
    reimbursement_id: str
    case_id: str
    order_id: str
    reason: str  # normalized: LOST_WAREHOUSE, REIMBURSEMENT_REVERSAL, ...
    sku: str
    fnsku: str
    currency: str
    amount_per_unit: Decimal | None
    amount_total: Decimal | None
    quantity: int  # quantity-reimbursed-total
    original_id: str
    original_type: str
    key: tuple[str, ...]  # every cell, for de-duplicating overlapping downloads
    quantity_cash: int | None = None  # quantity-reimbursed-cash (units paid in money)


class ReturnRow(NamedTuple):
    order_id: str
    sku: str
    fnsku: str
    returned: date | None = None  # return-date
    quantity: int = 1
    disposition: str = ""  # detailed-disposition, normalized: SELLABLE, CARRIER_DAMAGED, ...
    status: str = ""  # normalized: UNIT_RETURNED_TO_INVENTORY, REIMBURSED, ...
    reason: str = ""  # the customer's return reason, normalized
    lpn: str = ""
    fc: str = ""
    asin: str = ""


class OrderRow(NamedTuple):
    order_id: str
    sku: str
    asin: str
    channel: str  # normalized: AMAZON, MERCHANT
    quantity: int | None
    currency: str
    item_price: Decimal | None
    country: str


class SettlementRow(NamedTuple):
    line: int
    settlement_id: str
    currency: str
    transaction_type: str  # normalized: REFUND, ORDER, ...
    order_id: str
    amount_type: str  # normalized: ITEMPRICE
    description: str  # normalized: PRINCIPAL, TAX, ...
    amount: Decimal | None
    fulfillment_id: str  # normalized: AFN, MFN
    posted: date | None
    sku: str
    quantity: int | None
    marketplace_name: str
    payment: str = ""  # a reimbursement inside the settlement: its kind (WAREHOUSE_DAMAGE …)


class InboundRow(NamedTuple):
    line: int
    shipment_id: str
    sku: str
    fnsku: str
    shipped: int
    received: int
    status: str  # normalized: CLOSED, RECEIVING, ... ('' when the file has no status)
    delivered: date | None
    closed: date | None
    shipped_on: date | None


class Receipt(NamedTuple):
    shipment_id: str
    fnsku: str
    sku: str
    quantity: int
    date: date | None


#: Ledger reason codes the rules look at (claimable, reconciling and never-flag).
CLAIM_LOST = frozenset({"M", "5"})
CLAIM_DAMAGED = frozenset({"6", "7", "E", "H", "K", "U"})
RECONCILING = frozenset({"F", "N"})
NEVER = frozenset({"O", "P", "Q", "D", "G", "3", "4"})


def read_ledger(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None, receipts: bool = False
) -> Iterator[LedgerRow]:
    """Adjustment rows that carry a reason code (and Receipts rows when ``receipts``)."""
    c = Cells(info)
    i_reason, i_event = c.index("reason"), c.index("eventtype")
    i_date, i_dt = c.index("date"), c.index("dateandtime")
    i_fnsku, i_sku, i_asin = c.index("fnsku"), c.index("msku", "sku"), c.index("asin")
    i_ref, i_qty, i_country = c.index("referenceid"), c.index("quantity"), c.index("country")
    i_rec, i_unrec, i_fc = (
        c.index("reconciledquantity"),
        c.index("unreconciledquantity"),
        c.index("fulfillmentcenter"),
    )
    get = c.get
    need = max(i_reason, i_event, i_qty)

    # rows with no reason code (and, unless receipts are wanted, any event) are dropped unread
    def unread(cells: tuple[str, ...]) -> bool:
        return not norm(cells[0]) and (not receipts or norm(cells[1]) != "RECEIPTS")

    drop = Skip((i_reason, i_event), need + 1, unread) if min(i_reason, i_event) >= 0 else None
    for line, row in iter_cells(info, warnings, progress, drop):
        if len(row) <= need:
            warnings.row(info, line, rw("row.columns", n=len(row)))
            continue
        reason = row[i_reason]
        if reason:
            reason = norm(reason)
        if not reason:
            if not receipts or norm(row[i_event]) != "RECEIPTS":
                continue
        try:
            when = ledger_date(get(row, i_date), get(row, i_dt))
            qty = parse_int(row[i_qty])
            rec = parse_int(get(row, i_rec)) if i_rec >= 0 else None
            unrec = parse_int(get(row, i_unrec)) if i_unrec >= 0 else None
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if when is None or qty is None:
            warnings.row(info, line, rw("row.no_date_quantity"))
            continue
        yield LedgerRow(
            line, when, get(row, i_fnsku).upper(), get(row, i_sku), get(row, i_asin).upper(),
            norm(row[i_event]), get(row, i_ref), qty, reason, get(row, i_country).upper(),
            rec, unrec, get(row, i_fc),
        )  # fmt: skip


def read_legacy_adjustments(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[LedgerRow]:
    """Legacy Inventory Adjustments rows as ledger adjustments (transaction-item-id as ref)."""
    c = Cells(info)
    idx = [c.index(k) for k in ("adjusteddate", "fnsku", "sku", "transactionitemid", "quantity",
                                "reason", "fulfillmentcenterid")]  # fmt: skip
    for line, row in iter_cells(info, warnings, progress):
        when_s, fnsku, sku, ref, qty_s, reason, fc = (c.get(row, i) for i in idx)
        try:
            when, qty = parse_date(when_s), parse_int(qty_s)
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if when is None or qty is None or not reason:
            warnings.row(info, line, rw("row.no_date_quantity_reason"))
            continue
        yield LedgerRow(line, when, fnsku.upper(), sku, "", "ADJUSTMENTS", ref, qty, norm(reason),
                        "", None, None, fc)  # fmt: skip


def read_reimbursements(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[Reimbursement]:
    c = Cells(info)
    names = ("approvaldate", "reimbursementid", "caseid", "amazonorderid", "reason", "sku",
             "fnsku", "currencyunit", "amountperunit", "amounttotal", "quantityreimbursedtotal",
             "originalreimbursementid", "originalreimbursementtype",
             "quantityreimbursedcash", "quantityreimbursedinventory")  # fmt: skip
    pick = c.picker([c.index(n) for n in names])
    for line, row in iter_cells(info, warnings, progress):
        v = pick(row)
        try:
            approved, per_unit, total = parse_date(v[0]), parse_decimal(v[8]), parse_decimal(v[9])
            qty = parse_int(v[10])
            if qty is None and (v[13] or v[14]):  # total left blank: cash + inventory
                qty = (parse_int(v[13]) or 0) + (parse_int(v[14]) or 0)
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if not v[1] or qty is None:
            warnings.row(info, line, missing("reimbursement-id", "quantity-reimbursed-total"))
            continue
        cash = _lenient(parse_int, v[13])
        yield Reimbursement(
            line, approved, v[1], v[2], v[3], norm(v[4]), v[5], v[6].upper(), v[7].upper(),
            per_unit, total, qty, v[11], norm(v[12]), tuple(map(str.strip, row)), cash,
        )  # fmt: skip


def read_returns(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[ReturnRow]:
    c = Cells(info)
    names = ("orderid", "sku", "fnsku", "returndate", "quantity", "detaileddisposition", "status",
             "reason", "licenseplatenumber", "fulfillmentcenterid", "asin")  # fmt: skip
    pick = c.picker([c.index(n) for n in names])
    for line, row in iter_cells(info, warnings, progress):
        v = pick(row)
        if not v[0]:
            warnings.row(info, line, missing("order-id"))
            continue
        # a bad date or quantity still leaves a return of this order (the refund rule needs
        # it): the cell is read as unknown, never the row dropped
        returned, qty = _lenient(parse_date, v[3]), _lenient(parse_int, v[4])
        yield ReturnRow(v[0], v[1], v[2].upper(), returned, qty if qty is not None else 1,
                        norm(v[5]), norm(v[6]), norm(v[7]), v[8].upper(), v[9].upper(),
                        v[10].upper())  # fmt: skip


def _lenient(parse: Callable[[str], T | None], cell: str) -> T | None:
    try:
        return parse(cell)
    except ValueError:
        return None


def read_orders(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[OrderRow]:
    c = Cells(info)
    names = ("amazonorderid", "sku", "asin", "fulfillmentchannel", "quantity", "currency",
             "itemprice", "shipcountry")  # fmt: skip
    idx = [c.index(n) for n in names]
    pick = c.picker(idx)
    quantity = column_name(info, idx[4], "quantity")
    counts: dict[str, int | None] = {}  # a quantity cell → its count (a few distinct cells)
    for line, row in iter_cells(info, warnings, progress):
        order, sku, asin, channel, qty_cell, currency, price_cell, country = pick(row)
        try:
            qty = counts[qty_cell] if qty_cell in counts else parse_count(qty_cell, quantity)
            price = parse_decimal(price_cell)
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if len(counts) < 256:
            counts[qty_cell] = qty
        yield OrderRow(order, sku, asin.upper(), norm(channel), qty, currency.upper(), price,
                       country.upper())  # fmt: skip


def read_inbound(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[InboundRow]:
    c = Cells(info)
    names = ("shipmentid", "sku", "fnsku", "shipped", "received", "status", "delivereddate",
             "closeddate", "shipdate")  # fmt: skip
    idx = [c.index(n) for n in names]
    for line, row in iter_cells(info, warnings, progress):
        v = [c.get(row, i) for i in idx]
        try:
            shipped = parse_count(v[3], column_name(info, idx[3], "QuantityShipped"))
            received = parse_count(v[4], column_name(info, idx[4], "QuantityReceived"))
            delivered, closed, shipped_on = (parse_date(x) for x in v[6:9])
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if not v[0] or shipped is None:
            warnings.row(info, line, rw("row.no_shipment_quantity"))
            continue
        yield InboundRow(line, v[0].upper(), v[1], v[2].upper(), shipped, received or 0,
                         norm(v[5]), delivered, closed, shipped_on)  # fmt: skip


def read_legacy_receipts(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[Receipt]:
    """Received Inventory rows: units received per FBA shipment and FNSKU."""
    c = Cells(info)
    i_ship, i_fnsku, i_sku = c.index("fbashipmentid"), c.index("fnsku"), c.index("sku")
    i_qty, i_date = c.index("quantity"), c.index("receiveddate")
    for line, row in iter_cells(info, warnings, progress):
        try:
            qty = parse_count(c.get(row, i_qty), column_name(info, i_qty, "quantity"))
            when = parse_date(c.get(row, i_date))
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if qty is None:
            warnings.row(info, line, rw("row.no_quantity"))
            continue
        yield Receipt(c.get(row, i_ship).upper(), c.get(row, i_fnsku).upper(),
                      c.get(row, i_sku), qty, when)  # fmt: skip


def column_name(info: ReportInfo, index: int, fallback: str) -> str:
    """A column's name as the file spells it (for a row warning)."""
    return info.header[index].strip() or fallback if 0 <= index < len(info.header) else fallback
