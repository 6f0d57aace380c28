"""Dates as sellers paste them, read by marketplace, and "today" in a marketplace's time zone.

Forms handled explicitly: ISO ``2026-04-03``, ``2026/4/3``, ``2026.4.3``, ``2026年4月3日``,
``03.04.2026`` (day first, as in Germany), ``04/03/2026`` (month first on Amazon.com, day first
on Amazon.co.uk and the EU), and anything python-dateutil understands (``3 Apr 2026``,
``April 3, 2026``). An ambiguous day/month is read the marketplace's way and reported back.
A date outside 1970–2100 is refused (``casewriter.bounds``), so no deadline arithmetic overflows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from casewriter.errors import UsageError
from casewriter.marketplaces import Marketplace

_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_NUMERIC = re.compile(r"^(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
#: Year-first marketplaces whose people write a day-first numeric date when the year is last.
_DAY_FIRST_YMD = {"SE"}


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date and, when the input was ambiguous or loose, how it was read."""

    value: date
    note: str | None = None


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH))
    return " ".join(text.split())


def _build(year: int, month: int, day: int, raw: str, field: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise UsageError(f"{field}: {raw!r} is not a real date ({exc})") from None


def _day_first(mp: Marketplace) -> bool:
    return mp.date_order == "DMY" or (mp.date_order == "YMD" and mp.code in _DAY_FIRST_YMD)


def parse_date(text: object, mp: Marketplace, field: str = "date") -> ParsedDate:
    """Read a pasted date the way ``mp`` writes it; UsageError naming ``field`` if unreadable or
    outside the years casewriter accepts (``casewriter.bounds``: 1970 to 2100)."""
    from casewriter.bounds import check_date

    parsed = _parse_date(text, mp, field)
    check_date(parsed.value, field)
    return parsed


def _parse_date(text: object, mp: Marketplace, field: str) -> ParsedDate:
    if isinstance(text, datetime):
        return ParsedDate(text.date())
    if isinstance(text, date):
        return ParsedDate(text)
    if not isinstance(text, str):
        raise UsageError(f"{field}: expected a date, got {text!r}")
    raw = text
    cleaned = _clean(text)
    if not cleaned:
        raise UsageError(f"{field}: empty date")
    m = _YMD.match(cleaned)
    if m:
        return ParsedDate(_build(int(m[1]), int(m[2]), int(m[3]), raw, field))
    m = _NUMERIC.match(cleaned)
    if m:
        a, sep, b, y = int(m[1]), m[2], int(m[3]), m[4]
        year = int(y) + 2000 if len(y) == 2 else int(y)
        if sep == ".":  # 03.04.2026 is day first everywhere it is written
            return ParsedDate(_build(year, b, a, raw, field))
        day_first = _day_first(mp)
        if a > 12 and b <= 12:
            day_first = True
        elif b > 12 and a <= 12:
            day_first = False
        elif a != b:  # both could be the month: follow the marketplace and say so
            parsed = _build(year, b if day_first else a, a if day_first else b, raw, field)
            how = "day first" if day_first else "month first"
            note = f"{field}: {raw.strip()} read as {parsed.isoformat()} ({how}, as on {mp.name})"
            return ParsedDate(parsed, note)
        day, month = (a, b) if day_first else (b, a)
        return ParsedDate(_build(year, month, day, raw, field))
    return _parse_loose(cleaned, raw, mp, field)


def _parse_loose(cleaned: str, raw: str, mp: Marketplace, field: str) -> ParsedDate:
    from dateutil import parser as du_parser

    if not re.search(r"\d", cleaned) or len(cleaned) > 40:
        raise UsageError(f"{field}: {raw.strip()[:40]!r} is not a date (try YYYY-MM-DD)")
    default = datetime(1900, 1, 1)
    try:
        parsed = du_parser.parse(cleaned, dayfirst=_day_first(mp), default=default, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        raise UsageError(f"{field}: {raw.strip()[:40]!r} is not a date (try YYYY-MM-DD)") from None
    if parsed.year == 1900 and "1900" not in cleaned:
        raise UsageError(f"{field}: {raw.strip()[:40]!r} has no year (try YYYY-MM-DD)")
    value = parsed.date()
    if value.isoformat() == cleaned or re.search(r"[A-Za-z]{3}", cleaned):
        return ParsedDate(value)  # a spelled-out month is not ambiguous
    return ParsedDate(value, f"{field}: {raw.strip()} read as {value.isoformat()}")


def today_in(mp: Marketplace, as_of: date | None = None, now: datetime | None = None) -> date:
    """The date it is in ``mp``'s time zone (``as_of`` wins; ``now`` must be timezone-aware)."""
    if as_of is not None:
        return as_of
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(mp.time_zone)
    moment = datetime.now(zone) if now is None else now.astimezone(zone)
    return moment.date()


def parse_as_of(text: str, mp: Marketplace | None = None) -> date:
    """``--as-of``: an ISO date (or any unambiguous form); UsageError otherwise."""
    from casewriter.marketplaces import get

    return parse_date(text, mp or get("US"), "--as-of").value
