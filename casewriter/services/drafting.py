"""``scan --draft`` and the scan screen's "draft": one case per claimable finding, logged.

Each claimable finding, and each claim with no documented window (``to-review`` but not a
lead), becomes a draft (``reports.drafts.draft_from_finding``). A lead (``Finding.lead``: a
figure to verify, a package to confirm lost) is drafted only when its rule is one the caller
names (``review_rules``: ``scan --draft-stranded``, or a stranded finding selected in the scan
screen: ``DRAFTABLE_LEADS``), with its act-by date as the case's deadline; too-early and expired
findings never are.

Each draft is rendered, and is skipped when the log already holds a case on the same problem
(``services.duplicates``, by the case type's rule: an open one to reply in, a closed or denied
one to reopen rather than resubmit), when a report it depends on was read only in part, or when the log refuses one of
its values (an amount out of range…); the rest are saved with the finding's own claim window
and expected amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from casewriter.config import Settings
from casewriter.errors import UsageError
from casewriter.messages import said
from casewriter.paths import AppPaths
from casewriter.reports.drafts import draft_from_finding
from casewriter.reports.findings import Finding
from casewriter.services.duplicates import same_problem
from casewriter.services.saving import new_case_from_render

if TYPE_CHECKING:
    from casewriter.engine import DuplicateCase


@dataclass
class DraftReport:
    """What ``save_drafts`` did: the new local case ids, and each finding it skipped."""

    drafted: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (finding label, reason)


def label(finding: Finding) -> str:
    """A finding as a skip report names it: its rule and identifiers."""
    return f"{finding.rule} " + " ".join(f"{v}" for v in finding.ids.values() if v)


#: the leads a seller may ask to draft (``scan --draft-stranded``)
DRAFTABLE_LEADS = frozenset({"stranded-inventory"})


def draftable(
    finding: Finding, *, claimable: bool = True, review_rules: frozenset[str] = frozenset()
) -> bool:
    """Claimable findings and claims with no documented window (``to-review`` but not a lead:
    file them soon) when ``claimable``; leads only of ``review_rules``. Too-early and expired
    findings are never drafted."""
    if finding.status == "claimable":
        return claimable
    if finding.status != "to-review":
        return False
    return finding.rule in review_rules if finding.lead else claimable


def _why(found: list[DuplicateCase]) -> str:
    """Why a finding is not drafted: the log's case on the same problem, and what to do."""
    from casewriter.messages import pair
    from casewriter.store.statuses import STATUS_NAMES

    opened = [c.id for c in found if c.is_open]
    if opened:  # the app's scan screen reads the English "open case CW-…" (skip_reason)
        return said("draft.open_case", ids=", ".join(opened))
    first = found[0]
    where = (said("draft.sc_case", sc=first.sc_case_id) if first.sc_case_id
             else said("draft.it"))  # fmt: skip
    status = pair(first.status, STATUS_NAMES.get(first.status, (first.status,) * 2)[1])
    code = "draft.denied" if first.status == "denied" else "draft.reopen"
    return said(code, status=status, id=first.id, where=where)


def save_drafts(
    findings: Iterable[Finding],
    paths: AppPaths,
    settings: Settings,
    as_of: date,
    *,
    claimable: bool = True,
    review_rules: frozenset[str] = frozenset(),
) -> DraftReport:
    """Render and log one draft per draftable finding (``draftable``: claimable ones unless
    ``claimable`` is False, leads of ``review_rules``); skip those with an open case."""
    from casewriter.engine import Engine
    from casewriter.store import CaseStore

    engine = Engine.load(paths, settings)
    profile = settings.profile(None)
    report = DraftReport()
    store = CaseStore.open(paths)
    try:
        for finding in findings:
            if not draftable(finding, claimable=claimable, review_rules=review_rules):
                continue
            if finding.bad_ids:  # a case must not cite an id that fails its check
                ids = ", ".join(finding.bad_ids)
                report.skipped.append((label(finding), said("draft.bad_ids", ids=ids)))
                continue
            if not finding.complete:  # a report it depends on broke part way
                report.skipped.append((label(finding), said("draft.partial")))
                continue
            draft = draft_from_finding(finding, engine.catalog, profile.id if profile else None)
            rendered = engine.render(draft, as_of=as_of)
            ct = engine.catalog.get(draft.case_type)
            found = same_problem(store, ct, rendered.identifiers)
            if found:
                report.skipped.append((label(finding), _why(found)))
                continue
            new = new_case_from_render(
                draft,
                rendered,
                profile=profile.id if profile else "",
                deadline_closes=finding.window.closes,
                expected_amount=finding.amount,
                currency=finding.currency,
            )
            try:
                logged = store.save_new(new)
            except UsageError as exc:  # a value the log refuses (an amount out of range…)
                report.skipped.append((label(finding), exc.message))
                continue
            report.drafted.append(logged.id)
    finally:
        store.close()
    return report
