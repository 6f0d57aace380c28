"""``Dialog``: the base of the app's modal dialogs — centred on a dimmed screen, a bordered box
(``.dialog-box``) holding a title (``.dialog-title``), the dialog's fields and a row of buttons
(``.dialog-buttons``). Each dialog composes those parts; their style is here, once.
"""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal dialog that dismisses with a ``ResultT``."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        background: $background 60%;
    }
    .dialog-box {
        width: 72;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    .dialog-title {
        text-style: bold;
        margin-bottom: 1;
    }
    .dialog-buttons {
        height: auto;
        margin-top: 1;
    }
    .dialog-buttons Button {
        margin-right: 2;
    }
    """
