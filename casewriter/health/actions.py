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

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from casewriter.health.actions_stock import inventory_actions
from casewriter.health.model import AccountReview, Action, Source, Text
from casewriter.health.proposals import _poa
from casewriter.health.targets import Targets
from casewriter.health.words import number

if TYPE_CHECKING:
    from casewriter.engine import Catalog

__all__ = ["account_actions", "inventory_actions", "order_actions"]

_ACCOUNT = Text(en="Performance → Account Health", zh="绩效 → 账户状况")


def account_actions(account: AccountReview, targets: Targets, catalog: Catalog) -> list[Action]:
    mp = account.marketplace
    out: list[Action] = []
    drafted: dict[str, Text] = {}  # the plan of action's metric -> the action label holding it
    for m in account.metrics:
        if m.status not in ("miss", "warning") or m.target is None:
            continue
        src = m.source or Source(report="account-record")
        if m.key == "ahr" and m.status == "warning":
            shown = number(m.value, "points")
            out.append(Action(
                key="metric-warning:ahr", kind="metric-warning", account=True, figure=m.key,
                title=Text(en=f"{m.label.en} {shown}: worsening towards its target",
                           zh=f"{m.label.zh} {shown}：正逐步接近目标线"),
                where=_ACCOUNT, source=src,
                steps=Text(en="Open Account Health and see which items lowered the rating "
                           "(policy violations first: appeal or fix each) before it falls "
                           f"below {number(m.target.value, 'points')}; the rating has no plan "
                           "of action of its own.",
                           zh="打开账户状况，查看是哪些问题拉低了评级（先处理政策违规：逐条申诉或整改），"
                           f"在评级跌破 {number(m.target.value, 'points')} 之前处理；评级本身没有单独的行动计划。"),
            ))  # fmt: skip
            continue
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
                           "可新建“知识产权投诉申诉”Case）。"),
            ))  # fmt: skip
            continue
        miss = m.status == "miss"
        case = None if m.target.advisory else _poa(m, mp, targets, catalog)
        metric = (case.draft.get("facts") or {}).get("metric") if case is not None else None
        covered = drafted.get(str(metric)) if metric else None
        if case is not None and covered is not None:
            case = None  # one plan of action per metric (LSR over 10 and over 30 days)
        elif case is not None and metric:
            drafted[str(metric)] = m.label
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
               f"One plan of action covers both: the one drafted with {covered.en}."
               if covered is not None else
               "If Amazon asks for a plan of action, the draft below has the metric and rate: "
               "add the order counts, root cause and the actions you took."
               if case is not None else
               "If Amazon asks for a plan of action, write it with the order counts, the root "
               "cause and the actions you took."),
            zh=f"打开账户状况 → {m.label.zh}，查看相关订单并解决原因（处理时间、承运商、库存同步、追踪号上传）。"
            + ("建议值：无处罚，但买家会看到延迟送达。" if m.target.advisory else
               f"一份行动计划即可涵盖两者：见随 {covered.zh} 起草的那份。" if covered is not None else
               "如亚马逊要求提交行动计划，下面的草稿已填好指标和比率：请补充订单数、根本原因和已采取的措施。"
               if case is not None else
               "如亚马逊要求提交行动计划，请写明订单数、根本原因和已采取的措施。"),
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
