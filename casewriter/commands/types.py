"""``casewriter types [--group G]``: the case-type catalog with groups, where each case is filed,
required evidence and deadline rules (with their sources)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command

if TYPE_CHECKING:
    from casewriter.engine import CaseType, DeadlineRule

GROUPS = ("inbound", "inventory", "returns", "orders", "account")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "types",
        help="list case types with their evidence and claim windows",
        description="List the case types (built-in and your own) with where each is filed, the "
        "evidence it needs and its deadline rules.",
    )
    parser.add_argument("--group", choices=GROUPS, help="only this group")
    parser.set_defaults(handler=run)


def rule_text(rule: DeadlineRule) -> str:
    window = f"{rule.max_months} months" if rule.max_months is not None else f"{rule.max_days} days"
    if rule.min_days:
        window = f"{rule.min_days} days – {window}"
    else:
        window = f"≤ {window}"
    eff = f", for events from {rule.effective_from}" if rule.effective_from else ""
    until = f", until {rule.until}" if rule.until else ""
    return f"{'/'.join(rule.marketplaces)}: {window} from {rule.clock}{eff}{until} ({rule.source}, as of {rule.as_of})"


def type_json(ct: CaseType, lang: str, override: str | None = None) -> dict[str, Any]:
    """One case type as ``types --json`` prints it; ``override``: the partial override file."""
    return {
        "id": ct.id,
        "group": ct.group,
        "title": ct.title.get(lang),
        "title_en": ct.title.en,
        "title_zh": ct.title.zh,
        "summary": ct.summary.get(lang),
        "filed_at": ct.filed_at.get(lang),
        "contact_us": ct.contact_us,
        "oer": ct.oer,
        "max_items": ct.max_items,
        "origin": ct.origin,
        "override": override,
        "required_evidence": [
            {"slot": s.key, "kind": s.kind, "label": s.label.get(lang)} for s in ct.required_slots
        ],
        "evidence": [
            {"slot": s.key, "kind": s.kind, "required": s.required, "label": s.label.get(lang)}
            for s in ct.evidence
        ],
        "deadlines": [
            {
                "marketplaces": r.marketplaces,
                "clock": r.clock,
                "clock_fact": r.clock_fact,
                "min_days": r.min_days,
                "max_days": r.max_days,
                "max_months": r.max_months,
                "source": r.source,
                "as_of": r.as_of.isoformat(),
                "effective_from": r.effective_from.isoformat() if r.effective_from else None,
                "until": r.until.isoformat() if r.until else None,
                "note": r.note,
                "claim_window": r.claim_window and ct.claim_window,
            }
            for r in ct.deadlines
        ],
        "items": ct.items.model_dump() if ct.items else None,
        "attachments": {
            "allowed": ct.attachments.allowed,
            "accepted": list(ct.attachments.accepted) if ct.attachments.allowed else [],
            "max_mb": ct.attachments.max_mb,
            "basis": ct.attachments.basis,
        },
        "duplicate_keys": ct.duplicate_keys,
        "ready_requires_one_of": ct.ready_requires_one_of,
    }


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.engine import Catalog
    from casewriter.output import print_json

    lang = ctx.lang or ctx.settings.lang
    catalog = Catalog.load(ctx.paths, settings=ctx.settings)
    types = [ct for ct in catalog.all() if args.group is None or ct.group == args.group]
    overrides = {k: str(v) for k, v in catalog.overrides.items()}
    if ctx.json:
        print_json([type_json(ct, lang, overrides.get(ct.id)) for ct in types])
        return 0
    group = None
    for ct in types:
        if ct.group != group:
            group = ct.group
            print(f"\n== {group} ==")
        mark = " (user)" if ct.origin == "user" else ""
        if ct.id in overrides:
            mark = f" (built-in, partly overridden by {overrides[ct.id]})"
        print(f"\n{ct.id}{mark} – {ct.title.get(lang)}")
        print(f"  filed at: {ct.filed_at.get(lang)}")
        required = ", ".join(s.label.get(lang) for s in ct.required_slots) or "-"
        print(f"  required evidence: {required}")
        for rule in ct.deadlines:
            print(f"  window {rule_text(rule)}")
    return 0
