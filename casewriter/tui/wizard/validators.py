"""Thin adapters from the core checks to what the wizard shows: identifier values through
``casewriter.identifiers.check`` (via ``casewriter.engine.checklist.check_identifier``), value slots
and facts through ``casewriter.engine.facts`` (dates: ``casewriter.dates``, the one home of date
forms, so a field takes whatever the paste box reads: ``3月2号``, ``March 2``, ``3/2``), attachments
through the checklist's own rule check.

No rule lives here: this module only turns core results into one-line messages and a Textual
``Validator`` so an ``Input`` gets its ``-invalid`` style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.validation import ValidationResult, Validator

from casewriter.engine import CaseType, EvidenceSlot, FactSpec
from casewriter.errors import UsageError
from casewriter.identifiers import KINDS
from casewriter.tui.i18n import local, t, tn
from casewriter.tui.wizard.state import WizardState, attachment_path, convert_fact


@dataclass(frozen=True)
class Verdict:
    """What one typed value amounts to: ``valid``, ``unverified`` or ``invalid``, and a message."""

    status: str
    message: str
    normalized: str | None = None


def check_slot_value(
    slot: EvidenceSlot, value: str, marketplace: str, as_of: date | None = None
) -> Verdict:
    """Check one value typed into an evidence slot (``as_of``: for a year-less date)."""
    text = value.strip()
    if slot.kind in KINDS:
        from casewriter.engine import check_identifier

        status, normalized, reason, suggestion = check_identifier(text, slot.kind)
        shown = normalized or text
        if status == "valid":
            return Verdict("valid", t("wz.ev.valid", value=shown), normalized)
        why = local(reason or "")
        if suggestion:
            why = (
                t("wz.ev.with_suggestion", reason=why, suggestion=local(suggestion))
                if why
                else local(suggestion)
            )
        key = "wz.ev.unverified" if status == "unverified" else "wz.ev.invalid"
        return Verdict(status, t(key, value=text, reason=why), normalized)
    spec_type = {"date": "date", "quantity": "quantity", "money": "money"}.get(slot.kind)
    if spec_type is None:
        return Verdict("valid", "")
    spec = FactSpec(key=slot.key, type=spec_type, label=slot.label)  # type: ignore[arg-type]
    return check_fact_value(spec, text, marketplace, as_of)


def check_fact_value(
    spec: FactSpec, value: str, marketplace: str, as_of: date | None = None
) -> Verdict:
    """Check a fact's typed text; dates show how they were read (``3月2号 → 2026-03-02``, the
    year from ``as_of``, an ambiguous day and month read the marketplace's way)."""
    try:
        converted, _ = convert_fact(spec, value, marketplace, as_of)
    except UsageError as exc:
        said = local(
            exc.message
        )  # "facts.x: 'ten' is not a whole number" / "facts.x：“ten”不是整数"
        reason = re.split(r": |：", said, maxsplit=1)[-1]
        return Verdict("invalid", t("wz.ev.invalid", value=value.strip(), reason=reason))
    if spec.type == "date":
        return Verdict("valid", date_read_back(value, marketplace, as_of), str(converted))
    return Verdict("valid", "", str(converted))


def date_read_back(raw: str, marketplace: str, as_of: date | None) -> str:
    """How a date field's text was read, in the UI language: ``3月2号 → 2026-03-02 (year
    from the as-of date 2026-12-06)``; an ISO date as it is."""
    from casewriter.dates import parse_date
    from casewriter.marketplaces import get

    try:
        market = get(marketplace or "US")
    except UsageError:
        market = get("US")
    parsed = parse_date(raw, market, as_of=as_of)
    how = []
    if parsed.order:
        key = "wz.ev.date_day_first" if parsed.order == "day first" else "wz.ev.date_month_first"
        how.append(t(key, market=market.name))
    if parsed.year_inferred and as_of is not None:
        how.append(t("wz.ev.date_year", as_of=as_of.isoformat()))
    shown = t("wz.ev.how", how="; ".join(how)) if how else ""
    return t("wz.ev.date_read", raw=raw.strip(), value=parsed.value.isoformat(), how=shown)


def check_attachment(ct: CaseType, slot: EvidenceSlot, raw: str) -> Verdict:
    """Existence, type and size of an attachment path (the checklist's rule, on the path the
    engine's rule gives: ``~`` expanded, relative to the current folder)."""
    from casewriter.engine import check_attachment as _check_attachment

    path = Path(attachment_path(raw))
    problem = _check_attachment(ct, slot, path)
    if problem:
        return Verdict("invalid", "✗ " + local(problem))
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
        as_of = state.as_of()
        verdicts = [check_slot_value(slot, v, state.marketplace, as_of) for v in values]
    for verdict in verdicts:
        if verdict.message:
            lines.append(verdict.message)
        bad = bad or verdict.status == "invalid"
    if slot.max and len(values) > slot.max:
        lines.append("✗ " + tn("wz.ev.too_many", slot.max))
        bad = True
    return lines, bad


class SlotValidator(Validator):
    """Marks an ``Input`` invalid when the identifier module (or fact parser) rejects it."""

    def __init__(self, slot: EvidenceSlot, marketplace: str, as_of: date | None = None) -> None:
        super().__init__()
        self.slot = slot
        self.marketplace = marketplace
        self.as_of = as_of

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        verdict = check_slot_value(self.slot, value, self.marketplace, self.as_of)
        return self.failure(verdict.message) if verdict.status == "invalid" else self.success()


class FactValidator(Validator):
    """Marks a fact ``Input`` invalid when ``casewriter.engine.facts`` cannot read it."""

    def __init__(self, spec: FactSpec, marketplace: str, as_of: date | None = None) -> None:
        super().__init__()
        self.spec = spec
        self.marketplace = marketplace
        self.as_of = as_of

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        verdict = check_fact_value(self.spec, value, self.marketplace, self.as_of)
        return self.failure(verdict.message) if verdict.status == "invalid" else self.success()


def case_id_problem(text: str) -> str | None:
    """Why ``text`` is not a Seller Central case ID (the identifier module's reason), or None."""
    from casewriter.identifiers import check

    result = check(text, "case_id")
    if result.status == "invalid":
        return local(result.reason) if result.reason else t("wz.rev.ask_sc_id")
    return None
