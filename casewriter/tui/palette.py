"""The command palette provider: every key-bound action of the current screen and of the app
(``ACTIONS`` specs, see ``casewriter.tui.bindings``), translated, searchable by name; Textual's
own system commands (Keys, Maximize, Screenshot, …) and the search box's placeholder in the UI
language too (``system_commands``, ``open_palette``).

So any action reachable by a key is also reachable from ``ctrl+p`` by typing its name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

from casewriter.tui.bindings import ActionSpec
from casewriter.tui.i18n import t
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


def open_palette(app: App[Any]) -> None:
    """Open the command palette with its placeholder in the UI language."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(
            CommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
        )


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
