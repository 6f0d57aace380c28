"""**storage-fee-check** and **stranded-inventory**: two ``to-review`` rules on inventory reports;
their findings are leads (``Finding.lead``: never drafted by ``--draft`` alone).

- **storage-fee-check**: a monthly storage row whose ``estimated_monthly_storage_fee`` exceeds
  ``estimated_total_item_volume`` (or ``item_volume`` x ``average_quantity_on_hand``) x
  ``storage_rate``, less incentives, by more than the tolerance (data: ``fba_fees.toml``), summed
  per item, country and month over fulfilment centres. ``to-review`` with the difference as its
  amount: there is no documented dispute window for storage fees. When the seller's own
  measurements put the item in a smaller tier than the storage report does, the tier is wrong:
  the rows are shown on that SKU's **fee-overcharge** finding instead (a fee finding).
  Never flagged: rows that add up within the tolerance; Amazon charging less than the figures
  give; rows missing the volume, quantity, rate or fee (nothing to check).
- **stranded-inventory**: a stranded row with units at Amazon: units (fulfillable +
  unfulfillable), an estimated value (``your-price`` x fulfillable units: the listing price, not
  what Amazon would pay), ``Date-to-take-auto-removal`` as the act-by date, and the fix Amazon
  names (``primary-action``, ``stranded-reason``). Stranded inventory has no claim window:
  always ``to-review``; ``scan --draft-stranded`` drafts a ``stranded-inventory`` case for it.
  Never flagged: seller-fulfilled rows (``fulfilled-by`` Merchant), rows with no units, the
  same SKU repeated in an overlapping download (the later row counts).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from casewriter.marketplaces import in_currency
from casewriter.reports.fee_rules import market_of
from casewriter.reports.fee_state import FeeData
from casewriter.reports.findings import Finding, Window
from casewriter.reports.note_words import wn
from casewriter.reports.windows import catalog_window, mark_no_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

_SELLER_FULFILLED = frozenset({"MERCHANT", "MFN", "SELLER"})


def storage_checks(data: FeeData, default_mp: str, fee_findings: list[Finding],
                   sku_fnsku: dict[str, str]) -> list[Finding]:  # fmt: skip
    """One ``to-review`` finding per item, country and month whose storage fee is too high."""
    fnsku_sku = {f: s for s, f in sku_fnsku.items()}
    on_fee = {(f.ids.get("fnsku") or "", f.marketplace): f for f in fee_findings}
    on_fee |= {(f.ids.get("asin") or "", f.marketplace): f for f in fee_findings}
    out: list[Finding] = []
    for (_item, country, month), bad in sorted(data.storage_bad.items(),
                                               key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or date.min)):  # fmt: skip
        mp = market_of(country=country, currency=bad.currency, default=default_mp) or default_mp
        cur = bad.currency
        over = in_currency(bad.charged - bad.expected, cur)
        rows: dict[str, Any] = {"month": month.strftime("%Y-%m") if month else None,
                "charged": in_currency(bad.charged, cur), "expected": in_currency(bad.expected, cur),
                "fulfillment_centers": sorted(bad.rows)}  # fmt: skip
        fee = on_fee.get((bad.fnsku, mp)) or on_fee.get((bad.asin, mp))
        if fee is not None:  # the tier is wrong: a fee finding, with these rows as evidence
            fee.details.setdefault("storage_overcharge", []).append(rows)
            continue
        f = Finding(
            rule="storage-fee-check",
            ids={"fnsku": bad.fnsku or None, "asin": bad.asin or None,
                 "month": rows["month"]},
            quantity=0,
            event_date=_charged_on(month),
            marketplace=mp,
            status="to-review",
            lead=True,
            amount=over,
            currency=bad.currency,
            details={"sku": fnsku_sku.get(bad.fnsku, ""), **rows,
                     "lines": sorted(r[0] for r in bad.rows.values())},
        )  # fmt: skip
        f.notes.append(wn("note.storage_estimate", charged=rows["charged"], currency=cur,
                          expected=rows["expected"]))  # fmt: skip
        mark_no_window(f, mp, "storage fee disputes")  # none is documented anywhere
        out.append(f)
    return out


def _charged_on(month: date | None) -> date | None:
    """A month's storage fee is charged in the following month: its first day (conservative)."""
    if month is None:
        return None
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


def stranded(data: FeeData, default_mp: str, today: date,
             catalog: Catalog | None) -> list[Finding]:  # fmt: skip
    from casewriter.marketplaces import get

    out: list[Finding] = []
    markets = _markets_of_items(data) if data.stranded else {}
    for (_sku, fnsku), s in sorted(data.stranded.items()):
        if s.fulfilled_by.strip().upper() in _SELLER_FULFILLED:
            continue
        sellable, unsellable = s.fulfillable or 0, s.unfulfillable or 0
        if sellable + unsellable + (s.reserved or 0) <= 0:
            continue
        mp = _market_of_item(markets, s.sku, fnsku, s.asin) or default_mp
        window = _stranded_window(s.stranded_on, s.auto_removal_on, mp, today, catalog)
        f = Finding(
            rule="stranded-inventory",
            ids={"sku": s.sku or None, "fnsku": fnsku or None, "asin": s.asin or None},
            quantity=sellable + unsellable,
            event_date=s.stranded_on,
            marketplace=mp,
            status="to-review",
            lead=True,
            window=window or Window(None, None),
            details={"primary_action": s.primary_action, "stranded_reason": s.reason,
                     "status_primary": s.status_primary, "status_secondary": s.status_secondary,
                     "error_message": s.error_message, "fulfillable": sellable,
                     "unfulfillable": unsellable, "reserved": s.reserved or 0,
                     "inbound_shipped": s.inbound_shipped or 0, "your_price": s.your_price,
                     "act_by": s.auto_removal_on, "line": s.line},
        )  # fmt: skip
        if window is None:  # no auto-removal date in the report, no act-by rule in the catalog
            mark_no_window(f, mp, "stranded inventory", loaded=catalog is not None)
        if s.your_price is not None and sellable:
            f.currency = get(mp).currency
            f.amount = in_currency(s.your_price * sellable, f.currency)
            f.details["value_is"] = "an estimate: your-price x fulfillable units, not a payment"
        fix = s.primary_action or wn("note.see_fix_page")
        act = (
            wn("note.act_by", day=s.auto_removal_on.isoformat())
            if s.auto_removal_on
            else wn("note.act_soon")
        )
        reason = s.reason or wn("note.not_given")
        f.notes.append(wn("note.stranded", act=act, fix=fix, reason=reason))
        if s.auto_removal_on and s.auto_removal_on < today:
            f.notes.append(wn("note.auto_removal_passed"))
        f.draft_facts = {"units_stranded": sellable or unsellable, "stranded_reason": s.reason
                        or s.status_primary or "not given"}  # fmt: skip
        if s.stranded_on:
            f.draft_facts["stranded_date"] = s.stranded_on.isoformat()
        if s.error_message:
            f.draft_facts["error_message"] = s.error_message
        out.append(f)
    return out


def _markets_of_items(data: FeeData) -> dict[str, set[str]]:
    """SKU, FNSKU or ASIN → the marketplaces its Fee Preview and storage rows show (the
    stranded report itself names none); built once."""
    out: dict[str, set[str]] = {}
    for (sku, currency), p in data.previews.items():
        mp = market_of(currency=currency)
        for key in (sku, p.fnsku, p.asin):
            if key and mp:
                out.setdefault(key, set()).add(mp)
    for item, country in data.storage_tiers:
        mp = market_of(country=country)
        if item and mp:
            out.setdefault(item, set()).add(mp)
    return out


def _market_of_item(markets: dict[str, set[str]], sku: str, fnsku: str, asin: str) -> str:
    """The one marketplace the item's reports show ('' if none or several)."""
    found: set[str] = set()
    for key in (sku.upper(), fnsku, asin):
        found |= markets.get(key, set()) if key else set()
    return next(iter(found)) if len(found) == 1 else ""


def _stranded_window(stranded_on: date | None, removal: date | None, mp: str, today: date,
                     catalog: Catalog | None) -> Window | None:  # fmt: skip
    """Opens when stranded, closes at Amazon's auto-removal date; the catalog's act-by period
    (30 days from the stranded notice) is the safe-by date when earlier. None when neither is
    known (no documented window)."""
    act = catalog_window("stranded-inventory", mp, stranded_on, today, catalog) \
        if stranded_on else None  # fmt: skip
    closes = removal or (act.closes if act else None)
    safe_by = act.closes if act and act.closes and closes and act.closes < closes else None
    parts = []
    if removal:
        parts.append("Date-to-take-auto-removal in the stranded inventory report")
    if act:
        parts.append(f"act within 30 days: {act.source}")
    if not parts:
        return None
    return Window(stranded_on, closes, safe_by, "; ".join(parts), "to-review")
