"""``TabStrip``: a row of tab labels over an underline that marks the active one — the look and
the keys of Textual's ``Tabs`` (click a label; focused, ``left``/``right`` move; the active
label in the cursor colours while focused) in one widget.

Why not ``TabbedContent``: it is about fifteen widgets (tabs, their containers, an animated
underline, a switcher, a pane per tab), and mounting and styling them was a third of the time
the Health screen took to open. The screen pairs this strip with a ``ContentSwitcher`` of its
panes. Labels are ours (UI strings and counts), drawn as plain text, never markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.renderables.bar import Bar
from textual.widget import Widget

PAD = 1
"""Cells either side of a label."""


class TabStrip(Widget, can_focus=True):
    """Tabs ``names`` labelled ``labels``; ``active`` is the name of the tab shown."""

    DEFAULT_CSS = """
    TabStrip {
        width: 1fr;
        height: 2;
        pointer: pointer;
    }
    TabStrip > .tab-strip--tab {
        color: $foreground 50%;
    }
    TabStrip > .tab-strip--hover, TabStrip > .tab-strip--active {
        color: $foreground;
    }
    TabStrip > .tab-strip--bar {
        color: $block-cursor-background;
        background: $foreground 10%;
    }
    TabStrip:focus > .tab-strip--bar {
        background: $foreground 30%;
    }
    TabStrip:focus > .tab-strip--active {
        text-style: $block-cursor-text-style;
        color: $block-cursor-foreground;
        background: $block-cursor-background;
    }
    TabStrip:ansi > .tab-strip--tab {
        text-style: dim;
    }
    TabStrip:ansi > .tab-strip--active {
        text-style: not dim bold;
    }
    TabStrip:ansi > .tab-strip--bar {
        background: $border-blurred;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-strip--tab", "tab-strip--hover", "tab-strip--active", "tab-strip--bar",
    }  # fmt: skip
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous tab", show=False),
        Binding("right", "move(1)", "Next tab", show=False),
    ]

    class Changed(Message):
        """The user chose tab ``name`` (a click or an arrow key)."""

        def __init__(self, strip: TabStrip, name: str) -> None:
            super().__init__()
            self.strip = strip
            self.name = name

        @property
        def control(self) -> TabStrip:
            return self.strip

    def __init__(
        self,
        labels: dict[str, str],
        *,
        active: str,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(id=id)
        self.labels = dict(labels)
        self.active = active
        self.hovered: str | None = None
        """The tab under the mouse (drawn in the active colour)."""

    # -- state ------------------------------------------------------------------------------

    def label(self, name: str) -> str:
        return self.labels[name]

    def set_label(self, name: str, label: str) -> None:
        if self.labels.get(name) != label:
            self.labels[name] = label
            self.refresh()

    def show(self, name: str) -> None:
        """Mark ``name`` active (no message: the screen calls this when it switches)."""
        if name in self.labels and name != self.active:
            self.active = name
            self.refresh()

    def _choose(self, name: str | None) -> None:
        if name is not None and name != self.active:
            self.show(name)
            self.post_message(self.Changed(self, name))

    def spans(self) -> dict[str, tuple[int, int]]:
        """Each tab's cells, start and end (label and its padding)."""
        out: dict[str, tuple[int, int]] = {}
        x = 0
        for name, label in self.labels.items():
            width = cell_len(label) + 2 * PAD
            out[name] = (x, x + width)
            x += width
        return out

    def tab_at(self, x: int) -> str | None:
        return next((n for n, (a, b) in self.spans().items() if a <= x < b), None)

    # -- input ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        names = list(self.labels)
        self._choose(names[(names.index(self.active) + step) % len(names)])

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self._choose(self.tab_at(event.x))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.tab_at(event.x) if event.y == 0 else None
        if hover != self.hovered:
            self.hovered = hover
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.refresh()

    # -- drawing ----------------------------------------------------------------------------

    def render(self) -> RenderableType:
        row = Text(no_wrap=True, overflow="crop")
        for name, label in self.labels.items():
            part = ("active" if name == self.active
                    else "hover" if name == self.hovered else "tab")  # fmt: skip
            row.append(
                " " * PAD + label + " " * PAD, self.get_component_rich_style(f"tab-strip--{part}")
            )
        start, end = self.spans().get(self.active, (0, 0))
        bar = self.get_component_rich_style("tab-strip--bar")
        return Group(row, Bar((start, end), Style.from_color(bar.color),
                              Style.from_color(bar.bgcolor)))  # fmt: skip
