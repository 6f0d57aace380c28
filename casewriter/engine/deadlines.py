"""Claim windows: evaluate a case type's deadline rules for an event date.

Windows include their first and last day. Several rules in force (sources that disagree): the
longest window gives ``closes`` so no valid claim is called expired, and the shortest gives a
"file by … to be safe" ``safe_by`` date when it differs. A rule is in force for an event when
``effective_from <= event < until``. ``for_facts`` is a draft's window: the rules for its
marketplace evaluated on the first clock fact it holds that has a rule in force (a rule of
another era may count from another event), or a hint naming the fact to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, Literal

from casewriter.engine.drafts import Deadline
from casewriter.engine.models import CaseType, DeadlineRule
from casewriter.engine.warning_words import fact_name, ws
from casewriter.messages import Said, join


def rules_for(ct: CaseType, marketplace: str) -> list[DeadlineRule]:
    """The case type's rules for this marketplace; else its ``*`` rules; else none."""
    code = marketplace.upper()
    own = [r for r in ct.deadlines if code in r.marketplaces]
    return own or [r for r in ct.deadlines if "*" in r.marketplaces]


def in_force(rule: DeadlineRule, event_date: date) -> bool:
    if rule.effective_from is not None and event_date < rule.effective_from:
        return False
    return rule.until is None or event_date < rule.until


def window(rule: DeadlineRule, event_date: date) -> tuple[date, date]:
    """(opens, closes) for one rule, both inclusive."""
    from dateutil.relativedelta import relativedelta

    opens = event_date + timedelta(days=rule.min_days)
    ends: list[date] = []
    if rule.max_days is not None:
        ends.append(event_date + timedelta(days=rule.max_days))
    if rule.max_months is not None:
        ends.append(event_date + relativedelta(months=rule.max_months))
    return opens, max(ends)


def evaluate(rules: Sequence[DeadlineRule], event_date: date, as_of: date) -> Deadline | None:
    """The claim window for ``event_date`` seen on ``as_of``; None when no rule applies."""
    active = [r for r in rules if in_force(r, event_date)]
    if not active:
        return None
    windows = [(window(r, event_date), r) for r in active]
    (opens, closes), longest = max(windows, key=lambda w: (w[0][1], -w[0][0].toordinal()))
    (_, short_close), shortest = min(windows, key=lambda w: w[0][1])
    safe_by = short_close if short_close != closes else None
    status: Literal["claimable", "too-early", "expired"]
    if as_of < opens:
        status = "too-early"
    elif as_of > closes:
        status = "expired"
    else:
        status = "claimable"
    notes = [r.note for r in (longest, shortest) if r.note]
    notes_zh = [r.note_zh or r.note for r in (longest, shortest) if r.note]
    return Deadline(
        opens=opens,
        closes=closes,
        safe_by=safe_by,
        days_left=(closes - as_of).days,
        status=status,
        source=longest.source,
        as_of=longest.as_of,
        clock=longest.clock,
        clock_zh=longest.clock_zh,
        event_date=event_date,
        today=as_of,
        note="; ".join(dict.fromkeys(notes)),
        note_zh="；".join(dict.fromkeys(notes_zh)),
        safe_source=f"{shortest.source}, as of {shortest.as_of.isoformat()}" if safe_by else "",
        claim_window=longest.claim_window,
    )


def for_facts(
    ct: CaseType, marketplace: str, facts: dict[str, Any], as_of: date
) -> tuple[Deadline | None, str | None]:
    """A draft's claim window from its typed facts, or a hint: the clock fact to add, or that
    the catalog documents no window for this marketplace (a warning, never a blocker)."""
    rules = rules_for(ct, marketplace)
    if not rules:
        if ct.claim_window and any(r.claim_window for r in ct.deadlines):
            return None, ws(
                "deadline.no_window",
                case_type=Said(ct.id, ct.title.get("zh")),
                marketplace=marketplace.upper(),
            )
        return None, None
    absent: list[DeadlineRule] = []
    for fact_key in dict.fromkeys(r.clock_fact for r in rules):
        event = facts.get(fact_key)
        same = [r for r in rules if r.clock_fact == fact_key]
        if not isinstance(event, date):
            absent += same
            continue
        # a rule of another era may count from another event (removals before 23 Oct 2024:
        # from the last carrier scan): the first clock with a rule in force gives the window
        found = evaluate(same, event, as_of)
        if found is not None:
            if not ct.claim_window:
                found = found.model_copy(update={"claim_window": False})
            return found, None
    return None, (_ask(ct, absent) if absent else None)


def _ask(ct: CaseType, rules: Sequence[DeadlineRule]) -> Said:
    """The hint naming the clock facts that would give a window."""
    asks: list[Said] = []
    clocks: list[Said] = []
    for rule in rules:
        spec = ct.fact(rule.clock_fact)
        ask = fact_name(spec.label.both() if spec else rule.clock_fact, rule.clock_fact)
        asks += [ask] if ask not in asks else []
        clock = Said(rule.clock, rule.clock_zh or rule.clock)
        clocks += [clock] if clock not in clocks else []
    return ws("deadline.ask", asks=join(" or ", asks, "或"), clocks=join("; ", clocks, "；"))
