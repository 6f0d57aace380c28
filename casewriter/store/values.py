"""What the case log accepts, and the one text form it writes for each kind of value.

Writers call the ``check_*`` / ``*_text`` functions *before* their transaction, so a bad value
is refused with one line (``UsageError``, exit 2) and nothing is written:

- times: timezone-aware UTC, ``YYYY-MM-DDTHH:MM:SSZ``, always four zero-padded year digits
  (``strftime("%Y")`` does not pad years below 1000 on every platform, so it is never used);
- dates: ``YYYY-MM-DD``;
- both within ``MIN_YEAR``–``MAX_YEAR`` (case events happen in this range; anything else is a
  typo such as ``0226`` or ``9999`` that would otherwise poison sorting, calendars and exports);
- amounts: finite, not negative, below ``MAX_AMOUNT``, at most ``MAX_PLACES`` decimal places,
  written in plain decimal notation (``1000``, never ``1E+3``);
- statuses, urgencies, marketplace codes and currencies from fixed lists (the last two from
  ``casewriter.marketplaces``, their one home).

Readers use ``Cells``: a stored value that does not parse (a log written by an older version, or
edited by hand) becomes ``None`` (or a fallback) and is recorded as invalid with its raw text, so
one bad row never makes the log unreadable. Text stored as bytes that are not UTF-8 (another
tool, a disk error) is read through ``read_text``, the connection's ``text_factory``: it becomes
a ``BadText`` (the text with U+FFFD for each bad byte, and the raw bytes), so every reader keeps
working and ``Cells`` marks the value invalid (``log repair`` re-writes it as text).

Size: ~320 lines because each value's check, stored form and read-back (``Cells``) sit together
so what is written and what is read cannot drift; ``BadText`` and ``read_text`` could move out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from casewriter import bounds
from casewriter.errors import UsageError
from casewriter.marketplaces import CURRENCIES, codes

# The same sanity range as every other input (casewriter/bounds.py).
MIN_YEAR = bounds.EARLIEST_DATE.year
MAX_YEAR = bounds.LATEST_DATE.year
RANGE_TEXT = f"dates in the case log must fall between {MIN_YEAR} and {MAX_YEAR}"

#: A reimbursement or claim amount is below this (a trillion in any currency).
MAX_AMOUNT = Decimal(bounds.MAX_AMOUNT)
MAX_PLACES = 4
_T = TypeVar("_T")

URGENCIES: tuple[str, ...] = ("routine", "high", "urgent")

_STORED_TS = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def utc(when: datetime, what: str = "time") -> datetime:
    """``when`` in UTC to the second (a naive time is local time); UsageError when it is out of
    range or cannot be converted."""
    try:
        aware = when if when.tzinfo is not None else when.astimezone()
        value = aware.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError, OSError):
        raise UsageError(f"{what} {_day(when)} is out of range: {RANGE_TEXT}") from None
    if not _in_range(value.year):
        raise UsageError(f"{what} {_day(when)} is out of range: {RANGE_TEXT}")
    return value


def _day(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def ts_text(when: datetime, what: str = "time") -> str:
    """The stored form of a moment: ``2026-05-01T09:00:00Z`` (checked, zero-padded)."""
    v = utc(when, what)
    return f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}Z"


def date_text(day: date | datetime, what: str = "date") -> str:
    """The stored form of a calendar day: ``2026-05-01`` (checked)."""
    if isinstance(day, datetime):
        day = day.date()
    if not _in_range(day.year):
        raise UsageError(f"{what} {_day(day)} is out of range: {RANGE_TEXT}")
    return day.isoformat()


def parse_ts(text: str) -> datetime:
    """A stored (or exported) time back to an aware UTC datetime; ValueError if it is not one
    or is out of range."""
    if _STORED_TS.match(text):
        value = datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    else:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            raise ValueError(f"no time zone in {text!r}")
        try:
            value = parsed.astimezone(UTC).replace(microsecond=0)
        except OverflowError:
            raise ValueError(f"out of range: {text!r}") from None
    if not _in_range(value.year):
        raise ValueError(f"out of range: {text!r}")
    return value


def parse_date(text: str) -> date:
    """A stored date; ValueError if it is not ``YYYY-MM-DD`` in range."""
    if not _DAY.match(text):
        raise ValueError(f"not a date: {text!r}")
    value = date.fromisoformat(text)
    if not _in_range(value.year):
        raise ValueError(f"out of range: {text!r}")
    return value


def parse_amount(text: object, what: str = "amount") -> Decimal | None:
    """An amount typed by the user or read from an import: ``24.99``, ``1,234.50``; ``None``
    for empty. UsageError for anything else, negative, non-finite or too large."""
    if text is None or text == "":
        return None
    if isinstance(text, bool) or not isinstance(text, (str, int, Decimal)):
        raise UsageError(f"not {_a(what)}: {text!r} (expected a number like 24.99)")
    raw = unicodedata.normalize("NFKC", str(text)).strip()
    if _THOUSANDS.match(raw):
        raw = raw.replace(",", "")
    elif "," in raw:
        raise UsageError(
            f"not {_a(what)}: {text!r} (write the decimal part with a point, like 24.99)"
        )
    if not _PLAIN_NUMBER.match(raw):
        raise UsageError(f"not {_a(what)}: {text!r} (expected a number like 24.99)")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise UsageError(f"not {_a(what)}: {text!r} (expected a number like 24.99)") from None
    check_amount(amount, what)
    return amount


def _a(what: str) -> str:
    """``an amount``, ``an expected amount``, ``a received amount``."""
    return f"{'an' if what[:1].lower() in 'aeiou' else 'a'} {what}"


def check_amount(amount: Decimal, what: str = "amount") -> Decimal:
    """``amount`` if the log accepts it; UsageError (exit 2) otherwise."""
    if not amount.is_finite():
        raise UsageError(f"not {_a(what)}: {amount} (expected a number like 24.99)")
    if amount < 0:
        raise UsageError(f"{what} must not be negative: {_show(amount)}")
    if amount >= MAX_AMOUNT:
        raise UsageError(
            f"{what} is too large: {_show(amount)} (it must be below 1,000,000,000,000)"
        )
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_PLACES:
        raise UsageError(
            f"{what} has too many decimal places: {_show(amount)} (at most {MAX_PLACES})"
        )
    return amount


def _show(amount: Decimal) -> str:
    """Plain notation, unless that would print hundreds of digits (``1E+308``)."""
    return str(amount) if abs(amount.adjusted()) > 30 else format(amount, "f")


def amount_text(amount: Decimal, what: str = "amount") -> str:
    """The stored form: plain decimal notation, ``24.90`` stays ``24.90`` (checked)."""
    return format(check_amount(amount, what).copy_abs(), "f")  # never "-0"


def read_amount(text: str) -> Decimal:
    """A stored amount; ValueError if it is not one the store would write."""
    if not isinstance(text, str) or not _PLAIN_NUMBER.match(text):
        raise ValueError(f"not an amount: {text!r}")
    try:
        return check_amount(Decimal(text))
    except (InvalidOperation, UsageError):
        raise ValueError(f"not an amount: {text!r}") from None


def check_urgency(value: str) -> str:
    text = str(value).strip().lower()
    if text not in URGENCIES:
        raise UsageError(f"unknown urgency {value!r} (one of: {', '.join(URGENCIES)})")
    return text


def currencies() -> tuple[str, ...]:
    """Every currency code the log accepts (``casewriter.marketplaces.CURRENCIES``)."""
    return CURRENCIES


def marketplace_codes() -> tuple[str, ...]:
    return codes()


def check_currency(value: str) -> str:
    """An ISO currency code casewriter knows (``usd`` → ``USD``); ``""`` means none."""
    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if text and text not in currencies():
        raise UsageError(f"unknown currency {value!r} (one of: {', '.join(currencies())})")
    return text


def check_marketplace(value: str) -> str:
    """A marketplace code from the table (``us`` → ``US``); ``""`` means not recorded."""
    text = unicodedata.normalize("NFKC", str(value)).strip().upper()
    if text and text not in marketplace_codes():
        known = ", ".join(marketplace_codes())
        raise UsageError(f"unknown marketplace {value!r} (one of: {known})")
    return text


class BadText(str):
    """Stored text that was not valid UTF-8: decoded with U+FFFD replacements; ``raw`` keeps the
    bytes. It is a ``str``, so a reader that does not check for it still works."""

    __slots__ = ("raw",)
    raw: bytes

    def __new__(cls, raw: bytes) -> BadText:
        self = super().__new__(cls, raw.decode("utf-8", "replace"))
        self.raw = raw
        return self


def read_text(raw: bytes) -> str:
    """The log connections' ``text_factory``: UTF-8 text as ``str``; anything else as a
    ``BadText`` instead of SQLite's "Could not decode to UTF-8" for the whole query."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(bytes(raw))


def plain_text(value: object) -> str:
    """``value`` as a plain ``str`` (a ``BadText`` loses its raw bytes; ``None`` is empty)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)  # a str subclass's str() is a plain str


class Cells:
    """Reads the stored values of one row, turning each unreadable one into ``None`` (or a
    fallback) and remembering it in ``invalid`` as ``(field, raw text)``."""

    __slots__ = ("invalid",)

    def __init__(self) -> None:
        self.invalid: list[tuple[str, str]] = []

    def _bad(self, field: str, raw: object) -> None:
        if isinstance(raw, BadText):
            raw = raw.raw
        self.invalid.append((field, raw if isinstance(raw, str) else repr(raw)))

    def _parsed(
        self, field: str, raw: object, parse: Callable[[str], _T], *, blank: bool = True
    ) -> _T | None:
        """``parse`` of the stored text; None when there is none (``None``, or ``""`` when
        ``blank`` says a blank is none) or it does not parse (then kept in ``invalid``)."""
        if raw is None or (blank and raw == ""):
            return None
        if isinstance(raw, str):
            try:
                return parse(raw)
            except ValueError:
                pass
        self._bad(field, raw)
        return None

    def ts(self, field: str, raw: object) -> datetime | None:
        return self._parsed(field, raw, parse_ts)

    def date(self, field: str, raw: object) -> date | None:
        return self._parsed(field, raw, parse_date)

    def amount(self, field: str, raw: object) -> Decimal | None:
        return self._parsed(field, raw, read_amount, blank=False)

    def text(self, field: str, raw: object) -> str:
        if isinstance(raw, BadText):
            self._bad(field, raw)
            return plain_text(raw)
        if isinstance(raw, str):
            return raw
        if raw is None:
            return ""
        if isinstance(raw, bytes):
            self._bad(field, raw)
            return raw.decode("utf-8", "replace")
        return str(raw)

    def choice(
        self, field: str, raw: object, allowed: tuple[str, ...], *, empty: bool = False
    ) -> str:
        """Text that must be one of ``allowed`` (or ``""`` with ``empty``)."""
        text = self.text(field, raw)
        if text not in allowed and not (empty and text == "") and not isinstance(raw, BadText):
            self._bad(field, raw)  # (a BadText was marked by ``text`` already)
        return text

    def marketplace(self, raw: object) -> str:
        return self.choice("marketplace", raw, marketplace_codes(), empty=True)

    def currency(self, raw: object) -> str:
        return self.choice("currency", raw, currencies(), empty=True)
