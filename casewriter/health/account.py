"""The weekly account review: each metric of the account records against its target.

``account_review(records, marketplace, as_of, targets)`` takes the records of one marketplace
(any order; those after ``as_of`` are left out) and gives an ``AccountReview``: per metric the
latest record's value, its target and window, the trend over every record, the change since the
previous record, and

- **miss**: the latest value does not meet the target (an advisory target says "recommended");
- **warning**: on target, but worse in each of the last two records (three values in a row,
  each worse than the one before) and more than ``targets.warning_margin`` (80 %) of the margin
  used, the margin running from the metric's best value to the target (``Target.margin_used``);
- **no-data**: the metric is not in the latest record (an FBA-only seller records no late
  shipment rate): never filled in from an older record, which the reason names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from casewriter.health.model import (
    METRIC_KEYS,
    AccountMetric,
    AccountRecord,
    AccountReview,
    Point,
    Source,
    Status,
    Target,
    Text,
)
from casewriter.health.targets import Targets
from casewriter.health.words import number, pct, target_text

#: Metrics only seller-fulfilled orders have (absent for an FBA-only seller).
SELLER_FULFILLED = frozenset({"lsr_10", "lsr_30", "cancel", "vtr", "otdr"})


def worse(target: Target, before: Decimal, after: Decimal) -> bool:
    """Is ``after`` worse than ``before`` for this target's direction?"""
    if target.comparison in ("below", "at_most"):
        return after > before
    return after < before


def account_review(
    records: Iterable[AccountRecord], marketplace: str, as_of: date, targets: Targets
) -> AccountReview:
    mp = marketplace.upper()
    mine = sorted((r for r in records if r.marketplace == mp and r.date <= as_of),
                  key=lambda r: r.date)  # fmt: skip
    if not mine:
        return AccountReview(
            marketplace=mp,
            due=True,
            absent=Text(
                en=f"No account record for {mp} yet: read Performance → Account Health and run "
                f"casewriter health record --marketplace {mp} --odr … (every metric optional).",
                zh=f"{mp} 还没有账户记录：查看 绩效 → 账户状况，然后运行 casewriter health record "
                f"--marketplace {mp} --odr …（每项指标都可选）。",
            ),
        )
    last = mine[-1]
    metrics = [_metric(key, mine, mp, targets) for key in METRIC_KEYS]
    due = (as_of - last.date).days >= targets.due.account_days
    return AccountReview(
        marketplace=mp, records=mine, metrics=metrics, last_record=last.date, due=due
    )


def _metric(key: str, records: list[AccountRecord], mp: str, targets: Targets) -> AccountMetric:
    spec = targets.spec(key, mp)
    label = spec.label if spec else Text(en=key, zh=key)
    target = targets.target(key, mp)
    trend = [Point(date=r.date, value=r.value(key)) for r in records]
    last = records[-1]
    value = last.value(key)
    known = [p for p in trend if p.value is not None]
    if value is None:
        if known:
            prev = known[-1]
            shown = number(prev.value, target.unit if target else "count")
            absent = Text(
                en=f"not in the record of {last.date.isoformat()} (last recorded "
                f"{prev.date.isoformat()}: {shown}); not carried over",
                zh=f"{last.date.isoformat()} 的记录中没有此项（上次记录于 "
                f"{prev.date.isoformat()}：{shown}），不沿用旧值",
            )
        elif key in SELLER_FULFILLED:
            absent = Text(
                en="never recorded (an FBA-only seller has no late shipment, cancel, tracking "
                "or delivery rates)",
                zh="从未记录（只用FBA的卖家没有迟发率、取消率、追踪率和准时交货率）",
            )
        else:
            absent = Text(en="never recorded", zh="从未记录")
        return AccountMetric(key=key, label=label, target=target, trend=trend, absent=absent)
    source = Source(report="account-record", date=last.date)
    change = value - known[-2].value if len(known) >= 2 and known[-2].value is not None else None
    if target is None:
        return AccountMetric(key=key, label=label, value=value, recorded_on=last.date,
                             status="info", trend=trend, change=change, source=source)  # fmt: skip
    values = [p.value for p in known if p.value is not None][-3:]
    worse_twice = len(values) == 3 and worse(target, values[0], values[1]) \
        and worse(target, values[1], values[2])  # fmt: skip
    used = target.margin_used(value)
    alerts: list[Text] = []
    status: Status
    shown = number(value, target.unit)
    goal = target_text(target)
    goal_zh = target_text(target, "zh")
    band = targets.band(key, mp, value)
    if not target.met(value):
        status = "miss"
        if target.advisory:
            alerts.append(Text(en=f"{label.en} {shown} misses the recommended {goal}",
                               zh=f"{label.zh} {shown} 未达到建议值 {goal_zh}"))  # fmt: skip
        else:
            alerts.append(Text(en=f"{label.en} {shown} misses its target {goal}",
                               zh=f"{label.zh} {shown} 未达到目标 {goal_zh}"))  # fmt: skip
        if band is not None:
            alerts.append(Text(en=f"{label.en} is in the band: {band.en}",
                               zh=f"{label.zh} 处于：{band.zh}"))  # fmt: skip
    elif worse_twice and used is not None and used > targets.warning_margin:
        status = "warning"
        alerts.append(Text(
            en=f"{label.en} {shown} got worse in each of the last two records and has used "
            f"{pct(used)} of its margin to the target {goal}",
            zh=f"{label.zh} {shown} 最近两次记录连续变差，已用掉到目标 {goal_zh} 之间余量的 "
            f"{pct(used)}",
        ))  # fmt: skip
    else:
        status = "ok"
    return AccountMetric(
        key=key, label=label, value=value, recorded_on=last.date, target=target,
        status=status, band=band, trend=trend, change=change, margin_used=used,
        worse_twice=worse_twice, alerts=alerts, source=source,
    )  # fmt: skip
