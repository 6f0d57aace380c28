"""Typed facts: turn what a case file or the wizard holds into the value a fact spec asks for
(quantity → int ≥ 0, money → Decimal, date → date, percent → float, choice, bool, text), and
back into what templates see (dates ``YYYY-MM-DD``, money ``"24.99"``).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from casewriter.bounds import MAX_QUANTITY
from casewriter.dates import parse_date
from casewriter.engine.models import FactSpec
from casewriter.errors import UsageError
from casewriter.marketplaces import Marketplace

_TRUE = {"true", "yes", "y", "1", "on", "是", "对"}
_FALSE = {"false", "no", "n", "0", "off", "否", "不"}
_CURRENCY = re.compile(
    r"^(?:[A-Z]{3}|[$€£¥￥₹]|US\$|A\$|C\$|S\$|AED|zł|kr)\s*|\s*(?:[A-Z]{3}|[€£¥₹円元]|zł|kr)$"
)


def parse_quantity(value: Any, field: str) -> int:
    if isinstance(value, bool):
        raise UsageError(f"{field}: expected a whole number, got {value!r}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        if abs(value) > MAX_QUANTITY:  # 1e308 is a whole number, but not a count of anything
            raise UsageError(f"{field}: {value!r} is too large (at most {MAX_QUANTITY:,})")
        number = int(value)
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "").replace(" ", "")
        text = re.sub(r"(units?|pcs|件|个)$", "", text, flags=re.I)
        if not re.fullmatch(r"-?\d{1,12}", text):
            raise UsageError(f"{field}: {value!r} is not a whole number")
        number = int(text)
    else:
        raise UsageError(f"{field}: expected a whole number, got {value!r}")
    if number < 0:
        raise UsageError(f"{field}: must be 0 or more, got {number}")
    if number > MAX_QUANTITY:
        shown = str(number) if number < 10**30 else "a number that long"
        raise UsageError(f"{field}: {shown} is too large (at most {MAX_QUANTITY:,})")
    return number


def parse_money(value: Any, field: str) -> Decimal:
    """``24.99``, ``"24,99"``, ``"$24.99"``, ``"1,234.56"``, ``"1.234,56"`` → Decimal."""
    if isinstance(value, bool):
        raise UsageError(f"{field}: expected an amount, got {value!r}")
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
        raise UsageError(f"{field}: expected an amount, got {value!r}")
    if not re.fullmatch(r"-?\d{1,12}(\.\d{1,4})?", text):
        raise UsageError(f"{field}: {value!r} is not an amount (e.g. 24.99)")
    amount = Decimal(text)
    if amount < 0:
        raise UsageError(f"{field}: must be 0 or more, got {value!r}")
    return amount


def parse_percent(value: Any, field: str) -> float:
    text = str(value).strip().rstrip("%").strip() if not isinstance(value, bool) else "x"
    try:
        number = float(Decimal(text.replace(",", ".")))
    except (InvalidOperation, ValueError):
        raise UsageError(f"{field}: {value!r} is not a percentage (e.g. 3.5 or 3.5%)") from None
    if not 0 <= number <= 100:
        raise UsageError(f"{field}: a percentage must be between 0 and 100, got {value!r}")
    return number


def parse_bool(value: Any, field: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise UsageError(f"{field}: expected yes or no, got {value!r}")


def coerce_fact(spec: FactSpec, value: Any, mp: Marketplace) -> tuple[Any, str | None]:
    """The typed value for ``spec`` and a note (e.g. how an ambiguous date was read)."""
    field = f"facts.{spec.key}"
    if spec.type == "quantity":
        return parse_quantity(value, field), None
    if spec.type == "money":
        return parse_money(value, field), None
    if spec.type == "date":
        parsed = parse_date(value, mp, field)
        return parsed.value, parsed.note
    if spec.type == "percent":
        return parse_percent(value, field), None
    if spec.type == "bool":
        return parse_bool(value, field), None
    if isinstance(value, dict | list):
        raise UsageError(f"{field}: expected text, got a {type(value).__name__}")
    text = str(value).strip()
    if spec.type == "choice":
        for choice in spec.choices:
            if choice.lower() == text.lower():
                return choice, None
        raise UsageError(f"{field}: {value!r} is not one of {', '.join(spec.choices)}")
    return text, None


def coerce_facts(
    specs: list[FactSpec], raw: dict[str, Any], mp: Marketplace, *, strict: bool
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Typed facts, notes (date read-backs) and problems (strict: raise on the first one)."""
    by_key = {s.key: s for s in specs}
    values: dict[str, Any] = {}
    notes: list[str] = []
    problems: list[str] = []
    for key, value in raw.items():
        spec = by_key.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if spec is None:
            values[key] = value
            continue
        try:
            typed, note = coerce_fact(spec, value, mp)
        except UsageError as exc:
            if strict:
                raise
            problems.append(f"{exc.message} (left out)")
            continue
        values[key] = typed
        if note:
            notes.append(note)
    return values, notes, problems


def context_value(value: Any, currency: str) -> Any:
    """What a template sees for a typed fact."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.0f}" if currency == "JPY" else f"{value:.2f}"
    return value
