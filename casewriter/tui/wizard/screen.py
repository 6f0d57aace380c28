"""``WizardScreen``: the four steps (case type → facts and evidence → urgency → review) in one
screen over a pure ``WizardState``. Moving between steps never loses what was typed; the state
is autosaved at every step change and, debounced, on every edit. The review actions (copy,
save to file, save draft, mark as filed) live in ``ReviewActionsMixin``.

Dismisses with the saved case's local id (``CW-000123``), or None when closed.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher, Footer, OptionList

from casewriter.engine import CaseType, Catalog, FactSpec, RenderedCase
from casewriter.errors import CasewriterError
from casewriter.tui import autosave
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input, Static
from casewriter.tui.services import Services
from casewriter.tui.wizard.actions import ReviewActionsMixin
from casewriter.tui.wizard.saving import default_file
from casewriter.tui.wizard.state import STEPS, WizardState
from casewriter.tui.wizard.steps import Advance, CaseTypeChosen, Edited
from casewriter.tui.wizard.steps.evidence_step import EvidenceStep
from casewriter.tui.wizard.steps.review_step import ReviewStep
from casewriter.tui.wizard.steps.type_step import TypeStep
from casewriter.tui.wizard.steps.urgency_step import UrgencyStep

AUTOSAVE_DELAY = 0.4
"""Seconds of quiet after an edit before the draft is autosaved."""

WIZARD_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("ctrl+n", "next", "wz.next", "wz.tip.next", "wizard-next"),
    ActionSpec("ctrl+b", "back", "wz.back", "wz.tip.back", "wizard-back"),
    ActionSpec("escape", "back_or_close", "wz.back", "wz.tip.back", "wizard-escape", show=False),
    ActionSpec("f5", "extract", "wz.extract", "wz.tip.extract", "wizard-extract"),
    ActionSpec("f8", "copy", "wz.copy", "wz.tip.copy", "wizard-copy"),
    ActionSpec("f9", "save_file", "wz.save_file", "wz.tip.save_file", "wizard-save-file"),
    ActionSpec("ctrl+s", "save_draft", "wz.save_draft", "wz.tip.save_draft", "wizard-save-draft"),
    ActionSpec("ctrl+f", "mark_filed", "wz.mark_filed", "wz.tip.mark_filed", "wizard-mark-filed"),
    ActionSpec("ctrl+w", "close", "wz.cancel", "wz.tip.cancel", "wizard-close", show=False),
)
_STEP_ACTIONS = {"extract": ("evidence",), "copy": ("review",), "save_file": ("review",),
                 "save_draft": ("review",), "mark_filed": ("review",)}  # fmt: skip


class WizardScreen(ReviewActionsMixin):
    """Draft a case step by step."""

    CSS_PATH = "wizard.tcss"
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = WIZARD_ACTIONS
    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = list(
        bindings(WIZARD_ACTIONS)
    )

    def __init__(
        self,
        services: Services,
        *,
        case_type: str | None = None,
        draft: dict[str, Any] | None = None,
        autosave_path: Path | None = None,
        case_id: str | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.case_id = case_id
        settings = services.settings
        self.state = (
            WizardState.from_dict(draft, settings)
            if draft
            else WizardState.new(settings, case_type)
        )
        if case_type and draft is None:
            self.state.case_type = case_type
        self.autosave_path = autosave_path
        if autosave_path is not None:
            self.autosave_key = autosave_path.stem
        elif case_id:
            self.autosave_key = f"case-{case_id}"
        else:
            self.autosave_key = f"new-{uuid.uuid4().hex[:12]}"
        self.rendered: RenderedCase | None = None
        self.load_error: str | None = None
        self._timer: Timer | None = None
        self._finished = False

    # ------------------------------------------------------------------ engine
    @property
    def catalog(self) -> Catalog:
        return self.services.engine.catalog

    @property
    def case_type(self) -> CaseType | None:
        ct = self.state.case_type
        try:
            return self.catalog.get(ct) if ct and ct in self.catalog else None
        except CasewriterError:
            return None

    def fact_specs(self) -> dict[str, FactSpec]:
        ct = self.case_type
        return {f.key: f for f in ct.facts} if ct else {}

    def draft_dict(self) -> dict[str, Any]:
        """The engine Draft dict for the current state (relative attachments from the cwd)."""
        draft = self.state.to_draft(self.services.settings, self.fact_specs())
        draft["base_dir"] = os.getcwd()
        return draft

    def render_case(self) -> RenderedCase | None:
        """Render the current state (None, with a notification, when it cannot be rendered)."""
        if self.case_type is None:
            return None
        from casewriter.dates import today_in
        from casewriter.engine import Draft
        from casewriter.marketplaces import get

        try:
            draft = Draft.model_validate(self.draft_dict())
            as_of = today_in(get(draft.marketplace), now=self.services.now())
            self.rendered = self.services.engine.render(draft, as_of=as_of)
        except CasewriterError as exc:
            self.notify(t("wz.rev.render_error", error=exc.message), severity="error")
            return None
        except Exception as exc:  # noqa: BLE001 - a broken template must not lose the draft
            self.notify(t("wz.rev.render_error", error=str(exc).splitlines()[0]), severity="error")
            return None
        return self.rendered

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield Static(id="wz-steps")
        try:
            catalog = self.catalog
        except CasewriterError as exc:
            self.load_error = exc.message
            yield Static(t("wz.no_engine", error=exc.message), id="wz-error")
            yield Footer()
            return
        if self.state.case_type and self.state.case_type not in catalog:
            self.notify(t("wz.unknown_type", case_type=self.state.case_type), severity="error")
            self.state.case_type = ""
            self.state.step = "type"
        settings = self.services.settings
        with ContentSwitcher(initial=f"step-{self.state.step}", id="wz-switcher"):
            yield TypeStep(self.state, self.services, catalog)
            yield EvidenceStep(self.state, self.services, catalog)
            yield UrgencyStep(self.state)
            yield ReviewStep(
                self.state, settings.limits, default_file(self.state.case_type, self.services.now())
            )
        with Horizontal(id="wz-nav"):
            yield Button(t("wz.back"), id="wz-back")
            yield Static(id="wz-status")
            yield Button(t("wz.next"), id="wz-next", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        relabel(self, WIZARD_ACTIONS)
        if self.load_error is None:
            self.show_step(self.state.step, save=False)

    def refresh_language(self) -> None:
        """Re-label everything in the new UI language (called by the app)."""
        relabel(self, WIZARD_ACTIONS)
        if self.load_error is not None:
            return
        self.query_one("#wz-back", Button).label = t("wz.back")
        self.query_one("#wz-next", Button).label = t("wz.next")
        self.query_one(TypeStep).refresh_language()
        self.query_one(EvidenceStep).refresh_language()
        self.query_one(UrgencyStep).refresh_language()
        self.query_one(ReviewStep).refresh_language()
        self.show_step(self.state.step, save=False)

    def _header(self) -> Text:
        title = t("wz.title_edit", case_id=self.case_id) if self.case_id else t("wz.title")
        out = Text(f" {title}  ", style="bold")
        current = self.state.step_index()
        for i, step in enumerate(STEPS):
            if i:
                out.append(" › ", style="dim")
            label = f"{i + 1} {t('wz.step.' + step)}"
            out.append(
                label, style="bold reverse" if i == current else ("" if i < current else "dim")
            )
        ct = self.case_type
        if ct is not None:
            out.append(f"   {ct.id} · {self.state.marketplace}", style="dim")
        return out

    # ------------------------------------------------------------------ navigation
    def show_step(self, step: str, *, save: bool = True) -> None:
        """Switch to ``step``, filling it from the state."""
        if self.load_error is not None:
            return
        if step not in STEPS:
            step = "type"
        if step != "type" and self.case_type is None:
            self.notify(t("wz.type.need"), severity="warning")
            step = "type"
        self.state.step = step
        self.query_one("#wz-switcher", ContentSwitcher).current = f"step-{step}"
        if step == "evidence":
            self.query_one(EvidenceStep).build()
        elif step == "urgency":
            self.query_one(UrgencyStep).show(self.render_case(), self.case_type)
        elif step == "review":
            rendered = self.render_case()
            if rendered is not None:
                self.query_one(ReviewStep).show(rendered, self.duplicate_lines(rendered))
        self.query_one("#wz-steps", Static).update(self._header())
        self.query_one("#wz-back", Button).disabled = step == "type"
        self.query_one("#wz-next", Button).disabled = step == "review"
        self.refresh_bindings()
        self.call_after_refresh(self._focus_first)
        if save:
            self.autosave_now()

    def _focus_first(self) -> None:
        step = self.state.step
        if step == "type":
            target: Any = (
                self.query_one("#type-list", OptionList)
                if self.state.case_type
                else self.query_one("#type-search", Input)
            )
        elif step == "evidence":
            evidence = self.query_one(EvidenceStep)
            target = evidence.focus_target()
            if target.id == "paste":
                # Focusing would scroll the box itself to the top edge and hide its hint: focus
                # without scrolling, then show the step from its top.
                target.focus(scroll_visible=False)
                evidence.scroll_home(animate=False)
                return
        elif step == "urgency":
            target = self.query_one("#urgency")
        else:
            target = self.query_one("#save-draft", Button)
        target.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.load_error is not None and action not in ("close", "back_or_close"):
            return False
        steps = _STEP_ACTIONS.get(action)
        if steps is not None and self.state.step not in steps:
            return False
        if action == "next" and self.state.step == "review":
            return False
        if action == "back" and self.state.step == "type":
            return False
        return True

    def _leave_evidence(self) -> None:
        """Free text left in the focused identifier field goes to the paste box first."""
        if self.state.step == "evidence":
            self.query_one(EvidenceStep).absorb_field(self.focused)

    def action_next(self) -> None:
        self._leave_evidence()
        index = self.state.step_index()
        if index < len(STEPS) - 1:
            self.show_step(STEPS[index + 1])

    def action_back(self) -> None:
        self._leave_evidence()
        index = self.state.step_index()
        if index > 0:
            self.show_step(STEPS[index - 1])

    def action_back_or_close(self) -> None:
        if self.state.step == "type" or self.load_error is not None:
            self.action_close()
        else:
            self.action_back()

    def action_close(self) -> None:
        """Leave the wizard; the autosave stays (offered again) unless nothing was typed."""
        self._flush_autosave()
        if not self.state.case_type and self.autosave_path_now() is not None:
            self.discard_autosave()
        self.dismiss(None)

    def action_extract(self) -> None:
        self.query_one(EvidenceStep).extract_pressed()

    @on(Button.Pressed, "#wz-next")
    def _next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#wz-back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#copy")
    def _copy_pressed(self) -> None:
        self.action_copy()

    @on(Button.Pressed, "#save-file")
    def _save_file_pressed(self) -> None:
        self.action_save_file()

    @on(Button.Pressed, "#save-draft")
    def _save_draft_pressed(self) -> None:
        self.action_save_draft()

    @on(Button.Pressed, "#mark-filed")
    @on(Input.Submitted, "#sc-id")
    def _mark_filed_pressed(self) -> None:
        self.action_mark_filed()

    @on(Input.Submitted, "#file-path")
    def _file_path_submitted(self) -> None:
        self.action_save_file()

    @on(Advance)
    def _advance(self) -> None:
        self.action_next()

    @on(CaseTypeChosen)
    def _type_chosen(self) -> None:
        self.query_one("#wz-steps", Static).update(self._header())

    # ------------------------------------------------------------------ autosave
    @on(Edited)
    def _edited(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self.autosave_now)

    def _flush_autosave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.autosave_now()

    def autosave_path_now(self) -> Path | None:
        return self.autosave_path

    def autosave_now(self) -> None:
        """Write the state to the autosave file (a failure warns, never crashes)."""
        self._timer = None
        if self._finished:
            return
        try:
            data = self.state.to_autosave(self.services.settings, self.fact_specs())
            self.autosave_path = autosave.save(
                self.services.paths,
                self.autosave_key,
                data,
                step=self.state.step,
                case_id=self.case_id,
            )
        except (OSError, CasewriterError) as exc:
            self.notify(f"autosave: {exc}", severity="warning")
            return
        self.query_one("#wz-status", Static).update(Text(t("wz.autosaved"), style="dim"))

    def discard_autosave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.autosave_path is not None:
            autosave.discard(self.autosave_path)
            self.autosave_path = None

    def finish(self, case_id: str) -> None:
        """The case is in the log: drop the autosave and return its id."""
        self.discard_autosave()
        self._finished = True
        self.dismiss(case_id)
