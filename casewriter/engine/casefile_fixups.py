"""Forgiving reading of hand-written case files: the common slips a person makes when writing a
draft without reading the case type first, each fixed with a note shown back as a warning.

- an identifier written under ``[facts]`` (``facts.order_id``) moves to ``[evidence]``, and a
  fact written under ``[evidence]`` moves to ``[facts]``;
- plural and spelled-out slot names (``fnskus``, ``tracking_number``, ``photo``) and a slot
  named by its kind (``tracking`` for ``return_tracking``) resolve to the case type's slot;
- a few fact synonyms (``delivery_date`` for ``delivered_date``), and a choice written close to
  one of its choices (``response`` for ``respond``, ``damaged`` for ``item returned damaged``);
- section aliases (``[identifiers]`` for ``[evidence]``) and a marketplace written as its
  storefront (``amazon.co.uk``);
- an attachment without a slot goes to the slot its file type fits; an attachment on a case
  type that takes none keeps its slot so the checklist can warn about it.

Anything still unknown stays an error (casefile.py) with a did-you-mean, so typos are caught.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from casewriter.engine.attachments import is_image
from casewriter.engine.models import ATTACHMENT_KINDS, CaseType
from casewriter.identifiers import TRACKING_KINDS
from casewriter.marketplaces import find as find_marketplace

TOP_ALIASES = {
    "identifiers": "evidence",
    "ids": "evidence",
    "fact": "facts",
    "type": "case_type",
    "case": "case_type",
    "market": "marketplace",
    "attachment": "attachments",
    "item": "items",
}
#: keys that describe the file rather than the case; read past with a note
IGNORED_TOP = ("title", "name", "description", "notes", "note", "comment", "comments", "scenario")
FACT_SYNONYMS = {
    "delivery_date": ("delivered_date",),
    "date_delivered": ("delivered_date",),
    "shipped_date": ("ship_date",),
    "ship_date": ("shipped_date",),
    "refunded_date": ("refund_date",),
    "charge_date": ("fee_date",),
    "fee_date": ("charge_date",),
}
_SUFFIXES = ("_numbers", "_number", "_nos", "_no", "_ids", "s")


def _variants(key: str) -> list[str]:
    k = re.sub(r"[\s\-]+", "_", key.strip().lower())
    out = [k, f"{k}s"]
    for suffix in _SUFFIXES:
        if k.endswith(suffix) and len(k) > len(suffix) + 1:
            stem = k[: -len(suffix)]
            out += [stem, f"{stem}s", f"{stem}_id"] if suffix in ("_ids",) else [stem, f"{stem}s"]
    return list(dict.fromkeys(out))


def resolve_slot(key: str, ct: CaseType) -> str | None:
    """The case type's slot this key means, or None."""
    slots = {s.key: s for s in ct.evidence}
    for v in _variants(key):
        if v in slots:
            return v
    for v in _variants(key):  # named by kind: exactly one slot of that kind
        kinds = TRACKING_KINDS if v in TRACKING_KINDS or v.startswith("tracking") else (v,)
        match = [s.key for s in ct.evidence if s.kind in kinds]
        if len(match) == 1:
            return match[0]
    return None


def resolve_fact(key: str, ct: CaseType) -> str | None:
    """The case type's fact this key means (``units`` → ``units_lost`` when that is the only
    ``units_…`` fact), or None."""
    facts = [f.key for f in ct.facts if not f.computed]
    for v in _variants(key):
        if v in facts:
            return v
        for alt in FACT_SYNONYMS.get(v, ()):
            if alt in facts:
                return alt
    k = _variants(key)[0]
    part = [f for f in facts if f.startswith(f"{k}_") or f.endswith(f"_{k}")]
    return part[0] if len(part) == 1 else None


def _merge(target: dict[str, Any], key: str, value: Any) -> None:
    if key not in target:
        target[key] = value
        return
    old = target[key] if isinstance(target[key], list) else [target[key]]
    new = value if isinstance(value, list) else [value]
    target[key] = old + [v for v in new if v not in old]


def fix_top(data: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    """Section aliases and descriptive keys; the marketplace as a storefront name."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in IGNORED_TOP:
            notes.append(f"Case file key {key!r} describes the file; it was not used.")
            continue
        real = TOP_ALIASES.get(key, key)
        if real != key and real not in data:
            notes.append(f"Case file section {key!r} read as {real!r}.")
            key = real
        out[key] = value
    if isinstance(out.get("marketplace"), str):  # a storefront name or domain: its code
        out["marketplace"] = find_marketplace(out["marketplace"]) or out["marketplace"]
    return out


def fix_sections(data: dict[str, Any], ct: CaseType, notes: list[str]) -> None:
    """Move misplaced identifiers and facts to their section, resolve slot and fact aliases
    (in place). Keys that resolve to nothing are left for casefile.py to report."""
    facts = dict(data.get("facts") or {})
    evidence = dict(data.get("evidence") or {})
    fact_keys = {f.key for f in ct.facts}
    slot_keys = {s.key for s in ct.evidence}
    new_facts: dict[str, Any] = {}
    new_ev: dict[str, Any] = {}
    for key, value in evidence.items():
        if key in slot_keys:
            _merge(new_ev, key, value)
        elif (slot := resolve_slot(key, ct)) is not None:
            notes.append(f"evidence.{key} read as evidence.{slot}.")
            _merge(new_ev, slot, value)
        elif (fact := resolve_fact(key, ct)) is not None:
            notes.append(f"evidence.{key} is a fact; read as facts.{fact}.")
            new_facts.setdefault(fact, value)
        else:
            _merge(new_ev, key, value)
    for key, value in facts.items():
        if key in fact_keys:
            new_facts.setdefault(key, value)
        elif (fact := resolve_fact(key, ct)) is not None:
            notes.append(f"facts.{key} read as facts.{fact}.")
            new_facts.setdefault(fact, value)
        elif (slot := resolve_slot(key, ct)) is not None and not isinstance(value, bool):
            notes.append(f"facts.{key} is evidence; read as evidence.{slot}.")
            _merge(new_ev, slot, value)
        else:
            new_facts.setdefault(key, value)
    if "facts" in data or new_facts:
        data["facts"] = new_facts
    if "evidence" in data or new_ev:
        data["evidence"] = new_ev


def fix_attachments(data: dict[str, Any], ct: CaseType, notes: list[str]) -> None:
    """Give a slot-less attachment the slot its file type fits; resolve slot aliases."""
    atts = data.get("attachments")
    if isinstance(atts, dict):  # a single [attachments] table
        atts = data["attachments"] = [atts]
    if not isinstance(atts, list):
        return
    file_slots = [s for s in ct.evidence if s.kind in ATTACHMENT_KINDS]
    slot_keys = {s.key for s in ct.evidence}
    for i, att in enumerate(atts):
        if isinstance(att, str):
            att = atts[i] = {"path": att}
        if not isinstance(att, dict) or not isinstance(att.get("path"), str):
            continue
        slot = att.get("slot")
        if slot is None:
            photos = [s for s in file_slots if s.kind == "photo"]
            required = [s for s in file_slots if s.required and s.kind != "photo"]
            pick = (photos if is_image(att["path"]) else []) or required or file_slots
            att["slot"] = pick[0].key if pick else "attachment"
            notes.append(f"attachments.{i}: no slot given; filed under {att['slot']!r}.")
        elif isinstance(slot, str) and slot not in slot_keys and ct.attachments.allowed:
            real = resolve_slot(slot, ct)
            if real is not None:
                att["slot"] = real
                notes.append(f"attachments.{i}.slot {slot!r} read as {real!r}.")


def attachment_slot_ok(slot: str, ct: CaseType) -> bool:
    """An unknown attachment slot is an error unless the case type takes no attachments (the
    checklist then warns that the box takes none)."""
    return slot in {s.key for s in ct.evidence} or not ct.attachments.allowed


def _choice(value: str, choices: list[str]) -> str | None:
    text = " ".join(value.lower().replace("_", " ").replace("-", " ").split())
    lowered = {c.lower(): c for c in choices}
    if text in lowered:
        return lowered[text]
    initials = [
        c for c in choices if text == "".join(w[0] for w in re.split(r"[\s-]+", c.lower()) if w)
    ]
    if len(initials) == 1:  # ODR, LSR, VTR
        return initials[0]
    holding = [c for c in choices if text and (text in c.lower() or c.lower() in text)]
    if len(holding) == 1:
        return holding[0]
    close = difflib.get_close_matches(text, list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def fix_choices(data: dict[str, Any], ct: CaseType, notes: list[str]) -> None:
    """A choice fact written close to one of its choices takes that choice (in place)."""
    facts = data.get("facts")
    if not isinstance(facts, dict):
        return
    for spec in ct.facts:
        value = facts.get(spec.key)
        if spec.type != "choice" or not isinstance(value, str) or value in spec.choices:
            continue
        real = _choice(value, spec.choices)
        if real is not None and real.lower() != value.strip().lower():
            facts[spec.key] = real
            notes.append(f"facts.{spec.key} {value!r} read as {real!r}.")
