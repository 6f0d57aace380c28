"""``casewriter scan REPORT... [--as-of DATE] [--marketplace M] [--json] [--draft]``.

Finds claimable discrepancies in downloaded Seller Central reports: a table grouped by status
(with totals and estimated value), the contract's JSON with ``--json``, and with ``--draft`` one
draft per claimable finding saved to the case log (skipping those with an open case). A folder
argument means every report in it (other files are skipped with a note). Progress goes to
stderr for big files, never to stdout.

A report named on the command line that cannot be read, or a report that breaks part way, is
listed with the reason and the rest are scanned: exit code 1 says something was skipped, and
``--draft`` saves no draft for a finding that depends on a report read only in part. When
nothing can be read, the error says why for each file (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command

if TYPE_CHECKING:
    from casewriter.reports.findings import ScanResult, Skipped
    from casewriter.reports.readers import Progress
    from casewriter.reports.sniff import ReportInfo

BIG_FILE = 20 * 1024 * 1024

#: ``scan --help``: every report type and rule, by the ids ``--json`` uses (kept in step with
#: ``reports.signatures.TITLES`` and ``reports.findings.RULE_CASE_TYPES`` by a test; spelled out
#: here so ``casewriter --help`` never imports the scanner).
EPILOG = """\
report types (the "type" of each report in --json):
  ledger-detail            Inventory Ledger, detailed view
  ledger-summary           Inventory Ledger, summary view
  reimbursements           Reimbursements
  customer-returns         FBA customer returns
  all-orders               All Orders
  fulfilled-shipments      Amazon Fulfilled Shipments (buyer names, e-mails, phones and
                           addresses are never read)
  settlement-v2            Settlement flat file V2
  settlement-flat          Settlement flat file, older layout (price-type, other-amount ...)
  removal-order-detail     Removal order detail
  removal-shipment-detail  Removal shipment detail
  inbound-shipment-items   Inbound shipment items (SP-API, or your own CSV: shipment,
                           SKU/FNSKU, shipped, received, status)
  fee-preview              Fee Preview (US and EU/UK variants)
  storage-fees             Monthly storage fees
  inventory-planning       Inventory planning / FBA Inventory
  manage-inventory         Manage FBA Inventory
  stranded-inventory       Stranded inventory
  restock                  Restock inventory recommendations
  seller-returns           Seller-fulfilled returns (SAFE-T columns)
  afn-inventory            AFN inventory (and by country)
  legacy-adjustments       Inventory Adjustments (retired 2023)
  legacy-receipts          Received Inventory (retired)
  legacy-inventory-events  Inventory Event Detail (retired)
  seller-measurements      your own measurements (CSV, see below)

rules (the "rule" of each finding):
  inbound-shortfall        closed inbound shipment: shipped - received - already paid
  warehouse-lost           ledger units lost in the warehouse, not found or reimbursed
  warehouse-damaged        ledger units damaged in the warehouse, not reimbursed
  refund-not-returned      refunded FBA order, no return and no reimbursement (in the
                           Reimbursements report or inside a settlement)
  fee-overcharge           FBA fee of a bigger size tier or weight band than your own
                           measurements give (Fee Preview / storage tier vs your CSV; the
                           charges from the settlements' FBA fulfilment fee rows)
  storage-fee-check        monthly storage fee above volume x average quantity x rate, less
                           incentives (to-review)
  stranded-inventory       stranded units, their value (your-price x units, an estimate),
                           Amazon's fix and the auto-removal date (to-review)

your measurements: a CSV with the header sku,length,width,height,dimension_unit,weight,
weight_unit (one row per SKU in its packaging, in/cm/mm and lb/oz/kg/g), found in a folder
like a report or given with --measurements FILE. Without it no tier is checked.

statuses: claimable, too-early, expired, and to-review (a lead to check: no claim window, or a
figure to verify; drafted only when asked, e.g. --draft-stranded)

exit codes: 0 scanned; 1 scanned, but a report was skipped or read only in part;
2 bad input (nothing readable, a bad option)
"""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "scan",
        help="find claimable discrepancies in downloaded Seller Central reports",
        description=(
            "Read Seller Central reports (recognised by their header row, whatever the file is "
            "called) and list lost, damaged, short-received and refunded-not-returned units "
            "that can still be claimed, FBA fees charged for a bigger size than your own "
            "measurements, storage fees that do not add up and stranded inventory."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("reports", nargs="+", metavar="REPORT", help="report files or folders")
    parser.add_argument("--as-of", metavar="DATE", default=None, help="treat DATE as today")
    parser.add_argument("--marketplace", metavar="M", default=None, help="e.g. US, UK, DE")
    parser.add_argument(
        "--draft", action="store_true", help="save a draft case for each claimable finding"
    )
    parser.add_argument(
        "--draft-stranded",
        action="store_true",
        help="also save a stranded-inventory draft for each stranded finding (to-review: try "
        "Amazon's Fix stranded inventory page first)",
    )
    parser.add_argument(
        "--measurements",
        metavar="FILE",
        default=None,
        help="your own measurements CSV (sku,length,width,height,dimension_unit,weight,"
        "weight_unit) to check Amazon's size tiers against",
    )
    parser.set_defaults(handler=run)


def _expand(args: list[str]) -> tuple[list[ReportInfo], list[str], list[Skipped]]:
    """(reports, notes about folder files that are not reports, named files not readable)."""
    from casewriter.errors import ReportError
    from casewriter.reports.findings import Skipped
    from casewriter.reports.sniff import sniff

    files: list[ReportInfo] = []
    notes: list[str] = []
    failed: list[Skipped] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for child in sorted(p for p in path.iterdir() if p.is_file()):
                if child.name.startswith("."):
                    continue
                try:
                    files.append(sniff(child))
                except ReportError as exc:
                    notes.append(f"skipped {exc.message}")
        else:
            try:
                files.append(sniff(path))
            except ReportError as exc:
                failed.append(Skipped(path, exc.message))
    return files, notes, failed


def _add_measurements(files: list[ReportInfo], name: str) -> None:
    """``--measurements FILE``: must be the seller's measurements CSV (exit 2 otherwise)."""
    from casewriter.errors import ReportError, UsageError
    from casewriter.files import expand_user
    from casewriter.reports.measurements import HEADER
    from casewriter.reports.sniff import sniff

    path = expand_user(name, "--measurements file")
    try:
        info = sniff(path)
    except ReportError as exc:
        raise UsageError(f"--measurements: {exc.message}; the header must be {HEADER}") from None
    if info.type != "seller-measurements":
        raise UsageError(f"--measurements: {path} is a {info.type} report, not your "
                         f"measurements (header: {HEADER})")  # fmt: skip
    if all(f.path.resolve() != path.resolve() for f in files):
        files.append(info)


#: How many files' reasons a scan that found nothing readable names before summarising.
SHOWN_REASONS = 20


def _nothing_readable(args: list[str], notes: list[str], failed: list[Skipped]) -> Exception:
    """The error when no argument gave a readable report: each file's reason, then one line."""
    from casewriter.errors import ReportError, UsageError
    from casewriter.output import warn

    reasons = [s.reason for s in failed] + [n.removeprefix("skipped ") for n in notes]
    if len(reasons) == 1 and failed:
        return ReportError(reasons[0])
    for reason in reasons[:SHOWN_REASONS]:
        warn(f"not read: {reason}")
    if len(reasons) > SHOWN_REASONS:
        warn(f"... and {len(reasons) - SHOWN_REASONS} more files not read")
    where = ", ".join(args)
    if not reasons:
        return UsageError(f"no Seller Central report found in {where}: no files in it")
    return UsageError(
        f"no Seller Central report found in {where}: {len(reasons)} file(s), none readable "
        "(why: above)"
    )


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
    from casewriter.errors import CatalogError
    from casewriter.marketplaces import get
    from casewriter.output import print_json, warn
    from casewriter.reports.scan import scan

    marketplace = get(args.marketplace).code if args.marketplace else None
    as_of = parse_as_of(args.as_of, get(marketplace or "US")) if args.as_of else None
    files, skipped, failed = _expand(list(args.reports))
    if not files:
        raise _nothing_readable(list(args.reports), skipped, failed)
    if args.measurements:
        _add_measurements(files, args.measurements)
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
    result.skipped[:0] = failed
    drafted: dict[str, Any] | None = None
    if args.draft or args.draft_stranded:
        from casewriter.services.drafting import DRAFTABLE_LEADS, save_drafts

        report = save_drafts(
            result.findings,
            ctx.paths,
            ctx.settings,
            result.as_of,
            claimable=args.draft,
            review_rules=DRAFTABLE_LEADS if args.draft_stranded else frozenset(),
        )
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
    if result.skipped and ctx.json:
        for item in result.skipped:
            warn(("read only in part: " if item.partial else "not read: ") + item.reason)
    return 1 if result.skipped else 0


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
    "to-review": "TO REVIEW — check before acting",
}


def format_text(result: ScanResult) -> str:
    from decimal import Decimal

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
        if status == "to-review":  # values of different kinds (stock at risk, a fee to check)
            lines.append(f"  total: {len(group)} lead(s) to check; each value is its own estimate")
        else:
            lines.append(f"  total: {len(group)} finding(s), {units} unit(s), estimated {money}")
    if result.notes:
        lines += ["", "Notes:"] + [f"  {n}" for n in result.notes]
    return "\n".join(lines) + "\n"
