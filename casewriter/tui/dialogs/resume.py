"""Offer pending autosaved wizard drafts back ("Resume the draft you were writing?").

``ResumeDialog`` answers "resume", "discard" or "later"; ``offer_autosaves`` runs it for the
newest pending autosave and opens the wizard on it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button

from casewriter.tui.bindings import ActionSpec, bindings
from casewriter.tui.dialogs.base import Dialog
from casewriter.tui.host import host
from casewriter.tui.i18n import get_language, local, t
from casewriter.tui.safe import Static
from casewriter.tui.services import Services
from casewriter.tui.text import short_datetime
from casewriter.tui.widgets.key_footer import KeyFooter

RESUME_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("r", "answer('resume')", "resume.yes", "resume.tip.yes", "resume-yes"),
    ActionSpec("d", "answer('discard')", "resume.discard", "resume.tip.discard", "resume-discard"),
    ActionSpec("l", "answer('later')", "resume.later", "resume.tip.later", "resume-later"),
    ActionSpec(
        "escape", "answer('later')", "resume.later", "resume.tip.later", "resume-esc", show=False
    ),
)


class ResumeDialog(Dialog[str]):
    """Resume / Discard / Later for one autosave."""

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = RESUME_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(RESUME_ACTIONS)

    def __init__(self, description: str) -> None:
        super().__init__(id="resume-dialog")
        self.description = description

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(t("resume.title"), classes="dialog-title")
            yield Static(self.description, id="resume-description")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{t('resume.yes')} (r)", variant="primary", id="resume")
                yield Button(f"{t('resume.discard')} (d)", variant="error", id="discard")
                yield Button(f"{t('resume.later')} (l)", id="later")
        yield KeyFooter(ready=True)

    def on_mount(self) -> None:
        self.query_one("#resume", Button).focus()

    def action_answer(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "later")


def offer_autosaves(screen: Screen[Any], services: Services, *, explicit: bool = False) -> None:
    """If an autosave is pending, ask whether to resume it (newest first)."""
    from casewriter.tui import autosave

    try:
        pending = autosave.list_pending(services.paths)
    except Exception as exc:  # noqa: BLE001 - an unreadable folder must not stop the app
        screen.notify(local(exc), severity="warning")
        return
    if not pending:
        if explicit:
            screen.notify(t("resume.none"))
        return
    entry = pending[0]
    description = t(
        "resume.body",
        case_type=services.type_title(entry.case_type, get_language()) if entry.case_type else "?",
        summary=entry.summary,
        when=short_datetime(entry.updated.astimezone()),
    )

    def answered(choice: str | None) -> None:
        if choice == "resume":
            try:
                draft, note = autosave.load_checked(entry.path)
            except Exception as exc:  # noqa: BLE001
                screen.notify(local(exc), severity="error")
                return
            if note:
                screen.notify(note, severity="warning")
            host(screen).open_wizard(draft=draft, autosave_path=entry.path, case_id=entry.case_id)
        elif choice == "discard":
            autosave.discard(entry.path)

    screen.app.push_screen(ResumeDialog(description), answered)
