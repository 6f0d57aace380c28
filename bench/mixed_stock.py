"""The rows of the inventory reports of the mixed benchmark folder (``mixed_reports.py``).

``stock_makers(shop, counts)`` gives, for each inventory report, its header and the function
that makes its row ``n``: removal orders (now and then one unit short) and their packages,
inbound shipment items (some short, some still receiving), the Inventory Ledger (Shipments,
CustomerReturns, WhseTransfers, Receipts and Adjustments in realistic shares, 500 claim-coded
adjustments spread over the file), the ledger summary (some Found units), monthly storage fees,
inventory planning, seller-fulfilled returns, the three legacy reports, and one row per SKU of
Fee Preview, Manage FBA Inventory (some researching units), restock, AFN inventory, stranded
inventory and the seller's own CSVs: manufacturing costs and measurements (one SKU in ten a
small envelope Amazon charges as Large standard, so the fee rules read the settlements' FBA
fee rows).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from bench.mixed_shop import SKUS, START, Maker, Shop, order_id
from tests.report_headers import (
    AFN_INVENTORY,
    FEE_PREVIEW_US,
    INBOUND_SP_API,
    LEDGER_DETAIL,
    LEDGER_SUMMARY,
    LEGACY_ADJUSTMENTS,
    LEGACY_EVENTS,
    LEGACY_RECEIPTS,
    MANAGE_INVENTORY,
    PLANNING,
    REMOVAL_ORDER,
    REMOVAL_SHIPMENT,
    RESTOCK,
    SELLER_RETURNS,
    STORAGE_FEES,
    STRANDED,
)

MEASUREMENTS = ["sku", "length", "width", "height", "dimension_unit", "weight", "weight_unit"]


def stock_makers(shop: Shop, counts: dict[str, int]) -> dict[str, Maker]:
    """Header and row maker of each inventory report (``counts``: rows per report file)."""
    rnd = shop.rnd
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
