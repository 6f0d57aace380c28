"""The money rules' front: run them (``money_findings``) and give each finding its window from
the case-type catalog (``finish``).

Rules (each module's docstring says what it flags and never flags): ``removal-incomplete``,
``removal-lost`` (``removal_rules``), ``return-damaged``, ``refund-over-charge``
(``return_rules``), ``reimbursement-underpaid``, ``reimbursement-below-price`` (``underpaid``),
``researching-units`` (``researching``).

Windows come only from the catalog (``windows.finding_window``), so a user's overrides apply.
A finding whose case type has no rule for its marketplace (or no rule in force on its date)
keeps its place, marked "no documented window" and ``to-review`` (``windows.mark_no_window``,
the same for every rule); it is still a claim (``--draft`` drafts it). A **lead**
(``Finding.lead``: a removal package nobody confirmed lost, a payment below the selling price,
researching units) is ``to-review`` and never drafted; it is reported only while it can still be
acted on (its window open, or none: ``lead_open``, which the removal rule asks before it builds
a lead at all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from casewriter.reports.findings import Finding, Window
from casewriter.reports.note_words import wn
from casewriter.reports.removal_rules import removal_findings
from casewriter.reports.researching import researching
from casewriter.reports.return_rules import damaged_returns, over_refunds
from casewriter.reports.rules import Paid
from casewriter.reports.state import Collected
from casewriter.reports.underpaid import underpaid
from casewriter.reports.windows import Memo, finding_window, shared_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

MONEY_RULES = frozenset({"removal-incomplete", "removal-lost", "return-damaged",
                         "refund-over-charge", "reimbursement-underpaid",
                         "reimbursement-below-price", "researching-units"})  # fmt: skip

#: ``is_open(case type, marketplace, event date)`` (see ``money_findings``)
LeadOpen = Callable[[str, str, date | None], bool]


def money_findings(
    data: Collected,
    paid: Paid,
    found: list[Finding],
    main: str,
    today: date,
    confirmed: Iterable[str] = (),
    is_open: LeadOpen | None = None,
) -> tuple[list[Finding], list[str], set[str]]:
    """(findings, scan notes, the ``--confirm-removal-lost`` values that matched a package).
    ``is_open(case type, marketplace, event date)``: False for a lead ``finish`` would drop
    (its window not open), so that a rule with thousands of them builds only the rest."""
    removal_notes: list[str] = []
    out, matched = removal_findings(data, paid, main, confirmed, is_open, removal_notes)
    out += damaged_returns(data, paid)
    over, unknown = over_refunds(data, paid)
    out += over
    paid_low, notes = underpaid(data, main)
    out += paid_low
    out += researching(data, paid, found, today)
    if unknown:
        notes.append(wn("scan.refunds_unknown", n=unknown))
    return out, removal_notes + notes, matched


def finish(
    f: Finding,
    code: str,
    today: date,
    catalog: Catalog | None,
    memo: Memo | None = None,
) -> bool:
    """Give ``f`` its marketplace, window and status; False when a lead is out of its window
    (nothing to act on: it is dropped). No documented window: ``windows.mark_no_window``."""
    from casewriter.marketplaces import get

    f.marketplace = code
    if f.amount is not None and not f.currency:
        f.currency = get(code).currency
    window = finding_window(f, code, today, catalog, memo)
    if window is None:  # no documented window (marked), or no event date to count from
        if f.event_date is None and not f.window.source:
            f.window = Window(None, None, None, "no event date in the reports", "to-review")
        f.status = "to-review"
        return True
    f.window = window
    if not f.lead:
        f.status = window.status
        return True
    f.status = "to-review"
    return _acted_on(window)


def _acted_on(window: Window | None) -> bool:
    """A lead is reported while it can be acted on: its window open, or none documented."""
    return window is None or window.status == "claimable"


def lead_open(
    case_type: str,
    code: str,
    event: date | None,
    today: date,
    catalog: Catalog | None,
    memo: Memo | None = None,
) -> bool:
    """Whether ``finish`` keeps a lead of ``case_type`` in marketplace ``code`` whose clock
    started on ``event`` (no date: kept)."""
    if event is None:
        return True
    return _acted_on(shared_window(case_type, code, event, today, catalog, memo))
