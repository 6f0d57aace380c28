"""The "money at stake" lines at the end of ``casewriter scan`` (and the scan screen), drawn
from the same ``summary`` dict ``--json`` prints (``reports.summary.summarize``), so the two
never disagree. Plain text: ids come from reports, so they go out through the CLI's safe
stream (or the TUI's safe widgets), never as markup.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from casewriter.marketplaces import amount_text


def money(amount: str | None, currency: str | None) -> str:
    """``1234.5`` + ``USD`` → ``1,234.50 USD``, ``1980`` + ``JPY`` → ``1,980 JPY``
    (``marketplaces.amount_text``: each currency with its own decimals)."""
    if amount is None:
        return "no estimate"
    return f"{amount_text(Decimal(amount), currency or '', grouped=True)} {currency or ''}".rstrip()


def _totals(section: dict[str, Any]) -> str:
    text = ", ".join(money(t["amount"], t["currency"]) for t in section.get("total", []))
    unknown = section.get("without_estimate", 0)
    if unknown:
        text += (", " if text else "") + f"{unknown} without an estimate"
    return text or "none"


def headline(summary: dict[str, Any]) -> str:
    """One line: claimable now, too early, expired, to review (the scan screen shows it)."""
    if not summary:
        return ""
    parts = [f"claimable now {_totals(summary['claimable'])}"]
    for key, label in (("too_early", "too early"), ("expired", "expired"),
                       ("to_review", "to review")):  # fmt: skip
        if summary[key]["findings"]:
            parts.append(f"{label} {_totals(summary[key])}")
    return "Money at stake (estimates): " + "; ".join(parts)


def format_summary(summary: dict[str, Any]) -> list[str]:
    if not summary:
        return []
    lines = ["MONEY AT STAKE (estimates)"]
    claim = summary["claimable"]
    lines.append(f"  claimable now: {_totals(claim)}")
    for row in claim["by_rule"]:
        lines.append(f"    {row['rule']:<26} {money(row['amount'], row['currency']):>16}"
                     f"  ({row['findings']} finding(s), {row['units']} unit(s))")  # fmt: skip
    early = summary["too_early"]
    if early["findings"]:
        lines.append(f"  too early: {_totals(early)}")
        for row in early["by_date"]:
            when = (f"claimable from {row['claimable_from']}" if row["claimable_from"]
                    else "claimable once the shipment is closed or the wait ends")  # fmt: skip
            lines.append(f"    {money(row['amount'], row['currency']):>16}  {when} "
                         f"({row['findings']} finding(s))")  # fmt: skip
    expired = summary["expired"]
    if expired["findings"]:
        lines.append(f"  expired (lost by waiting): {_totals(expired)}")
        for row in expired["by_rule"]:
            lines.append(f"    {row['rule']:<26} {money(row['amount'], row['currency']):>16}"
                         f"  ({row['findings']} finding(s))")  # fmt: skip
    review = summary["to_review"]
    if review["findings"]:
        leads, bad = review.get("leads", 0), review.get("bad_ids", 0)
        parts = [f"{leads} lead(s) to check"]
        if bad:
            parts.append(f"{bad} with an id that fails its check")
        parts.append(f"{review['findings'] - leads - bad} claim(s) with no documented window")
        lines.append(f"  to review: {_totals(review)} in {review['findings']} finding(s)"
                     f" ({', '.join(parts)})")  # fmt: skip
    if summary["top"]:
        lines.append("  worth the most (file these first):")
        for n, item in enumerate(summary["top"], 1):
            ids = " ".join(str(v) for v in item["ids"].values() if v)
            closes = f", closes {item['closes']}" if item["closes"] else ", no documented window"
            lines.append(f"    {n}. {item['rule']} {ids}: "
                         f"{money(item['amount'], item['currency'])}{closes}")  # fmt: skip
    return lines
