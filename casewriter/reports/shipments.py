"""Amazon Fulfilled Shipments (``GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL``): what Amazon
shipped for each order, the proof behind an FBA refund or return case.

One ``FulfilledShipment`` per row: order and shipment ids, quantity shipped, the purchase,
shipment and reporting dates, the item's prices, carrier, tracking number and fulfillment
center. The report also carries the buyer's name, e-mail, phone and the ship-to and bill-to
addresses: those columns are never mapped (``signatures.PII_COLUMNS``), so no record, warning
or finding can hold them, and a row warning names the column of a bad cell without quoting it.
A row with more cells than the header (a tab inside an address) is skipped: its columns are
shifted, and a buyer's cell could land in a kept one. Only the ship-to country is kept (it
tells the marketplace).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

from casewriter.reports.fields import Fields
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.records import OrderRow
from casewriter.reports.row_words import missing, problem, rw
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Money


class FulfilledShipment(NamedTuple):
    line: int
    order_id: str
    merchant_order_id: str
    shipment_id: str
    shipment_item_id: str
    order_item_id: str
    sku: str
    quantity: int
    purchased: date | None
    paid: date | None
    shipped: date | None
    reported: date | None
    estimated_arrival: date | None
    currency: str
    item_price: Money | None
    item_tax: Money | None
    shipping_price: Money | None
    item_promotion_discount: Money | None
    ship_service_level: str
    ship_country: str
    carrier: str
    tracking: str
    fulfillment_center: str
    channel: str  # normalized: AMAZON (AFN), MERCHANT
    sales_channel: str


def read_fulfilled_shipments(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[FulfilledShipment]:
    """Every row as a ``FulfilledShipment``."""
    f = Fields(info, redact=True)
    width = len(info.header)
    for line, row in iter_cells(info, warnings, progress):
        record = shipment_row(f, row, line, width)
        if isinstance(record, str):
            warnings.row(info, line, record)
        else:
            yield record


def shipment_row(f: Fields, row: list[str], line: int, width: int) -> FulfilledShipment | str:
    """A whole row, or why it is skipped."""
    if len(row) > width:  # a tab inside a cell: every column after it is off by one
        return rw("row.more_columns", n=len(row), width=width)
    order, shipment = f.text(row, "amazon-order-id"), f.text(row, "shipment-id")
    currency = f.upper(row, "currency")
    f.numbers.hint(currency)
    try:
        quantity = f.count(row, "quantity-shipped")
        record = FulfilledShipment(
            line, order, f.text(row, "merchant-order-id"), shipment,
            f.text(row, "shipment-item-id"), f.text(row, "amazon-order-item-id"),
            f.text(row, "sku"), quantity or 0, f.day(row, "purchase-date"),
            f.day(row, "payments-date"), f.day(row, "shipment-date"),
            f.day(row, "reporting-date"), f.day(row, "estimated-arrival-date"), currency,
            f.money(row, currency, "item-price"), f.money(row, currency, "item-tax"),
            f.money(row, currency, "shipping-price"),
            f.money(row, currency, "item-promotion-discount"),
            f.text(row, "ship-service-level"), f.upper(row, "ship-country"),
            f.text(row, "carrier"), f.text(row, "tracking-number"),
            f.upper(row, "fulfillment-center-id"), f.code(row, "fulfillment-channel"),
            f.text(row, "sales-channel"),
        )  # fmt: skip
    except ValueError as exc:
        return problem(exc)
    if not order or not shipment or quantity is None:
        return missing("amazon-order-id", "shipment-id", "quantity-shipped")
    return record


def order_line(sh: FulfilledShipment) -> OrderRow:
    """A whole shipment row as the order line it also is."""
    price = sh.item_price.amount if sh.item_price else None
    channel = "MERCHANT" if sh.channel in ("MERCHANT", "MFN") else "AMAZON"
    return OrderRow(sh.order_id, sh.sku, "", channel, sh.quantity, sh.currency, price,
                    sh.ship_country)  # fmt: skip
