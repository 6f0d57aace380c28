"""``casewriter scan REPORT... [--as-of DATE] [--marketplace M] [--json] [--draft]``.

Finds claimable discrepancies in downloaded Seller Central reports: a table grouped by status
(with totals and estimated value), the contract's JSON with ``--json``, and with ``--draft`` one
draft per claimable finding saved to the case log (skipping those with an open case). A folder
argument means every report in it (other files are skipped with a note). Progress goes to
stderr for big files, never to stdout.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command

if TYPE_CHECKING:
    from casewriter.reports.findings import ScanResult
    from casewriter.reports.readers import Progress
    from casewriter.reports.sniff import ReportInfo

BIG_FILE = 20 * 1024 * 1024


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "scan",
        help="find claimable discrepancies in downloaded Seller Central reports",
        description=(
            "Read Seller Central reports (ledger, reimbursements, returns, settlement, All "
            "Orders, inbound shipment items, removals, legacy reports; recognised by their "
            "header) and list lost, damaged, short-received and refunded-not-returned units "
            "that can still be claimed."
        ),
    )
    parser.add_argument("reports", nargs="+", metavar="REPORT", help="report files or folders")
    parser.add_argument("--as-of", metavar="DATE", default=None, help="treat DATE as today")
    parser.add_argument("--marketplace", metavar="M", default=None, help="e.g. US, UK, DE")
    parser.add_argument(
        "--draft", action="store_true", help="save a draft case for each claimable finding"
    )
    parser.set_defaults(handler=run)


def _expand(args: list[str]) -> tuple[list[ReportInfo], list[str]]:
    from casewriter.errors import ReportError
    from casewriter.reports.sniff import sniff

    files: list[ReportInfo] = []
    skipped: list[str] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.iterdir() if p.is_file()):
                if child.name.startswith("."):
                    continue
                try:
                    files.append(sniff(child))
                except ReportError as exc:
                    skipped.append(f"skipped {exc.message}")
        else:
            files.append(sniff(path))
    return files, skipped


def _progress_printer(files: list[ReportInfo]) -> Progress | None:
    tty = sys.stderr.isatty()
    sizes = {info.path: info.size for info in files}
    if not tty and not any(s >= BIG_FILE for s in sizes.values()):
        return None
    last: dict[Path, int] = {}

    def progress(path: Path, done: int, total: int) -> None:
        if not tty and sizes.get(path, 0) < BIG_FILE:
            return
        pct = min(100, done * 100 // max(total, 1))
        if last.get(path) == pct:
            return
        last[path] = pct
        from casewriter.output import write_progress

        write_progress(f"scanning {path.name}: {pct:3d}%", done=pct >= 100 or not tty)

    return progress


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.dates import parse_as_of
    from casewriter.engine import Catalog
    from casewriter.errors import CatalogError, UsageError
    from casewriter.marketplaces import get
    from casewriter.output import print_json, warn
    from casewriter.reports.scan import scan

    marketplace = get(args.marketplace).code if args.marketplace else None
    as_of = parse_as_of(args.as_of, get(marketplace or "US")) if args.as_of else None
    files, skipped = _expand(list(args.reports))
    if not files:
        raise UsageError("no Seller Central report found in " + ", ".join(args.reports))
    try:
        catalog = Catalog.load(ctx.paths, settings=ctx.settings)
    except CatalogError as exc:  # windows still come from the catalog: the files that load
        warn(f"{exc.message}; claim windows come from the case types that load")
        catalog = Catalog.load(ctx.paths, settings=ctx.settings, strict=False)
    result = scan(
        files,
        as_of=as_of,
        marketplace=marketplace,
        catalog=catalog,
        progress=_progress_printer(files),
        default_marketplace=ctx.settings.default_marketplace,
    )
    result.notes[:0] = skipped
    drafted: dict[str, Any] | None = None
    if args.draft:
        from casewriter.services.drafting import save_drafts

        report = save_drafts(result.findings, ctx.paths, ctx.settings, result.as_of)
        drafted = {
            "drafted": report.drafted,
            "skipped": [{"finding": f, "reason": r} for f, r in report.skipped],
        }
    if ctx.json:
        data = result.to_contract_json()
        if drafted is not None:
            data["drafts"] = drafted
        print_json(data)
    else:
        sys.stdout.write(format_text(result))
        if drafted is not None:
            sys.stdout.write(format_drafts(drafted["drafted"], drafted["skipped"]))
        for message in result.warnings:
            warn(message)
    return 0


#: How many new case ids and skipped findings ``scan --draft`` names before summarising
#: (3,000 drafts are a count and a command to list them, not a screen of ids).
SHOWN_DRAFTS = 10


def format_drafts(drafted: list[str], skipped: list[dict[str, str]]) -> str:
    """The ``--draft`` summary: counts, the first few case ids and skipped findings, and the
    command that lists the rest."""
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
    return "\n".join(lines) + "\n"


_TITLES = {
    "claimable": "CLAIMABLE — file now",
    "too-early": "TOO EARLY — wait",
    "expired": "EXPIRED — window closed",
}


def format_text(result: ScanResult) -> str:
    from decimal import Decimal

    lines = [f"Scan as of {result.as_of.isoformat()} ({result.marketplace})", "", "Reports:"]
    for r in result.reports:
        lines.append(f"  {r.type:<24} {r.rows:>9} rows  {r.path}")
    if not result.findings:
        lines += ["", "No discrepancies found."]
    for status, title in _TITLES.items():
        group = result.by_status(status)
        if not group:
            continue
        lines += ["", f"{title} ({len(group)})"]
        lines.append(f"  {'rule':<20} {'ids':<38} {'units':>5}  {'event':<10}  "
                     f"{'closes':<10}  {'value':>12}")  # fmt: skip
        totals: dict[str, Decimal] = {}
        units = 0
        for f in group:
            ids = " ".join(str(v) for v in f.ids.values() if v)
            closes = f.window.closes.isoformat() if f.window.closes else "-"
            if f.window.safe_by:
                closes += f" (safe by {f.window.safe_by.isoformat()})"
            value = f"{f.amount} {f.currency}" if f.amount is not None else "-"
            event = f.event_date.isoformat() if f.event_date else "-"
            lines.append(
                f"  {f.rule:<20} {ids:<38} {f.quantity:>5}  {event:<10}  {closes:<10}  {value:>12}"
            )
            lines += [f"      note: {n}" for n in f.notes]
            units += f.quantity
            if f.amount is not None:
                totals[f.currency] = totals.get(f.currency, Decimal(0)) + f.amount
        money = ", ".join(f"{v} {c}" for c, v in sorted(totals.items())) or "no estimate"
        lines.append(f"  total: {len(group)} finding(s), {units} unit(s), estimated {money}")
    if result.notes:
        lines += ["", "Notes:"] + [f"  {n}" for n in result.notes]
    return "\n".join(lines) + "\n"
