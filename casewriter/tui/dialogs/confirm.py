"""Small modal dialogs: ``ConfirmDialog`` (yes/no) and ``ChoiceDialog`` (pick one of a few)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.i18n import t
from casewriter.tui.safe import Static, plain


class ConfirmDialog(Dialog[bool]):
    """A question with Yes / No; Esc answers No."""

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, question: str, *, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or t("dlg.yes")
        self.no = no or t("dlg.no")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="yes")
                yield Button(self.no, id="no")

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)


class ChoiceDialog(Dialog[str | None]):
    """Pick one of ``choices`` ((value, label) pairs); Esc returns None."""

    DEFAULT_CSS = """
    #choices {
        height: auto;
        max-height: 16;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(
        self, title: str, choices: list[tuple[str, str]], *, current: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title")
            yield OptionList(
                *[Option(plain(label), id=value) for value, label in self.choices], id="choices"
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [value for value, _ in self.choices]
        if self.current in ids:
            options.highlighted = ids.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
