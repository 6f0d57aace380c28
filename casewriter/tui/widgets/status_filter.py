"""``StatusFilter``: the home screen's status filter, a one-line control showing the chosen
status (``All statuses ▼``) that opens a small menu of statuses when clicked or activated.

A light stand-in for Textual's ``Select``, which builds an overlay, an ``OptionList`` and three
more widgets (with their CSS) at start-up: this draws one line, and the menu
(``casewriter.tui.widgets.filter_menu``) is built only when opened. Keys when focused:
enter/space open the menu, up/down step through the statuses; the home screen's ``f`` calls
``cycle()``. Setting ``value`` posts ``StatusFilter.Changed``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from casewriter.tui.text import truncate

ARROW = "▼"


class StatusFilter(Widget, can_focus=True):
    """Choose one of ``values``; ``label(value)`` gives the text shown for a value (``refresh``
    redraws it, e.g. in a new UI language)."""

    DEFAULT_CSS = """
    StatusFilter {
        width: 28;
        height: 3;
        padding: 0 2;
        border: tall $border-blurred;
        background: $surface;
        color: $foreground;
        pointer: pointer;
    }
    StatusFilter:focus {
        border: tall $border;
        background-tint: $foreground 5%;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [
        Binding("enter,space", "open_menu", show=False),
        Binding("down", "step(1)", show=False),
        Binding("up", "step(-1)", show=False),
    ]

    value: reactive[str] = reactive("", init=False)
    """The chosen value (one of ``values``)."""

    class Changed(Message):
        """The chosen value changed."""

        def __init__(self, status_filter: StatusFilter, value: str) -> None:
            super().__init__()
            self.status_filter = status_filter
            self.value = value

        @property
        def control(self) -> StatusFilter:
            return self.status_filter

    def __init__(
        self,
        values: Sequence[str],
        label: Callable[[str], str],
        *,
        value: str | None = None,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(id=id)
        self.values = tuple(values)
        self.label = label
        self.set_reactive(StatusFilter.value, value if value is not None else self.values[0])

    def validate_value(self, value: str) -> str:
        if value not in self.values:
            raise ValueError(f"unknown filter value {value!r}")
        return value

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def render(self) -> Text:
        width = max(4, self.content_size.width)
        text = truncate(self.label(self.value), width - 2)
        gap = max(1, width - cell_len(text) - 1)
        return Text.assemble(text, " " * gap, ARROW, end="")

    def cycle(self, step: int = 1) -> None:
        """Choose the next (or previous) value, wrapping around."""
        self.value = self.values[(self.values.index(self.value) + step) % len(self.values)]

    def action_step(self, step: int) -> None:
        self.cycle(step)

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open_menu()

    def action_open_menu(self) -> None:
        """Open the menu of statuses under the control (built now, not at start-up)."""
        from casewriter.tui.widgets.filter_menu import FilterMenu

        def chosen(value: str | None) -> None:
            if value is not None:
                self.value = value

        region = self.region
        self.app.push_screen(
            FilterMenu(
                [(v, self.label(v)) for v in self.values],
                self.value,
                at=(region.x, region.y + region.height),
                width=region.width,
            ),
            chosen,
        )
