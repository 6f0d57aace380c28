"""The evidence step's paste box: ``PastePanel`` (the box, its hint, the Extract button, what
the last extraction filled and left, and "Use pasted values" when it found a value for a field
whose typed text does not read) and the identifier fields that route pasted free text to it.

A whole message (an email, a WeChat chat, a copied Seller Central page) pasted into a single
identifier field is not typed there: it goes to the paste box and is extracted, so the field
keeps only its identifier. The same happens on F5 or on leaving a field that holds such text;
typing key by key is never interrupted. Extraction itself is ``extraction.py`` over
``casewriter.engine.read_message`` (identifiers, quantities, dates, carriers, amounts: one
source of truth with ``casewriter extract``); what it says is ``paste_report.py``.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button

from casewriter.engine import CaseType, Fill
from casewriter.tui.i18n import t
from casewriter.tui.safe import Input, Label, Static, TextArea
from casewriter.tui.wizard.extraction import SlotSpec, fill_facts, fill_slots, is_free_text
from casewriter.tui.wizard.item_sync import paste_into_lines
from casewriter.tui.wizard.paste_report import report_lines, used_line
from casewriter.tui.wizard.state import WizardState


class FreeTextPasted(Message):
    """Free text was pasted into an identifier field (it was not inserted there)."""

    def __init__(self, field: Widget, text: str) -> None:
        super().__init__()
        self.field = field
        self.text = text


class SlotInput(Input):
    """A single identifier field: a pasted message goes to the paste box instead."""

    def _on_paste(self, event: events.Paste) -> None:
        if event.text and is_free_text(event.text):
            event.prevent_default()  # the Input would keep only the first line, here
            event.stop()
            self.post_message(FreeTextPasted(self, event.text))


class SlotArea(TextArea):
    """A repeatable identifier field (one per line): a pasted message goes to the paste box."""

    async def _on_paste(self, event: events.Paste) -> None:
        if event.text and is_free_text(event.text):
            event.prevent_default()
            event.stop()
            self.post_message(FreeTextPasted(self, event.text))


class PasteBox(TextArea):
    """The paste box: text pasted into it is extracted at once (F5 runs it again)."""

    class Pasted(Message):
        """Text was pasted into the box (posted after the box inserted it)."""

    async def _on_paste(self, event: events.Paste) -> None:
        if event.text and not self.read_only:
            self.post_message(self.Pasted())


def field_text(widget: Widget) -> str:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    return ""


class PastePanel(Vertical):
    """The paste box with its hint, the Extract button and what the last extraction did."""

    DEFAULT_CSS = """
    PastePanel {
        height: auto;
    }
    #paste {
        height: 5;
    }
    #paste-row {
        height: auto;
    }
    #extract-result {
        width: 1fr;
        padding: 0 1;
        color: $success;
    }
    #use-pasted {
        display: none;
    }
    #use-pasted.-offered {
        display: block;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="paste-panel")
        self._last_extracted = ""
        self.offered: list[Fill] = []
        """Pasted values for facts whose typed text does not read ("Use pasted values")."""

    def compose(self) -> ComposeResult:
        yield Label(t("wz.ev.paste"), id="lbl-paste")
        yield PasteBox(id="paste", soft_wrap=True)
        with Horizontal(id="paste-row"):
            yield Button(t("wz.extract"), id="extract")
            yield Button(t("wz.ev.use_pasted"), id="use-pasted", variant="warning")
            yield Static(id="extract-result")

    @property
    def box(self) -> PasteBox:
        return self.query_one("#paste", PasteBox)

    def relabel(self) -> None:
        self.query_one("#lbl-paste", Label).update(t("wz.ev.paste"))
        self.query_one("#extract", Button).label = t("wz.extract")
        self.query_one("#use-pasted", Button).label = t("wz.ev.use_pasted")

    def append(self, text: str) -> None:
        """Add ``text`` (a message taken from a field) below what the box holds."""
        box = self.box
        box.text = f"{box.text.rstrip()}\n{text}" if box.text.strip() else text

    def extract(
        self, ct: CaseType | None, state: WizardState, *, again: bool = False
    ) -> tuple[list[str], list[str]]:
        """Fill the empty identifier slots and facts of ``state`` with what the box holds (once
        the case has item lines, its products go into the lines), say what was filled, kept,
        offered and left; returns the slot keys and fact keys filled (or emptied for a line).

        ``again`` (F5 or the button on text already extracted, e.g. right after leaving a
        field did it) keeps the message about what was filled rather than saying "nothing"."""
        from casewriter.engine import read_message
        from casewriter.marketplaces import get

        result = self.query_one("#extract-result", Static)
        if ct is None:
            result.update(t("wz.type.need"))
            return [], []
        text = self.box.text
        as_of = state.as_of()
        try:
            market = get(state.marketplace or "US")
        except Exception:  # noqa: BLE001 - an unknown marketplace reads as Amazon.com
            market = get("US")
        found = read_message(text, market, as_of)
        specs = [SlotSpec(s.key, s.kind, s.max) for s in ct.evidence if not s.is_attachment]
        slots = fill_slots(specs, state.evidence, found.identifiers)
        facts = fill_facts(ct.facts, state.facts, found, state.marketplace, as_of)
        lines = paste_into_lines(ct, state, slots.added, facts.filled)
        nothing_new = not slots.added and not facts.filled and not lines.lines
        if again and nothing_new and text.strip() and text == self._last_extracted:
            return [], []
        self._last_extracted = text
        self.offered = [fill for fill, _ in facts.offered]
        self.query_one("#use-pasted", Button).set_class(bool(self.offered), "-offered")
        result.update("\n".join(report_lines(ct, slots, facts, as_of, lines.lines)))
        return [*slots.added, *lines.slots], [*(f.fact for f in facts.filled), *lines.facts]

    def use_pasted(self, ct: CaseType | None, state: WizardState) -> list[str]:
        """Put the offered pasted values in place of the typed values that do not read; the
        fact keys changed."""
        if ct is None or not self.offered:
            return []
        used, self.offered = self.offered, []
        for fill in used:
            state.facts[fill.fact] = fill.value
        self.query_one("#use-pasted", Button).set_class(False, "-offered")
        self.query_one("#extract-result", Static).update(used_line(ct, used, state.as_of()))
        return [fill.fact for fill in used]
