"""Item lines and the evidence fields they share identifiers with (the FNSKU, ASIN, SKU, LPN and
Reference ID slots of a case type with an ``[items]`` spec, ``covered``).

A draft without item lines (one from before item lines existed: ``fnsku = [...]`` plus a total;
or products typed, or pasted, into the FNSKU field) is read by the engine as lines without a
quantity each (one line per product; a single line takes the total): ``derived_lines`` shows
exactly those (``casewriter.engine.derived_item_lines``). The first change to them makes them the
draft's own item lines (``adopt``): the values they took leave their fields, so nothing is said
twice. Once a case has item lines, identifiers pasted for those fields go into the lines
(``paste_into_lines``): the first line without a product, else a new line; a single pasted
product takes the quantity the message gives for the lines' total. Pure (no textual).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casewriter.errors import UsageError
from casewriter.tui.wizard.item_lines import ID_FIELDS, PRODUCT_FIELDS, Line, line_text, line_texts
from casewriter.tui.wizard.state import WizardState, convert_fact

if TYPE_CHECKING:
    from casewriter.engine import CaseType, Fill


def covered(ct: CaseType | None) -> dict[str, str]:
    """Item field -> the evidence slot its identifiers also fill (the engine's rule)."""
    if ct is None or ct.items is None:
        return {}
    from casewriter.engine import item_slot

    out: dict[str, str] = {}
    for name in ct.items.fields:
        slot = item_slot(ct, name) if name in ID_FIELDS else None
        if slot is not None:
            out[name] = slot
    return out


def derived_lines(ct: CaseType | None, state: WizardState) -> list[Line]:
    """The lines the engine reads from a draft without item lines (empty when it has some)."""
    if ct is None or ct.items is None or state.items:
        return []
    from casewriter.engine import Draft, derived_item_lines

    as_of = state.as_of()
    facts = {}
    for key in ct.items.facts.values():
        spec, raw = ct.fact(key), state.facts.get(key, "")
        if spec is not None and raw.strip():
            try:
                facts[key] = convert_fact(spec, raw, state.marketplace, as_of)[0]
            except UsageError:
                continue
    evidence = {k: [v.strip() for v in vs if v.strip()] for k, vs in state.evidence.items()}
    data = {"case_type": ct.id, "marketplace": state.marketplace, "facts": facts,
            "evidence": {k: v for k, v in evidence.items() if v}}  # fmt: skip
    draft = Draft.model_validate(data)
    lines = derived_item_lines(ct, ct.items, draft, draft.facts)
    return line_texts([line.given() for line in lines])


def adopt(ct: CaseType, state: WizardState, lines: list[Line]) -> list[str]:
    """Make ``lines`` (the derived ones) the draft's item lines; the values they took leave
    their evidence slots. Returns the slot keys changed."""
    slots = covered(ct)
    changed: list[str] = []
    for line in lines:
        for name, value in line.items():
            slot = slots.get(name)
            values = state.evidence.get(slot, []) if slot else []
            kept = [v for v in values if v.strip() != value.strip()]
            if slot is not None and kept != values:
                state.evidence[slot] = kept
                changed += [] if slot in changed else [slot]
    state.items = [dict(line) for line in lines]
    return changed


@dataclass
class Pasted:
    """What a paste put into the item lines: ``1: X003KQ7ZP1 × 12`` per line touched."""

    lines: list[str] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)
    """Slots whose pasted values went into lines instead."""
    facts: list[str] = field(default_factory=list)
    """Facts whose pasted value went into a line instead (the lines' total)."""


def _target(lines: list[Line], name: str, value: str) -> int:
    """The line a pasted identifier goes to: the line holding it, else the first line without
    this field (without a product, for a product), else a new one."""
    for n, line in enumerate(lines):
        if line.get(name, "").strip() == value:
            return n
    for n, line in enumerate(lines):
        if name in PRODUCT_FIELDS and not any(line.get(p, "").strip() for p in PRODUCT_FIELDS):
            return n
        if name not in PRODUCT_FIELDS and not line.get(name, "").strip():
            return n
    lines.append({})
    return len(lines) - 1


def paste_into_lines(
    ct: CaseType | None, state: WizardState, added: dict[str, list[str]], filled: list[Fill]
) -> Pasted:
    """Move what a paste put into the slots the item lines cover into the lines (only once the
    case has item lines: before that the slots are read as lines). ``added`` (slot -> values)
    and ``filled`` (the facts filled) lose what was moved."""
    out = Pasted()
    slots = covered(ct)
    if ct is None or ct.items is None or not state.items or not slots:
        return out
    touched: list[int] = []
    products = 0
    for name, slot in slots.items():
        for value in list(added.get(slot, [])):
            n = _target(state.items, name, value)
            state.items[n][name] = value
            touched += [] if n in touched else [n]
            products += name in PRODUCT_FIELDS
            added[slot].remove(value)
            state.evidence[slot] = [v for v in state.evidence.get(slot, []) if v != value]
            out.slots += [] if slot in out.slots else [slot]
        if slot in added and not added[slot]:
            del added[slot]
    total = ct.items.facts.get("quantity")
    fill = next((f for f in filled if total and f.fact == total), None)
    if fill is not None and products == 1 and len(touched) == 1:
        line = state.items[touched[0]]
        if not line.get("quantity", "").strip():
            line["quantity"] = fill.value
            state.facts[fill.fact] = ""
            filled.remove(fill)
            out.facts.append(fill.fact)
    out.lines = [f"{n + 1}: {line_text(state.items[n])}" for n in touched]
    return out


def locked_slots(ct: CaseType | None, state: WizardState) -> dict[str, list[str]]:
    """The evidence fields the item lines stand in for once the case has lines (the empty ones
    whose identifiers the lines carry): slot -> the lines' values for it. Such a field is
    read-only: its identifiers are given in the lines."""
    lines = [line for line in state.items if any(v.strip() for v in line.values())]
    if not lines:
        return {}
    out: dict[str, list[str]] = {}
    for name, slot in covered(ct).items():
        if not any(v.strip() for v in state.evidence.get(slot, [])):
            values = [line[name].strip() for line in lines if line.get(name, "").strip()]
            out[slot] = list(dict.fromkeys(out.get(slot, []) + values))
    return out
