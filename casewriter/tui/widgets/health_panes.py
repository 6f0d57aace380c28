"""What the Health screen's Account and Inventory tabs hold, built from a ``HealthReview``: a
board of chart cards (``ChartBoard``: one card per recorded account metric; sell-through and
excess share per planning snapshot), the lines around it (why there is no account review, the
metrics never recorded), the inventory figures (one ``Static`` for all of them), and the
summary line under the title.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from casewriter.health.model import HealthReview
from casewriter.health.words import target_text
from casewriter.tui.i18n import t, tn
from casewriter.tui.safe import Static
from casewriter.tui.widgets.health_board import Card, ChartBoard
from casewriter.tui.widgets.health_charts import Series
from casewriter.tui.widgets.health_view import figure_text, metric_head, metric_notes, status_text


def account_cards(review: HealthReview, lang: str) -> list[Widget]:
    acc = review.account
    out: list[Widget] = []
    if acc.absent is not None:
        out.append(Static(Text(acc.absent.get(lang), style="bold"), classes="figure"))
    cards: list[Card] = []
    never: list[str] = []
    for m in acc.metrics:
        known = [p for p in m.trend if p.value is not None]
        if m.value is None and not known:
            never.append(m.label.get(lang))
            continue
        series = Series.of([p.date for p in m.trend], [p.value for p in m.trend],
                           target=m.target.value if m.target else None, status=m.status)  # fmt: skip
        cards.append(Card(f"chart-{m.key}", metric_head(m, lang), series, metric_notes(m, lang)))
    if cards:
        out.append(ChartBoard(cards, id="account-charts"))
    elif acc.absent is None:
        out.append(Static(t("health.account.none"), classes="figure"))
    if acc.records and never:
        out.append(Static(Text(t("health.never", names=", ".join(never)), style="dim")))
    return out


def inventory_cards(review: HealthReview, lang: str) -> list[Widget]:
    """The trend of sell-through and excess share, then every figure (one ``Static``)."""
    inv = review.inventory
    out: list[Widget] = []
    if inv.absent is not None:
        out.append(Static(Text(inv.absent.get(lang), style="bold"), classes="figure"))
    cards: list[Card] = []
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
        series = Series.of([d for d, _ in points], [v for _, v in points],
                           target=fig.target.value if fig.target else None, status=fig.status)  # fmt: skip
        cards.append(Card(f"chart-{key}", head, series))
    if cards:
        out.append(ChartBoard(cards, most=2, id="inventory-charts"))
    if inv.figures:
        figures = Text("\n\n").join(figure_text(f, lang) for f in inv.figures)
        out.append(Static(figures, classes="figure", id="inventory-figures"))
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
