"""The documented header of every public Seller Central report format, spelled out in full.

Copied from the design notes (health.md and reports.md, which abbreviate runs such as
``units-shipped-t7/-t30/-t60/-t90`` and ``ship-address-1..3``: written out here as the real
headers spell them), in the published column order. Tests build report files from these.
"""

from __future__ import annotations


def _split(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


LEDGER_DETAIL = _split(
    "Date, FNSKU, ASIN, MSKU, Title, Event Type, Reference ID, Quantity, Fulfillment Center, "
    "Disposition, Reason, Country, Reconciled Quantity, Unreconciled Quantity, Date and Time, Store"
)
LEDGER_SUMMARY = _split(
    "Date, FNSKU, ASIN, MSKU, Title, Disposition, Starting Warehouse Balance, In Transit Between "
    "Warehouses, Receipts, Customer Shipments, Customer Returns, Vendor Returns, Warehouse "
    "Transfer In/Out, Found, Lost, Damaged, Disposed, Other Events, Ending Warehouse Balance, "
    "Unknown Events, Location, Store"
)
REIMBURSEMENTS = _split(
    "approval-date, reimbursement-id, case-id, amazon-order-id, reason, sku, fnsku, asin, "
    "product-name, condition, currency-unit, amount-per-unit, amount-total, "
    "quantity-reimbursed-cash, quantity-reimbursed-inventory, quantity-reimbursed-total, "
    "original-reimbursement-id, original-reimbursement-type"
)
CUSTOMER_RETURNS = _split(
    "return-date, order-id, sku, asin, fnsku, product-name, quantity, fulfillment-center-id, "
    "detailed-disposition, reason, status, license-plate-number, customer-comments"
)
ALL_ORDERS = _split(
    "amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status, "
    "fulfillment-channel, sales-channel, order-channel, ship-service-level, product-name, sku, "
    "asin, item-status, quantity, currency, item-price, item-tax, shipping-price, shipping-tax, "
    "gift-wrap-price, gift-wrap-tax, item-promotion-discount, ship-promotion-discount, ship-city, "
    "ship-state, ship-postal-code, ship-country, promotion-ids, cpf, is-business-order, "
    "purchase-order-number, price-designation, signature-confirmation-recommended"
)
ALL_ORDERS_URL = _split(
    "amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status, "
    "fulfillment-channel, sales-channel, order-channel, url, ship-service-level, product-name, "
    "sku, asin, item-status, quantity, currency, item-price, item-tax, shipping-price, "
    "shipping-tax, gift-wrap-price, gift-wrap-tax, item-promotion-discount, "
    "ship-promotion-discount, ship-city, ship-state, ship-postal-code, ship-country, "
    "promotion-ids, is-business-order, purchase-order-number, price-designation"
)
SETTLEMENT_V2 = _split(
    "settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, "
    "currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, "
    "marketplace-name, amount-type, amount-description, amount, fulfillment-id, posted-date, "
    "posted-date-time, order-item-code, merchant-order-item-id, merchant-adjustment-item-id, sku, "
    "quantity-purchased, promotion-id"
)
SETTLEMENT_FLAT = _split(
    "settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, "
    "currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, "
    "marketplace-name, shipment-fee-type, shipment-fee-amount, order-fee-type, order-fee-amount, "
    "fulfillment-id, posted-date, order-item-code, merchant-order-item-id, "
    "merchant-adjustment-item-id, sku, quantity-purchased, price-type, price-amount, "
    "item-related-fee-type, item-related-fee-amount, misc-fee-amount, other-fee-amount, "
    "other-fee-reason-description, direct-payment-type, direct-payment-amount, other-amount"
)
REMOVAL_ORDER = _split(
    "request-date, order-id, order-source, order-type, order-status, last-updated-date, sku, "
    "fnsku, disposition, requested-quantity, cancelled-quantity, disposed-quantity, "
    "shipped-quantity, in-process-quantity, removal-fee, currency"
)
REMOVAL_ORDER_SERVICE_SPEED = [
    ("service-speed" if c == "order-source" else c) for c in REMOVAL_ORDER
]
REMOVAL_SHIPMENT = _split(
    "request-date, order-id, shipment-date, sku, fnsku, disposition, shipped-quantity, carrier, "
    "tracking-number, removal-order-type"
)
INBOUND_SP_API = _split(
    "ShipmentId, SellerSKU, FulfillmentNetworkSKU, QuantityShipped, QuantityReceived, "
    "QuantityInCase, ShipmentStatus, DestinationFulfillmentCenterId"
)
LEGACY_ADJUSTMENTS = _split(
    "adjusted-date, transaction-item-id, fnsku, sku, product-name, fulfillment-center-id, "
    "quantity, reason, disposition"
)
LEGACY_EVENTS = _split(
    "snapshot-date, transaction-type, fnsku, sku, product-name, fulfillment-center-id, quantity, "
    "disposition"
)
LEGACY_RECEIPTS = _split(
    "received-date, fnsku, sku, product-name, quantity, fba-shipment-id, fulfillment-center-id"
)
FULFILLED_SHIPMENTS = _split(
    "amazon-order-id, merchant-order-id, shipment-id, shipment-item-id, amazon-order-item-id, "
    "merchant-order-item-id, purchase-date, payments-date, shipment-date, reporting-date, "
    "buyer-email, buyer-name, buyer-phone-number, sku, product-name, quantity-shipped, currency, "
    "item-price, item-tax, shipping-price, shipping-tax, gift-wrap-price, gift-wrap-tax, "
    "ship-service-level, recipient-name, ship-address-1, ship-address-2, ship-address-3, "
    "ship-city, ship-state, ship-postal-code, ship-country, ship-phone-number, bill-address-1, "
    "bill-address-2, bill-address-3, bill-city, bill-state, bill-postal-code, bill-country, "
    "item-promotion-discount, ship-promotion-discount, carrier, tracking-number, "
    "estimated-arrival-date, fulfillment-center-id, fulfillment-channel, sales-channel"
)
FEE_PREVIEW_US = _split(
    "sku, fnsku, asin, product-name, product-group, brand, fulfilled-by, your-price, sales-price, "
    "longest-side, median-side, shortest-side, length-and-girth, unit-of-dimension, "
    "item-package-weight, unit-of-weight, product-size-tier, currency, estimated-fee-total, "
    "estimated-referral-fee-per-unit, estimated-variable-closing-fee, "
    "estimated-order-handling-fee-per-order, estimated-pick-pack-fee-per-unit, "
    "estimated-weight-handling-fee-per-unit, expected-fulfillment-fee-per-unit"
)
FEE_PREVIEW_EU = _split(
    "sku, fnsku, asin, product-name, product-group, brand, fulfilled-by, has-local-inventory, "
    "your-price, sales-price, longest-side, median-side, shortest-side, length-and-girth, "
    "unit-of-dimension, item-package-weight, unit-of-weight, product-size-weight-band, currency, "
    "estimated-fee-total, estimated-referral-fee-per-unit, estimated-variable-closing-fee, "
    "expected-domestic-fulfilment-fee-per-unit, expected-efn-fulfilment-fee-per-unit-uk, "
    "expected-efn-fulfilment-fee-per-unit-de, expected-efn-fulfilment-fee-per-unit-fr, "
    "expected-efn-fulfilment-fee-per-unit-it, expected-efn-fulfilment-fee-per-unit-es, "
    "expected-efn-fulfilment-fee-per-unit-se"
)
STORAGE_FEES = _split(
    "asin, fnsku, product_name, fulfillment_center, country_code, longest_side, median_side, "
    "shortest_side, measurement_units, weight, weight_units, item_volume, volume_units, "
    "product_size_tier, average_quantity_on_hand, average_quantity_pending_removal, "
    "estimated_total_item_volume, month_of_charge, storage_rate, currency, "
    "estimated_monthly_storage_fee, dangerous_goods_storage_type, "
    "eligible_for_inventory_discount, qualifies_for_inventory_discount, "
    "total_incentive_fee_amount, breakdown_incentive_fee_amount, average_quantity_customer_orders"
)
PLANNING = _split(
    "snapshot-date, sku, fnsku, asin, product-name, condition, available, "
    "pending-removal-quantity, inv-age-0-to-90-days, inv-age-91-to-180-days, "
    "inv-age-181-to-270-days, inv-age-271-to-365-days, inv-age-365-plus-days, currency, "
    "qty-to-be-charged-ltsf-11-mo, projected-ltsf-11-mo, qty-to-be-charged-ltsf-12-mo, "
    "estimated-ltsf-next-charge, units-shipped-t7, units-shipped-t30, units-shipped-t60, "
    "units-shipped-t90, alert, your-price, sales-price, lowest-price-new-plus-shipping, "
    "lowest-price-used, recommended-action, healthy-inventory-level, recommended-sales-price, "
    "recommended-sale-duration-days, recommended-removal-quantity, "
    "estimated-cost-savings-of-recommended-actions, sell-through, item-volume, "
    "volume-unit-measurement, storage-type, storage-volume, marketplace, product-group, "
    "sales-rank, days-of-supply, estimated-excess-quantity, weeks-of-cover-t30, "
    "weeks-of-cover-t90, featuredoffer-price, sales-shipped-last-7-days, "
    "sales-shipped-last-30-days, sales-shipped-last-60-days, sales-shipped-last-90-days, "
    "inv-age-0-to-30-days, inv-age-31-to-60-days, inv-age-61-to-90-days, "
    "inv-age-181-to-330-days, inv-age-331-to-365-days, estimated-storage-cost-next-month, "
    "inbound-quantity, inbound-working, inbound-shipped, inbound-received, "
    "no-sale-last-6-months, reserved-quantity, unfulfillable-quantity"
)
MANAGE_INVENTORY = _split(
    "sku, fnsku, asin, product-name, condition, your-price, mfn-listing-exists, "
    "mfn-fulfillable-quantity, afn-listing-exists, afn-warehouse-quantity, "
    "afn-fulfillable-quantity, afn-unsellable-quantity, afn-reserved-quantity, "
    "afn-total-quantity, per-unit-volume, afn-inbound-working-quantity, "
    "afn-inbound-shipped-quantity, afn-inbound-receiving-quantity, afn-researching-quantity, "
    "afn-reserved-future-supply, afn-future-supply-buyable"
)
STRANDED = _split(
    "primary-action, date-stranded, Date-to-take-auto-removal, status-primary, status-secondary, "
    "error-message, stranded-reason, asin, sku, fnsku, product-name, condition, fulfilled-by, "
    "fulfillable-qty, your-price, unfulfillable-qty, reserved-quantity, inbound-shipped-qty"
)
RESTOCK = _split(
    "Country, Product Name, FNSKU, Merchant SKU, ASIN, Condition, Supplier, Supplier part no., "
    "Currency code, Price, Sales last 30 days, Units Sold Last 30 Days, Total Units, Inbound, "
    "Available, FC transfer, FC Processing, Customer Order, Unfulfillable, Working, Shipped, "
    "Receiving, Fulfilled by, Total Days of Supply (including units from open shipments), "
    "Days of Supply at Amazon Fulfillment Network, Alert, Recommended replenishment qty, "
    "Recommended ship date, Recommended action, Unit storage size"
)
SELLER_RETURNS = _split(
    "Order ID, Order date, Return request date, Return request status, Amazon RMA ID, "
    "Merchant RMA ID, Label type, Label cost, Currency code, Return carrier, Tracking ID, "
    "Label to be paid by, A-to-Z Claim, Is prime, ASIN, Merchant SKU, Item Name, Return quantity, "
    "Return Reason, In policy, Return type, Resolution, Invoice number, Return delivery date, "
    "Order Amount, Order quantity, SafeT Action reason, SafeT claim id, SafeT claim state, "
    "SafeT claim creation time, SafeT claim reimbursement amount, Refunded Amount"
)
AFN_INVENTORY = _split(
    "seller-sku, fulfillment-channel-sku, asin, condition-type, Warehouse-Condition-code, "
    "Quantity Available"
)
AFN_INVENTORY_BY_COUNTRY = _split(
    "seller-sku, fulfillment-channel-sku, asin, condition-type, country, "
    "Warehouse-Condition-code, Quantity Available"
)
#: the seller's own measurements CSV (README "Scan reports for claims"), not an Amazon report
SELLER_MEASUREMENTS = _split("sku, length, width, height, dimension_unit, weight, weight_unit")

#: (format name, header, expected type, expected variant)
FORMATS: list[tuple[str, list[str], str, str]] = [
    ("ledger detail", LEDGER_DETAIL, "ledger-detail", ""),
    ("ledger summary", LEDGER_SUMMARY, "ledger-summary", ""),
    ("reimbursements", REIMBURSEMENTS, "reimbursements", ""),
    ("FBA customer returns", CUSTOMER_RETURNS, "customer-returns", ""),
    ("All Orders (2026)", ALL_ORDERS, "all-orders", "without-url"),
    ("All Orders (MWS, url)", ALL_ORDERS_URL, "all-orders", "with-url"),
    ("settlement V2", SETTLEMENT_V2, "settlement-v2", ""),
    ("settlement, older flat file", SETTLEMENT_FLAT, "settlement-flat", ""),
    ("removal order detail", REMOVAL_ORDER, "removal-order-detail", "order-source"),
    ("removal order detail (service-speed)", REMOVAL_ORDER_SERVICE_SPEED, "removal-order-detail",
     "service-speed"),
    ("removal shipment detail", REMOVAL_SHIPMENT, "removal-shipment-detail", ""),
    ("inbound shipment items (SP-API)", INBOUND_SP_API, "inbound-shipment-items", "sp-api"),
    ("legacy Inventory Adjustments", LEGACY_ADJUSTMENTS, "legacy-adjustments", ""),
    ("legacy Inventory Event Detail", LEGACY_EVENTS, "legacy-inventory-events", ""),
    ("legacy Received Inventory", LEGACY_RECEIPTS, "legacy-receipts", ""),
    ("Amazon Fulfilled Shipments", FULFILLED_SHIPMENTS, "fulfilled-shipments", ""),
    ("Fee Preview (US)", FEE_PREVIEW_US, "fee-preview", "us"),
    ("Fee Preview (EU/UK)", FEE_PREVIEW_EU, "fee-preview", "eu"),
    ("monthly storage fees", STORAGE_FEES, "storage-fees", ""),
    ("inventory planning", PLANNING, "inventory-planning", ""),
    ("Manage FBA Inventory", MANAGE_INVENTORY, "manage-inventory", ""),
    ("stranded inventory", STRANDED, "stranded-inventory", ""),
    ("restock", RESTOCK, "restock", ""),
    ("seller-fulfilled returns", SELLER_RETURNS, "seller-returns", "safe-t"),
    ("AFN inventory", AFN_INVENTORY, "afn-inventory", ""),
    ("AFN inventory by country", AFN_INVENTORY_BY_COUNTRY, "afn-inventory", "by-country"),
    ("your measurements", SELLER_MEASUREMENTS, "seller-measurements", ""),
    # not an Amazon report: the seller's own manufacturing costs (README "Scan reports")
    ("manufacturing costs (your CSV)", ["sku", "cost", "currency"], "manufacturing-costs", ""),
    ("manufacturing costs with a name column", ["SKU", "Product name", "Cost", "Currency"],
     "manufacturing-costs", ""),
]  # fmt: skip
