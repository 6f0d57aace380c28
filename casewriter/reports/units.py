"""Typed values with units read from report cells: money, dimensions, weights, volumes, and
numbers written with decimal commas or points.

``Money`` is a ``Decimal`` with its currency (``""`` when the report names none). Lengths,
weights and volumes keep the unit the report gives, normalized to ``in``/``cm``/``mm``/``m``,
``lb``/``oz``/``kg``/``g`` and ``ft3``/``in3``/``m3``/``cm3`` (``""`` when unknown): the fee
rules convert, the readers never guess.

``Numbers`` reads the amounts of one file. ``24,99`` and ``24.99`` need no help, but
``1,234`` and ``1.234`` are ambiguous: the file's own unambiguous cells decide (a ``24,99``
seen earlier means decimal commas), else the marketplace's convention (Amazon.de writes
``1.234,56``, Amazon.com ``1,234.56``), else a thousands separator. A leading ``0,`` or
``0.`` is always decimal.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from casewriter.bounds import MAX_REPORT_AMOUNT, MAX_REPORT_UNITS
from casewriter.reports.row_words import cell

_STRIP = str.maketrans("", "", " \u00a0\u202f$€£¥'")
#: a plain number of at most 12 digits before an optional decimal point (no sign, no grouping)
_SIMPLE = re.compile(r"[0-9]{1,12}(?:\.([0-9]{1,12}))?")


class Money(NamedTuple):
    amount: Decimal
    currency: str  # ISO code, upper case; "" when the report names none


class Dimensions(NamedTuple):
    longest: Decimal | None
    median: Decimal | None
    shortest: Decimal | None
    unit: str  # "in", "cm", "mm", "m" or ""


class Weight(NamedTuple):
    value: Decimal
    unit: str  # "lb", "oz", "kg", "g" or ""


class Volume(NamedTuple):
    value: Decimal
    unit: str  # "ft3", "in3", "m3", "cm3" or ""


_LENGTH = {"in": "in", "inch": "in", "inches": "in", "cm": "cm", "centimeter": "cm",
           "centimeters": "cm", "centimetre": "cm", "centimetres": "cm", "mm": "mm",
           "millimeters": "mm", "millimetres": "mm", "m": "m", "meters": "m", "metres": "m"}  # fmt: skip
_WEIGHT = {"lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "oz": "oz", "ounce": "oz",
           "ounces": "oz", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilo": "kg",
           "kilos": "kg", "g": "g", "gr": "g", "gram": "g", "grams": "g", "gramm": "g"}  # fmt: skip
_VOLUME = {"cubicfeet": "ft3", "cubicfoot": "ft3", "ft3": "ft3", "cuft": "ft3",
           "cubicinches": "in3", "cubicinch": "in3", "in3": "in3", "cuin": "in3",
           "cubicmeters": "m3", "cubicmetres": "m3", "cubicmeter": "m3", "cubicmetre": "m3",
           "m3": "m3", "cubiccentimeters": "cm3", "cubiccentimetres": "cm3", "cm3": "cm3",
           "cc": "cm3"}  # fmt: skip


def _unit_key(text: str) -> str:
    return "".join(ch for ch in text.lower().replace("³", "3") if ch.isalnum())


@lru_cache(maxsize=256)
def length_unit(text: str) -> str:
    """``inches`` → ``in``; ``""`` when empty or unknown."""
    return _LENGTH.get(_unit_key(text), "")


@lru_cache(maxsize=256)
def weight_unit(text: str) -> str:
    return _WEIGHT.get(_unit_key(text), "")


@lru_cache(maxsize=256)
def volume_unit(text: str) -> str:
    return _VOLUME.get(_unit_key(text), "")


#: Languages whose marketplaces write decimal commas (``1.234,56``); see ``marketplaces.py``.
_COMMA_LANGUAGES = ("de", "fr", "it", "es-ES", "nl", "sv", "pl")


@lru_cache(maxsize=256)  # asked for every row until a file's own cells decide
def decimal_comma(marketplace_or_currency: str) -> bool | None:
    """True when the marketplace (code, ``Amazon.de``-style name, or currency) writes decimal
    commas, False when decimal points, None when unknown or ambiguous (EUR is both)."""
    from casewriter.marketplaces import MARKETPLACES

    key = marketplace_or_currency.strip().upper()
    key = {"GB": "UK"}.get(key, key)
    if key.startswith("AMAZON."):
        key = next((m.code for m in MARKETPLACES.values() if m.name.upper() == key), "")
    market = MARKETPLACES.get(key)
    if market is not None:
        return market.language.startswith(_COMMA_LANGUAGES) and market.language != "es-MX"
    users = {m.language.startswith(_COMMA_LANGUAGES) and m.language != "es-MX"
             for m in MARKETPLACES.values() if m.currency == key}  # fmt: skip
    return users.pop() if len(users) == 1 else None


_MEMO_SIZE = 1 << 14


class Numbers:
    """Amounts and counts of one file, decimal style learned from its own cells.

    A cell's value depends only on its text and the style known so far, and reading it sets the
    style the same way each time, so both are remembered (``_memo``): amounts repeat on every
    row of a report (the same prices, fees and quantities), and a million rows parse each
    distinct text once."""

    __slots__ = ("_memo", "comma")

    def __init__(self, comma: bool | None = None) -> None:
        self.comma = comma  # True: decimal commas; False: decimal points; None: not known yet
        self._memo: dict[tuple[str, bool | None], tuple[Decimal | None, bool | None]] = {}

    def hint(self, marketplace_or_currency: str) -> None:
        """Use the marketplace's convention until the file's own cells show which it uses."""
        if self.comma is None and marketplace_or_currency:
            self.comma = decimal_comma(marketplace_or_currency)

    def dec(self, text: str) -> Decimal | None:
        """A number as Decimal; None when empty; ValueError when not a number."""
        key = (text, self.comma)
        known = self._memo.get(key)
        if known is not None:
            self.comma = known[1]
            return known[0]
        value = self._dec(text)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = (value, self.comma)
        return value

    def _dec(self, text: str) -> Decimal | None:
        simple = _SIMPLE.fullmatch(text)
        if simple is not None:  # 40, 0.7800, 24.99: what most cells hold, read at C speed
            tail = simple.group(1)
            if tail is None or len(tail) != 3:
                if tail is not None:
                    self.comma = False  # as _plain decides for an unambiguous decimal point
                return Decimal(text)
        s = text.strip().strip('"').translate(_STRIP)
        if not s:
            return None
        raw = s
        sign = ""
        if s[0] in "+-":
            sign, s = s[0], s[1:]
        elif s.endswith("-"):
            sign, s = "-", s[:-1]
        s = self._plain(s, raw)
        try:
            value = Decimal(sign + s)
        except InvalidOperation:
            raise ValueError(cell("cell.not_number", raw)) from None
        if not value.is_finite():
            raise ValueError(cell("cell.not_number", raw))
        if abs(value) >= MAX_REPORT_AMOUNT:
            raise ValueError(cell("cell.number_large", raw))
        return value

    def _plain(self, s: str, raw: str) -> str:
        """``s`` (no sign) with one decimal point and no grouping."""
        commas, dots = s.count(","), s.count(".")
        if commas and dots:
            decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
            group = "." if decimal_sep == "," else ","
            if s.count(decimal_sep) > 1:
                raise ValueError(cell("cell.not_number", raw))
            self.comma = decimal_sep == ","
            return s.replace(group, "").replace(",", ".")
        sep = "," if commas else "." if dots else ""
        if not sep:
            return s
        count = commas or dots
        head, _, tail = s.rpartition(sep)
        if count > 1:  # 1,234,567 or 1.234.567: grouping only
            self.comma = sep == "."
            return s.replace(sep, "")
        if len(tail) != 3 or head in ("", "0"):  # 24,99 / 0.125 / ,5: the separator is decimal
            if len(tail) != 3:
                self.comma = sep == ","
            return head + "." + tail
        # 1,234 or 1.234: the file's style, else the marketplace's, else grouping for ","
        comma = self.comma if self.comma is not None else sep == "."
        decimal = (sep == ",") == comma
        return head + "." + tail if decimal else head + tail

    def whole(self, text: str) -> int | None:
        """A unit count; None when empty; ValueError when not a whole number."""
        s = text.strip().strip('"').strip()
        if not s:
            return None
        if s.isdigit() and len(s) <= 12:
            number = int(s)
        else:
            value = self.dec(s)
            if value is None:
                return None
            if value != value.to_integral_value():
                raise ValueError(cell("cell.not_whole", s))
            number = int(value)
        if abs(number) > MAX_REPORT_UNITS:
            raise ValueError(cell("cell.quantity_large", s))
        return number


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip


@lru_cache(maxsize=1024)  # a summary repeats its few months on every row
def parse_month(text: str) -> date | None:
    """A month cell (``2026-05``, ``05/2026``, ``May-2026``, ``2026-05-01``) as its first day;
    None when empty; ValueError on garbage."""
    from casewriter.bounds import date_in_range, date_range_text
    from casewriter.reports.values import parse_date

    s = text.strip().strip('"').strip()
    if not s:
        return None
    parts = [p for p in s.replace("/", "-").replace(" ", "-").replace(".", "-").split("-") if p]
    value: date | None = None
    try:
        if len(parts) == 2:
            a, b = parts
            if a.isdigit() and b.isdigit():
                year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
            else:
                name, year_s = (a, b) if not a.isdigit() else (b, a)
                month, year = _MONTHS.get(name[:3].lower(), 0), int(year_s)
            value = date(year, month, 1)
        else:
            day = parse_date(s)
            value = day.replace(day=1) if day else None
    except ValueError:
        value = None
    if value is None:
        raise ValueError(cell("cell.not_month", s))
    if not date_in_range(value):
        raise ValueError(cell("cell.month_range", s, range=date_range_text()))
    return value
