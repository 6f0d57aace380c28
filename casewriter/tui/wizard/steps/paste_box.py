"""The evidence step's paste box: the widgets that route pasted free text to it, and the
``PasteBoxMixin`` (extraction into empty slots, and where focus goes when the step opens).

A whole message (an email, a WeChat chat, a copied Seller Central page) pasted into a single
identifier field is not typed there: it goes to the paste box and is extracted, so the field
keeps only its identifier. The same happens on F5 or on leaving a field that holds such text;
typing key by key is never interrupted. Extraction itself is ``extraction.py`` over
``casewriter.identifiers.extract`` (one source of truth).
"""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget

from casewriter.engine import CaseType, EvidenceSlot
from casewriter.identifiers import extract
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Static, TextArea
from casewriter.tui.wizard.extraction import SlotSpec, fill_slots, is_free_text
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps import Edited


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


class PasteBoxMixin(VerticalScroll):
    """Paste box behaviour of ``EvidenceStep`` (which provides the case type and checks)."""

    state: WizardState
    _last_extracted: str = ""

    @property
    def case_type(self) -> CaseType | None:
        raise NotImplementedError

    def _check_slot(self, ct: CaseType, slot: EvidenceSlot) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ focus
    def has_values(self) -> bool:
        """Whether anything was entered on this step yet (a resumed draft, or back from later)."""
        s = self.state
        lists = [*s.evidence.values(), *s.attachments.values()]
        return any(v.strip() for vs in lists for v in vs) or any(
            v.strip() for v in (*s.facts.values(), *s.narrative.values())
        )

    def focus_target(self) -> Widget:
        """The paste box for a new case; otherwise the first empty required field (or the box)."""
        box = self.query_one("#paste", PasteBox)
        ct = self.case_type
        if ct is None or not self.has_values():
            return box
        s = self.state
        wanted: list[tuple[str, str]] = []
        for e in ct.evidence:
            if e.required:
                values = (s.attachments if e.is_attachment else s.evidence).get(e.key, [])
                wid = f"att-{e.key}" if e.is_attachment else f"slot-{e.key}"
                wanted.append((wid, "".join(values)))
        wanted += [
            (f"fact-{f.key}", s.facts.get(f.key, ""))
            for f in ct.facts
            if f.required and not f.computed
        ]
        for wid, value in wanted:
            found = self.query(f"#{wid}")
            if not value.strip() and found and found.first().focusable:
                return found.first()
        return box

    # ------------------------------------------------------------------ free text
    def _slot_field(self, widget: Widget | None) -> EvidenceSlot | None:
        """The identifier slot behind a field, when ``widget`` is one."""
        ct = self.case_type
        if ct is None or not isinstance(widget, (SlotInput, SlotArea)):
            return None
        return ct.slot((widget.id or "").removeprefix("slot-"))

    def absorb(self, field: Widget, text: str, *, clear: bool) -> None:
        """Move free ``text`` from an identifier field to the paste box and extract it; with
        ``clear`` the field's own value is that text and is emptied first."""
        slot = self._slot_field(field)
        box = self.query_one("#paste", PasteBox)
        box.text = f"{box.text.rstrip()}\n{text}" if box.text.strip() else text
        if clear and slot is not None:
            self.state.evidence[slot.key] = []
        added = self.run_extract()
        if clear and slot is not None and slot.key not in added:
            self._show_values(slot.key)
            ct = self.case_type
            if ct is not None:
                self._check_slot(ct, slot)
            self.post_message(Edited(field.id or ""))

    def absorb_field(self, widget: Widget | None) -> bool:
        """Absorb ``widget``'s text when it is an identifier field holding free text."""
        if self._slot_field(widget) is None or widget is None:
            return False
        text = field_text(widget)
        if not is_free_text(text):
            return False
        self.absorb(widget, text, clear=True)
        return True

    def extract_pressed(self) -> None:
        """F5 / the button: a focused field holding free text first goes to the paste box."""
        if not self.absorb_field(self.screen.focused):
            self.run_extract(again=True)

    # ------------------------------------------------------------------ extraction
    def run_extract(self, *, again: bool = False) -> list[str]:
        """Fill empty identifier slots from the paste box; returns the slot keys filled.

        ``again`` (F5 or the button on text already extracted, e.g. right after leaving a
        field did it) keeps the message about what was filled rather than saying "nothing"."""
        ct = self.case_type
        result_widget = self.query_one("#extract-result", Static)
        if ct is None:
            result_widget.update(t("wz.type.need"))
            return []
        text = self.query_one("#paste", PasteBox).text
        specs = [SlotSpec(s.key, s.kind, s.max) for s in ct.evidence if not s.is_attachment]
        filled = fill_slots(specs, self.state.evidence, extract(text))
        if again and not filled.added and text.strip() and text == self._last_extracted:
            return []
        self._last_extracted = text
        lang = get_language()
        parts = []
        for key, values in filled.added.items():
            slot = ct.slot(key)
            label = slot.label.get(lang) if slot else key
            parts.append(f"{label} ← {', '.join(values)}")
            self._show_values(key)
            if slot is not None:
                self._check_slot(ct, slot)
        lines = [t("wz.ev.filled", items="; ".join(parts))] if parts else [t("wz.ev.nothing")]
        if filled.unused:
            lines.append(
                t("wz.ev.skipped", items=", ".join(f"{k} {v}" for k, v in filled.unused[:8]))
            )
        result_widget.update("\n".join(lines))
        if filled.added:
            self.post_message(Edited("extract"))
        return list(filled.added)

    def _show_values(self, key: str) -> None:
        values = self.state.evidence.get(key, [])
        for widget in self.query(f"#slot-{key}"):
            if isinstance(widget, Input):
                widget.value = values[0] if values else ""
            elif isinstance(widget, TextArea):
                widget.text = "\n".join(values)
