"""Step 2: facts and evidence. The paste box (``PastePanel``) on top fills empty identifier
slots and facts (quantities, dates, carriers, amounts) from pasted text; below it the fields built from the case type's evidence slots and facts
(``evidence_fields.py``), each checked as the user types through the core modules (identifiers,
facts, attachments' existence, type and size); the item lines of a multi-item case type
(``items_editor.py``: the fields whose identifiers the lines carry are read-only while lines
hold them); the narrative comes last.

A whole message pasted into one identifier field, or left in it when the field is left (or on
F5), goes to the paste box and is extracted, so the field keeps only its identifier; typing key
by key is never interrupted. Every edit goes into the ``WizardState`` at once (``Edited`` up).

A logged case on the same problem as an identifier typed is named under its field
(``show_same_problem``: the wizard asks the log once typing pauses).

Size: ~400 lines because the paste box and the fields hand values both ways (free text absorbed,
slots and facts filled) through one step's state, and the field messages (checks, cases on the
same problem, fields the item lines stand in for) are that state's too; building the fields is
already in ``evidence_fields.py``, the item lines in ``items_editor.py``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Select

from casewriter.engine import CaseType, Catalog, DuplicateCase, EvidenceSlot, FactSpec
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Static, TextArea
from casewriter.tui.wizard.extraction import is_free_text
from casewriter.tui.wizard.item_lines import is_blank
from casewriter.tui.wizard.item_sync import covered, locked_slots
from casewriter.tui.wizard.readiness import duplicate_line
from casewriter.tui.wizard.state import WizardState, attachment_path, split_lines
from casewriter.tui.wizard.steps import Edited, FieldsRebuilt
from casewriter.tui.wizard.steps.evidence_fields import field_widgets, repeatable
from casewriter.tui.wizard.steps.item_list import ItemsChanged
from casewriter.tui.wizard.steps.items_editor import ItemsEditor
from casewriter.tui.wizard.steps.paste_box import (
    FreeTextPasted,
    PasteBox,
    PastePanel,
    SlotArea,
    SlotInput,
    field_text,
)
from casewriter.tui.wizard.validators import check_fact_value, slot_messages


class EvidenceStep(VerticalScroll):
    """Paste box, evidence slots, facts, attachments and narrative."""

    DEFAULT_CSS = """
    EvidenceStep {
        padding: 0 1;
    }
    #ev-fields {
        height: auto;
    }
    .section {
        text-style: bold;
        color: $accent;
        margin: 1 0 0 0;
    }
    .field-label {
        margin: 1 0 0 0;
    }
    .help {
        color: $text-muted;
    }
    .help.warn {
        color: $warning;
    }
    TextArea.many {
        height: 4;
    }
    TextArea.narrative {
        height: 4;
    }
    .msg {
        color: $success;
        height: auto;
    }
    .msg.-bad {
        color: $error;
    }
    .hint {
        color: $text-muted;
        margin: 1 0;
    }
    """

    def __init__(self, state: WizardState, catalog: Catalog) -> None:
        super().__init__(id="step-evidence")
        self.state = state
        self.catalog = catalog
        self.built_for: tuple[str, str, str] | None = None
        self.same_problem: dict[str, list[str]] = {}
        """Slot key -> warnings about logged cases on the same problem (``show_same_problem``)."""

    def compose(self) -> ComposeResult:
        yield PastePanel()
        yield Vertical(id="ev-fields")

    @property
    def case_type(self) -> CaseType | None:
        ct = self.state.case_type
        return self.catalog.get(ct) if ct and ct in self.catalog else None

    @property
    def paste(self) -> PastePanel:
        return self.query_one(PastePanel)

    def relabel(self) -> None:
        """Re-label in the current language; the fields are rebuilt when the step is shown
        next (at once when it is the current step: the wizard shows it again)."""
        self.paste.relabel()
        self.built_for = None

    def build(self) -> None:
        """(Re)build the fields from the state when the case type, marketplace or language
        changed. A rebuild removes the old fields before mounting the new ones (which reuse
        their ids), then posts ``FieldsRebuilt``."""
        built = (self.state.case_type, self.state.marketplace, get_language())
        if built == self.built_for:
            return
        self.built_for = built
        box = self.query_one("#ev-fields", Vertical)
        ct = self.case_type
        widgets = field_widgets(ct, self.state) if ct is not None else [Static(t("wz.type.need"))]
        if box.children:
            self._rebuild(box, widgets)
            return
        box.mount_all(widgets)
        self.call_after_refresh(self._check_all)

    @work(exclusive=True, group="evidence-fields")
    async def _rebuild(self, box: Vertical, widgets: list[Widget]) -> None:
        await box.remove_children()
        await box.mount_all(widgets)
        self._check_all()
        self.post_message(FieldsRebuilt())

    # ------------------------------------------------------------------ focus
    def has_values(self) -> bool:
        """Whether anything was entered on this step yet (a resumed draft, or back from later)."""
        s = self.state
        lists = [*s.evidence.values(), *s.attachments.values()]
        return (
            any(v.strip() for vs in lists for v in vs)
            or any(v.strip() for v in (*s.facts.values(), *s.narrative.values()))
            or any(not is_blank(line) for line in s.items)
        )

    def focus_target(self) -> Widget:
        """The paste box for a new case; otherwise the first empty required field (or the box)."""
        box = self.paste.box
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

    # ------------------------------------------------------------------ checking
    def _check_all(self) -> None:
        ct = self.case_type
        if ct is None:
            return
        for slot in ct.evidence:
            self._check_slot(ct, slot)
        self._follow_items()
        for spec in ct.facts:
            if not spec.computed and spec.type not in ("choice", "bool"):
                self._check_fact(spec)

    def _set_msg(self, wid: str, lines: list[str], bad: bool, warn: Sequence[str] = ()) -> None:
        try:
            msg = self.query_one(f"#msg-{wid}", Static)
        except Exception:  # noqa: BLE001 - the fields are being rebuilt
            return
        text = Text("\n".join(lines))
        for line in warn:
            text.append(("\n" if text else "") + "⚠ " + line, style="bold yellow")
        msg.update(text)
        msg.set_class(bad, "-bad")

    def _check_slot(self, ct: CaseType, slot: EvidenceSlot) -> None:
        lines, bad = slot_messages(ct, slot, self.state)
        wid = f"att-{slot.key}" if slot.is_attachment else f"slot-{slot.key}"
        held = locked_slots(ct, self.state).get(slot.key)
        if held is not None:  # given in the item lines
            lines = [t("wz.items.in_lines", values=", ".join(held)) if held else t("wz.items.use_lines")]  # fmt: skip
        self._set_msg(wid, lines, bad, self.same_problem.get(slot.key, []))

    @on(ItemsChanged)
    def _follow_items(self, event: ItemsChanged | None = None) -> None:
        """The item lines changed: show the fields they took values from (``slots``); those
        whose identifiers the lines carry are read-only while lines hold them."""
        ct = self.case_type
        locked = locked_slots(ct, self.state)
        for key in event.slots if event else []:
            self._show_values(key)
        for key in covered(ct).values():
            for widget in self.query(f"#slot-{key}"):
                widget.disabled = key in locked
            if ct is not None and (slot := ct.slot(key)) is not None:
                self._check_slot(ct, slot)

    def _lines_follow(self, *, pasted: bool = False) -> None:
        """The item lines follow the fields (lines read from them, the total, pasted lines)."""
        for editor in self.query(ItemsEditor):
            editor.follow_fields(lines_changed=pasted)

    def show_same_problem(
        self, found: list[DuplicateCase], typed: dict[str, list[tuple[str, str]]]
    ) -> None:
        """Warn under each identifier field whose value a logged case on the same problem
        shares (``found``; ``typed``: each slot's identifiers as (kind, normalized))."""
        lines: dict[str, list[str]] = {}
        for editor in self.query(ItemsEditor):
            editor.show_same_problem(found, typed.get("items", []))
        for case in found:
            shared = set(case.matched)
            for key, pairs in typed.items():
                if shared & set(pairs):
                    lines.setdefault(key, []).append(duplicate_line(case))
        if lines == self.same_problem:
            return
        changed = set(lines) | set(self.same_problem)
        self.same_problem = lines
        ct = self.case_type
        for key in changed:
            slot = ct.slot(key) if ct is not None else None
            if ct is not None and slot is not None:
                self._check_slot(ct, slot)

    def _check_fact(self, spec: FactSpec) -> None:
        raw = self.state.facts.get(spec.key, "")
        market, as_of = self.state.marketplace, self.state.as_of()
        verdict = check_fact_value(spec, raw, market, as_of) if raw.strip() else None
        message = [verdict.message] if verdict and verdict.message else []
        self._set_msg(f"fact-{spec.key}", message, bool(verdict and verdict.status == "invalid"))

    # ------------------------------------------------------------------ edits
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._store(event.input.id or "", event.value)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        wid = event.text_area.id or ""
        if wid != "paste":
            self._store(wid, event.text_area.text)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        value = event.value if isinstance(event.value, str) else ""
        self._store(event.select.id or "", value)

    def _store(self, wid: str, text: str) -> None:
        ct = self.case_type
        if ct is None or "-" not in wid:
            return
        prefix, key = wid.split("-", 1)
        if prefix == "slot" and (slot := ct.slot(key)) is not None:
            values = split_lines(text) if repeatable(slot) else ([text] if text.strip() else [])
            if values == self.state.evidence.get(key, []):
                return
            self.state.evidence[key] = values
            self._check_slot(ct, slot)
            self._lines_follow()
        elif prefix == "att" and (slot := ct.slot(key)) is not None:
            values = split_lines(text) if repeatable(slot) else ([text] if text.strip() else [])
            values = [attachment_path(v) for v in values]  # resolved once, stored absolute
            if values == self.state.attachments.get(key, []):
                return
            self.state.attachments[key] = values
            self._check_slot(ct, slot)
        elif prefix == "fact" and (spec := ct.fact(key)) is not None:
            if self.state.facts.get(key, "") == text:
                return
            self.state.facts[key] = text
            if spec.type not in ("choice", "bool"):
                self._check_fact(spec)
            if ct.items is not None and key in ct.items.facts.values():
                self._lines_follow()
        elif prefix == "nar":
            if self.state.narrative.get(key, "") == text:
                return
            self.state.narrative[key] = text
        else:
            return
        self.post_message(Edited(wid))

    # ------------------------------------------------------------------ the paste box
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
        self.paste.append(text)
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

    def run_extract(self, *, again: bool = False) -> list[str]:
        """Fill empty identifier slots and facts from the paste box and show them; the slot
        keys filled."""
        ct = self.case_type
        added, facts = self.paste.extract(ct, self.state, again=again)
        for key in added:
            self._show_values(key)
            slot = ct.slot(key) if ct is not None else None
            if ct is not None and slot is not None:
                self._check_slot(ct, slot)
        self._show_facts(facts)
        self._lines_follow(pasted=True)
        self._follow_items()
        if added or facts:
            self.post_message(Edited("extract"))
        return added

    def _show_facts(self, keys: list[str]) -> None:
        """Show facts the paste box put in the state in their fields, and check them."""
        ct = self.case_type
        for key in keys:
            for widget in self.query(f"#fact-{key}"):
                if isinstance(widget, Input):
                    widget.value = self.state.facts.get(key, "")
            spec = ct.fact(key) if ct is not None else None
            if spec is not None:
                self._check_fact(spec)

    @on(Button.Pressed, "#use-pasted")
    def _use_pasted(self) -> None:
        keys = self.paste.use_pasted(self.case_type, self.state)
        self._show_facts(keys)
        if keys:
            self.post_message(Edited("extract"))

    def _show_values(self, key: str) -> None:
        values = self.state.evidence.get(key, [])
        for widget in self.query(f"#slot-{key}"):
            if isinstance(widget, Input):
                widget.value = values[0] if values else ""
            elif isinstance(widget, TextArea):
                widget.text = "\n".join(values)

    @on(Button.Pressed, "#extract")
    def _extract_pressed(self) -> None:
        self.extract_pressed()

    @on(PasteBox.Pasted)
    def _box_pasted(self) -> None:
        self.run_extract()

    @on(FreeTextPasted)
    def _free_text_pasted(self, event: FreeTextPasted) -> None:
        self.absorb(event.field, event.text, clear=False)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if self.is_attached and event.widget.is_attached:
            self.absorb_field(event.widget)
