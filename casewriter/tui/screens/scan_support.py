"""Glue between the scan screen and the core: expand typed paths, run ``reports.scan`` and save
drafts for chosen findings with the same function ``casewriter scan --draft`` uses.
No textual here, so it is easy to test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.tui.i18n import local, rule_name, status_name, t
from casewriter.tui.services import Services

if TYPE_CHECKING:
    from casewriter.reports import Finding, ScanResult

REPORT_SUFFIXES = (".txt", ".csv", ".tsv")
_OPEN_CASE = re.compile(r"^open case (CW-\d+(?:, CW-\d+)*)$")


def skip_reason(reason: str) -> str:
    """Why ``save_drafts`` skipped a finding, in the UI's words when it is the usual one (an
    open case on the same problem, named); any other reason as the log gave it."""
    match = _OPEN_CASE.match(reason)
    return t("scan.open_case", ids=match.group(1)) if match else local(reason)


def expand_paths(words: Iterable[str]) -> list[Path]:
    """Files as typed; a folder stands for the report files directly inside it."""
    out: list[Path] = []
    for word in words:
        try:
            path = Path(word).expanduser()
        except RuntimeError:  # ~name of a user this computer does not have
            raise ValueError(t("scan.no_home", word=word)) from None
        if path.is_dir():
            out += sorted(
                p for p in path.iterdir() if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()
            )
        else:
            out.append(path)
    return out


def run_scan(
    services: Services,
    paths: list[Path],
    *,
    as_of: date | None,
    marketplace: str | None,
    progress: Callable[[float, float], None] | None = None,
) -> ScanResult:
    """``casewriter.reports.scan`` with the engine's catalog (a user's windows apply).

    ``progress(done_bytes, total_bytes)`` is called across all files.
    """
    from casewriter.reports import scan

    sizes = {str(p): max(1, p.stat().st_size) for p in paths}
    total = float(sum(sizes.values()))
    done: dict[str, float] = {}

    def per_file(path: Path, read: int, _size: int) -> None:
        done[str(path)] = float(read)
        if progress is not None:
            progress(min(total, sum(done.values())), total)

    return scan(
        paths,
        as_of=as_of,
        marketplace=marketplace or None,
        catalog=services.engine.catalog,
        progress=per_file,
        default_marketplace=services.settings.default_marketplace,
    )


def _totals(section: dict[str, Any]) -> str:
    from casewriter.reports.summary_text import money

    parts = [money(x["amount"], x["currency"]) for x in section.get("total", [])]
    if section.get("without_estimate"):
        parts.append(t("scan.money_unknown", n=section["without_estimate"]))
    return ", ".join(parts) or t("scan.money_none")


def money_lines(summary: dict[str, Any], top: int = 3) -> list[str]:
    """The money at stake in the current language: one line of totals, one of the findings
    worth the most (plain text: ids come from reports)."""
    from casewriter.reports.summary_text import money

    if not summary:
        return []
    lines = [
        t(
            "scan.money",
            claimable=_totals(summary["claimable"]),
            early=_totals(summary["too_early"]),
            expired=_totals(summary["expired"]),
            review=_totals(summary["to_review"]),
        )
    ]
    items = [
        f"{rule_name(str(x['rule']))} {' '.join(str(v) for v in x['ids'].values() if v)} "
        f"{money(x['amount'], x['currency'])}"
        for x in summary.get("top", [])[:top]
    ]
    if items:
        lines.append(t("scan.money_top", items="; ".join(items)))
    return lines


def draft_findings(
    services: Services, findings: list[Finding], as_of: date
) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Save one draft per claimable finding, exactly as ``scan --draft`` does (the duplicate
    guard skips findings with a case on the same problem in the log); a selected stranded
    finding is drafted too, as ``scan --draft-stranded`` does.

    Returns the new case ids and, for each finding (its index in ``findings``), what happened:
    ``(index, "drafted", case id)``, ``(index, "skipped", the log's reason: "open case
    CW-000012"…)`` or ``(index, "not-drafted", its status)`` (too early, expired, a lead)."""
    from casewriter.services.drafting import DRAFTABLE_LEADS, draftable, label, save_drafts

    report = save_drafts(
        findings, services.paths, services.settings, as_of, review_rules=DRAFTABLE_LEADS
    )
    skipped = dict(report.skipped)
    drafted = iter(report.drafted)
    outcomes: list[tuple[int, str, str]] = []
    for i, finding in enumerate(findings):
        wanted = draftable(finding, review_rules=DRAFTABLE_LEADS)  # as save_drafts decides
        name = label(finding)
        if not wanted:
            outcomes.append((i, "not-drafted", status_name(finding.status)))
        elif name in skipped:
            outcomes.append((i, "skipped", skip_reason(skipped.pop(name))))
        else:
            outcomes.append((i, "drafted", next(drafted, "")))
    return list(report.drafted), outcomes
