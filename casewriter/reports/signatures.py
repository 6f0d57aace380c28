"""Which report a header is: every report type ``scan`` knows, recognised by its column names.

Owns the report type ids (``REPORT_TYPES``, stable: they appear in ``scan --json``), a title
for each, and ``classify(names)``. A type is recognised when its header holds a set of its
distinctive columns, written out in full as Amazon spells them (``units-shipped-t7``,
``units-shipped-t30``… never an abbreviation), compared after ``canon`` (case, spaces, dashes
and underscores ignored: ``Reference ID`` = ``reference-id``). Optional columns come and go
between versions of a report; only the distinctive ones are required. Types are tried in the
order below, the most specific first (Amazon Fulfilled Shipments has every column All Orders
needs, so it comes first). A header no signature matches may still be a seller's own inbound
shipment CSV (by synonyms), else it is not a known report.

``PII_COLUMNS`` are buyer names, e-mails, phones and addresses: they are dropped from the
column map of every report, so no reader can keep them.
"""

from __future__ import annotations

import re

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def canon(name: str) -> str:
    """A header name as compared: lower case, letters and digits only."""
    return _NON_ALNUM.sub("", name.replace("\ufeff", "").strip().strip('"').lower())


def _cols(text: str) -> frozenset[str]:
    return frozenset(canon(n) for n in text.split(",") if n.strip())


#: type id → what sellers call the report (and its API name), in ``scan --help`` order.
TITLES: dict[str, str] = {
    "ledger-detail": "Inventory Ledger, detailed view (GET_LEDGER_DETAIL_VIEW_DATA)",
    "ledger-summary": "Inventory Ledger, summary view (GET_LEDGER_SUMMARY_VIEW_DATA)",
    "reimbursements": "Reimbursements (GET_FBA_REIMBURSEMENTS_DATA)",
    "customer-returns": "FBA customer returns (GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA)",
    "all-orders": "All Orders (GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL)",
    "fulfilled-shipments": "Amazon Fulfilled Shipments (GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL)",
    "settlement-v2": "Settlement flat file V2 (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2)",
    "settlement-flat": "Settlement flat file, older layout (GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE)",
    "removal-order-detail": "Removal order detail (GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA)",
    "removal-shipment-detail": "Removal shipment detail (GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA)",
    "inbound-shipment-items": "Inbound shipment items (SP-API, or your own CSV)",
    "fee-preview": "Fee Preview, US and EU variants (GET_FBA_ESTIMATED_FBA_FEES_TXT_DATA)",
    "storage-fees": "Monthly storage fees (GET_FBA_STORAGE_FEE_CHARGES_DATA)",
    "inventory-planning": "Inventory planning / FBA Inventory (GET_FBA_INVENTORY_PLANNING_DATA)",
    "manage-inventory": "Manage FBA Inventory (GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA)",
    "stranded-inventory": "Stranded inventory (GET_STRANDED_INVENTORY_UI_DATA)",
    "restock": "Restock inventory recommendations (GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT)",
    "seller-returns": "Seller-fulfilled returns (GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE)",
    "afn-inventory": "AFN inventory, and by country (GET_AFN_INVENTORY_DATA, _BY_COUNTRY)",
    "legacy-adjustments": "Inventory Adjustments, legacy (GET_FBA_FULFILLMENT_INVENTORY_ADJUSTMENTS_DATA)",
    "legacy-receipts": "Received Inventory, legacy (GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA)",
    "legacy-inventory-events": "Inventory Event Detail, legacy (GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA)",
    "seller-measurements": "Your own measurements (CSV: sku,length,width,height,dimension_unit,weight,weight_unit)",
    "manufacturing-costs": "Your manufacturing costs (your own CSV: sku,cost,currency)",
}  # fmt: skip

#: Every report type ``scan`` recognises.
REPORT_TYPES: tuple[str, ...] = tuple(TITLES)

#: The types whose rows the scan rules use; the others are read (typed, checked, counted) and
#: noted as "not used by the scan rules".
USED_BY_RULES = frozenset({
    "ledger-detail", "ledger-summary", "reimbursements", "customer-returns", "all-orders",
    "fulfilled-shipments", "settlement-v2", "settlement-flat", "inbound-shipment-items",
    "legacy-adjustments", "legacy-receipts", "legacy-inventory-events",
    "removal-order-detail", "removal-shipment-detail", "manage-inventory",
    "fee-preview", "storage-fees", "stranded-inventory", "seller-measurements",
    "manufacturing-costs",
})  # fmt: skip

#: (type, required columns, any-of alternatives: at least one set must be present too).
SIGNATURES: tuple[tuple[str, frozenset[str], tuple[frozenset[str], ...]], ...] = (
    ("ledger-detail", _cols("Date, FNSKU, Event Type, Reference ID, Quantity, Reason"), ()),
    ("ledger-summary", _cols("Date, FNSKU, Starting Warehouse Balance, Receipts, Customer Shipments, "
                             "Customer Returns, Ending Warehouse Balance"), ()),
    ("reimbursements", _cols("approval-date, reimbursement-id, reason, fnsku, "
                             "quantity-reimbursed-total"), ()),
    ("customer-returns", _cols("return-date, order-id, sku, detailed-disposition"), ()),
    ("settlement-v2", _cols("settlement-id, transaction-type, order-id, amount-type, amount"), ()),
    ("settlement-flat", _cols("settlement-id, transaction-type, order-id, price-type, price-amount, "
                              "item-related-fee-type, item-related-fee-amount, other-amount"), ()),
    ("fulfilled-shipments", _cols("amazon-order-id, shipment-id, shipment-item-id, "
                                  "amazon-order-item-id, shipment-date, quantity-shipped, "
                                  "carrier, tracking-number, fulfillment-center-id"), ()),
    ("all-orders", _cols("amazon-order-id, purchase-date, order-status, fulfillment-channel, sku, "
                         "quantity, item-price"), ()),
    ("removal-shipment-detail", _cols("request-date, order-id, shipment-date, tracking-number"), ()),
    ("removal-order-detail", _cols("request-date, order-id, order-type, requested-quantity"),
     (_cols("order-source"), _cols("service-speed"), frozenset())),
    ("legacy-adjustments", _cols("adjusted-date, transaction-item-id, fnsku, quantity, reason"), ()),
    ("legacy-receipts", _cols("received-date, fnsku, quantity, fba-shipment-id"), ()),
    ("legacy-inventory-events", _cols("snapshot-date, transaction-type, fnsku, sku, quantity, "
                                      "fulfillment-center-id, disposition"), ()),
    ("fee-preview", _cols("sku, fnsku, asin, longest-side, median-side, shortest-side, "
                          "unit-of-dimension, item-package-weight, unit-of-weight, currency, "
                          "estimated-fee-total, estimated-referral-fee-per-unit"), ()),
    ("storage-fees", _cols("asin, fnsku, fulfillment_center, longest_side, median_side, "
                           "shortest_side, measurement_units, weight, weight_units, item_volume, "
                           "volume_units, product_size_tier, average_quantity_on_hand, "
                           "month_of_charge, storage_rate, estimated_monthly_storage_fee"), ()),
    ("inventory-planning", _cols("snapshot-date, sku, fnsku, asin, available"),
     (_cols("units-shipped-t7, units-shipped-t30, units-shipped-t60, units-shipped-t90"),
      _cols("inv-age-0-to-90-days, inv-age-91-to-180-days, inv-age-181-to-270-days, "
            "inv-age-271-to-365-days, inv-age-365-plus-days"),
      _cols("inv-age-0-to-30-days, inv-age-31-to-60-days, inv-age-61-to-90-days"))),
    ("manage-inventory", _cols("sku, fnsku, asin, afn-listing-exists, afn-warehouse-quantity, "
                               "afn-fulfillable-quantity, afn-unsellable-quantity, "
                               "afn-reserved-quantity, afn-total-quantity"), ()),
    ("stranded-inventory", _cols("primary-action, date-stranded, status-primary, stranded-reason, "
                                 "asin, sku, fnsku"), ()),
    ("restock", _cols("FNSKU, Merchant SKU, ASIN, Total Units, Inbound, Available, "
                      "Recommended replenishment qty, Recommended ship date"), ()),
    ("seller-returns", _cols("Order ID, Return request date, Return request status, Amazon RMA ID, "
                             "Merchant RMA ID, Label type, ASIN, Merchant SKU, Return quantity, "
                             "Return Reason"), ()),
    ("seller-measurements", _cols("sku, length, width, height, dimension_unit, weight, "
                                  "weight_unit"), ()),
    # GET_AFN_INVENTORY_DATA, and _BY_COUNTRY as Amazon sends it (country,
    # quantity-for-local-fulfillment: open-source connectors' headers) or with a country column
    ("afn-inventory", _cols("seller-sku, fulfillment-channel-sku, asin, condition-type"),
     (_cols("Warehouse-Condition-code, Quantity Available"),
      _cols("country, quantity-for-local-fulfillment"))),
    ("manufacturing-costs", _cols("sku, cost, currency"), ()),
)  # fmt: skip

#: Buyer personal data (Amazon Fulfilled Shipments, All Orders): never read into a record.
PII_COLUMNS = _cols(
    "buyer-email, buyer-name, buyer-phone-number, buyer-company-name, buyer-tax-registration-id, "
    "recipient-name, ship-address-1, ship-address-2, ship-address-3, ship-city, ship-state, "
    "ship-postal-code, ship-phone-number, bill-address-1, bill-address-2, bill-address-3, "
    "bill-city, bill-state, bill-postal-code, bill-country, bill-name, bill-phone-number"
)

#: Header synonyms (after ``canon``) → the canonical column key the inbound reader uses.
SYNONYMS: dict[str, str] = {
    # inbound shipment items (SP-API flattened, or a seller's own CSV)
    "shipmentid": "shipmentid", "shipment": "shipmentid", "fbashipmentid": "shipmentid",
    "shipmentnumber": "shipmentid", "inboundshipmentid": "shipmentid",
    "sellersku": "sku", "msku": "sku", "merchantsku": "sku", "sku": "sku",
    "fulfillmentnetworksku": "fnsku", "fnsku": "fnsku",
    "quantityshipped": "shipped", "shipped": "shipped", "unitsshipped": "shipped",
    "qtyshipped": "shipped", "shippedquantity": "shipped", "shippedqty": "shipped",
    "shippedunits": "shipped", "expected": "shipped", "unitsexpected": "shipped",
    "quantityreceived": "received", "received": "received", "unitsreceived": "received",
    "qtyreceived": "received", "receivedquantity": "received", "receivedqty": "received",
    "receivedunits": "received",
    "shipmentstatus": "status", "status": "status",
    "delivereddate": "delivereddate", "deliverydate": "delivereddate", "delivered": "delivereddate",
    "closeddate": "closeddate", "shipdate": "shipdate", "shippeddate": "shipdate",
}  # fmt: skip


#: every column name a signature or synonym knows: a row whose first cell is one of these (and
#: not the current report's own header) may be another report's header joined by hand
HEADER_WORDS: frozenset[str] = frozenset(
    {name for _t, required, alts in SIGNATURES for group in (required, *alts) for name in group}
    | set(SYNONYMS)
    | set(SYNONYMS.values())
)


def _variant(rtype: str, present: set[str]) -> str:
    if rtype == "all-orders":
        return "with-url" if "url" in present else "without-url"
    if rtype == "removal-order-detail":
        return "service-speed" if "servicespeed" in present else "order-source"
    if rtype == "fee-preview":
        eu = {"productsizeweightband", "expecteddomesticfulfilmentfeeperunit"} & present
        return "eu" if eu else "us"
    if rtype == "afn-inventory":
        return "by-country" if "country" in present else ""
    if rtype == "seller-returns":
        return "safe-t" if "safetclaimid" in present else ""
    return ""


def classify(names: list[str]) -> tuple[str, str, dict[str, int]] | None:
    """(type, variant, canonical column → index) for a header, or None if not a known report.
    Buyer personal data columns are left out of the column map."""
    keys = [canon(n) for n in names]
    present = set(keys)
    for rtype, required, alternatives in SIGNATURES:
        if not required <= present:
            continue
        if alternatives and not any(alt <= present for alt in alternatives):
            continue
        columns: dict[str, int] = {}
        for i, key in enumerate(keys):
            if key not in PII_COLUMNS:
                columns.setdefault(key, i)
        return rtype, _variant(rtype, present), columns
    columns = {}
    for i, key in enumerate(keys):
        if key not in PII_COLUMNS:
            columns.setdefault(SYNONYMS.get(key, key), i)
    if {"shipmentid", "shipped", "received"} <= columns.keys() and (
        "sku" in columns or "fnsku" in columns
    ):
        variant = "sp-api" if "quantityshipped" in present else "user-csv"
        return "inbound-shipment-items", variant, columns
    return None
