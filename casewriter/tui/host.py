"""What screens and dialogs may ask of the running app, typed, without importing
``casewriter.tui.app`` (which imports them): the ``Services``, the two announcements, switching
the UI language and opening the wizard. ``host(node)`` is ``node.app`` seen through ``Host``.

The announcements are Textual signals on the app, published once and subscribed to by the
screens that care (``signal.subscribe(screen, callback)`` in their ``on_mount``):

* ``language_changed`` (the new language): after ``set_language``; screens re-label themselves.
* ``cases_changed`` (a case id, or ``""`` for several): after the TUI wrote to the case log
  (the writer publishes it); screens showing cases reload.

``log_writable(node)`` is the guard of every action that writes to the log: when the log was
opened read-only it says why (a warning) and the action does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol, cast

from textual.dom import DOMNode
from textual.signal import Signal

from casewriter.tui.i18n import t
from casewriter.tui.services import Services


class Host(Protocol):
    """The part of ``CasewriterApp`` screens use."""

    services: Services
    language_changed: Signal[str]
    cases_changed: Signal[str]

    def set_language(self, lang: str) -> None: ...

    def open_wizard(
        self,
        *,
        case_type: str | None = None,
        draft: dict[str, Any] | None = None,
        autosave_path: Path | None = None,
        case_id: str | None = None,
    ) -> None: ...


def host(node: DOMNode) -> Host:
    """The running app of ``node`` (always a ``CasewriterApp``)."""
    return cast("Host", node.app)


def log_writable(node: DOMNode) -> bool:
    """True when the case log can be written; otherwise warn with the reason, return False."""
    notice = host(node).services.read_only_notice
    if notice is None:
        return True
    node.app.notify(t("log.refused", notice=notice), severity="warning")
    return False
