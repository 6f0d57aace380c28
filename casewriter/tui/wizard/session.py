"""``WizardSession``: what the wizard does apart from its widgets — the case type its state
names, the engine ``Draft`` it makes, rendering it, the duplicate check and whether it is ready
to file, saving it in the case log (as a draft, or saved and filed in one transaction) and
keeping its autosave file.

No textual: the screen (``screen.py``) shows what this returns (messages in the UI language)
and turns its errors (``CasewriterError``) into notifications.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.errors import CasewriterError
from casewriter.tui import autosave
from casewriter.tui.i18n import local, t
from casewriter.tui.services import Services
from casewriter.tui.wizard.state import WizardState

if TYPE_CHECKING:
    from casewriter.engine import (
        CaseType,
        Catalog,
        DuplicateCase,
        FactSpec,
        PasteText,
        RenderedCase,
    )
    from casewriter.store import LoggedCase, NewCase


class WizardSession:
    """One run of the wizard over ``state``; ``case_id`` when it edits a logged case."""

    def __init__(
        self,
        services: Services,
        state: WizardState,
        *,
        case_id: str | None = None,
        autosave_path: Path | None = None,
    ) -> None:
        self.services = services
        self.state = state
        self.case_id = case_id
        self.autosave_path = autosave_path
        """The autosave file, once written (or the one the wizard was resumed from)."""
        if autosave_path is not None:
            self.autosave_key = autosave_path.stem
        elif case_id:
            self.autosave_key = f"case-{case_id}"
        else:
            self.autosave_key = f"new-{uuid.uuid4().hex[:12]}"
        self.rendered: RenderedCase | None = None
        """The latest render (what the review shows and the actions use)."""
        self.log_error: str | None = None
        """Why the latest render could not be checked against the case log, if it could not."""

    # -- the engine -------------------------------------------------------------------------

    @property
    def catalog(self) -> Catalog:
        return self.services.engine.catalog

    @property
    def case_type(self) -> CaseType | None:
        """The chosen case type (None when none is chosen, or it is not in the catalog)."""
        ct = self.state.case_type
        try:
            return self.catalog.get(ct) if ct and ct in self.catalog else None
        except CasewriterError:
            return None

    def fact_specs(self) -> dict[str, FactSpec]:
        ct = self.case_type
        return {f.key: f for f in ct.facts} if ct else {}

    def item_fields(self) -> list[str]:
        """The chosen case type's item fields (none: it takes no item lines)."""
        ct = self.case_type
        return list(ct.items.fields) if ct is not None and ct.items is not None else []

    def draft_dict(self) -> dict[str, Any]:
        """The engine Draft dict for the current state (typed facts and item lines, absolute
        attachments)."""
        return self.state.to_draft(self.services.settings, self.fact_specs(), self.item_fields())

    def render(self) -> RenderedCase:
        """Render the current state as of today in its marketplace (``CasewriterError`` when
        the draft or a template is wrong), with the log's cases on the same problem: an open
        one makes it not ready, a closed one is a warning (``services.duplicates``)."""
        from casewriter.dates import today_in
        from casewriter.engine import Draft
        from casewriter.marketplaces import get

        draft = Draft.model_validate(self.draft_dict())
        as_of = today_in(get(draft.marketplace), now=self.services.now())
        rendered = self.services.engine.render(draft, as_of=as_of)
        self.rendered = self._check_log(rendered)
        return self.rendered

    # -- the case log -----------------------------------------------------------------------

    def _check_log(self, rendered: RenderedCase) -> RenderedCase:
        """``rendered`` with the log's cases on the same problem by the case type's rule (the
        edited case and the cases linked to it left out); a log that cannot be read is noted in
        ``log_error``, never a failed render."""
        from casewriter.services.duplicates import check_rendered

        self.log_error = None
        ct = self.case_type
        if ct is None or not rendered.identifiers:
            return rendered
        try:
            store = self.services.store
            linked = store.get(self.case_id).links if self.case_id else []
            return check_rendered(store, ct, rendered, exclude=self.case_id, linked=linked)
        except CasewriterError as exc:
            self.log_error = exc.message
            return rendered

    def typed_identifiers(self) -> dict[str, list[tuple[str, str]]]:
        """Each identifier slot's valid values as the engine reads them: slot key -> (kind,
        normalized) pairs (what ``RenderedCase.identifiers`` will hold, without rendering); the
        item lines' identifiers under ``items``."""
        from casewriter.engine import check_identifier
        from casewriter.identifiers import KINDS

        ct = self.case_type
        out: dict[str, list[tuple[str, str]]] = {}
        for slot in ct.evidence if ct is not None else []:
            if slot.is_attachment or slot.kind not in KINDS:
                continue
            for raw in self.state.evidence.get(slot.key, []):
                status, normalized, _reason, _hint = check_identifier(raw, slot.kind)
                if status == "valid" and normalized:
                    out.setdefault(slot.key, []).append((slot.kind, normalized))
        fields = self.item_fields()
        for line in self.state.items:
            for key, raw in line.items():
                if key in fields and key in KINDS and raw.strip():
                    status, normalized, _reason, _hint = check_identifier(raw, key)
                    if status == "valid" and normalized:
                        out.setdefault("items", []).append((key, normalized))
        return out

    def same_problem(self) -> list[DuplicateCase]:
        """The log's cases on the same problem as the identifiers typed so far, by the case
        type's rule (``services.duplicates``); none when the log cannot be read."""
        from casewriter.services.duplicates import same_problem

        ct = self.case_type
        idents = [pair for pairs in self.typed_identifiers().values() for pair in pairs]
        if ct is None or not idents:
            return []
        try:
            store = self.services.store
            linked = store.get(self.case_id).links if self.case_id else []
            return same_problem(store, ct, idents, exclude=self.case_id, linked=linked)
        except CasewriterError:
            return []

    def duplicate_lines(self, rendered: RenderedCase) -> list[str]:
        """What the review adds to the rendered case's own warnings (those already name the
        log's cases on the same problem): the log's error, if it could not be checked."""
        if self.log_error is None:
            return []
        return [t("wz.rev.store_error", error=local(self.log_error))]

    def record(self, rendered: RenderedCase, text: PasteText) -> NewCase:
        """What the log keeps of ``rendered`` with ``text``, the paste text as the review shows
        it (the same text it copies and saves to a file)."""
        from casewriter.engine import Draft
        from casewriter.services.saving import new_case_from_render

        return new_case_from_render(
            Draft.model_validate(self.draft_dict()),
            rendered,
            default_profile=self.services.settings.default_profile,
            text=text,
        )

    def save(self, record: NewCase) -> LoggedCase:
        """Log ``record`` as a draft: a new case, or the edited case's new draft."""
        store, now = self.services.store, self.services.now()
        if self.case_id:
            return store.update_case(self.case_id, record, now=now)
        return store.save_new(record, now=now)

    def save_filed(
        self, record: NewCase, sc_case_id: str, *, forced: str | None = None
    ) -> LoggedCase:
        """Log ``record`` and mark it filed as ``sc_case_id``, all or nothing; ``forced``: why
        it was not ready when the user filed it anyway (kept as a ``forced`` event)."""
        return self.services.store.save_filed(
            record, sc_case_id, case_id=self.case_id, now=self.services.now(), forced=forced
        )

    # -- the autosave -----------------------------------------------------------------------

    def autosave(self) -> Path:
        """Write the state to the autosave file (``CasewriterError``/``OSError`` on failure)."""
        data = self.state.to_autosave(self.services.settings, self.fact_specs(), self.item_fields())
        self.autosave_path = autosave.save(
            self.services.paths,
            self.autosave_key,
            data,
            step=self.state.step,
            case_id=self.case_id,
        )
        return self.autosave_path

    def discard_autosave(self) -> None:
        """Remove the autosave file (the case is in the log, or nothing was typed)."""
        if self.autosave_path is not None:
            autosave.discard(self.autosave_path)
            self.autosave_path = None
