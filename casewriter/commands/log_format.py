"""Text output for ``casewriter log``: aligned tables that count Chinese characters as two
terminal cells, local-time display of UTC timestamps, and parsing of ``WHEN`` arguments.

Stdlib only (``unicodedata``), so the log commands need no rich/textual import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from casewriter.cells import cell_width, clip, pad
from casewriter.errors import UsageError


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, max_last: int = 60) -> str:
    """Columns padded by cell width; the last column is clipped to ``max_last`` cells."""
    cells = [[str(c) for c in headers]] + [
        [*(str(c) for c in r[:-1]), clip(str(r[-1]), max_last)] for r in rows
    ]
    widths = [max(cell_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(pad(c, widths[i]) for i, c in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def local(when: datetime | None, *, with_zone: bool = False) -> str:
    """A UTC timestamp shown in the user's local time zone."""
    if when is None:
        return "-"
    shown = when.astimezone()
    text = shown.strftime("%Y-%m-%d %H:%M")
    return f"{text} {shown.strftime('%Z') or shown.strftime('%z')}" if with_zone else text


def relative(when: datetime, now: datetime) -> str:
    delta = when - now
    hours = abs(delta.total_seconds()) / 3600
    amount = f"{hours:.0f} h" if hours < 48 else f"{hours / 24:.0f} days"
    return f"in {amount}" if delta.total_seconds() > 0 else f"{amount} overdue"


_REL = re.compile(r"^\+?\s*(\d{1,4})\s*(h|hours?|d|days?)$", re.IGNORECASE)


def parse_when(text: str, now: datetime) -> datetime | None:
    """``none``, ``+48h``, ``+2d``, a date (``2026-05-01``, ``20260501``, ``2026/5/1``,
    ``2026年5月1日``: 09:00 local) or an ISO date-time (naive = local time). UsageError (exit 2)
    otherwise."""
    value = unicodedata.normalize("NFKC", text).strip()
    if value.lower() in ("none", "clear", "-"):
        return None
    rel = _REL.match(value)
    if rel:
        n = int(rel.group(1))
        unit = rel.group(2).lower()
        return now + (timedelta(hours=n) if unit.startswith("h") else timedelta(days=n))
    try:
        day = _day_only(value)
        if day is not None:
            _check_year(day.year, value)
            return datetime.combine(day, time(9, 0)).astimezone().astimezone(UTC)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        _check_year(parsed.year, value)
        if parsed.tzinfo is None:
            parsed = parsed.astimezone()
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"not a date or time: {text!r} (use 2026-05-01, 2026-05-01T14:30, +48h, +2d or none)"
        ) from None


_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def _day_only(value: str) -> date | None:
    """A date without a time, in any form it is written: ``2026-05-01``, ``20260501`` (both ISO
    8601), ``2026/5/1``, ``2026.5.1``, ``2026年5月1日``. Every one means 09:00 local time (a
    bare ``20260501`` used to mean midnight UTC: the same day, another time)."""
    ymd = _YMD.match(value)
    if ymd:
        return date(int(ymd[1]), int(ymd[2]), int(ymd[3]))  # ValueError if not a real day
    if "T" in value.upper() or ":" in value or " " in value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _check_year(year: int, text: str) -> None:
    """Dates in the log fall within MIN_YEAR–MAX_YEAR (values.py): say so, in one line."""
    from casewriter.store.values import MAX_YEAR, MIN_YEAR, RANGE_TEXT

    if not MIN_YEAR <= year <= MAX_YEAR:
        raise UsageError(f"{text} is out of range: {RANGE_TEXT}")
