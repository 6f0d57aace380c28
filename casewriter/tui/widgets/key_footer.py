"""``KeyFooter``: Textual's ``Footer`` (the key bindings line), cheaper to show.

* ``ready=True`` composes the keys in the first frame (Textual's footer waits for a later
  "bindings changed" signal, so the first frame would show an empty footer).
* Each key's compact style is set when the key is built instead of data-bound to the footer:
  the binding restyles every key twice while mounting (compact is never changed here).
* A "bindings changed" signal that changes nothing shown (the one after the first refresh,
  most focus moves) does not rebuild the keys.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


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
        if ready:
            self.set_reactive(Footer._bindings_ready, True)

    def _signature(self, screen: Screen[Any]) -> tuple[Any, ...]:
        """What the keys show: shown bindings with their state, in order."""
        return tuple(
            (b.key, b.action, b.description, b.tooltip, b.key_display, enabled, tooltip)
            for (_, b, enabled, tooltip) in screen.active_bindings.values()
            if b.show or b.key == self.app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._signature(self.screen)
        compact = self.compact
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget._reactive_connect:
                # Drop the data binding Footer.compose made (see the module docstring).
                widget._reactive_connect = None
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if (
            self._bindings_ready
            and self.is_attached
            and screen is self.screen
            and self._shown == self._signature(screen)
        ):
            return
        super().bindings_changed(screen)
