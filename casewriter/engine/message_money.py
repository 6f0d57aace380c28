"""Amounts of money in a pasted message: a number next to a currency symbol, word or code
(``$12.50``, ``US$12.50``, ``12.50 USD``, ``€8,99``, ``1.234,56 €``, ``¥1,200``, ``1200日元``,
``12.5美元``, ``£3``); a bare number is never money. ``$`` is the marketplace's own dollar where
it has one, ``¥`` JPY on Amazon.co.jp and CNY elsewhere, each said in a note. The word before an
amount says which amount it is (订单金额, refund of). Words and marks: ``message_words.toml``;
currency codes: ``casewriter.marketplaces.CURRENCIES``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from casewriter.engine.message_model import WINDOW, Amount, Spans, word_before
from casewriter.engine.message_words import Words
from casewriter.marketplaces import Marketplace, currency_places


def _decimal(number: str) -> Decimal | None:
    """``1,234.56``, ``1.234,56``, ``8,99``, ``1,200`` (thousands), ``12.5`` as a Decimal."""
    t = number.replace("'", ",")
    if "," in t and "." in t:
        thousands = "," if t.rfind(",") < t.rfind(".") else "."
        t = t.replace(thousands, "").replace(",", ".")
    else:
        sep = "," if "," in t else "." if "." in t else ""
        if sep:
            head, _, tail = t.rpartition(sep)
            t = t.replace(sep, "") if t.count(sep) > 1 or len(tail) == 3 else f"{head}.{tail}"
    try:
        value = Decimal(t)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value < 10**12 else None


def _currency(mark: str, mp: Marketplace, w: Words) -> tuple[str, str | None]:
    code = w.money_code.get(mark, mark)
    if code == "$":
        if mp.currency in w.dollars:
            return (
                mp.currency,
                None if mp.currency == "USD" else f"$ read as {mp.currency} ({mp.name})",
            )
        return "USD", f"$ read as USD (not a currency of {mp.name})"
    if code == "¥":
        if mp.currency == "JPY":
            return "JPY", None
        return "CNY", f"{mark} read as CNY (JPY on Amazon.co.jp)"
    return code, None


def _amount_at(shadow: str, mark: re.Match[str], w: Words) -> tuple[int, int, str] | None:
    """(start, end, number) of the amount a currency mark belongs to: the number written right
    against it before (``12USD``, ``12元``), else one after a mark written first (``$12.50``,
    ``USD 12.50``), else one a space before a mark written last (``12.50 USD``)."""
    text = mark.group()
    before = None
    if text in w.money_after:
        m = w.amount_before.search(shadow, max(0, mark.start() - WINDOW), mark.start())
        start = m.start("a") if m is not None else 0
        if m is not None and (start == 0 or shadow[start - 1] not in _NUMBER_CHARS):
            before = (start, mark.end(), m["a"])
            if m.end("a") == mark.start():
                return before
    if text in w.money_before:
        m = w.amount_after.match(shadow, mark.end())
        if m is not None:
            return mark.start(), m.end(), m["a"]
    return before


_NUMBER_CHARS = frozenset("0123456789.,'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def amounts(
    shadow: str, low: str, text: str, mp: Marketplace, w: Words, spans: Spans
) -> list[Amount]:
    out: list[Amount] = []
    for mark in w.money_marks.finditer(shadow):
        at = _amount_at(shadow, mark, w)
        if at is None:
            continue
        start, end, number = at
        value = _decimal(number)
        if value is None or not spans.free(start, end):
            continue
        currency, note = _currency(mark.group(), mp, w)
        places = currency_places(currency)
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and -exponent < places:  # 85 CNY is 85.00, 500 JPY is 500
            value = value.quantize(Decimal(1).scaleb(-places))
        near = word_before(low, text, start, w.money_roles)
        role, word = (near[0], near[1]) if near else (None, None)
        spans.claim(start, end)
        out.append(Amount(value, currency, role, word, text[start:end], start, end, note))
    return out
