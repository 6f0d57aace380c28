"""Turn a scan finding into a case draft (``scan --draft``).

``draft_from_finding`` fills the case type's evidence slots by identifier kind (FNSKU, ledger
reference, FBA shipment id, order id, SKU) and its facts by key, typed as the reports gave them
(the deadline rule's clock fact gets the event date; unit and value facts get the quantity and
the estimated value as ``Money`` in the marketplace's currency), plus a short factual narrative. Rendering and saving the drafts is ``casewriter.services.drafting``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casewriter.reports.findings import Finding

if TYPE_CHECKING:
    from casewriter.engine import Catalog, Draft, FactValue

_ID_KINDS = {"fnsku": "fnsku", "reference_id": "reference_id", "shipment_id": "shipment_id",
             "order_id": "order_id", "sku": "sku", "asin": "asin"}  # fmt: skip

_STORY = {
    "inbound-shortfall": "Shipment {shipment_id} was closed with {q} unit(s) of FNSKU {fnsku} "
    "not received (shipped minus received, after any Lost_Inbound reimbursement).",
    # worded without "fulfil(l)ment centre/center": the narrative is kept as written, and the
    # case text is in the marketplace's spelling (engine/wording.py)
    "warehouse-lost": "The inventory ledger shows {q} unit(s) of FNSKU {fnsku} lost in Amazon's "
    "warehouse (reference {reference_id}, {day}) that are neither found nor reimbursed.",
    "warehouse-damaged": "The inventory ledger shows {q} unit(s) of FNSKU {fnsku} damaged in "
    "Amazon's warehouse (reference {reference_id}, {day}) with no reimbursement.",
    "refund-not-returned": "Order {order_id} (SKU {sku}) was refunded on {day}, but the item was "
    "not returned and no reimbursement was issued.",
    "fee-overcharge": "Since {day}, {q} unit(s) of ASIN {asin} (SKU {sku}, FNSKU {fnsku}) were "
    "charged the FBA fulfilment fee of a larger size tier than the unit's real packaged size.",
    "stranded-inventory": "{q} unit(s) of ASIN {asin} (SKU {sku}, FNSKU {fnsku}) have been "
    "stranded since {day}, and the Fix stranded inventory page does not clear them.",
}
_CHECKED = {
    "inbound-shortfall": ["The shipment status is Closed.",
                          "The Reimbursements report shows no Lost_Inbound payment for these units."],
    "warehouse-lost": ["The ledger shows the units as unreconciled (not found).",
                       "The Reimbursements report shows no Lost_Warehouse payment for them."],
    "warehouse-damaged": ["The ledger shows the units as unreconciled.",
                          "The Reimbursements report shows no Damaged_Warehouse payment for them."],
    "refund-not-returned": ["The FBA customer returns report has no return for this order and SKU.",
                            "The Reimbursements report has no row for this order."],
    "fee-overcharge": ["We measured one unit in its original packaging, longest side first.",
                       "The settlement reports show the fulfilment fee charged for these orders."],
    "stranded-inventory": ["The stranded inventory report names the reason and Amazon's fix.",
                           "The units are still stranded."],
}  # fmt: skip


def _fact_value(
    key: str, ftype: str, finding: Finding, clock_facts: set[str], currency: str
) -> FactValue | None:
    """The finding's value for one fact, typed as the engine types it (read from the report)."""
    from casewriter.engine import Money

    k = key.lower()
    if ftype == "date" and (k in clock_facts or "date" in k) and finding.event_date:
        return finding.event_date
    if ftype == "quantity":
        shipped = finding.details.get("shipped")
        if "shipped" in k and isinstance(shipped, int):
            return shipped
        received = finding.details.get("received")
        if "received" in k and isinstance(received, int):
            return received
        if any(w in k for w in ("missing", "lost", "damaged", "units", "quantity", "claim")):
            return finding.quantity
    if (
        ftype == "money"
        and finding.amount is not None
        and any(w in k for w in ("value", "amount", "price", "refund", "expected"))
    ):
        return Money(finding.amount, currency)
    return None


def draft_from_finding(finding: Finding, catalog: Catalog, profile: str | None = None) -> Draft:
    """A ``Draft`` for ``finding``'s case type with its slots and facts filled."""
    from casewriter.engine import Draft, Narrative
    from casewriter.marketplaces import get as get_marketplace

    ct = catalog.get(finding.case_type)
    marketplace = get_marketplace(finding.marketplace or "US")
    evidence: dict[str, list[str]] = {}
    for slot in ct.evidence:
        for id_key, kind in _ID_KINDS.items():
            value = finding.ids.get(id_key) or finding.details.get(id_key)
            if slot.kind == kind and value:
                evidence.setdefault(slot.key, []).append(str(value))
    for slot in ct.evidence:
        for value in finding.case_evidence.get(slot.kind, []):
            if value and value not in evidence.get(slot.key, []):
                evidence.setdefault(slot.key, []).append(value)
    clock_facts = {r.clock_fact for r in ct.deadlines}
    facts: dict[str, FactValue] = {}
    for spec in ct.facts:
        if spec.computed:
            continue
        value = finding.case_facts.get(spec.key)
        if value is None:
            value = _fact_value(spec.key, spec.type, finding, clock_facts, marketplace.currency)
        if value is not None:
            facts[spec.key] = value
    day = finding.event_date.isoformat() if finding.event_date else "an unknown date"
    story = _STORY.get(finding.rule, "{q} unit(s) of SKU {sku}: see the details below.").format(q=finding.quantity, day=day, **{
        k: v or "-" for k, v in {**{"sku": finding.details.get("sku")}, **finding.ids}.items()
    })  # fmt: skip
    return Draft(
        case_type=finding.case_type,
        marketplace=marketplace.code,
        profile=profile,
        facts=facts,
        evidence=evidence,
        narrative=Narrative(what_happened=story, checked=list(_CHECKED.get(finding.rule, []))),
    )
