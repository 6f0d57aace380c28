"""Step 3: urgency. Shows the engine's suggested level and its reasons, the claim deadline
(opens / closes / safe-by / days left / source), the OER toggle where the case type allows it,
and the reminder that urgent must stay rare (and to tick Seller Central's own flag).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet, Switch

from casewriter.engine import CaseType, Deadline, RenderedCase
from casewriter.safetext import escape_controls as shown
from casewriter.tui.i18n import days_text, get_language, local, t
from casewriter.tui.safe import Label, Static
from casewriter.tui.wizard.state import URGENCIES, WizardState
from casewriter.tui.wizard.steps import Edited


def _status(deadline: Deadline) -> str:
    """The status key: a period that is not a claim window (stranded units) is never
    "claimable" or "too early to file"."""
    if deadline.claim_window:
        return deadline.status
    return "period-ended" if deadline.status == "expired" else "period"


def deadline_text(rendered: RenderedCase | None) -> Text:
    """The deadline block shared by the urgency and review steps."""
    out = Text()
    out.append(t("wz.urg.deadline") + "\n", style="bold")
    deadline = rendered.deadline if rendered else None
    if deadline is None:
        out.append(t("wz.urg.no_deadline") + "\n")
        return out
    out.append(
        t(
            "wz.urg.window",
            opens=deadline.opens.isoformat(),
            closes=deadline.closes.isoformat(),
            days=days_text(deadline.days_left),
        )
        + f" · {t('wz.urg.status.' + _status(deadline))}\n",
        style="bold red" if deadline.status == "expired" else "",
    )
    if deadline.safe_by:
        out.append(t("wz.urg.safe_by", date=deadline.safe_by.isoformat()) + "\n")
    if deadline.as_of is None:
        source = t("wz.urg.source", source=deadline.source)
    else:
        source = t("wz.type.source", source=deadline.source, as_of=deadline.as_of.isoformat())
    out.append(shown(source[:1].upper() + source[1:]) + "\n", style="dim")
    if deadline.note:
        note = deadline.note_zh or deadline.note if get_language() == "zh" else deadline.note
        out.append(shown(note) + "\n", style="dim")
    return out


class UrgencyStep(VerticalScroll):
    """Suggested urgency with reasons, the deadline, the OER toggle."""

    DEFAULT_CSS = """
    UrgencyStep {
        padding: 0 1;
    }
    #urg-suggested, #urg-deadline, #urg-rare, #urg-oer-na {
        margin: 1 0 0 0;
    }
    #urg-rare {
        color: $warning;
    }
    #oer-row {
        height: auto;
        margin: 1 0 0 0;
    }
    #lbl-oer {
        padding: 1 1;
    }
    """

    def __init__(self, state: WizardState) -> None:
        super().__init__(id="step-urgency")
        self.state = state
        self.suggestion = "routine"
        self.shown = "routine"
        """The level shown selected (the user's choice, else the level the case gets)."""

    def compose(self) -> ComposeResult:
        yield Static(id="urg-suggested")
        with RadioSet(id="urgency"):
            for level in URGENCIES:
                yield RadioButton(t(f"wz.urg.{level}"), id=f"urg-{level}")
        yield Static(id="urg-deadline")
        with Horizontal(id="oer-row"):
            yield Switch(value=self.state.oer, id="oer")
            yield Label(t("wz.urg.oer"), id="lbl-oer")
        yield Static(id="urg-oer-na")
        yield Static(t("wz.urg.rare"), id="urg-rare")

    def focus_target(self) -> Widget:
        return self.query_one("#urgency", RadioSet)

    def relabel(self) -> None:
        for level in URGENCIES:
            self.query_one(f"#urg-{level}", RadioButton).label = t(f"wz.urg.{level}")
        self.query_one("#lbl-oer", Label).update(t("wz.urg.oer"))
        self.query_one("#urg-rare", Static).update(t("wz.urg.rare"))

    def show(self, rendered: RenderedCase | None, ct: CaseType | None) -> None:
        """Fill the step from the state and the latest render."""
        suggestion = rendered.urgency_suggestion if rendered else "routine"
        text = Text()
        text.append(t("wz.urg.suggested", level=t(f"wz.urg.{suggestion}")) + "\n", style="bold")
        reasons = rendered.urgency_reasons if rendered else []
        if reasons:
            text.append(t("wz.urg.why") + ":\n")
            for reason in reasons:
                text.append(f"• {shown(local(reason))}\n")
        self.query_one("#urg-suggested", Static).update(text)
        self.suggestion = suggestion
        # With no choice made, the level the case gets (the suggestion, at most "high": urgent
        # is only ever the user's choice) is the one shown selected; choosing another one,
        # "Urgent" included when it is the suggestion, is a choice.
        self.shown = self.state.urgency or (rendered.urgency if rendered else suggestion)
        self.query_one(f"#urg-{self.shown}", RadioButton).value = True
        self.query_one("#urg-deadline", Static).update(deadline_text(rendered))
        allows = bool(ct and ct.oer)
        self.query_one("#oer-row").display = allows
        na = self.query_one("#urg-oer-na", Static)
        na.display = not allows
        na.update(t("wz.urg.oer_na"))
        self.query_one("#oer", Switch).value = self.state.oer and allows

    @on(RadioSet.Changed, "#urgency")
    def _urgency(self, event: RadioSet.Changed) -> None:
        if event.pressed.id is None:
            return
        level = event.pressed.id.removeprefix("urg-")
        if self.state.urgency is None and level == self.shown:
            return  # showing the level the case gets is not a choice
        if level in URGENCIES and level != self.state.urgency:
            self.state.urgency = level
            self.post_message(Edited("urgency"))

    @on(Switch.Changed, "#oer")
    def _oer(self, event: Switch.Changed) -> None:
        if event.value != self.state.oer:
            self.state.oer = event.value
            self.post_message(Edited("oer"))
