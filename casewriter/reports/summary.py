"""Money at stake: the end of every scan, a summary a seller acts on (``scan --json`` ``summary``).

``summarize(findings, as_of)`` adds up the estimated amounts by status, rule and currency:

- ``claimable``: what can be filed now, by rule and currency;
- ``too_early``: what becomes claimable later, by the date it does (``claimable_from``: the
  window's opening, or the end of Amazon's own reimbursement wait; null when it waits for
  something with no date, such as a shipment still being received);
- ``expired``: what was lost by waiting (windows closed), by rule and currency, the charges
  past the window inside a finding still open included (a fee finding's ``expired_amount``);
- ``to_review``: claims with no documented window, leads the seller checks first (``leads``)
  and claims naming an id that fails its check (``bad_ids``);
- ``top``: the five findings worth the most among those that can be filed now (claimable, or a
  claim with no documented window; never one with a bad id), per currency (amounts in two
  currencies are not compared).

Amounts are estimates (``Decimal`` → string, like ``estimated_value``); findings with no
estimate are counted in ``without_estimate``, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from casewriter.reports.findings import Finding

TOP = 5


def _totals(group: list[Finding]) -> list[dict[str, str]]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for f in group:
        if f.amount is not None:
            sums[f.currency] += f.amount
    return [{"currency": c, "amount": str(a)} for c, a in sorted(sums.items())]


def _by_rule(group: list[Finding]) -> list[dict[str, Any]]:
    rows: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in group:
        rows[(f.rule, f.currency if f.amount is not None else "")].append(f)
    out = []
    for (rule, currency), fs in sorted(rows.items()):
        known = [f.amount for f in fs if f.amount is not None]
        out.append({"rule": rule, "currency": currency or None,
                    "amount": str(sum(known, Decimal(0))) if known else None,
                    "findings": len(fs), "units": sum(f.quantity for f in fs)})  # fmt: skip
    return out


def _section(group: list[Finding]) -> dict[str, Any]:
    return {
        "findings": len(group),
        "total": _totals(group),
        "by_rule": _by_rule(group),
        "without_estimate": sum(1 for f in group if f.amount is None),
    }


def claimable_from(f: Finding, as_of: date) -> date | None:
    """When a too-early finding can be filed; None when it waits on something undated."""
    wait = f.details.get("file_from")
    if isinstance(wait, date) and wait > as_of:
        return wait
    if f.window.opens is not None and f.window.opens > as_of:
        return f.window.opens
    return None


def fileable(f: Finding) -> bool:
    """Claimable, or a claim with no documented window; never one naming an id that fails its
    check (it is to be checked in Seller Central first, not filed)."""
    if f.bad_ids:
        return False
    return f.status == "claimable" or (f.status == "to-review" and not f.lead)


def summarize(findings: list[Finding], as_of: date) -> dict[str, Any]:
    by: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by[f.status].append(f)
    early: dict[tuple[date | None, str], list[Finding]] = defaultdict(list)
    for f in by["too-early"]:
        early[(claimable_from(f, as_of), f.currency if f.amount is not None else "")].append(f)
    dates = [
        {"claimable_from": day.isoformat() if day else None, "currency": cur or None,
         "amount": str(sum((f.amount for f in fs if f.amount is not None), Decimal(0)))
         if cur else None, "findings": len(fs)}
        for (day, cur), fs in sorted(early.items(), key=lambda kv: (kv[0][0] or date.max, kv[0][1]))
    ]  # fmt: skip
    expired = _section(by["expired"])
    _add_lost_parts(expired, [f for f in findings if f.status != "expired"])
    review = _section(by["to-review"])
    review["leads"] = sum(1 for f in by["to-review"] if f.lead)
    review["bad_ids"] = sum(1 for f in by["to-review"] if f.bad_ids and not f.lead)
    return {
        "claimable": _section(by["claimable"]),
        "too_early": _section(by["too-early"]) | {"by_date": dates},
        "expired": expired,
        "to_review": review,
        "top": [_top(f) for f in top(findings)],
    }


def _add_lost_parts(section: dict[str, Any], open_findings: list[Finding]) -> None:
    """What was lost inside findings still open (a fee finding's charges past the window:
    ``details["expired_units"]``, with ``expired_amount`` when every one is priced) counts as
    expired too, by rule and currency: its amount where known, else a finding without an
    estimate (its units counted all the same)."""
    parts = [f for f in open_findings if _lost_units(f)]
    if not parts:
        return
    sums = {t["currency"]: Decimal(t["amount"]) for t in section["total"]}
    rows = {(r["rule"], r["currency"] or ""): r for r in section["by_rule"]}
    for f in parts:
        lost = f.details.get("expired_amount")
        known = isinstance(lost, Decimal)
        currency = f.currency if known else ""
        row = rows.setdefault((f.rule, currency), {"rule": f.rule, "currency": currency or None,
                                                    "amount": "0" if known else None,
                                                    "findings": 0, "units": 0})  # fmt: skip
        if isinstance(lost, Decimal):
            sums[f.currency] = sums.get(f.currency, Decimal(0)) + lost
            row["amount"] = str(Decimal(row["amount"] or "0") + lost)
        else:
            section["without_estimate"] += 1
        row["findings"] += 1
        row["units"] += _lost_units(f)
    section["findings"] += len(parts)
    section["total"] = [{"currency": c, "amount": str(a)} for c, a in sorted(sums.items())]
    section["by_rule"] = [rows[k] for k in sorted(rows)]


def _lost_units(f: Finding) -> int:
    units = f.details.get("expired_units", 0)
    return units if isinstance(units, int) and units > 0 else 0


def top(findings: list[Finding]) -> list[Finding]:
    """Up to five fileable findings worth the most, per currency."""
    per: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if fileable(f) and f.amount is not None:
            per[f.currency].append(f)
    out: list[Finding] = []
    for currency in sorted(per):
        ranked = sorted(per[currency], key=lambda f: (-(f.amount or 0), f.sort_key()))
        out += ranked[:TOP]
    return out


def _top(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "status": f.status,
        "ids": dict(f.ids),
        "amount": str(f.amount),
        "currency": f.currency,
        "closes": f.window.closes.isoformat() if f.window.closes else None,
        "case_type": f.case_type,
    }
