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


# --- rows -------------------------------------------------------------------------------------
# Small factories for the rows the tests need; every other cell of the header stays empty.


def v2_total(sid: str, currency: str, start: str = "2026-01-01", end: str = "2026-05-31") -> dict[str, str]:
    """The first data row of a V2 settlement: the totals, no transaction columns."""
    return {"settlement-id": sid, "settlement-start-date": start, "settlement-end-date": end,
            "deposit-date": end, "total-amount": "100.00", "currency": currency}  # fmt: skip


def v2_row(sid: str, ttype: str, order: str, sku: str, atype: str, desc: str, amount: str,
           posted: str, *, qty: str = "1", market: str = "Amazon.com", channel: str = "AFN",
           ) -> dict[str, str]:  # fmt: skip
    return {"settlement-id": sid, "transaction-type": ttype, "order-id": order,
            "marketplace-name": market, "amount-type": atype, "amount-description": desc,
            "amount": amount, "fulfillment-id": channel, "posted-date": posted, "sku": sku,
            "quantity-purchased": qty}  # fmt: skip


def flat_total(sid: str, currency: str, start: str = "2026-01-01", end: str = "2026-05-31") -> dict[str, str]:
    return {"settlement-id": sid, "settlement-start-date": start, "settlement-end-date": end,
            "deposit-date": end, "total-amount": "100.00", "currency": currency}  # fmt: skip


def flat_row(sid: str, ttype: str, order: str, sku: str, posted: str, *, currency: str = "USD",
             qty: str = "1", market: str = "Amazon.com", channel: str = "AFN",
             **amounts: str) -> dict[str, str]:  # fmt: skip
    """A row of the older flat file; ``amounts`` by header name with ``_`` for ``-``
    (``price_type="Principal", price_amount="-20.00"``, ``other_amount="15.00"``)."""
    row = {"settlement-id": sid, "currency": currency, "transaction-type": ttype,
           "order-id": order, "marketplace-name": market, "fulfillment-id": channel,
           "posted-date": posted, "sku": sku, "quantity-purchased": qty}  # fmt: skip
    row.update({k.replace("_", "-"): v for k, v in amounts.items()})
    return row


def ledger_row(day: str, fnsku: str, sku: str, event: str, ref: str, qty: str, reason: str,
               unreconciled: str = "", country: str = "US", stamp: str = "") -> dict[str, str]:  # fmt: skip
    return {"Date": day, "FNSKU": fnsku, "ASIN": "B0" + fnsku[2:], "MSKU": sku,
            "Title": "Item " + sku, "Event Type": event, "Reference ID": ref, "Quantity": qty,
            "Fulfillment Center": "ONT8", "Disposition": "SELLABLE", "Reason": reason,
            "Country": country, "Reconciled Quantity": "0" if unreconciled else "",
            "Unreconciled Quantity": unreconciled, "Date and Time": stamp, "Store": ""}  # fmt: skip


def reimbursement(day: str, rid: str, reason: str, sku: str, fnsku: str, per_unit: str,
                  total: str, cash: str, *, inventory: str = "0", order: str = "",
                  currency: str = "USD", original: str = "", original_type: str = "",
                  name: str = "Item") -> dict[str, str]:  # fmt: skip
    return {"approval-date": day, "reimbursement-id": rid, "case-id": "",
            "amazon-order-id": order, "reason": reason, "sku": sku, "fnsku": fnsku,
            "asin": "B0" + fnsku[2:], "product-name": name, "condition": "NewItem",
            "currency-unit": currency, "amount-per-unit": per_unit, "amount-total": total,
            "quantity-reimbursed-cash": cash, "quantity-reimbursed-inventory": inventory,
            "quantity-reimbursed-total": str(int(cash) + int(inventory)),
            "original-reimbursement-id": original,
            "original-reimbursement-type": original_type}  # fmt: skip


def customer_return(day: str, order: str, sku: str, fnsku: str, disposition: str, *,
                    status: str = "Unit returned to inventory", qty: str = "1",
                    lpn: str = "LPNRR12345678") -> dict[str, str]:  # fmt: skip
    return {"return-date": day, "order-id": order, "sku": sku, "asin": "B0" + fnsku[2:],
            "fnsku": fnsku, "product-name": "Item " + sku, "quantity": qty,
            "fulfillment-center-id": "ONT8", "detailed-disposition": disposition,
            "reason": "DAMAGED_BY_CARRIER", "status": status, "license-plate-number": lpn,
            "customer-comments": ""}  # fmt: skip


def removal_order(order: str, status: str, otype: str, sku: str, fnsku: str, requested: int,
                  cancelled: int, disposed: int, shipped: int, in_process: int, updated: str,
                  *, requested_on: str = "2026-04-01T10:00:00-07:00", currency: str = "USD",
                  ) -> dict[str, str]:  # fmt: skip
    return {"request-date": requested_on, "order-id": order,
            "order-source": "Seller-initiated Manual Removal", "order-type": otype,
            "order-status": status, "last-updated-date": updated, "sku": sku, "fnsku": fnsku,
            "disposition": "Sellable", "requested-quantity": str(requested),
            "cancelled-quantity": str(cancelled), "disposed-quantity": str(disposed),
            "shipped-quantity": str(shipped), "in-process-quantity": str(in_process),
            "removal-fee": "1.04", "currency": currency}  # fmt: skip


def removal_shipment(order: str, shipped_on: str, sku: str, fnsku: str, qty: int, carrier: str,
                     tracking: str, *, requested_on: str = "2026-04-01T10:00:00-07:00",
                     otype: str = "Return") -> dict[str, str]:  # fmt: skip
    return {"request-date": requested_on, "order-id": order, "shipment-date": shipped_on,
            "sku": sku, "fnsku": fnsku, "disposition": "Sellable", "shipped-quantity": str(qty),
            "carrier": carrier, "tracking-number": tracking, "removal-order-type": otype}  # fmt: skip


def stranded(sku: str, fnsku: str, fulfilled_by: str, fulfillable: str, unfulfillable: str,
             price: str, since: str, auto_removal: str, *, action: str = "Relist",
             reason: str = "Closed listing") -> dict[str, str]:  # fmt: skip
    return {"primary-action": action, "date-stranded": since,
            "Date-to-take-auto-removal": auto_removal, "status-primary": "Stranded",
            "status-secondary": "Listing closed", "error-message": "The listing is closed.",
            "stranded-reason": reason, "asin": "B0" + fnsku[2:], "sku": sku, "fnsku": fnsku,
            "product-name": "Item " + sku, "condition": "New", "fulfilled-by": fulfilled_by,
            "fulfillable-qty": fulfillable, "your-price": price,
            "unfulfillable-qty": unfulfillable, "reserved-quantity": "0",
            "inbound-shipped-qty": "0"}  # fmt: skip


def storage(fnsku: str, fc: str, volume: str, quantity: str, total_volume: str, rate: str,
            fee: str, *, tier: str = "Standard-Size", incentive: str = "0", country: str = "US",
            currency: str = "USD", month: str = "2026-04", sides: tuple[str, str, str] = ("10", "8", "5"),
            weight: str = "1.0") -> dict[str, str]:  # fmt: skip
    return {"asin": "B0" + fnsku[2:], "fnsku": fnsku, "product_name": "Item",
            "fulfillment_center": fc, "country_code": country, "longest_side": sides[0],
            "median_side": sides[1], "shortest_side": sides[2], "measurement_units": "inches",
            "weight": weight, "weight_units": "pounds", "item_volume": volume,
            "volume_units": "cubic feet", "product_size_tier": tier,
            "average_quantity_on_hand": quantity, "average_quantity_pending_removal": "0",
            "estimated_total_item_volume": total_volume, "month_of_charge": month,
            "storage_rate": rate, "currency": currency, "estimated_monthly_storage_fee": fee,
            "dangerous_goods_storage_type": "--", "eligible_for_inventory_discount": "N",
            "qualifies_for_inventory_discount": "N", "total_incentive_fee_amount": incentive,
            "breakdown_incentive_fee_amount": "", "average_quantity_customer_orders": "1"}  # fmt: skip


def manage_inventory(sku: str, fnsku: str, researching: str, price: str = "20.00") -> dict[str, str]:
    return {"sku": sku, "fnsku": fnsku, "asin": "B0" + fnsku[2:], "product-name": "Item",
            "condition": "New", "your-price": price, "mfn-listing-exists": "No",
            "mfn-fulfillable-quantity": "", "afn-listing-exists": "Yes",
            "afn-warehouse-quantity": "10", "afn-fulfillable-quantity": "10",
            "afn-unsellable-quantity": "0", "afn-reserved-quantity": "0",
            "afn-total-quantity": "10", "per-unit-volume": "0.1",
            "afn-inbound-working-quantity": "0", "afn-inbound-shipped-quantity": "0",
            "afn-inbound-receiving-quantity": "0", "afn-researching-quantity": researching,
            "afn-reserved-future-supply": "0", "afn-future-supply-buyable": "0"}  # fmt: skip


#: One plausible data row per format (``FORMATS`` keys), each with a non-ASCII cell so that the
#: cp1252 variant really is cp1252 (a product name "Crème brûlée set", where the report has one).
NAME = "Crème brûlée set"
SAMPLES: dict[str, dict[str, str]] = {
    "ledger-detail": ledger_row("04/02/2026", "X00FMT0001", "FMT-1", "Shipments", "", "-1", "")
    | {"Title": NAME},
    "ledger-summary": {"Date": "04/2026", "FNSKU": "X00FMT0001", "ASIN": "B0FMT00001",
                       "MSKU": "FMT-1", "Title": NAME, "Disposition": "SELLABLE",
                       "Starting Warehouse Balance": "10", "In Transit Between Warehouses": "0",
                       "Receipts": "0", "Customer Shipments": "-1", "Customer Returns": "0",
                       "Vendor Returns": "0", "Warehouse Transfer In/Out": "0", "Found": "0",
                       "Lost": "0", "Damaged": "0", "Disposed": "0", "Other Events": "0",
                       "Ending Warehouse Balance": "9", "Unknown Events": "0",
                       "Location": "US", "Store": ""},
    "reimbursements": reimbursement("2026-04-02T09:00:00+00:00", "11111111111", "Lost_Warehouse",
                                    "FMT-1", "X00FMT0001", "5.00", "5.00", "1", name=NAME),
    "customer-returns": customer_return("2026-04-02T10:00:00+00:00", "111-1111111-1111111",
                                        "FMT-1", "X00FMT0001", "SELLABLE")
    | {"product-name": NAME},
    "all-orders": {"amazon-order-id": "111-1111111-1111111", "purchase-date":
                   "2026-04-01T10:00:00+00:00", "last-updated-date": "2026-04-02T10:00:00+00:00",
                   "order-status": "Shipped", "fulfillment-channel": "Amazon",
                   "sales-channel": "Amazon.com", "product-name": NAME, "sku": "FMT-1",
                   "asin": "B0FMT00001", "item-status": "Shipped", "quantity": "1",
                   "currency": "USD", "item-price": "19.99", "ship-country": "US"},
    "settlement-v2": v2_row("9001", "Order", "111-1111111-1111111", "FMT-1", "ItemPrice",
                            "Principal", "19.99", "2026-04-02") | {"merchant-order-id": "Crème-1"},
    "removal-orders": removal_order("RMV-FMT-1", "Completed", "Return", "FMT-1", "X00FMT0001", 2,
                                    0, 0, 2, 0, "2026-04-05T10:00:00-07:00")
    | {"order-source": "Crème"},
    "removal-shipments": removal_shipment("RMV-FMT-1", "2026-04-04T10:00:00-07:00", "FMT-1",
                                          "X00FMT0001", 2, "Crème Post", "1Z999AA10123456784"),
    "inbound-sp-api": {"ShipmentId": "FBA15FMT0001", "SellerSKU": "FMT-1",
                       "FulfillmentNetworkSKU": "X00FMT0001", "QuantityShipped": "10",
                       "QuantityReceived": "10", "QuantityInCase": "0",
                       "ShipmentStatus": "RECEIVING"},
    "legacy-adjustments": {"adjusted-date": "2022-04-02T10:00:00+00:00",
                           "transaction-item-id": "12345678901", "fnsku": "X00FMT0001",
                           "sku": "FMT-1", "product-name": NAME, "fulfillment-center-id": "ONT8",
                           "quantity": "1", "reason": "P", "disposition": "SELLABLE"},
    "legacy-receipts": {"received-date": "2022-04-02T10:00:00+00:00", "fnsku": "X00FMT0001",
                        "sku": "FMT-1", "product-name": NAME, "quantity": "10",
                        "fba-shipment-id": "FBA15FMT0001", "fulfillment-center-id": "ONT8"},
    "settlement-flat": flat_row("9002", "Order", "111-1111111-1111111", "FMT-1", "2026-04-02",
                                price_type="Principal", price_amount="19.99")
    | {"merchant-order-id": "Crème-1"},
    "fulfilled-shipments": {"amazon-order-id": "111-1111111-1111111", "shipment-id": "DkFmt0001",
                            "shipment-item-id": "DkItem0001",
                            "amazon-order-item-id": "12345678901234",
                            "purchase-date": "2026-04-01T10:00:00+00:00",
                            "payments-date": "2026-04-01T10:00:00+00:00",
                            "shipment-date": "2026-04-02T10:00:00+00:00",
                            "reporting-date": "2026-04-02T12:00:00+00:00",
                            "buyer-name": "Zoë Buyer", "sku": "FMT-1", "product-name": NAME,
                            "quantity-shipped": "1", "currency": "USD", "item-price": "19.99",
                            "ship-country": "US", "carrier": "UPS",
                            "tracking-number": "1Z999AA10123456784",
                            "fulfillment-center-id": "ONT8", "fulfillment-channel": "Amazon",
                            "sales-channel": "Amazon.com"},
    "fee-preview-us": {"sku": "FMT-1", "fnsku": "X00FMT0001", "asin": "B0FMT00001",
                       "product-name": NAME, "fulfilled-by": "Amazon", "your-price": "19.99",
                       "sales-price": "19.99", "longest-side": "10", "median-side": "8",
                       "shortest-side": "0.5", "unit-of-dimension": "inches",
                       "item-package-weight": "0.4", "unit-of-weight": "pounds",
                       "product-size-tier": "Small Standard", "currency": "USD",
                       "estimated-fee-total": "6.40", "estimated-referral-fee-per-unit": "3.00",
                       "expected-fulfillment-fee-per-unit": "3.40"},
    "fee-preview-eu": {"sku": "FMT-1", "fnsku": "X00FMT0001", "asin": "B0FMT00001",
                       "product-name": NAME, "fulfilled-by": "AFN", "has-local-inventory": "Y",
                       "your-price": "19,99", "sales-price": "19,99", "longest-side": "25",
                       "median-side": "20", "shortest-side": "2", "unit-of-dimension": "cm",
                       "item-package-weight": "180", "unit-of-weight": "g",
                       "product-size-weight-band": "Standard envelope", "currency": "EUR",
                       "estimated-fee-total": "5,40", "estimated-referral-fee-per-unit": "3,00",
                       "expected-domestic-fulfilment-fee-per-unit": "2,40"},
    "storage-fees": storage("X00FMT0001", "ONT8", "0.5", "10", "5.0", "0.78", "3.90")
    | {"product_name": NAME},
    "inventory-planning": {"snapshot-date": "2026-04-02", "sku": "FMT-1", "fnsku": "X00FMT0001",
                           "asin": "B0FMT00001", "product-name": NAME, "condition": "New",
                           "available": "10", "units-shipped-t7": "1", "units-shipped-t30": "4",
                           "units-shipped-t60": "8", "units-shipped-t90": "12",
                           "sell-through": "1.2", "marketplace": "US", "currency": "USD"},
    "manage-inventory": manage_inventory("FMT-1", "X00FMT0001", "0") | {"product-name": NAME},
    "stranded-inventory": stranded("FMT-1", "X00FMT0001", "Amazon", "0", "0", "19.99",
                                   "2026-04-01", "2026-05-01") | {"product-name": NAME},
    "restock": {"Country": "US", "Product Name": NAME, "FNSKU": "X00FMT0001",
                "Merchant SKU": "FMT-1", "ASIN": "B0FMT00001", "Condition": "New",
                "Currency code": "USD", "Price": "19.99", "Total Units": "10", "Inbound": "0",
                "Available": "10", "Recommended replenishment qty": "0",
                "Recommended ship date": "none"},
    "seller-returns": {"Order ID": "111-1111111-1111111", "Order date": "2026-04-01",
                       "Return request date": "2026-04-05", "Return request status": "Approved",
                       "Amazon RMA ID": "DzXyRMA01", "Merchant RMA ID": "", "Label type":
                       "AmazonUnPaidLabel", "Currency code": "USD", "ASIN": "B0FMT00001",
                       "Merchant SKU": "FMT-1", "Item Name": NAME, "Return quantity": "1",
                       "Return Reason": "NO_REASON_GIVEN", "Order Amount": "19.99",
                       "Order quantity": "1", "Refunded Amount": "19.99"},
    "afn-inventory": {"seller-sku": "FMT-1", "fulfillment-channel-sku": "X00FMT0001",
                      "asin": "B0FMT00001", "condition-type": "NewItem",
                      "Warehouse-Condition-code": "SELLABLE", "Quantity Available": "10"},
    "afn-inventory-by-country": {"seller-sku": "FMT-1", "fulfillment-channel-sku": "X00FMT0001",
                                 "asin": "B0FMT00001", "condition-type": "NewItem",
                                 "Warehouse-Condition-code": "SELLABLE",
                                 "Quantity Available": "10", "country": "US"},
    "inventory-events": {"snapshot-date": "2022-04-02T10:00:00+00:00",
                         "transaction-type": "Shipments", "fnsku": "X00FMT0001", "sku": "FMT-1",
                         "product-name": NAME, "fulfillment-center-id": "ONT8",
                         "quantity": "-1", "disposition": "SELLABLE"},
}  # fmt: skip
