"""Turn a scan finding into a case draft (``scan --draft``).

``draft_from_finding`` fills the case type's evidence slots by identifier kind (FNSKU, ledger
reference, FBA shipment id, order id, SKU) and its facts by key, typed as the reports gave them
(the deadline rule's clock fact gets the event date; unit and value facts get the quantity and
the estimated value as ``Money`` in the marketplace's currency); then the rule's own facts and
evidence (``Finding.draft_facts`` / ``draft_evidence``) win; the rule's item lines
(``Finding.draft_items``: a removal package's units per FNSKU) where the case type takes them;
plus a short factual narrative.
Rendering and saving the drafts is ``casewriter.services.drafting``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from casewriter.reports.findings import Finding

if TYPE_CHECKING:
    from casewriter.engine import CaseType, Catalog, Draft, FactSpec, FactValue, ItemLine

_ID_KINDS = {"fnsku": "fnsku", "reference_id": "reference_id", "shipment_id": "shipment_id",
             "order_id": "order_id", "sku": "sku", "removal_order_id": "removal_order_id",
             "tracking": "tracking", "reimbursement_id": "reimbursement_id", "asin": "asin"}  # fmt: skip

_STORY = {
    "inbound-shortfall": "Shipment {shipment_id} was closed with {units} of FNSKU {fnsku} "
    "not received (shipped minus received, after any Lost_Inbound reimbursement).",
    # written in British spelling: draft_from_finding respells them for the marketplace
    "warehouse-lost": "The inventory ledger shows {units} of FNSKU {fnsku} lost in Amazon's "
    "warehouse (reference {reference_id}, {day}) that {are} neither found nor reimbursed.",
    "warehouse-damaged": "The inventory ledger shows {units} of FNSKU {fnsku} damaged in "
    "Amazon's warehouse (reference {reference_id}, {day}) with no reimbursement.",
    "refund-not-returned": "Order {order_id} (SKU {sku}) was refunded on {day}, but the item was "
    "not returned and no reimbursement was issued.",
    "fee-overcharge": "Since {day}, {units} of ASIN {asin} (SKU {sku}, FNSKU {fnsku}) {were} "
    "charged the FBA fulfilment fee of a larger size tier than our own measurement of the unit "
    "gives.",
    # the same tier, a heavier weight band (the finding's details["overcharged_by"])
    "fee-overcharge:shipping weight": "Since {day}, {units} of ASIN {asin} (SKU {sku}, FNSKU "
    "{fnsku}) {were} charged the FBA fulfilment fee of a heavier shipping weight than our own "
    "measurement of the unit gives, in the same size tier.",
    # neither shown (Amazon's tier unknown or spanning ours): only the fee is claimed higher
    "fee-overcharge:": "Since {day}, {units} of ASIN {asin} (SKU {sku}, FNSKU {fnsku}) {were} "
    "charged a higher FBA fulfilment fee than the fee for our own measurement of the unit.",
    # no fulfilment fee charge given: the storage fees report's tier is the wrong one
    "fee-overcharge:storage": "The storage fees report charges ASIN {asin} (SKU {sku}, FNSKU "
    "{fnsku}) at a larger size tier than our own measurement of the unit gives.",
    "stranded-inventory": "{units} of ASIN {asin} (SKU {sku}, FNSKU {fnsku}) {have} been "
    "stranded since {day}, and the Fix stranded inventory page does not clear them.",
    "removal-incomplete": "The Removal Order Detail report shows removal order {removal_order_id} "
    "(FNSKU {fnsku}) as completed with {requested_units} requested and {shipped} shipped: "
    "{units} {were} neither shipped, cancelled, disposed nor reimbursed (last shipment {day}).",
    "removal-lost": "Removal order {removal_order_id}: the package with tracking number "
    "{tracking} ({units}) was shipped on {day} and never arrived at our address.",
    "return-damaged": "The customer return of order {order_id} (SKU {sku}) was received on {day} "
    "and graded as damaged by the carrier or at the fulfilment centre, and it was not "
    "reimbursed.",
    "refund-over-charge": "Order {order_id} (SKU {sku}) was refunded on {day} for more than the "
    "customer was charged for the item; the difference was deducted from our account.",
    "reimbursement-underpaid": "Reimbursement {reimbursement_id} of {day} paid {units} of "
    "FNSKU {fnsku} below their manufacturing cost.",
    "reimbursement-below-price": "Reimbursement {reimbursement_id} of {day} paid {units} of "
    "FNSKU {fnsku} well below the item's selling price.",
    "researching-units": "{units} of FNSKU {fnsku} {are} still being researched long after "
    "shipment {shipment_id} closed, and none have been found.",
}
#: the fact whose count the story states, where the draft states one of its own (one count in
#: the whole draft: a stranded draft's units are the fulfillable ones the page shows)
_STORY_UNITS = {"stranded-inventory": "units_stranded"}
#: the story of a rule with none of its own (a lead drafted on request)
_ANY_STORY = "{units} of SKU {sku}: see the details below."
_CHECKED = {
    "inbound-shortfall": ["The shipment status is Closed.",
                          "The Reimbursements report shows no Lost_Inbound payment for these units."],
    "warehouse-lost": ["The ledger shows the units as unreconciled (not found).",
                       "The Reimbursements report shows no Lost_Warehouse payment for them."],
    "warehouse-damaged": ["The ledger shows the units as unreconciled.",
                          "The Reimbursements report shows no Damaged_Warehouse payment for them."],
    "refund-not-returned": ["The FBA customer returns report has no return for this order and SKU.",
                            "The Reimbursements report has no row for this order."],
    # the seller's measurements CSV says nothing of how a unit was measured: no such claim
    "fee-overcharge": ["We compared Amazon's size tier with our own measurement of the unit "
                       "(listed above).",
                       "The settlement reports show the fulfilment fee charged for these orders."],
    "fee-overcharge:storage": ["We compared the size tier of the storage fees report with our "
                               "own measurement of the unit (listed above)."],
    "stranded-inventory": ["The stranded inventory report names the reason and Amazon's fix.",
                           "The units are still stranded."],
    "removal-incomplete": ["The Removal Order Detail report shows the order as completed with "
                           "these units neither shipped, cancelled nor disposed.",
                           "The Reimbursements report has no payment for this removal order."],
    "removal-lost": ["The Removal Shipment Detail report lists the package, its carrier and "
                     "tracking number.",
                     "Nothing arrived at our address under this tracking number.",
                     "The Reimbursements report has no payment for this removal order."],
    "return-damaged": ["The FBA customer returns report grades the return as carrier- or "
                       "warehouse-damaged.",
                       "The Reimbursements report has no row for this order."],
    "refund-over-charge": ["The settlement shows the refunded principal above the principal "
                           "charged for the order.",
                           "The Reimbursements report has no row for this order."],
    "reimbursement-underpaid": ["The Reimbursements report shows the amount paid per unit.",
                                "Our supplier invoice shows the manufacturing cost per unit."],
    "reimbursement-below-price": ["The Reimbursements report shows the amount paid per unit."],
    "researching-units": ["Manage FBA Inventory shows the units as researching.",
                          "The inventory ledger shows no Found entry since the shipment closed."],
}  # fmt: skip


def _story_key(finding: Finding) -> str:
    """The variant of a rule's story and checks that fits the finding: a fee overcharge by
    size tier, by shipping weight (``details["overcharged_by"]``), or seen in storage fees only
    (``storage_month``); else the rule's own."""
    if finding.rule != "fee-overcharge":
        return finding.rule
    if "storage_month" in finding.details:
        return f"{finding.rule}:storage"
    return f"{finding.rule}:{finding.details.get('overcharged_by', '')}"


def _n_units(n: object) -> str:
    """ "1 unit", "3 units" (the case text is sent to Amazon: no "unit(s)")."""
    return f"{n} unit" if n == 1 else f"{n} units"


def _counted(units: object, requested: object) -> dict[str, str]:
    """The words of a story that agree with its count: ``units`` ("3 units"), ``were``/
    ``have``/``are`` and ``requested_units``."""
    one = units == 1
    return {"units": _n_units(units), "were": "was" if one else "were",
            "have": "has" if one else "have", "are": "is" if one else "are",
            "requested_units": _n_units(requested)}  # fmt: skip


def _checked(finding: Finding) -> list[str]:
    """What the draft says was checked: the rule's own lines, then Amazon's shipment of the order
    (Fulfilled Shipments) as proof, one line per shipment."""
    lines = list(_CHECKED.get(_story_key(finding)) or _CHECKED.get(finding.rule, []))
    shipped = finding.details.get("fulfilled_shipments")
    for s in shipped if isinstance(shipped, list) else []:
        day = s.get("shipment_date")
        when = f" on {day.isoformat() if hasattr(day, 'isoformat') else day}" if day else ""
        how = f" by {s['carrier']}" if s.get("carrier") else ""
        track = f", tracking {s['tracking_number']}" if s.get("tracking_number") else ""
        fc = f", from {s['fulfillment_center']}" if s.get("fulfillment_center") else ""
        qty = s.get("quantity_shipped")
        units = f" ({_n_units(qty)})" if qty else ""
        lines.append(f"Amazon Fulfilled Shipments: shipment {s.get('shipment_id') or '-'}"
                     f"{units} shipped{when}{how}{track}{fc}.")  # fmt: skip
    return lines


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


def _typed(spec: FactSpec, value: object, currency: str) -> FactValue | None:
    """A rule's fact typed as the engine types it (a date, ``Money`` in the marketplace's
    currency, a count, a choice…) from the values rules write (ISO dates, amounts as text);
    None when the rule left it unset, or wrote what the spec cannot hold (left to the seller)."""
    from casewriter.engine import Money

    kind = spec.type
    try:
        if kind == "date":
            return value if isinstance(value, date) else date.fromisoformat(str(value))
        if kind == "money":
            amount = value.amount if isinstance(value, Money) else Decimal(str(value))
            return Money(amount, currency) if amount.is_finite() and amount >= 0 else None
    except (ValueError, ArithmeticError):
        return None
    if kind == "quantity":
        return value if type(value) is int and value >= 0 else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if not isinstance(value, str) or not value.strip():
        return None
    if kind == "choice":
        return next((c for c in spec.choices if c.lower() == value.strip().lower()), None)
    return value.strip() if kind == "text" else None


def draft_from_finding(finding: Finding, catalog: Catalog, profile: str | None = None) -> Draft:
    """A ``Draft`` for ``finding``'s case type with its slots and facts filled."""
    from casewriter.engine import Draft, Narrative, respell_text
    from casewriter.marketplaces import get as get_marketplace

    ct = catalog.get(finding.case_type)
    marketplace = get_marketplace(finding.marketplace or "US")
    evidence: dict[str, list[str]] = {}
    slots = {slot.key for slot in ct.evidence}
    for slot in ct.evidence:
        if slot.key in finding.draft_evidence:
            continue
        for id_key, kind in _ID_KINDS.items():
            value = finding.ids.get(id_key) or finding.details.get(id_key)
            if slot.kind == kind and value:
                evidence.setdefault(slot.key, []).append(str(value))
    for key, values in finding.draft_evidence.items():
        if key in slots and values:
            evidence[key] = list(values)
    clock_facts = {r.clock_fact for r in ct.deadlines}
    facts: dict[str, FactValue] = {}
    known = {spec.key: spec for spec in ct.facts if not spec.computed}
    for spec in ct.facts:
        if spec.computed:
            continue
        value = _fact_value(spec.key, spec.type, finding, clock_facts, marketplace.currency)
        if value is not None:
            facts[spec.key] = value
    for key, value in finding.draft_facts.items():  # the rule's own facts win; None unsets
        own = known.get(key)
        if own is None:
            continue
        typed = None if value is None else _typed(own, value, marketplace.currency)
        if typed is None:
            facts.pop(key, None)
        else:
            facts[key] = typed
    items = _items(finding, ct)
    day = finding.event_date.isoformat() if finding.event_date else "an unknown date"
    words = {k: finding.details.get(k) for k in ("sku", "requested", "shipped")}
    named = {k: "-" if v is None or v == "" else v for k, v in {**words, **finding.ids}.items()}
    units = finding.draft_facts.get(_STORY_UNITS.get(finding.rule, ""), finding.quantity)
    told = _STORY.get(_story_key(finding)) or _STORY.get(finding.rule, _ANY_STORY)
    story = told.format(day=day, **_counted(units, named.get("requested")), **named)
    # casewriter's own sentences, in the marketplace's spelling like the rest of the case (the
    # narrative is kept as written when rendered); the report's values are left as they are
    keep = [str(v) for v in named.values()]
    story = respell_text(story, marketplace.spelling, keep)
    checked = [respell_text(line, marketplace.spelling, keep) for line in _checked(finding)]
    return Draft(
        case_type=finding.case_type,
        marketplace=marketplace.code,
        profile=profile,
        facts=facts,
        evidence=evidence,
        items=items,
        narrative=Narrative(what_happened=story, checked=checked),
    )


def _items(finding: Finding, ct: CaseType) -> list[ItemLine]:
    """The finding's item lines (``Finding.draft_items``) as the case type takes them: the
    fields it has, each line with a product; none when the type takes no item lines."""
    from casewriter.engine import ItemLine

    spec = ct.items
    if spec is None:
        return []
    lines: list[ItemLine] = []
    for raw in finding.draft_items:
        given = {k: v for k, v in raw.items() if k in spec.fields and v not in (None, "")}
        if any(k in given for k in ("fnsku", "asin", "sku")):
            lines.append(ItemLine.model_validate(given))
    return lines
