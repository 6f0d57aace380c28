"""``Dialog``: the base of the app's modal dialogs — centred on a dimmed screen, a bordered box
(``.dialog-box``) holding a title (``.dialog-title``), the dialog's fields, a line saying which
keys do what (``.dialog-keys``) and a row of buttons (``.dialog-buttons``), with the dialog's
own footer of keys (``KeyFooter``) at the bottom, so the keys shown are the dialog's, never the
screen's below. Each dialog composes those parts; their style is here, once.

A dialog declares its keys as ``ACTIONS`` (``casewriter.tui.bindings.ActionSpec``), like the
screens: shown in its footer, offered in the palette, re-labelled when the language changes.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.screen import ModalScreen

from casewriter.tui.bindings import ActionSpec, relabel
from casewriter.tui.host import host

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
        max-width: 100%;
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
    .dialog-keys {
        color: $text-muted;
        margin-top: 1;
    }
    .dialog-buttons {
        height: auto;
        margin-top: 1;
    }
    .dialog-buttons Button {
        margin-right: 2;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = ()

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel_keys)
        relabel(self, self.ACTIONS)

    def _relabel_keys(self, _lang: str) -> None:
        relabel(self, self.ACTIONS)
        self.relabel()

    def relabel(self) -> None:
        """Re-label the dialog's own texts (a dialog with translatable labels overrides it)."""
