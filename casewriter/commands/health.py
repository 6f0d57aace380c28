"""``casewriter health``: the weekly account review and the monthly inventory health.

- ``casewriter health [REPORTS_OR_FOLDERS…] [--as-of DATE] [--marketplace M] [--json]
  [--out review.md|review.html] [--lang en|zh]``: read the inventory reports given (any subset)
  and the account records of the log, print the review (or write it as Markdown / one
  self-contained HTML page), and remember the run in the log.
- ``casewriter health record --marketplace US [--odr 0.42] [--lsr-10 1.2] … [--date D]``: keep
  what Performance → Account Health shows this week (every metric optional; a record of the
  same day is replaced, and the command says so).
- ``casewriter health history | delete | export``: list, remove and export the records.

``review`` is the default: ``casewriter health reports/`` runs it. Exit codes: 0 done; 1 the
review ran but a file named was not readable or was read only in part; 2 bad input.

Size: ~310 lines: five small subcommands (review, record, history, delete, export) sharing
one parser and its default-subcommand rule.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command

if TYPE_CHECKING:
    from casewriter.store import CaseStore

SUBCOMMANDS = ("review", "record", "history", "delete", "export")
#: options of ``record`` → metric key of the log
METRIC_OPTIONS = {
    "odr": ("--odr", "Order Defect Rate, % (60 days)"),
    "lsr_10": ("--lsr-10", "Late Shipment Rate over 10 days, %"),
    "lsr_30": ("--lsr-30", "Late Shipment Rate over 30 days, %"),
    "cancel": ("--cancel", "Pre-fulfilment Cancel Rate, % (7 days)"),
    "vtr": ("--vtr", "Valid Tracking Rate, %"),
    "otdr": ("--otdr", "On-time Delivery Rate, %"),
    "ahr": ("--ahr", "Account Health Rating, 0-1000"),
    "violations": ("--violations", "open policy violations (a count)"),
}
_VALUED = {"--home", "--as-of", "--marketplace", "--out", "--lang", "--date", "--format"}


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parent = subparsers._parser_class  # the project's one-line error style

    class HealthParser(parent):  # type: ignore[misc,valid-type]
        """``health REPORTS…`` means ``health review REPORTS…``."""

        def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
            items = list(args or [])
            skip = False
            first = None
            for token in items:
                if skip:
                    skip = False
                elif token in _VALUED:
                    skip = True
                elif token in ("-h", "--help"):
                    break
                elif not token.startswith("-"):
                    first = token
                    break
            if first not in SUBCOMMANDS and not {"-h", "--help"} & set(items):
                items.insert(0, "review")
            return super().parse_known_args(items, namespace)

    subparsers._parser_class = HealthParser
    parser = add_command(
        subparsers,
        common,
        "health",
        help="the weekly account review and the monthly inventory health",
        description=(
            "The weekly account review (what you record from Performance → Account Health) and "
            "the monthly inventory health (planning, Manage FBA Inventory, stranded, restock, "
            "storage fee and Fee Preview reports): each figure against its target, with the "
            "report and date it came from, and the actions to take, in order. "
            "'casewriter health REPORTS…' runs the review."
        ),
    )
    subparsers._parser_class = parent
    sub = parser.add_subparsers(dest="health_command", metavar="ACTION", required=True)
    sub._parser_class = parent

    p = sub.add_parser("review", parents=[common], help="the review (the default)",
                       description="Print the review of the reports given and the account "
                       "records of the log; --out writes it as Markdown (.md) or one "
                       "self-contained HTML page (.html).")  # fmt: skip
    p.add_argument("reports", nargs="*", metavar="REPORT", help="report files or folders")
    p.add_argument("--as-of", metavar="DATE", default=None, help="treat DATE as today")
    p.add_argument("--marketplace", metavar="M", default=None, help="e.g. US, UK, DE, JP")
    p.add_argument("--out", metavar="FILE", default=None, help="review.md or review.html")
    p.add_argument("--lang", dest="health_lang", choices=("en", "zh"), default=None,
                   help="language of the review (default: --lang, then your settings)")  # fmt: skip
    p.add_argument("--no-record", action="store_true",
                   help="do not remember this run in the log")  # fmt: skip
    p.set_defaults(handler=run)

    p = sub.add_parser("record", parents=[common], help="record this week's Account Health",
                       description="Record what Performance → Account Health shows (there is no "
                       "download of that page). Every metric is optional; rates are percents "
                       "(0.42 means 0.42 %). A record of the same marketplace and day is "
                       "replaced (the command says so).")  # fmt: skip
    p.add_argument("--marketplace", metavar="M", default=None,
                   help="marketplace (default: your settings' default)")  # fmt: skip
    p.add_argument(
        "--date", metavar="DATE", default=None, help="the day you read it (default today)"
    )
    for key, (flag, text) in METRIC_OPTIONS.items():
        p.add_argument(flag, dest=f"m_{key}", metavar="N", default=None, help=text)
    p.set_defaults(handler=run)

    p = sub.add_parser("history", parents=[common], help="list the account records")
    p.add_argument("--marketplace", metavar="M", default=None)
    p.set_defaults(handler=run)

    p = sub.add_parser("delete", parents=[common], help="delete one day's account record")
    p.add_argument("--marketplace", metavar="M", required=True)
    p.add_argument("--date", metavar="DATE", required=True)
    p.set_defaults(handler=run)

    p = sub.add_parser("export", parents=[common], help="export the account records (csv, json)")
    p.add_argument("--format", dest="fmt", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="PATH", default=None, help="write to PATH instead of stdout")
    p.add_argument("--marketplace", metavar="M", default=None)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.commands.log_handlers import open_store

    command = args.health_command
    reading = command in ("history", "export") or (command == "review" and args.no_record)
    with open_store(ctx, reading=reading or command == "review") as store:
        if command == "review":
            return _review(args, ctx, store)
        if command == "record":
            return _record(args, ctx, store)
        if command == "delete":
            return _delete(args, ctx, store)
        if command == "export":
            return _export(args, ctx, store)
        return _history(args, ctx, store)


def _marketplace(args: argparse.Namespace, ctx: Context) -> str:
    from casewriter.marketplaces import get

    return get(args.marketplace or ctx.settings.default_marketplace).code


def _day(text: str | None, mp: str, what: str) -> Any:
    from casewriter.dates import parse_date, today_in
    from casewriter.marketplaces import get

    if text is None:
        return today_in(get(mp), None)
    return parse_date(text, get(mp), what).value


def _review(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from pathlib import Path

    from casewriter.dates import parse_as_of
    from casewriter.engine import Catalog
    from casewriter.errors import CatalogError, UsageError
    from casewriter.files import check_output_target, write_output
    from casewriter.health.session import run_review
    from casewriter.marketplaces import get
    from casewriter.output import print_json, warn

    marketplace = get(args.marketplace).code if args.marketplace else None
    as_of = parse_as_of(args.as_of, get(marketplace or "US")) if args.as_of else None
    lang = args.health_lang or ctx.lang or ctx.settings.lang
    target = check_output_target(args.out) if args.out else None
    if target is not None and target.suffix.lower() not in (".md", ".markdown", ".html", ".htm"):
        raise UsageError(f"--out: {args.out}: name a .md (Markdown) or .html file")
    for arg in args.reports:
        if not Path(arg).exists():
            raise UsageError(f"{arg}: no such file or folder")
    try:
        catalog = Catalog.load(ctx.paths, settings=ctx.settings)
    except CatalogError as exc:
        warn(f"{exc.message}; drafted cases use the case types that load")
        catalog = Catalog.load(ctx.paths, settings=ctx.settings, strict=False)
    review = run_review(store, list(args.reports), catalog=catalog, settings=ctx.settings,
                        as_of=as_of, marketplace=marketplace,
                        record=not args.no_record)  # fmt: skip
    if target is not None:
        if target.suffix.lower() in (".html", ".htm"):
            from casewriter.health.html import format_html

            write_output(target, format_html(review, lang))
        else:
            from casewriter.health.markdown import format_markdown

            write_output(target, format_markdown(review, lang))
    if ctx.json:
        print_json(review.to_json())
    elif target is not None:
        print(f"wrote the review to {target}")
    else:
        from casewriter.health.text import format_text

        sys.stdout.write(format_text(review, lang))
    bad = [s for s in review.sources if s.status in ("unreadable", "partial")]
    for s in bad:
        warn(("read only in part: " if s.status == "partial" else "not read: ") + s.reason)
    return 1 if bad else 0


def _record(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.output import print_json

    mp = _marketplace(args, ctx)
    day = _day(args.date, mp, "--date")
    metrics = {k: getattr(args, f"m_{k}") for k in METRIC_OPTIONS}
    metrics = {k: _decimal_point(v, mp) for k, v in metrics.items() if v is not None}
    if not metrics:
        from casewriter.errors import UsageError

        flags = " ".join(f for f, _ in METRIC_OPTIONS.values())
        raise UsageError(f"give at least one metric: {flags}")
    from casewriter.errors import UsageError

    try:
        from datetime import UTC, datetime

        from casewriter.store.health import check_record_day

        check_record_day(day, datetime.now(UTC))  # a mistyped year would hide the review due
        saved, old = store.record_health(mp, day, metrics)
    except UsageError as exc:
        raise UsageError(_flag_message(exc.message)) from None
    if ctx.json:
        print_json({"saved": saved.to_json(), "replaced": old.to_json() if old else None})
        return 0
    if old is not None:
        shown = ", ".join(f"{k}={v}" for k, v in old.metrics.items() if v is not None)
        sys.stderr.write(f"casewriter: note: replaced the {mp} record of {day.isoformat()} "
                         f"(was: {shown})\n")  # fmt: skip
    shown = ", ".join(f"{k}={v}" for k, v in saved.metrics.items() if v is not None)
    print(f"recorded {mp} {day.isoformat()}: {shown}")
    return 0


def _decimal_point(value: str, mp: str) -> str:
    """``0,42`` as ``0.42`` for a marketplace that writes decimal commas (Seller Central.de
    shows the rates so); elsewhere a comma stays (and is refused as not a number)."""
    import re

    from casewriter.reports.units import decimal_comma

    text = value.strip()
    if re.fullmatch(r"[0-9]+,[0-9]+%?", text) and decimal_comma(mp):
        return text.replace(",", ".")
    return value


def _flag_message(message: str) -> str:
    """A store message about ``lsr_10`` names the option the user typed (``--lsr-10``)."""
    for key, (flag, _text) in METRIC_OPTIONS.items():
        if message.startswith(f"{key}:"):
            return flag + message[len(key) :]
    if message.startswith("date:"):
        return "--" + message
    return message


def _delete(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.output import print_json

    mp = _marketplace(args, ctx)
    day = _day(args.date, mp, "--date")
    old = store.delete_health_record(mp, day)
    if ctx.json:
        print_json({"deleted": old.to_json()})
    else:
        print(f"deleted the {mp} record of {day.isoformat()}")
    return 0


def _history(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.commands.log_format import table
    from casewriter.output import print_json

    mp = _marketplace(args, ctx) if args.marketplace else None
    rows = store.health_records(mp)
    if ctx.json:
        print_json([r.to_json() for r in rows])
        return 0
    if not rows:
        print("No account records yet: casewriter health record --marketplace US --odr 0.4 …")
        return 0
    keys = list(METRIC_OPTIONS)
    body = [[r.marketplace, r.day.isoformat(), *["" if r.metrics[k] is None else str(r.metrics[k])
                                                  for k in keys]] for r in rows]  # fmt: skip
    print(table(["MP", "DATE", *[METRIC_OPTIONS[k][0].lstrip("-").upper() for k in keys]], body))
    return 0


def _export(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.files import check_output_target, write_output
    from casewriter.output import print_json
    from casewriter.safetext import json_text
    from casewriter.store.formats import csv_cell

    target = check_output_target(args.out) if args.out else None
    mp = _marketplace(args, ctx) if args.marketplace else None
    rows = [r.to_json() for r in store.health_records(mp)]
    if args.fmt == "json":
        data = json_text({"health_records": rows}) + "\n"
    else:
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        cols = ["marketplace", "date", *METRIC_OPTIONS, "created_at", "updated_at"]
        writer.writerow(cols)
        for row in rows:
            writer.writerow([csv_cell(row.get(c)) for c in cols])
        data = "\ufeff" + out.getvalue()
    write_output(target or "-", data.encode("utf-8"))  # bytes: exact (the BOM, the JSON)
    if target is not None:
        if ctx.json:
            print_json({"path": str(target), "format": args.fmt, "records": len(rows)})
        else:
            print(f"exported {len(rows)} account records to {target}")
    return 0
