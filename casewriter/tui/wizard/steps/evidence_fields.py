"""The fields of the evidence step, built from a case type and the wizard's state: one per
evidence slot (required ones marked ``*``; repeatable slots take one value per line; identifier
fields route a pasted message to the paste box), the item lines (``ItemsEditor``, after the
fields whose identifiers the lines also carry), one per fact (a choice or yes/no is a
``Select``) and the narrative, each with its label, help line and message line
(``#msg-<field id>``). Field ids are ``slot-<key>``, ``att-<key>``, ``fact-<key>`` and
``nar-<key>``. Building only: the step handles the edits and checks.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Select

from casewriter.engine import CaseType, EvidenceSlot, FactSpec
from casewriter.identifiers import KINDS
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Label, Static, TextArea, plain
from casewriter.tui.widgets.choice import OneLineSelect
from casewriter.tui.wizard.item_sync import covered
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps.items_editor import ItemsEditor
from casewriter.tui.wizard.steps.paste_box import SlotArea, SlotInput
from casewriter.tui.wizard.validators import FactValidator, SlotValidator

NARRATIVE = (
    ("what_happened", "wz.ev.what_happened"),
    ("request", "wz.ev.request"),
    ("checked", "wz.ev.checked"),
)


def repeatable(slot: EvidenceSlot) -> bool:
    """Whether a slot takes several values (one per line)."""
    return slot.max != 1


def field_widgets(ct: CaseType, state: WizardState) -> list[Widget]:
    """Every field of the step for ``ct``, filled from ``state``."""
    widgets: list[Widget] = [Label(t("wz.ev.evidence"), classes="section")]
    shared = set(covered(ct).values())
    last = max((n for n, s in enumerate(ct.evidence) if s.key in shared), default=-1)
    for n, slot in enumerate(ct.evidence):
        widgets += _slot_widgets(ct, slot, state)
        if n == last:
            widgets.append(ItemsEditor(ct, state))
    if ct.items is not None and last < 0:
        widgets.append(ItemsEditor(ct, state))
    facts = [f for f in ct.facts if not f.computed]
    if facts:
        widgets.append(Label(t("wz.ev.facts"), classes="section"))
        from_lines = {v: k for k, v in ct.items.facts.items()} if ct.items else {}
        for spec in facts:
            widgets += _fact_widgets(spec, state, from_lines.get(spec.key, ""))
    widgets.append(Label(t("wz.ev.narrative"), classes="section"))
    for key, label in NARRATIVE:
        widgets.append(Label(t(label), classes="field-label"))
        widgets.append(
            TextArea(
                state.narrative.get(key, ""),
                id=f"nar-{key}",
                soft_wrap=True,
                classes="narrative",
            )
        )
    widgets.append(Static(t("wz.ev.required"), classes="hint"))
    return widgets


def _label(text: str, required: bool, many: bool, hint: str = "") -> list[Widget]:
    extra = [t("wz.ev.one_per_line")] if many else []
    if hint:
        extra.append(hint)
    suffix = t("wz.ev.label_extra", extra=t("list.semicolon").join(extra)) if extra else ""
    return [Label(f"{text}{' *' if required else ''}{suffix}", classes="field-label")]


def _help(text: str) -> list[Widget]:
    return [Static(text, classes="help")] if text else []


def _slot_widgets(ct: CaseType, slot: EvidenceSlot, state: WizardState) -> list[Widget]:
    lang = get_language()
    many = repeatable(slot)
    if slot.is_attachment:
        hint = t("wz.ev.path_hint", types=", ".join(ct.attachments.accepted))
        values = state.attachments.get(slot.key, [])
        wid = f"att-{slot.key}"
    else:
        hint = ""
        values = state.evidence.get(slot.key, [])
        wid = f"slot-{slot.key}"
    out = _label(slot.label.get(lang), slot.required, many, hint)
    out += _help(slot.help.get(lang))
    if slot.is_attachment and not ct.attachments.allowed:
        out.append(Static(t("wz.ev.no_attach"), classes="help warn"))
    ident = not slot.is_attachment and slot.kind in KINDS
    if many:
        area = SlotArea if ident else TextArea
        out.append(area("\n".join(values), id=wid, soft_wrap=False, classes="many"))
    else:
        validators = (
            [] if slot.is_attachment else [SlotValidator(slot, state.marketplace, state.as_of())]
        )
        field = SlotInput if ident else Input
        value = values[0] if values else ""
        out.append(field(value, id=wid, validators=validators, valid_empty=True))
    out.append(Static("", id=f"msg-{wid}", classes="msg"))
    return out


def _fact_widgets(spec: FactSpec, state: WizardState, item_field: str = "") -> list[Widget]:
    """A fact's label, help, field and message line; ``item_field``: the item field that
    stands for it (the lines' total or earliest date), said in its help."""
    lang = get_language()
    out = _label(spec.label.get(lang), spec.required, False)
    out += _help(spec.help.get(lang))
    if item_field in ("quantity", "date"):
        out += _help(t("wz.items.fact_hint" if item_field == "quantity" else "wz.items.date_hint"))
    raw = state.facts.get(spec.key, "")
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
        out.append(OneLineSelect(shown, value=current, id=wid, prompt=t("wz.ev.choose")))
    else:
        out.append(
            Input(
                raw,
                id=wid,
                validators=[FactValidator(spec, state.marketplace, state.as_of())],
                valid_empty=True,
            )
        )
    out.append(Static("", id=f"msg-{wid}", classes="msg"))
    return out
