"""Small modal dialogs: ``ConfirmDialog`` (yes/no) and ``ChoiceDialog`` (pick one of a few).
Each shows its keys in a line of its own and in its footer."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from casewriter.tui.bindings import ActionSpec, bindings
from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.i18n import t
from casewriter.tui.safe import Static, plain
from casewriter.tui.widgets.key_footer import KeyFooter

CONFIRM_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("y", "answer(True)", "dlg.yes", "dlg.tip.yes", "dialog-yes"),
    ActionSpec("n", "answer(False)", "dlg.no", "dlg.tip.no", "dialog-no"),
    ActionSpec("escape", "answer(False)", "dlg.no", "dlg.tip.no", "dialog-escape", show=False),
)
CHOICE_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "cancel", "dlg.cancel", "dlg.tip.cancel", "dialog-cancel"),
)


class ConfirmDialog(Dialog[bool]):
    """A question with Yes / No (y / n; Esc answers No). ``details`` (lines) say more under
    the question, as data."""

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = CONFIRM_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(CONFIRM_ACTIONS)

    def __init__(
        self,
        question: str,
        *,
        yes: str | None = None,
        no: str | None = None,
        details: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or t("dlg.yes")
        self.no = no or t("dlg.no")
        self.details = details or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.question, classes="dialog-title")
            if self.details:
                yield Static("\n".join(self.details), id="confirm-details")
            yield Static(t("dlg.keys_confirm"), id="confirm-keys", classes="dialog-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="primary", id="yes")
                yield Button(f"{self.no} (n)", id="no")
        yield KeyFooter(ready=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def relabel(self) -> None:
        self.query_one("#confirm-keys", Static).update(t("dlg.keys_confirm"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

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

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = CHOICE_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(CHOICE_ACTIONS)

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
            yield Static(t("dlg.keys_choice"), id="choice-keys", classes="dialog-keys")
        yield KeyFooter(ready=True)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        ids = [value for value, _ in self.choices]
        if self.current in ids:
            options.highlighted = ids.index(self.current)
        options.focus()

    def relabel(self) -> None:
        self.query_one("#choice-keys", Static).update(t("dlg.keys_choice"))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
