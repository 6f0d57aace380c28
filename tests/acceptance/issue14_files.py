"""Report files for the issue-14 acceptance tests, built from the documented headers.

The headers are written out here from the design notes (health.md and reports.md, copied into
the repository: nothing here reads the design folder), each abbreviated run spelled in full as
Amazon writes it (``units-shipped-t7``, ``-t30``…, ``ship-address-1..3``). They are typed in
independently of ``tests/report_headers.py`` so that a mistake in one is not shared.

``write_report(path, header, rows, style)`` writes a file the way a seller's download (or a
seller's spreadsheet) writes it: ``tab`` (the flat file), ``csv`` (comma-separated, every cell
quoted), ``tab-bom`` (UTF-8 with a byte order mark), ``cp1252`` (Windows-1252, as real
Reimbursements files are) and ``csv-crlf`` (quoted CSV with Windows line endings and a BOM).
Rows are dicts keyed by header name; missing cells are left empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path


def cols(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


# --- reports.md -------------------------------------------------------------------------------
LEDGER = cols(
    "Date, FNSKU, ASIN, MSKU, Title, Event Type, Reference ID, Quantity, Fulfillment Center, "
    "Disposition, Reason, Country, Reconciled Quantity, Unreconciled Quantity, Date and Time, Store"
)
LEDGER_SUMMARY = cols(
    "Date, FNSKU, ASIN, MSKU, Title, Disposition, Starting Warehouse Balance, "
    "In Transit Between Warehouses, Receipts, Customer Shipments, Customer Returns, "
    "Vendor Returns, Warehouse Transfer In/Out, Found, Lost, Damaged, Disposed, Other Events, "
    "Ending Warehouse Balance, Unknown Events, Location, Store"
)
REIMBURSEMENTS = cols(
    "approval-date, reimbursement-id, case-id, amazon-order-id, reason, sku, fnsku, asin, "
    "product-name, condition, currency-unit, amount-per-unit, amount-total, "
    "quantity-reimbursed-cash, quantity-reimbursed-inventory, quantity-reimbursed-total, "
    "original-reimbursement-id, original-reimbursement-type"
)
RETURNS = cols(
    "return-date, order-id, sku, asin, fnsku, product-name, quantity, fulfillment-center-id, "
    "detailed-disposition, reason, status, license-plate-number, customer-comments"
)
ALL_ORDERS = cols(
    "amazon-order-id, merchant-order-id, purchase-date, last-updated-date, order-status, "
    "fulfillment-channel, sales-channel, order-channel, ship-service-level, product-name, sku, "
    "asin, item-status, quantity, currency, item-price, item-tax, shipping-price, shipping-tax, "
    "gift-wrap-price, gift-wrap-tax, item-promotion-discount, ship-promotion-discount, "
    "ship-city, ship-state, ship-postal-code, ship-country, promotion-ids, cpf, "
    "is-business-order, purchase-order-number, price-designation, "
    "signature-confirmation-recommended"
)
SETTLEMENT_V2 = cols(
    "settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, "
    "currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, "
    "marketplace-name, amount-type, amount-description, amount, fulfillment-id, posted-date, "
    "posted-date-time, order-item-code, merchant-order-item-id, merchant-adjustment-item-id, "
    "sku, quantity-purchased, promotion-id"
)
REMOVAL_ORDERS = cols(
    "request-date, order-id, order-source, order-type, order-status, last-updated-date, sku, "
    "fnsku, disposition, requested-quantity, cancelled-quantity, disposed-quantity, "
    "shipped-quantity, in-process-quantity, removal-fee, currency"
)
REMOVAL_SHIPMENTS = cols(
    "request-date, order-id, shipment-date, sku, fnsku, disposition, shipped-quantity, carrier, "
    "tracking-number, removal-order-type"
)
INBOUND_SP_API = cols(
    "ShipmentId, SellerSKU, FulfillmentNetworkSKU, QuantityShipped, QuantityReceived, "
    "QuantityInCase, ShipmentStatus"
)
LEGACY_ADJUSTMENTS = cols(
    "adjusted-date, transaction-item-id, fnsku, sku, product-name, fulfillment-center-id, "
    "quantity, reason, disposition"
)
LEGACY_RECEIPTS = cols(
    "received-date, fnsku, sku, product-name, quantity, fba-shipment-id, fulfillment-center-id"
)

# --- health.md --------------------------------------------------------------------------------
SETTLEMENT_FLAT = cols(
    "settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, "
    "currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, "
    "marketplace-name, shipment-fee-type, shipment-fee-amount, order-fee-type, "
    "order-fee-amount, fulfillment-id, posted-date, order-item-code, merchant-order-item-id, "
    "merchant-adjustment-item-id, sku, quantity-purchased, price-type, price-amount, "
    "item-related-fee-type, item-related-fee-amount, misc-fee-amount, other-fee-amount, "
    "other-fee-reason-description, direct-payment-type, direct-payment-amount, other-amount"
)
FULFILLED_SHIPMENTS = cols(
    "amazon-order-id, merchant-order-id, shipment-id, shipment-item-id, amazon-order-item-id, "
    "merchant-order-item-id, purchase-date, payments-date, shipment-date, reporting-date, "
    "buyer-email, buyer-name, buyer-phone-number, sku, product-name, quantity-shipped, "
    "currency, item-price, item-tax, shipping-price, shipping-tax, gift-wrap-price, "
    "gift-wrap-tax, ship-service-level, recipient-name, ship-address-1, ship-address-2, "
    "ship-address-3, ship-city, ship-state, ship-postal-code, ship-country, ship-phone-number, "
    "bill-address-1, bill-address-2, bill-address-3, bill-city, bill-state, bill-postal-code, "
    "bill-country, item-promotion-discount, ship-promotion-discount, carrier, tracking-number, "
    "estimated-arrival-date, fulfillment-center-id, fulfillment-channel, sales-channel"
)
FEE_PREVIEW_US = cols(
    "sku, fnsku, asin, product-name, product-group, brand, fulfilled-by, your-price, "
    "sales-price, longest-side, median-side, shortest-side, length-and-girth, "
    "unit-of-dimension, item-package-weight, unit-of-weight, product-size-tier, currency, "
    "estimated-fee-total, estimated-referral-fee-per-unit, estimated-variable-closing-fee, "
    "estimated-order-handling-fee-per-order, estimated-pick-pack-fee-per-unit, "
    "estimated-weight-handling-fee-per-unit, expected-fulfillment-fee-per-unit"
)
FEE_PREVIEW_EU = cols(
    "sku, fnsku, asin, product-name, product-group, brand, fulfilled-by, has-local-inventory, "
    "your-price, sales-price, longest-side, median-side, shortest-side, length-and-girth, "
    "unit-of-dimension, item-package-weight, unit-of-weight, product-size-weight-band, "
    "currency, estimated-fee-total, estimated-referral-fee-per-unit, "
    "estimated-variable-closing-fee, expected-domestic-fulfilment-fee-per-unit, "
    "expected-efn-fulfilment-fee-per-unit-uk, expected-efn-fulfilment-fee-per-unit-de, "
    "expected-efn-fulfilment-fee-per-unit-fr, expected-efn-fulfilment-fee-per-unit-it, "
    "expected-efn-fulfilment-fee-per-unit-es, expected-efn-fulfilment-fee-per-unit-se"
)
STORAGE = cols(
    "asin, fnsku, product_name, fulfillment_center, country_code, longest_side, median_side, "
    "shortest_side, measurement_units, weight, weight_units, item_volume, volume_units, "
    "product_size_tier, average_quantity_on_hand, average_quantity_pending_removal, "
    "estimated_total_item_volume, month_of_charge, storage_rate, currency, "
    "estimated_monthly_storage_fee, dangerous_goods_storage_type, "
    "eligible_for_inventory_discount, qualifies_for_inventory_discount, "
    "total_incentive_fee_amount, breakdown_incentive_fee_amount, "
    "average_quantity_customer_orders"
)
PLANNING = cols(
    "snapshot-date, sku, fnsku, asin, product-name, condition, available, "
    "pending-removal-quantity, inv-age-0-to-90-days, inv-age-91-to-180-days, "
    "inv-age-181-to-270-days, inv-age-271-to-365-days, inv-age-365-plus-days, currency, "
    "qty-to-be-charged-ltsf-11-mo, projected-ltsf-11-mo, qty-to-be-charged-ltsf-12-mo, "
    "estimated-ltsf-next-charge, units-shipped-t7, units-shipped-t30, units-shipped-t60, "
    "units-shipped-t90, alert, your-price, sales-price, lowest-price-new-plus-shipping, "
    "lowest-price-used, recommended-action, healthy-inventory-level, "
    "recommended-sales-price, recommended-sale-duration-days, recommended-removal-quantity, "
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
MANAGE_INVENTORY = cols(
    "sku, fnsku, asin, product-name, condition, your-price, mfn-listing-exists, "
    "mfn-fulfillable-quantity, afn-listing-exists, afn-warehouse-quantity, "
    "afn-fulfillable-quantity, afn-unsellable-quantity, afn-reserved-quantity, "
    "afn-total-quantity, per-unit-volume, afn-inbound-working-quantity, "
    "afn-inbound-shipped-quantity, afn-inbound-receiving-quantity, afn-researching-quantity, "
    "afn-reserved-future-supply, afn-future-supply-buyable"
)
STRANDED = cols(
    "primary-action, date-stranded, Date-to-take-auto-removal, status-primary, "
    "status-secondary, error-message, stranded-reason, asin, sku, fnsku, product-name, "
    "condition, fulfilled-by, fulfillable-qty, your-price, unfulfillable-qty, "
    "reserved-quantity, inbound-shipped-qty"
)
RESTOCK = [
    c.strip()
    for c in (
        "Country|Product Name|FNSKU|Merchant SKU|ASIN|Condition|Supplier|Supplier part no.|"
        "Currency code|Price|Sales last 30 days|Units Sold Last 30 Days|Total Units|Inbound|"
        "Available|FC transfer|FC Processing|Customer Order|Unfulfillable|Working|Shipped|"
        "Receiving|Fulfilled by|Total Days of Supply (including units from open shipments)|"
        "Days of Supply at Amazon Fulfillment Network|Alert|Recommended replenishment qty|"
        "Recommended ship date|Recommended action|Unit storage size"
    ).split("|")
]
SELLER_RETURNS = cols(
    "Order ID, Order date, Return request date, Return request status, Amazon RMA ID, "
    "Merchant RMA ID, Label type, Label cost, Currency code, Return carrier, Tracking ID, "
    "Label to be paid by, A-to-Z Claim, Is prime, ASIN, Merchant SKU, Item Name, "
    "Return quantity, Return Reason, In policy, Return type, Resolution, Invoice number, "
    "Return delivery date, Order Amount, Order quantity, SafeT Action reason, SafeT claim id, "
    "SafeT claim state, SafeT claim creation time, SafeT claim reimbursement amount, "
    "Refunded Amount"
)
AFN_INVENTORY = cols(
    "seller-sku, fulfillment-channel-sku, asin, condition-type, Warehouse-Condition-code, "
    "Quantity Available"
)
AFN_INVENTORY_BY_COUNTRY = [*AFN_INVENTORY, "country"]
INVENTORY_EVENTS = cols(
    "snapshot-date, transaction-type, fnsku, sku, product-name, fulfillment-center-id, "
    "quantity, disposition"
)
MEASUREMENTS = cols("sku,length,width,height,dimension_unit,weight,weight_unit")
COSTS = cols("sku,cost,currency")

#: Every public format of health.md and reports.md → (header, the ``type`` scan --json names).
FORMATS: dict[str, tuple[list[str], str]] = {
    "ledger-detail": (LEDGER, "ledger-detail"),
    "ledger-summary": (LEDGER_SUMMARY, "ledger-summary"),
    "reimbursements": (REIMBURSEMENTS, "reimbursements"),
    "customer-returns": (RETURNS, "customer-returns"),
    "all-orders": (ALL_ORDERS, "all-orders"),
    "settlement-v2": (SETTLEMENT_V2, "settlement-v2"),
    "removal-orders": (REMOVAL_ORDERS, "removal-order-detail"),
    "removal-shipments": (REMOVAL_SHIPMENTS, "removal-shipment-detail"),
    "inbound-sp-api": (INBOUND_SP_API, "inbound-shipment-items"),
    "legacy-adjustments": (LEGACY_ADJUSTMENTS, "legacy-adjustments"),
    "legacy-receipts": (LEGACY_RECEIPTS, "legacy-receipts"),
    "settlement-flat": (SETTLEMENT_FLAT, "settlement-flat"),
    "fulfilled-shipments": (FULFILLED_SHIPMENTS, "fulfilled-shipments"),
    "fee-preview-us": (FEE_PREVIEW_US, "fee-preview"),
    "fee-preview-eu": (FEE_PREVIEW_EU, "fee-preview"),
    "storage-fees": (STORAGE, "storage-fees"),
    "inventory-planning": (PLANNING, "inventory-planning"),
    "manage-inventory": (MANAGE_INVENTORY, "manage-inventory"),
    "stranded-inventory": (STRANDED, "stranded-inventory"),
    "restock": (RESTOCK, "restock"),
    "seller-returns": (SELLER_RETURNS, "seller-returns"),
    "afn-inventory": (AFN_INVENTORY, "afn-inventory"),
    "afn-inventory-by-country": (AFN_INVENTORY_BY_COUNTRY, "afn-inventory"),
    "inventory-events": (INVENTORY_EVENTS, "legacy-inventory-events"),
}

STYLES = ("tab", "csv", "tab-bom", "cp1252", "csv-crlf")


def _line(cells: Iterable[str], style: str) -> str:
    cells = list(cells)
    if style.startswith("csv"):
        return ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    return "\t".join(cells)


def render(header: list[str], rows: Iterable[Mapping[str, object]], style: str = "tab") -> bytes:
    """The bytes of a report file in ``style`` (see the module docstring)."""
    unknown = [k for row in rows for k in row if k not in header]
    if unknown:
        raise KeyError(f"not in the header: {unknown}")
    lines = [_line(header, style)]
    for row in rows:
        lines.append(_line(("" if row.get(h) is None else str(row.get(h)) for h in header), style))
    newline = "\r\n" if style in ("csv-crlf", "cp1252") else "\n"
    text = newline.join(lines) + newline
    if style == "cp1252":
        return text.encode("cp1252")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if style in ("tab-bom", "csv-crlf") else data


def write_report(
    path: Path, header: list[str], rows: list[Mapping[str, object]], style: str = "tab"
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(header, rows, style))
    return path


def finding(data: Mapping[str, object], rule: str, **ids: str) -> dict[str, object]:
    """The one finding of ``rule`` whose ids include ``ids`` (AssertionError otherwise)."""
    found = [
        f
        for f in data["findings"]  # type: ignore[union-attr]
        if f["rule"] == rule and all(f["ids"].get(k) == v for k, v in ids.items())  # type: ignore[index]
    ]
    assert len(found) == 1, (rule, ids, [(f["rule"], f["ids"]) for f in data["findings"]])  # type: ignore[index, union-attr]
    return found[0]  # type: ignore[no-any-return]


def rules_of(data: Mapping[str, object], rule: str) -> list[dict[str, object]]:
    return [f for f in data["findings"] if f["rule"] == rule]  # type: ignore[union-attr, index]
