"""A claim-window rule as data: the one model of a deadline rule.

A case type's ``[[deadlines]]`` (the engine's catalog) and a user's ``[[deadline_overrides]]``
in ``config.toml`` (``casewriter.config``) are both this model, so both are checked by the same
rules: marketplace codes (or ``*``), a clock fact that is a fact key, windows within
``casewriter.bounds`` that open before they close (one of ``max_days`` or ``max_months``, never
after ``min_days``), a source and an as-of date (a rule is data with a source, never a
constant in code). ``explain`` turns its validation errors into the one-line wording config
errors use.

It imports pydantic (~80 ms): ``casewriter.config`` loads it only when a config has overrides,
so the TUI's start-up does not pay for it.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from casewriter.bounds import MAX_WINDOW_DAYS, MAX_WINDOW_MONTHS, date_in_range, date_range_text
from casewriter.marketplaces import MARKETPLACES

FACT_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def _empty_to_none(v: Any) -> Any:
    return None if v == "" else v


def _invalid(message: str) -> PydanticCustomError:
    """A validation error whose message is ``message`` exactly (no "Value error, " prefix)."""
    return PydanticCustomError("deadline_rule", "{message}", {"message": message})


class DeadlineRule(BaseModel):
    """When a case of one type may be filed in some marketplaces (``["*"]``: all): from
    ``min_days`` to ``max_days`` days (or ``max_months`` months) after the date in the fact
    ``clock_fact``; in force from ``effective_from`` until ``until``; said by ``source`` as of
    ``as_of``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    marketplaces: list[str]
    clock: str
    clock_zh: str = ""
    """``clock`` in Chinese, for the app's 简体中文 mode (English when empty)."""
    clock_fact: str
    # Bounded (casewriter.bounds): event date + window must stay a real date. Strict: a TOML
    # "60" or 6.5 is a mistake to report, not a number to guess.
    min_days: int = Field(default=0, ge=0, le=MAX_WINDOW_DAYS, strict=True)
    max_days: int | None = Field(default=None, ge=0, le=MAX_WINDOW_DAYS, strict=True)
    max_months: int | None = Field(default=None, ge=0, le=MAX_WINDOW_MONTHS, strict=True)
    source: str
    as_of: date
    effective_from: date | None = None
    until: date | None = None
    note: str = ""
    note_zh: str = ""
    """``note`` in Chinese (English when empty)."""
    claim_window: bool = Field(default=True, strict=True)
    """False: a period to act (relist or remove stranded units within 30 days), not a window
    for filing a claim: it never makes a case too early or too late to file, and its wording
    never says "claim window"."""

    _none = field_validator("effective_from", "until", "max_days", "max_months", mode="before")(
        _empty_to_none
    )

    @field_validator("marketplaces")
    @classmethod
    def _codes(cls, v: list[str]) -> list[str]:
        codes = [m.strip().upper() for m in v]
        if not codes:
            raise _invalid("list at least one marketplace code, or '*'")
        for code in codes:
            if code != "*" and code not in MARKETPLACES:
                known = ", ".join(MARKETPLACES)
                raise _invalid(f"unknown marketplace {code!r} (known: {known}, or '*' for all)")
        return list(dict.fromkeys(codes))

    @field_validator("clock", "source")
    @classmethod
    def _said(cls, v: str) -> str:
        if not v.strip():
            raise _invalid("must not be empty")
        return v.strip()

    @field_validator("clock_fact")
    @classmethod
    def _fact_key(cls, v: str) -> str:
        if not FACT_KEY.match(v.strip()):
            raise _invalid(f"{v!r} is not a fact key (snake_case: a-z, 0-9, _)")
        return v.strip()

    @field_validator("as_of", "effective_from", "until")
    @classmethod
    def _in_range(cls, v: date | None) -> date | None:
        if v is not None and not date_in_range(v):
            raise _invalid(f"{v.isoformat()} is out of range ({date_range_text()})")
        return v

    @model_validator(mode="after")
    def _window(self) -> DeadlineRule:
        if self.max_days is None and self.max_months is None:
            raise _invalid("give max_days or max_months (the latest day to file)")
        if self.max_days is not None and self.max_months is not None:
            raise _invalid(
                f"give max_days or max_months, not both (max_days = {self.max_days}, "
                f"max_months = {self.max_months}): keep the one the source states"
            )
        if self.max_days is not None and self.min_days > self.max_days:
            raise _invalid(
                f"min_days = {self.min_days} is after max_days = {self.max_days}: the window "
                f"would close before it opens (make min_days at most {self.max_days})"
            )
        if self.max_months is not None:
            shortest = shortest_months_span(self.max_months)
            if self.min_days > shortest:
                raise _invalid(
                    f"min_days = {self.min_days} is after max_months = {self.max_months} "
                    f"({shortest} days at the shortest): the window would close before it "
                    f"opens (make min_days at most {shortest})"
                )
        return self


@cache
def shortest_months_span(months: int) -> int:
    """The fewest days ``months`` calendar months can span (a date plus ``months`` months, the
    day clamped to the month's end as the engine counts: 31 January + 1 month = 28 February,
    28 days). Only the 1st and the 29th to 31st of a month can differ; the starts run over
    2096 to 2103, which hold the sparsest Februaries there are (2100 is not a leap year)."""
    spans = []
    for year in range(2096, 2104):
        for month in range(1, 13):
            for day in (1, 29, 30, 31):
                if day <= monthrange(year, month)[1]:
                    start = date(year, month, day)
                    spans.append((_plus_months(start, months) - start).days)
    return min(spans)


def _plus_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(start.day, monthrange(year, month + 1)[1]))


#: pydantic's error types, worded the way config.toml errors are.
_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "int_parsing": "a whole number",
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "date_type": "a date YYYY-MM-DD",
    "date_parsing": "a date YYYY-MM-DD",
    "date_from_datetime_parsing": "a date YYYY-MM-DD",
    "date_from_datetime_inexact": "a date YYYY-MM-DD",
}


def explain(exc: ValidationError, where: str, meaning: Mapping[str, str] | None = None) -> str:
    """The first error of ``exc`` as one line: ``<where>.<field>: <what is wrong>`` (a list item
    as ``field[i]``), naming what the field accepts; a missing field is described by
    ``meaning[field]`` when given."""
    first = exc.errors()[0]
    path = where
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    kind, raw = first["type"], repr(first.get("input"))
    got = raw if len(raw) <= 60 else f"{raw[:57]}..."
    ctx = first.get("ctx") or {}
    if kind == "missing":
        what = (meaning or {}).get(str(first["loc"][-1]), "") if first["loc"] else ""
        problem = f"missing (required: {what})" if what else "missing (required)"
    elif kind in _TYPE_WORDS:
        problem = f"expected {_TYPE_WORDS[kind]}, got {got}"
    elif kind == "greater_than_equal":
        problem = f"must be {ctx.get('ge')} or more, got {got}"
    elif kind == "less_than_equal":
        problem = (
            f"at most {ctx.get('le')} (a claim window longer than ten years is a typo), got {got}"
        )
    elif kind == "extra_forbidden":
        problem = "unknown field"
    else:
        problem = str(first["msg"])
    return f"{path}: {problem}"
