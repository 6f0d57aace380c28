"""**fee-overcharge**: Amazon charges a SKU a higher size tier (or weight band) than the
seller's own measurements give (case type ``fee-dimension-weight``).

For each measured SKU and marketplace: the seller's tier comes from their measurement and the
tier table in force (``tiers.py``); Amazon's from the Fee Preview's ``product-size-tier`` /
``product-size-weight-band`` (else the storage report's tier, else Amazon's own measurements
put through the same table). The charges are the settlement's FBA fulfilment fee rows of that
SKU, net per order (a reversed fee is no charge). Per charge, where a fee table covers its date
and price (``fee_tables.py``), the overcharge is the fee paid per unit minus the fee of the
seller's tier, times the units (each charge priced by ``fee_pricing.price``); otherwise the
amount is unknown, a note says why for each charge (no table for the date, the price unknown
or outside every table's range, no rate for the tier) and another names both tiers, the fee
charged and the units. The window (the catalog's, 90 days from each charge, or the seller's
override: the notes name the one in force) splits the charges: one finding per SKU and
marketplace, dated by its oldest charge still inside the window (claimable), else its newest
(expired); the expired part is named in the finding (its units, and its amount when every
expired charge is priced). A charge with no window documented for its marketplace makes the
finding ``to-review`` with that mark (``windows.mark_no_window``). What ``--draft`` states is
``fee_draft.py``'s; what the charges got wrong (size tier or shipping weight) ``fee_sides.py``'s.

**Never flagged**: SKUs the seller has not measured; Amazon's tier at or below the seller's
(with no fee table showing a higher band); seller-fulfilled listings (Fee Preview
``fulfilled-by`` Merchant); a charge whose fee was reversed, or refunded by a fee correction
(``INCORRECT_FEES_ITEMS`` for that order and SKU); a charge at or below the fee of the
seller's tier. A SKU with a wrong tier but no charge in the settlements given is a lead
(``to-review``), unless Amazon's tier is the storage fees report's: storage was charged at the
wrong tier, so it is a claim dated by that month's charge (amount unknown).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from casewriter.marketplaces import in_currency
from casewriter.messages import Said, join, pair
from casewriter.reports.fee_draft import set_draft_facts
from casewriter.reports.fee_pricing import CASE_TYPE, Priced, PriceMemo, classify, price
from casewriter.reports.fee_sides import Side, amazon_side, overcharged_by
from casewriter.reports.fee_state import Charge, FeeData, StorageTier
from casewriter.reports.fees import FeePreview
from casewriter.reports.findings import Finding, Window
from casewriter.reports.measurements import Measurement
from casewriter.reports.note_words import wn
from casewriter.reports.tiers import Classified, tier_table
from casewriter.reports.windows import documented, mark_no_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

__all__ = ["CASE_TYPE", "market_of", "overcharges"]
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
    f.notes.append(wn("note.storage_tier_wrong", tier=theirs.tier, mine=mine.tier.said,
                      month=month.strftime("%Y-%m"), reports=_reports(memo, mp)))  # fmt: skip
    if not documented(CASE_TYPE, mp, memo.catalog):
        mark_no_window(f, mp, loaded=memo.catalog is not None)
    set_draft_facts(f, m, mine, _stated(theirs), [], f.details.get("overcharged_by", ""))
    return f


def _reports(memo: PriceMemo, mp: str) -> Said:
    """The settlements to add to see the charges still claimable: those of the window in
    force (its length in days), or the recent ones when no window is documented."""
    days = memo.window_days(mp)
    return wn("note.fee_reports_recent") if days is None else wn("note.fee_reports_days", days=days)


def _window(charges: list[Priced]) -> Said:
    """The window the charges are past: "the 90-day window" (the length in force for them, the
    catalog's or the seller's override), or "their claim windows" when they differ."""
    lengths = {(x.window.closes - x.charge.posted).days for x in charges
               if x.window and x.window.closes and x.charge.posted}  # fmt: skip
    if len(lengths) == 1:
        return wn("note.fee_window_days", days=lengths.pop())
    return wn("note.fee_windows")


def _stated(theirs: Side | None) -> tuple[str, str, str] | None:
    return None if theirs is None else (theirs.tier, theirs.dimensions, theirs.weight)


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
    by = overcharged_by(table, mine, theirs, p, s)
    if by:  # what the charges got wrong: the draft's story says so
        f.details["overcharged_by"] = by
    if not over:
        if charges:
            return None  # every charge reversed, refunded or at your tier's fee: nothing to claim
        if p is None and s is not None and theirs is not None and s.month is not None:
            return _storage_tier_claim(f, m, mine, theirs, s, mp, memo)
        f.status = "to-review"
        f.lead = True  # nothing charged to claim yet: a tier to check, not a claim
        window_days = memo.window_days(mp)
        runs = f"is {window_days} days" if window_days is not None else "runs"
        f.window = Window(None, None, None, "no FBA fulfilment fee charge for this SKU in the "
                          f"settlements given; the window {runs} from each charge")  # fmt: skip
        f.notes.append(wn("note.fee_no_charge", reports=_reports(memo, mp)))
        if not documented(CASE_TYPE, mp, memo.catalog):  # nor any window to claim it in
            mark_no_window(f, mp, loaded=memo.catalog is not None)
        set_draft_facts(f, m, mine, _stated(theirs), [], by)
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
            f.details["expired_amount"] = in_currency(known, f.currency)
        f.notes.append(wn("note.fee_expired", n=len(expired), units=units,
                          window=_window(expired)))  # fmt: skip
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
    # a unit price read from the Fee Preview (no Principal row) chose the band of a table
    from_preview = [x for x in chosen if x.preview_price is not None and x.fee_source]
    for preview in dict.fromkeys(x.preview_price for x in from_preview):
        days = _charge_days(x for x in from_preview if x.preview_price == preview)
        f.notes.append(wn("note.price_from_preview", price=format(preview, "f"),
                          currency=f.currency, days=", ".join(days[:5]) or "-"))  # fmt: skip
    for reason in dict.fromkeys(x.no_table for x in chosen if x.no_table):
        days = _charge_days(x for x in chosen if x.no_table == reason)
        shown = f"{', '.join(days[:5])}{' …' if len(days) > 5 else ''}"
        when = wn("note.fee_when", days=shown) if days else ""
        f.notes.append(wn("note.fee_unknown", reason=reason, when=when))
    if f.amount is None:  # the two tiers, the fee charged and the units, named (issue 14 §2)
        f.notes.append(_named(mine, theirs, chosen, f.currency))
    set_draft_facts(f, m, mine, _stated(theirs), chosen, by)
    return f


def _charge_days(charges: Iterable[Priced]) -> list[str]:
    """The distinct days ``charges`` were posted on, oldest first (ISO)."""
    return sorted({x.charge.posted.isoformat() for x in charges if x.charge.posted})


def _named(mine: Classified, theirs: Side | None, chosen: list[Priced], currency: str) -> Said:
    """ "Amazon's tier: Large Standard; your tier: Small standard-size; fee charged: 3.90 USD per
    unit on 7 unit(s)" (each fee paid with its units, in the order first charged)."""
    units: dict[Decimal, int] = {}
    for x in sorted(chosen, key=lambda x: x.charge.posted or date.min):
        units[x.per_unit] = units.get(x.per_unit, 0) + x.units
    paid = join(", ", (wn("note.fee_paid", fee=fee, currency=currency, units=n)
                       for fee, n in units.items()), "，")  # fmt: skip
    return wn("note.fee_named", theirs=theirs.tier if theirs else pair("unknown", "未知"),
              mine=mine.tier.said, charged=paid)  # fmt: skip


def _amount(f: Finding, chosen: list[Priced]) -> None:
    if any(x.expected is None for x in chosen):
        f.amount = None
        f.details["amount_unknown"] = "no fee table held prices every charge (see the notes)"
        return
    total = sum(((x.per_unit - (x.expected or 0)) * x.units for x in chosen), Decimal(0))
    f.amount = in_currency(total, f.currency)
