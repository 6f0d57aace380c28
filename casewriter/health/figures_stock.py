"""Parts every inventory figure is built from (labels, an absent figure with its reason, the
capped item lists, the planning source) and the figures of stock at risk: stranded, unsellable,
researching, restock and fee-tier mismatches (``figures.py`` has the planning figures and puts
them together)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal

from casewriter.health.inventory_data import InventoryData, Managed, Snapshot
from casewriter.health.model import Figure, Item, Part, Source, Status, Target, Text
from casewriter.reports.findings import Finding

#: SKUs listed under a figure (the rest are counted in ``more_items``).
SHOWN_ITEMS = 20
_Q = Decimal("0.0001")

LABELS = {
    "sell_through": Text(en="Sell-through", zh="售出率"),
    "excess_share": Text(en="Excess inventory share", zh="冗余库存占比"),
    "aged_units": Text(en="Units older than 180 days", zh="库龄超过180天的件数"),
    "aged_surcharge_next": Text(en="Next aged-inventory surcharge", zh="下次库龄附加费"),
    "storage_next_month": Text(en="Storage cost next month", zh="下月仓储费"),
    "stranded": Text(en="Stranded units", zh="无在售信息的库存件数"),
    "unsellable": Text(en="Unsellable units to remove", zh="需移除的不可售件数"),
    "researching": Text(en="Units Amazon is researching", zh="亚马逊调查中的件数"),
    "restock": Text(en="SKUs below their days of supply", zh="低于可售天数的SKU"),
    "fee_tier": Text(en="Fee-tier mismatches", zh="尺寸分段收费不符"),
}


def _absent(
    key: str, en: str, zh: str, unit: str = "units", target: Target | None = None
) -> Figure:
    return Figure(key=key, label=LABELS[key], unit=unit, target=target, status="no-data",  # type: ignore[arg-type]
                  absent=Text(en=en, zh=zh))  # fmt: skip


def _status(target: Target | None, value: Decimal) -> Status:
    if target is None:
        return "info"
    return "ok" if target.met(value) else "miss"


def _cap(items: list[Item]) -> tuple[list[Item], int]:
    return items[:SHOWN_ITEMS], max(0, len(items) - SHOWN_ITEMS)


def _unread(key: str, snap: Snapshot | None, column: str, unit: str = "units",
            target: Target | None = None, given: bool = False) -> Figure:  # fmt: skip
    """A planning figure absent, with the true reason: no planning report given (``snap`` None,
    ``given`` False); one given but no row of it counted (empty, or every row of another
    marketplace or skipped); its latest snapshot lacks ``column``; or the column is there but
    no row has a value to compute from (empty cells, no units available)."""
    if snap is None and not given:
        return _absent(key, "no inventory planning report given (Inventory → Inventory Planning "
                       "→ download the FBA Inventory report)",
                       "未提供库存规划报告（库存 → 库存规划 → 下载FBA库存报告）", unit, target)  # fmt: skip
    if snap is None:
        return _absent(key, "the inventory planning report given has no row to compute this from "
                       "(no rows, or only rows of another marketplace or rows skipped: see the "
                       "notes)", "所提供的库存规划报告中没有可用于计算的行（没有数据行，或只有其他站点的行或被跳过的行：见备注）",
                       unit, target)  # fmt: skip
    day = snap.day.isoformat() if snap.day else "undated"
    if column in snap.missing:
        return _absent(key, f"the planning report of {day} has no {column} column: this figure "
                       "cannot be computed from it",
                       f"{day} 的库存规划报告没有 {column} 列，无法计算此项", unit, target)  # fmt: skip
    return _absent(key, f"no SKU of the planning report of {day} has a value to compute this "
                   f"from ({column} empty, or no units available)",
                   f"{day} 的库存规划报告中没有SKU可用于计算此项（{column} 为空，或没有可售件数）",
                   unit, target)  # fmt: skip


def _src(snap: Snapshot) -> Source:
    return Source(report="inventory-planning", path=snap.path, date=snap.day)


def _q(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_Q)


_FAR = date(9999, 12, 31)


def _stranded(found: list[Finding], given: set[str], paths: Mapping[str, str]) -> Figure:
    if "stranded-inventory" not in given:
        return _absent("stranded", "no stranded inventory report given (Inventory → Fix "
                       "stranded inventory → download)", "未提供无在售信息库存报告（库存 → 修复无在售信息的库存 → 下载）")  # fmt: skip
    units = sum(f.quantity for f in found)
    amounts = [f.amount for f in found if f.amount is not None]
    currency = next((f.currency for f in found if f.currency), "")
    reasons: dict[str, tuple[int, Decimal | None]] = {}
    for f in found:
        reason = str(f.details.get("stranded_reason") or "not given")
        n, amt = reasons.get(reason, (0, None))
        reasons[reason] = (n + f.quantity,
                           (amt or Decimal(0)) + f.amount if f.amount is not None else amt)  # fmt: skip
    parts = [Part(key=r, label=Text(en=r, zh=r), units=n, amount=a, currency=currency if a else "")
             for r, (n, a) in sorted(reasons.items())]  # fmt: skip
    ordered = sorted(
        found, key=lambda f: (f.window.closes or f.event_date or _FAR, -(f.amount or 0))
    )
    items, more = _cap([
        Item(sku=f.ids.get("sku") or "", fnsku=f.ids.get("fnsku") or "",
             asin=f.ids.get("asin") or "", units=f.quantity, amount=f.amount,
             currency=f.currency, deadline=f.details.get("act_by"),
             detail=Text(en=f"{f.details.get('stranded_reason') or 'no reason given'}: Amazon's fix: "
                         f"{f.details.get('primary_action') or 'see Fix stranded inventory'}",
                         zh=f"{f.details.get('stranded_reason') or '未给出原因'}：亚马逊建议："
                         f"{f.details.get('primary_action') or '见“修复无在售信息的库存”页面'}"))
        for f in ordered
    ])  # fmt: skip
    return Figure(
        key="stranded", label=LABELS["stranded"], value=Decimal(units), unit="units",
        status="miss" if units else "ok",
        source=Source(report="stranded-inventory", path=paths.get("stranded-inventory")),
        parts=parts, items=items, more_items=more,
        target=None,
        how=Text(en=f"fulfillable + unfulfillable units of {len(found)} stranded listing(s); "
                 f"value at your price {sum(amounts, Decimal(0))} {currency} (an estimate)",
                 zh=f"{len(found)} 个无在售信息商品的可售+不可售件数；按售价估值 "
                 f"{sum(amounts, Decimal(0))} {currency}（估算）"),
    )  # fmt: skip


def _unsellable(data: InventoryData, snap: Snapshot | None) -> Figure:
    managed = [m for m in data.managed.values() if m.unsellable is not None]
    if managed:
        return _managed_units("unsellable", managed, "afn-unsellable-quantity",
                              lambda m: m.unsellable)  # fmt: skip
    if snap is not None and snap.unfulfillable is not None:
        return Figure(key="unsellable", label=LABELS["unsellable"],
                      value=Decimal(snap.unfulfillable), status="miss" if snap.unfulfillable else "ok",
                      source=_src(snap),
                      how=Text(en="unfulfillable-quantity of the planning report",
                               zh="库存规划报告的 unfulfillable-quantity"))  # fmt: skip
    return _absent("unsellable", "no Manage FBA Inventory report (nor a planning report with "
                   "unfulfillable-quantity) given", "未提供管理FBA库存报告（或含 unfulfillable-quantity 的库存规划报告）")  # fmt: skip


def _researching(data: InventoryData) -> Figure:
    managed = [m for m in data.managed.values() if m.researching is not None]
    if not managed:
        why = "the Manage FBA Inventory report given has no afn-researching-quantity column" \
            if data.managed else "no Manage FBA Inventory report given"  # fmt: skip
        why_zh = "所提供的管理FBA库存报告没有 afn-researching-quantity 列" if data.managed \
            else "未提供管理FBA库存报告"  # fmt: skip
        return _absent("researching", why, why_zh)
    return _managed_units("researching", managed, "afn-researching-quantity",
                          lambda m: m.researching)  # fmt: skip


def _managed_units(key: str, managed: list[Managed], column: str,
                   units: Callable[[Managed], int | None]) -> Figure:  # fmt: skip
    """The units of Manage FBA Inventory's ``column`` (``units`` reads a row's): their total,
    and the SKUs that have any, most first."""
    total = sum(units(m) or 0 for m in managed)
    ordered = sorted((m for m in managed if units(m)), key=lambda m: (-(units(m) or 0), m.sku))
    items, more = _cap([Item(sku=m.sku, fnsku=m.fnsku, asin=m.asin, units=units(m))
                        for m in ordered])  # fmt: skip
    return Figure(key=key, label=LABELS[key], value=Decimal(total),
                  status="miss" if total else "ok", items=items, more_items=more,
                  source=Source(report="manage-inventory", path=managed[0].path),
                  how=Text(en=f"{column} of Manage FBA Inventory",
                           zh=f"管理FBA库存报告的 {column}"))  # fmt: skip


def _restock(data: InventoryData, snap: Snapshot | None, target: Target | None) -> Figure:
    if target is None:  # pragma: no cover - the built-in data has one
        return _absent("restock", "no days-of-supply target", "没有可售天数目标", "skus")
    if data.restock:
        rows = [r for r in data.restock.values() if r.days is not None]
        if not rows:
            return _absent("restock", "the restock report has no Total Days of Supply column "
                           "or values", "补货报告没有 Total Days of Supply 列或数值", "skus", target)  # fmt: skip
        low = sorted((r for r in rows if not target.met(r.days or Decimal(0))),
                     key=lambda r: (r.days or 0, r.sku))  # fmt: skip
        items, more = _cap([
            Item(sku=r.sku, fnsku=r.fnsku, asin=r.asin, units=r.recommended, deadline=r.ship_date,
                 detail=Text(en=f"{r.days} days of supply; Amazon recommends {r.recommended or 0} "
                             "units", zh=f"可售 {r.days} 天；亚马逊建议补货 {r.recommended or 0} 件"))
            for r in low
        ])  # fmt: skip
        path = next(iter(data.restock.values())).path
        return Figure(key="restock", label=LABELS["restock"], value=Decimal(len(low)), unit="skus",
                      target=target, status="miss" if low else "ok", items=items, more_items=more,
                      source=Source(report="restock", path=path),
                      how=Text(en=f"Total Days of Supply below {target.value} days "
                               f"(of {len(rows)} SKUs)",
                               zh=f"Total Days of Supply 低于 {target.value} 天（共 {len(rows)} 个SKU）"))  # fmt: skip
    if snap is not None and any(x.days_of_supply is not None for x in snap.lines):
        selling = [
            x for x in snap.lines if x.days_of_supply is not None and (x.shipped_t30 or 0) > 0
        ]
        low_p = sorted((x for x in selling if not target.met(x.days_of_supply or Decimal(0))),
                       key=lambda x: (x.days_of_supply or 0, x.sku))  # fmt: skip
        items, more = _cap([
            Item(sku=x.sku, fnsku=x.fnsku, asin=x.asin, units=x.available,
                 detail=Text(en=f"{x.days_of_supply} days of supply", zh=f"可售 {x.days_of_supply} 天"))
            for x in low_p
        ])  # fmt: skip
        return Figure(key="restock", label=LABELS["restock"], value=Decimal(len(low_p)),
                      unit="skus", target=target, status="miss" if low_p else "ok", items=items,
                      more_items=more, source=_src(snap),
                      how=Text(en=f"the planning report's days-of-supply below {target.value} "
                               f"days, SKUs that sold in the last 30 days ({len(selling)})",
                               zh=f"库存规划报告中近30天有销量的SKU（{len(selling)} 个）的 "
                               f"days-of-supply 低于 {target.value} 天"))  # fmt: skip
    return _absent("restock", "no restock report (nor a planning report with days-of-supply) "
                   "given", "未提供补货报告（或含 days-of-supply 的库存规划报告）", "skus", target)  # fmt: skip


def _fee_tier(found: list[Finding], given: set[str], paths: Mapping[str, str]) -> Figure:
    if "seller-measurements" not in given:
        return _absent("fee_tier", "no measurements of your own given (a CSV: sku,length,width,"
                       "height,dimension_unit,weight,weight_unit): size tiers not checked",
                       "未提供您自己的测量数据（CSV：sku,length,width,height,dimension_unit,weight,"
                       "weight_unit），未核对尺寸分段", "skus")  # fmt: skip
    if not given & {"fee-preview", "storage-fees"}:
        return _absent("fee_tier", "no Fee Preview or storage fee report given: Amazon's tiers "
                       "are unknown", "未提供费用预览或仓储费报告：无法得知亚马逊使用的尺寸分段", "skus")  # fmt: skip
    amounts = [f.amount for f in found if f.amount is not None]
    currency = next((f.currency for f in found if f.currency), "")
    if not found:
        money, money_zh = "", ""
    elif not amounts:  # unknown is not zero: no fee table or settlement priced any of them
        money = "; the overcharge is not priced (no fee table or settlement prices it)"
        money_zh = "；多收金额无法计算（没有费用表或结算数据可计价）"
    else:
        unpriced = len(found) - len(amounts)
        money = (f"; overcharge {sum(amounts, Decimal(0))} {currency} where a fee table prices "
                 "it" + (f" ({unpriced} SKU(s) not priced)" if unpriced else ""))  # fmt: skip
        money_zh = (f"；可计算的多收金额 {sum(amounts, Decimal(0))} {currency}"
                    + (f"（{unpriced} 个SKU无法计价）" if unpriced else ""))  # fmt: skip
    items, more = _cap([
        Item(sku=f.ids.get("sku") or "", fnsku=f.ids.get("fnsku") or "",
             asin=f.ids.get("asin") or "", units=f.quantity or None, amount=f.amount,
             currency=f.currency, deadline=f.window.closes,
             detail=Text(en=f"Amazon: {f.details.get('amazon_tier')}; yours: "
                         f"{f.details.get('your_tier')}",
                         zh=f"亚马逊：{f.details.get('amazon_tier')}；您的测量：{f.details.get('your_tier')}"))
        for f in sorted(found, key=lambda f: (-(f.amount or 0), f.ids.get("sku") or ""))
    ])  # fmt: skip
    kind = "fee-preview" if "fee-preview" in given else "storage-fees"
    return Figure(
        key="fee_tier", label=LABELS["fee_tier"], value=Decimal(len(found)), unit="skus",
        status="miss" if found else "ok", items=items, more_items=more,
        source=Source(report=kind, path=paths.get(kind)),
        how=Text(en="the scan's fee-overcharge rule: Amazon's tier above the one your "
                 f"measurements give{money}",
                 zh=f"扫描的 fee-overcharge 规则：亚马逊的尺寸分段高于按您的测量得出的分段{money_zh}"),
    )  # fmt: skip
