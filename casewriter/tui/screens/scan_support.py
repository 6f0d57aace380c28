"""Glue between the scan screen and the core: the typed paths read as ``casewriter scan`` reads
its arguments (``reports.sniff.sniff_all``: the same files, in the same order, the same folders
inside a folder named and not walked), the "as of" date read as ``--as-of`` is
(``dates.read_as_of``, in the chosen marketplace's order), ``reports.scan`` run, and drafts
saved for chosen findings with the same function ``casewriter scan --draft`` uses.
No textual here, so it is easy to test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from casewriter.tui.i18n import local, rule_name, status_name, t
from casewriter.tui.services import Services

if TYPE_CHECKING:
    from casewriter.dates import ParsedDate
    from casewriter.reports import Finding, ScanResult
    from casewriter.reports.sniff import ReportInfo, Sniffed

_OPEN_CASE = re.compile(r"^open case (CW-\d+(?:, CW-\d+)*)$")


def skip_reason(reason: str) -> str:
    """Why ``save_drafts`` skipped a finding, in the UI's words when it is the usual one (an
    open case on the same problem, named); any other reason as the log gave it."""
    match = _OPEN_CASE.match(reason)
    return t("scan.open_case", ids=match.group(1)) if match else local(reason)


def typed_paths(text: str) -> list[Path]:
    """The paths typed (split as a shell splits them, ``~`` expanded); ValueError in the UI's
    words for a quote left open or ``~name`` of a user this computer does not have."""
    import shlex

    try:
        words = shlex.split(text)
    except ValueError:  # shlex's own English ("No closing quotation")
        raise ValueError(t("scan.bad_quotes")) from None
    out: list[Path] = []
    for word in words:
        try:
            out.append(Path(word).expanduser())
        except RuntimeError:
            raise ValueError(t("scan.no_home", word=word)) from None
    return out


def find_reports(paths: Iterable[Path]) -> Sniffed:
    """What the paths name, exactly as ``casewriter scan`` takes its arguments: each named
    file, and the files directly inside each named folder in name order (hidden ones passed
    over; other files and the folders inside it listed with the reason)."""
    from casewriter.reports.sniff import sniff_all

    return sniff_all(paths)


def read_as_of(text: str, chosen: str | None, default: str | None) -> ParsedDate | None:
    """The "as of" field as ``casewriter scan --as-of`` reads it (ISO or any form with the
    year, day and month in the order of the marketplace chosen, else the default one); None
    when empty (today); UsageError (a ``Said`` naming the field) when it is not a date."""
    from casewriter.dates import as_of_marketplace
    from casewriter.dates import read_as_of as read

    if not text.strip():
        return None
    from casewriter.messages import Said
    from casewriter.tui.strings import CATALOG

    field = Said(*CATALOG["scan.as_of_field"])  # the message said again on a language switch
    return read(text.strip(), as_of_marketplace(chosen, default), field)


def nothing_read(found: Sniffed) -> str:
    """The status line when nothing named is a readable report: the one file's reason when
    one file was named, else how many were not read (the reasons go to a toast)."""
    not_read = found.not_read()
    if len(not_read) == 1 and found.unreadable:
        return local(not_read[0][1])
    if not not_read:
        return t("scan.no_files_in")
    return t("scan.none_readable", n=len(not_read))


def not_read_line(skipped: list[tuple[Path, str]], width: int) -> list[str]:
    """The files (and folders inside a folder named) not read in one line, by name, as many as
    fit and a count of the rest (a Downloads folder holds more than reports: they must not
    push the findings out of view); each one's reason is in a toast (``show_result``) and in
    the CLI's ``scan``."""
    if not skipped:
        return []
    names = [path.name + ("/" if path.is_dir() else "") for path, _reason in skipped]
    room = max(20, (width or 80) - 4)
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        line = t("scan.not_read_files", n=len(names), names=", ".join(names[:shown]))
        if rest:
            line += " " + t("scan.more_files", n=rest)
        if cell_len(line) <= room or shown == 1:
            return [line]
    return []


def run_scan(
    services: Services,
    paths: list[ReportInfo],
    *,
    as_of: date | None,
    marketplace: str | None,
    progress: Callable[[float, float], None] | None = None,
) -> ScanResult:
    """``casewriter.reports.scan`` with the engine's catalog (a user's windows apply).

    ``progress(done_bytes, total_bytes)`` is called across all files.
    """
    from casewriter.reports import scan

    total = float(sum(max(1, info.size) for info in paths))
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
