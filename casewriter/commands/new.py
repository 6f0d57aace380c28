"""``casewriter`` (no command) and ``casewriter new [TYPE]``: open the interactive app."""

from __future__ import annotations

import argparse
from typing import Any

from casewriter.commands import Context, add_command


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "new",
        help="open the wizard to draft a new case (optionally of one case type)",
        description="Open the interactive wizard, optionally straight at one case type.",
    )
    parser.add_argument(
        "case_type", nargs="?", metavar="TYPE", help="case type id, e.g. inbound-missing-units"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    return open_tui(ctx, case_type=args.case_type)


def open_tui(ctx: Context, case_type: str | None = None) -> int:
    """Start the Textual app (the only place the CLI imports textual)."""
    from casewriter.tui.launch import launch

    return launch(ctx, case_type=case_type)
