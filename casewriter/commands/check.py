"""``casewriter check VALUE… [--kind KIND] [--json]``: normalize and validate identifiers.

Values come from the arguments, or one per line from stdin when none are given and stdin is
not a terminal. Exit 0 when every value is valid or unverified, 2 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from casewriter.commands import Context, add_command
from casewriter.errors import UsageError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "check",
        help="normalize and validate identifiers (order IDs, ASINs, FNSKUs, tracking numbers…)",
        description=(
            "Normalize and validate identifiers. Without --kind the most plausible kind is "
            "detected. With no VALUE, values are read one per line from stdin."
        ),
    )
    parser.add_argument("values", nargs="*", metavar="VALUE", help="identifier(s) to check")
    parser.add_argument(
        "--kind", metavar="KIND", default=None, help="order_id, asin, fnsku, tracking, …"
    )
    parser.set_defaults(handler=run)


def _symbols() -> dict[str, str]:
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "✓✗".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return {"valid": "OK", "invalid": "X ", "unverified": "? "}
    return {"valid": "✓", "invalid": "✗", "unverified": "?"}


def _read_stdin() -> list[str]:
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("give one or more values to check, or pipe them in one per line")
    return [line.strip("\r\n") for line in sys.stdin if line.strip()]


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.identifiers import KINDS, check
    from casewriter.output import print_json

    kind = args.kind
    if kind is not None:
        kind = kind.strip().lower().replace("-", "_")
        if kind not in KINDS:
            raise UsageError(f"unknown kind '{args.kind}' (choose from: {', '.join(KINDS)})")
    values = list(args.values) or _read_stdin()
    if not values:
        raise UsageError("no values to check")
    results = [check(value, kind) for value in values]
    if ctx.json or getattr(args, "json", False):
        print_json([result.to_json() for result in results])
    else:
        symbols = _symbols()
        for result in results:
            line = f"{symbols[result.status]} {result.status:<10} {result.kind or '-':<16} {result.normalized or repr(result.input)}"
            if result.carrier:
                line += f"  [{result.carrier}]"
            if result.reason:
                line += f"  {result.reason}"
            if result.suggestion:
                line += f"  → {result.suggestion}"
            sys.stdout.write(line + "\n")
    return 0 if all(result.status != "invalid" for result in results) else 2
