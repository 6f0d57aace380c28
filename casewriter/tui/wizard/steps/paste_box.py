"""The evidence step's paste box: ``PastePanel`` (the box, its hint, the Extract button and
what the last extraction filled) and the identifier fields that route pasted free text to it.

A whole message (an email, a WeChat chat, a copied Seller Central page) pasted into a single
identifier field is not typed there: it goes to the paste box and is extracted, so the field
keeps only its identifier. The same happens on F5 or on leaving a field that holds such text;
typing key by key is never interrupted. Extraction itself is ``extraction.py`` over
``casewriter.identifiers.extract`` (one source of truth).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button

from casewriter.engine import CaseType
from casewriter.identifiers import extract
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Label, Static, TextArea
from casewriter.tui.wizard.extraction import SlotSpec, fill_slots, is_free_text


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
    """

    def __init__(self) -> None:
        super().__init__(id="paste-panel")
        self._last_extracted = ""

    def compose(self) -> ComposeResult:
        yield Label(t("wz.ev.paste"), id="lbl-paste")
        yield PasteBox(id="paste", soft_wrap=True)
        with Horizontal(id="paste-row"):
            yield Button(t("wz.extract"), id="extract")
            yield Static(id="extract-result")

    @property
    def box(self) -> PasteBox:
        return self.query_one("#paste", PasteBox)

    def relabel(self) -> None:
        self.query_one("#lbl-paste", Label).update(t("wz.ev.paste"))
        self.query_one("#extract", Button).label = t("wz.extract")

    def append(self, text: str) -> None:
        """Add ``text`` (a message taken from a field) below what the box holds."""
        box = self.box
        box.text = f"{box.text.rstrip()}\n{text}" if box.text.strip() else text

    def extract(
        self, ct: CaseType | None, evidence: dict[str, list[str]], *, again: bool = False
    ) -> list[str]:
        """Fill the empty identifier slots of ``evidence`` with what the box holds, say what
        was filled (and what found no slot); returns the slot keys filled.

        ``again`` (F5 or the button on text already extracted, e.g. right after leaving a
        field did it) keeps the message about what was filled rather than saying "nothing"."""
        result = self.query_one("#extract-result", Static)
        if ct is None:
            result.update(t("wz.type.need"))
            return []
        text = self.box.text
        specs = [SlotSpec(s.key, s.kind, s.max) for s in ct.evidence if not s.is_attachment]
        filled = fill_slots(specs, evidence, extract(text))
        if again and not filled.added and text.strip() and text == self._last_extracted:
            return []
        self._last_extracted = text
        lang = get_language()
        parts = []
        for key, values in filled.added.items():
            slot = ct.slot(key)
            label = slot.label.get(lang) if slot else key
            parts.append(f"{label} ← {', '.join(values)}")
        lines = [t("wz.ev.filled", items="; ".join(parts))] if parts else [t("wz.ev.nothing")]
        if filled.unused:
            lines.append(
                t("wz.ev.skipped", items=", ".join(f"{k} {v}" for k, v in filled.unused[:8]))
            )
        result.update("\n".join(lines))
        return list(filled.added)
