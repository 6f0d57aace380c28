"""The cases the review drafts (``CaseProposal``): an engine ``Draft`` with its facts filled as
far as the records and reports allow, and what it still lacks. ``proposal`` checks a draft
against its case type (required facts and slots, ``required_when`` for the draft's facts);
``_poa`` drafts the performance-metric plan of action, ``_finding_draft`` a scan finding's case
(``reports.drafts``), ``_capacity`` a capacity-limit exception for SKUs that need restocking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from casewriter.health.model import AccountMetric, CaseProposal, Figure, Text
from casewriter.health.targets import Targets
from casewriter.health.words import number
from casewriter.reports.findings import Finding

if TYPE_CHECKING:
    from casewriter.engine import Catalog, Draft, FactSpec


def proposal(catalog: Catalog, draft: Draft, also: Sequence[FactSpec] = ()) -> CaseProposal:
    """``draft`` as a proposal: ready when every required fact and slot is filled (required
    always, or by ``required_when`` for the draft's facts), and the facts in ``also``."""
    ct = catalog.get(draft.case_type)
    missing: list[Text] = []
    extra = {spec.key for spec in also}
    for spec in ct.facts:
        needed = _needed(spec, draft.facts) or spec.key in extra
        if needed and not spec.computed and spec.key not in draft.facts:
            missing.append(Text(en=spec.label.en, zh=spec.label.zh or spec.label.en))
    for slot in ct.evidence:
        filled = bool(draft.evidence.get(slot.key)) or any(
            a.slot == slot.key for a in draft.attachments
        )
        if _needed(slot, draft.facts) and not filled:
            missing.append(Text(en=slot.label.en, zh=slot.label.zh or slot.label.en))
    return CaseProposal(
        case_type=ct.id, title=Text(en=ct.title.en, zh=ct.title.zh or ct.title.en),
        draft=draft.model_dump(mode="json"), ready=not missing, missing=missing,
    )  # fmt: skip


def _poa(metric: AccountMetric, mp: str, targets: Targets, catalog: Catalog) -> CaseProposal | None:
    """The plan of action drafted for a missed or worsening rate: the metric, the day the figures
    are for, the rate as shown and its window (where the case type takes one). The case type's
    calculator threshold for that rate (``rate_fact``) names the counts the plan needs (defects
    and orders, late and all shipments …): it stays not ready until they are added."""
    spec = targets.spec(metric.key, mp)
    if spec is None or not spec.poa_metric or "performance-metric-poa" not in catalog:
        return None
    from casewriter.engine import Draft

    ct = catalog.get("performance-metric-poa")
    known = {f.key: f for f in ct.facts}
    facts: dict[str, Any] = {}
    if "metric" in known and spec.poa_metric in known["metric"].choices:
        facts["metric"] = spec.poa_metric
    if metric.recorded_on and "period_end" in known:
        facts["period_end"] = metric.recorded_on
    threshold = next(
        (t for t in ct.thresholds if spec.rate_fact and t.rate_fact == spec.rate_fact), None
    )
    if threshold is not None and metric.value is not None and spec.rate_fact in known:
        facts[spec.rate_fact] = float(metric.value)
    window = threshold.window_fact if threshold is not None else None
    if window and window in known and spec.period_days:
        facts[window] = spec.period_days
    draft = Draft(case_type=ct.id, marketplace=mp, facts=facts,
                  evidence={"notification_ref": [f"{spec.label.en} "
                            f"{number(metric.value, 'percent')} on Account Health, "
                            f"{metric.recorded_on.isoformat() if metric.recorded_on else ''}".strip()]})  # fmt: skip
    names = (threshold.numerator, threshold.denominator) if threshold is not None else ()
    counts = [known[k] for k in names if k and k in known and k not in facts]
    return proposal(catalog, draft, also=counts)


def _needed(spec: Any, facts: Mapping[str, Any]) -> bool:
    """Required for these facts (``required_when`` where the catalog has it)."""
    check = getattr(spec, "required_for", None)
    if callable(check):
        return bool(check(facts))
    return bool(spec.required)


def _finding_draft(f: Finding, catalog: Catalog) -> CaseProposal | None:
    if f.case_type not in catalog:
        return None
    from casewriter.reports.drafts import draft_from_finding

    return proposal(catalog, draft_from_finding(f, catalog))


def _capacity(fig: Figure, mp: str, catalog: Catalog) -> CaseProposal | None:
    if "capacity-limit-exception" not in catalog:
        return None
    from casewriter.engine import Draft

    asins = list(dict.fromkeys(i.asin for i in fig.items if i.asin))[:5]
    draft = Draft(case_type="capacity-limit-exception", marketplace=mp,
                  evidence={"asin": asins} if asins else {})  # fmt: skip
    return proposal(catalog, draft)
