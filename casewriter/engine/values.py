"""Typed fact values: what a fact is once it has been read where it entered (a case file, the
wizard, a report finding), and the two forms it leaves in.

- ``FactValue``: ``int`` (quantity), ``Money`` (an amount with its currency), ``date``,
  ``float`` (percent), ``bool``, ``str`` (choice, text). Facts travel typed from where they enter
  to the render context; nothing downstream parses them again.
- ``fact_json``: the JSON form the case log keeps in a draft (``"24.99"``, ``"2026-04-02"``),
  the same shapes drafts have always been logged with, so old drafts reopen and new ones read
  back the same way.
- ``template_value``: what templates see (docs/architecture.md, "Render context"): dates as
  ``YYYY-MM-DD``, money as the amount written with its currency's decimals (``"24.99"``,
  ``"2500"`` for JPY), everything else as it is.

No pydantic and no parsing here (parsing is ``facts.py``), so the draft model can use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from casewriter.marketplaces import amount_text


@dataclass(frozen=True)
class Money:
    """An amount (never negative, checked where it is read) in a currency (``USD``)."""

    amount: Decimal
    currency: str

    def text(self) -> str:
        """The amount as a case states it: ``24.99``; no decimals for JPY (``2500``)."""
        return amount_text(self.amount, self.currency)

    def __str__(self) -> str:
        return self.text()


FactValue = bool | int | float | Decimal | Money | date | str
"""A typed fact (``Decimal`` only from callers that built a draft by hand: read as money)."""
JsonFact = bool | int | float | str
"""A fact as the case log keeps it in a draft's JSON."""


def fact_json(value: FactValue) -> JsonFact:
    """The JSON form of a typed fact (what ``Draft.model_dump(mode="json")`` logs)."""
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def template_value(value: FactValue, currency: str) -> FactValue:
    """What a template sees for a typed fact (``currency``: the marketplace's, for a bare
    ``Decimal``)."""
    if isinstance(value, Money):
        return value.text()
    if isinstance(value, Decimal):
        return Money(value, currency).text()
    if isinstance(value, date):
        return value.isoformat()
    return value
