"""``PromptDialog``: ask for one line (``Input``) or a few lines (``TextArea``) of text, with an
optional check that returns an error message (shown in the dialog, which stays open).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input, Static, TextArea
from casewriter.tui.widgets.parts import FieldError

Check = Callable[[str], str | None]
"""Returns an error message for a bad value, None for a good one."""


class PromptDialog(Dialog[str | None]):
    """Returns the text typed (stripped), or None when cancelled."""

    DEFAULT_CSS = """
    #prompt-text {
        height: 8;
    }
    """

    BINDINGS: ClassVar[list[Any]] = [
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "submit", show=False),
    ]

    def __init__(
        self,
        title: str,
        *,
        value: str = "",
        multiline: bool = False,
        check: Check | None = None,
        allow_empty: bool = False,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.multiline = multiline
        self.check = check
        self.allow_empty = allow_empty
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-title")
            if self.multiline:
                yield TextArea(self.value, id="prompt-text", soft_wrap=True)
            else:
                yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield FieldError("", id="prompt-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("dlg.ok"), variant="primary", id="ok")
                yield Button(t("dlg.cancel"), id="cancel")

    def on_mount(self) -> None:
        target = "#prompt-text" if self.multiline else "#prompt-input"
        self.query_one(target).focus()

    def current_text(self) -> str:
        if self.multiline:
            return self.query_one("#prompt-text", TextArea).text.strip()
        return self.query_one("#prompt-input", Input).value.strip()

    @on(Input.Submitted, "#prompt-input")
    @on(Button.Pressed, "#ok")
    def action_submit(self) -> None:
        text = self.current_text()
        error: str | None = None
        if not text and not self.allow_empty:
            error = t("msg.empty")
        elif self.check is not None:
            error = self.check(text)
        if error:
            self.query_one("#prompt-error", Static).update(error)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
