"""``KeyFooter``: Textual's ``Footer`` (the key bindings line), cheaper to show, and never cut.

* The keys that fit the terminal's width are shown, in order; when some do not fit, the
  palette key on the right reads "more" instead of "palette" (every key of the screen and the
  app is a command in the palette: ``casewriter.tui.palette``), so no key is cut mid-word or
  scrolled out of sight. A resize or a language switch lays the keys out again.
* ``ready=True`` composes the keys in the first frame (Textual's footer waits for a later
  "bindings changed" signal, so the first frame would show an empty footer).
* Each key's compact style is set when the key is built instead of data-bound to the footer:
  the binding restyles every key twice while mounting (compact is never changed here).
* A "bindings changed" signal that changes nothing shown (the one after the first refresh,
  most focus moves) does not rebuild the keys.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from casewriter.tui.i18n import t

KEY_CELLS = 3
"""Cells a key takes beside its key and label (padding around the key, after the label)."""
PALETTE_CELLS = 5
"""Cells the palette key takes beside its key and label (padding, the border on its left)."""


def key_width(key_display: str, description: str) -> int:
    """The cells one footer key takes (Textual's ``FooterKey`` in the non-compact style)."""
    return cell_len(key_display) + cell_len(description) + KEY_CELLS


class KeyFooter(Footer):
    """The footer of key bindings."""

    def __init__(
        self,
        *,
        ready: bool = False,
        compact: bool = False,
        id: str | None = None,  # noqa: A002 - textual API name
    ) -> None:
        super().__init__(id=id, compact=compact)
        self._shown: tuple[Any, ...] | None = None
        self.hidden_keys: list[str] = []
        """The keys that did not fit (offered in the palette; the palette key reads "more")."""
        if ready:
            self.set_reactive(Footer._bindings_ready, True)

    def _width(self) -> int:
        width = self.size.width
        return width if width > 0 else self.app.size.width

    def _signature(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the keys show: shown bindings with their state, in order, the width they have
        and the language of their labels."""
        keys = tuple(
            (b.key, b.action, b.description, b.tooltip, b.key_display, enabled, tooltip)
            for (_, b, enabled, tooltip) in screen.active_bindings.values()
            if b.show or b.key == self.app.COMMAND_PALETTE_BINDING
        )
        return (self._width(), t("footer.more"), *keys)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._signature(self.screen)
        compact = self.compact
        keys: list[FooterKey] = []
        palette: FooterKey | None = None
        for widget in super().compose():
            if not isinstance(widget, FooterKey):  # pragma: no cover - no binding groups here
                yield widget
                continue
            if widget._reactive_connect:
                # Drop the data binding Footer.compose made (see the module docstring).
                widget._reactive_connect = None
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            if widget.has_class("-command-palette"):
                palette = widget
            else:
                keys.append(widget)
        room = self._width()
        more_label = t("footer.more")
        if palette is not None:
            label_cells = max(cell_len(more_label), cell_len(t("footer.palette")))
            room -= cell_len(palette.key_display) + label_cells + PALETTE_CELLS
        self.hidden_keys = []
        for key in keys:
            cells = key_width(key.key_display, key.description)
            if not self.hidden_keys and cells <= room:
                room -= cells
                yield key
            else:
                self.hidden_keys.append(key.key)
        if palette is not None:
            palette.description = more_label if self.hidden_keys else t("footer.palette")
            palette.tooltip = t("footer.palette_tip")
            yield palette

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self._shown is not None and self._shown[0] != self._width():
            self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if (
            self._bindings_ready
            and self.is_attached
            and screen is self.screen
            and self._shown == self._signature(screen)
        ):
            return
        super().bindings_changed(screen)
