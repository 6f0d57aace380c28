"""The text ``casewriter scan`` prints: findings grouped by status (claimable, too early,
expired, to review) with totals, notes, the money at stake, and the ``--draft`` summary, in
the UI language (``lang``: "en" or "zh"; the words are ``casewriter.scan_words``'). Rule ids,
identifiers, amounts and dates are printed as they are in either language. Plain text: ids
come from reports, and go out through the CLI's safe stream.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from casewriter.cells import pad, pad_left
from casewriter.messages import say
from casewriter.reports.summary_text import format_summary, money
from casewriter.scan_words import status_name, sw

if TYPE_CHECKING:
    from casewriter.reports.findings import Finding, ScanResult

#: How many new case ids and skipped findings ``scan --draft`` names before summarising
#: (3,000 drafts are a count and a command to list them, not a screen of ids).
SHOWN_DRAFTS = 10

STATUSES = ("claimable", "too-early", "expired", "to-review")


#: Why ``services.drafting.save_drafts`` skipped a finding, by its reason's message code, as
#: the ``--draft`` summary counts it (a case already in the log is the usual reason and keeps
#: the summary's own words; any code not named here is a value the log refused).
SKIP_KINDS = {
    "draft.open_case": "log",
    "draft.denied": "log",
    "draft.reopen": "log",
    "draft.partial": "partial",
    "draft.bad_ids": "bad_ids",
}
#: the order the kinds are counted in (their words: ``scan_words`` ``skip.<kind>``)
SKIP_ORDER = ("log", "partial", "bad_ids", "refused")


def _saved_line(drafted: int, reasons: list[str], lang: str) -> str:
    """``Drafts saved: N; skipped (open case already in the log): K`` when every skip is a case
    already in the log (or none); otherwise the skips counted by their real reason:
    ``skipped: K (a report read only in part: 1, …)``."""
    counts: dict[str, int] = {}
    for reason in reasons:
        kind = SKIP_KINDS.get(getattr(reason, "code", ""), "refused")
        counts[kind] = counts.get(kind, 0) + 1
    if set(counts) <= {"log"}:
        return sw("drafts.saved", lang, n=drafted, skipped=len(reasons))
    parts = [sw("drafts.reason_count", lang, reason=sw(f"skip.{kind}", lang), n=counts[kind])
             for kind in SKIP_ORDER if kind in counts]  # fmt: skip
    return sw("drafts.saved_by_reason", lang, n=drafted, skipped=len(reasons),
              reasons=sw("drafts.reason_sep", lang).join(parts))  # fmt: skip


def format_drafts(
    drafted: list[str], skipped: list[dict[str, str]], leads: int = 0, lang: str = "en"
) -> str:
    """The ``--draft`` summary: counts, the first few case ids and skipped findings, the
    command that lists the rest, and how many leads were left for the seller to check."""
    lines = ["\n" + _saved_line(len(drafted), [item["reason"] for item in skipped], lang)]
    if drafted:
        shown = ", ".join(drafted[:SHOWN_DRAFTS])
        more = len(drafted) - SHOWN_DRAFTS
        lines.append("  " + sw("drafts.new", lang, ids=shown)
                     + (sw("drafts.more", lang, n=f"{more:,}") if more > 0 else ""))  # fmt: skip
        # `log list` shows 50 cases unless told otherwise
        limit = f" --limit {len(drafted)}" if len(drafted) > 50 else ""
        command = f"casewriter log list --status draft{limit}"
        lines.append("  " + sw("drafts.list", lang, command=command))
    for item in skipped[:SHOWN_DRAFTS]:
        lines.append("  " + sw("drafts.skipped", lang, finding=item["finding"],
                               reason=item["reason"]))  # fmt: skip
    if len(skipped) > SHOWN_DRAFTS:
        lines.append("  " + sw("drafts.more_skipped", lang, n=f"{len(skipped) - SHOWN_DRAFTS:,}"))
    if leads:
        lines.append("  " + sw("drafts.leads", lang, n=leads))
    return "\n".join(lines) + "\n"


def _total(status: str, group: list[Finding], lang: str = "en") -> str:
    """A group's total line. Among the to-review findings, the claims (no documented window)
    are added up; the leads are counted, their values being of other kinds (stock at risk, a
    fee to check)."""
    claims = [f for f in group if not f.lead] if status == "to-review" else group
    totals: dict[str, Decimal] = {}
    unknown = 0
    for f in claims:
        if f.amount is not None:
            totals[f.currency] = totals.get(f.currency, Decimal(0)) + f.amount
        else:
            unknown += 1
    summed = ", ".join(money(str(v), c) for c, v in sorted(totals.items()))
    if not summed:
        value = sw("value.none", lang)
    elif unknown:
        value = sw("value.some_unknown", lang, money=summed, n=unknown)
    else:
        value = sw("value.estimated", lang, money=summed)
    units = sum(f.quantity for f in claims)
    leads = len(group) - len(claims)
    line = sw("total", lang, n=len(claims), units=units, value=value)
    if not leads:
        return "  " + line
    lead_line = sw("total.leads", lang, n=leads)
    if claims:
        return "  " + sw("total.with_leads", lang, total=line, leads=lead_line)
    return "  " + sw("total.leads_only", lang, leads=lead_line)


def _header(lang: str) -> str:
    """The findings table's header, each word padded to its column."""
    return (f"  {pad(sw('col.rule', lang), 25)} {pad(sw('col.ids', lang), 38)} "
            f"{pad_left(sw('col.units', lang), 5)}  {pad(sw('col.event', lang), 10)}  "
            f"{pad(sw('col.closes', lang), 10)}  {pad_left(sw('col.value', lang), 12)}")  # fmt: skip


def format_text(result: ScanResult, lang: str = "en") -> str:
    """The scan as text in ``lang``; notes and reasons (``Said``) said in it too."""
    head = sw("head", lang, day=result.as_of.isoformat(), marketplace=result.marketplace)
    lines = [head, "", sw("reports", lang)]
    rows = sw("rows", lang)
    for r in result.reports:
        lines.append(f"  {r.type:<24} {r.rows:>9} {rows}  {r.path}")
    if result.skipped:
        lines += ["", sw("not_in_full", lang, n=len(result.skipped))]
        for item in result.skipped:
            key = "partial" if item.partial else "not_read"
            lines.append("  " + sw(key, lang, reason=item.reason))
    if not result.findings:
        lines += ["", sw("nothing_found", lang)]
    for status in STATUSES:
        group = result.by_status(status)
        if not group:
            continue
        name = status_name(status, lang).upper()
        lines += ["", sw("group", lang, status=name, tail=sw(f"tail.{status}", lang), n=len(group))]
        lines.append(_header(lang))
        for f in group:
            ids = " ".join(str(v) for v in f.ids.values() if v)
            closes = f.window.closes.isoformat() if f.window.closes else "-"
            if f.window.safe_by:
                closes += sw("safe_by", lang, day=f.window.safe_by.isoformat())
            value = money(str(f.amount), f.currency) if f.amount is not None else "-"
            event = f.event_date.isoformat() if f.event_date else "-"
            lines.append(
                f"  {f.rule:<25} {ids:<38} {f.quantity:>5}  {event:<10}  {closes:<10}  {value:>12}"
            )
            lines += ["      " + sw("note", lang, note=n) for n in f.notes]
        lines.append(_total(status, group, lang))
    if result.notes:
        lines += ["", sw("notes", lang)] + [f"  {say(n, lang)}" for n in result.notes]
    if result.findings:
        lines += ["", *format_summary(result.summary, lang)]
    return "\n".join(lines) + "\n"
