"""Urgency suggestion: ``routine``, ``high`` or ``urgent`` with the reasons behind it.

Urgent stays rare: only a claim with real value and at most ``URGENT_DAYS`` days left in its
window, or an account that is deactivated or at risk. The cut-offs are casewriter's heuristics
(named constants below), not Amazon policy. The user's explicit choice always wins; the suggestion
and its reasons are still reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from casewriter.engine.deadline_text import urgency_reason
from casewriter.engine.drafts import Deadline
from casewriter.engine.models import CaseType, Urgency
from casewriter.engine.values import FactValue, Money
from casewriter.messages import said

# casewriter's own suggestion heuristics, not Amazon policy (Amazon publishes no urgency rules;
# every Amazon figure, such as claim windows and metric targets, comes from the catalog data).
URGENT_DAYS = 3
"""A claim with something at stake and at most this many days left is suggested urgent."""
HIGH_DAYS = 14
"""At most this many days left in the claim window suggests high."""
HIGH_UNITS = 50
"""This many units at stake suggests high."""
HIGH_VALUE = Decimal(1000)
"""This much money at stake (in the marketplace currency) suggests high."""
# Fact-name words that count as units at stake, and words that mean the account is at risk.
_UNIT_WORDS = (
    "missing",
    "lost",
    "damaged",
    "affected",
    "units_claimed",
    "quantity",
    "units_at_stake",
    "shortage",
)
_RISK_WORDS = ("deactivat", "suspend", "at risk", "at-risk", "at_risk", "blocked", "停用", "封号")


def units_at_stake(facts: Mapping[str, FactValue]) -> int:
    best = 0
    for key, value in facts.items():
        if (
            isinstance(value, int)
            and not isinstance(value, bool)
            and any(w in key for w in _UNIT_WORDS)
        ):
            best = max(best, value)
    return best


def value_at_stake(facts: Mapping[str, FactValue]) -> Decimal:
    amounts = {k: v.amount for k, v in facts.items() if isinstance(v, Money)}
    total = max(amounts.values(), default=Decimal(0))
    units = units_at_stake(facts)
    for key, amount in amounts.items():
        if "unit" in key or "per_" in key or "cost" in key or "price" in key:
            total = max(total, amount * units)
    return total


def account_at_risk(ct: CaseType, facts: Mapping[str, FactValue]) -> str | None:
    if ct.group != "account":
        return None
    for key, value in facts.items():
        if value is True and any(w in key for w in _RISK_WORDS):
            return key.replace("_", " ")
        if isinstance(value, str) and any(w in value.lower() for w in _RISK_WORDS):
            return value
    return None


def suggest(
    ct: CaseType,
    facts: Mapping[str, FactValue],
    deadline: Deadline | None,
    calc: Mapping[str, Any],
    currency: str,
) -> tuple[Urgency, list[str]]:
    """(suggested level, reasons: ``Said``, English and Chinese)."""
    reasons: list[str] = []
    level: Urgency = "routine"
    units = units_at_stake(facts)
    value = value_at_stake(facts)
    stake = units > 0 or value > 0
    risk = account_at_risk(ct, facts)
    if risk:
        reasons.append(said("urg.account", what=risk))
        level = "urgent"
    if deadline is not None and deadline.status == "claimable":
        left = deadline.days_left
        if left <= URGENT_DAYS and stake:
            reasons.append(urgency_reason(left, only=True, claim_window=deadline.claim_window))
            level = "urgent"
        elif left <= HIGH_DAYS:
            reasons.append(urgency_reason(left, only=False, claim_window=deadline.claim_window))
            level = "high" if level == "routine" else level
    if units >= HIGH_UNITS:
        reasons.append(said("urg.units", n=units))
        level = "high" if level == "routine" else level
    if value >= HIGH_VALUE:
        reasons.append(said("urg.value", currency=currency, amount=f"{value:.2f}"))
        level = "high" if level == "routine" else level
    failing = calc.get("failing") or []
    if failing and ct.group == "account":
        labels = ", ".join(str(calc[k]["label"]) for k in failing)
        reasons.append(said("urg.metric", labels=labels))
        level = "high" if level == "routine" else level
    if not reasons:
        reasons.append(said("urg.none"))
    return level, reasons
