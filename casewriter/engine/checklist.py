"""The evidence checklist and rule warnings: per slot ``provided`` / ``missing`` / ``invalid``
(with the reason) / ``unverified``, attachments checked for existence, type and size, and the
values templates may show (only valid or unverified ones: an invalid value is never a fact).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

from casewriter.engine.attachments import attachment_path, check_attachment, file_name_problem
from casewriter.engine.drafts import ChecklistItem, Draft
from casewriter.engine.models import CaseType, EvidenceSlot
from casewriter.engine.values import FactValue
from casewriter.errors import UsageError
from casewriter.identifiers import KINDS, check
from casewriter.marketplaces import Marketplace


@dataclass
class EvidenceResult:
    items: list[ChecklistItem] = field(default_factory=list)
    ev: dict[str, str] = field(default_factory=dict)
    evs: dict[str, list[str]] = field(default_factory=dict)
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    attachments: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """Nothing required missing, nothing provided invalid (``readiness`` says why not)."""
        return not any(
            i.status == "invalid" or (i.required and i.status == "missing") for i in self.items
        )


def check_identifier(value: str, kind: str) -> tuple[str, str | None, str | None, str | None]:
    """(status, normalized, reason, suggestion) from ``casewriter.identifiers.check``."""
    result = check(value, kind)
    return result.status, result.normalized, result.reason, result.suggestion


def _check_value(
    slot: EvidenceSlot, value: str, mp: Marketplace
) -> tuple[str, str | None, str | None]:
    """(status, shown value, reason) for a non-identifier value slot."""
    from casewriter.dates import parse_date
    from casewriter.engine import facts

    text = value.strip()
    if not text:
        return "invalid", None, "empty value"
    try:
        if slot.kind == "date":
            return "provided", parse_date(text, mp, slot.key).value.isoformat(), None
        if slot.kind == "quantity":
            return "provided", str(facts.parse_quantity(text, slot.key)), None
        if slot.kind == "money":
            return "provided", f"{facts.parse_money(text, slot.key):.2f}", None
    except UsageError as exc:
        return "invalid", None, exc.message
    return "provided", text, None


def _suggest(suggestion: str | None, text: str) -> str:
    """The identifier module's suggestion as a clause: a phrase (``did you mean X?``, ``use it
    as an FNSKU``) as it is, a bare value as ``did you mean X?``; nothing when already said."""
    if not suggestion or suggestion in text:
        return ""
    if " " not in suggestion.strip():
        return f" (did you mean {suggestion}?)"
    return f" ({suggestion})"


def check_evidence(
    ct: CaseType,
    draft: Draft,
    mp: Marketplace,
    lang: str = "en",
    facts: Mapping[str, FactValue] | None = None,
    uncapped: Collection[str] = (),
) -> EvidenceResult:
    """The checklist of ``draft``'s evidence; ``facts`` (typed) decide which slots a
    ``required_when`` makes required. ``uncapped``: slots whose values include item lines'
    identifiers, so their ``max`` does not apply (the items-per-case cap counts the lines)."""
    typed: Mapping[str, FactValue] = facts or {}
    id_kinds = set(KINDS)
    res = EvidenceResult()
    slot_keys = {s.key for s in ct.evidence}
    for key in draft.evidence:
        if key not in slot_keys:
            res.warnings.append(f"Evidence {key!r} is not a slot of {ct.id}; it was left out.")
    for att in draft.attachments:
        if att.slot not in slot_keys:
            res.warnings.append(
                f"Attachment {att.name} names an unknown slot {att.slot!r}; it was left out."
            )
    for slot in ct.evidence:
        label = slot.label.get(lang)
        good: list[str] = []
        shown: list[str] = []
        reasons: list[str] = []
        unverified = False
        for raw in draft.evidence.get(slot.key, []):
            if slot.kind in id_kinds:
                st, normalized, reason, suggestion = check_identifier(raw, slot.kind)
                if st == "invalid" or not normalized:
                    bad = f"{raw.strip()!r}: {reason or 'not a valid ' + slot.kind}"
                    bad += _suggest(suggestion, bad)
                    reasons.append(bad)
                    shown.append(raw.strip())
                    res.warnings.append(f"{label}: {bad}. It is left out of the case text.")
                    continue
                unverified = unverified or st == "unverified"
                if st == "valid":
                    res.identifiers.append((slot.kind, normalized))
                value: str | None = normalized
            else:
                _, value, reason = _check_value(slot, raw, mp)
                if value is not None and slot.is_attachment:
                    reason = file_name_problem(ct, slot, value)
                    value = None if reason else value
                if value is None:
                    bad = f"{raw.strip()!r}: {reason}"
                    reasons.append(bad)
                    shown.append(raw.strip())
                    res.warnings.append(f"{label}: {bad}. It is left out of the case text.")
                    continue
            if value is None:
                continue
            if value in good:
                res.warnings.append(f"{label}: {value} is listed twice; it is shown once.")
                continue
            good.append(value)
            shown.append(value)
        if slot.is_attachment:
            for att in (a for a in draft.attachments if a.slot == slot.key):
                problem = check_attachment(ct, slot, attachment_path(att.path, draft.base_dir))
                if problem:
                    reasons.append(problem)
                    res.warnings.append(f"Attachment ({label}) {problem}.")
                    shown.append(att.name)
                    continue
                desc = att.description.strip() or att.name
                # no description: the file name alone (templates show "description (name)")
                res.attachments.append(
                    {"slot": slot.key, "name": att.name, "description": att.description.strip()}
                )
                if desc not in good:
                    good.append(desc)
                shown.append(att.name)
        status: Literal["provided", "missing", "invalid", "unverified"] = "provided"
        why: str | None = None
        if reasons:
            status, why = "invalid", "; ".join(reasons)
        elif not good:
            status = "missing"
        elif len(good) < slot.min:
            status, why = "invalid", f"needs at least {slot.min} ({len(good)} given)"
        elif slot.max and len(good) > slot.max and slot.key not in uncapped:
            status, why = "invalid", f"takes at most {slot.max} ({len(good)} given)"
        elif unverified:
            status = "unverified"
        res.items.append(
            ChecklistItem(
                slot=slot.key,
                label=label,
                required=slot.required_for(typed),
                status=status,
                values=shown,
                reason=why,
            )
        )
        if good:
            res.ev[slot.key] = good[0]
            res.evs[slot.key] = good
    _attachment_rules(ct, draft, res)
    return res


def _attachment_rules(ct: CaseType, draft: Draft, res: EvidenceResult) -> None:
    if draft.attachments and not ct.attachments.allowed:
        res.warnings.append(
            "This response box takes no attachments: send the proof of delivery and other files "
            "to the buyer through Buyer-Seller Messages, and say so in the response."
        )
    if ct.items_slot and ct.max_items and ct.items is None:  # item lines count themselves
        n = len(res.evs.get(ct.items_slot, []))
        if n > ct.max_items:
            res.warnings.append(
                f"{n} items in one case is above the suggested {ct.max_items}; consider splitting it."
            )


def fact_warnings(ct: CaseType, facts: Mapping[str, FactValue], lang: str = "en") -> list[str]:
    return [
        f"Missing fact: {spec.label.get(lang)} ({spec.key})."
        for spec in ct.facts
        if spec.required_for(facts) and not spec.computed and spec.key not in facts
    ]
