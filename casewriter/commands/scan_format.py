"""The text ``casewriter scan`` prints: findings grouped by status (claimable, too early,
expired, to review) with totals, notes, the money at stake, and the ``--draft`` summary.
Plain text: ids come from reports, and go out through the CLI's safe stream.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from casewriter.reports.findings import Finding, ScanResult

#: How many new case ids and skipped findings ``scan --draft`` names before summarising
#: (3,000 drafts are a count and a command to list them, not a screen of ids).
SHOWN_DRAFTS = 10


def format_drafts(drafted: list[str], skipped: list[dict[str, str]], leads: int = 0) -> str:
    """The ``--draft`` summary: counts, the first few case ids and skipped findings, the
    command that lists the rest, and how many leads were left for the seller to check."""
    lines = [
        f"\nDrafts saved: {len(drafted)}; skipped (open case already in the log): {len(skipped)}"
    ]
    if drafted:
        shown = ", ".join(drafted[:SHOWN_DRAFTS])
        more = len(drafted) - SHOWN_DRAFTS
        lines.append(f"  new drafts: {shown}" + (f" and {more:,} more" if more > 0 else ""))
        # `log list` shows 50 cases unless told otherwise
        limit = f" --limit {len(drafted)}" if len(drafted) > 50 else ""
        lines.append(f"  list them: casewriter log list --status draft{limit}")
    for item in skipped[:SHOWN_DRAFTS]:
        lines.append(f"  skipped {item['finding']}: {item['reason']}")
    if len(skipped) > SHOWN_DRAFTS:
        lines.append(
            f"  … and {len(skipped) - SHOWN_DRAFTS:,} more skipped (--json lists them all)"
        )
    if leads:
        lines.append(f"  not drafted: {leads} lead(s) to check first (to-review); a removal "
                     "package that never arrived becomes a claim with --confirm-removal-lost, "
                     "stranded inventory is drafted with --draft-stranded")  # fmt: skip
    return "\n".join(lines) + "\n"


_TITLES = {
    "claimable": "CLAIMABLE — file now",
    "too-early": "TOO EARLY — wait",
    "expired": "EXPIRED — window closed",
    "to-review": "TO REVIEW — check first (leads, and claims with no documented window)",
}


def _total(status: str, group: list[Finding]) -> str:
    """A group's total line. Among the to-review findings, the claims (no documented window)
    are added up; the leads are counted, their values being of other kinds (stock at risk, a
    fee to check)."""
    from decimal import Decimal

    claims = [f for f in group if not f.lead] if status == "to-review" else group
    totals: dict[str, Decimal] = {}
    unknown = 0
    for f in claims:
        if f.amount is not None:
            totals[f.currency] = totals.get(f.currency, Decimal(0)) + f.amount
        else:
            unknown += 1
    money = ", ".join(f"{v} {c}" for c, v in sorted(totals.items()))
    if not money:
        value = "no estimated value"
    elif unknown:
        value = f"estimated {money} ({unknown} of them without an estimate)"
    else:
        value = f"estimated {money}"
    units = sum(f.quantity for f in claims)
    leads = len(group) - len(claims)
    line = f"  total: {len(claims)} finding(s), {units} unit(s), {value}"
    if not leads:
        return line
    lead_line = f"{leads} lead(s) to check; each value is its own estimate"
    return f"{line}; {lead_line}" if claims else f"  total: {lead_line}"


def format_text(result: ScanResult) -> str:
    lines = [f"Scan as of {result.as_of.isoformat()} ({result.marketplace})", "", "Reports:"]
    for r in result.reports:
        lines.append(f"  {r.type:<24} {r.rows:>9} rows  {r.path}")
    if result.skipped:
        lines += ["", f"NOT READ IN FULL ({len(result.skipped)})"]
        for item in result.skipped:
            if item.partial:
                lines.append(f"  read only in part (rows before the break used): {item.reason}")
            else:
                lines.append(f"  not read: {item.reason}")
    if not result.findings:
        lines += ["", "No discrepancies found."]
    for status, title in _TITLES.items():
        group = result.by_status(status)
        if not group:
            continue
        lines += ["", f"{title} ({len(group)})"]
        lines.append(f"  {'rule':<25} {'ids':<38} {'units':>5}  {'event':<10}  "
                     f"{'closes':<10}  {'value':>12}")  # fmt: skip
        for f in group:
            ids = " ".join(str(v) for v in f.ids.values() if v)
            closes = f.window.closes.isoformat() if f.window.closes else "-"
            if f.window.safe_by:
                closes += f" (safe by {f.window.safe_by.isoformat()})"
            value = f"{f.amount} {f.currency}" if f.amount is not None else "-"
            event = f.event_date.isoformat() if f.event_date else "-"
            lines.append(
                f"  {f.rule:<25} {ids:<38} {f.quantity:>5}  {event:<10}  {closes:<10}  {value:>12}"
            )
            lines += [f"      note: {n}" for n in f.notes]
        lines.append(_total(status, group))
    if result.notes:
        lines += ["", "Notes:"] + [f"  {n}" for n in result.notes]
    if result.findings:
        from casewriter.reports.summary_text import format_summary

        lines += ["", *format_summary(result.summary)]
    return "\n".join(lines) + "\n"
