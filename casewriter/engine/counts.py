"""Counts that must add up (a case type's ``[[counts]]``): the units a case claims against the
units shipped and received (removal lost in transit: claimed = shipped − received; inbound
missing units; a damaged or incomplete removal: shipped − received + damaged). The claimed
total is the item lines' total where the lines stand for it (``engine.items`` fills that fact
first), else the fact the seller gave. A total that does not add up is a warning in both UI
languages (``warning_words``: ``count.mismatch``), never a readiness reason: a seller may claim
less on purpose, but should see that the numbers in the case disagree before filing.
"""

from __future__ import annotations

from collections.abc import Mapping

from casewriter.engine.models import CaseType, CountCheck
from casewriter.engine.values import FactValue
from casewriter.engine.warning_words import fact_name, ws
from casewriter.messages import Said, join


def _name(ct: CaseType, key: str) -> Said:
    spec = ct.fact(key)
    return fact_name(spec.label.both() if spec else Said(key), key)


def _count(facts: Mapping[str, FactValue], key: str) -> int | None:
    value = facts.get(key)
    return value if type(value) is int else None


def _check(
    ct: CaseType, check: CountCheck, facts: Mapping[str, FactValue], from_items: bool
) -> Said | None:
    claimed = _count(facts, check.total)
    if claimed is None or (check.unless is not None and check.unless.holds(facts)):
        return None
    expected = 0
    parts: list[Said] = []
    for sign, key in check.terms:
        n = _count(facts, key)
        if n is None:  # a figure not given is never taken as 0
            return None
        expected += sign * n
        term = join(" ", [_name(ct, key), Said(str(n))])
        if parts or sign < 0:  # "+ term", "− term"; a first term added goes bare
            term = join(" ", [Said("−" if sign < 0 else "+"), term])
        parts.append(term)
    if expected == claimed:
        return None
    how = ws("count.from_items") if from_items else Said("")
    return ws(
        "count.mismatch",
        terms=join(" ", parts),
        expected=expected,
        total=_name(ct, check.total),
        claimed=claimed,
        how=how,
    )


def count_warnings(
    ct: CaseType, facts: Mapping[str, FactValue], items_total: str | None = None
) -> list[Said]:
    """A warning for each of the case type's counts that does not add up; ``items_total``: the
    fact the item lines' total was written into (said so in the warning), if any."""
    out: list[Said] = []
    for check in ct.counts:
        said = _check(ct, check, facts, from_items=check.total == items_total)
        if said is not None:
            out.append(said)
    return out
