"""``FilterMenu``: the drop-down list a ``StatusFilter`` opens — a modal ``OptionList`` placed
under the control. Enter or a click chooses (dismisses with the value); escape or a click
outside the list closes it unchanged (dismisses with ``None``). Imported only when opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from casewriter.tui.safe import plain


class FilterMenu(ModalScreen[str | None]):
    """A list of ``(value, label)`` choices, the current one highlighted."""

    DEFAULT_CSS = """
    FilterMenu {
        align: left top;
        background: $background 0%;
    }
    FilterMenu > OptionList {
        height: auto;
        max-height: 12;
        border: tall $border;
        background: $surface;
        padding: 0;
    }
    """
    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        current: str,
        *,
        at: tuple[int, int] = (0, 0),
        width: int = 28,
    ) -> None:
        super().__init__(id="filter-menu")
        self.choices = list(choices)
        self.current = current
        self.at = at
        self.menu_width = width

    def compose(self) -> ComposeResult:
        yield OptionList(*(Option(plain(label), id=value) for value, label in self.choices))

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.styles.offset = self.at
        menu.styles.width = max(self.menu_width, 20)
        values = [value for value, _ in self.choices]
        if self.current in values:
            menu.highlighted = values.index(self.current)
        menu.focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # a click outside the list
            self.dismiss(None)
