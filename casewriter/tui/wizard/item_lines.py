"""Item lines as the wizard keeps them (a case type with an ``[items]`` spec: one product per
line with its own quantity and, where the type uses them, LPN, ledger Reference ID, date and
fulfilment centre): each line is the text typed per field, so nothing typed is lost even when
it does not read yet.

- ``line_texts``: a draft's ``items`` (typed values from the log, a scan draft, a case file, or
  texts from an autosave) as those texts;
- ``item_spec``: the fact spec a line's quantity or date is read with, so a line's value is read
  by the engine's own reader (``casewriter.engine.coerce_fact``: ``parse_quantity``, and
  ``casewriter.dates.parse_date`` by the marketplace's order with the year from "as of");
- ``is_blank``: a line with nothing typed (left out of the draft);
- ``field_label``, ``line_text``, ``invalid_lines``: a line in a few words, in the UI language.

Pure (no textual); ``WizardState`` reads and writes lines through it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from casewriter.tui.i18n import get_language, t

if TYPE_CHECKING:
    from casewriter.engine import CheckedItem, FactSpec

ID_FIELDS: tuple[str, ...] = ("fnsku", "asin", "sku", "lpn", "reference_id")
"""Fields holding an identifier (checked by ``casewriter.identifiers``, kind = field name)."""
PRODUCT_FIELDS: tuple[str, ...] = ("fnsku", "asin", "sku")
"""A line names its product by one of these."""
FIELDS: tuple[str, ...] = (*ID_FIELDS, "quantity", "date", "fulfillment_center")
"""Every field an item line can have (the engine's ``ItemLine``)."""
_READ_AS = {"quantity": "quantity", "date": "date"}

Line = dict[str, str]
"""One item line: field -> text as typed."""


@cache
def item_spec(field: str) -> FactSpec | None:
    """The spec a line's ``quantity`` or ``date`` is read with (None: kept as text)."""
    kind = _READ_AS.get(field)
    if kind is None:
        return None
    from casewriter.engine import FactSpec

    return FactSpec.model_validate({"key": field, "type": kind, "label": {"en": field}})


def _text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def line_texts(raw: object) -> list[Line]:
    """A draft's ``items`` as the texts the wizard shows (unknown fields and shapes skipped)."""
    if isinstance(raw, Mapping):
        raw = [raw]
    if not isinstance(raw, list):
        return []
    lines: list[Line] = []
    for entry in raw:
        if not isinstance(entry, Mapping):
            continue
        line = {str(k): _text(v) for k, v in entry.items() if str(k) in FIELDS}
        line = {k: v for k, v in line.items() if v.strip()}
        if line:
            lines.append(line)
    return lines


def is_blank(line: Mapping[str, str]) -> bool:
    """Whether nothing is typed in ``line``."""
    return not any(v.strip() for v in line.values())


def field_label(field: str) -> str:
    """A line field's short label: ``FNSKU``, ``Quantity`` / ``数量``, ``FC`` / ``运营中心``."""
    return t(f"wz.item.{field}")


def line_text(values: Mapping[str, object], fields: Sequence[str] | None = None) -> str:
    """A line in a few words: ``X003KQ7ZP1 × 4 (Reference ID 79315640218731, 2026-04-20, FC
    PHX7)``."""

    def given(field: str) -> str:
        value = values.get(field)
        shown = "" if value is None else str(value).strip()
        return shown if fields is None or field in fields else ""

    product = next((f for f in PRODUCT_FIELDS if given(f)), "")
    text = given(product) if product else t("wz.items.empty")
    if given("quantity"):
        text += f" × {given('quantity')}"
    extra = [f"{field_label(f)} {given(f)}" for f in ID_FIELDS if f != product and given(f)]
    extra += [given("date")] if given("date") else []
    if given("fulfillment_center"):
        extra.append(f"{field_label('fulfillment_center')} {given('fulfillment_center')}")
    zh = get_language() == "zh"
    sep, opening, closing = ("，", "（", "）") if zh else (", ", " (", ")")
    return text + (f"{opening}{sep.join(extra)}{closing}" if extra else "")


def invalid_lines(items: Sequence[CheckedItem]) -> list[str]:
    """The invalid lines named for a reason: ``line 2 (X00BAD × 3)`` / ``第 2 行（X00BAD ×
    3）``."""
    opening, closing = ("（", "）") if get_language() == "zh" else (" (", ")")
    return [
        f"{t('wz.items.line_no', n=n)}{opening}{line_text(item.values)}{closing}"
        for n, item in enumerate(items, start=1)
        if item.status == "invalid"
    ]
