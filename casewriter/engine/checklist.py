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
from casewriter.messages import Said, join, said


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
        return "invalid", None, said("value.empty")
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


def _suggest(suggestion: str | None, text: str) -> Said:
    """The identifier module's suggestion as a clause: a phrase (``did you mean X?``, ``use it
    as an FNSKU``) as it is, a bare value as ``did you mean X?``; nothing when already said."""
    if not suggestion or suggestion in text:
        return Said("")
    if " " not in suggestion.strip():
        return said("ev.did_you_mean", suggestion=suggestion)
    return said("ev.suggest", suggestion=suggestion)


def _said(text: str | None) -> Said:
    """``text`` as a ``Said`` (an English-only reason stays English in both languages)."""
    if isinstance(text, Said):
        return text
    return Said(text or "")


def _bad(raw: str, reason: str | None) -> Said:
    """``'FBA12': <reason>`` (the value quoted, the reason in both languages)."""
    value = raw.strip()
    return said("ev.bad", value=repr(value), raw=value, reason=_field_free(_said(reason)))


def _field_free(reason: Said) -> Said:
    """A value error without its ``field:`` prefix in Chinese (the label already names it)."""
    zh = reason.zh.split("：", 1)[1] if reason.code.startswith(("value.", "date.")) else reason.zh
    return Said(str(reason), zh, code=reason.code, params=reason.params)


def check_evidence(
    ct: CaseType,
    draft: Draft,
    mp: Marketplace,
    facts: Mapping[str, FactValue] | None = None,
    uncapped: Collection[str] = (),
) -> EvidenceResult:
    """The checklist of ``draft``'s evidence; ``facts`` (typed) decide which slots a
    ``required_when`` makes required. ``uncapped``: slots whose values include item lines'
    identifiers, so their ``max`` does not apply (the items-per-case cap counts the lines).
    Labels, reasons and warnings are ``Said`` (English, and Chinese for the UI:
    ``casewriter.messages.say``)."""
    typed: Mapping[str, FactValue] = facts or {}
    id_kinds = set(KINDS)
    res = EvidenceResult()
    slot_keys = {s.key for s in ct.evidence}
    for key in draft.evidence:
        if key not in slot_keys:
            res.warnings.append(said("ev.not_slot", key=repr(key), case_type=ct.id))
    for att in draft.attachments:
        if att.slot not in slot_keys:
            res.warnings.append(said("ev.unknown_slot", name=att.name, key=repr(att.slot)))
    for slot in ct.evidence:
        label = slot.label.both()
        good: list[str] = []
        shown: list[str] = []
        reasons: list[Said] = []
        unverified = False
        for raw in draft.evidence.get(slot.key, []):
            if slot.kind in id_kinds:
                st, normalized, reason, suggestion = check_identifier(raw, slot.kind)
                if st == "invalid" or not normalized:
                    cause = reason or said("ev.not_valid", kind=slot.kind)
                    bad = _bad(raw, cause)
                    bad = join("", [bad, _suggest(suggestion, bad)])
                    reasons.append(bad)
                    shown.append(raw.strip())
                    res.warnings.append(said("ev.left_out", label=label, bad=bad))
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
                    bad = _bad(raw, reason)
                    reasons.append(bad)
                    shown.append(raw.strip())
                    res.warnings.append(said("ev.left_out", label=label, bad=bad))
                    continue
            if value is None:
                continue
            if value in good:
                res.warnings.append(said("ev.twice", label=label, value=value))
                continue
            good.append(value)
            shown.append(value)
        if slot.is_attachment:
            for att in (a for a in draft.attachments if a.slot == slot.key):
                problem = check_attachment(ct, slot, attachment_path(att.path, draft.base_dir))
                if problem:
                    reasons.append(_said(problem))
                    res.warnings.append(said("ev.attachment", label=label, problem=problem))
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
        why: Said | None = None
        if reasons:
            status, why = "invalid", join("; ", reasons, "；")
        elif not good:
            status = "missing"
        elif len(good) < slot.min:
            status, why = "invalid", said("ev.at_least", n=slot.min, given=len(good))
        elif slot.max and len(good) > slot.max and slot.key not in uncapped:
            status, why = "invalid", said("ev.at_most", n=slot.max, given=len(good))
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
        res.warnings.append(said("ev.no_attachments"))
    if ct.items_slot and ct.max_items and ct.items is None:  # item lines count themselves
        n = len(res.evs.get(ct.items_slot, []))
        if n > ct.max_items:
            res.warnings.append(said("ev.many_items", n=n, max=ct.max_items))


def fact_warnings(ct: CaseType, facts: Mapping[str, FactValue]) -> list[str]:
    """A warning for each required fact not given, naming it by its label (never its key)."""
    return [
        said("fact.missing", label=spec.label.both())
        for spec in ct.facts
        if spec.required_for(facts) and not spec.computed and spec.key not in facts
    ]
