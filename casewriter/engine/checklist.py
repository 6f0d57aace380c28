"""The evidence checklist and rule warnings: per slot ``provided`` / ``missing`` / ``invalid``
(with the reason) / ``unverified``, attachments checked for existence, type and size, and the
values templates may show (only valid or unverified ones: an invalid value is never a fact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from casewriter.engine.models import CaseType, ChecklistItem, Draft, EvidenceSlot
from casewriter.errors import UsageError
from casewriter.identifiers import KINDS, check
from casewriter.marketplaces import Marketplace

IMAGE_TYPES = ("jpeg", "jpg", "pjpeg", "gif", "png", "tiff", "tif", "webp", "heic")


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
        return not any(i.required and i.status in ("missing", "invalid") for i in self.items)


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


def _accepted(ct: CaseType, slot: EvidenceSlot) -> list[str]:
    accepted = list(ct.attachments.accepted)
    if slot.kind == "photo":
        accepted = [e for e in accepted if e in IMAGE_TYPES] or list(IMAGE_TYPES)
    return accepted


_FILE_NAME = re.compile(r"^[^\s]+\.([A-Za-z0-9]{2,5})$")
_FILE_EXTS = {*IMAGE_TYPES, "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip", "bmp"}


def _file_name_problem(ct: CaseType, slot: EvidenceSlot, value: str) -> str | None:
    """A file name typed as an evidence value (``invoice = "inv.pdf"``) must still be a type
    the slot accepts; descriptions of documents are taken as they are."""
    m = _FILE_NAME.match(value.strip())
    if not m or m.group(1).lower() not in _FILE_EXTS:
        return None
    ext, accepted = m.group(1).lower(), _accepted(ct, slot)
    if ext in accepted:
        return None
    return f".{ext} files are not accepted here (accepted: {', '.join(accepted)})"


def check_attachment(ct: CaseType, slot: EvidenceSlot, path: Path) -> str | None:
    """Why this file breaks the slot's rules, or None."""
    ext = path.suffix.lower().lstrip(".")
    accepted = _accepted(ct, slot)
    if ext not in accepted:
        return f"{path.name}: .{ext or '(no extension)'} files are not accepted here (accepted: {', '.join(accepted)})"
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return f"{path.name}: file not found ({path})"
    except OSError as exc:
        return f"{path.name}: cannot read ({exc.strerror})"
    if not path.is_file():
        return f"{path.name}: not a file ({path})"
    if size > ct.attachments.max_mb * 1024 * 1024:
        return (
            f"{path.name}: {size / 1048576:.1f} MB is over the {ct.attachments.max_mb:g} MB limit"
        )
    if size == 0:
        return f"{path.name}: the file is empty"
    return None


def resolve_attachment(draft: Draft, path: str) -> Path:
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = Path(draft.base_dir or ".") / p
    return p


def check_evidence(ct: CaseType, draft: Draft, mp: Marketplace, lang: str = "en") -> EvidenceResult:
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
                    reason = _file_name_problem(ct, slot, value)
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
                problem = check_attachment(ct, slot, resolve_attachment(draft, att.path))
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
        elif slot.max and len(good) > slot.max:
            status, why = "invalid", f"takes at most {slot.max} ({len(good)} given)"
        elif unverified:
            status = "unverified"
        res.items.append(
            ChecklistItem(
                slot=slot.key,
                label=label,
                required=slot.required,
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
    if ct.items_slot and ct.max_items:
        n = len(res.evs.get(ct.items_slot, []))
        if n > ct.max_items:
            res.warnings.append(
                f"{n} items in one case is above the suggested {ct.max_items}; consider splitting it."
            )


def fact_warnings(ct: CaseType, facts: dict[str, Any], lang: str = "en") -> list[str]:
    return [
        f"Missing fact: {spec.label.get(lang)} ({spec.key})."
        for spec in ct.facts
        if spec.required and not spec.computed and spec.key not in facts
    ]
