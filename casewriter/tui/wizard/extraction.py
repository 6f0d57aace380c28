"""Paste box logic: run ``casewriter.identifiers.extract`` on pasted text and decide which
empty evidence slots the identifiers found go into. Pure (no textual).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from casewriter.identifiers import TRACKING_KINDS, Found, extract


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
