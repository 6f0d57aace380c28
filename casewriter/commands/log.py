"""``casewriter log …``: the case log from the command line, and the ``render --save`` glue.

``register()`` only builds argparse parsers; the handlers live in ``log_handlers.py`` and open
the SQLite store when they run. ``save_rendered()`` is what ``render --save`` calls.

Duplicate guard (both here and in the TUI): a case "duplicates" an open case when they share an
order id, FBA shipment id, removal order id, Seller Central case id, reimbursement id or LPN,
or — for warehouse lost/damaged events — the pair FNSKU + ledger reference id. A shared ASIN or
FNSKU alone is not a duplicate (sellers file many cases per product). Saving a draft that
duplicates an open case succeeds with a warning naming that case; *filing* it while the other
case is already filed (not just a draft) is refused (exit 1) unless ``--link CW-…`` records
that the two belong together, or ``--force``.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from casewriter import bounds
from casewriter.commands import Context, add_command
from casewriter.store.model import STATUSES

if TYPE_CHECKING:
    from casewriter.engine import Draft, RenderedCase
    from casewriter.store import LoggedCase

STATUS_CHOICES = STATUSES
GUARD_HELP = (
    "Duplicate guard: a case sharing an order id, shipment id, removal order id, case id, "
    "reimbursement id, LPN, or an FNSKU + reference id pair with an OPEN case is a likely "
    "duplicate (a shared ASIN/FNSKU alone is not). Saving a draft only warns; filing while the "
    "other case is already filed is refused unless you pass --link CW-ID (record that they "
    "belong together) or --force."
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "log",
        help="the case log: list, show, search, due follow-ups, file, status, export …",
        description="The local case log (SQLite). " + GUARD_HELP,
    )
    sub = parser.add_subparsers(dest="log_command", metavar="ACTION", required=True)

    base_class = sub._parser_class  # CliParser: the project's one-line error style

    class Intermixed(base_class):  # type: ignore[misc,valid-type]
        """Lets free text sit after options: ``reply 1 --from amazon send the POD``."""

        _inside = False

        def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
            if self._inside:  # parse_known_intermixed_args calls back in here
                return super().parse_known_args(args, namespace)
            self._inside = True
            try:
                return self.parse_known_intermixed_args(args, namespace)
            finally:
                self._inside = False

    def add(
        name: str, help_text: str, description: str | None = None, *, intermixed: bool = False
    ) -> argparse.ArgumentParser:
        sub._parser_class = Intermixed if intermixed else base_class
        p: argparse.ArgumentParser = sub.add_parser(
            name, parents=[common], help=help_text, description=description or help_text
        )
        sub._parser_class = base_class
        p.set_defaults(handler=run)
        return p

    p = add("list", "list cases, most recently active first")
    p.add_argument("--status", choices=STATUS_CHOICES)
    p.add_argument("--type", dest="case_type", metavar="TYPE", help="case type id")
    p.add_argument("--profile", metavar="P")
    p.add_argument("--due", action="store_true", help="only cases whose follow-up is due")
    p.add_argument("--limit", type=_count, default=50, metavar="N")
    p.add_argument("--offset", type=_count, default=0, metavar="N")

    p = add("show", "show one case with its identifiers, events and body")
    p.add_argument("id", metavar="ID", help="CW-000123, cw-123 or 123")

    p = add(
        "search",
        "full-text search (subjects, bodies, notes, identifiers; Chinese too)",
        intermixed=True,
    )
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--limit", type=_count, default=20, metavar="N")

    p = add("due", "follow-ups due or overdue, and claim windows closing soon")
    p.add_argument(
        "--days", type=_days, default=7, metavar="N", help="deadline horizon (default 7)"
    )

    p = add(
        "file",
        "record the Seller Central case id of a case you filed",
        "Mark a case as filed with its Seller Central case id; the follow-up is set "
        "follow_up_hours (default 48) later. " + GUARD_HELP,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument(
        "--case-id", required=True, metavar="N", help="Seller Central case id (10 digits)"
    )
    p.add_argument(
        "--link", action="append", default=[], metavar="CW-ID", help="link to this open case"
    )
    p.add_argument("--force", action="store_true", help="file even if it duplicates an open case")

    p = add("status", "change a case's status (reopening a closed case is recorded)")
    p.add_argument("id", metavar="ID")
    p.add_argument("status", metavar="STATUS", help=", ".join(STATUS_CHOICES))
    p.add_argument("--note", metavar="TEXT")
    p.add_argument("--received", metavar="AMOUNT", help="reimbursement received")
    p.add_argument("--expected", metavar="AMOUNT", help="reimbursement expected")
    p.add_argument("--currency", metavar="CUR", help="e.g. USD, EUR, JPY")

    p = add("note", "add a note to a case", intermixed=True)
    p.add_argument("id", metavar="ID")
    p.add_argument("text", nargs="+", metavar="TEXT")

    p = add(
        "reply",
        "record a reply: from Amazon (you must answer: needs-reply) or from us (awaiting-amazon)",
        "Record a reply. Both move the follow-up to follow_up_hours after the reply.",
        intermixed=True,
    )
    p.add_argument("id", metavar="ID")
    p.add_argument("--from", dest="source", choices=("amazon", "us"), required=True)
    p.add_argument("text", nargs="*", metavar="TEXT")
    p.add_argument("--at", metavar="WHEN", help="when the reply came (default now)")

    p = add("follow-up", "set a case's follow-up: 2026-05-01, 2026-05-01T14:30, +48h, +2d or none")
    p.add_argument("id", metavar="ID")
    p.add_argument("when", metavar="WHEN")

    p = add("link", "link two cases (acknowledges a duplicate warning)")
    p.add_argument("id", metavar="ID")
    p.add_argument("other", metavar="OTHER")

    p = add(
        "repair",
        "clear or reset a case's values that cannot be read (log show lists them)",
        "Clear (follow-up, deadline, amounts, filing and resolution times) or reset (creation "
        "time, urgency, status, draft, unknown marketplace or currency) every stored value of "
        "the case that cannot be read; the old values are kept in a note on the case.",
    )
    p.add_argument("id", metavar="ID")

    p = add(
        "export",
        "export the log as csv, json (lossless, for import) or ics (calendar)",
        "Export the log. json is lossless and what 'log import' reads. csv is for spreadsheets: "
        "a text cell starting with =, +, -, @, a tab or a carriage return gets a leading ' so "
        "no spreadsheet runs it as a formula (plain numbers and dates are left as they are). "
        "ics holds follow-ups and claim deadlines for a calendar.",
    )
    p.add_argument("--format", dest="fmt", choices=("csv", "json", "ics"), default="json")
    p.add_argument("--out", metavar="PATH", help="write to PATH instead of stdout")

    p = add(
        "import",
        "import a JSON export; existing ids are skipped (or --renumber)",
        "Import a JSON export made by 'log export'. Every case is checked first like the live "
        "commands check what they save; one bad case refuses the whole file (nothing is "
        "imported) and is named by its number. A safety copy of the log is written beside it "
        "first (the newest 5 are kept).",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--renumber", action="store_true", help="give conflicting cases new ids")

    p = add("stats", "counts by status and type, resolution rate, amounts")
    p.add_argument("--profile", metavar="P")

    p = add(
        "backup",
        "copy the log with SQLite's online backup (safe while in use)",
        "Copy the log with SQLite's online backup API (safe while casewriter is in use). PATH "
        "is a new file, or a folder (an existing one, or a path ending in /, which is "
        "created) to get a dated file inside it. An existing file is never overwritten.",
    )
    p.add_argument("path", metavar="PATH")


#: Larger than any log (a row count) and any horizon worth asking for (ten years of days).
MAX_COUNT = 10_000_000
MAX_DAYS = bounds.MAX_WINDOW_DAYS


def _count(text: str, most: int = MAX_COUNT) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    if value > most:
        raise argparse.ArgumentTypeError(f"too large: {text[:20]} (at most {most:,})")
    return value


def _days(text: str) -> int:
    return _count(text, MAX_DAYS)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.commands import log_handlers

    handler = log_handlers.HANDLERS[args.log_command]
    reading = args.log_command in log_handlers.READING
    with log_handlers.open_store(ctx, reading=reading) as store:
        return handler(args, ctx, store)


def save_rendered(
    ctx: Context, draft: Draft, rendered: RenderedCase, *, link: str | None = None
) -> LoggedCase:
    """Log a rendered case as a draft (``render --save``); prints the new id and any
    duplicate warning to stderr (stdout stays the rendered case). ``.duplicates`` on the
    result lists the open cases it shares identifiers with."""
    from casewriter.commands import log_handlers
    from casewriter.services.saving import save_rendered as save

    with log_handlers.open_store(ctx) as store:
        case = save(store, draft, rendered, default_profile=ctx.settings.default_profile, link=link)
    log_handlers.report_saved(case)
    return case


def saved_json(case: LoggedCase) -> dict[str, Any]:
    """What ``render --save --json`` can add under ``"saved"``: id, status, duplicates."""
    return {
        "id": case.id,
        "status": case.status,
        "duplicates": [d.to_json() for d in case.duplicates],
    }
