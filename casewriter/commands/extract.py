"""``casewriter extract [FILE|-] [--json]``: find every identifier in free text.

Reads FILE, or stdin for ``-`` / no argument. Bytes are decoded as UTF-8 (BOM kept, so offsets
count it); UTF-16 with a BOM is honoured; otherwise GB18030 is tried (Chinese Windows files),
and as a last resort UTF-8 with replacement characters. Offsets are character offsets into
that decoded text.
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
        "extract",
        help="find identifiers in free text (emails, copied pages, Chinese text)",
        description=(
            "Find order IDs, ASINs, FNSKUs, shipment IDs, tracking numbers and other identifiers "
            "in text. Reads FILE, or stdin when FILE is '-' or omitted."
        ),
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="text file, or - for stdin"
    )
    parser.set_defaults(handler=run)


def decode(data: bytes) -> str:
    """Decode pasted or saved text without ever failing (see the module docstring)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


#: The most text ``extract`` reads (a file or standard input): far beyond any pasted message or
#: saved e-mail thread, and short of exhausting memory on ``/dev/zero`` or a sparse file.
MAX_TEXT = 64 * 1024 * 1024


def _read(name: str) -> bytes:
    from casewriter.files import read_stdin, read_user_file

    if name == "-":
        if sys.stdin is None:
            raise UsageError("no input: give a FILE or pipe text in")
        if sys.stdin.isatty():
            raise UsageError("give a FILE, or pipe text in (… | casewriter extract)")
        return read_stdin("text", max_bytes=MAX_TEXT)
    return read_user_file(name, "text file", max_bytes=MAX_TEXT)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.identifiers import extract
    from casewriter.output import print_json

    text = decode(_read(args.file))
    found = extract(text)
    if ctx.json or getattr(args, "json", False):
        print_json({"identifiers": [item.to_json() for item in found]})
        return 0
    if not found:
        sys.stdout.write("no identifiers found\n")
        return 0
    rows = [("KIND", "VALUE", "STATUS", "OFFSETS")]
    rows += [(f.kind, f.value, f.status, f"{f.start}-{f.end}") for f in found]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(3)]
        sys.stdout.write("  ".join([*cells, row[3]]) + "\n")
    return 0
