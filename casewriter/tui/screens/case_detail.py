"""The case detail screen: header (ids, status, dates), subject and body (read-only), the
event timeline, and the actions on one logged case — note, Amazon's reply / our reply, status
(including reopen), follow-up, mark as filed (Seller Central case id checked by the identifier
module), copy subject/body (OSC 52), save to file, reopen the draft in the wizard.

The dialogs and store writes live in ``case_actions.py`` (``CaseActionsMixin``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from casewriter.safetext import escape_controls as shown
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.i18n import t
from casewriter.tui.safe import Static, TextArea
from casewriter.tui.screens.case_actions import CaseActionsMixin
from casewriter.tui.services import Services
from casewriter.tui.styles import SCREENS_CSS
from casewriter.tui.text import short_date, short_datetime

DETAIL_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "back", "act.back", "tip.back", "back"),
    ActionSpec("a", "add_note", "act.note", "tip.note", "add-note"),
    ActionSpec("m", "amazon_reply", "act.amazon_reply", "tip.amazon_reply", "amazon-replied"),
    ActionSpec("w", "our_reply", "act.our_reply", "tip.our_reply", "we-replied"),
    ActionSpec("s", "change_status", "act.status", "tip.status", "change-status"),
    ActionSpec("u", "follow_up", "act.follow_up", "tip.follow_up", "follow-up"),
    ActionSpec("f", "mark_filed", "act.file", "tip.file", "mark-filed"),
    ActionSpec("c", "copy_subject", "act.copy_subject", "tip.copy_subject", "copy-subject"),
    ActionSpec("b", "copy_body", "act.copy_body", "tip.copy_body", "copy-body"),
    ActionSpec("v", "save_file", "act.save_file", "tip.save_file", "save-file"),
    ActionSpec("e", "edit_draft", "act.edit_draft", "tip.edit_draft", "edit-draft"),
)


class CaseDetailScreen(CaseActionsMixin, Screen[None]):
    """One logged case."""

    CSS_PATH = SCREENS_CSS

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = DETAIL_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(DETAIL_ACTIONS)

    def __init__(self, services: Services, case_id: str) -> None:
        super().__init__(id="detail")
        self.services = services
        self.case_id = case_id
        self.case: Any = None

    def compose(self) -> ComposeResult:
        yield Static("", id="detail-title", classes="screen-title")
        yield Static("", id="detail-header")
        with Horizontal(id="detail-body-area"):
            with Vertical(id="detail-text"):
                yield Static("", id="detail-subject")
                yield TextArea("", id="detail-body", read_only=True, soft_wrap=True)
            with Vertical(id="timeline"):
                yield Static(t("detail.timeline"), id="timeline-title", classes="section-title")
                yield Static("", id="timeline-events")
        yield Footer()

    def on_mount(self) -> None:
        relabel(self, DETAIL_ACTIONS)
        self.reload_case()
        self.query_one("#detail-body", TextArea).focus()

    def reload_case(self) -> None:
        """Read the case again and redraw everything."""
        self.case = self.services.store.get(self.case_id)
        self._draw()

    def _draw(self) -> None:
        case = self.case
        none = t("detail.none")
        self.query_one("#detail-title", Static).update(t("detail.title", id=case.id))
        fields = [
            ("detail.status", t(f"status.{case.status}")),
            ("detail.type", case.case_type),
            ("detail.marketplace", case.marketplace or none),
            ("detail.profile", case.profile or none),
            ("detail.sc_case_id", case.sc_case_id or none),
            ("detail.follow_up", short_datetime(case.follow_up) or none),
            ("detail.deadline", short_date(case.deadline_closes) or none),
        ]
        header = Text()
        for i, (label, value) in enumerate(fields):
            if i:
                header.append("   " if i % 4 else "\n")
            header.append(f"{t(label)}: ", style="dim")
            header.append(shown(str(value)), style="bold")
        self.query_one("#detail-header", Static).update(header)
        self.query_one("#detail-subject", Static).update(case.subject)
        body = self.query_one("#detail-body", TextArea)
        if body.text != case.body:
            body.load_text(case.body)
        timeline = Text()
        for event in reversed(case.events):
            if timeline:
                timeline.append("\n")
            timeline.append(short_datetime(event.at.astimezone(self._tz())), style="dim")
            timeline.append("  ")
            timeline.append(t(f"event.{event.kind}"), style="bold")
            if event.text:
                timeline.append(f"\n  {shown(event.text)}")
        self.query_one("#timeline-events", Static).update(timeline)

    def _tz(self) -> Any:
        return self.services.now().tzinfo

    def refresh_language(self) -> None:
        relabel(self, DETAIL_ACTIONS)
        self.query_one("#timeline-title", Static).update(t("detail.timeline"))
        if self.case is not None:
            self._draw()

    def action_back(self) -> None:
        self.app.refresh_cases()  # type: ignore[attr-defined]
        self.dismiss(None)
