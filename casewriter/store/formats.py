"""CSV and iCalendar exports of the case log.

CSV: one row per case, UTF-8 with a BOM so spreadsheet programs show Chinese text correctly,
every cell quoted. Stored text is untrusted, and a spreadsheet runs a cell that starts with
``=``, ``+``, ``-`` or ``@`` (or a TAB or CR before one) as a formula (``=HYPERLINK(…)``): as
OWASP's "CSV Injection" page recommends, such a cell gets a leading ``'`` (shown as text, never
run), and so does one starting with NUL. A cell that is exactly a plain number (``-24.99``,
``+5``) is left alone: a spreadsheet reads it as a number, which runs nothing, and prefixing it
would turn data into text. Dates and times (``2026-05-01``) never start with those characters.
Quoting every cell keeps a ``;`` inside a subject from starting a new cell in a spreadsheet
that splits on ``;``. The JSON export is the lossless one (``export.py``). A last column lists
stored values that could not be read (``follow_up=226-05-01T09:00:00Z``).

ICS (``icalendar``): a VTODO per open follow-up (due at its UTC time) and an all-day VEVENT per
claim deadline of a case not yet filed; UIDs are stable per case and kind (``CW-000123-follow-up@casewriter``)
so re-importing an updated calendar replaces entries instead of duplicating them. The health
reviews due (weekly account review, monthly inventory health) are VTODOs too, due the day they
became due (``account-review-US@casewriter``); one never done has no day and no entry. Text keeps
only what RFC 5545 allows in TEXT values: C0 controls other than TAB and line feed (NUL, ESC…),
DEL and C1 controls are dropped. A case whose follow-up or deadline cannot be read gets no
entry for it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from casewriter.store.health import ReviewDue
from casewriter.store.health_removals import RemovalDue
from casewriter.store.model import CLOSED_STATUSES
from casewriter.store.values import parse_date, parse_ts

CSV_COLUMNS = (
    "id", "status", "case_type", "profile", "marketplace", "sc_case_id", "subject", "urgency",
    "follow_up", "deadline_closes", "expected_amount", "received_amount", "currency",
    "created_at", "updated_at", "filed_at", "resolved_at", "identifiers", "invalid",
)  # fmt: skip

#: First characters that make a spreadsheet evaluate a cell (OWASP "CSV Injection"), and NUL.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(\.[0-9]+)?$")
# RFC 5545 TEXT: no CONTROL characters but HTAB (LF is written escaped as "\n"); C1 dropped too.
_ICS_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def csv_cell(value: object) -> str:
    """A CSV cell that no spreadsheet will run as a formula (see the module docstring)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        expected = row.get("expected") or {}
        received = row.get("received") or {}
        idents = "; ".join(f"{i['kind']}:{i['value']}" for i in row.get("identifiers", []))
        invalid = "; ".join(f"{k}={v}" for k, v in (row.get("invalid") or {}).items())
        values = {
            **row,
            "expected_amount": expected.get("amount", ""),
            "received_amount": received.get("amount", ""),
            "identifiers": idents,
            "invalid": invalid,
        }
        writer.writerow([csv_cell(values.get(c)) for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def ics_text(value: object) -> str:
    """Text for an iCalendar property: what RFC 5545 allows in TEXT (see the docstring)."""
    return _ICS_DROP.sub("", "" if value is None else str(value))


def _moment(text: object) -> datetime | None:
    try:
        return parse_ts(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def _day(text: object) -> date | None:
    try:
        return parse_date(text) if isinstance(text, str) and text else None
    except ValueError:
        return None


def to_ics(
    rows: Iterable[Mapping[str, Any]],
    now: datetime,
    reviews: Iterable[ReviewDue] = (),
    removals: Iterable[RemovalDue] = (),
) -> bytes:
    from icalendar import Calendar, Event, Todo

    cal = Calendar()
    cal.add("prodid", "-//casewriter//case log//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "casewriter follow-ups and claim deadlines")
    for row in rows:
        case_id = ics_text(row["id"])
        status = ics_text(row["status"])
        title = ics_text(f"{case_id} {row.get('subject') or row.get('case_type')}")
        detail = ics_text(f"{row.get('case_type')} · {status}")
        if row.get("sc_case_id"):
            detail += ics_text(f" · Seller Central case {row['sc_case_id']}")
        follow_up = _moment(row.get("follow_up"))
        if follow_up is not None and status not in CLOSED_STATUSES:
            todo = Todo()
            todo.add("uid", f"{case_id}-follow-up@casewriter")
            todo.add("dtstamp", now)
            todo.add("summary", f"Follow up: {title}")
            todo.add("description", detail)
            todo.add("due", follow_up)
            todo.add("status", "NEEDS-ACTION")
            cal.add_component(todo)
        day = _day(row.get("deadline_closes"))
        if day is not None and status == "draft":
            event = Event()
            event.add("uid", f"{case_id}-deadline@casewriter")
            event.add("dtstamp", now)
            event.add("summary", f"Claim window closes: {title}")
            event.add("description", detail + " · file before the end of this day")
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    for review in reviews:
        if review.due_on is None:
            continue  # never done: `log due` says so, a calendar entry needs a day
        todo = Todo()
        where = f"-{review.marketplace}" if review.marketplace else ""
        todo.add("uid", f"{review.kind}{where}@casewriter")
        todo.add("dtstamp", now)
        todo.add("summary", ics_text(review.text()))
        todo.add("description", "casewriter health record … (weekly) / casewriter health "
                 "REPORTS… (monthly)")  # fmt: skip
        todo.add("due", review.due_on)
        todo.add("status", "NEEDS-ACTION")
        cal.add_component(todo)
    for removal in removals:  # like a claim deadline: an all-day event on the day
        event = Event()
        what = removal.sku or removal.fnsku
        event.add("uid", f"stranded-removal-{removal.marketplace}-{ics_text(what)}-"
                  f"{removal.removal_on.strftime('%Y%m%d')}@casewriter")  # fmt: skip
        event.add("dtstamp", now)
        event.add("summary", ics_text(f"Stranded inventory auto-removal: {what}"))
        event.add("description", ics_text(removal.text()))
        event.add("dtstart", removal.removal_on)
        event.add("dtend", removal.removal_on + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
