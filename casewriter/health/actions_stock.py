"""The inventory actions: one per stranded listing, fee-tier mismatch and storage fee that does
not add up (from the scan rules' findings), and one per inventory figure off its target (aged
surcharge ahead, excess, sell-through, unsellable, researching, restock), each with the Seller
Central page, what to do there and, where a case is the fix, the drafted case."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from casewriter.health.model import (
    Action,
    ActionKind,
    Figure,
    InventoryReview,
    Source,
    Text,
    Unit,
)
from casewriter.health.proposals import _capacity, _finding_draft
from casewriter.health.words import number
from casewriter.reports.findings import Finding

if TYPE_CHECKING:
    from casewriter.engine import Catalog

_PLANNING = Text(en="Inventory → Inventory Planning", zh="库存 → 库存规划")
_MANAGE = Text(en="Inventory → Manage FBA Inventory", zh="库存 → 管理亚马逊库存")
_STRANDED = Text(en="Inventory → Fix stranded inventory", zh="库存 → 修复无在售信息的库存")


def _stranded_steps(f: Finding, fix: object, *, passed: bool) -> Text:
    reason = f.details.get("stranded_reason")
    en = (
        f"Fix stranded inventory: {fix} (reason: {reason or 'not given'}). If the fix fails, "
        "open the drafted case; else create a removal order before the auto-removal date."
    )
    zh = (
        f"修复无在售信息的库存：{fix}（原因：{reason or '未给出'}）。"
        "若无法修复，使用下面的Case草稿；否则在自动移除日期前创建移除订单。"
    )
    if passed:
        en += " The auto-removal date has passed: check whether Amazon removed or disposed of the units."
        zh += "自动移除日期已过：请确认亚马逊是否已移除或弃置这些库存。"
    return Text(en=en, zh=zh)


def inventory_actions(
    inventory: InventoryReview, findings: list[Finding], mp: str, catalog: Catalog
) -> list[Action]:
    out: list[Action] = []
    for f in findings:
        sku = f.ids.get("sku") or f.ids.get("fnsku") or f.ids.get("asin") or "?"
        if f.rule == "stranded-inventory":
            fix = f.details.get("primary_action") or "see the Fix stranded inventory page"
            act_by = f.details.get("act_by")
            out.append(Action(
                key=f"stranded:{sku}", kind="stranded", figure="stranded",
                title=Text(en=f"{f.quantity} stranded unit(s) of {sku}",
                           zh=f"{sku} 有 {f.quantity} 件无在售信息的库存"),
                where=_STRANDED, amount=f.amount, currency=f.currency,
                amount_note=Text(en="value at your price, an estimate", zh="按售价估算的价值"),
                deadline=act_by if isinstance(act_by, date) else f.window.closes,
                deadline_source=f.window.source,
                steps=_stranded_steps(f, fix, passed=any("has passed" in n for n in f.notes)),
                case=_finding_draft(f, catalog), source=Source(report="stranded-inventory"),
            ))  # fmt: skip
        elif f.rule == "fee-overcharge":
            out.append(Action(
                key=f"fee-tier:{sku}", kind="fee-tier", figure="fee_tier",
                title=Text(en=f"{sku}: charged as {f.details.get('amazon_tier')}, your "
                           f"measurements give {f.details.get('your_tier')}",
                           zh=f"{sku}：按 {f.details.get('amazon_tier')} 收费，您的测量为 {f.details.get('your_tier')}"),
                where=Text(en="Help → Get Support → FBA fees (re-measurement)",
                           zh="帮助 → 获取支持 → 亚马逊物流费用（重新测量）"),
                amount=f.amount, currency=f.currency,
                amount_note=None if f.amount is not None else Text(
                    en="amount unknown: no fee table prices the charges",
                    zh="金额未知：没有可用的费用表"),
                deadline=f.window.closes if f.status != "to-review" else None,
                deadline_source=f.window.source,
                steps=Text(en="Photograph one unit on a scale and against a ruler, then open the "
                           "drafted case asking Amazon to re-measure and refund the difference "
                           "(one claim per charge, within 90 days).",
                           zh="拍摄单件商品称重及量尺照片，然后使用Case草稿请亚马逊重新测量并退还差额（每笔收费一次索赔，90天内）。"),
                case=_finding_draft(f, catalog), source=Source(report="fee-preview"),
            ))  # fmt: skip
        elif f.rule == "storage-fee-check":
            month = f.ids.get("month") or ""
            out.append(Action(
                key=f"storage-fee:{sku}:{month}", kind="storage-fee", figure="storage_next_month",
                title=Text(en=f"Storage fee of {sku} ({month}) does not add up",
                           zh=f"{sku}（{month}）的仓储费与体积×费率不符"),
                where=Text(en="Reports → Fulfillment → Monthly storage fees",
                           zh="数据报告 → 库存配送 → 月度仓储费"),
                amount=f.amount, currency=f.currency,
                amount_note=Text(en="charged above volume x quantity x rate",
                                 zh="高于体积×数量×费率的部分"),
                steps=Text(en="Check the storage fee report and your Fee Preview; ask Amazon "
                           "only if the volume or tier is wrong (no documented window).",
                           zh="核对仓储费报告与费用预览；仅当体积或尺寸分段有误时联系亚马逊（无明确时限）。"),
                source=Source(report="storage-fees"),
            ))  # fmt: skip
    out += _figure_actions(inventory, mp, catalog)
    return out


class _OffTarget(NamedTuple):
    """A figure off its target whose action is a page and what to do there (no case, no
    amount): the title's ``{value}`` (and, when ``rated``, ``{target}``) are the figure's, in
    ``unit``."""

    figure: str
    kind: ActionKind
    unit: Unit
    rated: bool
    where: Text
    title: Text
    steps: Text


_OFF_TARGET = (
    _OffTarget(
        "excess_share", "excess", "percent", True, _PLANNING,
        Text(en="Excess inventory {value} of available units (rule of thumb: under {target})",
             zh="冗余库存占可售件数 {value}（经验值：低于 {target}）"),
        Text(en="Inventory Planning → Manage Excess Inventory: follow Amazon's recommended "
                "actions (price, sale, removal) and ship less of those SKUs.",
             zh="库存规划 → 管理冗余库存：按亚马逊建议（调价、促销、移除）处理，并减少这些SKU的补货量。"),
    ),
    _OffTarget(
        "sell_through", "sell-through", "ratio", True, _PLANNING,
        Text(en="Sell-through {value} is not above {target} (a rule of thumb)",
             zh="售出率 {value} 未高于 {target}（经验值）"),
        Text(en="Inventory Planning → Inventory Performance: send smaller, more frequent "
                "shipments and clear slow SKUs (sales, removals).",
             zh="库存规划 → 库存绩效：小批量多批次补货，清理滞销SKU（促销、移除）。"),
    ),
    _OffTarget(
        "unsellable", "unsellable", "units", False, _MANAGE,
        Text(en="{value} unsellable unit(s) to remove", zh="{value} 件不可售库存需移除"),
        Text(en="Manage FBA Inventory → filter Unfulfillable → Create removal order (return or "
                "dispose) before storage fees and the aged surcharge add up.",
             zh="管理亚马逊库存 → 筛选不可售 → 创建移除订单（退回或弃置），以免产生更多仓储费和库龄附加费。"),
    ),
    _OffTarget(
        "researching", "researching", "units", False, _MANAGE,
        Text(en="{value} unit(s) under research by Amazon", zh="{value} 件库存正在被亚马逊调查"),
        Text(en="Amazon can take up to 60 days; units still researching after that are a lead: "
                "download the Inventory Ledger and run casewriter scan on it (warehouse-lost, "
                "inbound-shortfall).",
             zh="亚马逊调查最长可能需要60天；超过后仍在调查的库存值得跟进：下载库存分类账，用 casewriter 的“扫描报告”扫描（仓库丢失、入库少件）。"),
    ),
)  # fmt: skip


def _units(fig: Figure) -> int | None:
    return next((p.units for p in fig.parts if p.units is not None), None)


def _fig_action(fig: Figure | None) -> bool:
    return fig is not None and fig.value is not None and fig.status == "miss"


def _figure_actions(inv: InventoryReview, mp: str, catalog: Catalog) -> list[Action]:
    out: list[Action] = []
    fig = inv.figure("aged_surcharge_next")
    if fig is not None and fig.value is not None and fig.value > 0:
        out.append(Action(
            key="aged-surcharge", kind="aged-surcharge", figure=fig.key, source=fig.source,
            title=Text(en=f"Aged-inventory surcharge ahead on {number(_units(fig), 'units')} unit(s)",
                       zh=f"{number(_units(fig), 'units')} 件库存即将产生库龄附加费"),
            where=_PLANNING, amount=fig.value, currency=fig.currency,
            amount_note=Text(en="Amazon's estimate of the next charge", zh="亚马逊对下次收费的估算"),
            steps=Text(en="Inventory Planning → Manage Excess / Aged inventory: run a sale or "
                       "promotion, create removal or liquidation orders for the listed SKUs "
                       "before the next charge.",
                       zh="库存规划 → 管理冗余/库龄库存：对所列SKU做促销，或在下次收费前创建移除或清货订单。"),
        ))  # fmt: skip
    for off in _OFF_TARGET:
        fig = inv.figure(off.figure)
        if not _fig_action(fig) or fig is None or (off.rated and fig.target is None):
            continue
        words = {"value": number(fig.value, off.unit),
                 "target": number(fig.target.value, off.unit) if fig.target else ""}  # fmt: skip
        out.append(Action(
            key=off.kind, kind=off.kind, figure=fig.key, source=fig.source,
            title=Text(en=off.title.en.format(**words), zh=off.title.zh.format(**words)),
            where=off.where, steps=off.steps,
        ))  # fmt: skip
    fig = inv.figure("restock")
    if _fig_action(fig) and fig is not None and fig.target is not None:
        dates = [i.deadline for i in fig.items if i.deadline]
        out.append(Action(
            key="restock", kind="restock", figure=fig.key, source=fig.source,
            title=Text(en=f"{number(fig.value, 'skus')} SKU(s) below {fig.target.value} days of supply",
                       zh=f"{number(fig.value, 'skus')} 个SKU的可售天数低于 {fig.target.value} 天"),
            where=Text(en="Inventory → Inventory Planning → Restock Inventory",
                       zh="库存 → 库存规划 → 补货"),
            deadline=min(dates) if dates else None,
            deadline_source="Recommended ship date in the restock report" if dates else "",
            steps=Text(en="Restock Inventory: send the recommended quantities (an alert, not a "
                       "case). If your capacity limit stops you, the drafted capacity-limit "
                       "exception request has your SKUs: add the storage type, month and limits.",
                       zh="补货页面：按建议数量发货（这是提醒，不需要开Case）。若库容限制无法补货，"
                       "可用下面的库容例外申请草稿（已填SKU，请补充存储类型、月份和限额）。"),
            case=_capacity(fig, mp, catalog),
        ))  # fmt: skip
    return out
