"""The wizard's frame around its steps: ``StepHeader`` (the title and where the user is among
the four steps) and ``StepNav`` (Back, the autosave status, Next), each with its own style.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from casewriter.tui.i18n import t
from casewriter.tui.safe import Static
from casewriter.tui.wizard.state import STEPS


class StepHeader(Static):
    """`` New case  1 Case type › 2 Facts & evidence › …   <type> · <marketplace>``."""

    DEFAULT_CSS = """
    StepHeader {
        height: 1;
        background: $primary;
        color: $text;
    }
    """

    def show(self, step: str, *, case_id: str | None, case_type: str, marketplace: str) -> None:
        """Draw the header for ``step`` (``case_type`` empty while none is chosen)."""
        title = t("wz.title_edit", case_id=case_id) if case_id else t("wz.title")
        out = Text(f" {title}  ", style="bold")
        current = STEPS.index(step) if step in STEPS else 0
        for i, name in enumerate(STEPS):
            if i:
                out.append(" › ", style="dim")
            label = f"{i + 1} {t('wz.step.' + name)}"
            out.append(
                label, style="bold reverse" if i == current else ("" if i < current else "dim")
            )
        if case_type:
            out.append(f"   {case_type} · {marketplace}", style="dim")
        self.update(out)


class StepNav(Horizontal):
    """Back and Next (their ``Button.Pressed`` go up to the wizard) and the autosave status."""

    DEFAULT_CSS = """
    StepNav {
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    StepNav Button {
        min-width: 0;
        width: auto;
    }
    #wz-status {
        width: 1fr;
        content-align: center middle;
        height: 1;
        color: $text-muted;
    }
    """

    def compose(self) -> ComposeResult:
        # One line (compact buttons): on an 80×24 terminal every row is the step's.
        yield Button(self._back_label(), id="wz-back", compact=True)
        yield Static(id="wz-status")
        yield Button(self._next_label(), id="wz-next", variant="primary", compact=True)

    _saved = False

    @staticmethod
    def _back_label() -> str:
        return f"◀ {t('wz.back')} (^b)"

    @staticmethod
    def _next_label() -> str:
        return f"{t('wz.next')} (^n) ▶"

    def relabel(self) -> None:
        self.query_one("#wz-back", Button).label = self._back_label()
        self.query_one("#wz-next", Button).label = self._next_label()
        if self._saved:
            self.autosaved()

    def show(self, step: str) -> None:
        """Back is off on the first step, Next on the last."""
        self.query_one("#wz-back", Button).disabled = step == STEPS[0]
        self.query_one("#wz-next", Button).disabled = step == STEPS[-1]

    def autosaved(self) -> None:
        self._saved = True
        self.query_one("#wz-status", Static).update(Text(t("wz.autosaved"), style="dim"))
