"""Urgency suggestion: ``routine``, ``high`` or ``urgent`` with the reasons behind it, from a
case's structured facts, never from matching words in them.

- the claim window: days left (``deadline``);
- what is at stake: the facts the case type's ``[urgency]`` table names as ``units``,
  ``amount`` and ``per_unit`` (an amount per unit, times the units), and the item lines' total;
- the facts that set a level by themselves: ``[[urgency.when]]`` (``impact = "selling
  privileges removed"`` → urgent);
- an account-health metric missing its target (the calculators' result).

The cut-offs are casewriter's heuristics, data in ``urgency.toml`` beside this module (with its
source and as-of date), not Amazon policy. The user's explicit choice always wins; the
suggestion and its reasons are still reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from casewriter.engine.deadline_text import urgency_reason
from casewriter.engine.drafts import Deadline
from casewriter.engine.models import CaseType, Urgency
from casewriter.engine.values import FactValue, Money
from casewriter.errors import CasewriterError
from casewriter.marketplaces import amount_text
from casewriter.messages import said

HEURISTICS_FILE = Path(__file__).resolve().with_name("urgency.toml")
_LEVELS: dict[Urgency, int] = {"routine": 0, "high": 1, "urgent": 2}


@dataclass(frozen=True)
class Heuristics:
    """casewriter's cut-offs for the suggestion (``urgency.toml``)."""

    source: str
    as_of: date
    urgent_days: int
    high_days: int
    high_units: int
    high_value: Decimal


@lru_cache(maxsize=1)
def heuristics(path: Path = HEURISTICS_FILE) -> Heuristics:
    """The cut-offs, read once; CasewriterError naming the file when one is missing or wrong."""
    import tomllib

    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CasewriterError(
            f"{where}: cannot read casewriter's urgency heuristics: {exc}"
        ) from None
    values: dict[str, Any] = {}
    for name, kind in (("source", str), ("as_of", date), ("urgent_days", int),
                       ("high_days", int), ("high_units", int), ("high_value", int)):  # fmt: skip
        value = data.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise CasewriterError(f"{where}: {name} is missing or not a {kind.__name__}")
        values[name] = Decimal(value) if isinstance(value, int) and name == "high_value" else value
    return Heuristics(**values)


def unit_facts(ct: CaseType) -> list[str]:
    """The facts counting units at stake: the ``[urgency]`` table's, and the item total."""
    keys = list(ct.urgency.units)
    total = ct.items.facts.get("quantity") if ct.items else None
    return keys + [total] if total and total not in keys else keys


def units_at_stake(ct: CaseType, facts: Mapping[str, FactValue]) -> int:
    counts = [v for k in unit_facts(ct) if type(v := facts.get(k)) is int]
    return max(counts, default=0)


def value_at_stake(ct: CaseType, facts: Mapping[str, FactValue]) -> Decimal:
    """The largest amount at stake: an amount fact, or an amount per unit times the units."""

    def amount(key: str) -> Decimal | None:
        value = facts.get(key)
        if isinstance(value, Money):
            return value.amount
        return value if isinstance(value, Decimal) else None

    amounts = [a for k in ct.urgency.amount if (a := amount(k)) is not None]
    units = units_at_stake(ct, facts)
    amounts += [a * units for k in ct.urgency.per_unit if (a := amount(k)) is not None]
    return max(amounts, default=Decimal(0))


def _raise(level: Urgency, to: Urgency) -> Urgency:
    return to if _LEVELS[to] > _LEVELS[level] else level


def suggest(
    ct: CaseType,
    facts: Mapping[str, FactValue],
    deadline: Deadline | None,
    calc: Mapping[str, Any],
    currency: str,
) -> tuple[Urgency, list[str]]:
    """(suggested level, reasons: ``Said``, English and Chinese)."""
    cut = heuristics()
    reasons: list[str] = []
    level: Urgency = "routine"
    for rule in ct.urgency.when:
        if facts.get(rule.fact) == rule.value and _LEVELS[rule.level] > 0:
            spec = ct.fact(rule.fact)
            label = spec.label.both() if spec else rule.fact
            shown = rule.value
            if isinstance(rule.value, bool):
                shown = said("urg.yes") if rule.value else said("urg.no")
            reasons.append(said("urg.fact", label=label, value=shown))
            level = _raise(level, rule.level)
    units = units_at_stake(ct, facts)
    value = value_at_stake(ct, facts)
    stake = units > 0 or value > 0
    if deadline is not None and deadline.status == "claimable":
        left, claim = deadline.days_left, deadline.claim_window
        if left <= cut.urgent_days and stake:
            reasons.append(urgency_reason(left, only=True, claim_window=claim))
            level = "urgent"
        elif left <= cut.high_days:
            reasons.append(urgency_reason(left, only=False, claim_window=claim))
            level = _raise(level, "high")
    if units >= cut.high_units:
        reasons.append(said("urg.units", n=units))
        level = _raise(level, "high")
    if value >= cut.high_value:
        reasons.append(said("urg.value", currency=currency, amount=amount_text(value, currency)))
        level = _raise(level, "high")
    failing = calc.get("failing") or []
    if failing and ct.group == "account":
        labels = ", ".join(str(calc[k]["label"]) for k in failing)
        reasons.append(said("urg.metric", labels=labels))
        level = _raise(level, "high")
    if not reasons:
        reasons.append(said("urg.none"))
    return level, reasons
