"""Report files for the issue-15 acceptance tests, built from the headers the design notes
document (health.md, "Report headers"), written out here by hand, not taken from the code under
test: planning, Manage FBA Inventory, stranded, restock, monthly storage fees, Fee Preview (US)
and the older settlement flat file, each in the forms sellers' downloads come in (tab or
quoted CSV, BOM, cp1252, CRLF, a repeated header row).

``write_report(path, header, rows, ...)`` writes one; ``rows`` are dicts keyed by column name
(missing columns are empty cells). ``RIDGEWAY`` is the US seller kept in
``tests/data/acceptance_issue15/ridgeway`` (its README derives every figure by hand).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "acceptance_issue15"
RIDGEWAY = DATA / "ridgeway"


def _split(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(","))


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
MANAGE = _split(
    "sku, fnsku, asin, product-name, condition, your-price, mfn-listing-exists, "
    "mfn-fulfillable-quantity, afn-listing-exists, afn-warehouse-quantity, "
    "afn-fulfillable-quantity, afn-unsellable-quantity, afn-reserved-quantity, "
    "afn-total-quantity, per-unit-volume, afn-inbound-working-quantity, "
    "afn-inbound-shipped-quantity, afn-inbound-receiving-quantity, afn-researching-quantity, "
    "afn-reserved-future-supply, afn-future-supply-buyable"
)
STRANDED = _split(
    "primary-action, date-stranded, Date-to-take-auto-removal, status-primary, "
    "status-secondary, error-message, stranded-reason, asin, sku, fnsku, product-name, "
    "condition, fulfilled-by, fulfillable-qty, your-price, unfulfillable-qty, "
    "reserved-quantity, inbound-shipped-qty"
)
RESTOCK = _split(
    "Country, Product Name, FNSKU, Merchant SKU, ASIN, Condition, Supplier, Supplier part no., "
    "Currency code, Price, Sales last 30 days, Units Sold Last 30 Days, Total Units, Inbound, "
    "Available, FC transfer, FC Processing, Customer Order, Unfulfillable, Working, Shipped, "
    "Receiving, Fulfilled by, Total Days of Supply (including units from open shipments), "
    "Days of Supply at Amazon Fulfillment Network, Alert, Recommended replenishment qty, "
    "Recommended ship date, Recommended action, Unit storage size"
)
STORAGE = _split(
    "asin, fnsku, product_name, fulfillment_center, country_code, longest_side, median_side, "
    "shortest_side, measurement_units, weight, weight_units, item_volume, volume_units, "
    "product_size_tier, average_quantity_on_hand, average_quantity_pending_removal, "
    "estimated_total_item_volume, month_of_charge, storage_rate, currency, "
    "estimated_monthly_storage_fee, dangerous_goods_storage_type, "
    "eligible_for_inventory_discount, qualifies_for_inventory_discount, "
    "total_incentive_fee_amount, breakdown_incentive_fee_amount, "
    "average_quantity_customer_orders"
)
FEE_PREVIEW_US = _split(
    "sku, fnsku, asin, product-name, product-group, brand, fulfilled-by, your-price, "
    "sales-price, longest-side, median-side, shortest-side, length-and-girth, "
    "unit-of-dimension, item-package-weight, unit-of-weight, product-size-tier, currency, "
    "estimated-fee-total, estimated-referral-fee-per-unit, estimated-variable-closing-fee, "
    "estimated-order-handling-fee-per-order, estimated-pick-pack-fee-per-unit, "
    "estimated-weight-handling-fee-per-unit, expected-fulfillment-fee-per-unit"
)
SETTLEMENT_FLAT = _split(
    "settlement-id, settlement-start-date, settlement-end-date, deposit-date, total-amount, "
    "currency, transaction-type, order-id, merchant-order-id, adjustment-id, shipment-id, "
    "marketplace-name, shipment-fee-type, shipment-fee-amount, order-fee-type, "
    "order-fee-amount, fulfillment-id, posted-date, order-item-code, merchant-order-item-id, "
    "merchant-adjustment-item-id, sku, quantity-purchased, price-type, price-amount, "
    "item-related-fee-type, item-related-fee-amount, misc-fee-amount, other-fee-amount, "
    "other-fee-reason-description, direct-payment-type, direct-payment-amount, other-amount"
)
MEASUREMENTS = ("sku", "length", "width", "height", "dimension_unit", "weight", "weight_unit")

Row = Mapping[str, object]


def report_text(
    header: Iterable[str],
    rows: Iterable[Row],
    *,
    sep: str = "\t",
    quote_all: bool = False,
    crlf: bool = False,
    repeat_header_after: int | None = None,
) -> str:
    """The text of a report: ``header`` then one line per row (a row's missing columns are
    empty); ``repeat_header_after=n`` writes the header again after the n-th row (sellers
    join downloads)."""
    names = list(header)
    out = io.StringIO()
    writer = csv.writer(
        out,
        delimiter=sep,
        quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
        lineterminator="\r\n" if crlf else "\n",
    )
    writer.writerow(names)
    for n, row in enumerate(rows, start=1):
        unknown = set(row) - set(names)
        assert not unknown, f"not a column of this report: {sorted(unknown)}"
        writer.writerow(["" if row.get(h) is None else str(row.get(h)) for h in names])
        if repeat_header_after == n:
            writer.writerow(names)
    return out.getvalue()


def write_report(
    path: Path,
    header: Iterable[str],
    rows: Iterable[Row],
    *,
    encoding: str = "utf-8",
    bom: bool = False,
    **kwargs: object,
) -> Path:
    data = report_text(header, rows, **kwargs).encode(encoding)  # type: ignore[arg-type]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def planning_row(day: str, sku: str, fnsku: str, **cells: object) -> dict[str, object]:
    """A planning row; ``cells`` use underscores for dashes (``sell_through=1.5``)."""
    row: dict[str, object] = {"snapshot-date": day, "sku": sku, "fnsku": fnsku,
                              "condition": "New", "marketplace": "US", "currency": "USD"}  # fmt: skip
    row.update({k.replace("_", "-"): v for k, v in cells.items()})
    return row
