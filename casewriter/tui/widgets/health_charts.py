"""The Health screen's trend charts as text: ``Series`` (one metric over the recorded weeks and
its target) and ``chart_text`` (the series drawn by plotext through the ``Plot`` of Textualize's
``textual-plotext``, the figure its ``PlotextPlot`` widget draws, read back as Rich ``Text``).

``ChartBoard`` (``health_board``) puts these lines in its cards; it asks for a chart only once
the screen's first frame is out and only for the cards scrolled into view, so the import of
plotext and the drawing happen after the figures are on screen.

Nothing untrusted reaches plotext (its output is read back as ANSI): the chart gets numbers and
the dates of the points only; labels are ours and drawn by the board above the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rich.text import Text

CARD_WIDTH = 38
"""The narrowest a card gets before the board drops a column."""
CHART_HEIGHT = 8
LINE_COLOURS = {"miss": "red", "warning": "orange", "ok": "blue", "info": "blue"}


@dataclass(frozen=True)
class Series:
    """One series over ``dates`` (None: a gap) and its ``target`` as a flat line."""

    dates: tuple[date, ...]
    values: tuple[float | None, ...]
    target: float | None = None
    status: str = "ok"

    @classmethod
    def of(
        cls,
        dates: Sequence[date],
        values: Sequence[Decimal | None],
        *,
        target: Decimal | None = None,
        status: str = "ok",
    ) -> Series:
        return cls(tuple(dates), tuple(None if v is None else float(v) for v in values),
                   None if target is None else float(target), status)  # fmt: skip

    @property
    def known(self) -> list[tuple[int, float]]:
        return [(i, v) for i, v in enumerate(self.values) if v is not None]


def _ticks(dates: Sequence[date], width: int) -> tuple[list[int], list[str]]:
    """X ticks: the first and last date (ISO when there is room, else month-day)."""
    if not dates:
        return [], []
    fmt = "%Y-%m-%d" if width >= 34 else "%m-%d"
    if len(dates) == 1:
        return [0], [dates[0].strftime(fmt)]
    last = len(dates) - 1
    return [0, last], [dates[0].strftime(fmt), dates[last].strftime(fmt)]


def chart_text(series: Series, width: int, height: int = CHART_HEIGHT) -> list[Text]:
    """``series`` drawn ``width`` × ``height`` cells: one ``Text`` per line. Plotext's "clear"
    theme: no colour behind each cell (the board's background shows), so a line is a few
    segments, not one per cell."""
    from textual_plotext.plot import Plot  # plotext: imported with the first chart drawn

    known = series.known
    if not known or width < 8 or height < 3:
        return [Text() for _ in range(max(0, height))]
    plt = Plot()
    plt.plotsize(width, height)
    plt.theme("clear")
    target = series.target
    ys = [v for _, v in known]
    span = ys + ([target] if target is not None else [])
    low, high = min(span), max(span)
    pad = (high - low) * 0.15 or max(abs(high) * 0.1, 0.5)
    plt.ylim(max(0.0, low - pad) if low >= 0 else low - pad, high + pad)
    plt.xlim(-0.3, max(1, len(series.values) - 1) + 0.3)
    if target is not None:
        plt.hline(target, "gray")
    colour = LINE_COLOURS.get(series.status, "blue")
    xs = [i for i, _ in known]
    if len(known) > 1:
        plt.plot(xs, ys, marker="braille", color=colour)
    plt.scatter(xs, ys, marker="●", color=colour)
    ticks, labels = _ticks(series.dates, width)
    plt.xticks([float(x) for x in ticks], labels)
    # Y ticks at what matters, labelled exactly: the lowest and highest value, the target.
    marks = sorted({min(ys), max(ys), *([target] if target is not None else [])})
    plt.yticks(marks, [f"{m:g}" for m in marks])
    lines = Text.from_ansi(plt.build()).split("\n")[:height]
    return [*lines, *(Text() for _ in range(height - len(lines)))]
