"""The "money at stake" lines at the end of ``casewriter scan`` (and the scan screen), drawn
from the same ``summary`` dict ``--json`` prints (``reports.summary.summarize``), so the two
never disagree; in the UI language (``lang``; the words are ``casewriter.scan_words``'). Plain
text: ids come from reports, so they go out through the CLI's safe stream (or the TUI's safe
widgets), never as markup.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from casewriter.cells import pad_left
from casewriter.marketplaces import amount_text
from casewriter.scan_words import rule_name, sw


def money(amount: str | None, currency: str | None) -> str:
    """``1234.5`` + ``USD`` → ``1,234.50 USD``, ``1980`` + ``JPY`` → ``1,980 JPY``
    (``marketplaces.amount_text``: each currency with its own decimals)."""
    if amount is None:
        return "no estimate"
    return f"{amount_text(Decimal(amount), currency or '', grouped=True)} {currency or ''}".rstrip()


def _totals(section: dict[str, Any], lang: str = "en") -> str:
    sep = sw("money.sep", lang)
    text = sep.join(_money(t["amount"], t["currency"], lang) for t in section.get("total", []))
    unknown = section.get("without_estimate", 0)
    if unknown:
        text += (sep if text else "") + sw("money.unknown", lang, n=unknown)
    return text or sw("money.none", lang)


def _money(amount: str | None, currency: str | None, lang: str) -> str:
    """``money`` with its "no estimate" in ``lang``."""
    return money(amount, currency) if amount is not None else sw("money.no_estimate", lang)


def headline(summary: dict[str, Any], lang: str = "en") -> str:
    """One line: claimable now, too early, expired, to review (the scan screen shows it)."""
    if not summary:
        return ""
    parts = [f"{sw('money.claimable', lang)} {_totals(summary['claimable'], lang)}"]
    for key in ("too_early", "expired", "to_review"):
        if summary[key]["findings"]:
            parts.append(f"{sw('money.' + key, lang)} {_totals(summary[key], lang)}")
    return sw("money.headline", lang, parts=sw("money.parts_sep", lang).join(parts))


def format_summary(summary: dict[str, Any], lang: str = "en") -> list[str]:
    """The money at stake in ``lang`` ("en" or "zh"): rule ids, ids, amounts and dates as
    they are."""
    if not summary:
        return []
    lines = [sw("money.title", lang)]
    claim = summary["claimable"]
    lines.append("  " + sw("money.claimable_line", lang, totals=_totals(claim, lang)))
    for row in claim["by_rule"]:
        amount = pad_left(_money(row["amount"], row["currency"], lang), 16)
        counts = sw("money.rule_units", lang, n=row["findings"], units=row["units"])
        lines.append(f"    {row['rule']:<26} {amount}  {counts}")
    early = summary["too_early"]
    if early["findings"]:
        lines.append("  " + sw("money.early_line", lang, totals=_totals(early, lang)))
        for row in early["by_date"]:
            when = (sw("money.from", lang, day=row["claimable_from"], n=row["findings"])
                    if row["claimable_from"]
                    else sw("money.from_undated", lang, n=row["findings"]))  # fmt: skip
            amount = pad_left(_money(row["amount"], row["currency"], lang), 16)
            lines.append(f"    {amount}  {when}")
    expired = summary["expired"]
    if expired["findings"]:
        lines.append("  " + sw("money.expired_line", lang, totals=_totals(expired, lang)))
        for row in expired["by_rule"]:
            amount = pad_left(_money(row["amount"], row["currency"], lang), 16)
            counts = sw("money.rule_findings", lang, n=row["findings"])
            lines.append(f"    {row['rule']:<26} {amount}  {counts}")
    review = summary["to_review"]
    if review["findings"]:
        leads, bad = review.get("leads", 0), review.get("bad_ids", 0)
        parts = [sw("money.leads", lang, n=leads)]
        if bad:
            parts.append(sw("money.bad_ids", lang, n=bad))
        parts.append(sw("money.no_window", lang, n=review["findings"] - leads - bad))
        said = sw("money.sep", lang).join(parts)
        totals = _totals(review, lang)
        line = sw("money.review_line", lang, totals=totals, n=review["findings"], parts=said)
        lines.append("  " + line)
    if summary["top"]:
        lines.append("  " + sw("money.top_title", lang))
        for n, item in enumerate(summary["top"], 1):
            ids = " ".join(str(v) for v in item["ids"].values() if v)
            closes = (sw("money.closes", lang, day=item["closes"]) if item["closes"]
                      else sw("money.no_window_short", lang))  # fmt: skip
            name = rule_name(item["rule"], lang)
            amount = _money(item["amount"], item["currency"], lang)
            line = sw("money.top_item", lang, rank=n, rule=item["rule"], name=name, ids=ids,
                      money=amount, closes=closes)  # fmt: skip
            lines.append("    " + line)
    return lines
