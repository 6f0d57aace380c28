"""What ``read_message`` finds in a pasted message (quantities, dates, carriers, amounts and
what only looks like one), its ``casewriter extract --json`` form, and the two helpers its
scanners share: the character ranges already claimed (``Spans``) and the word just before a
value (``word_before``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any

from casewriter.engine.message_words import Roles, key
from casewriter.identifiers import Found

#: How far before a date or an amount its word may be (a few fillers between).
WINDOW = 24


@dataclass(frozen=True)
class Quantity:
    value: int
    role: str
    word: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class MessageDate:
    value: date
    role: str | None
    word: str | None
    text: str
    start: int
    end: int
    year_inferred: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Carrier:
    name: str
    source: str
    """``name`` (the message names it) or ``tracking`` (a tracking number's own carrier)."""
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Amount:
    amount: Decimal
    currency: str
    role: str | None
    word: str | None
    text: str
    start: int
    end: int
    note: str | None = None


@dataclass(frozen=True)
class Problem:
    """Something shaped like a fact that is not one (``2月30日``)."""

    text: str
    start: int
    end: int
    reason: str


@dataclass
class MessageFacts:
    """Everything ``read_message`` found, in the order written."""

    identifiers: list[Found] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[MessageDate] = field(default_factory=list)
    carriers: list[Carrier] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def to_json(self) -> dict[str, list[dict[str, Any]]]:
        """``casewriter extract --json``'s shape (README, "Scripting"): each item's fields in
        the order declared, a date as ``YYYY-MM-DD`` and an amount as its exact text."""
        return {
            "identifiers": [f.to_json() for f in self.identifiers],
            **{kind: [_item_json(x) for x in getattr(self, kind)] for kind in _KINDS},
        }


#: The lists of ``MessageFacts`` (after its identifiers), in ``to_json``'s order.
_KINDS = ("quantities", "dates", "carriers", "amounts", "problems")


def _item_json(item: Any) -> dict[str, Any]:
    return {f.name: _plain(getattr(item, f.name)) for f in fields(item)}


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class Spans:
    """Character ranges already claimed (identifiers, then amounts, dates, quantities), kept
    sorted and apart, so each look is a bisection. The first ranges (a message's identifiers,
    thousands of them in a long paste) are kept apart from those claimed later (a few), so a
    claim never shifts the long list."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        """Start with ``ranges`` claimed (overlapping ones merged)."""
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            if self.ends and start < self.ends[-1]:
                if end > self.ends[-1]:
                    self.ends[-1] = end
                continue
            self.starts.append(start)
            self.ends.append(end)
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        if i and self.ends[i - 1] > start:
            return False
        i = bisect_left(self._starts, end)
        return i == 0 or self._ends[i - 1] <= start

    def claim(self, start: int, end: int) -> None:
        if self.free(start, end):
            i = bisect_left(self._starts, start)
            self._starts.insert(i, start)
            self._ends.insert(i, end)


def word_before(low: str, text: str, start: int, roles: Roles) -> tuple[str, str, int] | None:
    """(role, word as written, distance) of the role word just before ``start`` in the
    lower-cased message, only fillers between."""
    lo = max(0, start - WINDOW)
    best = None
    for m in roles.words.finditer(low, lo, start):
        if roles.filler.match(low, m.end(), start) is not None:
            best = m
    if best is None:
        return None
    return roles.role_of[key(best.group())], text[best.start() : best.end()], start - best.end()
