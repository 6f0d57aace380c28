"""Thin adapters from the core checks to what the wizard shows: identifier values through
``casewriter.identifiers.check`` (via ``casewriter.engine.checklist.check_identifier``), value slots
and facts through ``casewriter.engine.facts``, attachments through the checklist's own rule check.

No rule lives here: this module only turns core results into one-line messages and a Textual
``Validator`` so an ``Input`` gets its ``-invalid`` style.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.validation import ValidationResult, Validator

from casewriter.engine import CaseType, EvidenceSlot, FactSpec
from casewriter.errors import UsageError
from casewriter.identifiers import KINDS
from casewriter.tui.i18n import t
from casewriter.tui.wizard.state import WizardState, attachment_path, convert_fact


@dataclass(frozen=True)
class Verdict:
    """What one typed value amounts to: ``valid``, ``unverified`` or ``invalid``, and a message."""

    status: str
    message: str
    normalized: str | None = None


def check_slot_value(slot: EvidenceSlot, value: str, marketplace: str) -> Verdict:
    """Check one value typed into an evidence slot."""
    text = value.strip()
    if slot.kind in KINDS:
        from casewriter.engine import check_identifier

        status, normalized, reason, suggestion = check_identifier(text, slot.kind)
        shown = normalized or text
        if status == "valid":
            return Verdict("valid", t("wz.ev.valid", value=shown), normalized)
        why = reason or ""
        if suggestion:
            why = f"{why} ({suggestion})" if why else suggestion
        key = "wz.ev.unverified" if status == "unverified" else "wz.ev.invalid"
        return Verdict(status, t(key, value=text, reason=why), normalized)
    spec_type = {"date": "date", "quantity": "quantity", "money": "money"}.get(slot.kind)
    if spec_type is None:
        return Verdict("valid", "")
    spec = FactSpec(key=slot.key, type=spec_type, label=slot.label)  # type: ignore[arg-type]
    return check_fact_value(spec, text, marketplace)


def check_fact_value(spec: FactSpec, value: str, marketplace: str) -> Verdict:
    """Check a fact's typed text; dates show how they were read."""
    try:
        converted, note = convert_fact(spec, value, marketplace)
    except UsageError as exc:
        reason = exc.message.split(": ", 1)[1] if ": " in exc.message else exc.message
        return Verdict("invalid", t("wz.ev.invalid", value=value.strip(), reason=reason))
    if spec.type == "date":
        shown = str(converted)
        if note:
            shown = f"{shown} — {note.split(': ', 1)[-1]}"
        return Verdict("valid", t("wz.ev.date_as", value=shown), str(converted))
    return Verdict("valid", "", str(converted))


def check_attachment(ct: CaseType, slot: EvidenceSlot, raw: str) -> Verdict:
    """Existence, type and size of an attachment path (the checklist's rule, on the path the
    engine's rule gives: ``~`` expanded, relative to the current folder)."""
    from casewriter.engine import check_attachment as _check_attachment

    path = Path(attachment_path(raw))
    problem = _check_attachment(ct, slot, path)
    if problem:
        return Verdict("invalid", "✗ " + problem)
    size = max(1, path.stat().st_size // 1024)
    return Verdict("valid", t("wz.ev.file_ok", name=path.name, size=size), str(path))


def slot_messages(ct: CaseType, slot: EvidenceSlot, state: WizardState) -> tuple[list[str], bool]:
    """The message lines under a slot's field for the values in ``state`` (attachments as the
    absolute paths the state keeps), and whether any is invalid (too many values included)."""
    lines: list[str] = []
    bad = False
    if slot.is_attachment:
        values = [v for v in state.attachments.get(slot.key, []) if v.strip()]
        verdicts = [check_attachment(ct, slot, v) for v in values]
    else:
        values = [v for v in state.evidence.get(slot.key, []) if v.strip()]
        verdicts = [check_slot_value(slot, v, state.marketplace) for v in values]
    for verdict in verdicts:
        if verdict.message:
            lines.append(verdict.message)
        bad = bad or verdict.status == "invalid"
    if slot.max and len(values) > slot.max:
        lines.append("✗ " + t("wz.ev.too_many", n=slot.max))
        bad = True
    return lines, bad


class SlotValidator(Validator):
    """Marks an ``Input`` invalid when the identifier module (or fact parser) rejects it."""

    def __init__(self, slot: EvidenceSlot, marketplace: str) -> None:
        super().__init__()
        self.slot = slot
        self.marketplace = marketplace

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        verdict = check_slot_value(self.slot, value, self.marketplace)
        return self.failure(verdict.message) if verdict.status == "invalid" else self.success()


class FactValidator(Validator):
    """Marks a fact ``Input`` invalid when ``casewriter.engine.facts`` cannot read it."""

    def __init__(self, spec: FactSpec, marketplace: str) -> None:
        super().__init__()
        self.spec = spec
        self.marketplace = marketplace

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        verdict = check_fact_value(self.spec, value, self.marketplace)
        return self.failure(verdict.message) if verdict.status == "invalid" else self.success()


def case_id_problem(text: str) -> str | None:
    """Why ``text`` is not a Seller Central case ID (the identifier module's reason), or None."""
    from casewriter.identifiers import check

    result = check(text, "case_id")
    if result.status == "invalid":
        return result.reason or t("wz.rev.ask_sc_id")
    return None
