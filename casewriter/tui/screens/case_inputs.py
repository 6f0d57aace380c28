"""What the case detail's prompts accept, checked without any UI: a Seller Central case id
(through the identifier module) and a follow-up date (``YYYY-MM-DD`` or ``+3d``/``+12h``/``+1w``).
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from casewriter.tui.i18n import local, t

_REL = re.compile(r"^\+?\s*(\d{1,3})\s*([dhw天])?$", re.IGNORECASE)


def check_sc_case_id(text: str) -> str | None:
    """The identifier module's reason when ``text`` is not a valid Seller Central case id."""
    from casewriter.identifiers import check

    result = check(text, "case_id")
    if result.status == "invalid":
        return local(result.reason) if result.reason else t("prompt.file")
    return None


def parse_follow_up(text: str, now: datetime) -> datetime | None:
    """``YYYY-MM-DD`` (9:00 that day, in ``now``'s zone), ``+3d``/``+12h``/``+1w``; ValueError."""
    cleaned = text.strip()
    match = _REL.match(cleaned)
    if match:
        n, unit = int(match.group(1)), (match.group(2) or "d").lower()
        delta = {"h": timedelta(hours=n), "w": timedelta(weeks=n)}.get(unit, timedelta(days=n))
        return now + delta
    day = datetime.fromisoformat(cleaned.replace("/", "-"))
    if len(cleaned) <= 10:  # a date alone: 9:00 that day
        day = datetime.combine(day.date(), time(9), tzinfo=now.tzinfo)
    elif day.tzinfo is None:
        day = day.replace(tzinfo=now.tzinfo)
    return day


def follow_up_error(text: str, now: datetime) -> str | None:
    """Why ``text`` is not a follow-up date (empty text clears the follow-up: no error)."""
    if not text:
        return None
    try:
        parse_follow_up(text, now)
    except ValueError:
        return t("msg.bad_date", text=text)
    return None
