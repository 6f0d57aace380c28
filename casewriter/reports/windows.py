"""Claim windows for scan findings, only from the case-type catalog (so a user's case type or
``deadline_overrides`` in config.toml applies, exactly as it does to ``render``).

``catalog_window(case_type, marketplace, event, as_of, catalog, memo)`` asks
``Catalog.deadline_rules`` for the case type the finding's rule maps to and evaluates them
(``casewriter.engine.evaluate_deadline``: the longest window in force gives the status and
``closes``, the shortest ``safe_by``; both days included), or None when the catalog documents
none; every rule's window comes from here. ``window_for`` is the same for the first four rules,
whose finding without a rule keeps status claimable with a ``source`` that says so. No window
lives in this module.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from casewriter.reports.findings import Window

if TYPE_CHECKING:
    from casewriter.engine import Catalog


#: (case type, marketplace, event date) → the window worked out once in a scan (None: no rule)
Memo = dict[tuple[str, str, date], Window | None]


def no_rule(case_type: str, marketplace: str) -> str:
    """The ``source`` of a window the catalog has no rule for."""
    return (
        f"no claim-window rule for {case_type} in {marketplace or 'this marketplace'} in the "
        "case-type catalog: check the deadline in Seller Central"
    )


def window_for(
    case_type: str,
    marketplace: str,
    event_date: date | None,
    as_of: date,
    catalog: Catalog,
    memo: Memo | None = None,
) -> Window:
    """The window and status of a finding whose clock started on ``event_date``."""
    if event_date is None:
        return Window(None, None, None, "no event date in the reports", "claimable")
    window = catalog_window(case_type, marketplace, event_date, as_of, catalog, memo)
    if window is not None:
        return window
    return Window(None, None, None, no_rule(case_type, marketplace), "claimable")


def catalog_window(
    case_type: str,
    marketplace: str,
    event: date,
    as_of: date,
    catalog: Catalog | None,
    memo: Memo | None = None,
) -> Window | None:
    """The catalog's window for an event on ``event``; None when it has no rule in force for it.
    ``memo`` keeps the windows already worked out in one scan (thousands of findings share a
    date); each caller gets its own copy."""
    key = (case_type, marketplace, event)
    if memo is not None and key in memo:
        known = memo[key]
        return None if known is None else replace(known)
    window = _evaluate(case_type, marketplace, event, as_of, catalog)
    if memo is not None:
        memo[key] = window
        return None if window is None else replace(window)
    return window


def _evaluate(
    case_type: str, marketplace: str, event: date, as_of: date, catalog: Catalog | None
) -> Window | None:
    if catalog is None or case_type not in catalog:
        return None
    from casewriter.engine import evaluate_deadline

    deadline = evaluate_deadline(catalog.deadline_rules(case_type, marketplace), event, as_of)
    if deadline is None:
        return None
    return Window(
        deadline.opens, deadline.closes, deadline.safe_by, deadline.source, deadline.status
    )
