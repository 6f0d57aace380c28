"""Step 2: facts and evidence. Fields are built from the case type's evidence slots and facts
(required ones marked ``*``; repeatable slots take one value per line), each checked as the
user types through the core modules; a paste box fills empty identifier slots from pasted
text; attachment paths are checked for existence, type and size; the narrative comes last.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Select

from casewriter.engine import CaseType, Catalog, EvidenceSlot, FactSpec
from casewriter.identifiers import KINDS
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Label, Static, TextArea, plain
from casewriter.tui.services import Services
from casewriter.tui.wizard.state import WizardState, attachment_path, split_lines
from casewriter.tui.wizard.steps import Edited
from casewriter.tui.wizard.steps.paste_box import (
    FreeTextPasted,
    PasteBox,
    PasteBoxMixin,
    SlotArea,
    SlotInput,
)
from casewriter.tui.wizard.validators import (
    FactValidator,
    SlotValidator,
    check_attachment,
    check_fact_value,
    check_slot_value,
)

NARRATIVE = (
    ("what_happened", "wz.ev.what_happened"),
    ("request", "wz.ev.request"),
    ("checked", "wz.ev.checked"),
)


LONG_TEXT = ("cause", "action", "measure", "detail", "issue", "explanation", "summary", "plan")


def _repeatable(slot: EvidenceSlot) -> bool:
    return slot.max != 1


class EvidenceStep(PasteBoxMixin):
    """Paste box, evidence slots, facts, attachments and narrative."""

    def __init__(self, state: WizardState, services: Services, catalog: Catalog) -> None:
        super().__init__(id="step-evidence")
        self.state = state
        self.services = services
        self.catalog = catalog
        self.built_for: tuple[str, str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label(t("wz.ev.paste"), id="lbl-paste")
        yield PasteBox(id="paste", soft_wrap=True)
        with Horizontal(id="paste-row"):
            yield Button(t("wz.extract"), id="extract")
            yield Static(id="extract-result")
        yield Vertical(id="ev-fields")

    @property
    def case_type(self) -> CaseType | None:
        ct = self.state.case_type
        return self.catalog.get(ct) if ct and ct in self.catalog else None

    def refresh_language(self) -> None:
        self.query_one("#lbl-paste", Label).update(t("wz.ev.paste"))
        self.query_one("#extract", Button).label = t("wz.extract")
        self.built_for = None
        self.build()

    # ------------------------------------------------------------------ building
    def build(self) -> None:
        """(Re)build the fields from the state when the case type or marketplace changed."""
        built = (self.state.case_type, self.state.marketplace, get_language())
        if built == self.built_for:
            return
        self.built_for = built
        box = self.query_one("#ev-fields", Vertical)
        box.remove_children()
        ct = self.case_type
        if ct is None:
            box.mount(Static(t("wz.type.need")))
            return
        widgets: list[Widget] = [Label(t("wz.ev.evidence"), classes="section")]
        for slot in ct.evidence:
            widgets += self._slot_widgets(ct, slot)
        facts = [f for f in ct.facts if not f.computed]
        if facts:
            widgets.append(Label(t("wz.ev.facts"), classes="section"))
            for spec in facts:
                widgets += self._fact_widgets(spec)
        widgets.append(Label(t("wz.ev.narrative"), classes="section"))
        for key, label in NARRATIVE:
            widgets.append(Label(t(label), classes="field-label"))
            widgets.append(
                TextArea(
                    self.state.narrative.get(key, ""),
                    id=f"nar-{key}",
                    soft_wrap=True,
                    classes="narrative",
                )
            )
        widgets.append(Static(t("wz.ev.required"), classes="hint"))
        box.mount_all(widgets)
        self.call_after_refresh(self._check_all)

    def _label(self, text: str, required: bool, many: bool, hint: str = "") -> list[Widget]:
        extra = [t("wz.ev.one_per_line")] if many else []
        if hint:
            extra.append(hint)
        suffix = f" ({'; '.join(extra)})" if extra else ""
        return [Label(f"{text}{' *' if required else ''}{suffix}", classes="field-label")]

    def _help(self, text: str) -> list[Widget]:
        return [Static(text, classes="help")] if text else []

    def _slot_widgets(self, ct: CaseType, slot: EvidenceSlot) -> list[Widget]:
        lang = get_language()
        many = _repeatable(slot)
        if slot.is_attachment:
            hint = t("wz.ev.path_hint", types=", ".join(ct.attachments.accepted))
            values = self.state.attachments.get(slot.key, [])
            wid = f"att-{slot.key}"
        else:
            hint = ""
            values = self.state.evidence.get(slot.key, [])
            wid = f"slot-{slot.key}"
        out = self._label(slot.label.get(lang), slot.required, many, hint)
        out += self._help(slot.help.get(lang))
        if slot.is_attachment and not ct.attachments.allowed:
            out.append(Static(t("wz.ev.no_attach"), classes="help warn"))
        ident = not slot.is_attachment and slot.kind in KINDS
        if many:
            area = SlotArea if ident else TextArea
            out.append(area("\n".join(values), id=wid, soft_wrap=False, classes="many"))
        else:
            validators = [] if slot.is_attachment else [SlotValidator(slot, self.state.marketplace)]
            field = SlotInput if ident else Input
            value = values[0] if values else ""
            out.append(field(value, id=wid, validators=validators, valid_empty=True))
        out.append(Static("", id=f"msg-{wid}", classes="msg"))
        return out

    def _fact_widgets(self, spec: FactSpec) -> list[Widget]:
        lang = get_language()
        out = self._label(spec.label.get(lang), spec.required, False)
        out += self._help(spec.help.get(lang))
        raw = self.state.facts.get(spec.key, "")
        wid = f"fact-{spec.key}"
        if spec.type in ("choice", "bool"):
            options = (
                [(c, c) for c in spec.choices]
                if spec.type == "choice"
                else [(t("wz.ev.yes"), "true"), (t("wz.ev.no"), "false")]
            )
            values = [v for _, v in options]
            shown = [(plain(label), v) for label, v in options]  # a str option is markup
            current = raw if raw in values else Select.NULL
            if spec.type == "bool" and raw:
                current = "true" if raw.lower() in ("true", "yes", "1", "是") else "false"
            out.append(Select(shown, value=current, id=wid, prompt=t("wz.ev.choose")))
        else:
            out.append(
                Input(
                    raw,
                    id=wid,
                    validators=[FactValidator(spec, self.state.marketplace)],
                    valid_empty=True,
                )
            )
        out.append(Static("", id=f"msg-{wid}", classes="msg"))
        return out

    # ------------------------------------------------------------------ checking
    def _check_all(self) -> None:
        ct = self.case_type
        if ct is None:
            return
        for slot in ct.evidence:
            self._check_slot(ct, slot)
        for spec in ct.facts:
            if not spec.computed and spec.type not in ("choice", "bool"):
                self._check_fact(spec)

    def _set_msg(self, wid: str, lines: list[str], bad: bool) -> None:
        try:
            msg = self.query_one(f"#msg-{wid}", Static)
        except Exception:  # noqa: BLE001 - the fields are being rebuilt
            return
        msg.update("\n".join(lines))
        msg.set_class(bad, "-bad")

    def _check_slot(self, ct: CaseType, slot: EvidenceSlot) -> None:
        market = self.state.marketplace
        lines: list[str] = []
        bad = False
        if slot.is_attachment:
            values = [v for v in self.state.attachments.get(slot.key, []) if v.strip()]
            for v in values:
                verdict = check_attachment(ct, slot, v)
                lines.append(verdict.message)
                bad = bad or verdict.status == "invalid"
            wid = f"att-{slot.key}"
        else:
            values = [v for v in self.state.evidence.get(slot.key, []) if v.strip()]
            for v in values:
                verdict = check_slot_value(slot, v, market)
                if verdict.message:
                    lines.append(verdict.message)
                bad = bad or verdict.status == "invalid"
            wid = f"slot-{slot.key}"
        if slot.max and len(values) > slot.max:
            lines.append("✗ " + t("wz.ev.too_many", n=slot.max))
            bad = True
        self._set_msg(wid, lines, bad)

    def _check_fact(self, spec: FactSpec) -> None:
        raw = self.state.facts.get(spec.key, "")
        if not raw.strip():
            self._set_msg(f"fact-{spec.key}", [], False)
            return
        verdict = check_fact_value(spec, raw, self.state.marketplace)
        self._set_msg(
            f"fact-{spec.key}",
            [verdict.message] if verdict.message else [],
            verdict.status == "invalid",
        )

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
            values = split_lines(text) if _repeatable(slot) else ([text] if text.strip() else [])
            if values == self.state.evidence.get(key, []):
                return
            self.state.evidence[key] = values
            self._check_slot(ct, slot)
        elif prefix == "att" and (slot := ct.slot(key)) is not None:
            values = split_lines(text) if _repeatable(slot) else ([text] if text.strip() else [])
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
        elif prefix == "nar":
            if self.state.narrative.get(key, "") == text:
                return
            self.state.narrative[key] = text
        else:
            return
        self.post_message(Edited(wid))

    # ------------------------------------------------------------------ paste box
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
