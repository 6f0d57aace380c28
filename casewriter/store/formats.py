"""CSV and iCalendar exports of the case log.

CSV: one row per case, UTF-8 with a BOM so spreadsheet programs show Chinese text correctly.
ICS (``icalendar``): a VTODO per open follow-up (due at its UTC time) and an all-day VEVENT per
claim deadline of a case not yet filed; UIDs are stable per case and kind (``CW-000123-follow-up@casewriter``)
so re-importing an updated calendar replaces entries instead of duplicating them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from casewriter.store.model import CLOSED_STATUSES, ts_parse

CSV_COLUMNS = (
    "id", "status", "case_type", "profile", "marketplace", "sc_case_id", "subject", "urgency",
    "follow_up", "deadline_closes", "expected_amount", "received_amount", "currency",
    "created_at", "updated_at", "filed_at", "resolved_at", "identifiers",
)  # fmt: skip


def to_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        expected = row.get("expected") or {}
        received = row.get("received") or {}
        idents = "; ".join(f"{i['kind']}:{i['value']}" for i in row.get("identifiers", []))
        values = {
            **row,
            "expected_amount": expected.get("amount", ""),
            "received_amount": received.get("amount", ""),
            "identifiers": idents,
        }
        writer.writerow(["" if values.get(c) is None else values.get(c) for c in CSV_COLUMNS])
    return "\ufeff" + out.getvalue()


def to_ics(rows: Iterable[Mapping[str, Any]], now: datetime) -> bytes:
    from icalendar import Calendar, Event, Todo

    cal = Calendar()
    cal.add("prodid", "-//casewriter//case log//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "casewriter follow-ups and claim deadlines")
    for row in rows:
        case_id = str(row["id"])
        status = str(row["status"])
        title = f"{case_id} {row.get('subject') or row.get('case_type')}"
        detail = f"{row.get('case_type')} · {status}"
        if row.get("sc_case_id"):
            detail += f" · Seller Central case {row['sc_case_id']}"
        follow_up = ts_parse(row.get("follow_up"))
        if follow_up is not None and status not in CLOSED_STATUSES:
            todo = Todo()
            todo.add("uid", f"{case_id}-follow-up@casewriter")
            todo.add("dtstamp", now)
            todo.add("summary", f"Follow up: {title}")
            todo.add("description", detail)
            todo.add("due", follow_up)
            todo.add("status", "NEEDS-ACTION")
            cal.add_component(todo)
        closes = row.get("deadline_closes")
        if closes and status == "draft":
            day = date.fromisoformat(str(closes))
            event = Event()
            event.add("uid", f"{case_id}-deadline@casewriter")
            event.add("dtstamp", now)
            event.add("summary", f"Claim window closes: {title}")
            event.add("description", detail + " · file before the end of this day")
            event.add("dtstart", day)
            event.add("dtend", day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
            cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
