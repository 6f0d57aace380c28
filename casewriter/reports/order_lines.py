"""Order lines (All Orders, Amazon Fulfilled Shipments) read for what the rules take of them.

Of an order line the scan keeps little: the currency and ship-to country it counts for (the
marketplace), each SKU's and ASIN's latest unit price (a unit's value when nothing better is
known) and, for a refunded order, its channel and line (``Collected.order_line``). A Fulfilled
Shipments row of an order a rule may show as proof (refunded, or a damaged return's), or with
more cells than the header, is read whole (``shipments.shipment_row``) and kept
(``Collected.shipment``); buyer columns are never read.

A report lists the same SKU at the same price, quantity, currency and country row after row,
so the cells an order line's figures come from are taken raw as the row's signature (one C
call), parsed when the signature is first seen (and again only under another decimal style of
the file, whose change a parse makes is replayed), and each signature counts its rows and keeps
the position of its last one. At the end of the file the counts go to the currencies and
countries (first seen first) and the unit prices are set in the order of each signature's last
row: what reading every line in turn gives, at a fraction of the cost. A row with a bad cell
is warned about, row by row, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter

from casewriter.reports.fields import Fields
from casewriter.reports.readers import Cells, Progress, Warnings, iter_cells
from casewriter.reports.records import OrderRow, column_name
from casewriter.reports.row_words import missing, problem, rw
from casewriter.reports.shipments import order_line, shipment_row
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.state import Collected
from casewriter.reports.values import norm, parse_count, parse_decimal

#: All Orders: the order id, then the cells of a line's figures
_ORDERS = ("amazonorderid", "sku", "asin", "fulfillmentchannel", "quantity", "currency",
           "itemprice", "shipcountry")  # fmt: skip
#: Fulfilled Shipments: the order and shipment ids, then the cells of a line's figures
_SHIPPED = ("amazon-order-id", "shipment-id", "sku", "quantity-shipped", "currency", "item-price",
            "ship-country", "fulfillment-channel")  # fmt: skip
_MERCHANT = frozenset({"MERCHANT", "MFN"})


class _Lines:
    """One signature's order line (its order id left empty), how many rows and the positions
    of the first and last; or, for a signature with a bad cell, the warning (``bad``).
    ``comma``: the file's decimal style after parsing it (replayed each time it is seen)."""

    __slots__ = ("bad", "comma", "first", "last", "line", "rows")

    def __init__(self, line: OrderRow | None, comma: bool | None = None, bad: str = "") -> None:
        self.line, self.comma, self.bad = line, comma, bad
        self.rows = self.first = self.last = 0


class _Tally:
    """One file's order lines by signature (a row read whole is a signature of its own)."""

    def __init__(self, data: Collected) -> None:
        self.data = data
        self.lines: dict[object, _Lines] = {}
        self.at = 0  # rows counted so far

    def count(self, lines: _Lines, order: str) -> None:
        """One more row of ``lines``, of order ``order``."""
        self.at += 1
        if not lines.rows:
            lines.first = self.at
        lines.rows += 1
        lines.last = self.at
        if order in self.data.refund_orders:
            assert lines.line is not None
            self.data.order_line(lines.line._replace(order_id=order))

    def whole(self, line: OrderRow) -> None:
        """A row read whole: counted on its own."""
        own = self.lines[("whole", self.at)] = _Lines(line)
        self.count(own, line.order_id)

    def fold(self) -> None:
        """The counts to the currencies and countries, then the unit prices in row order."""
        data = self.data
        currencies, countries = data.currencies, data.countries
        counted = sorted((x for x in self.lines.values() if x.line is not None and x.rows),
                         key=_first)  # fmt: skip
        for x in counted:  # first counted first
            assert x.line is not None
            if x.line.currency:
                currencies[x.line.currency] += x.rows
            if x.line.country:
                countries[x.line.country] += x.rows
        for x in sorted(counted, key=_last):
            assert x.line is not None
            data.unit_price_of(x.line)


def _first(lines: _Lines) -> int:
    return lines.first


def _last(lines: _Lines) -> int:
    return lines.last


def _raw(columns: list[int]) -> tuple[int, Callable[[list[str]], tuple[str, ...]] | None]:
    """(the length a row must exceed, the raw cells at ``columns`` in one C call); no getter
    when a column is missing (such a file is read through the stripping picker)."""
    if min(columns) < 0:
        return 1 << 62, None
    getter: Callable[[list[str]], tuple[str, ...]] = itemgetter(*columns)
    return max(columns), getter


def read_all_orders(
    info: ReportInfo, data: Collected, warnings: Warnings, progress: Progress | None
) -> None:
    """All Orders: every row an order line."""
    c = Cells(info)
    idx = [c.index(n) for n in _ORDERS]
    pick = c.picker(idx)
    need, raw = _raw(idx)
    figures = itemgetter(*range(1, len(idx)))
    quantity = column_name(info, idx[4], "quantity")
    tally = _Tally(data)
    lines = tally.lines
    try:
        for line, row in iter_cells(info, warnings, progress):
            if raw is not None and len(row) > need:
                cells = raw(row)
                order = cells[0].strip()
            else:
                cells = tuple(pick(row))
                order = cells[0]
            key = figures(cells)
            found = lines.get(key)
            if found is None:
                found = lines[key] = _order_line(key, quantity)
            if found.bad:
                warnings.row(info, line, found.bad)
                continue
            tally.count(found, order)
    finally:
        tally.fold()


def _order_line(key: tuple[str, ...], quantity: str) -> _Lines:
    sku, asin, channel, qty_cell, currency, price_cell, country = (x.strip() for x in key)
    try:
        qty, price = parse_count(qty_cell, quantity), parse_decimal(price_cell)
    except ValueError as exc:
        return _Lines(None, bad=problem(exc))
    return _Lines(OrderRow("", sku, asin.upper(), norm(channel), qty, currency.upper(), price,
                           country.upper()))  # fmt: skip


def read_shipped_orders(
    info: ReportInfo, data: Collected, warnings: Warnings, progress: Progress | None
) -> None:
    """Amazon Fulfilled Shipments: every row an order line; a proof row read whole too."""
    f = Fields(info, redact=True)
    width = len(info.header)
    c = Cells(info)
    idx = [c.index(canon(n)) for n in _SHIPPED]
    pick = c.picker(idx)
    need, raw = _raw(idx)
    figures = itemgetter(*range(2, len(idx)))
    numbers = f.numbers
    refunded, watched = data.refund_orders, data.money.watch_orders
    tally = _Tally(data)
    lines = tally.lines
    try:
        for line, row in iter_cells(info, warnings, progress):
            if raw is not None and len(row) > need:
                cells = raw(row)
                order, shipment = cells[0].strip(), cells[1].strip()
            else:
                cells = tuple(pick(row))
                order, shipment = cells[0], cells[1]
            if len(row) > width or order in refunded or order in watched:
                whole = shipment_row(f, row, line, width)
                if isinstance(whole, str):
                    warnings.row(info, line, whole)
                    continue
                data.shipment(whole)
                tally.whole(order_line(whole))
                continue
            key = (figures(cells), numbers.comma)
            found = lines.get(key)
            if found is None:
                found = lines[key] = _shipped_line(key[0], f)
            else:
                numbers.comma = found.comma  # what parsing its cells did to the style
            if found.bad:
                warnings.row(info, line, found.bad)
                continue
            assert found.line is not None
            if not order or not shipment or found.line.quantity is None:
                warnings.row(
                    info, line, missing("amazon-order-id", "shipment-id", "quantity-shipped")
                )
                continue
            tally.count(found, order)
    finally:
        tally.fold()


def _shipped_line(key: tuple[str, ...], f: Fields) -> _Lines:
    """A signature's order line; its bad cells named by column, never quoted (buyer data)."""
    sku, qty_cell, currency, price_cell, country, channel = (x.strip() for x in key)
    numbers = f.numbers
    currency = currency.upper()
    if numbers.comma is None:
        numbers.hint(currency)
    try:
        quantity = numbers.whole(qty_cell) if qty_cell else None
    except ValueError:
        return _Lines(None, numbers.comma, rw("cell.not_valid", column="quantity-shipped"))
    try:
        price = numbers.dec(price_cell)
    except ValueError:
        return _Lines(None, numbers.comma, rw("cell.not_valid", column="item-price"))
    kind = "MERCHANT" if norm(channel) in _MERCHANT else "AMAZON"
    return _Lines(OrderRow("", sku, "", kind, quantity, currency, price, country.upper()),
                  numbers.comma)  # fmt: skip
