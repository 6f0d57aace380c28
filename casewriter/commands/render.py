"""``casewriter render CASEFILE [--format text|markdown|json] [--out PATH] [--as-of DATE] [--save]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command
from casewriter.errors import CaseFileError

if TYPE_CHECKING:
    from casewriter.engine import Draft, RenderedCase
    from casewriter.store import LoggedCase


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "render",
        help="render a case file (TOML or JSON draft) into the text to paste into Seller Central",
        description="Render a case file: subject, body, optional OER request, evidence checklist, "
        "warnings and claim window. Nothing is sent anywhere.",
    )
    parser.add_argument(
        "casefile", metavar="CASEFILE", help="case file (.toml or .json); '-' reads stdin"
    )
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default=None,
        help="output format (default text; --json means json)",
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        help="write the output to PATH instead of the screen (text and markdown as shown on "
        "screen, control characters as visible escapes like \\x1b; json exact)",
    )
    parser.add_argument(
        "--as-of", metavar="DATE", help="treat DATE as today for the claim window (YYYY-MM-DD)"
    )
    parser.add_argument(
        "--save", action="store_true", help="also save the case to the log as a draft"
    )
    parser.set_defaults(handler=run)


def save_draft(ctx: Context, draft: Draft, rendered: RenderedCase) -> LoggedCase:
    """--save: log the case as a draft (``casewriter.commands.log.save_rendered``)."""
    from casewriter.commands.log import save_rendered

    return save_rendered(ctx, draft, rendered)


def run(args: argparse.Namespace, ctx: Context) -> int:

    from casewriter.dates import parse_as_of
    from casewriter.engine import (
        Engine,
        draft_from_data,
        format_markdown,
        format_text,
        load_case_file,
    )
    from casewriter.files import check_output_target, write_output
    from casewriter.safetext import escape_controls, json_text

    fmt = args.format or ("json" if ctx.json else "text")
    out_target = check_output_target(args.out) if args.out else None  # refused before any write
    as_of = parse_as_of(args.as_of) if args.as_of else None
    engine = Engine.load(ctx.paths, ctx.settings)
    if args.casefile == "-":
        from casewriter.engine import MAX_CASE_FILE, parse_case_text
        from casewriter.files import read_stdin

        raw = read_stdin("case file", CaseFileError, max_bytes=MAX_CASE_FILE)
        data = parse_case_text(raw, "stdin")
        draft = draft_from_data(data, engine.catalog, "stdin", Path.cwd(), ctx.settings, as_of)
    else:
        draft = load_case_file(Path(args.casefile), engine.catalog, ctx.settings, as_of)
    rendered = engine.render(draft, as_of=as_of)
    from casewriter.services.duplicates import check_in_log

    # the log's cases on the same problem (read-only; no log yet is fine), before any save
    rendered = check_in_log(ctx.paths, engine.catalog.get(draft.case_type), rendered)
    saved = save_draft(ctx, draft, rendered) if args.save else None
    # JSON is exact (controls \u-escaped); text and markdown, on screen or in an --out file, are
    # the paste text as shown: controls and bidi overrides as visible escapes (\x1b, \u202e).
    if fmt == "json":
        payload = rendered.to_contract_json()
        if saved is not None:
            from casewriter.commands.log import saved_json

            payload["saved"] = saved_json(saved)
        output = json_text(payload) + "\n"
    elif fmt == "markdown":
        output = escape_controls(format_markdown(rendered))
    else:
        output = escape_controls(format_text(rendered))
    if out_target is not None:
        write_output(out_target, output)
        print(f"wrote {out_target}", file=sys.stderr if fmt == "json" else sys.stdout)
    else:
        write_output("-", output)
    return 0
