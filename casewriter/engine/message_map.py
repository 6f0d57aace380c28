"""Which fact of a case type each thing a message says fills: a quantity by its word's role
(missing → ``units_missing``…), a date by its word (签收 → ``delivered_date``…), an amount by its
word and currency, a carrier → ``carrier``; all by the fact keys ``message_words.toml`` lists,
the first one the case type has, so no case type has code of its own here.

``plan(facts, found, currency)`` returns what to fill (``Fill``: the fact and the text its field
takes) and what was left and why (``Left``: no field for it in this case type, the fact already
taken by an earlier value of the message, another currency than the case's, a date that is no
date…). Pure: the paste box decides what the user's own typing keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from casewriter.engine.message_model import MessageFacts
from casewriter.engine.message_words import words
from casewriter.marketplaces import amount_text

#: Why something the message says fills no fact (``Left.reason``), as the CLI says it.
REASONS = {
    "no_field": "no field for it in this case type",
    "taken": "{fact} already takes {other} from this message",
    "currency": "in {currency}, not the case's {case_currency}",
    "no_word": "no word says which {what} it is",
    "problem": "{detail}",
}


class FactLike(Protocol):
    """What the map needs of a case type's fact (``casewriter.engine.FactSpec`` is one)."""

    @property
    def key(self) -> str: ...

    @property
    def type(self) -> str: ...


@dataclass(frozen=True)
class Fill:
    fact: str
    value: str
    """The text the fact's field takes: ``12``, ``2026-03-02``, ``UPS``, ``12.50``."""
    kind: str
    """``quantity``, ``date``, ``carrier`` or ``amount``."""
    index: int
    """Which of ``MessageFacts``' items of that kind (``quantities[index]``…)."""
    source: str
    """What the message said (``少了12件``, ``3月2号``, ``UPS``, ``$12.50``)."""
    year_inferred: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Left:
    kind: str
    index: int
    shown: str
    """The value as found: ``12``, ``2026-03-02``, ``UPS``, ``12.50 CNY``."""
    source: str
    reason: str
    """A key of ``REASONS``."""
    fact: str | None = None
    """``taken``: the fact the earlier value went to."""
    detail: dict[str, str] | None = None

    def sentence(self) -> str:
        """The reason in English (``casewriter extract --type``)."""
        return REASONS[self.reason].format(**(self.detail or {}))


_FACT_TYPE = {"quantity": "quantity", "date": "date", "amount": "money", "carrier": "text"}


class _Planner:
    def __init__(self, facts: Iterable[FactLike]) -> None:
        self.types = {f.key: f.type for f in facts}
        self.filled: dict[str, Fill] = {}
        self.fills: list[Fill] = []
        self.left: list[Left] = []

    def place(self, candidates: tuple[str, ...], fill: Fill, shown: str) -> None:
        wanted = _FACT_TYPE[fill.kind]
        keys = [k for k in candidates if self.types.get(k) == wanted]
        if not keys:
            self.left.append(Left(fill.kind, fill.index, shown, fill.source, "no_field"))
            return
        free = [k for k in keys if k not in self.filled]
        if not free:
            other = self.filled[keys[0]]
            if other.value == fill.value:
                return  # the message says the same thing twice
            detail = {"fact": keys[0], "other": other.value}
            self.left.append(
                Left(fill.kind, fill.index, shown, fill.source, "taken", keys[0], detail)
            )
            return
        placed = Fill(free[0], fill.value, fill.kind, fill.index, fill.source,
                      fill.year_inferred, fill.note)  # fmt: skip
        self.filled[free[0]] = placed
        self.fills.append(placed)


def plan(
    facts: Iterable[FactLike], found: MessageFacts, currency: str
) -> tuple[list[Fill], list[Left]]:
    """What ``found`` fills among ``facts`` (a case type's), and what it leaves and why.
    Amounts fill money facts only in the case's ``currency``."""
    w = words()
    p = _Planner(facts)
    for i, q in enumerate(found.quantities):
        fill = Fill("", str(q.value), "quantity", i, q.text)
        p.place(w.quantity_facts.get(q.role, ()), fill, str(q.value))
    for i, d in enumerate(found.dates):
        value = d.value.isoformat()
        fill = Fill("", value, "date", i, d.text, d.year_inferred, d.note)
        if d.role is None and not any(p.types.get(k) == "date" for k in w.date_none):
            p.left.append(Left("date", i, value, d.text, "no_word", detail={"what": "date"}))
            continue
        p.place(w.dates.facts.get(d.role, ()) if d.role else w.date_none, fill, value)
    for i, c in enumerate(found.carriers):
        p.place(w.carrier_facts, Fill("", c.name, "carrier", i, c.text), c.name)
    for i, a in enumerate(found.amounts):
        value = amount_text(a.amount, a.currency)
        shown = f"{value} {a.currency}"
        roles = w.money_roles.facts.get(a.role, ()) if a.role else w.money_none
        if a.currency != currency and any(p.types.get(k) == "money" for k in roles):
            detail = {"currency": a.currency, "case_currency": currency}
            p.left.append(Left("amount", i, shown, a.text, "currency", detail=detail))
            continue
        if a.role is None and not any(p.types.get(k) == "money" for k in roles):
            p.left.append(Left("amount", i, shown, a.text, "no_word", detail={"what": "amount"}))
            continue
        p.place(roles, Fill("", value, "amount", i, a.text, note=a.note), shown)
    for i, problem in enumerate(found.problems):
        detail = {"detail": f"{problem.text}: {problem.reason}"}
        p.left.append(Left("problem", i, problem.text, problem.text, "problem", detail=detail))
    return p.fills, p.left
