"""The review step's actions for ``WizardScreen``: copy to the clipboard (OSC 52), save to a
file, save as a draft in the case log, mark as filed with the Seller Central case id (checked
through ``casewriter.identifiers``). The duplicate guard's lines for the checklist too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import Screen

from casewriter.errors import CasewriterError
from casewriter.services.saving import new_case_from_render
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input
from casewriter.tui.services import Services
from casewriter.tui.wizard.saving import write_text_file

if TYPE_CHECKING:
    from casewriter.engine import PasteText, RenderedCase
    from casewriter.store.model import LoggedCase


class ReviewActionsMixin(Screen[str | None]):
    """Base of ``WizardScreen`` holding the review actions (it provides the hooks below)."""

    services: Services
    case_id: str | None

    def render_case(self) -> RenderedCase | None:
        raise NotImplementedError

    def draft_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def finish(self, case_id: str) -> None:
        raise NotImplementedError

    def _texts(self) -> tuple[str, str, str]:
        from casewriter.tui.wizard.steps.review_step import ReviewStep

        review = self.query_one(ReviewStep)
        return review.text("subject"), review.text("body"), review.text("oer_request")

    def _fresh(self) -> RenderedCase | None:
        """A render of the current state (the review shows it; actions use the same)."""
        return self.render_case()

    def duplicate_lines(self, rendered: RenderedCase) -> list[str]:
        """Warnings for open cases in the log that share an identifier with this one."""
        if not rendered.identifiers:
            return []
        try:
            found = self.services.store.duplicates(rendered.identifiers, exclude=self.case_id)
        except CasewriterError as exc:
            return [t("wz.rev.store_error", error=exc.message)]
        return [
            t("wz.rev.duplicate", case_id=c.id, status=c.status, subject=c.subject) for c in found
        ]

    def paste_text(self) -> PasteText:
        """The review's texts (edited or rendered) as the one paste text: what is copied,
        saved to a file and logged."""
        from casewriter.engine import PasteText

        return PasteText(*self._texts())

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.paste_text().text())
        self.notify(t("wz.rev.copied"))

    def action_save_file(self) -> None:
        raw = self.query_one("#file-path", Input).value
        try:
            path = write_text_file(raw, self.paste_text().text())
        except CasewriterError as exc:
            self.notify(t("wz.rev.file_error", path=raw, error=exc.message), severity="error")
            return
        self.notify(t("wz.rev.saved_file", path=str(path)))

    def _save(self, rendered: RenderedCase) -> LoggedCase | None:
        from casewriter.engine import Draft

        record = new_case_from_render(
            Draft.model_validate(self.draft_dict()),
            rendered,
            default_profile=self.services.settings.default_profile,
            text=self.paste_text(),
        )
        try:
            store = self.services.store
            if self.case_id:
                return store.update_case(self.case_id, record, now=self.services.now())
            return store.save_new(record, now=self.services.now())
        except CasewriterError as exc:
            self.notify(t("wz.rev.store_error", error=exc.message), severity="error")
            return None

    def action_save_draft(self) -> None:
        rendered = self._fresh()
        if rendered is None:
            return
        logged = self._save(rendered)
        if logged is None:
            return
        self.notify(t("wz.rev.saved", case_id=logged.id))
        self.finish(logged.id)

    def action_mark_filed(self) -> None:
        sc_input = self.query_one("#sc-id", Input)
        raw = sc_input.value.strip()
        if not raw:
            self.notify(t("wz.rev.need_id"), severity="warning")
            sc_input.focus()
            return
        from casewriter.identifiers import check

        result = check(raw, "case_id")
        if result.status != "valid" or not result.normalized:
            reason = result.reason or result.status
            self.notify(t("wz.rev.bad_id", reason=reason), severity="error")
            sc_input.focus()
            return
        rendered = self._fresh()
        if rendered is None:
            return
        if not rendered.ready:
            blocking = [
                f"{i.label} ({t('wz.rev.status.' + i.status)})"
                for i in rendered.checklist
                if i.required and i.status in ("missing", "invalid")
            ]
            self.notify(
                t("wz.rev.not_ready_file", items=", ".join(blocking) or t("wz.rev.not_ready")),
                severity="error",
            )
            return
        logged = self._save(rendered)
        if logged is None:
            return
        try:
            filed = self.services.store.file(logged.id, result.normalized, now=self.services.now())
        except CasewriterError as exc:
            self.notify(t("wz.rev.store_error", error=exc.message), severity="error")
            self.case_id = logged.id
            return
        self.notify(t("wz.rev.filed", case_id=filed.id, sc_id=result.normalized))
        self.finish(filed.id)
