"""The Health screen's trend charts: ``TrendChart`` (a line over the recorded weeks and its
target, drawn by plotext through Textualize's ``textual-plotext`` widget), ``ChartCard`` (a
chart with its heading above and its alerts below, both wrapped by word) and ``ChartGrid``
(cards side by side, as many columns as the width allows: one at 80 columns of a narrow pane,
two or three when wider).

Nothing untrusted reaches plotext (its output is read back as ANSI): the chart gets numbers and
the dates of the points only; labels are ours and drawn by ``safe.Static`` above the chart.
The built chart is kept per size and theme, so a refresh that changes neither costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual_plotext import PlotextPlot

from casewriter.tui.safe import Static

CARD_WIDTH = 38
"""The narrowest a card gets before the grid drops a column."""
CHART_HEIGHT = 8
LINE_COLOURS = {"miss": "red", "warning": "orange", "ok": "blue", "info": "blue"}


def _ticks(dates: Sequence[date], width: int) -> tuple[list[int], list[str]]:
    """X ticks: the first and last date (ISO when there is room, else month-day)."""
    if not dates:
        return [], []
    fmt = "%Y-%m-%d" if width >= 34 else "%m-%d"
    if len(dates) == 1:
        return [0], [dates[0].strftime(fmt)]
    last = len(dates) - 1
    return [0, last], [dates[0].strftime(fmt), dates[last].strftime(fmt)]


class TrendChart(PlotextPlot):
    """One series over ``dates`` (None: a gap) and its ``target`` as a flat line."""

    DEFAULT_CSS = """
    TrendChart {
        height: 8;
        width: 1fr;
    }
    """

    def __init__(
        self,
        dates: Sequence[date],
        values: Sequence[Decimal | None],
        *,
        target: Decimal | None = None,
        status: str = "ok",
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(id=id)
        self.dates = list(dates)
        self.values = [None if v is None else float(v) for v in values]
        self.target = None if target is None else float(target)
        self.status = status
        # Plotext's "clear" theme: no colour behind each cell (the widget's own background
        # shows), so a chart line is a few segments, not one per cell: a third of the cost
        # of drawing the screen.
        self.theme = "clear"
        self._built: tuple[tuple[int, int, str], Any] | None = None

    def _draw(self) -> None:
        plt = self.plt
        plt.clear_data()
        known = [(i, v) for i, v in enumerate(self.values) if v is not None]
        span = [v for _, v in known] + ([self.target] if self.target is not None else [])
        low, high = min(span), max(span)
        pad = (high - low) * 0.15 or max(abs(high) * 0.1, 0.5)
        plt.ylim(max(0.0, low - pad) if low >= 0 else low - pad, high + pad)
        plt.xlim(-0.3, max(1, len(self.values) - 1) + 0.3)
        if self.target is not None:
            plt.hline(self.target, "gray")
        colour = LINE_COLOURS.get(self.status, "blue")
        xs, ys = [i for i, _ in known], [v for _, v in known]
        if len(known) > 1:
            plt.plot(xs, ys, marker="braille", color=colour)
        plt.scatter(xs, ys, marker="●", color=colour)
        ticks, labels = _ticks(self.dates, self.size.width)
        plt.xticks([float(x) for x in ticks], labels)
        # Y ticks at what matters, labelled exactly: the lowest and highest value, the target.
        marks = sorted({min(ys), max(ys), *([self.target] if self.target is not None else [])})
        plt.yticks(marks, [f"{m:g}" for m in marks])

    def render(self) -> Any:
        key = (self.size.width, self.size.height, str(self.app.theme))
        if self._built is None or self._built[0] != key:
            self._draw()
            self._built = (key, super().render())
        return self._built[1]


class ChartCard(Vertical):
    """A chart with its heading (what, value, target, status) and its alerts, word-wrapped."""

    DEFAULT_CSS = """
    ChartCard {
        height: auto;
        padding: 0 1 1 0;
    }
    ChartCard .card-head {
        height: auto;
    }
    ChartCard .card-notes {
        height: auto;
        color: $warning;
    }
    """

    def __init__(self, head: Text, chart: TrendChart | None, notes: Text | None = None) -> None:
        super().__init__()
        self.head = head
        self.chart = chart
        self.notes = notes

    def compose(self) -> ComposeResult:
        yield Static(self.head, classes="card-head")
        if self.chart is not None:
            yield self.chart
        if self.notes is not None and self.notes.plain:
            yield Static(self.notes, classes="card-notes")


class ChartGrid(Grid):
    """Cards in as many columns as fit (``CARD_WIDTH`` each), rows as tall as their cards."""

    DEFAULT_CSS = """
    ChartGrid {
        height: auto;
        grid-size: 1;
        grid-rows: auto;
        grid-gutter: 0 1;
    }
    """

    def __init__(
        self,
        *cards: ChartCard,
        most: int = 3,
        width: int = 0,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(*cards, id=id)
        self.most = most
        self.cards = len(cards)
        # Laid out at the width it will have: charts are not drawn once at one column count
        # and again at another.
        self.styles.grid_size_columns = self.columns_for(width)

    def columns_for(self, width: int) -> int:
        return max(1, min(self.most, width // CARD_WIDTH, self.cards or 1))

    def on_resize(self, event: events.Resize) -> None:
        columns = self.columns_for(event.size.width)
        if self.styles.grid_size_columns != columns:
            self.styles.grid_size_columns = columns
