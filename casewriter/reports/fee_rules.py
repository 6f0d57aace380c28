"""**fee-overcharge**: Amazon charges a SKU a higher size tier (or weight band) than the
seller's own measurements give (case type ``fee-dimension-weight``).

For each measured SKU and marketplace: the seller's tier comes from their measurement and the
tier table in force (``tiers.py``); Amazon's from the Fee Preview's ``product-size-tier`` /
``product-size-weight-band`` (else the storage report's tier, else Amazon's own measurements
put through the same table). The charges are the settlement's FBA fulfilment fee rows of that
SKU, net per order (a reversed fee is no charge). Per charge, where a fee table covers its date
and price (``fee_tables.py``), the overcharge is the fee paid per unit minus the fee of the
seller's tier, times the units (each charge priced by ``fee_pricing.price``); otherwise the
amount is unknown and the finding names both tiers, the fee charged and the units. The window
(90 days from each charge, catalog) splits the charges: one finding per SKU and marketplace,
dated by its oldest charge still inside the window (claimable), else its newest (expired); the
expired part is named in the finding. A charge with no window documented for its marketplace
makes the finding ``to-review`` with that mark (``windows.mark_no_window``).

**Never flagged**: SKUs the seller has not measured; Amazon's tier at or below the seller's
(with no fee table showing a higher band); seller-fulfilled listings (Fee Preview
``fulfilled-by`` Merchant); a charge whose fee was reversed, or refunded by a fee correction
(``INCORRECT_FEES_ITEMS`` for that order and SKU); a charge at or below the fee of the
seller's tier. A SKU with a wrong tier but no charge in the settlements given is a lead
(``to-review``), unless Amazon's tier is the storage fees report's: storage was charged at the
wrong tier, so it is a claim dated by that month's charge (amount unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from casewriter.reports.fee_pricing import CASE_TYPE, Priced, PriceMemo, classify, money, price
from casewriter.reports.fee_state import Charge, FeeData, StorageTier
from casewriter.reports.fees import FeePreview
from casewriter.reports.findings import Finding, Window
from casewriter.reports.measurements import Measurement
from casewriter.reports.note_words import wn
from casewriter.reports.tiers import Classified, TierTable, tier_table
from casewriter.reports.windows import documented, mark_no_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

__all__ = ["CASE_TYPE", "market_of", "money", "overcharges"]
_CENT = Decimal("0.01")
_SELLER_FULFILLED = frozenset({"MERCHANT", "MFN", "SELLER"})
SHOWN_ORDERS = 50  # orders listed in a finding's details (the rest are counted)


@lru_cache(maxsize=512)
def market_of(name: str = "", currency: str = "", country: str = "", default: str = "") -> str:
    """A marketplace code from a storefront name, a country code or a currency ('' if none)."""
    from casewriter.marketplaces import ALIASES, MARKETPLACES

    if name:
        found = next((m.code for m in MARKETPLACES.values() if m.name.lower() == name.lower()), "")
        if found:
            return found
    if country:
        code = ALIASES.get(country.upper(), country.upper())
        if code in MARKETPLACES:
            return code
    if currency:
        users = [m.code for m in MARKETPLACES.values() if m.currency == currency.upper()]
        if default in users or not users:
            return default if users else ""
        return users[0]
    return ""


def _order_id(c: Charge) -> str:
    return c.order_id


def sides_text(sides: tuple[Decimal | None, ...], unit: str) -> str:
    return " x ".join(format(s.normalize(), "f") for s in sides if s is not None) + f" {unit}"


@dataclass
class Side:
    """One side's view of a unit: where it came from, its tier (rank range) and measures."""

    tier: str  # as the report writes it, or the tier computed
    low: int
    high: int
    dimensions: str = ""
    weight: str = ""
    classified: Classified | None = None


def amazon_side(table: TierTable, p: FeePreview | None, s: StorageTier | None) -> Side | None:
    """Amazon's tier from the Fee Preview, else the storage report (as written, else computed)."""
    for tier_text, dims, weight in (
        (p.size_tier, p.dimensions, p.weight) if p else ("", None, None),
        (s.size_tier, s.dimensions, s.weight) if s else ("", None, None),
    ):
        dims_t = sides_text((dims.longest, dims.median, dims.shortest), dims.unit) if dims else ""
        weight_t = f"{format(weight.value.normalize(), 'f')} {weight.unit}" if weight else ""
        read = table.read(tier_text) if tier_text else None
        if read is not None:
            return Side(tier_text, read[0], read[1], dims_t, weight_t)
        sides = (dims.longest, dims.median, dims.shortest) if dims else (None, None, None)
        a, b, c = sides
        if dims and weight and a is not None and b is not None and c is not None:
            got = classify(table, Measurement(0, "", (a, b, c), dims.unit, weight.value,
                                              weight.unit))  # fmt: skip
            if got is not None:
                return Side(got.tier.name, got.rank, got.rank, dims_t, weight_t, got)
    return None


def overcharges(data: FeeData, sku_fnsku: dict[str, str], default_mp: str, today: date,
                catalog: Catalog | None, notes: list[str] | None = None) -> list[Finding]:  # fmt: skip
    """The fee-overcharge findings; a marketplace with no tier table held gets a note."""
    findings: list[Finding] = []
    untiered: set[str] = set()
    by_sku: dict[str, dict[str, list[Charge]]] = {}
    markets: dict[tuple[str, str], str] = {}  # (storefront, currency) → marketplace
    for (_order, sku), c in data.charges.items():
        where = (c.marketplace_name, c.currency)
        mp = markets.get(where)
        if mp is None:
            mp = markets[where] = market_of(*where, default=default_mp) or default_mp
        by_sku.setdefault(sku, {}).setdefault(mp, []).append(c)
    for per_market in by_sku.values():  # each SKU's charges in order-id order
        for listed in per_market.values():
            listed.sort(key=_order_id)
    previews_of: dict[str, dict[str, FeePreview]] = {}  # SKU → marketplace → row
    for (sku, cur), row_p in data.previews.items():
        mp = market_of(currency=cur, default=default_mp) or default_mp
        previews_of.setdefault(sku, {})[mp] = row_p
    storage_of: dict[str, dict[str, StorageTier]] = {}  # FNSKU or ASIN → marketplace → row
    for (item, country), row in data.storage_tiers.items():
        if row is not None:
            mp = market_of(country=country, currency=row.currency, default=default_mp)
            storage_of.setdefault(item, {})[mp or default_mp] = row
    memo = PriceMemo(catalog, today)
    for sku, m in sorted(data.measurements.items()):
        previews = previews_of.get(sku, {})
        items = {x for v in previews.values() for x in (v.fnsku, v.asin)} | {sku_fnsku.get(sku)}
        storage = {mp: row for item in sorted(i for i in items if i)
                   for mp, row in storage_of.get(item, {}).items()}  # fmt: skip
        charges = by_sku.get(sku, {})
        for mp in sorted(set(previews) | set(storage) | set(charges)):
            p = previews.get(mp)
            if p is not None and p.fulfilled_by.strip().upper() in _SELLER_FULFILLED:
                continue  # seller-fulfilled: no FBA fee
            if tier_table(mp, today) is None:
                untiered.add(mp)
                continue
            f = _one(m, mp, p, storage.get(mp), charges.get(mp, []), data, today, sku_fnsku,
                     memo)  # fmt: skip
            if f is not None:
                findings.append(f)
    if notes is not None:
        notes += [wn("scan.no_tiers", mp=mp) for mp in sorted(untiered)]
    return findings


def _storage_tier_claim(f: Finding, m: Measurement, mine: Classified, theirs: Side,
                        s: StorageTier, mp: str, memo: PriceMemo) -> Finding:  # fmt: skip
    """The storage fees report charged storage at a tier the seller's measurements prove wrong
    (health.md: "to review … unless the tier is wrong"): a claim (ask Amazon to re-measure),
    dated by the month's storage charge, its amount unknown (no storage rate table is held)."""
    assert s.month is not None
    month = s.month.replace(day=1)
    f.event_date = (month.replace(day=28) + timedelta(days=4)).replace(day=1)  # charged after
    f.quantity = 0
    f.details["storage_month"] = month.strftime("%Y-%m")
    f.details["amount_is"] = "unknown: no storage or fulfilment fee table is applied to it"
    f.notes.append(wn("note.storage_tier_wrong", tier=theirs.tier, mine=mine.tier.name,
                      month=month.strftime("%Y-%m")))  # fmt: skip
    if not documented(CASE_TYPE, mp, memo.catalog):
        mark_no_window(f, mp, loaded=memo.catalog is not None)
    _facts(f, m, mine, theirs, [], None)
    return f


def _one(m: Measurement, mp: str, p: FeePreview | None, s: StorageTier | None,
         charges: list[Charge], data: FeeData, today: date, sku_fnsku: dict[str, str],
         memo: PriceMemo) -> Finding | None:  # fmt: skip
    table = tier_table(mp, today)
    if table is None:
        return None
    mine = classify(table, m)
    if mine is None:
        return None
    theirs = amazon_side(table, p, s)
    wrong_tier = theirs is not None and theirs.low > mine.rank
    priced = [x for c in charges if (x := price(c, m, mp, p, data, memo)) is not None]
    over = [x for x in priced if x.expected is None or x.per_unit - x.expected >= _CENT]
    if not wrong_tier:
        over = [x for x in over if x.expected is not None]  # a band overcharge needs a fee table
    if not over and not wrong_tier:
        return None
    fnsku = (p.fnsku if p else "") or (s.fnsku if s else "") or sku_fnsku.get(m.sku.upper(), "")
    asin = (p.asin if p else "") or (s.asin if s else "")
    dims, weight = m.text()
    details: dict[str, Any] = {
        "sku": m.sku, "your_dimensions": dims, "your_weight": weight,
        "your_tier": mine.tier.name, "amazon_tier": theirs.tier if theirs else "unknown",
        "amazon_dimensions": theirs.dimensions if theirs else "",
        "amazon_weight": theirs.weight if theirs else "",
        "amazon_tier_from": ("Fee Preview" if p else "storage fees report") if theirs else "",
        "tier_table": table.label(),
    }  # fmt: skip
    f = Finding(rule="fee-overcharge", ids={"sku": m.sku, "asin": asin or None,
                "fnsku": fnsku or None}, quantity=0, event_date=None, marketplace=mp,
                currency=(p.currency if p else "") or (charges[0].currency if charges else ""),
                details=details)  # fmt: skip
    if table.note:
        f.details["tier_table_note"] = table.note
    if not over:
        if charges:
            return None  # every charge reversed, refunded or at your tier's fee: nothing to claim
        if p is None and s is not None and theirs is not None and s.month is not None:
            return _storage_tier_claim(f, m, mine, theirs, s, mp, memo)
        f.status = "to-review"
        f.lead = True  # nothing charged to claim yet: a tier to check, not a claim
        f.window = Window(None, None, None, "no FBA fulfilment fee charge for this SKU in the "
                          "settlements given; the window is 90 days from each charge")  # fmt: skip
        f.notes.append(wn("note.fee_no_charge"))
        if not documented(CASE_TYPE, mp, memo.catalog):  # nor any window to claim it in
            mark_no_window(f, mp, loaded=memo.catalog is not None)
        _facts(f, m, mine, theirs, [], None)
        return f
    if any(x.window is None for x in over):
        mark_no_window(f, mp, loaded=memo.catalog is not None)
        chosen, expired = over, []
    else:  # open charges (claimable, or too early under a user's window) before lost ones
        chosen = [x for x in over if x.window and x.window.status != "expired"]
        expired = [x for x in over if x.window and x.window.status == "expired"]
        if not chosen:
            chosen, expired = expired, []
    dated = [x.charge.posted for x in chosen if x.charge.posted]
    if dated:  # the oldest open charge sets the window; when all are lost, the newest
        is_open = any(x.window and x.window.status != "expired" for x in chosen)
        f.event_date = min(dated) if is_open else max(dated)
    f.quantity = sum(x.units for x in chosen)
    _amount(f, chosen)
    if expired:
        lost = [x.expected for x in expired]
        units = sum(x.units for x in expired)
        known = None if None in lost else sum(((x.per_unit - (x.expected or 0)) * x.units
                                               for x in expired), Decimal(0))  # fmt: skip
        f.details["expired_units"] = units
        if known is not None:
            f.details["expired_amount"] = money(known, f.currency)
        f.notes.append(wn("note.fee_expired", n=len(expired), units=units))
    f.details["orders"] = [
        {"order_id": x.charge.order_id, "charged_on": x.charge.posted, "units": x.units,
         "fee_per_unit": x.per_unit, "fee_for_your_tier": x.expected}
        for x in chosen[:SHOWN_ORDERS]
    ]  # fmt: skip
    if len(chosen) > SHOWN_ORDERS:
        f.details["more_orders"] = len(chosen) - SHOWN_ORDERS
    sources = sorted({x.fee_source for x in chosen if x.fee_source})
    if sources:
        f.details["fee_table"] = "; ".join(sources)
    for note in dict.fromkeys(x.note for x in chosen if x.note):
        f.notes.append(note)
    for reason in dict.fromkeys(x.no_table for x in chosen if x.no_table):
        days = sorted({x.charge.posted.isoformat() for x in chosen
                       if x.no_table == reason and x.charge.posted})  # fmt: skip
        shown = f"{', '.join(days[:5])}{' …' if len(days) > 5 else ''}"
        when = wn("note.fee_when", days=shown) if days else ""
        f.notes.append(wn("note.fee_unknown", reason=reason, when=when))
    _facts(f, m, mine, theirs, chosen, f.amount)
    return f


def _amount(f: Finding, chosen: list[Priced]) -> None:
    if any(x.expected is None for x in chosen):
        f.amount = None
        f.details["amount_unknown"] = "no fee table held prices every charge (see the notes)"
        return
    total = sum(((x.per_unit - (x.expected or 0)) * x.units for x in chosen), Decimal(0))
    f.amount = money(total, f.currency)


def _facts(f: Finding, m: Measurement, mine: Classified, theirs: Side | None,
           chosen: list[Priced], amount: Decimal | None) -> None:  # fmt: skip
    """What ``--draft`` puts in the case's facts and evidence."""
    dims, weight = m.text()
    facts: dict[str, Any] = {"our_dimensions": dims, "our_weight": weight,
                             "tier_expected": mine.tier.name}  # fmt: skip
    if theirs is not None:
        facts["tier_charged"] = theirs.tier
        if theirs.dimensions:
            facts["amazon_dimensions"] = theirs.dimensions
        if theirs.weight:
            facts["amazon_weight"] = theirs.weight
    if chosen:
        latest = max(chosen, key=lambda x: x.charge.posted or date.min)
        facts["fee_charged"] = str(latest.per_unit)
        if latest.expected is not None:
            facts["fee_expected"] = str(latest.expected)
        facts["units_charged"] = sum(x.units for x in chosen)
        if f.event_date:
            facts["charge_date"] = f.event_date.isoformat()
    f.draft_facts = facts
    f.draft_evidence = {
        "order_id": list(dict.fromkeys(x.charge.order_id for x in chosen if x.charge.order_id))
    }
