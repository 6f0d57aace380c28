"""Claim windows for scan findings, from the case-type catalog (so a user override applies).

``window_for(case_type, marketplace, event_date, as_of, catalog)`` asks
``Catalog.deadline_rules`` and ``deadlines.evaluate`` (longest window → status and ``closes``,
shortest → ``safe_by``; both days included). Only when no catalog is given, or it has no rule
for the case type and marketplace, does it fall back to the documented defaults of
``design/reports.md`` below, named as such in ``source``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from casewriter.reports.findings import Window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

EU = frozenset({"UK", "DE", "FR", "IT", "ES", "NL", "SE", "PL"})
_SRC = "built-in default (design/reports.md)"


def _add_months(day: date, months: int) -> date:
    from dateutil.relativedelta import relativedelta

    result: date = day + relativedelta(months=months)
    return result


def _fallback(case_type: str, marketplace: str, event: date) -> tuple[date, date, date | None]:
    eu = marketplace.upper() in EU
    if case_type == "customer-return-not-received":
        lo, hi = (45, 105) if eu else (60, 120)
        return event + timedelta(days=lo), event + timedelta(days=hi), None
    if case_type == "inbound-missing-units":
        if eu:
            return event, _add_months(event, 6), None
        return event, _add_months(event, 9), _add_months(event, 6)
    return event, event + timedelta(days=60), None  # warehouse-lost / warehouse-damaged


def status_of(opens: date, closes: date, as_of: date) -> str:
    if as_of < opens:
        return "too-early"
    if as_of > closes:
        return "expired"
    return "claimable"


def window_for(
    case_type: str, marketplace: str, event_date: date | None, as_of: date, catalog: Catalog | None
) -> Window:
    """The window and status of a finding whose clock started on ``event_date``."""
    if event_date is None:
        return Window(None, None, None, "no event date in the reports", "claimable")
    if catalog is not None and case_type in catalog:
        from casewriter.engine import evaluate_deadline as evaluate

        deadline = evaluate(catalog.deadline_rules(case_type, marketplace), event_date, as_of)
        if deadline is not None:
            return Window(
                deadline.opens, deadline.closes, deadline.safe_by, deadline.source, deadline.status
            )
    opens, closes, safe_by = _fallback(case_type, marketplace, event_date)
    return Window(opens, closes, safe_by, _SRC, status_of(opens, closes, as_of))
