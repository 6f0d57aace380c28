"""Cell values in Seller Central reports: dates, amounts and quantities, parsed strictly.

Dates: ledger ``MM/DD/YYYY``, ISO with or without offset (``2026-05-13T00:00:00-0700``,
``2026-05-12T09:59:13+00:00``), settlement ``2026-03-14 08:49:04 UTC`` and EU
``01.09.2026 00:00:00 UTC``. The calendar date is taken as written (reports already give the
marketplace's local day or a UTC stamp). Amounts are ``Decimal`` (never float), with EU decimal
commas (``1.234,56``, ``24,99``) accepted. Each parser raises ``ValueError`` on garbage.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from casewriter.bounds import MAX_REPORT_AMOUNT, MAX_REPORT_UNITS, date_in_range, date_range_text
from casewriter.reports.row_words import cell, rw

_STRIP_MONEY = str.maketrans("", "", " \u00a0\u202f$€£¥'")


@lru_cache(maxsize=8192)  # report dates repeat (a day per row): parse each text once
def parse_date(text: str) -> date | None:
    """The calendar date of a report date/time cell; None when empty; ValueError on garbage or
    on a date outside 1970–2100 (``casewriter.bounds``: claim windows are added to it)."""
    s = text.strip().strip('"').strip()
    if not s:
        return None
    value = _parse_date(s)
    if not date_in_range(value):
        raise ValueError(cell("cell.date_range", s, range=date_range_text()))
    return value


def _parse_date(s: str) -> date:
    head = s[:10]
    try:
        if len(head) == 10:
            if head[4] in "-/" and head[7] == head[4]:  # 2026-05-13 / 2026/05/13
                return date(int(head[0:4]), int(head[5:7]), int(head[8:10]))
            if head[2] == "." and head[5] == ".":  # 01.09.2026 (day first)
                return date(int(head[6:10]), int(head[3:5]), int(head[0:2]))
            if head[2] == "/" and head[5] == "/":  # 05/18/2026 (month first, day first if >12)
                first, second, year = int(head[0:2]), int(head[3:5]), int(head[6:10])
                if first > 12 >= second:
                    return date(year, second, first)
                return date(year, first, second)
        part = s.split()[0].split("T")[0]
        for sep in "/.-":
            bits = part.split(sep)
            if len(bits) == 3 and all(b.isdigit() for b in bits):
                a, b, c = (int(x) for x in bits)
                if len(bits[0]) == 4:
                    return date(a, b, c)
                if sep == ".":
                    return date(c, b, a)
                return date(c, b, a) if a > 12 >= b else date(c, a, b)
    except (ValueError, IndexError):
        pass
    raise ValueError(cell("cell.not_date", s))


def ledger_date(day: str, stamp: str) -> date | None:
    """The ledger date: the ``Date`` cell (``MM/DD/YYYY``); ``Date and Time`` only decides a
    day-first ``DD/MM/YYYY`` reading, or stands in when ``Date`` is empty."""
    iso = parse_date(stamp) if stamp[:4].isdigit() else None
    d = day.strip().strip('"')
    if not d:
        return iso
    if iso is not None and len(d) == 10 and d[2] == "/" and d[5] == "/":
        try:
            if date(int(d[6:]), int(d[3:5]), int(d[:2])) == iso:
                return iso  # written day first, as the stamp shows
        except ValueError:
            pass
    return parse_date(d)


@lru_cache(maxsize=16384)  # prices and amounts repeat row after row
def parse_decimal(text: str) -> Decimal | None:
    """An amount as Decimal; None when empty. ``1.234,56`` / ``24,99`` / ``1,234.56`` all work."""
    s = text.strip().strip('"').translate(_STRIP_MONEY)
    if not s:
        return None
    if "," in s:
        if "." in s:
            if s.rfind(",") > s.rfind("."):  # 1.234,56
                s = s.replace(".", "").replace(",", ".")
            else:  # 1,234.56
                s = s.replace(",", "")
        elif s.count(",") == 1 and len(s) - s.rfind(",") - 1 != 3:  # 24,99 (decimal comma)
            s = s.replace(",", ".")
        elif s.count(",") == 1 and s.lstrip("+-").startswith("0,"):  # 0,125
            s = s.replace(",", ".")
        else:  # 1,234 or 1,234,567 (thousands)
            s = s.replace(",", "")
    if s.endswith("-") and s[:-1].replace(".", "", 1).isdigit():
        s = "-" + s[:-1]
    try:
        value = Decimal(s)
    except InvalidOperation:
        raise ValueError(cell("cell.not_amount", text.strip())) from None
    if not value.is_finite():
        raise ValueError(cell("cell.not_amount", text.strip()))
    if abs(value) >= MAX_REPORT_AMOUNT:
        raise ValueError(cell("cell.amount_large", text.strip()))
    return value


@lru_cache(maxsize=4096)
def parse_int(text: str) -> int | None:
    """A unit count; None when empty; ValueError when not a whole number."""
    s = text.strip()
    if not s:
        return None
    try:
        number = int(s) if len(s) <= 20 else None
    except ValueError:
        number = None
    if number is None:
        value = parse_decimal(s)
        if value is None:
            return None
        if value != value.to_integral_value():
            raise ValueError(cell("cell.not_whole", s))
        number = int(value)
    if abs(number) > MAX_REPORT_UNITS:
        raise ValueError(cell("cell.quantity_large", s))
    return number


def parse_count(text: str, column: str) -> int | None:
    """A count of units that cannot be negative (shipped, received, ordered); None when empty;
    ValueError naming ``column`` when the cell is not a whole number or is negative."""
    number = parse_int(text)
    if number is not None and number < 0:
        raise ValueError(
            rw("cell.in_column", column=column, problem=rw("cell.negative", number=number))
        )
    return number


@lru_cache(maxsize=4096)  # enum cells (Order, ItemPrice, AFN …) repeat on every row
def norm(text: str) -> str:
    """An enum value as compared: upper case, trimmed, spaces and dashes as underscores."""
    return text.strip().strip('"').strip().upper().replace(" ", "_").replace("-", "_")
