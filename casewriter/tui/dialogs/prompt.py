"""``PromptDialog``: ask for one line (``Input``) or a few lines (``TextArea``) of text, with an
optional check that returns an error message (shown in the dialog, which stays open).

Its keys are shown in the dialog and in its footer: one line — Enter is OK; a few lines —
Enter starts a new line and ctrl+s is OK (the OK button says so); Esc cancels either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from casewriter.tui.bindings import ActionSpec, bindings
from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input, Static, TextArea
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import FieldError

Check = Callable[[str], str | None]
"""Returns an error message for a bad value, None for a good one."""

PROMPT_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("ctrl+s", "submit", "dlg.submit", "dlg.tip.submit", "dialog-submit"),
    ActionSpec("escape", "cancel", "dlg.cancel", "dlg.tip.cancel", "dialog-cancel"),
)


class PromptDialog(Dialog[str | None]):
    """Returns the text typed (stripped), or None when cancelled."""

    DEFAULT_CSS = """
    #prompt-text {
        height: 8;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = PROMPT_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(PROMPT_ACTIONS)

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
            yield Static(self._keys_text(), id="prompt-keys", classes="dialog-keys")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._ok_label(), variant="primary", id="ok")
                yield Button(t("dlg.cancel_key"), id="cancel")
        yield KeyFooter(ready=True)

    def _keys_text(self) -> str:
        return t("dlg.keys_multi" if self.multiline else "dlg.keys_single")

    def _ok_label(self) -> str:
        return t("dlg.ok_ctrl_s" if self.multiline else "dlg.ok")

    def relabel(self) -> None:
        self.query_one("#prompt-keys", Static).update(self._keys_text())
        self.query_one("#ok", Button).label = self._ok_label()
        self.query_one("#cancel", Button).label = t("dlg.cancel_key")

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
