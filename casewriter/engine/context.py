"""The render context templates see (docs/architecture.md, "Render context"), built from a
draft: its facts (typed where the draft was made: only a hand-built draft's raw text is read
here), its item lines and their totals, checked evidence, the seller profile, the deadline,
calculator results and the urgency suggestion, with every warning found on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casewriter.config import Settings
from casewriter.dates import today_in
from casewriter.engine import calculators, deadlines, urgency, wording
from casewriter.engine.checklist import EvidenceResult, check_evidence, fact_warnings
from casewriter.engine.counts import count_warnings
from casewriter.engine.deadline_text import deadline_warnings
from casewriter.engine.drafts import Deadline, Draft, DraftProfile
from casewriter.engine.facts import coerce_facts
from casewriter.engine.items import ItemsResult, check_items
from casewriter.engine.jinja_env import data
from casewriter.engine.language import language_warnings
from casewriter.engine.models import CaseType, Urgency
from casewriter.engine.values import FactValue, template_value
from casewriter.engine.warning_words import fact_name, ws
from casewriter.errors import UsageError
from casewriter.marketplaces import Marketplace
from casewriter.messages import Said, said


@dataclass
class Built:
    context: dict[str, Any]
    warnings: list[str]
    evidence: EvidenceResult
    deadline: Deadline | None
    suggestion: Urgency
    reasons: list[str]
    calc: dict[str, Any] = field(default_factory=dict)
    main_id: str | None = None
    main_label: str = ""
    items: ItemsResult = field(default_factory=ItemsResult)
    facts: dict[str, FactValue] = field(default_factory=dict)
    """The typed facts as rendered (item totals, computed and derived facts filled in)."""
    keep: list[str] = field(default_factory=list)
    """The seller's own words and identifiers as they appear in the text: never respelt."""
    own_text: list[str] = field(default_factory=list)
    """The seller's free text (narrative, descriptions, text facts): checked for spelling."""


def resolve_profile(settings: Settings, draft: Draft) -> tuple[dict[str, str], list[str]]:
    prof = draft.profile
    if isinstance(prof, DraftProfile):
        p = prof
    else:
        found = settings.profile(prof)
        if found is None and prof:
            known = ", ".join(x.id for x in settings.profiles) or "none configured"
            raise UsageError(f"unknown profile {prof!r} (known: {known})")
        if found is None:
            seller = {
                "id": "",
                "name": "[store name]",
                "merchant_token": "",
                "signature": "[store name]",
            }
            return seller, [said("profile.none")]
        p = DraftProfile(
            id=found.id,
            name=found.name,
            merchant_token=found.merchant_token,
            signature=found.signature,
        )
    seller = {
        "id": p.id,
        "name": p.name,
        "merchant_token": p.merchant_token,
        "signature": p.signature or p.name,
    }
    return seller, []


def derive(facts: dict[str, FactValue], ct: CaseType, calc: dict[str, Any]) -> None:
    """Fill computed facts: a calculator's rate, or missing = shipped − received."""
    for spec in ct.facts:
        if not spec.computed or spec.key in facts:
            continue
        for res in calc.get("metrics", []):
            if spec.key == res["key"] or spec.key.startswith(res["key"]):
                facts[spec.key] = res["rate"]
                break
        if spec.key in facts:
            continue
        stem = spec.key.removeprefix("units_").removesuffix("_units")
        if stem in ("missing", "shortage", "short"):
            shipped, received = facts.get("units_shipped"), facts.get("units_received")
            if isinstance(shipped, int) and isinstance(received, int) and shipped >= received:
                facts[spec.key] = shipped - received


#: clock facts defined as "the later of" other dates (SAFE-T, domain.md §2: the later of the
#: return delivery scan and the refund); filled from those dates when not given.
LATER_OF = {"clock_start_date": ("refund_date", "return_delivered_date")}


def derive_clock(facts: dict[str, FactValue], ct: CaseType) -> Said | None:
    """Fill a "later of" clock fact the draft left out; a note saying so, or None."""
    for key, sources in LATER_OF.items():
        if key in facts or ct.fact(key) is None:
            continue
        dates = [(when, s) for s in sources if isinstance(when := facts.get(s), date)]
        if dates:
            when, src = max(dates)
            facts[key] = when
            spec = ct.fact(key)
            label = fact_name(spec.label.both() if spec else key, key)
            source = ct.fact(src)
            src_name = Said(src, source.label.get("zh")) if source else src
            return ws("fact.later_of", label=label, when=when.isoformat(), src=src_name)
    return None


def build_context(
    ct: CaseType, mp: Marketplace, draft: Draft, as_of: date | None, settings: Settings
) -> Built:
    """Everything one render needs; ``settings`` gives the configured seller profiles."""
    typed, notes, problems = coerce_facts(ct.facts, draft.facts, mp, strict=False, as_of=as_of)
    warnings = [*draft._notes, *notes, *problems]
    given = set(typed)
    calc = calculators.calculate(ct, typed)
    derive(typed, ct, calc)
    clock_note = derive_clock(typed, ct)
    if clock_note:
        warnings.append(clock_note)
    items = check_items(ct, draft, typed, given)  # fills the facts the lines stand for
    warnings += items.warnings
    own_lines = items.totals["complete"] and not any(i.derived for i in items.lines)
    lines_total = ct.items.facts.get("quantity") if ct.items and own_lines else None
    warnings += count_warnings(ct, typed, lines_total)  # claimed = shipped − received …
    warnings += calculators.warnings(ct, typed, calc)
    warnings += fact_warnings(ct, typed)
    checked = draft
    if items.evidence:  # the lines' identifiers are evidence of their slots too
        merged = {k: list(v) for k, v in draft.evidence.items()}
        for slot, values in items.evidence.items():
            merged[slot] = merged.get(slot, []) + [
                v for v in values if v not in merged.get(slot, [])
            ]
        checked = draft.model_copy(update={"evidence": merged})
    evidence = check_evidence(ct, checked, mp, typed, uncapped=set(items.evidence))
    if items.checklist is not None:
        evidence.items.insert(0, items.checklist)
    warnings += evidence.warnings
    seller, profile_warnings = resolve_profile(settings, draft)
    warnings += profile_warnings
    warnings += language_warnings(ct, draft, typed, seller)
    today = today_in(mp, as_of)
    deadline, hint = deadlines.for_facts(ct, mp.code, typed, today)
    if hint:
        warnings.append(hint)
    if deadline is not None:
        warnings += deadline_warnings(deadline)
    suggestion, reasons = urgency.suggest(ct, typed, deadline, calc, mp.currency)
    narrative = {k: v for k, v in draft.narrative.model_dump().items() if v}
    main_slot = ct.slot(ct.main_identifier)
    evs, zips = wording.shown_values(ct, evidence.evs)
    ev = {k: v[0] for k, v in evs.items() if v}
    own_text = [
        *(x for v in narrative.values() for x in ([v] if isinstance(v, str) else v)),
        *(a["description"] for a in evidence.attachments if a.get("description")),
        *(v for k, v in typed.items() if isinstance(v, str) and _is_text(ct, k)),
        *(x for s in ct.evidence if not s.kind_is_identifier for x in evidence.evs.get(s.key, [])),
    ]
    keep = [
        *own_text,
        *(x for v in evidence.evs.values() for x in v),
        *(x for v in evs.values() for x in v),
        *(a["name"] for a in evidence.attachments),
        *(v for v in seller.values() if v),
    ]
    ctx: dict[str, Any] = {
        "ct": ct.model_dump(mode="json", exclude={"source_file"}),
        "mp": mp.to_dict(),
        "seller": data("seller", seller),
        "facts": data("facts", {k: template_value(v, mp.currency) for k, v in typed.items()}),
        "ev": data("ev", ev),
        "evs": data("evs", evs),
        "zips": zips,
        "terms": wording.terms(ct, evs, mp.code),
        "attachments": wording.with_documents(ct, evidence.attachments),
        "documents": wording.documents(ct, evidence.attachments, evidence.evs),
        "narrative": data("narrative", narrative),
        "urgency": draft.urgency or suggestion,
        "oer": draft.oer,
        "deadline": deadline_context(deadline),
        "calc": calc,
        "items": items.template_items,
        "totals": data("totals", items.totals),
        "today": today.isoformat(),
    }
    return Built(
        context=ctx,
        warnings=warnings,
        evidence=evidence,
        deadline=deadline,
        suggestion=suggestion,
        reasons=reasons,
        calc=calc,
        main_id=evidence.ev.get(ct.main_identifier),
        main_label=main_slot.label.en if main_slot else ct.main_identifier,
        items=items,
        facts=typed,
        keep=keep,
        own_text=own_text,
    )


def _is_text(ct: CaseType, key: str) -> bool:
    spec = ct.fact(key)
    return spec is not None and spec.type == "text"


def deadline_context(d: Deadline | None) -> dict[str, str | int | None] | None:
    if d is None:
        return None
    return {
        "opens": d.opens.isoformat(),
        "closes": d.closes.isoformat(),
        "safe_by": d.safe_by.isoformat() if d.safe_by else None,
        "days_left": d.days_left,
        "source": d.source,
        "as_of": d.as_of.isoformat() if d.as_of else None,
        "status": d.status,
        "clock": d.clock,
        "event_date": d.event_date.isoformat() if d.event_date else None,
        "claim_window": d.claim_window,
    }
