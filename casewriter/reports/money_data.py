"""The figures the money rules compare against, read from ``data/money.toml`` and checked.

Owns ``money_rules()`` (cached) → ``MoneyRules``: the manufacturing-cost valuation dates and
reasons, the price margin, the damaged return dispositions, tolerances, the removal statuses and
the researching delay, each with its source. A missing key or a value of the wrong kind is one
line naming the file and the key (``CasewriterError``), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from casewriter.errors import CasewriterError
from casewriter.reports.values import norm

MONEY_DATA = Path(__file__).with_name("data") / "money.toml"


@dataclass(frozen=True)
class MoneyRules:
    cost_from: date
    cost_certain_from: date
    valuation_source: str
    cost_reasons: frozenset[str]
    never_reasons: frozenset[str]
    cost_tolerance: Decimal
    price_months: int
    price_margin_pct: Decimal
    price_source: str
    damaged_dispositions: frozenset[str]
    paid_return_statuses: frozenset[str]
    over_tolerance: Decimal
    removal_done: frozenset[str]
    removal_return_types: frozenset[str]
    researching_days: int
    researching_source: str


class _Reader:
    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self.data, self.path = data, path

    def _get(self, table: str, key: str) -> Any:
        section = self.data.get(table)
        if not isinstance(section, dict) or key not in section:
            raise CasewriterError(f"{self.path}: [{table}] {key} is missing")
        return section[key]

    def _bad(self, table: str, key: str, what: str) -> CasewriterError:
        return CasewriterError(f"{self.path}: [{table}] {key} must be {what}")

    def day(self, table: str, key: str) -> date:
        value = self._get(table, key)
        if not isinstance(value, date):
            raise self._bad(table, key, "a date (YYYY-MM-DD)")
        return value

    def text(self, table: str, key: str) -> str:
        value = self._get(table, key)
        if not isinstance(value, str) or not value.strip():
            raise self._bad(table, key, "a non-empty text")
        return value

    def words(self, table: str, key: str) -> frozenset[str]:
        value = self._get(table, key)
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self._bad(table, key, "a list of texts")
        return frozenset(norm(v) for v in value)

    def amount(self, table: str, key: str) -> Decimal:
        value = self._get(table, key)
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise self._bad(table, key, 'an amount such as "0.01"') from None
        if not number.is_finite() or number < 0:
            raise self._bad(table, key, "an amount of zero or more")
        return number

    def whole(self, table: str, key: str, high: int) -> int:
        value = self._get(table, key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise self._bad(table, key, f"a whole number from 0 to {high}")
        return value


@lru_cache(maxsize=1)
def money_rules(path: Path = MONEY_DATA) -> MoneyRules:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CasewriterError(f"cannot read the money rules {path}: {exc}") from None
    r = _Reader(data, path)
    rules = MoneyRules(
        cost_from=r.day("valuation", "cost_from"),
        cost_certain_from=r.day("valuation", "cost_certain_from"),
        valuation_source=r.text("valuation", "source"),
        cost_reasons=r.words("valuation", "cost_reasons"),
        never_reasons=r.words("valuation", "never_reasons"),
        cost_tolerance=r.amount("valuation", "cost_tolerance"),
        price_months=r.whole("valuation", "price_months", 24) or 1,
        price_margin_pct=Decimal(r.whole("valuation", "price_margin_pct", 100)),
        price_source=r.text("valuation", "price_source"),
        damaged_dispositions=r.words("returns", "damaged_dispositions"),
        paid_return_statuses=r.words("returns", "paid_statuses"),
        over_tolerance=r.amount("refunds", "over_tolerance"),
        removal_done=r.words("removals", "done_statuses"),
        removal_return_types=r.words("removals", "return_types"),
        researching_days=r.whole("researching", "min_days_after_close", 3650),
        researching_source=r.text("researching", "source"),
    )
    if rules.cost_certain_from < rules.cost_from:
        raise CasewriterError(f"{path}: [valuation] cost_certain_from is before cost_from")
    return rules
