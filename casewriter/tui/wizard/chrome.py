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
        height: 3;
        padding: 0 1;
    }
    #wz-status {
        width: 1fr;
        content-align: center middle;
        height: 3;
        color: $text-muted;
    }
    """

    def compose(self) -> ComposeResult:
        yield Button(t("wz.back"), id="wz-back")
        yield Static(id="wz-status")
        yield Button(t("wz.next"), id="wz-next", variant="primary")

    _saved = False

    def relabel(self) -> None:
        self.query_one("#wz-back", Button).label = t("wz.back")
        self.query_one("#wz-next", Button).label = t("wz.next")
        if self._saved:
            self.autosaved()

    def show(self, step: str) -> None:
        """Back is off on the first step, Next on the last."""
        self.query_one("#wz-back", Button).disabled = step == STEPS[0]
        self.query_one("#wz-next", Button).disabled = step == STEPS[-1]

    def autosaved(self) -> None:
        self._saved = True
        self.query_one("#wz-status", Static).update(Text(t("wz.autosaved"), style="dim"))
