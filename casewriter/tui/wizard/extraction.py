"""Paste box logic: read pasted text (``casewriter.engine.read_message``: identifiers,
quantities, dates, carriers, amounts) and decide which empty evidence slots the identifiers go
into (``fill_slots``) and which facts the rest fills (``fill_facts``: the facts
``casewriter.engine.plan_message`` names). A value the user typed is never overwritten: a valid
one is kept (and said), an invalid one is left for the user to swap for the pasted value
(``offered``). Pure (no textual).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from casewriter.errors import UsageError
from casewriter.identifiers import TRACKING_KINDS, Found, extract
from casewriter.tui.wizard.state import convert_fact

if TYPE_CHECKING:
    from casewriter.engine import FactSpec, Fill, Left, MessageFacts


@dataclass(frozen=True)
class SlotSpec:
    """What extraction needs to know about a slot."""

    key: str
    kind: str
    max: int = 1
    """0 = unlimited."""


@dataclass
class Filled:
    """The outcome: values added per slot, and identifiers that found no empty slot."""

    added: dict[str, list[str]] = field(default_factory=dict)
    unused: list[tuple[str, str]] = field(default_factory=list)


def slot_accepts(slot_kind: str, found_kind: str) -> bool:
    """Whether an identifier of ``found_kind`` belongs in a slot of ``slot_kind``."""
    if slot_kind == found_kind:
        return True
    if slot_kind == "tracking":
        return found_kind in TRACKING_KINDS
    if slot_kind == "asin" and found_kind == "isbn10":
        return True
    return False


def fill_slots(
    slots: Iterable[SlotSpec], evidence: dict[str, list[str]], found: Iterable[Found]
) -> Filled:
    """Put each valid or unverified identifier in the first matching slot that is empty (or,
    for a repeatable slot, was empty before this paste and still has room). ``evidence`` is
    updated in place."""
    slot_list = list(slots)
    result = Filled()
    open_slots = {s.key for s in slot_list if not [v for v in evidence.get(s.key, []) if v.strip()]}
    seen: set[tuple[str, str]] = set()
    for item in found:
        kind, value, status = item.kind, item.value, item.status
        if (kind, value) in seen or status == "invalid":
            continue
        seen.add((kind, value))
        placed = any(
            slot_accepts(s.kind, kind) and value in evidence.get(s.key, []) for s in slot_list
        )
        for slot in [] if placed else slot_list:
            if slot.key not in open_slots or not slot_accepts(slot.kind, kind):
                continue
            current = [v for v in evidence.get(slot.key, []) if v.strip()]
            if value in current:
                placed = True
                break
            if slot.max and len(current) >= slot.max:
                continue
            evidence[slot.key] = [*current, value]
            result.added.setdefault(slot.key, []).append(value)
            placed = True
            break
        if not placed:
            result.unused.append((kind, value))
    return result


def is_free_text(text: str) -> bool:
    """Whether ``text`` is a pasted message rather than identifiers typed one per line: some
    line holds identifiers that ``extract`` finds among other words (spaces, Chinese, a second
    identifier). A line that is exactly one identifier, or holds none, is not free text."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        found = [f for f in extract(stripped) if f.status != "invalid"]
        if not found:
            continue
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
            continue
        return True
    return False


@dataclass
class FactsFilled:
    """What a paste did to the facts: filled (empty fields), kept (the user's own valid value,
    the message saying another), offered (the user's value does not parse: the pasted one is
    offered, never put in by itself) and left (``Left``: why nothing was filled)."""

    filled: list[Fill] = field(default_factory=list)
    kept: list[tuple[Fill, str]] = field(default_factory=list)
    offered: list[tuple[Fill, str]] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)


def _same(spec: FactSpec, typed: str, pasted: str, marketplace: str, as_of: date) -> bool:
    ours = convert_fact(spec, typed, marketplace, as_of)[0]
    theirs = convert_fact(spec, pasted, marketplace, as_of)[0]
    if isinstance(ours, str) and isinstance(theirs, str):
        return ours.casefold() == theirs.casefold()
    return ours == theirs


def fill_facts(
    specs: Iterable[FactSpec],
    facts: dict[str, str],
    found: MessageFacts,
    marketplace: str,
    as_of: date,
) -> FactsFilled:
    """Put what ``found`` says into the empty ones of ``facts`` (fact key -> text as typed,
    updated in place), read as ``marketplace`` writes them on ``as_of``."""
    from casewriter.engine import plan_message
    from casewriter.marketplaces import get

    shown = {s.key: s for s in specs if not s.computed}
    try:
        currency = get(marketplace or "US").currency
    except UsageError:
        currency = get("US").currency
    fills, left = plan_message(shown.values(), found, currency)
    out = FactsFilled(left=left)
    for fill in fills:
        spec = shown[fill.fact]
        typed = facts.get(fill.fact, "")
        if not typed.strip():
            facts[fill.fact] = fill.value
            out.filled.append(fill)
            continue
        try:
            if not _same(spec, typed, fill.value, marketplace, as_of):
                out.kept.append((fill, typed))
        except UsageError:
            out.offered.append((fill, typed))
    return out
