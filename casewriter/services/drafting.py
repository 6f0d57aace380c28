"""``scan --draft`` and the scan screen's "draft": one case per claimable finding, logged.

``to-review`` findings are leads, not claims: they are drafted only for the rules the caller
names (``review_rules``: ``scan --draft-stranded``, or a stranded finding selected in the scan
screen), with their act-by date as the case's deadline.

Each finding becomes a draft (``reports.drafts.draft_from_finding``), is rendered, and is
skipped when the log already holds an open case with the same identifiers (the duplicate
guard), when a report it depends on was read only in part, or when the log refuses one of its
values (an amount out of range…); the rest are saved with the finding's own claim window and
expected amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from casewriter.config import Settings
from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.reports.drafts import draft_from_finding
from casewriter.reports.findings import Finding
from casewriter.services.saving import new_case_from_render


@dataclass
class DraftReport:
    """What ``save_drafts`` did: the new local case ids, and each finding it skipped."""

    drafted: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (finding label, reason)


def label(finding: Finding) -> str:
    """A finding as a skip report names it: its rule and identifiers."""
    return f"{finding.rule} " + " ".join(f"{v}" for v in finding.ids.values() if v)


#: the to-review rules a seller may ask to draft (``scan --draft-stranded``)
DRAFTABLE_LEADS = frozenset({"stranded-inventory"})


def save_drafts(
    findings: Iterable[Finding],
    paths: AppPaths,
    settings: Settings,
    as_of: date,
    *,
    claimable: bool = True,
    review_rules: frozenset[str] = frozenset(),
) -> DraftReport:
    """Render and log one draft per claimable finding (unless ``claimable`` is False) and per
    ``to-review`` finding of ``review_rules``; skip those with an open case."""
    from casewriter.engine import Engine
    from casewriter.store import CaseStore

    engine = Engine.load(paths, settings)
    profile = settings.profile(None)
    report = DraftReport()
    store = CaseStore.open(paths)
    try:
        for finding in findings:
            wanted = (
                claimable
                if finding.status == "claimable"
                else (finding.status == "to-review" and finding.rule in review_rules)
            )
            if not wanted:
                continue
            if finding.bad_ids:  # a case must not cite an id that fails its check
                report.skipped.append(
                    (label(finding), f"an identifier fails its check: {', '.join(finding.bad_ids)}")
                )
                continue
            if not finding.complete:  # a report it depends on broke part way
                report.skipped.append((label(finding), "a report it needs was read only in part"))
                continue
            draft = draft_from_finding(finding, engine.catalog, profile.id if profile else None)
            rendered = engine.render(draft, as_of=as_of)
            open_cases = store.duplicates(rendered.identifiers)
            if open_cases:
                ids = ", ".join(c.id for c in open_cases)
                report.skipped.append((label(finding), f"open case {ids}"))
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
