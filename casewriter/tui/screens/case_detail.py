"""The case detail screen: header (ids, status, dates), subject and body (read-only), the
event timeline, and the actions on one logged case — note, Amazon's reply / our reply, status
(including reopen), follow-up, mark as filed (Seller Central case id checked by the identifier
module), copy subject/body (OSC 52), save to file, reopen the draft in the wizard.

Each action asks with a dialog, then writes through the store, announces the change
(``cases_changed``) and redraws; a store error is a notification, never a traceback, and a
read-only log refuses the action with its reason before anything is asked. What the prompts
accept is checked in ``case_inputs.py``.

Size: ~305 lines, one short method per action on one ``Screen`` (Textual finds ``action_*`` on
it); the header and timeline drawing (``_draw``) could move to a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from casewriter.errors import CasewriterError
from casewriter.safetext import escape_controls
from casewriter.store import STATUSES
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.dialogs.confirm import ChoiceDialog, ConfirmDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.host import host, log_writable
from casewriter.tui.i18n import get_language, local, t
from casewriter.tui.safe import Static, TextArea, copy_text
from casewriter.tui.screens.case_inputs import check_sc_case_id, follow_up_error, parse_follow_up
from casewriter.tui.services import Services
from casewriter.tui.text import short_date, short_datetime
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import ScreenTitle, SectionTitle

if TYPE_CHECKING:
    from casewriter.store import LoggedCase

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


class CaseDetailScreen(Screen[None]):
    """One logged case."""

    DEFAULT_CSS = """
    #detail-header {
        height: auto;
        padding: 0 1;
        border: round $secondary;
    }
    #detail-body-area {
        height: 1fr;
    }
    #detail-text {
        width: 2fr;
    }
    #detail-subject {
        height: auto;
        padding: 0 1;
        text-style: bold;
    }
    #detail-body {
        height: 1fr;
    }
    #timeline {
        width: 1fr;
        border-left: solid $secondary;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = DETAIL_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(DETAIL_ACTIONS)

    def __init__(self, services: Services, case_id: str) -> None:
        super().__init__(id="detail")
        self.services = services
        self.case_id = case_id
        self.case: LoggedCase | None = None

    def compose(self) -> ComposeResult:
        yield ScreenTitle("", id="detail-title")
        yield Static("", id="detail-header")
        with Horizontal(id="detail-body-area"):
            with Vertical(id="detail-text"):
                yield Static("", id="detail-subject")
                yield TextArea("", id="detail-body", read_only=True, soft_wrap=True)
            with Vertical(id="timeline"):
                yield SectionTitle(t("detail.timeline"), id="timeline-title")
                yield Static("", id="timeline-events")
        yield KeyFooter()

    def on_mount(self) -> None:
        app = host(self)
        app.language_changed.subscribe(self, self._relabel)
        app.cases_changed.subscribe(self, self._cases_changed)
        relabel(self, DETAIL_ACTIONS)
        self.reload_case()
        self.query_one("#detail-body", TextArea).focus()

    @property
    def logged(self) -> LoggedCase:
        """The case as last read (read on mount, so always there once the screen shows)."""
        if self.case is None:
            self.reload_case()
        assert self.case is not None
        return self.case

    def reload_case(self) -> None:
        """Read the case again and redraw everything."""
        self.case = self.services.store.get(self.case_id)
        self._draw(self.case)

    def _cases_changed(self, case_id: str) -> None:
        if case_id in ("", self.case_id):
            self.reload_case()

    def _relabel(self, _lang: str) -> None:
        relabel(self, DETAIL_ACTIONS)
        self.query_one("#timeline-title", Static).update(t("detail.timeline"))
        if self.case is not None:
            self._draw(self.case)

    def _draw(self, case: LoggedCase) -> None:
        none = t("detail.none")
        self.query_one("#detail-title", Static).update(t("detail.title", id=case.id))
        fields = [
            ("detail.status", t(f"status.{case.status}")),
            ("detail.type", self.services.type_title(case.case_type, get_language())),
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
            header.append(escape_controls(str(value)), style="bold")
        self.query_one("#detail-header", Static).update(header)
        self.query_one("#detail-subject", Static).update(case.subject)
        body = self.query_one("#detail-body", TextArea)
        if body.text != case.body:
            body.load_text(case.body)
        timeline = Text()
        tz = self.services.now().tzinfo
        for event in reversed(case.events):
            if timeline:
                timeline.append("\n")
            timeline.append(short_datetime(event.at.astimezone(tz)), style="dim")
            timeline.append("  ")
            timeline.append(t(f"event.{event.kind}"), style="bold")
            if event.text:
                timeline.append(f"\n  {escape_controls(event.text)}")
        self.query_one("#timeline-events", Static).update(timeline)

    # -- writing to the log -----------------------------------------------------------------

    def _write(self, call: Callable[[], object], message: str) -> None:
        """Run one store write; announce it and redraw, or show the store's error."""
        try:
            call()
        except CasewriterError as exc:
            self.notify(local(exc.message), severity="error")
            return
        host(self).cases_changed.publish(self.case_id)
        self.notify(message)

    def _ask(self, title: str, then: Callable[[str], None], **kwargs: Any) -> None:
        def done(value: str | None) -> None:
            if value is not None:
                then(value)

        self.app.push_screen(PromptDialog(title, **kwargs), done)

    def _event(self, kind: str, prompt: str) -> None:
        if not log_writable(self):
            return
        store = self.services.store
        self._ask(
            t(prompt),
            lambda text: self._write(
                lambda: store.add_event(self.case_id, kind, text), t("msg.noted")
            ),
            multiline=True,
        )

    def action_add_note(self) -> None:
        self._event("note", "prompt.note")

    def action_amazon_reply(self) -> None:
        self._event("amazon-replied", "prompt.amazon_reply")

    def action_our_reply(self) -> None:
        self._event("we-replied", "prompt.our_reply")

    def action_change_status(self) -> None:
        if not log_writable(self):
            return
        store = self.services.store
        current = self.logged.status

        def chosen(status: str | None) -> None:
            if status and status != current:
                self._write(
                    lambda: store.set_status(self.case_id, status),
                    t("msg.status_set", status=t(f"status.{status}")),
                )

        choices = [(s, t(f"status.{s}")) for s in STATUSES]
        self.app.push_screen(
            ChoiceDialog(t("prompt.status", id=self.case_id), choices, current=current), chosen
        )

    def action_follow_up(self) -> None:
        if not log_writable(self):
            return
        store = self.services.store
        now = self.services.now()

        def chosen(text: str) -> None:
            when = parse_follow_up(text, now) if text else None
            message = (
                t("msg.follow_up_set", when=str(when)[:16]) if when else t("msg.follow_up_cleared")
            )
            self._write(lambda: store.set_follow_up(self.case_id, when), message)

        follow_up = self.logged.follow_up
        self._ask(
            t("prompt.follow_up"),
            chosen,
            value=follow_up.strftime("%Y-%m-%d") if follow_up else "",
            check=lambda text: follow_up_error(text, now),
            allow_empty=True,
        )

    def action_mark_filed(self) -> None:
        if not log_writable(self):
            return
        store = self.services.store

        def chosen(text: str) -> None:
            from casewriter.identifiers import check
            from casewriter.services.filing import forced_text, recheck

            value = check(text, "case_id").normalized or text
            try:  # readiness as of the filing day, as ``log file`` checks it
                checked = recheck(store, self.services.engine, store.get(self.case_id))
            except CasewriterError as exc:
                self.notify(local(exc.message), severity="error")
                return

            def file(forced: str | None = None) -> None:
                self._write(
                    lambda: store.file(
                        self.case_id,
                        value,
                        now=self.services.now(),
                        forced=forced,
                        duplicate_keys=checked.keys,
                    ),
                    t("msg.filed", sc=value),
                )

            if not checked.reasons:
                file()
                return
            why = "\n".join(f"• {line}" for line in self._reason_lines(checked.reasons))

            def answered(anyway: bool | None) -> None:
                if anyway:
                    file(forced_text(checked.reasons))

            self.app.push_screen(
                ConfirmDialog(t("q.file_not_ready", reasons=why), yes=t("dlg.file_anyway")),
                answered,
            )

        self._ask(
            t("prompt.file"), chosen, value=self.logged.sc_case_id or "", check=check_sc_case_id
        )

    def _reason_lines(self, reasons: list[Any]) -> list[str]:
        """Why the case is not ready, in the UI's words (its case type's labels)."""
        from casewriter.tui.wizard.readiness import reason_line

        try:
            ct = self.services.engine.catalog.get(self.logged.case_type)
        except CasewriterError:
            ct = None
        return [reason_line(r, ct) for r in reasons]

    # -- the text, out of the app -----------------------------------------------------------

    def _copy(self, text: str, what: str) -> None:
        copy_text(self, text, t(what))  # as shown: no raw control in the clipboard

    def action_copy_subject(self) -> None:
        self._copy(self.logged.subject, "what.subject")

    def action_copy_body(self) -> None:
        self._copy(self.logged.body, "what.body")

    def action_save_file(self) -> None:
        from casewriter.tui.wizard.saving import write_text_file

        case = self.logged

        def chosen(text: str) -> None:
            # As on screen (controls as visible escapes, like ``render --out``), written
            # atomically through casewriter.files like every other write.
            content = escape_controls(f"{case.subject}\n\n{case.body}\n")
            try:
                path = write_text_file(text, content)
            except CasewriterError as exc:
                self.notify(local(exc.message), severity="error")
                return
            self.notify(t("msg.saved_file", path=str(path)))

        default = Path.cwd() / f"{self.case_id}.txt"
        self._ask(t("prompt.save_file"), chosen, value=str(default))

    def action_edit_draft(self) -> None:
        host(self).open_wizard(draft=self.logged.draft, case_id=self.case_id)

    def action_back(self) -> None:
        self.dismiss(None)
