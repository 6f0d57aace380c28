"""Dates as sellers write them, read by marketplace, and "today" in a marketplace's time zone.

The one home of date forms: a date field (``parse_date``: the case-file reader, the wizard's
date fields, ``--as-of``) and a date inside a message (``find_dates``: the paste box and
``casewriter extract``) are read by the same patterns, so whatever the paste box finds can be
typed into a field too.

Forms: ISO ``2026-04-03``, ``2026/4/3``, ``2026.4.3``, ``2026年4月3日`` (号 too), ``3月2号``,
``03.04.2026`` (day first, as in Germany), ``04/03/2026`` and ``3/2`` (month first on
Amazon.com, day first on Amazon.co.uk and the EU, month first after the year in Japan),
``March 2``, ``Mar 2nd``, ``2 March 2026``, ``March 2, 2026``, and in a field anything
python-dateutil understands. An ambiguous day/month is read the marketplace's way and said
back. A date without a year is the latest such date on or before the "as of" date (today in
the marketplace unless given), and the year so inferred is said back. A date outside 1970–2100
is refused (``casewriter.bounds``), so no deadline arithmetic overflows.

Size: ~355 lines because a date field and a date inside a message must be read by the same
patterns and marketplace rules; splitting ``parse_date`` from ``find_dates`` would let them
drift apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from casewriter.errors import UsageError
from casewriter.marketplaces import Marketplace
from casewriter.messages import join, said

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
#: Year-first marketplaces whose people write a day-first numeric date when the year is last.
_DAY_FIRST_YMD = {"SE"}
#: How far back a year-less date is looked for (a 29 February needs up to 8 years).
_YEARS_BACK = 8

#: English month names and the abbreviations people write (``Sept`` included).
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip


def _trie(words: list[str], guard: str = "") -> str:
    """``words`` as one alternation that branches on each character in turn (the longest word
    that matches still wins); ``guard`` (``{c}`` standing for the first character) is checked
    right after a word's first character."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def below(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(ch) + below(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    first = [
        re.escape(ch) + guard.format(c=re.escape(ch)) + below(child)
        for ch, child in sorted(root.items())
    ]
    return "(?:" + "|".join(first) + ")"


_MON = _trie(list(MONTHS))
_ORD = r"(?:st|nd|rd|th)?"
_END = r"(?![0-9]|[/.\-][0-9]|(?<=[a-z.])[a-z])"
#: The forms, unanchored: ``find_dates`` searches text with them, ``parse_date`` matches a whole
#: field. Digits are ASCII and letters lower case here (the text is mapped first, one character
#: for one). Each pattern starts with the one character its forms can start with (a digit, a
#: month's first letter) and checks what stands before it only then, so the regex engine skips
#: straight to those characters. ``f`` is a number's first digit, the rest is in its group.
_DIGIT_FORMS = re.compile(
    rf"""(?P<f>[0-9])(?<![0-9a-z][0-9])
    (?=[0-9]?[\s月/.\-a-z]|[0-9]{{3}}\s*[-/.年])  # what every form has next: fails fast
    (?:
      (?P<y>[0-9]{{3}})\s*(?P<ysep>[-/.年])\s*(?P<ym>[0-9]{{1,2}})
          \s*[-/.月]\s*(?P<yd>[0-9]{{1,2}})(?:\s*[日号號])?
    | (?P<cm>[0-9]?)\s*月\s*(?P<cd>[0-9]{{1,2}})(?:\s*[日号號])?
    | (?P<a>[0-9]?)(?P<sep>[/.\-])(?P<b>[0-9]{{1,2}})(?P=sep)(?P<ny>[0-9]{{4}}|[0-9]{{2}})
    | (?P<sa>[0-9]?)/(?P<sb>[0-9]{{1,2}})
    | (?P<dd>[0-9]?){_ORD}(?:\s+of)?\s*(?!may\s+(?:be|have|not|also|need|take)\b)
          (?P<dm>{_MON})\.?(?:,?\s*(?P<dy>(?:19|20)[0-9]{{2}}))?
    ){_END}""",
    re.VERBOSE,
)
_MONTH_FORMS = re.compile(
    "(?P<em>"
    + _trie(list(MONTHS), guard="(?<![0-9a-z]{c})")
    + rf")\.?\s*(?P<ed>[0-9]{{1,2}}){_ORD}(?:,?\s*(?P<ey>(?:19|20)[0-9]{{2}}))?{_END}"
)


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date and, when the input was ambiguous, loose or had no year, how it was read."""

    value: date
    note: str | None = None
    year_inferred: bool = False
    """No year was written: the latest such date on or before the "as of" date was taken."""
    order: str | None = None
    """``day first`` / ``month first`` when day and month could be either, read ``mp``'s way."""


@dataclass(frozen=True)
class DateHit:
    """A date written inside a message (``find_dates``): offsets into that text."""

    start: int
    end: int
    text: str
    value: date | None
    """None when the text is shaped like a date but is not one (``2月30日``)."""
    year_inferred: bool = False
    note: str | None = None
    """Why ``value`` is None, or how an ambiguous day/month was read."""
    bare: bool = False
    """A year-less numeric ``3/2``: a date only where a word says so (it may be a ratio)."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH))
    return " ".join(text.split())


def _day_first(mp: Marketplace) -> bool:
    return mp.date_order == "DMY" or (mp.date_order == "YMD" and mp.code in _DAY_FIRST_YMD)


def latest_on_or_before(month: int, day: int, as_of: date) -> date:
    """The latest ``month``/``day`` on or before ``as_of`` (a 29 February goes back to the last
    leap year); ValueError when no year has that day (``2/30``)."""
    date(2000, month, day)  # ValueError for a day no year has
    for year in range(as_of.year, as_of.year - _YEARS_BACK - 1, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= as_of:
            return found
    raise ValueError(f"no {month}/{day} in the {_YEARS_BACK} years before {as_of}")


@dataclass(frozen=True)
class _Reading:
    value: date
    year_inferred: bool = False
    how: str | None = None
    """``day first`` / ``month first`` when an ambiguous numeric date was read one way."""


@lru_cache(maxsize=4096)
def _ymd(year: int | None, month: int, day: int, as_of: date | None) -> _Reading:
    """The date, the year inferred from ``as_of`` when none was written; ValueError if none.
    Cached: a long paste writes the same few dates again and again."""
    if year is not None:
        return _Reading(date(year, month, day))
    if as_of is None:
        raise ValueError("no year")
    return _Reading(latest_on_or_before(month, day, as_of), True)


def _numeric(a: int, b: int, year: int | None, mp: Marketplace, as_of: date | None) -> _Reading:
    day_first = _day_first(mp)
    if a > 12 and b <= 12:
        day_first = True
    elif b > 12 and a <= 12:
        day_first = False
    elif a != b:  # both could be the month: follow the marketplace and say so
        reading = _ymd(year, b if day_first else a, a if day_first else b, as_of)
        return _Reading(
            reading.value, reading.year_inferred, "day first" if day_first else "month first"
        )
    day, month = (a, b) if day_first else (b, a)
    return _ymd(year, month, day, as_of)


def _read(m: re.Match[str], mp: Marketplace, as_of: date | None) -> _Reading:
    """What one match of the forms says; ValueError when it is no real date."""
    if m.re is _MONTH_FORMS:
        year_text, month, day = m["ey"], MONTHS[m["em"]], int(m["ed"])
        return _ymd(int(year_text) if year_text else None, month, day, as_of)
    f = m["f"]
    if m["y"]:
        return _ymd(int(f + m["y"]), int(m["ym"]), int(m["yd"]), as_of)
    if m["cd"]:
        return _ymd(None, int(f + m["cm"]), int(m["cd"]), as_of)
    if m["sep"]:
        a, b, y = int(f + m["a"]), int(m["b"]), m["ny"]
        year = int(y) + 2000 if len(y) == 2 else int(y)
        if m["sep"] == ".":  # 03.04.2026 is day first everywhere it is written
            return _ymd(year, b, a, as_of)
        return _numeric(a, b, year, mp, as_of)
    if m["sb"]:
        return _numeric(int(f + m["sa"]), int(m["sb"]), None, mp, as_of)
    year_text, month, day = m["dy"], MONTHS[m["dm"]], int(f + m["dd"])
    return _ymd(int(year_text) if year_text else None, month, day, as_of)


def _note(
    field: str, raw: str, reading: _Reading, mp: Marketplace, as_of: date | None
) -> str | None:
    why = []
    if reading.how:
        how = said("date.day_first" if reading.how == "day first" else "date.month_first")
        why.append(said("date.how", how=how, market=mp.name))
    if reading.year_inferred and as_of is not None:
        why.append(said("date.year_from", as_of=as_of.isoformat()))
    if not why:
        return None
    value = reading.value.isoformat()
    return said("date.read_as", field=field, raw=raw, value=value, why=join("; ", why, "；"))


def _start(m: re.Match[str]) -> int:
    return m.start()


def find_dates(text: str, mp: Marketplace, as_of: date) -> list[DateHit]:
    """Every date written in ``text``, read the way ``mp`` writes dates, a year-less one as the
    latest such date on or before ``as_of``. A date-shaped text that is no real date has
    ``value`` None. ``text`` has ASCII digits and lower-case letters (map full-width forms and
    capitals first, one character for one, as ``engine.message_facts`` does)."""
    from casewriter.bounds import date_in_range

    hits: list[DateHit] = []
    matches = sorted([*_DIGIT_FORMS.finditer(text), *_MONTH_FORMS.finditer(text)], key=_start)
    last_end = 0
    for m in matches:
        if m.start() < last_end:
            continue  # inside a date already read (2 March 2026 and March 2026)
        last_end = m.end()
        raw = m.group()
        try:
            reading = _read(m, mp, as_of)
        except ValueError:
            hits.append(DateHit(m.start(), m.end(), raw, None, note=f"{raw}: not a real date"))
            continue
        if not date_in_range(reading.value):
            hits.append(DateHit(m.start(), m.end(), raw, None, note=f"{raw}: out of range"))
            continue
        note = _note("date", raw, reading, mp, as_of) if reading.how else None
        bare = m.re is _DIGIT_FORMS and bool(m["sb"])
        hits.append(
            DateHit(m.start(), m.end(), raw, reading.value, reading.year_inferred, note, bare)
        )
    return hits


def parse_date(
    text: object,
    mp: Marketplace,
    field: str = "date",
    *,
    as_of: date | None = None,
    need_year: bool = False,
) -> ParsedDate:
    """Read a date field the way ``mp`` writes dates; UsageError naming ``field`` if unreadable
    or outside the years casewriter accepts (``casewriter.bounds``: 1970 to 2100). A year-less
    date is the latest such date on or before ``as_of`` (today in ``mp`` when None), unless
    ``need_year``."""
    from casewriter.bounds import check_date

    parsed = _parse_date(text, mp, field, as_of, not need_year)
    check_date(parsed.value, field)
    return parsed


_YEAR_GROUPS = ("y", "ny", "ey", "dy")


def _parse_date(
    text: object, mp: Marketplace, field: str, as_of: date | None, infer: bool
) -> ParsedDate:
    """``parse_date`` before the range check; "today" is looked up only for a year-less date."""
    if isinstance(text, datetime):
        return ParsedDate(text.date())
    if isinstance(text, date):
        return ParsedDate(text)
    if not isinstance(text, str):
        raise UsageError(said("date.expected", field=field, value=repr(text)))
    raw = text.strip()
    cleaned = _clean(text)
    if not cleaned:
        raise UsageError(said("date.empty", field=field))
    lowered = cleaned.lower()
    m = None
    if len(cleaned) <= 40:
        m = _DIGIT_FORMS.fullmatch(lowered) or _MONTH_FORMS.fullmatch(lowered)
    if m is not None:
        if infer and as_of is None and not any(m.groupdict().get(g) for g in _YEAR_GROUPS):
            as_of = today_in(mp)
        try:
            reading = _read(m, mp, as_of)
        except ValueError as exc:
            if str(exc) == "no year":
                raise UsageError(
                    said("date.no_year", field=field, value=repr(raw[:40]), raw=raw[:40])
                ) from None
            raise UsageError(
                said("date.not_real", field=field, value=repr(raw[:40]), raw=raw[:40])
            ) from None
        note = _note(field, raw, reading, mp, as_of)
        return ParsedDate(reading.value, note, reading.year_inferred, reading.how)
    return _parse_loose(cleaned, raw, mp, field, as_of, infer)


def _parse_loose(
    cleaned: str, raw: str, mp: Marketplace, field: str, as_of: date | None, infer: bool
) -> ParsedDate:
    from dateutil import parser as du_parser

    if not re.search(r"\d", cleaned) or len(cleaned) > 40:
        raise UsageError(said("date.not_date", field=field, value=repr(raw[:40]), raw=raw[:40]))
    default = datetime(1900, 1, 1)
    try:
        parsed = du_parser.parse(cleaned, dayfirst=_day_first(mp), default=default, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        raise UsageError(
            said("date.not_date", field=field, value=repr(raw[:40]), raw=raw[:40])
        ) from None
    if parsed.year == 1900 and "1900" not in cleaned:
        if infer and as_of is None:
            as_of = today_in(mp)
        try:
            reading = _ymd(None, parsed.month, parsed.day, as_of)
        except ValueError:
            raise UsageError(
                said("date.no_year", field=field, value=repr(raw[:40]), raw=raw[:40])
            ) from None
        return ParsedDate(reading.value, _note(field, raw, reading, mp, as_of), True)
    value = parsed.date()
    if value.isoformat() == cleaned or re.search(r"[A-Za-z]{3}", cleaned):
        return ParsedDate(value)  # a spelled-out month is not ambiguous
    return ParsedDate(value, f"{field}: {raw} read as {value.isoformat()}")


def today_in(mp: Marketplace, as_of: date | None = None, now: datetime | None = None) -> date:
    """The date it is in ``mp``'s time zone (``as_of`` wins; ``now`` must be timezone-aware)."""
    if as_of is not None:
        return as_of
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(mp.time_zone)
    moment = datetime.now(zone) if now is None else now.astimezone(zone)
    return moment.date()


def parse_as_of(text: str, mp: Marketplace | None = None, field: str = "--as-of") -> date:
    """``--as-of``: an ISO date (or any unambiguous form with a year); UsageError otherwise."""
    return read_as_of(text, mp, field).value


def read_as_of(text: str, mp: Marketplace | None = None, field: str = "--as-of") -> ParsedDate:
    """An "as of" date as ``--as-of`` and the app's "as of" fields read it: ISO or any form
    with the year, day and month in ``mp``'s order (US when None), with how an ambiguous one
    was read (``note``); UsageError naming ``field`` (a ``Said``, said in either language)."""
    from casewriter.marketplaces import get

    return parse_date(text, mp or get("US"), field, need_year=True)


def as_of_marketplace(chosen: str | None, default: str | None = None) -> Marketplace:
    """The marketplace whose way of writing dates an "as of" date is read in: the one chosen
    (``--marketplace``, the app's marketplace chooser), else the settings' default marketplace
    (the one a scan falls back to), else the US."""
    from casewriter.marketplaces import get

    return get(chosen or default or "US")
