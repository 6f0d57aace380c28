"""The actions of the case detail screen (``CaseActionsMixin``): each asks with a dialog, then
writes through the store and redraws. Store errors become notifications, never tracebacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from casewriter.errors import CasewriterError
from casewriter.safetext import escape_controls
from casewriter.store import STATUSES
from casewriter.tui.dialogs.confirm import ChoiceDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.i18n import t

_REL = re.compile(r"^\+?\s*(\d{1,3})\s*([dhw天])?$", re.IGNORECASE)


def check_sc_case_id(text: str) -> str | None:
    """The identifier module's reason when ``text`` is not a valid Seller Central case id."""
    from casewriter.identifiers import check

    result = check(text, "case_id")
    if result.status == "invalid":
        return result.reason or t("prompt.file")
    return None


def parse_follow_up(text: str, now: datetime) -> datetime | None:
    """``YYYY-MM-DD`` (9:00 that day, in ``now``'s zone), ``+3d``/``+12h``/``+1w``; ValueError."""
    cleaned = text.strip()
    match = _REL.match(cleaned)
    if match:
        n, unit = int(match.group(1)), (match.group(2) or "d").lower()
        delta = {"h": timedelta(hours=n), "w": timedelta(weeks=n)}.get(unit, timedelta(days=n))
        return now + delta
    day = datetime.fromisoformat(cleaned.replace("/", "-"))
    if len(cleaned) <= 10:  # a date alone: 9:00 that day
        day = datetime.combine(day.date(), time(9), tzinfo=now.tzinfo)
    elif day.tzinfo is None:
        day = day.replace(tzinfo=now.tzinfo)
    return day


class CaseActionsMixin:
    """Mixed into ``CaseDetailScreen`` (which provides services, case, reload_case, app)."""

    services: Any
    case: Any
    case_id: str
    app: Any

    def reload_case(self) -> None: ...  # pragma: no cover - provided by the screen

    def notify(self, message: str, **kwargs: Any) -> None: ...  # pragma: no cover

    def _write(self, call: Callable[[], Any], message: str) -> None:
        try:
            call()
        except CasewriterError as exc:
            self.notify(exc.message, severity="error")
            return
        self.reload_case()
        self.notify(message)

    def _ask(self, title: str, then: Callable[[str], None], **kwargs: Any) -> None:
        def done(value: str | None) -> None:
            if value is not None:
                then(value)

        self.app.push_screen(PromptDialog(title, **kwargs), done)

    def _event(self, kind: str, prompt: str) -> None:
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
        store = self.services.store

        def chosen(status: str | None) -> None:
            if status and status != self.case.status:
                label = t(f"status.{status}")
                self._write(
                    lambda: store.set_status(self.case_id, status),
                    t("msg.status_set", status=label),
                )

        choices = [(s, t(f"status.{s}")) for s in STATUSES]
        self.app.push_screen(
            ChoiceDialog(t("prompt.status", id=self.case_id), choices, current=self.case.status),
            chosen,
        )

    def action_follow_up(self) -> None:
        store = self.services.store
        now = self.services.now()

        def check(text: str) -> str | None:
            if not text:
                return None
            try:
                parse_follow_up(text, now)
            except ValueError:
                return t("msg.bad_date", text=text)
            return None

        def chosen(text: str) -> None:
            when = parse_follow_up(text, now) if text else None
            message = (
                t("msg.follow_up_set", when=str(when)[:16]) if when else t("msg.follow_up_cleared")
            )
            self._write(lambda: store.set_follow_up(self.case_id, when), message)

        current = self.case.follow_up.strftime("%Y-%m-%d") if self.case.follow_up else ""
        self._ask(t("prompt.follow_up"), chosen, value=current, check=check, allow_empty=True)

    def action_mark_filed(self) -> None:
        store = self.services.store

        def chosen(text: str) -> None:
            from casewriter.identifiers import check

            value = check(text, "case_id").normalized or text
            self._write(
                lambda: store.file(self.case_id, value, now=self.services.now()),
                t("msg.filed", sc=value),
            )

        self._ask(
            t("prompt.file"), chosen, value=self.case.sc_case_id or "", check=check_sc_case_id
        )

    def _copy(self, text: str, what: str) -> None:
        text = escape_controls(text)  # the paste text as shown: no raw control in the clipboard
        self.app.copy_to_clipboard(text)
        self.notify(t("msg.copied", what=t(what), n=len(text)))

    def action_copy_subject(self) -> None:
        self._copy(self.case.subject, "what.subject")

    def action_copy_body(self) -> None:
        self._copy(self.case.body, "what.body")

    def action_save_file(self) -> None:
        from casewriter.tui.wizard.saving import write_text_file

        def chosen(text: str) -> None:
            # As on screen (controls as visible escapes, like ``render --out``), written
            # atomically through casewriter.files like every other write.
            content = escape_controls(f"{self.case.subject}\n\n{self.case.body}\n")
            try:
                path = write_text_file(text, content)
            except CasewriterError as exc:
                self.notify(exc.message, severity="error")
                return
            self.notify(t("msg.saved_file", path=str(path)))

        default = Path.cwd() / f"{self.case_id}.txt"
        self._ask(t("prompt.save_file"), chosen, value=str(default))

    def action_edit_draft(self) -> None:
        self.app.open_wizard(draft=self.case.draft, case_id=self.case.id)
