"""Facts read once, where they enter: turn what a case file, the wizard or a logged draft holds
into the typed value a fact spec asks for (quantity → int ≥ 0, money → ``Money`` in the
marketplace's currency, date → date, percent → float, choice, bool, text; ``values.py``).

``coerce_facts`` reads a draft's facts and passes a value that is already typed for its spec
through untouched, so a draft built by the case-file loader, the wizard or the scanner is never
parsed twice; only a hand-built draft holding raw text is read here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TypeGuard

from casewriter.bounds import MAX_AMOUNT, MAX_QUANTITY, date_in_range
from casewriter.dates import parse_date
from casewriter.engine.models import FactSpec
from casewriter.engine.values import FactValue, Money
from casewriter.engine.warning_words import labelled, ws
from casewriter.errors import UsageError
from casewriter.marketplaces import Marketplace
from casewriter.messages import said

_TRUE = {"true", "yes", "y", "1", "on", "是", "对"}
_FALSE = {"false", "no", "n", "0", "off", "否", "不"}
_CURRENCY = re.compile(
    r"^(?:[A-Z]{3}|[$€£¥￥₹]|US\$|A\$|C\$|S\$|AED|zł|kr)\s*|\s*(?:[A-Z]{3}|[€£¥₹円元]|zł|kr)$"
)


def parse_quantity(value: object, field: str) -> int:
    if isinstance(value, bool):
        raise UsageError(said("value.whole_expected", field=field, value=repr(value)))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        if abs(value) > MAX_QUANTITY:  # 1e308 is a whole number, but not a count of anything
            raise UsageError(
                said("value.too_large", field=field, value=repr(value), limit=f"{MAX_QUANTITY:,}")
            )
        number = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "").replace(" ", "")
        text = re.sub(r"(units?|pcs|件|个)$", "", text, flags=re.I)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise UsageError(said("value.not_whole", field=field, value=repr(value), raw=value))
        number = int(text)
    else:
        raise UsageError(said("value.whole_expected", field=field, value=repr(value)))
    if number < 0:
        raise UsageError(said("value.negative", field=field, value=number))
    if number > MAX_QUANTITY:
        shown = str(number) if number < 10**30 else "a number that long"
        raise UsageError(
            said("value.too_large", field=field, value=shown, limit=f"{MAX_QUANTITY:,}")
        )
    return number


def parse_money(value: object, field: str) -> Decimal:
    """``24.99``, ``"24,99"``, ``"$24.99"``, ``"1,234.56"``, ``"1.234,56"`` → Decimal."""
    if isinstance(value, bool):
        raise UsageError(said("value.amount_expected", field=field, value=repr(value)))
    if isinstance(value, Money):  # read in another marketplace's currency: the amount stays
        value = value.amount
    if isinstance(value, int | float | Decimal):
        text = str(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        text = _CURRENCY.sub("", text).strip().replace(" ", "").replace("'", "")
        if "," in text and "." in text:
            thousands = "," if text.rfind(",") < text.rfind(".") else "."
            text = text.replace(thousands, "").replace(",", ".")
        elif "," in text:
            head, _, tail = text.rpartition(",")
            text = text.replace(",", "") if len(tail) == 3 and head else text.replace(",", ".")
    else:
        raise UsageError(said("value.amount_expected", field=field, value=repr(value)))
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,4})?", text):
        raise UsageError(said("value.not_amount", field=field, value=repr(value), raw=value))
    amount = Decimal(text)
    if amount < 0:
        raise UsageError(said("value.negative", field=field, value=repr(value)))
    return amount


def parse_percent(value: object, field: str) -> float:
    text = str(value).strip().rstrip("%").strip() if not isinstance(value, bool) else "x"
    try:
        number = float(Decimal(text.replace(",", ".")))
    except (InvalidOperation, ValueError):
        raise UsageError(
            said("value.not_percent", field=field, value=repr(value), raw=value)
        ) from None
    if not 0 <= number <= 100:
        raise UsageError(said("value.percent_range", field=field, value=repr(value), raw=value))
    return number


def parse_bool(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise UsageError(said("value.yes_no", field=field, value=repr(value), raw=value))


def coerce_fact(
    spec: FactSpec, value: object, mp: Marketplace, as_of: date | None = None
) -> tuple[FactValue, str | None]:
    """The typed value for ``spec`` and a note (e.g. how an ambiguous date was read, or the year
    a year-less date was given: the latest on or before ``as_of``, today in ``mp`` if None)."""
    field = f"facts.{spec.key}"
    if spec.type == "quantity":
        return parse_quantity(value, field), None
    if spec.type == "money":
        return Money(parse_money(value, field), mp.currency), None
    if spec.type == "date":
        parsed = parse_date(value, mp, field, as_of=as_of)
        return parsed.value, parsed.note
    if spec.type == "percent":
        return parse_percent(value, field), None
    if spec.type == "bool":
        return parse_bool(value, field), None
    if isinstance(value, dict | list):
        raise UsageError(said("value.text_expected", field=field, kind=type(value).__name__))
    text = str(value).strip()
    if spec.type == "choice":
        for choice in spec.choices:
            if choice.lower() == text.lower():
                return choice, None
        raise UsageError(
            said(
                "value.not_choice",
                field=field,
                value=repr(value),
                raw=value,
                choices=", ".join(spec.choices),
            )
        )
    return text, None


def is_typed(value: object, spec: FactSpec, mp: Marketplace) -> TypeGuard[FactValue]:
    """Whether ``value`` is already what ``coerce_fact`` makes of a fact of ``spec``: the type
    and the bounds it checks (a typed value out of range is read again, and refused)."""
    if spec.type == "quantity":
        return type(value) is int and 0 <= value <= MAX_QUANTITY
    if spec.type == "money":
        return isinstance(value, Money) and value.currency == mp.currency and _amount_ok(value)
    if spec.type == "date":
        return type(value) is date and date_in_range(value)
    if spec.type == "percent":
        return type(value) is float and 0 <= value <= 100
    if spec.type == "bool":
        return isinstance(value, bool)
    if spec.type == "choice":
        return isinstance(value, str) and value in spec.choices
    return isinstance(value, str) and value == value.strip()


def _amount_ok(money: Money) -> bool:
    """What ``parse_money`` accepts: finite, 0 or more, 12 digits, 4 decimals at most."""
    amount = money.amount
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        return False
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -4


def coerce_facts(
    specs: list[FactSpec],
    raw: Mapping[str, object],
    mp: Marketplace,
    *,
    strict: bool,
    as_of: date | None = None,
) -> tuple[dict[str, FactValue], list[str], list[str]]:
    """Typed facts, notes (date read-backs) and problems (strict: raise on the first one).
    A value already typed for its spec is kept as it is (it was read where it entered)."""
    by_key = {s.key: s for s in specs}
    values: dict[str, FactValue] = {}
    notes: list[str] = []
    problems: list[str] = []
    for key, value in raw.items():
        spec = by_key.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if spec is None:
            if isinstance(value, FactValue):  # not a fact of this case type: kept, unused
                values[key] = value
            continue
        if is_typed(value, spec, mp):
            values[key] = value
            continue
        try:
            typed, note = coerce_fact(spec, value, mp, as_of)
        except UsageError as exc:
            if strict:
                raise
            error = labelled(exc.message, spec.label.get("zh"))
            problems.append(ws("fact.left_out", error=error))
            continue
        values[key] = typed
        if note:
            notes.append(labelled(note, spec.label.get("zh")))
    return values, notes, problems
