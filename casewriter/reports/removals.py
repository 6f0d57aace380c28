"""Removal reports read into typed records, and the two removal rules.

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

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from casewriter.reports.fields import Fields, typed_rows
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.sniff import ReportInfo


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


def read_removal_orders(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[RemovalLine]:
    def build(f: Fields, r: list[str], line: int) -> RemovalLine | str:
        order, sku, fnsku = f.text(r, "order-id"), f.text(r, "sku"), f.upper(r, "fnsku")
        if not order or not (sku or fnsku):
            return "no order-id, sku or fnsku"
        currency = f.upper(r, "currency")
        f.numbers.hint(currency)
        requested = f.count(r, "requested-quantity")
        if requested is None:
            return "no requested-quantity"
        return RemovalLine(
            line, f.day(r, "request-date"), order, f.code(r, "order-type"),
            f.code(r, "order-status"), f.day(r, "last-updated-date"), sku, fnsku,
            f.code(r, "disposition"), requested, f.count(r, "cancelled-quantity") or 0,
            f.count(r, "disposed-quantity") or 0, f.count(r, "shipped-quantity") or 0,
            f.count(r, "in-process-quantity") or 0, f.dec(r, "removal-fee"), currency,
        )  # fmt: skip

    return typed_rows(info, warnings, progress, build)


def read_removal_shipments(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[RemovalPackage]:
    def build(f: Fields, r: list[str], line: int) -> RemovalPackage | str:
        order, sku, fnsku = f.text(r, "order-id"), f.text(r, "sku"), f.upper(r, "fnsku")
        if not order or not (sku or fnsku):
            return "no order-id, sku or fnsku"
        qty = f.count(r, "shipped-quantity")
        if qty is None:
            return "no shipped-quantity"
        return RemovalPackage(
            line, f.day(r, "request-date"), order, f.day(r, "shipment-date"), sku, fnsku,
            f.code(r, "disposition"), qty, f.text(r, "carrier"), f.text(r, "tracking-number"),
            f.code(r, "removal-order-type"),
        )  # fmt: skip

    return typed_rows(info, warnings, progress, build)


def newer(new: RemovalLine, old: RemovalLine) -> bool:
    """True when ``new`` is a later state of the same order line (quantities are cumulative)."""
    a, b = new.updated or date.min, old.updated or date.min
    if a != b:
        return a > b
    progress = new.shipped + new.cancelled + new.disposed
    return progress > old.shipped + old.cancelled + old.disposed
