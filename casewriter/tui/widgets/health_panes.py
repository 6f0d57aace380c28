"""What the Health screen's Account and Inventory tabs hold, built from a ``HealthReview``: a
grid of chart cards (one per recorded account metric; sell-through and excess share per
planning snapshot) and the lines around them (why there is no account review, the metrics never
recorded), and the summary line under the title.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from casewriter.health.model import HealthReview
from casewriter.health.words import target_text
from casewriter.tui.i18n import t, tn
from casewriter.tui.safe import Static
from casewriter.tui.widgets.health_charts import ChartCard, ChartGrid, TrendChart
from casewriter.tui.widgets.health_view import metric_head, metric_notes, status_text


def account_cards(review: HealthReview, lang: str, width: int) -> list[Widget]:
    acc = review.account
    out: list[Widget] = []
    if acc.absent is not None:
        out.append(Static(Text(acc.absent.get(lang), style="bold"), classes="figure"))
    cards: list[ChartCard] = []
    never: list[str] = []
    for m in acc.metrics:
        known = [p for p in m.trend if p.value is not None]
        if m.value is None and not known:
            never.append(m.label.get(lang))
            continue
        chart = TrendChart([p.date for p in m.trend], [p.value for p in m.trend],
                           target=m.target.value if m.target else None, status=m.status,
                           id=f"chart-{m.key}")  # fmt: skip
        cards.append(ChartCard(metric_head(m, lang), chart, metric_notes(m, lang)))
    if cards:
        out.append(ChartGrid(*cards, width=width, id="account-charts"))
    elif acc.absent is None:
        out.append(Static(t("health.account.none"), classes="figure"))
    if acc.records and never:
        out.append(Static(Text(t("health.never", names=", ".join(never)), style="dim")))
    return out


def inventory_cards(review: HealthReview, lang: str, width: int) -> list[Widget]:
    inv = review.inventory
    out: list[Widget] = []
    if inv.absent is not None:
        out.append(Static(Text(inv.absent.get(lang), style="bold"), classes="figure"))
    cards: list[ChartCard] = []
    for key in ("sell_through", "excess_share"):
        fig = inv.figure(key)
        points = [(p.date, getattr(p, key)) for p in inv.trend]
        if fig is None or sum(1 for _, v in points if v is not None) < 2:
            continue
        label = fig.label.get(lang)
        head = Text.assemble(
            Text(t("health.trend", label=label), style="bold"), "\n",
            Text(t("health.chart.target") + " " + target_text(fig.target, lang))
            if fig.target else "", "  ", status_text(fig.status, lang),
        )  # fmt: skip
        chart = TrendChart([d for d, _ in points], [v for _, v in points],
                           target=fig.target.value if fig.target else None, status=fig.status,
                           id=f"chart-{key}")  # fmt: skip
        cards.append(ChartCard(head, chart))
    if cards:
        out.append(ChartGrid(*cards, most=2, width=width, id="inventory-charts"))
    return out


def summary_text(review: HealthReview, origin: str) -> Text:
    """``US · as of 2026-11-12 · 4 account records · 8 report files read · 12 actions``
    and where the review came from when that matters."""
    bits = [t("health.summary", mp=review.marketplace, as_of=review.as_of.isoformat())]
    if review.account.records:
        bits.append(tn("health.summary.records", len(review.account.records)))
    read = sum(1 for s in review.sources if s.status in ("read", "partial"))
    if read:
        bits.append(tn("health.summary.files", read))
    bits.append(tn("health.summary.actions", len(review.actions)))
    if origin == "records":
        bits.append(t("health.origin.records"))
    return Text(" · ".join(bits))
