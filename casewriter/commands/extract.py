"""``casewriter extract [FILE|-] [--json] [--marketplace M] [--as-of DATE] [--type TYPE]``:
find every identifier in free text, and what else the message says: quantities tied to a word
(少了12件, 12 units missing), dates (3月2号签收, a year-less date as the latest one on or before
the as-of date), carriers and amounts of money (``casewriter.engine.read_message``). With
``--type``, each of those names the fact of that case type it fills, or why it fills none.

Reads FILE, or stdin for ``-`` / no argument. Bytes are decoded as UTF-8 (BOM kept, so offsets
count it); UTF-16 with a BOM is honoured; otherwise GB18030 is tried (Chinese Windows files),
and as a last resort UTF-8 with replacement characters. Offsets are character offsets into
that decoded text.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command
from casewriter.errors import UsageError

if TYPE_CHECKING:
    from casewriter.engine import CaseType, MessageFacts
    from casewriter.marketplaces import Marketplace


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "extract",
        help="find identifiers, quantities, dates, carriers and amounts in free text",
        description=(
            "Find order IDs, ASINs, FNSKUs, shipment IDs, tracking numbers and other identifiers "
            "in text, and the quantities (少了12件, 12 units missing), dates (3月2号签收, "
            "delivered on March 2), carriers and amounts of money it mentions. Reads FILE, or "
            "stdin when FILE is '-' or omitted."
        ),
    )
    parser.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="text file, or - for stdin"
    )
    parser.add_argument(
        "--marketplace",
        metavar="M",
        default=None,
        help="read 3/2 and $ the way M writes them (default: your default marketplace)",
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        default=None,
        help="a date without a year is the latest one on or before DATE (default: today)",
    )
    parser.add_argument(
        "--type",
        metavar="TYPE",
        default=None,
        dest="case_type",
        help="say which fact of case type TYPE each finding fills",
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


def _marketplace(args: argparse.Namespace, ctx: Context) -> Marketplace:
    from casewriter.errors import CasewriterError
    from casewriter.marketplaces import get
    from casewriter.output import warn

    if args.marketplace:
        return get(args.marketplace)
    try:
        return get(ctx.settings.default_marketplace or "US")
    except CasewriterError as exc:  # a broken config.toml does not stop finding identifiers
        warn(f"{exc.message}; dates and $ read as on Amazon.com")
        return get("US")


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.dates import parse_as_of, today_in
    from casewriter.engine import read_message
    from casewriter.output import print_json

    mp = _marketplace(args, ctx)
    as_of = parse_as_of(args.as_of, mp) if args.as_of else today_in(mp)
    case_type = _case_type(args.case_type, ctx) if args.case_type else None
    text = decode(_read(args.file))
    found = read_message(text, mp, as_of)
    data: dict[str, Any] = {"marketplace": mp.code, "as_of": as_of.isoformat(), **found.to_json()}
    if case_type is not None:
        _annotate(data, case_type, found, mp.currency)
    if ctx.json or getattr(args, "json", False):
        print_json(data)
        return 0
    write_text(data)
    return 0


def _case_type(name: str, ctx: Context) -> CaseType:
    from casewriter.engine import Catalog

    return Catalog.load(ctx.paths, settings=ctx.settings).get(name)


def _annotate(data: dict[str, Any], ct: CaseType, found: MessageFacts, currency: str) -> None:
    """Give each quantity, date, carrier and amount the fact it fills (or null and why not)."""
    from casewriter.engine import plan_message

    fills, left = plan_message(ct.facts, found, currency)
    data["case_type"] = ct.id
    section = {
        "quantity": "quantities",
        "date": "dates",
        "carrier": "carriers",
        "amount": "amounts",
    }
    for name in section.values():
        for item in data[name]:
            item["fact"] = None
            item["left"] = None
    for fill in fills:
        data[section[fill.kind]][fill.index]["fact"] = fill.fact
    for item in left:
        if item.kind in section:
            data[section[item.kind]][item.index]["left"] = item.sentence()


def write_text(data: dict[str, Any]) -> None:
    """The table ``extract`` prints without ``--json``: identifiers, then what else was found."""
    ids = data["identifiers"]
    if not ids:
        sys.stdout.write("no identifiers found\n")
    else:
        rows = [("KIND", "VALUE", "STATUS", "OFFSETS")]
        rows += [(f["kind"], f["value"], f["status"], f"{f['start']}-{f['end']}") for f in ids]
        _table(rows)
    facts: list[tuple[str, ...]] = []
    for q in data["quantities"]:
        facts.append(("quantity", f"{q['value']} ({q['role']})", q["text"], _used(q)))
    for d in data["dates"]:
        how = [d["role"] or "no word"]
        if d["year_inferred"]:
            how.append(f"year from {data['as_of']}")
        facts.append(("date", f"{d['value']} ({'; '.join(how)})", d["text"], _used(d)))
    for c in data["carriers"]:
        facts.append(("carrier", c["name"], c["text"], _used(c)))
    for a in data["amounts"]:
        role = f" ({a['role']})" if a["role"] else ""
        facts.append(("amount", f"{a['amount']} {a['currency']}{role}", a["text"], _used(a)))
    for p in data["problems"]:
        facts.append(("skipped", p["reason"], p["text"], ""))
    if facts:
        sys.stdout.write("\n")
        _table([("FOUND", "VALUE", "TEXT", "FACT"), *facts])


def _used(item: dict[str, Any]) -> str:
    if "fact" not in item:
        return ""
    return str(item["fact"]) if item["fact"] else f"not used: {item['left']}"


def _table(rows: Sequence[tuple[str, ...]]) -> None:
    from casewriter.cells import cell_width as width

    cols = len(rows[0])
    widths = [max(width(row[i]) for row in rows) for i in range(cols - 1)]
    for row in rows:
        cells = [row[i] + " " * (widths[i] - width(row[i])) for i in range(cols - 1)]
        sys.stdout.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
