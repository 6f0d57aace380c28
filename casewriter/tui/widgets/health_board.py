"""``ChartBoard``: the Health screen's chart cards — each a heading (what, value, target,
status), a trend chart and its alerts below, headings and alerts wrapped by word — laid out in
as many columns as the width allows (``CARD_WIDTH`` each, at most ``most``: one at 80 columns of
a narrow pane, two or three when wider), all drawn by this one widget through the line API.

Why one widget: a card made of widgets (a container, a heading, a chart widget, the alerts)
costs Textual four widgets to mount, style and lay out, and eight cards were most of the time
the screen took to open. Here a card is a few cached lines: the first frame draws the headings
and alerts with the room for each chart left blank; ``show_charts`` (the screen calls it after
that frame) lets the charts in, each drawn (``health_charts.chart_text``) when its card is
first scrolled into view and kept per width and theme.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from casewriter.tui.widgets.health_charts import CARD_WIDTH, CHART_HEIGHT, Series, chart_text

GUTTER = 1
"""Cells between two columns."""
PAD_RIGHT = 1
"""Cells right of a card's text and chart."""
PAD_BOTTOM = 1
"""Lines under a card."""


@dataclass(frozen=True)
class Card:
    """One card: ``head`` and ``notes`` are ours (untrusted text already made plain)."""

    id: str
    head: Text
    series: Series | None = None
    notes: Text | None = None


@dataclass(frozen=True)
class _Layout:
    columns: tuple[tuple[int, int], ...]
    """(offset, width) of each column."""
    tops: tuple[int, ...]
    """The first line of each row."""
    rows: tuple[tuple[int, ...], ...]
    """The cards of each row, by index."""
    height: int


def columns(width: int, count: int, cards: int) -> tuple[tuple[int, int], ...]:
    """``count`` equal columns over ``width`` with a ``GUTTER`` between them, split as Textual
    splits ``1fr`` grid columns (offsets are the floors of the running sums)."""
    count = max(1, min(count, cards or 1))
    unit = Fraction(max(0, width - GUTTER * (count - 1)), count)
    out: list[tuple[int, int]] = []
    edge = Fraction(0)
    for _ in range(count):
        start = edge.__floor__()
        edge += unit
        out.append((start, edge.__floor__() - start))
        edge += GUTTER
    return tuple(out)


class ChartBoard(Widget):
    """Cards in as many columns as fit, rows as tall as their tallest card."""

    DEFAULT_CSS = """
    ChartBoard {
        height: auto;
    }
    ChartBoard > .chart-board--notes {
        color: $warning;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"chart-board--notes"}

    def __init__(
        self,
        cards: Iterable[Card],
        *,
        most: int = 3,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(id=id)
        self.cards = list(cards)
        self.most = most
        self.charts_shown = False
        """False until ``show_charts``: each chart's room is left blank."""
        self._layouts: dict[int, _Layout] = {}
        self._parts: dict[tuple[int, str, int], list[Strip]] = {}
        """(card, "head" | "notes" | "chart", width) -> its lines."""
        self._styles: tuple[object, ...] = ()
        """The styles the lines were drawn in (a theme change draws them again)."""

    # -- what the screen calls --------------------------------------------------------------

    def show_charts(self) -> None:
        """Let the charts in (each drawn when its card is first in view)."""
        if not self.charts_shown:
            self.charts_shown = True
            self.refresh()

    def columns_for(self, width: int) -> int:
        return max(1, min(self.most, width // CARD_WIDTH, len(self.cards) or 1))

    def drawn(self) -> set[str]:
        """The ids of the cards whose chart is drawn (at any width)."""
        return {self.cards[k].id for k, part, _w in self._parts if part == "chart"}

    # -- layout -----------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._layout(width).height if width > 0 else 0

    def _layout(self, width: int) -> _Layout:
        styles = (self.visual_style, self.get_visual_style("chart-board--notes"))
        if styles != self._styles:  # restyled (focus moves restyle too: most change nothing)
            self._styles = styles
            self._layouts.clear()
            self._parts.clear()
        layout = self._layouts.get(width)
        if layout is None:
            cols = columns(width, self.columns_for(width), len(self.cards))
            tops: list[int] = []
            rows: list[tuple[int, ...]] = []
            top = 0
            for first in range(0, len(self.cards), len(cols)):
                row = tuple(range(first, min(first + len(cols), len(self.cards))))
                tops.append(top)
                rows.append(row)
                top += max(self._card_height(k, w) for k, (_o, w) in zip(row, cols, strict=False))
            layout = self._layouts[width] = _Layout(cols, tuple(tops), tuple(rows), top)
        return layout

    def _card_height(self, k: int, width: int) -> int:
        card, inner = self.cards[k], max(1, width - PAD_RIGHT)
        chart = CHART_HEIGHT if card.series is not None else 0
        return (
            len(self._text(k, "head", inner))
            + chart
            + len(self._text(k, "notes", inner))
            + (PAD_BOTTOM)
        )

    # -- drawing ----------------------------------------------------------------------------

    def _text(self, k: int, part: str, width: int) -> list[Strip]:
        key = (k, part, width)
        lines = self._parts.get(key)
        if lines is None:
            card = self.cards[k]
            text = card.head if part == "head" else card.notes
            if text is None or not text.plain:
                lines = []
            else:
                style = self.visual_style if part == "head" else self.get_visual_style(
                    "chart-board--notes"
                )  # fmt: skip
                lines = Visual.to_strips(self, visualize(self, text), width, None, style, pad=True)
            self._parts[key] = lines
        return lines

    def _chart(self, k: int, width: int) -> list[Strip] | None:
        """The chart's lines once charts are shown (drawn now if not yet), else None."""
        series = self.cards[k].series
        if series is None or not self.charts_shown:
            return None
        key = (k, "chart", width)
        lines = self._parts.get(key)
        if lines is None:
            text = Text("\n").join(chart_text(series, width, CHART_HEIGHT))
            lines = Visual.to_strips(self, visualize(self, text), width, CHART_HEIGHT,
                                     self.visual_style, pad=True)  # fmt: skip
            self._parts[key] = lines
        return lines

    def _card_line(self, k: int, y: int, width: int) -> Strip | None:
        """Line ``y`` of card ``k`` drawn ``width`` cells wide (None: blank)."""
        inner = max(1, width - PAD_RIGHT)
        head = self._text(k, "head", inner)
        if y < len(head):
            return head[y]
        y -= len(head)
        if self.cards[k].series is not None:
            if y < CHART_HEIGHT:
                chart = self._chart(k, inner)
                return None if chart is None or y >= len(chart) else chart[y]
            y -= CHART_HEIGHT
        notes = self._text(k, "notes", inner)
        return notes[y] if y < len(notes) else None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.visual_style.rich_style
        layout = self._layout(width)
        row = bisect_right(layout.tops, y) - 1
        if row < 0 or y >= layout.height:
            return Strip.blank(width, base)
        strips: list[Strip] = []
        end = 0
        for k, (offset, w) in zip(layout.rows[row], layout.columns, strict=False):
            if offset > end:
                strips.append(Strip.blank(offset - end, base))
            line = self._card_line(k, y - layout.tops[row], w)
            strips.append(
                Strip.blank(w, base) if line is None else line.adjust_cell_length(w, base)
            )
            end = offset + w
        return Strip.join(strips).adjust_cell_length(width, base)
