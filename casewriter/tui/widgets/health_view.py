"""The review as Rich ``Text`` for the Health screen: a metric's heading and alerts, an inventory
figure with its breakdown, an action, the sources. Numbers and targets are written by the core
(``casewriter.health.words``), so the screen and ``casewriter health`` say the same; every
piece of text from a report or the log (SKUs, reasons, file names) goes in through ``plain``
(never markup, controls escaped).
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from casewriter.health.model import AccountMetric, Action, Figure, HealthReview, Unit
from casewriter.health.text import STATUS
from casewriter.health.words import number, pct, target_text
from casewriter.tui.i18n import report_name, t, tn
from casewriter.tui.safe import plain

STATUS_STYLE = {"miss": "bold red", "warning": "bold yellow", "ok": "green", "no-data": "dim",
                "info": ""}  # fmt: skip
MAX_ITEMS = 5


def _join(*parts: Text, sep: str = " · ") -> Text:
    return Text(sep).join([p for p in parts if p.plain])


def status_text(status: str, lang: str) -> Text:
    word = STATUS[status].get(lang) if status in STATUS else status  # type: ignore[index]
    return Text(word, style=STATUS_STYLE.get(status, ""))


def metric_unit(metric: AccountMetric) -> Unit:
    return metric.target.unit if metric.target else "count"


def metric_head(metric: AccountMetric, lang: str) -> Text:
    """``Order Defect Rate`` (bold) and, below, value · target · status · change · date."""
    unit = metric_unit(metric)
    line = _join(
        Text(number(metric.value, unit) if metric.value is not None else "-", style="bold"),
        Text(t("health.chart.target") + " " + target_text(metric.target, lang))
        if metric.target else Text(),
        status_text(metric.status, lang),
        Text(t("health.change", change=("+" if metric.change >= 0 else "")
                + number(metric.change, unit))) if metric.change is not None else Text(),
        Text(t("health.recorded", date=metric.recorded_on.isoformat()), style="dim")
        if metric.recorded_on else Text(),
    )  # fmt: skip
    return Text.assemble(Text(metric.label.get(lang), style="bold"), "\n", line)


def metric_notes(metric: AccountMetric, lang: str) -> Text:
    """The band, the alerts and why a value is absent, one per line."""
    lines: list[Text] = []
    if metric.absent is not None:
        lines.append(Text(metric.absent.get(lang), style="dim"))
    if metric.margin_used is not None and metric.status == "warning":
        lines.append(Text(t("health.margin", pct=pct(metric.margin_used))))
    lines += [Text("! " + a.get(lang)) for a in metric.alerts]
    return Text("\n").join(lines)


def _source(fig: Figure) -> Text:
    if fig.source is None:
        return Text()
    bits = [report_name(fig.source.report)]
    bits += [fig.source.date.isoformat()] if fig.source.date else []
    return Text(", ".join(bits), style="dim")


def figure_text(fig: Figure, lang: str) -> Text:
    """A figure: label, value, target, status, source; then its parts and first items."""
    head = Text(fig.label.get(lang), style="bold")
    if fig.value is None:
        reason = fig.absent.get(lang) if fig.absent else ""
        return Text.assemble(head, "  -  ", Text(reason, style="dim"))
    line = _join(
        Text(number(fig.value, fig.unit, fig.currency), style="bold"),
        Text(t("health.chart.target") + " " + target_text(fig.target, lang))
        if fig.target else Text(),
        status_text(fig.status, lang) if fig.status != "info" else Text(),
        _source(fig),
    )  # fmt: skip
    lines = [Text.assemble(head, "  ", line)]
    for part in fig.parts:
        bits = [Text(part.label.get(lang))]
        if part.units is not None:
            bits.append(Text(number(part.units, "units")))
        if part.amount is not None:
            bits.append(Text(number(part.amount, "money", part.currency)))
        lines.append(Text.assemble("    ", _join(*bits)))
    for item in fig.items[:MAX_ITEMS]:
        bits = [plain(item.sku or item.fnsku or item.asin, "bold", end="")]
        if item.units is not None:
            bits.append(Text(number(item.units, "units")))
        if item.amount is not None:
            bits.append(Text(number(item.amount, "money", item.currency)))
        if item.deadline:
            bits.append(Text(t("health.by", date=item.deadline.isoformat()), style="bold"))
        if item.detail:
            bits.append(plain(item.detail.get(lang), end=""))
        lines.append(Text.assemble("    · ", _join(*bits)))
    hidden = max(0, len(fig.items) - MAX_ITEMS) + fig.more_items
    if hidden:
        lines.append(Text("    " + t("health.more", n=hidden), style="dim"))
    return Text("\n").join(lines)


def action_text(n: int, action: Action, lang: str) -> Table:
    """An action as the list shows it: its number beside title, money and date, where, steps
    and the drafted case (wrapped under the title, not under the number)."""
    head = [plain(action.title.get(lang), "bold", end="")]
    if action.amount is not None:
        head.append(Text(number(action.amount, "money", action.currency)))
    if action.deadline:
        head.append(Text(t("health.by", date=action.deadline.isoformat()), style="bold"))
    lines = [_join(*head)]
    if action.where is not None:
        lines.append(Text(action.where.get(lang), style="italic"))
    lines.append(plain(action.steps.get(lang), end=""))
    case = action.case
    if case is not None:
        title = case.title.get(lang)
        text = (
            t("health.case.ready", title=title)
            if case.ready
            else t("health.case.missing", title=title,
                   missing=", ".join(m.get(lang) for m in case.missing))
        )  # fmt: skip
        lines.append(plain(text, "green" if case.ready else "cyan", end=""))
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=len(str(n)) + 1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")  # CJK has no spaces: fold, never cut
    grid.add_row(Text(f"{n}.", style="bold"), Text("\n").join(lines))
    return grid


def sources_text(review: HealthReview, lang: str) -> Text:
    """Every file given (status, type, rows, dates, path, why not read), the account records
    and the notes."""
    lines: list[Text] = []
    for s in review.sources:
        dates = ""
        if s.dates:
            dates = s.dates[0].isoformat() + (f" … {s.dates[-1].isoformat()}"
                                              if len(s.dates) > 1 else "")  # fmt: skip
        style = "" if s.status in ("read", "partial") else "yellow"
        bits = [Text(t(f"health.status.{s.status}"), style=style), Text(report_name(s.type)),
                Text(str(s.rows)), Text(dates), plain(s.path, end="")]  # fmt: skip
        if s.reason:
            reason = s.reason_zh if lang == "zh" and s.reason_zh else s.reason
            bits.append(plain(reason, "dim", end=""))
        lines.append(_join(*bits))
    if not review.sources:
        lines.append(Text(t("health.sources.none"), style="dim"))
    records = review.account.records
    if records:
        lines.append(Text(tn("health.sources.records", len(records),
                             first=records[0].date.isoformat(),
                             last=records[-1].date.isoformat())))  # fmt: skip
    if review.notes:
        lines.append(Text())
        lines.append(Text(t("health.notes"), style="bold"))
        lines += [plain(note.get(lang), end="") for note in review.notes]
    return Text("\n").join(lines)
