"""Inventory planning / FBA Inventory (``GET_FBA_INVENTORY_PLANNING_DATA``): the monthly
inventory health figures per SKU.

Columns come and go between versions of this report (age buckets of 0–90 days became 0–30,
31–60 …; ``sales-shipped-last-*`` and ``inbound-*`` arrived later), so every field is read by
name and is None when the file lacks it. The age buckets, units shipped and sales shipped are
kept as (column, value) pairs for whichever of those columns the file has, in file order.
Amounts are ``Money`` in the row's ``currency``; volumes keep ``volume-unit-measurement``.
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
from casewriter.reports.units import Money, Volume


class PlanningRow(NamedTuple):
    line: int
    snapshot: date | None
    sku: str
    fnsku: str
    asin: str
    condition: str
    marketplace: str
    currency: str
    available: int | None
    pending_removal: int | None
    reserved: int | None
    unfulfillable: int | None
    inbound: int | None
    inbound_working: int | None
    inbound_shipped: int | None
    inbound_received: int | None
    #: (canonical column, units): ``invage0to90days`` … or ``invage0to30days`` …
    age_buckets: tuple[tuple[str, int], ...]
    #: (canonical column, units): ``unitsshippedt7``, ``unitsshippedt30`` …
    units_shipped: tuple[tuple[str, int], ...]
    #: (canonical column, amount): ``salesshippedlast7days`` …
    sales_shipped: tuple[tuple[str, Money], ...]
    qty_ltsf_11_mo: int | None
    projected_ltsf_11_mo: Money | None
    qty_ltsf_12_mo: int | None
    estimated_ltsf_next_charge: Money | None
    estimated_storage_cost_next_month: Money | None
    alert: str
    your_price: Money | None
    sales_price: Money | None
    featured_offer_price: Money | None
    lowest_price_new_plus_shipping: Money | None
    lowest_price_used: Money | None
    recommended_action: str
    healthy_inventory_level: int | None
    recommended_sales_price: Money | None
    recommended_sale_duration_days: int | None
    recommended_removal_quantity: int | None
    estimated_cost_savings: Money | None
    sell_through: Decimal | None  # Amazon's ratio (1.2), not a percent
    days_of_supply: Decimal | None
    estimated_excess_quantity: int | None
    weeks_of_cover_t30: Decimal | None
    weeks_of_cover_t90: Decimal | None
    item_volume: Volume | None
    storage_type: str
    storage_volume: Volume | None
    product_group: str
    sales_rank: int | None
    no_sale_last_6_months: int | None


_SALES = ("sales-shipped-last-7-days", "sales-shipped-last-30-days",
          "sales-shipped-last-60-days", "sales-shipped-last-90-days")  # fmt: skip


def _build(f: Fields, r: list[str], line: int) -> PlanningRow | str:
    cur = f.upper(r, "currency")
    market = f.upper(r, "marketplace")
    f.numbers.hint(cur or market)
    sku, fnsku = f.text(r, "sku"), f.upper(r, "fnsku")
    if not sku and not fnsku:
        return missing("sku", "fnsku")
    sales: list[tuple[str, Money]] = []
    for name in _SALES:
        amount = f.money(r, cur, name)
        if amount is not None:
            sales.append((name.replace("-", ""), amount))
    return PlanningRow(
        line, f.day(r, "snapshot-date"), sku, fnsku, f.upper(r, "asin"), f.text(r, "condition"),
        market, cur, f.count(r, "available"), f.count(r, "pending-removal-quantity"),
        f.count(r, "reserved-quantity"), f.count(r, "unfulfillable-quantity"),
        f.count(r, "inbound-quantity"), f.count(r, "inbound-working"), f.count(r, "inbound-shipped"),
        f.count(r, "inbound-received"), f.numbered(r, "inv-age-"),
        f.numbered(r, "units-shipped-t"), tuple(sales), f.count(r, "qty-to-be-charged-ltsf-11-mo"),
        f.money(r, cur, "projected-ltsf-11-mo"), f.count(r, "qty-to-be-charged-ltsf-12-mo"),
        f.money(r, cur, "estimated-ltsf-next-charge"),
        f.money(r, cur, "estimated-storage-cost-next-month"), f.text(r, "alert"),
        f.money(r, cur, "your-price"), f.money(r, cur, "sales-price"),
        f.money(r, cur, "featuredoffer-price"), f.money(r, cur, "lowest-price-new-plus-shipping"),
        f.money(r, cur, "lowest-price-used"), f.text(r, "recommended-action"),
        f.count(r, "healthy-inventory-level"), f.money(r, cur, "recommended-sales-price"),
        f.count(r, "recommended-sale-duration-days"), f.count(r, "recommended-removal-quantity"),
        f.money(r, cur, "estimated-cost-savings-of-recommended-actions"),
        f.dec(r, "sell-through"), f.dec(r, "days-of-supply"),
        f.count(r, "estimated-excess-quantity"), f.dec(r, "weeks-of-cover-t30"),
        f.dec(r, "weeks-of-cover-t90"),
        f.volume(r, "item-volume", "volume-unit-measurement"), f.text(r, "storage-type"),
        f.volume(r, "storage-volume", "volume-unit-measurement"),
        f.text(r, "product-group"), f.count(r, "sales-rank"), f.count(r, "no-sale-last-6-months"),
    )  # fmt: skip


def read_planning(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[PlanningRow]:
    return typed_rows(info, warnings, progress, _build)
