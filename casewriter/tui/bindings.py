"""Key bindings as data: each action has a key, an id, and i18n keys for its footer label and
tooltip. Screens declare ``ACTIONS`` (a tuple of ``ActionSpec``) and ``BINDINGS =
bindings(ACTIONS)``; ``relabel(node, ACTIONS)`` re-translates them when the language changes,
and the command palette (``casewriter.tui.palette``) lists the same specs, so every key is
also a palette command.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode

from casewriter.tui.i18n import t


class ActionSpec(NamedTuple):
    """One user action: bound to ``key``, run as ``action`` on the node that declares it.
    (A NamedTuple rather than a frozen dataclass: a quarter of the import cost.)"""

    key: str
    action: str
    label: str
    """i18n key of the short footer label."""
    tooltip: str
    """i18n key of the longer help (footer tooltip, palette help)."""
    id: str
    """Kebab-case binding id (keymaps)."""
    show: bool = True
    palette: bool = True
    """Also offered in the command palette."""
    key_display: str | None = None


def bindings(specs: Iterable[ActionSpec]) -> list[Binding]:
    """Textual bindings for ``specs`` in the current language."""
    return [
        Binding(
            s.key,
            s.action,
            t(s.label),
            show=s.show,
            tooltip=t(s.tooltip),
            id=s.id,
            key_display=s.key_display,
        )
        for s in specs
    ]


def relabel_palette(node: DOMNode) -> None:
    """Translate the footer label of Textual's own command-palette key (``act.palette``)."""
    table = node._bindings.key_to_bindings
    label, tooltip = t("act.palette"), t("tip.palette")
    for key, entries in table.items():
        table[key] = [
            replace(b, description=label, tooltip=tooltip)
            if b.action in ("command_palette", "app.command_palette")
            else b
            for b in entries
        ]


def relabel(node: DOMNode, specs: Iterable[ActionSpec]) -> None:
    """Re-translate the footer labels of ``node``'s bindings declared by ``specs`` (nothing to
    do, and no bindings refresh, when they already read in the current language)."""
    by_id = {s.id: s for s in specs}
    table = node._bindings.key_to_bindings
    changed = False
    for key, entries in table.items():
        new: list[Binding] = []
        for binding in entries:
            spec = by_id.get(binding.id or "")
            if spec is not None:
                label, tooltip = t(spec.label), t(spec.tooltip)
                if binding.description != label or binding.tooltip != tooltip:
                    binding = replace(binding, description=label, tooltip=tooltip)
                    changed = True
            new.append(binding)
        table[key] = new
    if changed:
        node.refresh_bindings()
