"""Claim windows: inclusive bounds, calendar months, longest vs safe_by, dated policy changes."""

from __future__ import annotations

from datetime import date
from typing import Any

from casewriter.engine.deadlines import evaluate
from casewriter.engine.models import DeadlineRule


def rule(**over: Any) -> DeadlineRule:
    base: dict[str, Any] = {"marketplaces": ["US"], "clock": "delivery", "clock_fact": "d",
                            "source": "S", "as_of": "2026-06-01"}  # fmt: skip
    base.update(over)
    return DeadlineRule.model_validate(base)


def test_window_includes_first_and_last_day() -> None:
    r = [rule(min_days=60, max_days=120)]
    event = date(2026, 1, 1)
    assert evaluate(r, event, date(2026, 3, 1)).status == "too-early"  # type: ignore[union-attr]
    first = evaluate(r, event, date(2026, 3, 2))
    assert first is not None and first.status == "claimable" and first.opens == date(2026, 3, 2)
    last = evaluate(r, event, date(2026, 5, 1))
    assert last is not None and last.status == "claimable" and last.days_left == 0
    after = evaluate(r, event, date(2026, 5, 2))
    assert after is not None and after.status == "expired" and after.days_left == -1


def test_calendar_months() -> None:
    d = evaluate([rule(max_months=1)], date(2026, 1, 31), date(2026, 2, 1))
    assert d is not None and d.closes == date(2026, 2, 28)
    d = evaluate([rule(max_months=9)], date(2026, 4, 2), date(2026, 5, 1))
    assert d is not None and d.closes == date(2027, 1, 2) and d.days_left == 246


def test_longest_closes_shortest_safe_by() -> None:
    rules = [rule(max_months=9, source="help page"), rule(max_months=6, source="guides")]
    d = evaluate(rules, date(2026, 4, 2), date(2026, 5, 1))
    assert d is not None
    assert d.closes == date(2027, 1, 2) and d.safe_by == date(2026, 10, 2)
    assert d.source == "help page" and "guides" in d.safe_source
    assert d.contract_json() == {"opens": "2026-04-02", "closes": "2027-01-02", "safe_by": "2026-10-02",
                                 "days_left": 246, "source": "help page (as of 2026-06-01)"}  # fmt: skip
    # past the short window but inside the long one: still claimable, never "expired"
    late = evaluate(rules, date(2026, 4, 2), date(2026, 11, 1))
    assert late is not None and late.status == "claimable"
    same = evaluate([rule(max_days=60), rule(max_days=60)], date(2026, 1, 1), date(2026, 1, 2))
    assert same is not None and same.safe_by is None


def test_dated_policy_change_replaces_older_rule() -> None:
    rules = [
        rule(max_months=18, until="2024-10-23", source="old"),
        rule(max_days=60, effective_from="2024-10-23", source="new"),
    ]
    new = evaluate(rules, date(2025, 1, 10), date(2025, 1, 20))
    assert new is not None and new.source == "new" and new.safe_by is None
    old = evaluate(rules, date(2024, 10, 1), date(2025, 1, 20))
    assert old is not None and old.source == "old" and old.closes == date(2026, 4, 1)
    assert (
        evaluate(
            [rule(max_days=5, effective_from="2030-01-01")], date(2026, 1, 1), date(2026, 1, 2)
        )
        is None
    )
