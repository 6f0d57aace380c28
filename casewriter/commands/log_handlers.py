"""Handlers of the ``casewriter log`` subcommands (imported only when one runs).

Each takes ``(args, ctx, store)`` and returns the exit code; text output goes through
``log_format``, JSON through ``print_json``. Exports and imports are in ``log_transfer.py``.

Size: ~360 lines, one short handler per ``log`` subcommand behind one ``HANDLERS`` table; the
read-only handlers (list, show, search, due) could move to their own module, as export and
import did to ``log_transfer.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal

from casewriter.commands import Context
from casewriter.commands.log_format import local, parse_when, relative, table
from casewriter.engine import days_left
from casewriter.errors import UsageError
from casewriter.marketplaces import amount_text
from casewriter.output import print_json, warn
from casewriter.store import CaseStore, CaseSummary, LoggedCase
from casewriter.store.model import (
    STATUSES,
    DuplicateCaseError,
    check_status,
    describe_duplicate,
)
from casewriter.store.rows import check_sc_case_id
from casewriter.store.values import parse_amount

Handler = Callable[[argparse.Namespace, Context, CaseStore], int]

__all__ = ["DuplicateCaseError", "HANDLERS", "READING", "describe", "open_store"]

#: Commands that only read the log: they work (read-only) where the log cannot be written.
READING = frozenset({"list", "show", "search", "due", "export", "stats", "backup"})

describe = describe_duplicate


@contextmanager
def open_store(ctx: Context, *, reading: bool = False) -> Iterator[CaseStore]:
    """The log, opened for one command; notices (a safety copy made before an upgrade, a
    read-only log) go to stderr first."""
    store = CaseStore.open(
        ctx.paths, follow_up_hours=ctx.settings.follow_up_hours, allow_read_only=reading
    )
    for notice in store.notices:
        sys.stderr.write(f"casewriter: note: {notice}\n")
    try:
        yield store
    finally:
        store.close()


def report_saved(case: LoggedCase) -> None:
    sys.stderr.write(f"casewriter: saved {case.id} ({case.status}) in the case log\n")
    for dup in case.duplicates:
        warn(
            f"{case.id} {describe(dup)} — reply there, or link: casewriter log link {case.id} {dup.id}"
        )


INVALID = "invalid"


def _bad(case: CaseSummary | LoggedCase, field: str) -> bool:
    return any(name == field for name, _raw in case.invalid)


def _summary_rows(cases: list[CaseSummary], now: datetime) -> list[list[str]]:
    rows = []
    for c in cases:
        fu = (
            relative(c.follow_up, now)
            if c.follow_up
            else (INVALID if _bad(c, "follow_up") else "-")
        )
        rows.append([c.id, c.status, c.case_type, fu, c.subject])
    return rows


def _invalid_hint(cases: list[CaseSummary]) -> str | None:
    bad = [c.id for c in cases if c.invalid]
    if not bad:
        return None
    verb = "holds" if len(bad) == 1 else "hold"
    return (
        f"{', '.join(bad[:5])}{' …' if len(bad) > 5 else ''} {verb} values that cannot be read: "
        f"see casewriter log show {bad[0]}"
    )


def do_list(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    filters = {
        "status": args.status,
        "case_type": args.case_type,
        "profile": args.profile,
        "due": args.due,
    }
    cases = store.list(**filters, limit=args.limit, offset=args.offset)
    total = store.count(**filters)
    if ctx.json:
        print_json(
            {
                "total": total,
                "limit": args.limit,
                "offset": args.offset,
                "cases": [c.to_json() for c in cases],
            }
        )
        return 0
    if not cases:
        print("No cases." if total == 0 else f"No cases on this page ({total} in all).")
        return 0
    now = store.clock()
    print(table(["ID", "STATUS", "TYPE", "FOLLOW-UP", "SUBJECT"], _summary_rows(cases, now)))
    shown = f"{args.offset + 1}–{args.offset + len(cases)}"
    print(f"\n{shown} of {total}")
    hint = _invalid_hint(cases)
    if hint:
        warn(hint)
    return 0


def do_show(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    case = store.get(args.id)
    if ctx.json:
        print_json(case.to_json())
        return 0

    def shown(value: object, field: str) -> str:
        return str(value) if value is not None else (INVALID if _bad(case, field) else "-")

    def money(value: Decimal | None, field: str) -> str:
        """An amount as its currency is written (JPY 1980, USD 24.90)."""
        return shown(None if value is None else amount_text(value, case.currency), field)

    follow_up = (
        local(case.follow_up, with_zone=True) if case.follow_up else shown(None, "follow_up")
    )
    lines = [
        f"{case.id}  {case.subject}",
        f"status: {case.status}    type: {case.case_type}    marketplace: {case.marketplace}    "
        f"profile: {case.profile or '-'}    urgency: {case.urgency}",
        f"Seller Central case: {case.sc_case_id or '-'}    follow-up: {follow_up}"
        f"    claim window closes: {shown(case.deadline_closes, 'deadline_closes')}",
    ]
    if any(
        v is not None or _bad(case, f)
        for v, f in (
            (case.expected_amount, "expected_amount"),
            (case.received_amount, "received_amount"),
        )
    ):
        lines.append(
            f"expected: {money(case.expected_amount, 'expected_amount')} "
            f"received: {money(case.received_amount, 'received_amount')} {case.currency}"
        )
    if case.identifiers:
        lines.append("identifiers: " + ", ".join(f"{k} {v}" for k, v in case.identifiers))
    if case.links:
        lines.append("linked: " + ", ".join(case.links))
    lines += ["", "events:"]
    for n, e in enumerate(case.events, start=1):
        when = INVALID.ljust(16) if _bad(case, f"events[{n}].at") else local(e.at)
        lines.append(f"  {when}  {e.kind}{'  ' + e.text if e.text else ''}")
    lines += ["", case.body]
    print("\n".join(lines))
    for line in invalid_report(case):
        warn(line)
    return 0


def invalid_report(case: LoggedCase) -> list[str]:
    """One line per stored value that cannot be read, each with the command that fixes it."""
    status = case.status if case.status in STATUSES else "STATUS"
    fix = {
        "follow_up": f"casewriter log follow-up {case.id} YYYY-MM-DD (or none)",
        "status": f"casewriter log status {case.id} STATUS",
        "expected_amount": f"casewriter log status {case.id} {status} --expected AMOUNT",
        "received_amount": f"casewriter log status {case.id} {status} --received AMOUNT",
        "currency": f"casewriter log status {case.id} {status} --currency CODE",
    }
    out = []
    for field, raw in case.invalid:
        text = raw if len(raw) <= 60 else raw[:57] + "…"
        command = fix.get(field, f"casewriter log repair {case.id}")
        out.append(f"{case.id}: the stored {field} {text!r} is invalid; fix it with: {command}")
    if out:
        out.append(
            f"{case.id}: or run 'casewriter log repair {case.id}' to clear or reset every "
            "invalid value (the old values are kept in a note)"
        )
    return out


def do_search(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.engine import type_words

    query = " ".join(args.text)
    store.index_type_words(type_words(ctx.paths))  # problem words (少件, refund) find cases
    hits = store.search(query, limit=args.limit or 20)
    if ctx.json:
        print_json({"query": query, "hits": [h.to_json() for h in hits]})
        return 0
    if not hits:
        print(f"Nothing found for {query!r}.")
        return 0
    print(
        table(
            ["ID", "STATUS", "TYPE", "MATCH"],
            [[h.case.id, h.case.status, h.case.case_type, h.snippet] for h in hits],
            max_last=80,
        )
    )
    return 0


def do_due(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    from casewriter.health.due import due_days

    report = store.due(horizon_days=args.days, review_days=due_days())
    if ctx.json:
        print_json(report.to_json())
        return 0
    if report.follow_ups:
        print("Follow-ups due:")
        rows = [
            [
                c.id,
                c.status,
                local(c.follow_up),
                relative(c.follow_up or report.now, report.now),
                c.subject,
            ]
            for c in report.follow_ups
        ]
        print(table(["ID", "STATUS", "DUE (LOCAL)", "WHEN", "SUBJECT"], rows))
    else:
        print("No follow-ups due.")
    if report.deadlines:
        print(f"\nClaim windows closing within {report.horizon_days} days (not filed yet):")
        rows = [
            [d.case.id, d.closes.isoformat(), days_left(d.days_left), d.case.subject]
            for d in report.deadlines
        ]
        print(table(["ID", "CLOSES", "LEFT", "SUBJECT"], rows))
    if report.removals:
        print(f"\nStranded inventory auto-removed within {report.horizon_days} days:")
        rows = [[r.removal_on.isoformat(), days_left(r.days_left), r.marketplace,
                 r.sku or r.fnsku, "" if r.units is None else str(r.units)]
                for r in report.removals]  # fmt: skip
        print(table(["REMOVED ON", "LEFT", "MP", "SKU", "UNITS"], rows))
    if report.reviews:
        print("\nReviews due:")
        for review in report.reviews:
            print(f"  {review.text()}")
    return 0


def do_file(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    # Readiness is re-checked as of today (the stored draft re-rendered): a case that is not
    # ready is refused unless --force, and then the log keeps a "forced" event with the reasons.
    # Links, the duplicate guard, filing and that event happen in one transaction.
    from casewriter.engine import Engine
    from casewriter.services.filing import (
        NotReadyError,
        forced_text,
        not_ready_message,
        recheck,
    )
    from casewriter.store.model import format_id, parse_id

    _sc, warning = check_sc_case_id(args.case_id)
    case = store.get(args.id)
    linked = [format_id(parse_id(x)) for x in args.link]
    for other in linked:  # bad input (exit 2) before readiness (exit 1)
        if other == case.id:
            raise UsageError(f"cannot link {case.id} to itself")
        store.get(other)
    check = recheck(store, Engine.load(ctx.paths, ctx.settings), case, linked=linked)
    if check.reasons and not args.force:
        raise NotReadyError(not_ready_message(case.id, check.reasons))
    forced = forced_text(check.reasons) if check.reasons else None
    filed = store.file(args.id, args.case_id, link=args.link, guard=not args.force,
                       forced=forced, duplicate_keys=check.keys)  # fmt: skip
    notes = [n for n in (warning, check.note) if n]
    if forced:
        notes.append(f"{filed.id} was not ready; filed anyway (--force), and the log says so: "
                     + "; ".join(r.text for r in check.reasons))  # fmt: skip
    if ctx.json:
        print_json(
            {
                "case": filed.to_json(),
                "duplicates": [d.to_json() for d in filed.duplicates],
                "ready_reasons": [r.contract_json() for r in check.reasons],
                "forced": bool(forced),
                "warnings": notes,
            }
        )
        return 0
    for note in notes:
        warn(note)
    told = {*filed.links, *(r.key for r in check.reasons if r.key)}
    for dup in filed.duplicates:
        if dup.id not in told:
            warn(
                f"{filed.id} {describe(dup)}"
                + (" (filed anyway: --force)" if dup.status != "draft" else "")
            )
    print(
        f"{filed.id} filed as Seller Central case {filed.sc_case_id}; follow up by {local(filed.follow_up, with_zone=True)}"
    )
    return 0


def _print_case(ctx: Context, case: LoggedCase, message: str) -> int:
    if ctx.json:
        print_json(case.to_json())
    else:
        print(message)
    return 0


def do_status(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    case = store.set_status(
        args.id,
        check_status(args.status),
        note=args.note,
        expected=parse_amount(args.expected, "expected amount"),
        received=parse_amount(args.received, "received amount"),
        currency=args.currency,
    )
    return _print_case(ctx, case, f"{case.id} is now {case.status}")


def do_note(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    case = store.add_event(args.id, "note", " ".join(args.text))
    return _print_case(ctx, case, f"note added to {case.id}")


def do_reply(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    at = parse_when(args.at, store.clock()) if args.at else None
    kind = "amazon-replied" if args.source == "amazon" else "we-replied"
    case = store.add_event(args.id, kind, " ".join(args.text), now=at)
    return _print_case(
        ctx, case, f"{case.id} {case.status}; follow up by {local(case.follow_up, with_zone=True)}"
    )


def do_follow_up(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    when = parse_when(args.when, store.clock())
    case = store.set_follow_up(args.id, when)
    return _print_case(
        ctx,
        case,
        f"{case.id} follow-up: {local(case.follow_up, with_zone=True) if case.follow_up else 'none'}",
    )


def do_link(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    case = store.link(args.id, args.other)
    return _print_case(ctx, case, f"{case.id} linked to {', '.join(case.links)}")


def do_repair(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
    case, changes = store.repair(args.id)
    if ctx.json:
        print_json({"case": case.to_json(), "changes": changes})
        return 0
    if not changes:
        print(f"{case.id} has no invalid values; nothing to repair")
        return 0
    print(f"repaired {case.id}:")
    for change in changes:
        print(f"  {change}")
    print("the old values are kept in a note on the case")
    return 0


def _transfer(name: str) -> Handler:
    def handler(args: argparse.Namespace, ctx: Context, store: CaseStore) -> int:
        from casewriter.commands import log_transfer

        result: int = getattr(log_transfer, name)(args, ctx, store)
        return result

    return handler


HANDLERS: dict[str, Handler] = {
    "list": do_list,
    "show": do_show,
    "search": do_search,
    "due": do_due,
    "file": do_file,
    "status": do_status,
    "note": do_note,
    "reply": do_reply,
    "follow-up": do_follow_up,
    "link": do_link,
    "repair": do_repair,
    "export": _transfer("do_export"),
    "import": _transfer("do_import"),
    "stats": _transfer("do_stats"),
    "backup": _transfer("do_backup"),
}
