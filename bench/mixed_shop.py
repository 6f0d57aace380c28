"""The fictional seller of the mixed benchmark folder (``mixed_reports.py``) and the rows of its
sales reports.

``Shop``: 400 SKUs (SKU, FNSKU, ASIN, a title with typographic quotes and an accent, a price
from 5 to 78.75) selling over 18 months (2025-01-01 to 2026-06-30); ``order_id`` makes Amazon's
3-7-7 order ids. ``sales_makers(shop, counts)`` gives, for each sales report (Settlement V2 and
the older flat file, All Orders, Amazon Fulfilled Shipments, FBA customer returns,
Reimbursements), its header and the function that makes its row ``n`` of ``counts[name]``:
each order has six Settlement V2 amounts (principal, tax, shipping, commission, FBA fee,
shipping chargeback), about 5 % of orders are refunded, one return in forty is damaged by the
carrier, reimbursements come with every reason (some reversed, one in twenty below its basis),
and one order in five hundred has a WAREHOUSE_DAMAGE payment inside its settlement. Buyer
columns of Amazon Fulfilled Shipments are filled (the scanner must drop them).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from tests.report_headers import (
    ALL_ORDERS,
    CUSTOMER_RETURNS,
    FULFILLED_SHIPMENTS,
    REIMBURSEMENTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
)

START = date(2025, 1, 1)
DAYS = 546  # to 2026-06-30
SKUS = 400

#: a report's header and the function that makes its row ``n``
Maker = tuple[list[str], Callable[[int], dict[str, object]]]

#: the amounts of one order in Settlement V2: (description, amount type, share of the price;
#: 0 for the flat FBA fee), as a settlement lists them for an FBA order
_V2_AMOUNTS = (("Principal", "ItemPrice", 1.0), ("Tax", "ItemPrice", 0.08),
               ("Shipping", "ItemPrice", 0.05), ("Commission", "ItemFees", -0.15),
               ("FBAPerUnitFulfillmentFee", "ItemFees", 0.0),
               ("ShippingChargeback", "ItemFees", -0.05))  # fmt: skip


class Shop:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.items = [(f"SKU-{i:05d}", f"X00{i:07d}", f"B0{i:08d}",
                       f"Product {i} – “quoted” café", round(5 + (i % 60) * 1.25, 2))
                      for i in range(SKUS)]  # fmt: skip

    def item(self) -> tuple[str, str, str, str, float]:
        return self.items[self.rnd.randrange(SKUS)]

    def day(self, n: int, total: int) -> date:
        return START + timedelta(days=n * DAYS // max(total, 1))


def order_id(n: int) -> str:
    return f"11{n % 7 + 1}-{n % 9_999_999:07d}-{(n * 7919) % 10_000_000:07d}"


def sales_makers(shop: Shop, counts: dict[str, int]) -> dict[str, Maker]:
    """Header and row maker of each sales report (``counts``: rows per report file)."""
    per_order = len(_V2_AMOUNTS)
    orders = counts["settlement_v2.txt"] // per_order

    def settlement_v2(n: int) -> dict[str, object]:
        o = n // per_order
        sku, fnsku, asin, title, price = shop.items[o % SKUS]
        day = shop.day(o, orders).isoformat()
        base = {"settlement-id": f"2600{o // 2000:07d}", "order-id": order_id(o),
                "marketplace-name": "Amazon.com", "fulfillment-id": "AFN" if o % 20 else "MFN",
                "posted-date": day, "sku": sku}  # fmt: skip
        kind = n % per_order
        refund = o % 19 == 0 and kind >= per_order - 2  # about 5 % of orders: two refund rows
        if o % 500 == 1 and kind == per_order - 3:
            return base | {"transaction-type": "other-transaction", "amount-type": "other-transaction",
                           "amount-description": "WAREHOUSE_DAMAGE", "amount": f"{price:.2f}"}  # fmt: skip
        if refund:
            first = kind == per_order - 2
            desc = "Principal" if first else "Tax"
            amount = -price if first else -round(price * 0.08, 2)
            return base | {"transaction-type": "Refund", "amount-type": "ItemPrice",
                           "amount-description": desc, "amount": f"{amount:.2f}"}  # fmt: skip
        desc, atype, share = _V2_AMOUNTS[kind]
        amount = price * share if share else -3.22
        return base | {"transaction-type": "Order", "amount-type": atype, "amount-description": desc,
                       "amount": f"{amount:.2f}", "quantity-purchased": 1 if kind == 0 else ""}  # fmt: skip

    flat_orders = counts["settlement_flat.txt"] // 2

    def settlement_flat(n: int) -> dict[str, object]:
        o = orders + n // 2
        sku, _f, _a, _t, price = shop.items[o % SKUS]
        base = {"settlement-id": f"2500{o // 2000:07d}", "order-id": order_id(o),
                "marketplace-name": "Amazon.com", "fulfillment-id": "AFN",
                "posted-date": shop.day(n // 2, flat_orders).isoformat(), "sku": sku}  # fmt: skip
        if n % 2:
            return base | {"transaction-type": "Order", "item-related-fee-type": "Commission",
                           "item-related-fee-amount": f"{-price * 0.15:.2f}"}  # fmt: skip
        return base | {"transaction-type": "Order", "price-type": "Principal",
                       "price-amount": f"{price:.2f}", "quantity-purchased": 1}  # fmt: skip

    n_orders = counts["all_orders.txt"]

    def all_orders(n: int) -> dict[str, object]:
        sku, _f, asin, title, price = shop.items[n % SKUS]
        return {"amazon-order-id": order_id(n * orders // max(n_orders, 1)),
                "purchase-date": f"{shop.day(n, n_orders).isoformat()}T10:00:00+00:00",
                "order-status": "Shipped", "fulfillment-channel": "Amazon",
                "sales-channel": "Amazon.com", "product-name": title, "sku": sku, "asin": asin,
                "item-status": "Shipped", "quantity": 1, "currency": "USD",
                "item-price": f"{price:.2f}", "item-tax": f"{price * 0.08:.2f}",
                "ship-city": "Springfield", "ship-state": "IL", "ship-postal-code": "62701",
                "ship-country": "US"}  # fmt: skip

    n_ship = counts["fulfilled_shipments.txt"]

    def fulfilled(n: int) -> dict[str, object]:
        sku, _f, _a, title, price = shop.items[n % SKUS]
        day = shop.day(n, n_ship).isoformat()
        return {"amazon-order-id": order_id(n * orders // max(n_ship, 1)),
                "shipment-id": f"D{n:08d}", "shipment-item-id": f"S{n:09d}",
                "amazon-order-item-id": f"{n:014d}", "purchase-date": day, "payments-date": day,
                "shipment-date": f"{day}T20:00:00+00:00", "reporting-date": day,
                "buyer-email": f"buyer{n}@marketplace.example", "buyer-name": f"Buyer {n}",
                "buyer-phone-number": "+1 555 0100", "sku": sku, "product-name": title,
                "quantity-shipped": 1, "currency": "USD", "item-price": f"{price:.2f}",
                "recipient-name": f"Buyer {n}", "ship-address-1": "1 Main St",
                "ship-city": "Springfield", "ship-postal-code": "62701", "ship-country": "US",
                "carrier": "UPS", "tracking-number": f"1Z{n:016d}",
                "fulfillment-center-id": "ONT8", "fulfillment-channel": "Amazon",
                "sales-channel": "Amazon.com"}  # fmt: skip

    n_ret = counts["customer_returns.txt"]
    dispositions = (
        ("SELLABLE",) * 30 + ("CUSTOMER_DAMAGED",) * 6 + ("DEFECTIVE",) * 3 + ("CARRIER_DAMAGED",)
    )  # one return in forty damaged on the way

    def returns(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, _p = shop.items[n % SKUS]
        return {"return-date": f"{shop.day(n, n_ret).isoformat()}T12:00:00+00:00",
                "order-id": order_id(n * 19), "sku": sku, "asin": asin, "fnsku": fnsku,
                "product-name": title, "quantity": 1, "fulfillment-center-id": "ONT8",
                "detailed-disposition": dispositions[n % len(dispositions)],
                "reason": "UNWANTED_ITEM", "status": "Unit returned to inventory",
                "license-plate-number": f"LPN{n:010d}"}  # fmt: skip

    n_reimb = counts["reimbursements.txt"]
    reasons = ("Lost_Warehouse", "Damaged_Warehouse", "CustomerReturn", "CustomerServiceIssue",
               "Lost_Inbound", "Reimbursement_Reversal")  # fmt: skip

    def reimbursements(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, price = shop.items[n % SKUS]
        reason = reasons[n % len(reasons)]
        # Amazon pays the cost (30 % of the price) for warehouse losses, the price for returns;
        # one payment in twenty is lower
        share = (1.0 if reason.startswith("Customer") else 0.3) * (0.7 if n % 20 == 0 else 1)
        sign, per = (-1 if reason == "Reimbursement_Reversal" else 1), price * share
        qty = sign * (1 + n % 3)
        return {"approval-date": f"{shop.day(n, n_reimb).isoformat()}T09:00:00+00:00",
                "reimbursement-id": f"{30000000000 + n}", "amazon-order-id":
                order_id(n * 3) if reason.startswith("Customer") else "", "reason": reason,
                "sku": sku, "fnsku": fnsku, "asin": asin, "product-name": title,
                "condition": "NewItem", "currency-unit": "USD", "amount-per-unit":
                f"{sign * per:.2f}", "amount-total": f"{per * qty:.2f}",
                "quantity-reimbursed-cash": qty, "quantity-reimbursed-inventory": 0,
                "quantity-reimbursed-total": qty,
                "original-reimbursement-id": f"{30000000000 + n - 5}" if sign < 0 else "",
                "original-reimbursement-type": "Lost_Warehouse" if sign < 0 else ""}  # fmt: skip

    return {
        "settlement_v2.txt": (SETTLEMENT_V2, settlement_v2),
        "settlement_flat.txt": (SETTLEMENT_FLAT, settlement_flat),
        "all_orders.txt": (ALL_ORDERS, all_orders),
        "fulfilled_shipments.txt": (FULFILLED_SHIPMENTS, fulfilled),
        "customer_returns.txt": (CUSTOMER_RETURNS, returns),
        "reimbursements.txt": (REIMBURSEMENTS, reimbursements),
    }  # fmt: skip
