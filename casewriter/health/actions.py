"""What the review asks the seller to do (``Action``), with what to do in Seller Central and,
where a case is the fix, the drafted case (``CaseProposal``).

Order (``order_actions``): what puts the account at stake first (missed metrics, then warnings,
the rating and violations), then by deadline (earliest first), then by money (largest first),
then the rest. Drafts: a missed or worsening metric → ``performance-metric-poa`` (metric, period,
the rate as shown; not ready until the order counts, root cause and actions are added); a
stranded listing → ``stranded-inventory``; a fee-tier mismatch → ``fee-dimension-weight`` (both
from the scan rules' findings, as ``scan --draft`` drafts them); SKUs below their days of supply
→ a ``capacity-limit-exception`` draft in case your capacity limit is what stops the restock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from casewriter.health.model import (
    AccountMetric,
    AccountReview,
    Action,
    CaseProposal,
    Figure,
    InventoryReview,
    Source,
    Text,
)
from casewriter.health.targets import Targets
from casewriter.health.words import number
from casewriter.reports.findings import Finding

if TYPE_CHECKING:
    from casewriter.engine import Catalog, Draft, FactSpec

_ACCOUNT = Text(en="Performance → Account Health", zh="绩效 → 账户状况")
_PLANNING = Text(en="Inventory → Inventory Planning", zh="库存 → 库存规划")
_MANAGE = Text(en="Inventory → Manage FBA Inventory", zh="库存 → 管理亚马逊库存")
_STRANDED = Text(en="Inventory → Fix stranded inventory", zh="库存 → 修复无在售信息的库存")


def proposal(catalog: Catalog, draft: Draft, also: Sequence[FactSpec] = ()) -> CaseProposal:
    """``draft`` as a proposal: ready when every required fact and slot is filled (required
    always, or by ``required_when`` for the draft's facts), and the facts in ``also``."""
    ct = catalog.get(draft.case_type)
    missing: list[Text] = []
    extra = {spec.key for spec in also}
    for spec in ct.facts:
        needed = _needed(spec, draft.facts) or spec.key in extra
        if needed and not spec.computed and spec.key not in draft.facts:
            missing.append(Text(en=spec.label.en, zh=spec.label.zh or spec.label.en))
    for slot in ct.evidence:
        filled = bool(draft.evidence.get(slot.key)) or any(
            a.slot == slot.key for a in draft.attachments
        )
        if _needed(slot, draft.facts) and not filled:
            missing.append(Text(en=slot.label.en, zh=slot.label.zh or slot.label.en))
    return CaseProposal(
        case_type=ct.id, title=Text(en=ct.title.en, zh=ct.title.zh or ct.title.en),
        draft=draft.model_dump(mode="json"), ready=not missing, missing=missing,
    )  # fmt: skip


def _poa(metric: AccountMetric, mp: str, targets: Targets, catalog: Catalog) -> CaseProposal | None:
    """The plan of action drafted for a missed or worsening rate: the metric, the day the figures
    are for, the rate as shown and its window (where the case type takes one). The case type's
    calculator threshold for that rate (``rate_fact``) names the counts the plan needs (defects
    and orders, late and all shipments …): it stays not ready until they are added."""
    spec = targets.spec(metric.key, mp)
    if spec is None or not spec.poa_metric or "performance-metric-poa" not in catalog:
        return None
    from casewriter.engine import Draft

    ct = catalog.get("performance-metric-poa")
    known = {f.key: f for f in ct.facts}
    facts: dict[str, Any] = {}
    if "metric" in known and spec.poa_metric in known["metric"].choices:
        facts["metric"] = spec.poa_metric
    if metric.recorded_on and "period_end" in known:
        facts["period_end"] = metric.recorded_on
    threshold = next(
        (t for t in ct.thresholds if spec.rate_fact and t.rate_fact == spec.rate_fact), None
    )
    if threshold is not None and metric.value is not None and spec.rate_fact in known:
        facts[spec.rate_fact] = float(metric.value)
    window = threshold.window_fact if threshold is not None else None
    if window and window in known and spec.period_days:
        facts[window] = spec.period_days
    draft = Draft(case_type=ct.id, marketplace=mp, facts=facts,
                  evidence={"notification_ref": [f"{spec.label.en} "
                            f"{number(metric.value, 'percent')} on Account Health, "
                            f"{metric.recorded_on.isoformat() if metric.recorded_on else ''}".strip()]})  # fmt: skip
    names = (threshold.numerator, threshold.denominator) if threshold is not None else ()
    counts = [known[k] for k in names if k and k in known and k not in facts]
    return proposal(catalog, draft, also=counts)


def _needed(spec: Any, facts: Mapping[str, Any]) -> bool:
    """Required for these facts (``required_when`` where the catalog has it)."""
    check = getattr(spec, "required_for", None)
    if callable(check):
        return bool(check(facts))
    return bool(spec.required)


def account_actions(account: AccountReview, targets: Targets, catalog: Catalog) -> list[Action]:
    mp = account.marketplace
    out: list[Action] = []
    for m in account.metrics:
        if m.status not in ("miss", "warning") or m.target is None:
            continue
        src = m.source or Source(report="account-record")
        if m.key == "ahr" and m.status == "miss":
            out.append(Action(
                key="account-rating", kind="account-rating", account=True, figure=m.key,
                title=Text(en=f"Account Health Rating {number(m.value, 'points')}: "
                           f"{m.band.en if m.band else 'below healthy'}",
                           zh=f"账户状况评级 {number(m.value, 'points')}：{m.band.zh if m.band else '低于健康'}"),
                where=_ACCOUNT, source=src,
                steps=Text(en="Open Account Health, resolve each item that lowers the rating "
                           "(policy violations first: appeal or fix each), and keep every "
                           "metric on target until the rating is back above "
                           f"{number(m.target.value, 'points')}.",
                           zh="打开账户状况，逐项处理拉低评级的问题（先处理政策违规：逐条申诉或整改），"
                           f"并保持各项指标达标，直至评级回到 {number(m.target.value, 'points')} 以上。"),
            ))  # fmt: skip
            continue
        if m.key == "violations":
            out.append(Action(
                key="violations", kind="violations", account=True, figure=m.key, source=src,
                title=Text(en=f"{number(m.value, 'count')} open policy violation(s)",
                           zh=f"{number(m.value, 'count')} 项未处理的政策违规"),
                where=_ACCOUNT,
                steps=Text(en="Open Account Health → Policy compliance, read each violation and "
                           "appeal or fix it (an IP complaint needs the rights owner's "
                           "retraction or your invoices; casewriter new ip-complaint-appeal).",
                           zh="打开账户状况 → 政策合规，逐条查看违规并申诉或整改（知识产权投诉需要权利人撤诉或您的发票；"
                           "可用 casewriter new ip-complaint-appeal）。"),
            ))  # fmt: skip
            continue
        miss = m.status == "miss"
        case = None if m.target.advisory else _poa(m, mp, targets, catalog)
        shown = number(m.value, m.target.unit)
        title = Text(
            en=f"{m.label.en} {shown}: "
            + ("off target" if miss else "worsening towards its target"),
            zh=f"{m.label.zh} {shown}：" + ("未达标" if miss else "正逐步接近目标线"),
        )
        steps = Text(
            en=f"Open Account Health → {m.label.en}, read the orders behind it and fix the "
            "cause (handling time, carrier, stock sync, tracking upload). "
            + ("Advisory: no penalty, but buyers see late deliveries."
               if m.target.advisory else
               "If Amazon asks for a plan of action, the draft below has the metric and rate: "
               "add the order counts, root cause and the actions you took."),
            zh=f"打开账户状况 → {m.label.zh}，查看相关订单并解决原因（处理时间、承运商、库存同步、追踪号上传）。"
            + ("建议值：无处罚，但买家会看到延迟送达。" if m.target.advisory else
               "如亚马逊要求提交行动计划，下面的草稿已填好指标和比率：请补充订单数、根本原因和已采取的措施。"),
        )  # fmt: skip
        out.append(Action(
            key=f"{'metric-miss' if miss else 'metric-warning'}:{m.key}",
            kind="metric-miss" if miss else "metric-warning", account=not m.target.advisory,
            title=title, steps=steps, where=_ACCOUNT, case=case, figure=m.key, source=src,
        ))  # fmt: skip
    if account.due:
        last = account.last_record.isoformat() if account.last_record else None
        out.append(Action(
            key="record-due", kind="record-due", figure="account",
            title=Text(en="Weekly account review due" + (f" (last record {last})" if last else ""),
                       zh="每周账户检查到期" + (f"（上次记录 {last}）" if last else "")),
            where=_ACCOUNT,
            steps=Text(en=f"Read Performance → Account Health and record it: casewriter health "
                       f"record --marketplace {mp} --odr … --ahr … (every metric optional).",
                       zh=f"查看 绩效 → 账户状况 并记录：casewriter health record --marketplace {mp} "
                       "--odr … --ahr …（每项指标都可选）。"),
        ))  # fmt: skip
    return out


def _finding_draft(f: Finding, catalog: Catalog) -> CaseProposal | None:
    if f.case_type not in catalog:
        return None
    from casewriter.reports.drafts import draft_from_finding

    return proposal(catalog, draft_from_finding(f, catalog))


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
    fig = inv.figure("excess_share")
    if _fig_action(fig) and fig is not None and fig.target is not None:
        out.append(Action(
            key="excess", kind="excess", figure=fig.key, source=fig.source,
            title=Text(en=f"Excess inventory {number(fig.value, 'percent')} of available units "
                       f"(rule of thumb: under {number(fig.target.value, 'percent')})",
                       zh=f"冗余库存占可售件数 {number(fig.value, 'percent')}（经验值：低于 {number(fig.target.value, 'percent')}）"),
            where=_PLANNING,
            steps=Text(en="Inventory Planning → Manage Excess Inventory: follow Amazon's "
                       "recommended actions (price, sale, removal) and ship less of those SKUs.",
                       zh="库存规划 → 管理冗余库存：按亚马逊建议（调价、促销、移除）处理，并减少这些SKU的补货量。"),
        ))  # fmt: skip
    fig = inv.figure("sell_through")
    if _fig_action(fig) and fig is not None and fig.target is not None:
        out.append(Action(
            key="sell-through", kind="sell-through", figure=fig.key, source=fig.source,
            title=Text(en=f"Sell-through {number(fig.value, 'ratio')} is not above "
                       f"{number(fig.target.value, 'ratio')} (a rule of thumb)",
                       zh=f"售出率 {number(fig.value, 'ratio')} 未高于 {number(fig.target.value, 'ratio')}（经验值）"),
            where=_PLANNING,
            steps=Text(en="Inventory Planning → Inventory Performance: send smaller, more "
                       "frequent shipments and clear slow SKUs (sales, removals).",
                       zh="库存规划 → 库存绩效：小批量多批次补货，清理滞销SKU（促销、移除）。"),
        ))  # fmt: skip
    fig = inv.figure("unsellable")
    if _fig_action(fig) and fig is not None:
        out.append(Action(
            key="unsellable", kind="unsellable", figure=fig.key, source=fig.source,
            title=Text(en=f"{number(fig.value, 'units')} unsellable unit(s) to remove",
                       zh=f"{number(fig.value, 'units')} 件不可售库存需移除"),
            where=_MANAGE,
            steps=Text(en="Manage FBA Inventory → filter Unfulfillable → Create removal order "
                       "(return or dispose) before storage fees and the aged surcharge add up.",
                       zh="管理亚马逊库存 → 筛选不可售 → 创建移除订单（退回或弃置），以免产生更多仓储费和库龄附加费。"),
        ))  # fmt: skip
    fig = inv.figure("researching")
    if _fig_action(fig) and fig is not None:
        out.append(Action(
            key="researching", kind="researching", figure=fig.key, source=fig.source,
            title=Text(en=f"{number(fig.value, 'units')} unit(s) under research by Amazon",
                       zh=f"{number(fig.value, 'units')} 件库存正在被亚马逊调查"),
            where=_MANAGE,
            steps=Text(en="Amazon can take up to 60 days; units still researching after that "
                       "are a lead: download the Inventory Ledger and run casewriter scan on it "
                       "(warehouse-lost, inbound-shortfall).",
                       zh="亚马逊调查最长可能需要60天；超过后仍在调查的库存值得跟进：下载库存分类账并用 casewriter scan 扫描（仓库丢失、入库短少）。"),
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


def _capacity(fig: Figure, mp: str, catalog: Catalog) -> CaseProposal | None:
    if "capacity-limit-exception" not in catalog:
        return None
    from casewriter.engine import Draft

    asins = list(dict.fromkeys(i.asin for i in fig.items if i.asin))[:5]
    draft = Draft(case_type="capacity-limit-exception", marketplace=mp,
                  evidence={"asin": asins} if asins else {})  # fmt: skip
    return proposal(catalog, draft)


def order_actions(actions: list[Action]) -> list[Action]:
    """Account at stake first (misses, warnings, rating, violations), then by deadline, then by
    money, then the rest (stable)."""
    rank = {"metric-miss": 0, "account-rating": 1, "violations": 2, "metric-warning": 3}
    far = date(9999, 12, 31)

    def key(a: Action) -> tuple[int, int, date, Decimal, str]:
        if a.account:
            return (0, rank.get(a.kind, 9), far, Decimal(0), a.key)
        if a.kind == "record-due":
            return (3, 0, far, Decimal(0), a.key)
        has = a.deadline is not None or a.amount is not None
        return (1 if has else 2, 0, a.deadline or far, -(a.amount or Decimal(0)), a.key)

    return sorted(actions, key=key)
