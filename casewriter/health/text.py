"""The review as terminal text, in English or Chinese (``format_text(review, lang)``).

Sections: the account (each metric: value, target and window, change, status, alerts; an ASCII
trend of the recorded weeks), the inventory figures (value or why absent, target, source), the
actions in order (Seller Central page, steps, the drafted case and what it still lacks), the
sources read and the notes. Text from reports and the log is printed as data: the CLI's output
stream escapes terminal controls.

Also what the Markdown and HTML outputs write the same way: the headings (``H``), the status
words, an item's notes (``item_notes``), an action's amount and date (``amount_and_date``) and
a drafted case's state (``case_state``, escaped the output's way).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from casewriter.health.model import (
    AccountMetric,
    CaseProposal,
    Figure,
    HealthReview,
    Item,
    Status,
    Text,
)
from casewriter.health.words import number, target_text

H = {
    "title": Text(en="Health review", zh="账户与库存健康检查"),
    "account": Text(en="ACCOUNT (weekly)", zh="账户（每周）"),
    "inventory": Text(en="INVENTORY (monthly)", zh="库存（每月）"),
    "actions": Text(en="ACTIONS", zh="待办事项"),
    "sources": Text(en="SOURCES", zh="数据来源"),
    "notes": Text(en="NOTES", zh="备注"),
    "none": Text(
        en="Nothing to do: every figure given is on target.", zh="无待办事项：所给数据均达标。"
    ),  # fmt: skip
    "target": Text(en="target", zh="目标"),
    "from": Text(en="from", zh="来源"),
    "case": Text(en="drafted case", zh="Case草稿"),
    "ready": Text(en="ready to review", zh="可审阅"),
    "not_ready": Text(en="not ready: add", zh="未完成，需补充"),
    "where": Text(en="where", zh="位置"),
    "by": Text(en="act by", zh="截止"),
    "records": Text(en="records", zh="条记录"),
    "more": Text(en="more", zh="更多"),
}
STATUS = {
    "ok": Text(en="ok", zh="达标"),
    "warning": Text(en="WARNING", zh="预警"),
    "miss": Text(en="MISS", zh="未达标"),
    "no-data": Text(en="no data", zh="无数据"),
    "info": Text(en="", zh=""),
}
_SPARK = "▁▂▃▄▅▆▇█"


def status_word(status: Status, lang: str) -> str:
    return STATUS[status].get(lang)


def spark(metric: AccountMetric) -> str:
    """The recorded values as a one-line bar trend (a gap for a week not recorded)."""
    values = [p.value for p in metric.trend]
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    low, high = min(known), max(known)
    span = (high - low) or 1
    return "".join(" " if v is None else _SPARK[int((v - low) / span * (len(_SPARK) - 1))]
                   for v in values)  # fmt: skip


def amount_and_date(
    amount: Decimal | None, currency: str, deadline: date | None, lang: str
) -> list[str]:
    """What every output writes after an action's title or an item's units: the amount and
    the date to act by, those given."""
    out = []
    if amount is not None:
        out.append(number(amount, "money", currency))
    if deadline:
        out.append(f"{H['by'].get(lang)} {deadline.isoformat()}")
    return out


def item_notes(item: Item, lang: str) -> list[str]:
    """``amount_and_date`` of an item, then its detail (if any)."""
    detail = [item.detail.get(lang)] if item.detail else []
    return amount_and_date(item.amount, item.currency, item.deadline, lang) + detail


def case_state(case: CaseProposal, lang: str, escape: Callable[[str], str] = str) -> str:
    """A drafted case's state as every output writes it (``escape``: the output's): ready to
    review, or not ready and what to add."""
    if case.ready:
        return escape(H["ready"].get(lang))
    missing = ", ".join(x.get(lang) for x in case.missing)
    return escape(H["not_ready"].get(lang)) + " " + escape(missing)


def _source(fig: Figure) -> str:
    if fig.source is None:
        return ""
    parts = [fig.source.report]
    if fig.source.date:
        parts.append(fig.source.date.isoformat())
    return ", ".join(parts)


def format_text(review: HealthReview, lang: str = "en") -> str:
    def t(key: str) -> str:
        return H[key].get(lang)

    lines = [f"{t('title')} · {review.marketplace} · {review.as_of.isoformat()}", ""]
    acc = review.account
    lines.append(t("account") + (f" · {len(acc.records)} {t('records')}" if acc.records else ""))
    if acc.absent is not None:
        lines.append(f"  {acc.absent.get(lang)}")
    for m in acc.metrics:
        if m.value is None and not any(p.value is not None for p in m.trend):
            continue  # never recorded: listed once below
        unit = m.target.unit if m.target else "count"
        value = number(m.value, unit) if m.value is not None else "-"
        goal = target_text(m.target, lang) if m.target else ""
        change = ""
        if m.change is not None:
            change = f" ({'+' if m.change >= 0 else ''}{number(m.change, unit)})"
        word = status_word(m.status, lang)
        lines.append(f"  {m.label.get(lang):<30} {value:>8}{change:<10} {goal}  {word}  {spark(m)}")
        if m.absent is not None:
            lines.append(f"      {m.absent.get(lang)}")
        for alert in m.alerts:
            lines.append(f"      ! {alert.get(lang)}")
    never = [m.label.get(lang) for m in acc.metrics
             if m.value is None and not any(p.value is not None for p in m.trend)]  # fmt: skip
    if acc.records and never:
        none = "从未记录" if lang == "zh" else "never recorded"
        lines.append(f"  {none}: {', '.join(never)}")
    lines += ["", t("inventory") + (f" · {review.inventory.snapshot.isoformat()}"
                                    if review.inventory.snapshot else "")]  # fmt: skip
    if review.inventory.absent is not None:
        lines.append(f"  {review.inventory.absent.get(lang)}")
    for fig in review.inventory.figures:
        label = fig.label.get(lang)
        if fig.value is None:
            lines.append(f"  {label:<34} -   {fig.absent.get(lang) if fig.absent else ''}")
            continue
        goal = f"  {t('target')} {target_text(fig.target, lang)}" if fig.target else ""
        word = status_word(fig.status, lang)
        src = _source(fig)
        lines.append(f"  {label:<34} {number(fig.value, fig.unit, fig.currency):>14}{goal}  "
                     f"{word}" + (f"  [{src}]" if src else ""))  # fmt: skip
        for part in fig.parts:
            amount = (
                f"  {number(part.amount, 'money', part.currency)}"
                if part.amount is not None
                else ""
            )
            units = number(part.units, "units") if part.units is not None else ""
            lines.append(f"      {part.label.get(lang):<28} {units:>10}{amount}")
        for item in fig.items[:5]:
            who = item.sku or item.fnsku or item.asin
            bits = [number(item.units, "units") if item.units is not None else ""]
            bits += item_notes(item, lang)
            lines.append(f"      · {who}: " + " · ".join(b for b in bits if b))
        hidden = len(fig.items) - 5 + fig.more_items
        if hidden > 0:
            lines.append(f"      … {hidden} {t('more')}")
    lines += ["", t("actions")]
    if not review.actions:
        lines.append(f"  {t('none')}")
    for n, a in enumerate(review.actions, 1):
        head = f"  {n}. {a.title.get(lang)}"
        lines.append(" · ".join([head, *amount_and_date(a.amount, a.currency, a.deadline, lang)]))
        if a.where:
            lines.append(f"     {t('where')}: {a.where.get(lang)}")
        lines.append(f"     {a.steps.get(lang)}")
        if a.case is not None:
            state = case_state(a.case, lang)
            lines.append(f"     {t('case')}: {a.case.case_type} ({state})")
    lines += ["", t("sources")]
    for s in review.sources:
        dates = f" {s.dates[0].isoformat()}…{s.dates[-1].isoformat()}" if len(s.dates) > 1 else (
            f" {s.dates[0].isoformat()}" if s.dates else "")  # fmt: skip
        reason = f"  ({s.reason})" if s.reason else ""
        lines.append(f"  {s.status:<10} {s.type or '-':<20} {s.rows:>8}{dates}  {s.path}{reason}")
    if acc.records:
        lines.append(
            f"  {'read':<10} {'account-record':<20} {len(acc.records):>8}  "
            f"{acc.records[0].date.isoformat()}…{acc.records[-1].date.isoformat()}"
        )
    if review.notes:
        lines += ["", t("notes")] + [f"  {n.get(lang)}" for n in review.notes]
    return "\n".join(lines) + "\n"
