"""What the wizard says about item lines, in the UI language: each field checked by the core's
own checks (identifiers through ``validators.check_slot_value``, i.e. ``casewriter.identifiers``;
quantities and dates through ``validators.check_fact_value``, i.e. the engine's readers, with
the date forms every date field takes), a line's own problems (no product, a required field
missing), a line in a few words, the lines' total against the fact it stands for, and the
review's view of the engine's checked lines (``RenderedCase.items``). No rule lives here; a
line's words are ``item_lines.line_text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from casewriter.errors import UsageError
from casewriter.tui.i18n import get_language, t, tn
from casewriter.tui.wizard.item_lines import (
    ID_FIELDS,
    PRODUCT_FIELDS,
    Line,
    field_label,
    is_blank,
    item_spec,
    line_text,
)
from casewriter.tui.wizard.state import WizardState, convert_fact
from casewriter.tui.wizard.validators import Verdict, check_fact_value, check_slot_value

if TYPE_CHECKING:
    from casewriter.engine import CaseType, CheckedItem, EvidenceSlot

MARKS = {"valid": "✓", "invalid": "✗", "unverified": "?", "empty": "·"}
"""A line's status as one character (the line list, the review's checklist)."""


@cache
def _id_slot(field: str) -> EvidenceSlot:
    from casewriter.engine import EvidenceSlot

    return EvidenceSlot.model_validate({"key": field, "kind": field, "label": {"en": field}})


def check_field(field: str, text: str, marketplace: str, as_of: date | None) -> Verdict:
    """One field of a line: ``✓ X003KQ7ZP1``, ``✗ abc: not a whole number``, ``✓ 3月2号 →
    2026-03-02 (…)``; nothing to say for an empty field or a fulfilment centre."""
    if not text.strip():
        return Verdict("valid", "")
    if field in ID_FIELDS:
        return check_slot_value(_id_slot(field), text, marketplace, as_of)
    spec = item_spec(field)
    if spec is not None:
        return check_fact_value(spec, text, marketplace, as_of)
    return Verdict("valid", "", text.strip())


def line_problems(line: Mapping[str, object], fields: Sequence[str], required: Iterable[str]) -> list[str]:  # fmt: skip
    """What a line lacks (a product; a field every line needs); nothing for an empty line."""
    given = {k for k, v in line.items() if k in fields and str(v if v is not None else "").strip()}
    if not given:
        return []
    out: list[str] = []
    products = [f for f in PRODUCT_FIELDS if f in fields]
    if not given & set(products):
        names = t("wz.items.or").join(field_label(f) for f in products)
        out.append(t("wz.items.no_product", fields=names))
    out += [t("wz.items.missing", field=field_label(f)) for f in required if f not in given]
    return out


def line_view(ct: CaseType, line: Line, state: WizardState, *, derived: bool = False) -> tuple[str, dict[str, str]]:  # fmt: skip
    """A line's status (``empty``, ``invalid``: a field does not read or the line lacks
    something, ``unverified`` or ``valid``) and its values as read (identifiers normalized,
    dates as ISO dates; a value that does not read as typed). ``derived``: read from the
    evidence fields (no field is required of it, as the engine reads it)."""
    spec = ct.items
    if spec is None or is_blank(line):
        return "empty", dict(line)
    as_of = state.as_of()
    shown: dict[str, str] = {}
    statuses: set[str] = set()
    for name in spec.fields:
        raw = line.get(name, "")
        verdict = check_field(name, raw, state.marketplace, as_of)
        shown[name] = verdict.normalized if raw.strip() and verdict.normalized else raw
        statuses.add(verdict.status)
    if line_problems(line, spec.fields, [] if derived else spec.required) or "invalid" in statuses:
        return "invalid", shown
    return ("unverified" if "unverified" in statuses else "valid"), shown


def quantity_of(raw: str, marketplace: str, as_of: date) -> int | None:
    """A line's quantity as the draft will hold it (None: empty, or it does not read)."""
    spec = item_spec("quantity")
    if spec is None or not raw.strip():
        return None
    try:
        value = convert_fact(spec, raw, marketplace, as_of)[0]
    except UsageError:
        return None
    return value if type(value) is int else None


def total_lines(ct: CaseType, lines: Sequence[Line], state: WizardState) -> list[tuple[str, bool]]:
    """The lines' count and total (``2 lines · 7 units in total (Units lost)``), and a warning
    when the total fact typed disagrees with it: (text, is a warning) pairs."""
    spec = ct.items
    shown = [line for line in lines if not is_blank(line)]
    if spec is None or not shown:
        return []
    as_of = state.as_of()
    count = tn("wz.items.lines", len(shown))
    if "quantity" not in spec.fields:
        return [(count, False)]
    quantities = [quantity_of(line.get("quantity", ""), state.marketplace, as_of) for line in shown]
    if any(q is None for q in quantities):
        return [(t("wz.items.total_unknown", lines=count), False)]
    total = sum(q for q in quantities if q is not None)
    out = [(f"{count} · {tn('wz.items.total', total)}", False)]
    fact = ct.fact(spec.facts.get("quantity", ""))
    if fact is None:
        return out
    label = fact.label.get(get_language())
    stated = quantity_of(state.facts.get(fact.key, ""), state.marketplace, as_of)
    if stated is not None and stated != total:
        out.append((t("wz.items.disagree", label=label, stated=stated, total=total), True))
    return out


def checked_lines(ct: CaseType | None, items: Sequence[CheckedItem], marketplace: str, as_of: date) -> list[tuple[str, str, list[str]]]:  # fmt: skip
    """The engine's checked lines (``RenderedCase.items``) as the review shows them: (status,
    ``1. X003KQ7ZP1 × 4 (…)``, the problems of an invalid line in the UI language)."""
    spec = ct.items if ct is not None else None
    fields = list(spec.fields) if spec is not None else None
    out: list[tuple[str, str, list[str]]] = []
    for n, item in enumerate(items, start=1):
        status = "valid" if item.status == "provided" else item.status
        text = t("wz.items.line", n=n, text=line_text(item.values, fields))
        problems: list[str] = []
        if item.status == "invalid":
            for field, value in item.values.items():
                if value is not None and (field in ID_FIELDS or item_spec(field) is not None):
                    verdict = check_field(field, str(value), marketplace, as_of)
                    if verdict.status == "invalid":
                        problems.append(verdict.message)
            if spec is not None:
                required = [] if item.derived else spec.required
                problems += line_problems(item.values, spec.fields, required)
        out.append((status, text, problems))
    return out


def review_rows(ct: CaseType | None, items: Sequence[CheckedItem], marketplace: str, as_of: date) -> list[tuple[str, str]]:  # fmt: skip
    """The rows under the review checklist's item lines: each line with its mark, the problems
    of an invalid one, then the total: (text, style)."""
    styles = {"valid": "dim", "unverified": "yellow", "invalid": "red"}
    rows: list[tuple[str, str]] = []
    for status, text, problems in checked_lines(ct, items, marketplace, as_of):
        rows.append((f"{MARKS.get(status, '·')} {text}", styles.get(status, "")))
        rows += [(f"    {problem}", "red") for problem in problems]
    quantities = [item.values.get("quantity") for item in items]
    if items and all(type(q) is int for q in quantities):
        rows.append((tn("wz.items.total", sum(q for q in quantities if type(q) is int)), "dim"))
    return rows
