"""The command palette provider: every key-bound action of the current screen and of the app
(``ACTIONS`` specs, see ``casewriter.tui.bindings``), translated, searchable by name; Textual's
own system commands (Keys, Maximize, Screenshot, …) in the UI language too (``system_commands``;
the search box's placeholder: ``CasewriterApp.action_command_palette``).

So any action reachable by a key is also reachable from ``ctrl+p`` by typing its name.

``SafeCommandPalette`` is Textual's palette with its query box drawn like every other input of
the app (``casewriter.tui.safe.Input``: each control as one printable character, ``␛`` for
ESC), so text pasted into ``ctrl+p`` never reaches the terminal raw.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, ComposeResult, SystemCommand
from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from casewriter.tui.bindings import ActionSpec
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input
from casewriter.tui.strings import CATALOG


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Textual's system commands, their title and help in the UI language (``sys.<Title>``
    in the string tables; a command a later Textual adds keeps its own words)."""
    base: Iterable[SystemCommand] = App.get_system_commands(app, screen)
    for command in base:
        key = f"sys.{command.title}"
        if key in CATALOG:
            help_key = f"{key}.help" + (".hide" if "Hide" in command.help else "")
            yield command._replace(title=t(key), help=t(help_key))
        else:
            yield command


class SafeCommandInput(CommandInput, Input):
    """The palette's query box: Textual's ``CommandInput`` (its styles and the palette's
    queries find it) drawn through the app's safe ``Input``."""


class SafeCommandPalette(CommandPalette):
    """Textual's command palette with ``SafeCommandInput`` for its query box (the rest of its
    composition is Textual's own, so it follows Textual's palette as it changes)."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if type(widget) is CommandInput:
                yield SafeCommandInput(
                    value=widget.value,
                    placeholder=widget.placeholder,
                    select_on_focus=widget.select_on_focus,
                    id=widget.id,
                    classes=" ".join(widget.classes),
                )
            else:
                yield widget


def palette_actions(screen: DOMNode, app: DOMNode) -> Iterator[tuple[DOMNode, ActionSpec]]:
    """(node, spec) for every palette action of ``screen`` then of ``app``."""
    seen: set[str] = set()
    for node in (screen, app):
        for spec in getattr(node, "ACTIONS", ()):
            if spec.palette and spec.id not in seen:
                seen.add(spec.id)
                yield node, spec


class ActionPalette(Provider):
    """Offers the current screen's and the app's actions."""

    def _run(self, node: Any, action: str) -> None:
        self.app.call_later(node.run_action, action)

    async def discover(self) -> Hits:
        for node, spec in palette_actions(self.screen, self.app):
            yield DiscoveryHit(
                t(spec.label), partial(self._run, node, spec.action), help=t(spec.tooltip)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for node, spec in palette_actions(self.screen, self.app):
            name = t(spec.label)
            help_text = t(spec.tooltip)
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._run, node, spec.action),
                    text=name,
                    help=help_text,
                )
