"""``WizardScreen``: the four steps (case type → facts and evidence → urgency → review) in one
screen over a pure ``WizardState``. Moving between steps never loses what was typed; the state
is autosaved at every step change and, debounced, on every edit.

The screen lays out the steps, moves between them and runs the actions; the work apart from
widgets (rendering, the duplicate check, saving or filing in the log, the autosave file) is
``WizardSession``'s, saving and filing with their confirmations are ``filing.py``'s, and the
review step copies and saves the text to a file itself. Saving announces the case
(``cases_changed``); a read-only log refuses it with its reason.

Dismisses with the saved case's local id (``CW-000123``), or None when closed.

Size: near 400 lines because the layout, moving between steps and the actions that need several
steps at once belong together; everything else (engine and log work, the header and nav bar,
each step's fields, focus and messages) already lives in its own module.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, ContentSwitcher

from casewriter.errors import CasewriterError
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.host import host, log_writable
from casewriter.tui.i18n import get_language, local, t
from casewriter.tui.safe import Input, Static
from casewriter.tui.services import Services
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.wizard.chrome import StepHeader, StepNav
from casewriter.tui.wizard.filing import mark_filed, save_draft
from casewriter.tui.wizard.saving import default_file
from casewriter.tui.wizard.session import WizardSession
from casewriter.tui.wizard.state import STEPS, WizardState
from casewriter.tui.wizard.steps import Advance, CaseTypeChosen, Edited, FieldsRebuilt
from casewriter.tui.wizard.steps.evidence_step import EvidenceStep
from casewriter.tui.wizard.steps.review_step import ReviewStep
from casewriter.tui.wizard.steps.type_step import TypeStep
from casewriter.tui.wizard.steps.urgency_step import UrgencyStep

if TYPE_CHECKING:
    from casewriter.engine import CaseType, RenderedCase

AUTOSAVE_DELAY = 0.4
"""Seconds of quiet after an edit before the draft is autosaved."""
SAME_PROBLEM_DELAY = 0.3
"""Seconds of quiet after an identifier is typed before the log is asked about it."""

WIZARD_ACTIONS: tuple[ActionSpec, ...] = (
    # In the footer's order: what a step is for first (the footer shows what fits, the rest is
    # in the palette behind its "more" key).
    ActionSpec("ctrl+n", "next", "wz.next", "wz.tip.next", "wizard-next"),
    ActionSpec("ctrl+s", "save_draft", "wz.save_draft", "wz.tip.save_draft", "wizard-save-draft"),
    ActionSpec("ctrl+f", "mark_filed", "wz.mark_filed", "wz.tip.mark_filed", "wizard-mark-filed"),
    ActionSpec("f8", "copy('all')", "wz.copy", "wz.tip.copy", "wizard-copy"),
    ActionSpec(
        "f6", "copy('subject')", "wz.copy_subject", "wz.tip.copy_subject", "wizard-copy-subject"
    ),
    ActionSpec("f7", "copy('body')", "wz.copy_body", "wz.tip.copy_body", "wizard-copy-body"),
    ActionSpec("ctrl+o", "copy('oer')", "wz.copy_oer", "wz.tip.copy_oer", "wizard-copy-oer"),
    ActionSpec("f9", "save_file", "wz.save_file", "wz.tip.save_file", "wizard-save-file"),
    ActionSpec("ctrl+b", "back", "wz.back", "wz.tip.back", "wizard-back"),
    ActionSpec("escape", "back_or_close", "wz.back", "wz.tip.back", "wizard-escape", show=False),
    ActionSpec("f5", "extract", "wz.extract", "wz.tip.extract", "wizard-extract"),
    ActionSpec("ctrl+w", "close", "wz.cancel", "wz.tip.cancel", "wizard-close", show=False),
)
_STEP_ACTIONS = {"extract": ("evidence",), "copy": ("review",), "save_file": ("review",),
                 "save_draft": ("review",), "mark_filed": ("review",)}  # fmt: skip


class WizardScreen(Screen[str | None]):
    """Draft a case step by step."""

    DEFAULT_CSS = """
    #wz-switcher {
        height: 1fr;
    }
    #wz-error {
        padding: 1 2;
        color: $error;
    }
    """

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
        settings = services.settings
        state = (
            WizardState.from_dict(draft, settings)
            if draft
            else WizardState.new(settings, case_type)
        )
        if case_type and draft is None:
            state.case_type = case_type
        state.clock = services.now  # "as of" for year-less dates: the app's today
        self.session = WizardSession(services, state, case_id=case_id, autosave_path=autosave_path)
        self.load_error: str | None = None
        self._timer: Timer | None = None
        self._same_timer: Timer | None = None
        self._finished = False

    @property
    def state(self) -> WizardState:
        return self.session.state

    @property
    def rendered(self) -> RenderedCase | None:
        """The latest render."""
        return self.session.rendered

    @property
    def case_type(self) -> CaseType | None:
        return self.session.case_type

    def render_case(self) -> RenderedCase | None:
        """Render the current state (None, with a notification, when it cannot be rendered)."""
        if self.case_type is None:
            return None
        try:
            return self.session.render()
        except CasewriterError as exc:
            self.notify(t("wz.rev.render_error", error=local(exc.message)), severity="error")
        except Exception as exc:  # noqa: BLE001 - a broken template must not lose the draft
            self.notify(t("wz.rev.render_error", error=str(exc).splitlines()[0]), severity="error")
        return None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield StepHeader(id="wz-steps")
        try:
            catalog = self.session.catalog
        except CasewriterError as exc:
            self.load_error = exc.message
            yield Static(t("wz.no_engine", error=local(exc.message)), id="wz-error")
            yield KeyFooter()
            return
        if self.state.case_type and self.state.case_type not in catalog:
            self.notify(t("wz.unknown_type", case_type=self.state.case_type), severity="error")
            self.state.case_type = ""
            self.state.step = "type"
        with ContentSwitcher(initial=f"step-{self.state.step}", id="wz-switcher"):
            yield TypeStep(self.state, self.services, catalog)
            yield EvidenceStep(self.state, catalog)
            yield UrgencyStep(self.state)
            yield ReviewStep(
                self.state,
                self.services.settings.limits,
                default_file(self.state.case_type, self.services.now()),
            )
        yield StepNav(id="wz-nav")
        yield KeyFooter()

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, WIZARD_ACTIONS)
        if self.load_error is None:
            self.show_step(self.state.step, save=False)

    def _relabel(self, _lang: str) -> None:
        relabel(self, WIZARD_ACTIONS)
        if self.load_error is not None:
            return
        self.query_one(StepNav).relabel()
        self.query_one(TypeStep).relabel()
        self.query_one(EvidenceStep).relabel()
        self.query_one(UrgencyStep).relabel()
        self.query_one(ReviewStep).relabel()
        self.show_step(self.state.step, save=False)

    def _show_header(self) -> None:
        ct = self.case_type
        self.query_one(StepHeader).show(
            self.state.step,
            case_id=self.session.case_id,
            case_type=ct.title.get(get_language()) if ct is not None else "",
            marketplace=self.state.marketplace,
        )

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
            self.call_after_refresh(self._check_same_problem)
        elif step == "urgency":
            self.query_one(UrgencyStep).show(self.render_case(), self.case_type)
        elif step == "review":
            rendered = self.render_case()
            if rendered is not None:
                ct = self.case_type
                review = self.query_one(ReviewStep)
                if ct is not None:
                    review.suggest_file(default_file(ct.id, self.services.now()))
                review.show(rendered, self.session.duplicate_lines(rendered), ct)
        self._show_header()
        self.query_one(StepNav).show(step)
        self.refresh_bindings()
        self.call_after_refresh(self._focus_first)
        if save:
            self.autosave_now()

    def _focus_first(self) -> None:
        """Focus where the user starts on the current step (the step knows which field)."""
        step = self.query_one(f"#step-{self.state.step}")
        assert isinstance(step, (TypeStep, EvidenceStep, UrgencyStep, ReviewStep))
        target = step.focus_target()
        if target.id == "paste":
            # Focusing would scroll the box itself to the top edge and hide its hint: focus
            # without scrolling, then show the step from its top.
            target.focus(scroll_visible=False)
            step.scroll_home(animate=False)
            return
        target.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.load_error is not None and action not in ("close", "back_or_close"):
            return False
        steps = _STEP_ACTIONS.get(action)
        if steps is not None and self.state.step not in steps:
            return False
        if action == "copy" and parameters == ("oer",):
            return self.query_one(ReviewStep).has_oer
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
        if not self.state.case_type and self.session.autosave_path is not None:
            self.discard_autosave()
        self.dismiss(None)

    def action_extract(self) -> None:
        self.query_one(EvidenceStep).extract_pressed()

    @on(Button.Pressed, "#wz-next")
    @on(Advance)
    def _next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#wz-back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(CaseTypeChosen)
    def _type_chosen(self) -> None:
        self._show_header()

    @on(FieldsRebuilt)
    def _fields_rebuilt(self) -> None:
        if self.state.step == "evidence":
            self._focus_first()

    # ------------------------------------------------------------------ review actions
    def action_copy(self, what: str = "all") -> None:
        self.query_one(ReviewStep).copy(what)

    @on(Button.Pressed, "#save-file")
    @on(Input.Submitted, "#file-path")
    def action_save_file(self) -> None:
        self.query_one(ReviewStep).save_file()

    @on(Button.Pressed, "#save-draft")
    def action_save_draft(self) -> None:
        """Save the draft (asking first when the log holds a case on the same problem)."""
        rendered = self.render_case() if log_writable(self) else None
        if rendered is not None:
            text = self.query_one(ReviewStep).paste_text()
            save_draft(self, self.session, rendered, text, self.finish)

    @on(Button.Pressed, "#mark-filed")
    @on(Input.Submitted, "#sc-id")
    def action_mark_filed(self) -> None:
        """ctrl+f from anywhere on the review: file the case (``filing.mark_filed``: not ready
        or a closed case on the same problem asks first; the case ID from its box, or asked)."""
        rendered = self.render_case() if log_writable(self) else None
        if rendered is not None:
            text = self.query_one(ReviewStep).paste_text()
            box = self.query_one("#sc-id", Input)
            mark_filed(self, self.session, rendered, text, self.case_type, box, self.finish)

    # ------------------------------------------------------------------ autosave
    @on(Edited)
    def _edited(self, event: Edited) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(AUTOSAVE_DELAY, self.autosave_now)
        if event.what.startswith(("slot-", "item-")) or event.what == "extract":
            self._check_same_problem(debounce=True)

    def _check_same_problem(self, *, debounce: bool = False) -> None:
        """Warn under the identifier fields when the log holds a case on the same problem
        (asked of the log once typing pauses)."""
        if self._same_timer is not None:
            self._same_timer.stop()
            self._same_timer = None
        if debounce:
            self._same_timer = self.set_timer(SAME_PROBLEM_DELAY, self._check_same_problem)
            return
        if self.load_error is None and self.case_type is not None:
            found = self.session.same_problem()
            typed = self.session.typed_identifiers() if found else {}
            self.query_one(EvidenceStep).show_same_problem(found, typed)

    def _flush_autosave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
            self.autosave_now()

    def autosave_now(self) -> None:
        """Write the state to the autosave file (a failure warns, never crashes)."""
        self._timer = None
        if self._finished:
            return
        try:
            self.session.autosave()
        except (OSError, CasewriterError) as exc:
            self.notify(f"autosave: {exc}", severity="warning")
            return
        self.query_one(StepNav).autosaved()

    def discard_autosave(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.session.discard_autosave()

    def finish(self, case_id: str) -> None:
        """The case is in the log: drop the autosave and return its id."""
        self.discard_autosave()
        self._finished = True
        self.dismiss(case_id)
