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

from collections.abc import Callable, Container, Iterator
from datetime import date
from typing import NamedTuple

from casewriter.reports.fields import Fields
from casewriter.reports.readers import Cells, Progress, Warnings, iter_cells
from casewriter.reports.records import OrderRow
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Money
from casewriter.reports.values import norm


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
        record = _shipment(f, row, line, width)
        if isinstance(record, str):
            warnings.row(info, line, record)
        else:
            yield record


def read_shipment_orders(
    info: ReportInfo,
    warnings: Warnings,
    progress: Progress | None,
    proof: tuple[Container[str], Container[str]],
    keep: Callable[[FulfilledShipment], None],
) -> Iterator[OrderRow]:
    """The scan's reading: every row as the order line it is (``OrderRow``: SKU, quantity,
    price, currency, country, channel); a row of an order in one of the ``proof`` sets is read
    whole too, and that ``FulfilledShipment`` (the proof of a refunded order or a damaged
    return) given to ``keep`` — few rows. An order line is made in this loop (it runs for
    every row of a 100,000-row report); its bad cells are named by column, never quoted."""
    f = Fields(info, redact=True)
    width = len(info.header)
    c = Cells(info)
    pick = c.picker([c.index(canon(n)) for n in _LIGHT])
    numbers = f.numbers
    merchant = {"MERCHANT", "MFN"}
    refunded, watched = proof
    counts: dict[str, int | None] = {}  # a quantity cell → its count (a few distinct cells)
    for line, row in iter_cells(info, warnings, progress):
        order, shipment, sku, qty_cell, currency, price_cell, country, channel = pick(row)
        if len(row) > width or order in refunded or order in watched:
            whole = _shipment(f, row, line, width)
            if isinstance(whole, str):
                warnings.row(info, line, whole)
                continue
            keep(whole)
            yield order_line(whole)
            continue
        currency = currency.upper()
        if numbers.comma is None:
            numbers.hint(currency)
        if qty_cell in counts:
            quantity = counts[qty_cell]
        else:
            try:
                quantity = numbers.whole(qty_cell) if qty_cell else None
            except ValueError:
                warnings.row(info, line, "quantity-shipped: not a valid value")
                continue
            if len(counts) < 256 and qty_cell.isdigit():  # digits only: no decimal style learnt
                counts[qty_cell] = quantity
        try:
            price = numbers.dec(price_cell)
        except ValueError:
            warnings.row(info, line, "item-price: not a valid value")
            continue
        if not order or not shipment or quantity is None:
            warnings.row(info, line, "no amazon-order-id, shipment-id or quantity-shipped")
            continue
        yield OrderRow(order, sku, "", "MERCHANT" if norm(channel) in merchant else "AMAZON",
                       quantity, currency, price, country.upper())  # fmt: skip


def _shipment(f: Fields, row: list[str], line: int, width: int) -> FulfilledShipment | str:
    """A whole row, or why it is skipped."""
    if len(row) > width:  # a tab inside a cell: every column after it is off by one
        return f"{len(row)} columns, the header has {width}"
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
        return str(exc)
    if not order or not shipment or quantity is None:
        return "no amazon-order-id, shipment-id or quantity-shipped"
    return record


#: what an order line needs, in this order (the light reading of a row)
_LIGHT = ("amazon-order-id", "shipment-id", "sku", "quantity-shipped", "currency", "item-price",
          "ship-country", "fulfillment-channel")  # fmt: skip


def order_line(sh: FulfilledShipment) -> OrderRow:
    """A whole shipment row as the order line it also is."""
    price = sh.item_price.amount if sh.item_price else None
    channel = "MERCHANT" if sh.channel in ("MERCHANT", "MFN") else "AMAZON"
    return OrderRow(sh.order_id, sh.sku, "", channel, sh.quantity, sh.currency, price,
                    sh.ship_country)  # fmt: skip
