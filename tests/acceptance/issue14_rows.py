"""Rows for the issue-14 acceptance tests: small factories (every other cell of the header
stays empty) and one plausible data row per documented format (``SAMPLES``, keyed like
``issue14_files.FORMATS``), each with a non-ASCII cell where the report has free text so that a
cp1252 file really is cp1252.
"""

from __future__ import annotations


def v2_total(
    sid: str, currency: str, start: str = "2026-01-01", end: str = "2026-05-31"
) -> dict[str, str]:
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


def flat_total(
    sid: str, currency: str, start: str = "2026-01-01", end: str = "2026-05-31"
) -> dict[str, str]:
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


def manage_inventory(
    sku: str, fnsku: str, researching: str, price: str = "20.00"
) -> dict[str, str]:
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
