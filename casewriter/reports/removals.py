"""Removal reports read into typed records, and what the two removal rules (``removal_rules``) flag.

Readers: Removal order detail (``GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA``, both the
``order-source`` and the older ``service-speed`` variant) → ``RemovalLine``; Removal shipment
detail (``GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA``) → ``RemovalPackage``. The order
detail's quantities are cumulative, so only the latest row of each order line (order id +
FNSKU/SKU + disposition, by ``last-updated-date``) counts; packages are keyed on order +
tracking + FNSKU (the report has no package id).

Rules:

- **removal-incomplete** → ``removal-damaged-or-incomplete``: a finished Return order line
  (status ``done_statuses`` in ``data/money.toml``) whose shipped units fall short of the
  requested ones by more than the cancelled, disposed and in-process units, minus units a
  reimbursement naming the removal order already paid. Clock: the delivery of the removal; no
  report has a delivery column, so the last ship date of the order stands in (earlier, so the
  window shown never closes later than the real one), with a note.
- **removal-lost** → ``removal-lost-in-transit``: every removal package (carrier + tracking) is a
  lead (``to-review``) while its claim window is open, since no report says whether it arrived;
  the seller confirms one never arrived (``scan --confirm-removal-lost ORDER_ID|TRACKING``) and
  it becomes a claim with the catalog's window (claimable, too-early or expired, drafted by
  ``--draft``). Clock: the removal shipment's creation (its ``shipment-date``).

Never flagged: disposal orders; cancelled, pending or in-process orders; lines whose missing
units are cancelled, disposed or still in process; units a reimbursement for the removal order
paid; superseded (older) rows of an order line; packages of an order a reimbursement names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from casewriter.reports.readers import Cells, Progress, Warnings, iter_cells
from casewriter.reports.row_words import in_column, missing
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Numbers
from casewriter.reports.values import norm, parse_date


class RemovalLine(NamedTuple):
    """One row of the Removal order detail: an order line's cumulative quantities."""

    line: int
    requested_on: date | None
    order_id: str
    order_type: str  # normalized: RETURN, DISPOSAL, LIQUIDATIONS
    status: str  # normalized: COMPLETED, PENDING, CANCELLED, ...
    updated: date | None
    sku: str
    fnsku: str
    disposition: str  # normalized: SELLABLE, UNSELLABLE
    requested: int
    cancelled: int
    disposed: int
    shipped: int
    in_process: int
    fee: Decimal | None
    currency: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.order_id, self.fnsku or self.sku.upper(), self.disposition)

    @property
    def missing(self) -> int:
        """Requested units neither shipped, cancelled, disposed nor in process."""
        return self.requested - self.shipped - self.cancelled - self.disposed - self.in_process


class RemovalPackage(NamedTuple):
    """One row of the Removal shipment detail: units of one FNSKU in one package."""

    line: int
    requested_on: date | None
    order_id: str
    shipped_on: date | None
    sku: str
    fnsku: str
    disposition: str
    quantity: int
    carrier: str
    tracking: str
    order_type: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.order_id, self.tracking.upper(), self.fnsku or self.sku.upper())


_ORDER_COLUMNS = ("request-date", "order-id", "order-type", "order-status", "last-updated-date",
                  "sku", "fnsku", "disposition", "requested-quantity", "cancelled-quantity",
                  "disposed-quantity", "shipped-quantity", "in-process-quantity", "removal-fee",
                  "currency")  # fmt: skip
_PACKAGE_COLUMNS = ("request-date", "order-id", "shipment-date", "sku", "fnsku", "disposition",
                    "shipped-quantity", "carrier", "tracking-number", "removal-order-type")  # fmt: skip


def _picker(info: ReportInfo, names: tuple[str, ...]) -> Callable[[list[str]], list[str]]:
    c = Cells(info)
    return c.picker([c.index(canon(n)) for n in names])


def _count(numbers: Numbers, cell: str, name: str) -> int | None:
    try:
        return numbers.whole(cell)
    except ValueError as exc:
        raise ValueError(in_column(name, exc)) from None


def read_removal_orders(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[RemovalLine]:
    pick, numbers = _picker(info, _ORDER_COLUMNS), Numbers()
    for line, row in iter_cells(info, warnings, progress):
        (req, order, otype, status, updated, sku, fnsku, disp, rq, ca, di, sh, ip, fee,
         currency) = pick(row)  # fmt: skip
        if not order or not (sku or fnsku):
            warnings.row(info, line, missing("order-id", "sku", "fnsku"))
            continue
        currency = currency.upper()
        numbers.hint(currency)
        try:
            requested = _count(numbers, rq, "requested-quantity")
            cancelled = _count(numbers, ca, "cancelled-quantity") or 0
            disposed = _count(numbers, di, "disposed-quantity") or 0
            shipped = _count(numbers, sh, "shipped-quantity") or 0
            in_process = _count(numbers, ip, "in-process-quantity") or 0
            amount = numbers.dec(fee) if fee else None
            requested_on, updated_on = _day(req, "request-date"), _day(updated, "last-updated-date")
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if requested is None:
            warnings.row(info, line, missing("requested-quantity"))
            continue
        yield RemovalLine(line, requested_on, order, norm(otype), norm(status), updated_on, sku,
                          fnsku.upper(), norm(disp), requested, cancelled, disposed, shipped,
                          in_process, amount, currency)  # fmt: skip


def read_removal_shipments(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[RemovalPackage]:
    pick, numbers = _picker(info, _PACKAGE_COLUMNS), Numbers()
    for line, row in iter_cells(info, warnings, progress):
        req, order, shipped_on, sku, fnsku, disp, qty, carrier, tracking, otype = pick(row)
        if not order or not (sku or fnsku):
            warnings.row(info, line, missing("order-id", "sku", "fnsku"))
            continue
        try:
            quantity = _count(numbers, qty, "shipped-quantity")
            requested_on, day = _day(req, "request-date"), _day(shipped_on, "shipment-date")
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if quantity is None:
            warnings.row(info, line, missing("shipped-quantity"))
            continue
        yield RemovalPackage(line, requested_on, order, day, sku, fnsku.upper(), norm(disp),
                             quantity, carrier, tracking, norm(otype))  # fmt: skip


def _day(cell: str, name: str) -> date | None:
    try:
        return parse_date(cell)
    except ValueError as exc:
        raise ValueError(in_column(name, exc)) from None


def newer(new: RemovalLine, old: RemovalLine) -> bool:
    """True when ``new`` is a later state of the same order line (quantities are cumulative)."""
    a, b = new.updated or date.min, old.updated or date.min
    if a != b:
        return a > b
    progress = new.shipped + new.cancelled + new.disposed
    return progress > old.shipped + old.cancelled + old.disposed
