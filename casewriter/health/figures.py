"""The monthly inventory figures (``FIGURE_KEYS``) from what ``inventory.read_inventory`` kept and
the scan rules' findings (stranded inventory, fee-tier mismatches), each with the report and
date it came from, or absent with the reason.

How each is computed (the ``how`` text says the same to the seller):

- **sell-through**: Amazon's ``sell-through`` column (a ratio) of the latest planning snapshot,
  weighted by each SKU's available units; compared with the configurable 0.6 (a rule of thumb).
- **excess share**: ``estimated-excess-quantity`` ÷ ``available`` over the SKUs that have both.
- **aged units**: units older than 180 days, with every age bucket (units and value at your
  price) as parts.
- **next aged-inventory surcharge**: ``estimated-ltsf-next-charge`` summed, units from
  ``qty-to-be-charged-ltsf-11-mo`` + ``-12-mo``.
- **storage next month**: ``estimated-storage-cost-next-month`` summed.
- **stranded**: the stranded-inventory rule's findings (units, value at your price, Amazon's
  auto-removal date and fix).
- **unsellable / researching**: Manage FBA Inventory (``afn-unsellable-quantity``,
  ``afn-researching-quantity``); unsellable falls back to the planning report's
  ``unfulfillable-quantity``.
- **restock**: SKUs whose days of supply (restock report, else the planning report for SKUs
  that sold in 30 days) are below the days-of-supply target (your lead time).
- **fee tier**: the fee-overcharge rule's findings (needs your measurements).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from casewriter.health.figures_stock import (
    LABELS,
    _cap,
    _fee_tier,
    _q,
    _researching,
    _restock,
    _src,
    _status,
    _stranded,
    _unread,
    _unsellable,
)
from casewriter.health.inventory_data import AGED, InventoryData, Snapshot
from casewriter.health.model import (
    Figure,
    InventoryReview,
    Item,
    Part,
    Target,
    Text,
    TrendPoint,
    Unit,
)
from casewriter.health.targets import Targets
from casewriter.reports.findings import Finding

_BUCKET_LABELS = {
    "inv-age-0-to-90-days": ("0–90 days", "0–90天"),
    "inv-age-91-to-180-days": ("91–180 days", "91–180天"),
    "inv-age-181-to-270-days": ("181–270 days", "181–270天"),
    "inv-age-271-to-365-days": ("271–365 days", "271–365天"),
    "inv-age-365-plus-days": ("over 365 days", "365天以上"),
    "inv-age-0-to-30-days": ("0–30 days", "0–30天"),
    "inv-age-31-to-60-days": ("31–60 days", "31–60天"),
    "inv-age-61-to-90-days": ("61–90 days", "61–90天"),
    "inv-age-181-to-330-days": ("181–330 days", "181–330天"),
    "inv-age-331-to-365-days": ("331–365 days", "331–365天"),
}


def inventory_review(
    data: InventoryData,
    findings: Iterable[Finding],
    given_types: set[str],
    marketplace: str,
    targets: Targets,
    paths: Mapping[str, str] | None = None,
) -> InventoryReview:
    """``paths``: a report type's file (the first given), named as the source of the figures
    the scan rules' findings make (stranded, fee tiers)."""
    found = list(findings)
    paths = paths or {}
    snap = data.latest
    given = any(d.info.type == "inventory-planning" for d in data.files)
    figures = [
        _sell_through(snap, targets.target("sell_through", marketplace), given),
        _excess(snap, targets.target("excess_share", marketplace), given),
        _aged(snap, given),
        _surcharge(snap, given),
        _storage(snap, given),
        _stranded([f for f in found if f.rule == "stranded-inventory"], given_types, paths),
        _unsellable(data, snap),
        _researching(data),
        _restock(data, snap, targets.target("days_of_supply", marketplace)),
        _fee_tier([f for f in found if f.rule == "fee-overcharge"], given_types, paths),
    ]
    trend = [
        TrendPoint(date=day, sell_through=_q(s.sell_through), excess_share=_q(s.excess_share),
                   available=s.available)
        for day, s in sorted((d, s) for d, s in data.snapshots.items() if d is not None)
    ]  # fmt: skip
    read = bool(data.files) or bool(given_types & {"stranded-inventory", "storage-fees",
                                                   "fee-preview"})  # fmt: skip
    absent = None if read else Text(
        en="no inventory report given: pass the planning, Manage FBA Inventory, stranded, "
        "restock, storage fee or Fee Preview reports (or a folder of them)",
        zh="未提供库存报告：请提供库存规划、管理FBA库存、无在售信息库存、补货、仓储费或费用预览报告（或所在文件夹）",
    )  # fmt: skip
    return InventoryReview(figures=figures, trend=trend, snapshot=snap.day if snap else None,
                           read=read, absent=absent)  # fmt: skip


def _rated(key: str, snap: Snapshot, value: Decimal, unit: Unit, target: Target | None,
           how: Text) -> Figure:  # fmt: skip
    """A planning figure compared with its ``target`` (met: ok, else miss; none: info)."""
    return Figure(key=key, label=LABELS[key], value=value, unit=unit, target=target,
                  status=_status(target, value), source=_src(snap), how=how)  # fmt: skip


def _sell_through(snap: Snapshot | None, target: Target | None, given: bool) -> Figure:
    if snap is None or (value := _q(snap.sell_through)) is None:
        return _unread("sell_through", snap, "sell-through", "ratio", target, given)
    return _rated("sell_through", snap, value, "ratio", target,
                  Text(en=f"Amazon's sell-through column (units shipped in 90 days / average "
                       f"available), weighted by available units over {snap.sell_rows} SKUs",
                       zh=f"亚马逊的 sell-through 列（90天发货件数 / 平均可售件数），按 {snap.sell_rows} "
                       "个SKU的可售件数加权"))  # fmt: skip


def _excess(snap: Snapshot | None, target: Target | None, given: bool) -> Figure:
    if snap is None or (value := _q(snap.excess_share)) is None:
        return _unread("excess_share", snap, "estimated-excess-quantity", "percent", target, given)
    return _rated("excess_share", snap, value, "percent", target,
                  Text(en=f"estimated-excess-quantity {snap.excess:,} / available "
                       f"{snap.excess_available:,} units",
                       zh=f"estimated-excess-quantity {snap.excess:,} / 可售 {snap.excess_available:,} 件"))  # fmt: skip


def _aged(snap: Snapshot | None, given: bool) -> Figure:
    if snap is None or not snap.buckets:
        return _unread("aged_units", snap, "inv-age-*", given=given)
    parts = []
    for col, units in snap.buckets.items():
        en, zh = _BUCKET_LABELS.get(col, (col, col))
        priced = snap.bucket_priced.get(col, 0) == units and units > 0
        amount = snap.bucket_value.get(col) if priced else None
        parts.append(Part(key=col, label=Text(en=en, zh=zh), units=units, amount=amount,
                          currency=snap.currency if amount is not None else ""))  # fmt: skip
    aged = sum(u for c, u in snap.buckets.items() if c in AGED)
    return Figure(
        key="aged_units", label=LABELS["aged_units"], value=Decimal(aged), unit="units",
        source=_src(snap), parts=parts,
        how=Text(en="the planning report's age buckets; values at your price (an estimate, "
                 "shown where every unit of the bucket has a price)",
                 zh="库存规划报告的库龄分段；金额按您的售价估算（仅当该分段每件都有价格时显示）"),
    )  # fmt: skip


def _surcharge(snap: Snapshot | None, given: bool) -> Figure:
    if snap is None or not snap.ltsf_rows:
        return _unread(
            "aged_surcharge_next", snap, "estimated-ltsf-next-charge", "money", given=given
        )
    lines = sorted((x for x in snap.lines if x.ltsf_amount > 0),
                   key=lambda x: (-x.ltsf_amount, x.sku))  # fmt: skip
    items, more = _cap([Item(sku=x.sku, fnsku=x.fnsku, asin=x.asin, units=x.ltsf_units,
                             amount=x.ltsf_amount, currency=x.currency) for x in lines])  # fmt: skip
    return Figure(
        key="aged_surcharge_next", label=LABELS["aged_surcharge_next"], value=snap.ltsf_amount,
        unit="money", currency=snap.currency, source=_src(snap), items=items, more_items=more,
        parts=[Part(key="units", label=Text(en="units to be charged", zh="将被收费的件数"),
                    units=snap.ltsf_units)],
        how=Text(en="estimated-ltsf-next-charge summed; units from qty-to-be-charged-ltsf-11-mo "
                 "and -12-mo", zh="estimated-ltsf-next-charge 求和；件数取自 "
                 "qty-to-be-charged-ltsf-11-mo 与 -12-mo"),
    )  # fmt: skip


def _storage(snap: Snapshot | None, given: bool) -> Figure:
    if snap is None or not snap.storage_rows:
        return _unread(
            "storage_next_month", snap, "estimated-storage-cost-next-month", "money", given=given
        )
    return Figure(
        key="storage_next_month", label=LABELS["storage_next_month"], value=snap.storage_next,
        unit="money", currency=snap.currency, source=_src(snap),
        how=Text(en="estimated-storage-cost-next-month summed over the SKUs",
                 zh="各SKU的 estimated-storage-cost-next-month 求和"),
    )  # fmt: skip
