"""Inventory snapshots: Manage FBA Inventory, AFN inventory (and by country), stranded
inventory, restock recommendations, the ledger summary and the legacy Inventory Event Detail.

Each reader streams one typed record per row (unit counts as ``int``, prices as ``Money`` or
``Decimal``, dates as ``date``); a column the file does not have reads as None, so older and
newer versions of a report read alike. A row without its item (SKU or FNSKU) is skipped with a
warning naming the file and line.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from casewriter.reports.fields import Fields, typed_rows
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.row_words import missing
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Money

_NO_ITEM = missing("sku", "fnsku")


class ManagedInventory(NamedTuple):
    """Manage FBA Inventory (``GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA``)."""

    line: int
    sku: str
    fnsku: str
    asin: str
    condition: str
    your_price: Decimal | None  # the report names no currency: the marketplace's
    mfn_listing_exists: bool | None
    mfn_fulfillable: int | None
    afn_listing_exists: bool | None
    afn_warehouse: int | None
    afn_fulfillable: int | None
    afn_unsellable: int | None
    afn_reserved: int | None
    afn_total: int | None
    per_unit_volume: Decimal | None
    afn_inbound_working: int | None
    afn_inbound_shipped: int | None
    afn_inbound_receiving: int | None
    afn_researching: int | None
    afn_reserved_future_supply: int | None
    afn_future_supply_buyable: int | None


def read_manage_inventory(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[ManagedInventory]:
    def build(f: Fields, r: list[str], line: int) -> ManagedInventory | str:
        rec = ManagedInventory(
            line, f.text(r, "sku"), f.upper(r, "fnsku"), f.upper(r, "asin"),
            f.text(r, "condition"), f.dec(r, "your-price"), f.flag(r, "mfn-listing-exists"),
            f.count(r, "mfn-fulfillable-quantity"), f.flag(r, "afn-listing-exists"),
            f.count(r, "afn-warehouse-quantity"), f.count(r, "afn-fulfillable-quantity"),
            f.count(r, "afn-unsellable-quantity"), f.count(r, "afn-reserved-quantity"),
            f.count(r, "afn-total-quantity"), f.dec(r, "per-unit-volume"),
            f.count(r, "afn-inbound-working-quantity"), f.count(r, "afn-inbound-shipped-quantity"),
            f.count(r, "afn-inbound-receiving-quantity"), f.count(r, "afn-researching-quantity"),
            f.count(r, "afn-reserved-future-supply"), f.count(r, "afn-future-supply-buyable"),
        )  # fmt: skip
        return rec if rec.sku or rec.fnsku else _NO_ITEM

    return typed_rows(info, warnings, progress, build)


class AfnInventory(NamedTuple):
    """AFN inventory (``GET_AFN_INVENTORY_DATA``; ``_BY_COUNTRY`` adds the country)."""

    line: int
    sku: str
    fnsku: str
    asin: str
    condition: str
    warehouse_condition: str  # normalized: SELLABLE, UNSELLABLE
    quantity: int
    country: str  # "" in the report that is not by country


def read_afn_inventory(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[AfnInventory]:
    def build(f: Fields, r: list[str], line: int) -> AfnInventory | str:
        sku, fnsku = f.text(r, "seller-sku"), f.upper(r, "fulfillment-channel-sku")
        qty = f.count(r, "Quantity Available")
        if qty is None:  # the by-country layout: the units each country fulfils locally
            qty = f.count(r, "quantity-for-local-fulfillment")
        if not sku and not fnsku:
            return _NO_ITEM
        if qty is None:
            return missing("Quantity Available")
        return AfnInventory(line, sku, fnsku, f.upper(r, "asin"), f.text(r, "condition-type"),
                            f.code(r, "Warehouse-Condition-code"), qty, f.upper(r, "country"))  # fmt: skip

    return typed_rows(info, warnings, progress, build)


class StrandedItem(NamedTuple):
    """Stranded inventory (``GET_STRANDED_INVENTORY_UI_DATA``)."""

    line: int
    primary_action: str  # as Amazon words it: the fix it names
    stranded_on: date | None
    auto_removal_on: date | None  # ``Date-to-take-auto-removal``: a deadline
    status_primary: str
    status_secondary: str
    error_message: str
    reason: str  # stranded-reason, as written
    asin: str
    sku: str
    fnsku: str
    condition: str
    fulfilled_by: str
    fulfillable: int | None
    your_price: Decimal | None  # no currency column: the marketplace's
    unfulfillable: int | None
    reserved: int | None
    inbound_shipped: int | None


def read_stranded(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[StrandedItem]:
    def build(f: Fields, r: list[str], line: int) -> StrandedItem | str:
        rec = StrandedItem(
            line, f.text(r, "primary-action"), f.day(r, "date-stranded"),
            f.day(r, "Date-to-take-auto-removal"), f.text(r, "status-primary"),
            f.text(r, "status-secondary"), f.text(r, "error-message"),
            f.text(r, "stranded-reason"), f.upper(r, "asin"), f.text(r, "sku"),
            f.upper(r, "fnsku"), f.text(r, "condition"), f.text(r, "fulfilled-by"),
            f.count(r, "fulfillable-qty"), f.dec(r, "your-price"), f.count(r, "unfulfillable-qty"),
            f.count(r, "reserved-quantity"), f.count(r, "inbound-shipped-qty"),
        )  # fmt: skip
        return rec if rec.sku or rec.fnsku else _NO_ITEM

    return typed_rows(info, warnings, progress, build)


class RestockItem(NamedTuple):
    """Restock inventory recommendations (``GET_RESTOCK_INVENTORY_RECOMMENDATIONS_REPORT``)."""

    line: int
    country: str
    fnsku: str
    sku: str
    asin: str
    condition: str
    supplier: str
    supplier_part_no: str
    currency: str
    price: Money | None
    sales_last_30_days: Money | None
    units_sold_last_30_days: int | None
    total_units: int | None
    inbound: int | None
    available: int | None
    fc_transfer: int | None
    fc_processing: int | None
    customer_order: int | None
    unfulfillable: int | None
    working: int | None
    shipped: int | None
    receiving: int | None
    fulfilled_by: str
    total_days_of_supply: Decimal | None  # including units from open shipments
    days_of_supply_at_afn: Decimal | None
    alert: str
    recommended_quantity: int | None
    recommended_ship_date: date | None  # None when the cell is not a date ("Ship now")
    recommended_action: str
    unit_storage_size: str


def read_restock(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[RestockItem]:
    def build(f: Fields, r: list[str], line: int) -> RestockItem | str:
        cur = f.upper(r, "Currency code")
        f.numbers.hint(cur or f.text(r, "Country"))
        rec = RestockItem(
            line, f.upper(r, "Country"), f.upper(r, "FNSKU"), f.text(r, "Merchant SKU"),
            f.upper(r, "ASIN"), f.text(r, "Condition"), f.text(r, "Supplier"),
            f.text(r, "Supplier part no."), cur, f.money(r, cur, "Price"),
            f.money(r, cur, "Sales last 30 days"), f.count(r, "Units Sold Last 30 Days"),
            f.count(r, "Total Units"), f.count(r, "Inbound"), f.count(r, "Available"),
            f.count(r, "FC transfer"), f.count(r, "FC Processing"), f.count(r, "Customer Order"),
            f.count(r, "Unfulfillable"), f.count(r, "Working"), f.count(r, "Shipped"),
            f.count(r, "Receiving"), f.text(r, "Fulfilled by"),
            f.dec(r, "Total Days of Supply (including units from open shipments)",
                  "Total Days of Supply"),
            f.dec(r, "Days of Supply at Amazon Fulfillment Network"), f.text(r, "Alert"),
            f.count(r, "Recommended replenishment qty"), f.loose_day(r, "Recommended ship date"),
            f.text(r, "Recommended action"), f.text(r, "Unit storage size"),
        )  # fmt: skip
        return rec if rec.sku or rec.fnsku else _NO_ITEM

    return typed_rows(info, warnings, progress, build)


class LedgerSummary(NamedTuple):
    """Inventory Ledger, summary view (``GET_LEDGER_SUMMARY_VIEW_DATA``): one period's balance
    movements for an FNSKU and disposition."""

    line: int
    period: date  # the ``Date`` cell (a day, or a month's first day for ``MM/YYYY``)
    fnsku: str
    asin: str
    sku: str
    disposition: str  # normalized
    starting_balance: int | None
    in_transit: int | None
    receipts: int | None
    customer_shipments: int | None
    customer_returns: int | None
    vendor_returns: int | None
    warehouse_transfers: int | None
    found: int | None
    lost: int | None
    damaged: int | None
    disposed: int | None
    other_events: int | None
    ending_balance: int | None
    unknown_events: int | None
    location: str  # a country code, or an FC when summarised by FC
    store: str


def read_ledger_summary(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[LedgerSummary]:
    def build(f: Fields, r: list[str], line: int) -> LedgerSummary | str:
        cell = f.text(r, "Date")
        period = f.month(r, "Date") if cell.count("/") == 1 else f.day(r, "Date")
        fnsku = f.upper(r, "FNSKU")
        if period is None or not fnsku:
            return missing("Date", "FNSKU")
        n = f.signed  # movements: units leaving are negative
        return LedgerSummary(
            line, period, fnsku, f.upper(r, "ASIN"), f.text(r, "MSKU"), f.code(r, "Disposition"),
            n(r, "Starting Warehouse Balance"), n(r, "In Transit Between Warehouses"),
            n(r, "Receipts"), n(r, "Customer Shipments"), n(r, "Customer Returns"),
            n(r, "Vendor Returns"), n(r, "Warehouse Transfer In/Out"), n(r, "Found"),
            n(r, "Lost"), n(r, "Damaged"), n(r, "Disposed"), n(r, "Other Events"),
            n(r, "Ending Warehouse Balance"), n(r, "Unknown Events"),
            f.upper(r, "Location"), f.text(r, "Store"),
        )  # fmt: skip

    return typed_rows(info, warnings, progress, build)


class InventoryEvent(NamedTuple):
    """Legacy Inventory Event Detail (``GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA``, retired):
    one inventory movement. Not Received Inventory: no shipment id."""

    line: int
    date: date
    event: str  # normalized transaction-type: RECEIPTS, SHIPMENTS, CUSTOMERRETURNS, ...
    fnsku: str
    sku: str
    fulfillment_center: str
    quantity: int
    disposition: str  # normalized


def read_inventory_events(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[InventoryEvent]:
    def build(f: Fields, r: list[str], line: int) -> InventoryEvent | str:
        day, qty = f.day(r, "snapshot-date"), f.signed(r, "quantity")  # shipments negative
        if day is None or qty is None:
            return missing("snapshot-date", "quantity")
        sku, fnsku = f.text(r, "sku"), f.upper(r, "fnsku")
        if not sku and not fnsku:
            return _NO_ITEM
        return InventoryEvent(line, day, f.code(r, "transaction-type"), fnsku, sku,
                              f.upper(r, "fulfillment-center-id"), qty, f.code(r, "disposition"))  # fmt: skip

    return typed_rows(info, warnings, progress, build)
