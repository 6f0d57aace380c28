"""The UI strings, English and Simplified Chinese side by side (``"key": ("English", "中文")``),
one module per screen: ``common`` (what every screen shares: app-wide actions, statuses, dialog
buttons), ``home``, ``detail``, ``settings``, ``scan``, ``health``, ``wizard`` and
``wizard_items`` (the wizard's item lines).

Data only. ``CATALOG`` merges the modules; ``casewriter.tui.i18n.t`` is the one lookup. A key
defined in two modules would silently shadow the other: ``duplicate_keys`` names them (a test
keeps it empty).
"""

from __future__ import annotations

from casewriter.tui.strings import (
    common,
    detail,
    health,
    home,
    scan,
    settings,
    wizard,
    wizard_items,
)

MODULES = (common, home, detail, settings, scan, health, wizard, wizard_items)

CATALOG: dict[str, tuple[str, str]] = {
    key: texts for module in MODULES for key, texts in module.STRINGS.items()
}
"""Every UI string: key -> (English, Simplified Chinese)."""


def duplicate_keys() -> list[str]:
    """Keys defined by more than one screen's module."""
    seen: set[str] = set()
    twice: set[str] = set()
    for module in MODULES:
        for key in module.STRINGS:
            (twice if key in seen else seen).add(key)
    return sorted(twice)
