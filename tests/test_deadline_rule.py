"""The one deadline-rule model (``casewriter.deadline_rule``) refuses a window that cannot be one
(issue 10 F13): both ``max_days`` and ``max_months``, or a ``min_days`` after the last day, in
a case type's ``[[deadlines]]`` (built-in, user file, partial override) and in config.toml's
``[[deadline_overrides]]`` alike, each a one-line error naming the file, the rule and the fix."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from casewriter.config import load_settings
from casewriter.deadline_rule import DeadlineRule, shortest_months_span
from casewriter.engine.catalog import Catalog
from casewriter.engine.deadlines import window
from casewriter.errors import CatalogError, UsageError
from casewriter.paths import AppPaths

BASE: dict[str, Any] = {
    "marketplaces": ["US"],
    "clock": "shipment delivery",
    "clock_fact": "delivered_date",
    "source": "my notes",
    "as_of": "2026-01-01",
}


def refused(**window_fields: int) -> str:
    with pytest.raises(ValidationError) as err:
        DeadlineRule.model_validate({**BASE, **window_fields})
    (error,) = err.value.errors()
    return str(error["msg"])


def test_both_max_days_and_max_months_is_refused() -> None:
    message = refused(max_days=60, max_months=2)
    assert message == (
        "give max_days or max_months, not both (max_days = 60, max_months = 2): "
        "keep the one the source states"
    )


def test_min_days_after_max_days_is_refused_and_a_one_day_window_is_not() -> None:
    assert refused(min_days=100, max_days=10) == (
        "min_days = 100 is after max_days = 10: the window would close before it opens "
        "(make min_days at most 10)"
    )
    rule = DeadlineRule.model_validate({**BASE, "min_days": 10, "max_days": 10})
    assert window(rule, date(2026, 3, 1)) == (date(2026, 3, 11), date(2026, 3, 11))


@pytest.mark.parametrize(("months", "shortest"), [(1, 28), (2, 59), (12, 365), (48, 1460)])
def test_min_days_is_checked_against_the_shortest_span_of_max_months(
    months: int, shortest: int
) -> None:
    assert shortest_months_span(months) == shortest
    DeadlineRule.model_validate({**BASE, "min_days": shortest, "max_months": months})
    assert refused(min_days=shortest + 1, max_months=months) == (
        f"min_days = {shortest + 1} is after max_months = {months} ({shortest} days at the "
        f"shortest): the window would close before it opens (make min_days at most {shortest})"
    )


@pytest.mark.parametrize("months", [1, 2, 3, 12, 48])
def test_the_months_bound_is_the_engines_own_window(months: int) -> None:
    """With ``min_days`` at the bound, the engine's window opens by the day it closes for every
    event date (here 2095 to 2101, across the non-leap 2100); one day more and some event
    gets a window that closes before it opens."""
    shortest = shortest_months_span(months)
    fits = DeadlineRule.model_validate({**BASE, "min_days": shortest, "max_months": months})
    over = fits.model_copy(update={"min_days": shortest + 1})  # what the check now refuses
    start = date(2095, 1, 1)
    events = [start + timedelta(days=i) for i in range((date(2101, 12, 31) - start).days)]

    def shortest_gap(rule: DeadlineRule) -> int:
        return min((closes - opens).days for opens, closes in (window(rule, e) for e in events))

    assert shortest_gap(fits) == 0
    assert shortest_gap(over) == -1


def test_the_catalog_shares_the_check(paths: AppPaths) -> None:
    path = paths.user_templates / "overrides" / "warehouse-lost.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        'extends = "builtin"\n[[deadlines]]\nmarketplaces = ["*"]\nclock = "ledger date"\n'
        'clock_fact = "ledger_date"\nmin_days = 40\nmax_months = 1\nsource = "Mine"\n'
        'as_of = "2026-10-02"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as err:
        Catalog.load(paths)
    assert err.value.message == (
        f"{path}: deadlines.0: min_days = 40 is after max_months = 1 (28 days at the shortest): "
        "the window would close before it opens (make min_days at most 28)"
    )


def test_the_config_shares_the_check(paths: AppPaths) -> None:
    config: Path = paths.config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        '[[deadline_overrides]]\ncase_type = "inbound-missing-units"\nmarketplaces = ["US"]\n'
        'clock = "delivery"\nclock_fact = "delivered_date"\nmax_days = 60\nmax_months = 2\n'
        'source = "AM email"\nas_of = "2026-10-02"\n',
        encoding="utf-8",
    )
    with pytest.raises(UsageError) as err:
        load_settings(paths)
    assert err.value.message == (
        f"{config}: deadline_overrides[0]: give max_days or max_months, not both "
        "(max_days = 60, max_months = 2): keep the one the source states"
    )


def test_every_built_in_rule_is_a_window(paths: AppPaths) -> None:
    """The built-in case types pass the new check (it refuses nothing Amazon publishes)."""
    catalog = Catalog.load(paths)
    rules = [r for ct in catalog.all() for r in ct.deadlines]
    assert rules and all((r.max_days is None) != (r.max_months is None) for r in rules)
