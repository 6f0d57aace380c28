"""``casewriter scan REPORT... [--as-of DATE] [--marketplace M] [--json] [--draft]
[--draft-stranded] [--measurements FILE] [--costs FILE] [--confirm-removal-lost ID]``.

Finds claimable discrepancies in downloaded Seller Central reports: a table grouped by status
(with totals and estimated value) and the money at stake (``scan_format``), the contract's JSON
with ``--json``, and with ``--draft`` one draft per claimable finding (and claim with no
documented window) saved to the case log (skipping those with an open case); leads only when
asked (``--draft-stranded``). ``--measurements`` / ``--costs`` name the seller's own CSVs (also
recognised in a folder); ``--confirm-removal-lost`` turns a removal-lost lead into a claim. A
folder argument means every report in it (other files are skipped with a note). Progress goes
to stderr for big files, never to stdout.

A report named on the command line that cannot be read, or a report that breaks part way, is
listed with the reason and the rest are scanned: exit code 1 says something was skipped, and
``--draft`` saves no draft for a finding that depends on a report read only in part. When
nothing can be read, the error says why for each file (exit 2).

Size: ~340 lines, 70 of them the ``--help`` epilog (spelled out here so ``--help`` imports
nothing more); the epilog could move to a packaged text file, leaving under 300.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command
from casewriter.commands.scan_help import HelpFormatter

if TYPE_CHECKING:
    from casewriter.reports.findings import Skipped
    from casewriter.reports.readers import Progress
    from casewriter.reports.sniff import ReportInfo, Sniffed

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
  manufacturing-costs      your manufacturing costs: a CSV you keep, header sku,cost,currency
                           (in the folder, named on the command line, or --costs FILE)

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
                           incentives: a lead
  stranded-inventory       stranded units, their value (your-price x units, an estimate),
                           Amazon's fix and the auto-removal date: a lead (--draft-stranded)
  removal-incomplete       finished removal order that shipped fewer units than requested,
                           the rest neither cancelled, disposed nor paid
  removal-lost             removal package (carrier + tracking): a lead to review while its
                           window is open; a claim once you confirm it never arrived
                           (--confirm-removal-lost)
  return-damaged           FBA return graded damaged by the carrier or the warehouse, not
                           reimbursed (no documented window: to-review)
  refund-over-charge       refund larger than the principal charged for the order
  reimbursement-underpaid  reimbursement below your manufacturing cost (lost or damaged
                           before a customer order, since March 2025: --costs)
  reimbursement-below-price
                           other reimbursement well below the average selling price: a lead
  researching-units        units still researching long after their shipment closed, none
                           found since: a lead

your measurements: a CSV with the header
  sku,length,width,height,dimension_unit,weight,weight_unit
(one row per SKU in its packaging, in/cm/mm and lb/oz/kg/g), found in a folder like a report
or given with --measurements FILE. Without it no tier is checked.

status: claimable (file now), too-early (with the date it opens), expired, to-review (a
lead to check, drafted only when asked, e.g. --draft-stranded; or a claim of any rule in a
marketplace with no documented window, marked so and drafted by --draft).
The scan ends with the money at stake: claimable by rule and currency, too early by date,
expired, to review, and the five findings worth the most.

exit codes: 0 scanned; 1 scanned, but a report was skipped or read only in part;
2 bad input (nothing readable, a bad option, a --confirm-removal-lost matching nothing)
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
        formatter_class=HelpFormatter,
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
        help="your own measurements CSV to check Amazon's size tiers against (its header: "
        "see 'your measurements' below)",
    )
    parser.add_argument(
        "--costs",
        metavar="FILE",
        action="append",
        default=[],
        help="your manufacturing costs, a CSV with the header sku,cost,currency (also "
        "recognised by its header in a scanned folder)",
    )
    parser.add_argument(
        "--confirm-removal-lost",
        metavar="ID",
        action="append",
        default=[],
        help="a removal order id (every package of it) or a tracking number that never "
        "arrived: that removal-lost lead becomes a claim (repeat for several)",
    )
    parser.set_defaults(handler=run)


def _expand(args: list[str]) -> tuple[Sniffed, list[str], list[Skipped]]:
    """(what the arguments name: ``reports.sniff.sniff_all``, as the app's scan screen takes
    them; notes about a folder's contents not read: folders inside it and files that are not
    reports; named files not readable)."""
    from casewriter.reports.findings import Skipped
    from casewriter.reports.sniff import sniff_all

    found = sniff_all(args)
    return found, found.notes(), [Skipped(path, reason) for path, reason in found.unreadable]


#: How many files' reasons a scan that found nothing readable names before summarising.
SHOWN_REASONS = 20


def _nothing_readable(args: list[str], found: Sniffed, lang: str) -> Exception:
    """The error when no argument gave a readable report: each file's reason (and each folder
    inside a named one, not read; in ``lang``), then one line (a ``Said``: the CLI prints it
    in the chosen language)."""
    from casewriter.errors import ReportError, UsageError
    from casewriter.messages import say
    from casewriter.output import warn
    from casewriter.reports.note_words import wn
    from casewriter.scan_words import sw

    reasons = [reason for _path, reason in found.unreadable] + found.passed_over
    if len(reasons) == 1 and found.unreadable and not found.folders:
        return ReportError(reasons[0])
    where = ", ".join(args)
    if not reasons and found.folders:  # the one line names them
        names = ", ".join(path.name for path, _reason in found.folders[:3])
        more = wn("none.more_folders", n=len(found.folders) - 3) if len(found.folders) > 3 else ""
        return UsageError(wn("none.only_folders", where=where, names=names, more=more))
    for reason in [*reasons, *found.subfolders][:SHOWN_REASONS]:
        warn(sw("not_read", lang, reason=reason))
    if len(reasons) + len(found.folders) > SHOWN_REASONS:
        n = len(reasons) + len(found.folders) - SHOWN_REASONS
        warn(say(wn("none.more_not_read", n=n), lang))
    if not reasons:
        return UsageError(wn("none.no_files", where=where))
    return UsageError(wn("none.none_readable", where=where, n=len(reasons)))


#: option → (the report type of the file it names, what that file is)
_OWN_FILES = {
    "--measurements": ("seller-measurements", "your measurements"),
    "--costs": ("manufacturing-costs", "a cost CSV"),
}


def _own_files(names: list[str], have: list[ReportInfo], option: str) -> list[ReportInfo]:
    """``--measurements FILE`` / ``--costs FILE``: each must be that CSV of the seller's (exit 2
    otherwise, naming the header it needs); a file already found in a folder is read once."""
    from casewriter.errors import ReportError, UsageError
    from casewriter.files import expand_user
    from casewriter.reports.costs import HEADER as COSTS
    from casewriter.reports.measurements import HEADER as MEASUREMENTS
    from casewriter.reports.sniff import sniff

    kind, what = _OWN_FILES[option]
    header = MEASUREMENTS if option == "--measurements" else COSTS
    seen = {info.path.resolve() for info in have}
    out: list[ReportInfo] = []
    for name in names:
        path = expand_user(name, f"{option} file")
        try:
            info = sniff(path)
        except ReportError as exc:
            raise UsageError(f"{option}: {exc.message}; the header must be {header}") from None
        if info.type != kind:
            raise UsageError(f"{option}: {path} is a {info.type} report, not {what} "
                             f"(header: {header})")  # fmt: skip
        if path.resolve() not in seen:
            seen.add(path.resolve())
            out.append(info)
    return out


def _progress_printer(files: list[ReportInfo], lang: str) -> Progress | None:
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
        from casewriter.scan_words import sw

        write_progress(sw("progress", lang, name=path.name, pct=f"{pct:3d}"),
                       done=pct >= 100 or not tty)  # fmt: skip

    return progress


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.commands.scan_format import format_drafts, format_text
    from casewriter.dates import as_of_marketplace, parse_as_of
    from casewriter.engine import Catalog
    from casewriter.errors import CatalogError
    from casewriter.marketplaces import get
    from casewriter.messages import say
    from casewriter.output import print_json, warn
    from casewriter.reports.scan import scan
    from casewriter.scan_words import sw

    marketplace = get(args.marketplace).code if args.marketplace else None
    # read in the marketplace's date order: the one given, else the default (as the app does)
    mp = as_of_marketplace(marketplace, ctx.settings.default_marketplace)
    as_of = parse_as_of(args.as_of, mp) if args.as_of else None
    lang = ctx.lang or ctx.settings.lang  # the text and stderr; --json is the same in both
    found, skipped, failed = _expand(list(args.reports))
    files = list(found.reports)
    if not files:
        raise _nothing_readable(list(args.reports), found, lang)
    if args.measurements:
        files += _own_files([args.measurements], files, "--measurements")
    files += _own_files(args.costs, files, "--costs")
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
        progress=_progress_printer(files, lang),
        default_marketplace=ctx.settings.default_marketplace,
        confirm_removal_lost=list(args.confirm_removal_lost),
    )
    if result.unconfirmed:  # before any draft is saved: a failed command writes nothing
        from casewriter.errors import UsageError

        raise UsageError(
            "--confirm-removal-lost "
            + ", ".join(result.unconfirmed)
            + ": no removal package with that order id or tracking number in the reports"
        )
    result.notes[:0] = skipped
    result.skipped[:0] = failed
    drafted: dict[str, Any] | None = None
    leads = 0
    if args.draft or args.draft_stranded:
        from casewriter.services.drafting import DRAFTABLE_LEADS, save_drafts

        review = DRAFTABLE_LEADS if args.draft_stranded else frozenset()
        report = save_drafts(
            result.findings,
            ctx.paths,
            ctx.settings,
            result.as_of,
            claimable=args.draft,
            review_rules=review,
        )
        leads = sum(1 for f in result.findings if f.lead and f.rule not in review)
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
        sys.stdout.write(format_text(result, lang))
        if drafted is not None:
            sys.stdout.write(format_drafts(drafted["drafted"], drafted["skipped"], leads, lang))
        for message in result.warnings:
            warn(say(message, lang))
    if result.skipped and ctx.json:
        for item in result.skipped:
            warn(sw("warn.partial" if item.partial else "not_read", lang, reason=item.reason))
    return 1 if result.skipped else 0
