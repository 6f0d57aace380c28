"""Order lines read by signature (``reports/order_lines.py``) give exactly what reading every
line in turn gives: the same currency and country counts (in the same order: the marketplace
vote breaks ties by it), the same latest unit price per SKU and ASIN, the same lines and
channels of refunded orders, the same proof shipments and the same row warnings. Checked
against a line-by-line reading on generated All Orders and Amazon Fulfilled Shipments files
full of what makes it hard: repeated signatures out of order, a SKU spelled like another item's
ASIN, bad and empty cells, short rows, cells with spaces, decimal commas that change the file's
style, refunded and watched orders, and rows wider than the header."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from casewriter.reports import Warnings, sniff
from casewriter.reports.fields import Fields
from casewriter.reports.order_lines import read_all_orders, read_shipped_orders
from casewriter.reports.readers import Cells, iter_cells
from casewriter.reports.records import OrderRow, read_orders
from casewriter.reports.shipments import order_line, shipment_row
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.state import Collected
from casewriter.reports.values import norm
from tests.report_headers import ALL_ORDERS, FULFILLED_SHIPMENTS

SKUS = ["SKU-A", "SKU-B", " SKU-C ", "B0000000B2"]  # the last one is SKU-B's ASIN
ASINS = {"SKU-A": "B0000000A1", "SKU-B": "B0000000B2", " SKU-C ": "b0000000c3",
         "B0000000B2": "B0000000D4"}  # fmt: skip
PRICES = ["10.00", "12.50", " 10.00", "1,234", "24,99", "0", "-3.00", "x", "", "7.5"]
QUANTITIES = ["1", "2", "0", "x", "", "3", "1.0", "-1"]
CURRENCIES = ["USD", "EUR", "usd", ""]
COUNTRIES = ["US", "DE", "", "ca"]
CHANNELS = ["Amazon", "Merchant", "AFN", "MFN"]
REFUNDED = {"111-0000000-0000003", "111-0000000-0000011"}
WATCHED = {"111-0000000-0000005"}


def _order(n: int) -> str:
    return f"111-0000000-{n % 14:07d}"


def _rows(seed: int, header: list[str], make: Any, count: int = 400) -> list[list[str]]:
    rnd = random.Random(seed)
    pool = [make(rnd) for _ in range(12)]  # signatures that repeat, out of order
    rows = []
    for n in range(count):
        cells = dict(rnd.choice(pool) if rnd.random() < 0.85 else make(rnd))
        cells.update(_ids(n))
        row = [cells.get(h, "") for h in header]
        if rnd.random() < 0.03:
            row = row[: rnd.randrange(1, len(row))]  # a short row
        elif rnd.random() < 0.02:
            row.append("extra")  # wider than the header
        rows.append(row)
    return rows


def _ids(n: int) -> dict[str, str]:
    return {"amazon-order-id": _order(n) if n % 17 else "", "shipment-id": f"D{n:07d}" if n % 19
            else "", "shipment-item-id": f"S{n}", "shipment-date": "2026-05-01T10:00:00+00:00"}  # fmt: skip


def _line(rnd: random.Random) -> dict[str, str]:
    sku = rnd.choice(SKUS)
    return {"sku": sku, "asin": ASINS[sku], "fulfillment-channel": rnd.choice(CHANNELS),
            "quantity": rnd.choice(QUANTITIES), "quantity-shipped": rnd.choice(QUANTITIES),
            "currency": rnd.choice(CURRENCIES), "item-price": rnd.choice(PRICES),
            "ship-country": rnd.choice(COUNTRIES)}  # fmt: skip


def _write(path: Path, header: list[str], rows: list[list[str]]) -> ReportInfo:
    path.write_text("\n".join("\t".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    return sniff(path)


def _data() -> Collected:
    data = Collected()
    data.refund_orders = set(REFUNDED)
    data.money.watch_orders = set(WATCHED)
    return data


def _fold(data: Collected, lines: list[OrderRow]) -> None:
    """Every order line in turn: counts, refunded lines, the latest unit price."""
    for o in lines:
        if o.currency:
            data.currencies[o.currency] += 1
        if o.country:
            data.countries[o.country] += 1
        if o.order_id in data.refund_orders:
            data.order_line(o)
        data.unit_price_of(o)


def _state(data: Collected, warnings: Warnings) -> dict[str, Any]:
    return {"currencies": list(data.currencies.items()),
            "countries": list(data.countries.items()), "unit_price": data.unit_price,
            "lines": data.order_lines, "channels": data.order_channel,
            "shipments": data.shipments, "warnings": warnings.all()}  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_all_orders_by_signature_read_as_line_by_line(tmp_path: Path, seed: int) -> None:
    info = _write(tmp_path / "orders.txt", ALL_ORDERS, _rows(seed, ALL_ORDERS, _line))
    assert info.type == "all-orders"
    fast, fast_warnings = _data(), Warnings()
    read_all_orders(info, fast, fast_warnings, None)
    slow, slow_warnings = _data(), Warnings()
    _fold(slow, list(read_orders(info, slow_warnings)))
    assert _state(fast, fast_warnings) == _state(slow, slow_warnings)
    assert fast.unit_price and fast.order_lines and fast_warnings.count  # the cases are there


def _shipped_line_by_line(info: ReportInfo, data: Collected, warnings: Warnings) -> None:
    """What every shipment row gives, read one at a time (the reading before signatures)."""
    f = Fields(info, redact=True)
    c = Cells(info)
    width = len(info.header)
    names = ("amazon-order-id", "shipment-id", "sku", "quantity-shipped", "currency",
             "item-price", "ship-country", "fulfillment-channel")  # fmt: skip
    pick = c.picker([c.index(canon(n)) for n in names])
    numbers = f.numbers
    lines: list[OrderRow] = []
    for line, row in iter_cells(info, warnings):
        order, shipment, sku, qty_cell, currency, price_cell, country, channel = pick(row)
        if len(row) > width or order in data.refund_orders or order in data.money.watch_orders:
            whole = shipment_row(f, row, line, width)
            if isinstance(whole, str):
                warnings.row(info, line, whole)
                continue
            data.shipment(whole)
            lines.append(order_line(whole))
            continue
        currency = currency.upper()
        if numbers.comma is None:
            numbers.hint(currency)
        try:
            quantity = numbers.whole(qty_cell) if qty_cell else None
        except ValueError:
            warnings.row(info, line, "quantity-shipped: not a valid value")
            continue
        try:
            price = numbers.dec(price_cell)
        except ValueError:
            warnings.row(info, line, "item-price: not a valid value")
            continue
        if not order or not shipment or quantity is None:
            warnings.row(info, line, "no amazon-order-id, shipment-id or quantity-shipped")
            continue
        kind = "MERCHANT" if norm(channel) in ("MERCHANT", "MFN") else "AMAZON"
        lines.append(OrderRow(order, sku, "", kind, quantity, currency, price, country.upper()))
    _fold(data, lines)


@pytest.mark.parametrize("seed", range(6))
def test_fulfilled_shipments_by_signature_read_as_line_by_line(tmp_path: Path, seed: int) -> None:
    rows = _rows(seed, FULFILLED_SHIPMENTS, _line)
    info = _write(tmp_path / "shipments.txt", FULFILLED_SHIPMENTS, rows)
    assert info.type == "fulfilled-shipments"
    fast, fast_warnings = _data(), Warnings()
    read_shipped_orders(info, fast, fast_warnings, None)
    slow, slow_warnings = _data(), Warnings()
    _shipped_line_by_line(info, slow, slow_warnings)
    assert _state(fast, fast_warnings) == _state(slow, slow_warnings)
    assert fast.unit_price and fast.shipments and fast_warnings.count


def test_the_latest_line_sets_the_unit_price_even_when_its_signature_came_first(
    tmp_path: Path,
) -> None:
    def line(order: str, price: str, sku: str = "SKU-A") -> dict[str, str]:
        return {"amazon-order-id": order, "sku": sku, "asin": "B0000000A1", "quantity": "1",
                "currency": "USD", "item-price": price, "ship-country": "US",
                "fulfillment-channel": "Amazon"}  # fmt: skip

    lines = [line("1", "10.00"), line("2", "12.00"), line("3", "10.00"), line("4", "x")]
    info = _write(tmp_path / "o.txt", ALL_ORDERS, [[r.get(h, "") for h in ALL_ORDERS]
                                                   for r in lines])  # fmt: skip
    data, warnings = _data(), Warnings()
    read_all_orders(info, data, warnings, None)
    assert data.unit_price == {"SKU-A": (Decimal("10.00"), "USD"),
                               "B0000000A1": (Decimal("10.00"), "USD")}  # fmt: skip
    assert data.currencies == {"USD": 3} and data.countries == {"US": 3}
    assert warnings.all() == [f"{info.path}:5: not an amount: 'x' (row skipped)"]
