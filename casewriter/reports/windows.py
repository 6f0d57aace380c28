"""Claim windows for scan findings, only from the case-type catalog (so a user's case type or
``deadline_overrides`` in config.toml applies, exactly as it does to ``render``), and the one
decision for a finding whose marketplace has none.

``catalog_window(case_type, marketplace, event, as_of, catalog, memo)`` asks
``Catalog.deadline_rules`` for the case type the finding's rule maps to and evaluates them
(``casewriter.engine.evaluate_deadline``: the longest window in force gives the status and
``closes``, the shortest ``safe_by``; both days included), or None when the catalog documents
none; every rule's window comes from here. ``finding_window`` is the same for one finding,
and when the catalog documents no window for it, marks it (``mark_no_window``): every rule's
finding in a marketplace without a documented window is still reported, ``to-review``, with
"no documented window" as its window's source and one note (issue 14 §2); ``scan --draft``
drafts the claims among them (not the leads), as it always did for the newer rules. No window
lives in this module.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from casewriter.reports.findings import Finding, Window
from casewriter.reports.note_words import wn

if TYPE_CHECKING:
    from casewriter.engine import Catalog

#: the mark of a finding whose case type has no claim window documented for its marketplace
NO_WINDOW = "no documented window"

#: (case type, marketplace, event date) → the window worked out once in a scan (None: no rule)
Memo = dict[tuple[str, str, date], Window | None]


def documented(case_type: str, marketplace: str, catalog: Catalog | None) -> bool:
    """Whether the catalog has claim-window rules of ``case_type`` for ``marketplace`` (its own
    or ``*`` ones), whatever dates they are in force for."""
    if catalog is None or case_type not in catalog:
        return False
    return bool(catalog.deadline_rules(case_type, marketplace))


def mark_no_window(f: Finding, marketplace: str, what: str = "", loaded: bool = True) -> None:
    """The one decision for a finding whose case type has no claim window documented for its
    marketplace (or none in force on its event date), whatever its rule: reported all the same,
    ``to-review``, its window's source "no documented window" (the mark) and a note saying what
    to do (``what``: what the note says has no window, by default the finding's case type;
    ``loaded``: False when no case-type catalog was given, and the source says so)."""
    why = "" if loaded else " (case-type catalog not loaded)"
    f.window = Window(None, None, None, f"{NO_WINDOW}{why}", "to-review")
    f.status = "to-review"
    advice = wn("note.advice_lead" if f.lead else "note.advice_claim")
    where = marketplace or wn("note.this_marketplace")
    f.notes.append(wn("note.no_window", no_window=NO_WINDOW, what=what or f.case_type,
                      where=where, advice=advice))  # fmt: skip


def finding_window(
    f: Finding, marketplace: str, as_of: date, catalog: Catalog | None, memo: Memo | None = None
) -> Window | None:
    """The catalog's window of ``f`` (its case type, its event date) in ``marketplace``; None,
    after marking ``f`` (``mark_no_window``), when the catalog documents none for it. A finding
    with no event date gets None unmarked when the marketplace has rules (the caller says the
    date is missing), marked when it has none."""
    if f.event_date is None:
        if not documented(f.case_type, marketplace, catalog):
            mark_no_window(f, marketplace, loaded=catalog is not None)
        return None
    window = catalog_window(f.case_type, marketplace, f.event_date, as_of, catalog, memo)
    if window is None:
        mark_no_window(f, marketplace, loaded=catalog is not None)
    return window


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
    window = shared_window(case_type, marketplace, event, as_of, catalog, memo)
    if window is None or memo is None:
        return window
    return Window(window.opens, window.closes, window.safe_by, window.source, window.status)


def shared_window(
    case_type: str,
    marketplace: str,
    event: date,
    as_of: date,
    catalog: Catalog | None,
    memo: Memo | None = None,
) -> Window | None:
    """``catalog_window`` without the copy: the window ``memo`` keeps, to be read, never
    changed (a lead's test asks thousands of them only their status)."""
    if memo is None:
        return _evaluate(case_type, marketplace, event, as_of, catalog)
    key = (case_type, marketplace, event)
    if key in memo:
        return memo[key]
    window = memo[key] = _evaluate(case_type, marketplace, event, as_of, catalog)
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
