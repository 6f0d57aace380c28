"""Claim windows for scan findings, only from the case-type catalog (so a user's case type or
``deadline_overrides`` in config.toml applies, exactly as it does to ``render``).

``window_for(case_type, marketplace, event_date, as_of, catalog)`` asks
``Catalog.deadline_rules`` for the case type the finding's rule maps to and evaluates them
(``casewriter.engine.evaluate_deadline``: the longest window in force gives the status and
``closes``, the shortest ``safe_by``; both days included). No window lives in this module: when
the catalog has no rule for that case type and marketplace, the finding has no window and its
``source`` says so.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from casewriter.reports.findings import Window

if TYPE_CHECKING:
    from casewriter.engine import Catalog


def no_rule(case_type: str, marketplace: str) -> str:
    """The ``source`` of a window the catalog has no rule for."""
    return (
        f"no claim-window rule for {case_type} in {marketplace or 'this marketplace'} in the "
        "case-type catalog: check the deadline in Seller Central"
    )


def window_for(
    case_type: str, marketplace: str, event_date: date | None, as_of: date, catalog: Catalog
) -> Window:
    """The window and status of a finding whose clock started on ``event_date``."""
    if event_date is None:
        return Window(None, None, None, "no event date in the reports", "claimable")
    if case_type in catalog:
        from casewriter.engine import evaluate_deadline

        deadline = evaluate_deadline(
            catalog.deadline_rules(case_type, marketplace), event_date, as_of
        )
        if deadline is not None:
            return Window(
                deadline.opens, deadline.closes, deadline.safe_by, deadline.source, deadline.status
            )
    return Window(None, None, None, no_rule(case_type, marketplace), "claimable")
