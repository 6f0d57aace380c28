"""``casewriter log export | import | stats | backup``: moving the log in and out."""

from __future__ import annotations

import argparse
from typing import Any

from casewriter.commands import Context
from casewriter.errors import UsageError
from casewriter.output import print_json, warn
from casewriter.store import CaseStore


def do_export(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.files import check_output_target, write_output
    from casewriter.safetext import json_text
    from casewriter.store import export, formats

    out_target = check_output_target(args.out) if args.out else None
    if args.fmt == "json":
        doc = export.export_document(store)
        data = (json_text(doc) + "\n").encode("utf-8")  # exact; controls \u-escaped
        count = len(doc["cases"])
    elif args.fmt == "csv":
        rows = list(store.export_rows())
        data = formats.to_csv(rows).encode("utf-8")
        count = len(rows)
    else:
        from casewriter.health.due import due_days

        rows = list(store.export_rows())
        due = store.due(review_days=due_days(), upcoming=True)  # the next ones too
        data = formats.to_ics(rows, store.clock(), due.reviews, due.removals)
        count = len(rows)
    write_output(out_target or "-", data)
    if out_target is not None:
        if ctx.json:
            print_json({"path": str(out_target), "format": args.fmt, "cases": count})
        else:
            print(f"exported {count} cases to {out_target}")
    return 0


#: An export of 100,000 cases is about 250 MB of JSON; it is read as a stream, so this cap only
#: stops absurd inputs, not memory use.
IMPORT_MAX_BYTES = 4 * 1024 * 1024 * 1024


def do_import(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.files import expand_user, open_user_file
    from casewriter.store.jsonstream import iter_cases

    source = expand_user(args.file, "export file")
    if source.is_dir():
        raise UsageError(f"{source}: is a folder, not an export file")
    fh = open_user_file(source, "export file", max_bytes=IMPORT_MAX_BYTES)
    with fh:
        case_types = _case_types(ctx)
        has_health = bool(store.health_records() or store.review_runs(limit=1))
        copy = store.safety_copy("import") if store.count() or has_health else None
        extra: dict[str, Any] = {}
        report = store.import_rows(
            iter_cases(fh, str(source), extra),
            renumber=args.renumber,
            case_types=case_types,
            extra=extra,
        )
    report["safety_copy"] = None if copy is None else str(copy)
    if ctx.json:
        print_json(report)
        return 0
    print(f"imported {report['imported']} cases from {source}")
    if report.get("health_records_imported") or report.get("health_records_skipped"):
        print(
            f"imported {report['health_records_imported']} account records "
            f"({report['health_records_skipped']} already in the log, kept as they were) and "
            f"{report['review_runs_imported']} review runs"
        )
    if copy is not None:
        print(f"a copy of the log as it was before is at {copy}")
    if report["skipped"]:
        print(
            f"skipped {len(report['skipped'])} already in the log (same id): "
            + ", ".join(report["skipped"][:10])
            + (" …" if len(report["skipped"]) > 10 else "")
            + " — use --renumber to import them under new ids"
        )
    for old, new in report["renumbered"].items():
        print(f"renumbered {old} -> {new}")
    if report["links_dropped"]:
        print(f"{report['links_dropped']} links to cases not in the file were dropped")
    if report["invalid_values_left_out"]:
        shown = report["invalid_values_left_out"]
        print(
            f"{len(shown)} cases had values the exporting log could not read (listed under "
            f"'invalid' in the file); they were imported without them: {', '.join(shown[:10])}"
        )
    return 0


def _case_types(ctx: Context) -> list[str]:
    """The case types this casewriter knows (built-in and the user's own)."""
    from casewriter.engine import Catalog

    return Catalog.load(ctx.paths, strict=False).ids()


def do_stats(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    data = store.stats(profile=args.profile)
    if ctx.json:
        print_json(data)
        return 0
    print(f"cases: {data['total']} ({data['open']} open)")
    print("by status: " + ", ".join(f"{k} {v}" for k, v in data["by_status"].items() if v) or "-")
    print("by type:   " + (", ".join(f"{k} {v}" for k, v in data["by_type"].items()) or "-"))
    rate = data["resolution_rate"]
    print(
        f"resolution rate: {'-' if rate is None else f'{rate:.0%}'} (resolved / resolved + denied)"
    )
    median = data["median_days_to_resolution"]
    print(f"median days to resolution: {'-' if median is None else median}")
    for currency, amounts in data["amounts"].items():
        print(
            f"{currency or '(no currency)'}: expected {amounts['expected']}, received {amounts['received']}"
        )
    if data["invalid_values"]:
        n = data["invalid_values"]
        what = "time or amount" if n == 1 else "times or amounts"
        warn(
            f"{n} stored {what} cannot be read and {'is' if n == 1 else 'are'} left out of these "
            "figures; 'casewriter log list' marks the cases, 'log show' says how to fix them"
        )
    return 0


def do_backup(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    target = store.backup(args.path)
    if ctx.json:
        print_json({"path": str(target)})
    else:
        print(f"backed up the case log to {target}")
    return 0
