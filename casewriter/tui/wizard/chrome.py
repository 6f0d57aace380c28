"""The wizard's frame around its steps: ``StepHeader`` (the title and where the user is among
the four steps) and ``StepNav`` (Back, the autosave status, Next), each with its own style.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from casewriter.tui.i18n import t
from casewriter.tui.safe import Static
from casewriter.tui.text import truncate_words
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
        self._shown = (step, case_id, case_type, marketplace)
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
            out.append_text(type_label(case_type, marketplace, self._width() - out.cell_len))
        self.update(out)

    def on_resize(self) -> None:
        shown = getattr(self, "_shown", None)
        if shown is not None:  # the type title gets the room the new width leaves
            step, case_id, case_type, marketplace = shown
            self.show(step, case_id=case_id, case_type=case_type, marketplace=marketplace)

    def _width(self) -> int:
        return self.size.width or self.app.size.width


def type_label(case_type: str, marketplace: str, room: int) -> Text:
    """``   <type title> · <marketplace>`` in ``room`` cells: a long title is cut at a word with
    "…" (never mid-word), and left out when not even a word of it fits."""
    tail = f" · {marketplace}"
    room -= 3 + cell_len(tail)
    if room <= 0:
        return Text("")
    title = case_type if cell_len(case_type) <= room else truncate_words(case_type, room)
    kept = title.removesuffix("…")
    after = case_type[len(kept) : len(kept) + 1]
    pair = f"{kept[-1:]}{after}"
    if not kept.strip() or (title != case_type and pair.isascii() and pair.isalnum()):
        return Text(f"   {marketplace}", style="dim")  # only part of a word would fit
    return Text(f"   {title}{tail}", style="dim")


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
