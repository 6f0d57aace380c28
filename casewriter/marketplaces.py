"""The marketplace table: code, storefront name, Seller Central domain, time zone, currency,
case language, the order in which people there write day, month and year, and how English case
text is spelt there; and the currency facts that go with it (the currencies casewriter knows,
how many decimals each is written with).

The one home of these facts: everything else derives from it (``codes()``, ``find()`` for a
storefront name or domain, ``for_currency()`` for the storefront a currency points to,
``CURRENCIES``, ``currency_places()``, and ``in_currency()``/``amount_text()``: the one rule
for writing an amount of a currency — a case, the scan's JSON, summary and text, the log, the
TUI). Plain frozen dataclasses, no heavy imports, so any module
(and the TUI) can read it cheaply. Time zones are the ones Amazon uses for the storefront's
business day.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Literal

from casewriter.errors import UsageError

if TYPE_CHECKING:
    from decimal import Decimal

DateOrder = Literal["MDY", "DMY", "YMD"]
Spelling = Literal["US", "UK"]


@dataclass(frozen=True)
class Marketplace:
    """One Amazon storefront."""

    code: str
    name: str
    """Storefront name as sellers say it: ``Amazon.com``, ``Amazon.co.uk`` …"""
    seller_central: str
    """Seller Central host name."""
    time_zone: str
    """IANA time zone in which "today" and claim windows are evaluated."""
    currency: str
    language: str
    """Language cases are usually written in (BCP 47)."""
    date_order: DateOrder
    """How an ambiguous ``04/03/2026`` is read: month first (MDY), day first (DMY)."""
    spelling: Spelling = "UK"
    """How English case text is spelt there: ``US`` ("fulfillment center") on Amazon.com and
    Amazon.com.mx, ``UK`` ("fulfilment centre", as Amazon's own pages there write it) elsewhere
    (the word pairs: ``templates/spelling.toml``)."""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


_SC_EU = "sellercentral-europe.amazon.com"

MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in (
        Marketplace("US", "Amazon.com", "sellercentral.amazon.com", "America/Los_Angeles", "USD", "en-US", "MDY", "US"),
        Marketplace("CA", "Amazon.ca", "sellercentral.amazon.ca", "America/Los_Angeles", "CAD", "en-CA", "MDY"),
        Marketplace("MX", "Amazon.com.mx", "sellercentral.amazon.com.mx", "America/Mexico_City", "MXN", "es-MX", "DMY", "US"),
        Marketplace("UK", "Amazon.co.uk", _SC_EU, "Europe/London", "GBP", "en-GB", "DMY"),
        Marketplace("DE", "Amazon.de", _SC_EU, "Europe/Berlin", "EUR", "de-DE", "DMY"),
        Marketplace("FR", "Amazon.fr", _SC_EU, "Europe/Paris", "EUR", "fr-FR", "DMY"),
        Marketplace("IT", "Amazon.it", _SC_EU, "Europe/Rome", "EUR", "it-IT", "DMY"),
        Marketplace("ES", "Amazon.es", _SC_EU, "Europe/Madrid", "EUR", "es-ES", "DMY"),
        Marketplace("NL", "Amazon.nl", "sellercentral.amazon.nl", "Europe/Amsterdam", "EUR", "nl-NL", "DMY"),
        Marketplace("SE", "Amazon.se", "sellercentral.amazon.se", "Europe/Stockholm", "SEK", "sv-SE", "YMD"),
        Marketplace("PL", "Amazon.pl", "sellercentral.amazon.pl", "Europe/Warsaw", "PLN", "pl-PL", "DMY"),
        Marketplace("JP", "Amazon.co.jp", "sellercentral.amazon.co.jp", "Asia/Tokyo", "JPY", "ja-JP", "YMD"),
        Marketplace("AU", "Amazon.com.au", "sellercentral.amazon.com.au", "Australia/Sydney", "AUD", "en-AU", "DMY"),
        Marketplace("AE", "Amazon.ae", "sellercentral.amazon.ae", "Asia/Dubai", "AED", "en-AE", "DMY"),
        Marketplace("IN", "Amazon.in", "sellercentral.amazon.in", "Asia/Kolkata", "INR", "en-IN", "DMY"),
        Marketplace("SG", "Amazon.sg", "sellercentral.amazon.sg", "Asia/Singapore", "SGD", "en-SG", "DMY"),
    )
}  # fmt: skip

ALIASES = {"GB": "UK", "COM": "US", "USA": "US", "JA": "JP", "UAE": "AE"}

#: Currencies of Amazon storefronts the table does not list yet, and the seller home currencies
#: casewriter's users keep books in (CNY, HKD): the case log accepts these too.
EXTRA_CURRENCIES: tuple[str, ...] = ("BRL", "SAR", "TRY", "EGP", "ZAR", "CNY", "HKD")
#: Every currency code casewriter knows: the storefronts' (table order), then the extra ones.
CURRENCIES: tuple[str, ...] = tuple(
    dict.fromkeys([*(m.currency for m in MARKETPLACES.values()), *EXTRA_CURRENCIES])
)
#: Currencies written without decimals (ISO 4217 minor unit 0); every other one has two.
NO_DECIMALS: frozenset[str] = frozenset({"JPY"})


def get(code: str) -> Marketplace:
    """The marketplace for a code (case-insensitive; ``GB`` means ``UK``); UsageError if unknown."""
    key = code.strip().upper()
    key = ALIASES.get(key, key)
    try:
        return MARKETPLACES[key]
    except KeyError:
        known = ", ".join(MARKETPLACES)
        raise UsageError(f"unknown marketplace {code!r} (known: {known})") from None


def codes() -> tuple[str, ...]:
    return tuple(MARKETPLACES)


def find(text: str) -> str:
    """The code a report or a person names a storefront by, or ``""``: a code or alias
    (``uk``, ``GB``), a storefront name or domain (``Amazon.co.uk``, ``www.amazon.de/``)."""
    t = text.strip().lower().removeprefix("https://").removeprefix("www.").rstrip("/")
    for m in MARKETPLACES.values():
        if t == m.name.lower():
            return m.code
    key = t.upper()
    key = ALIASES.get(key, key)
    return key if key in MARKETPLACES else ""


def for_currency(currency: str) -> str:
    """The storefront a currency points to (``EUR`` → ``DE``, the first in the table), or ``""``."""
    code = currency.strip().upper()
    return next((m.code for m in MARKETPLACES.values() if m.currency == code), "")


def currency_places(currency: str) -> int:
    """How many decimals an amount in ``currency`` is written with (``JPY`` 0, else 2)."""
    return 0 if currency.strip().upper() in NO_DECIMALS else 2


def in_currency(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded (half up) to the decimals ``currency`` is written with: ``1980.00``
    JPY → ``1980``, ``3`` USD → ``3.00``, ``5.105`` USD → ``5.11``."""
    from decimal import ROUND_HALF_UP, Decimal

    return amount.quantize(Decimal(1).scaleb(-currency_places(currency)), rounding=ROUND_HALF_UP)


def amount_text(amount: Decimal, currency: str, *, grouped: bool = False) -> str:
    """How an amount of ``currency`` is written everywhere: its currency's decimals
    (``in_currency``: ``1980`` JPY, ``24.90`` USD), thousands separated when ``grouped``
    (``1,980``, ``1,234.50``); no currency sign or code (the caller places it)."""
    places = currency_places(currency)
    return f"{in_currency(amount, currency):{',' if grouped else ''}.{places}f}"
