"""A benchmark folder mixing every report type ``scan`` reads, in realistic proportions.

``generate_mixed(rows)`` writes ``bench/out/mixed_<rows>_v<VERSION>/`` (reused when present): one file per
report type, sized by ``SHARES`` — the ledger about half of all rows, settlements (both layouts)
a quarter, the order reports a sixth, returns, reimbursements, removals, inbound, snapshots and
legacy files the rest — for a seller with 400 SKUs over 18 months (2025-01-01 to 2026-06-30).
Each order has six Settlement V2 amounts (principal, tax, shipping, commission, FBA fee,
shipping chargeback) as real settlements list them. The content exercises every rule: about
5 % of orders refunded, returns of several dispositions (one in forty damaged), reimbursements
of every reason (some reversed, one in twenty below its basis), removal orders (some short)
and packages, researching units, payments inside settlements, Fee Preview, monthly storage fees
and stranded inventory, and the seller's own CSVs: manufacturing costs and measurements (one SKU
in ten charged a bigger size tier than measured, so the fee rules read the settlements' FBA fee
rows). Headers come from ``tests/report_headers.py`` (the documented ones).
Buyer columns of Amazon Fulfilled Shipments are filled (the scanner must drop them).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from tests.report_headers import (
    AFN_INVENTORY,
    ALL_ORDERS,
    CUSTOMER_RETURNS,
    FEE_PREVIEW_US,
    FULFILLED_SHIPMENTS,
    INBOUND_SP_API,
    LEDGER_DETAIL,
    LEDGER_SUMMARY,
    LEGACY_ADJUSTMENTS,
    LEGACY_EVENTS,
    LEGACY_RECEIPTS,
    MANAGE_INVENTORY,
    PLANNING,
    REIMBURSEMENTS,
    REMOVAL_ORDER,
    REMOVAL_SHIPMENT,
    RESTOCK,
    SELLER_RETURNS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    STORAGE_FEES,
    STRANDED,
)

OUT = Path(__file__).resolve().parent / "out"
MEASUREMENTS = ["sku", "length", "width", "height", "dimension_unit", "weight", "weight_unit"]
START = date(2025, 1, 1)
DAYS = 546  # to 2026-06-30
SKUS = 400
VERSION = 2  # of what the folder holds: a new version is generated afresh

#: report file → share of all rows (the ledger takes what is left)
SHARES: dict[str, float] = {
    "settlement_v2.txt": 0.20, "settlement_flat.txt": 0.04, "all_orders.txt": 0.08,
    "fulfilled_shipments.txt": 0.08, "customer_returns.txt": 0.03, "reimbursements.txt": 0.01,
    "ledger_summary.txt": 0.015, "removal_order_detail.txt": 0.005,
    "removal_shipment_detail.txt": 0.005, "inbound_shipment_items.txt": 0.005,
    "storage_fees.txt": 0.005, "inventory_planning.txt": 0.005, "seller_returns.txt": 0.005,
    "legacy_adjustments.txt": 0.005, "legacy_inventory_events.txt": 0.005,
    "legacy_receipts.txt": 0.002, "stranded_inventory.txt": 0.00005,
}  # fmt: skip
#: snapshot reports: one row per SKU
PER_SKU = ("fee_preview.txt", "manage_inventory.txt", "restock.txt", "afn_inventory.txt",
           "costs.csv", "measurements.csv")  # fmt: skip


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


def _rows(
    header: list[str], make: Callable[[int], dict[str, object]], count: int, sep: str = "\t"
) -> Iterator[str]:
    yield sep.join(header)
    for n in range(count):
        cells = make(n)
        yield sep.join(str(cells.get(h, "")) for h in header)


def _write(path: Path, lines: Iterator[str]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for line in lines:
            fh.write(line + "\r\n")
    tmp.replace(path)


def generate_mixed(rows: int) -> Path:
    folder = OUT / f"mixed_{rows}_v{VERSION}"
    if (folder / "ledger_detail.txt").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    shop = Shop(rows)
    counts = {name: max(1, int(rows * share)) for name, share in SHARES.items()}
    counts["ledger_detail.txt"] = rows - sum(counts.values()) - SKUS * len(PER_SKU)
    makers = _makers(shop, counts)
    for name, count in counts.items():
        header, make = makers[name]
        _write(folder / name, _rows(header, make, count))
    for name in PER_SKU:
        header, make = makers[name]
        _write(folder / name, _rows(header, make, SKUS, "," if name.endswith(".csv") else "\t"))
    return folder


def _makers(
    shop: Shop, counts: dict[str, int]
) -> dict[str, tuple[list[str], Callable[[int], dict[str, object]]]]:
    rnd = shop.rnd
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

    n_removal = counts["removal_order_detail.txt"]

    def removal_orders(n: int) -> dict[str, object]:
        sku, fnsku, _a, _t, _p = shop.items[n % SKUS]
        day = shop.day(n, n_removal).isoformat()
        shipped = 5 - (n % 7 == 0)  # now and then one unit short
        return {"request-date": f"{day}T08:00:00+00:00", "order-id": f"RMV-{n // 2:06d}",
                "order-source": "Seller-initiated Manual Removal",
                "order-type": "Disposal" if n % 5 == 0 else "Return", "order-status": "Completed",
                "last-updated-date": f"{day}T18:00:00+00:00", "sku": sku, "fnsku": fnsku,
                "disposition": "Sellable", "requested-quantity": 5, "cancelled-quantity": 0,
                "disposed-quantity": 0, "shipped-quantity": shipped, "in-process-quantity": 0,
                "removal-fee": "2.10", "currency": "USD"}  # fmt: skip

    n_pkg = counts["removal_shipment_detail.txt"]

    def removal_shipments(n: int) -> dict[str, object]:
        sku, fnsku, _a, _t, _p = shop.items[n % SKUS]
        day = shop.day(n, n_pkg).isoformat()
        return {"request-date": f"{day}T08:00:00+00:00", "order-id": f"RMV-{n // 2:06d}",
                "shipment-date": f"{day}T20:00:00+00:00", "sku": sku, "fnsku": fnsku,
                "disposition": "Sellable", "shipped-quantity": 5, "carrier": "UPS",
                "tracking-number": f"1ZRMV{n:013d}", "removal-order-type": "Return"}  # fmt: skip

    def inbound(n: int) -> dict[str, object]:
        sku, fnsku, _a, _t, _p = shop.items[n % SKUS]
        shipped = 24 + n % 48
        return {"ShipmentId": f"FBA17{n // 10:07d}", "SellerSKU": sku,
                "FulfillmentNetworkSKU": fnsku, "QuantityShipped": shipped,
                "QuantityReceived": shipped - (n % 13 == 0), "QuantityInCase": 12,
                "ShipmentStatus": "CLOSED" if n % 9 else "RECEIVING",
                "DestinationFulfillmentCenterId": "ONT8"}  # fmt: skip

    n_ledger = counts["ledger_detail.txt"]
    every = max(1, n_ledger // 500)

    def ledger(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, _p = shop.items[rnd.randrange(SKUS)]
        day = shop.day(n, n_ledger)
        cells: dict[str, object] = {"Date": day.strftime("%m/%d/%Y"), "FNSKU": fnsku,
                                    "ASIN": asin, "MSKU": sku, "Title": title,
                                    "Fulfillment Center": "ONT8", "Disposition": "SELLABLE",
                                    "Country": "US",
                                    "Date and Time": f"{day.isoformat()}T00:00:00-0700"}  # fmt: skip
        if n % every == every - 1:
            qty = -rnd.randint(1, 3)
            return cells | {"Event Type": "Adjustments", "Reference ID": str(20000000000000 + n),
                            "Quantity": qty, "Reason": rnd.choice("ME65HK"),
                            "Reconciled Quantity": 0, "Unreconciled Quantity": -qty}  # fmt: skip
        kind = rnd.random()
        if kind < 0.80:
            return cells | {"Event Type": "Shipments", "Quantity": -1}
        if kind < 0.90:
            return cells | {"Event Type": "CustomerReturns", "Quantity": 1}
        if kind < 0.96:
            return cells | {"Event Type": "WhseTransfers", "Quantity": rnd.choice((-6, 6))}
        if kind < 0.99:
            return cells | {"Event Type": "Receipts", "Quantity": rnd.randint(10, 60),
                            "Reference ID": f"FBA17{n % 900:07d}"}  # fmt: skip
        return cells | {"Event Type": "Adjustments", "Quantity": rnd.choice((-1, 1)),
                        "Reason": rnd.choice("PQF"), "Reference ID": str(30000000000000 + n)}  # fmt: skip

    def summary(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, _p = shop.items[n % SKUS]
        month = START + timedelta(days=(n // SKUS) * 30)
        return {"Date": month.strftime("%m/%Y"), "FNSKU": fnsku, "ASIN": asin, "MSKU": sku,
                "Title": title, "Disposition": "SELLABLE", "Starting Warehouse Balance": 120,
                "In Transit Between Warehouses": 0, "Receipts": 40, "Customer Shipments": -35,
                "Customer Returns": 2, "Vendor Returns": 0, "Warehouse Transfer In/Out": 0,
                "Found": int(n % 11 == 0), "Lost": 0, "Damaged": 0, "Disposed": 0, "Other Events": 0,
                "Ending Warehouse Balance": 127, "Unknown Events": 0, "Location": "US"}  # fmt: skip

    def per_sku(make: Callable[[str, str, str, str, float, int], dict[str, object]]
                ) -> Callable[[int], dict[str, object]]:  # fmt: skip
        def build(n: int) -> dict[str, object]:
            sku, fnsku, asin, title, price = shop.items[n % SKUS]
            return make(sku, fnsku, asin, title, price, n)

        return build

    def storage(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, _p = shop.items[n % SKUS]
        return {"asin": asin, "fnsku": fnsku, "product_name": title, "fulfillment_center": "ONT8",
                "country_code": "US", "longest_side": "10.2", "median_side": "6.1",
                "shortest_side": "3.3", "measurement_units": "inches", "weight": "1.1",
                "weight_units": "pounds", "item_volume": "0.1188", "volume_units": "cubic feet",
                "product_size_tier": "Large standard", "average_quantity_on_hand": "40.5",
                "average_quantity_pending_removal": "0", "estimated_total_item_volume": "4.81",
                "month_of_charge": f"2025-{n // SKUS % 12 + 1:02d}", "storage_rate": "0.78",
                "currency": "USD", "estimated_monthly_storage_fee": "3.75"}  # fmt: skip

    def planning(n: int) -> dict[str, object]:
        sku, fnsku, asin, title, price = shop.items[n % SKUS]
        return {"snapshot-date": "2026-06-30", "sku": sku, "fnsku": fnsku, "asin": asin,
                "product-name": title, "condition": "New", "available": 40,
                "inv-age-0-to-90-days": 30, "inv-age-91-to-180-days": 10,
                "inv-age-181-to-270-days": 0, "inv-age-271-to-365-days": 0,
                "inv-age-365-plus-days": 0, "currency": "USD", "units-shipped-t7": 3,
                "units-shipped-t30": 12, "units-shipped-t60": 25, "units-shipped-t90": 37,
                "your-price": f"{price:.2f}", "sell-through": "1.2",
                "estimated-excess-quantity": 2}  # fmt: skip

    def seller_returns(n: int) -> dict[str, object]:
        sku, _f, asin, title, price = shop.items[n % SKUS]
        return {"Order ID": order_id(900_000 + n), "Order date": "2026-05-01",
                "Return request date": "2026-05-10", "Return request status": "Closed",
                "Amazon RMA ID": f"D{n:09d}", "Label type": "AmazonPrepaidLabel",
                "Label cost": "5.20", "Currency code": "USD", "ASIN": asin, "Merchant SKU": sku,
                "Item Name": title, "Return quantity": 1, "Return Reason": "UNWANTED_ITEM",
                "In policy": "Y", "Return type": "C-Returns", "Order Amount": f"{price:.2f}",
                "Order quantity": 1, "Refunded Amount": f"{price:.2f}"}  # fmt: skip

    def legacy_adjustments(n: int) -> dict[str, object]:
        sku, fnsku, _a, title, _p = shop.items[n % SKUS]
        return {"adjusted-date": "2022-06-01T00:00:00+00:00", "transaction-item-id": f"{n:011d}",
                "fnsku": fnsku, "sku": sku, "product-name": title, "fulfillment-center-id": "ONT8",
                "quantity": -1, "reason": "Q", "disposition": "SELLABLE"}  # fmt: skip

    def legacy_events(n: int) -> dict[str, object]:
        sku, fnsku, _a, title, _p = shop.items[n % SKUS]
        return {"snapshot-date": "2022-06-01T00:00:00+00:00", "transaction-type": "Shipments",
                "fnsku": fnsku, "sku": sku, "product-name": title, "fulfillment-center-id": "ONT8",
                "quantity": -1, "disposition": "SELLABLE"}  # fmt: skip

    def legacy_receipts(n: int) -> dict[str, object]:
        sku, fnsku, _a, title, _p = shop.items[n % SKUS]
        return {"received-date": "2022-06-01T00:00:00+00:00", "fnsku": fnsku, "sku": sku,
                "product-name": title, "quantity": 24, "fba-shipment-id": f"FBA16{n:07d}",
                "fulfillment-center-id": "ONT8"}  # fmt: skip

    return {
        "settlement_v2.txt": (SETTLEMENT_V2, settlement_v2),
        "settlement_flat.txt": (SETTLEMENT_FLAT, settlement_flat),
        "all_orders.txt": (ALL_ORDERS, all_orders),
        "fulfilled_shipments.txt": (FULFILLED_SHIPMENTS, fulfilled),
        "customer_returns.txt": (CUSTOMER_RETURNS, returns),
        "reimbursements.txt": (REIMBURSEMENTS, reimbursements),
        "removal_order_detail.txt": (REMOVAL_ORDER, removal_orders),
        "removal_shipment_detail.txt": (REMOVAL_SHIPMENT, removal_shipments),
        "inbound_shipment_items.txt": (INBOUND_SP_API, inbound),
        "ledger_detail.txt": (LEDGER_DETAIL, ledger),
        "ledger_summary.txt": (LEDGER_SUMMARY, summary),
        "storage_fees.txt": (STORAGE_FEES, storage),
        "inventory_planning.txt": (PLANNING, planning),
        "seller_returns.txt": (SELLER_RETURNS, seller_returns),
        "legacy_adjustments.txt": (LEGACY_ADJUSTMENTS, legacy_adjustments),
        "legacy_inventory_events.txt": (LEGACY_EVENTS, legacy_events),
        "legacy_receipts.txt": (LEGACY_RECEIPTS, legacy_receipts),
        "stranded_inventory.txt": (STRANDED, per_sku(lambda s, f, a, t, p, n: {
            "primary-action": "Fix listing", "date-stranded": "2026-06-01",
            "Date-to-take-auto-removal": "2026-07-01", "status-primary": "Stranded",
            "stranded-reason": "Listing closed", "asin": a, "sku": s, "fnsku": f,
            "product-name": t, "condition": "New", "fulfilled-by": "Amazon",
            "fulfillable-qty": 4, "your-price": f"{p:.2f}"})),
        "fee_preview.txt": (FEE_PREVIEW_US, per_sku(lambda s, f, a, t, p, n: {
            "sku": s, "fnsku": f, "asin": a, "product-name": t, "your-price": f"{p:.2f}",
            "longest-side": "10.2", "median-side": "6.1", "shortest-side": "3.3",
            "unit-of-dimension": "inches", "item-package-weight": "1.1", "unit-of-weight": "pounds",
            "product-size-tier": "Large standard", "currency": "USD", "estimated-fee-total": "9.80",
            "estimated-referral-fee-per-unit": f"{p * 0.15:.2f}",
            "expected-fulfillment-fee-per-unit": "3.22"})),
        "manage_inventory.txt": (MANAGE_INVENTORY, per_sku(lambda s, f, a, t, p, n: {
            "sku": s, "fnsku": f, "asin": a, "product-name": t, "condition": "New",
            "your-price": f"{p:.2f}", "afn-listing-exists": "Yes", "afn-warehouse-quantity": 40,
            "afn-fulfillable-quantity": 38, "afn-unsellable-quantity": 1,
            "afn-reserved-quantity": 1, "afn-total-quantity": 40 + (n % 17 == 0),
            "afn-researching-quantity": int(n % 17 == 0)})),
        "restock.txt": (RESTOCK, per_sku(lambda s, f, a, t, p, n: {
            "Country": "US", "Product Name": t, "FNSKU": f, "Merchant SKU": s, "ASIN": a,
            "Condition": "New", "Currency code": "USD", "Price": f"{p:.2f}", "Total Units": 40,
            "Inbound": 0, "Available": 38, "Recommended replenishment qty": 20,
            "Recommended ship date": "2026-07-15"})),
        "afn_inventory.txt": (AFN_INVENTORY, per_sku(lambda s, f, a, t, p, n: {
            "seller-sku": s, "fulfillment-channel-sku": f, "asin": a, "condition-type": "New",
            "Warehouse-Condition-code": "SELLABLE", "Quantity Available": 38})),
        "costs.csv": (["sku", "cost", "currency"], per_sku(lambda s, f, a, t, p, n: {
            "sku": s, "cost": f"{p * 0.3:.2f}", "currency": "USD"})),
        # one SKU in ten is a small envelope Amazon charges as Large standard (fee-overcharge)
        "measurements.csv": (MEASUREMENTS, per_sku(lambda s, f, a, t, p, n: {
            "sku": s, "dimension_unit": "in", "weight_unit": "oz",
            **({"length": "11.8", "width": "8.5", "height": "0.6", "weight": "8.8"} if n % 10 == 3
               else {"length": "10.2", "width": "6.1", "height": "3.3", "weight": "17.6"})})),
    }  # fmt: skip
