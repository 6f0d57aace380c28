"""What the paste box says after an extraction, in the UI language: the identifiers and facts
it filled (a date as ``3月2号 → 2026-03-02 (year from as-of 2026-12-06)``), what it kept of the
user's own typing, the pasted values it offers in place of typed values that do not read, and
what it left and why ("12 units: no field for it in this case type"). Pure (no textual).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from casewriter.tui.i18n import get_language, t
from casewriter.tui.wizard.extraction import FactsFilled, Filled

if TYPE_CHECKING:
    from casewriter.engine import CaseType, Fill, Left

#: How many items one line names before it stops (a long e-mail thread finds many).
MAX_ITEMS = 8
_PROBLEMS = {"not a real date": "wz.ev.left.bad_date", "out of range": "wz.ev.left.date_range"}


def _label(ct: CaseType, fact: str) -> str:
    spec = ct.fact(fact)
    return spec.label.get(get_language()) if spec else fact


def fill_item(ct: CaseType, fill: Fill, as_of: date) -> str:
    """One filled fact: ``Units missing ← 12 (少了12件)``, ``Delivery date ← 3月2号 →
    2026-03-02 (year from as-of 2026-12-06)``, ``Carrier ← UPS``."""
    label = _label(ct, fill.fact)
    if fill.kind == "date":
        year = t("wz.ev.year_from_as_of", as_of=as_of.isoformat())
        how = t("wz.ev.how", how=year) if fill.year_inferred else ""
        if fill.source == fill.value and not how:
            return t("wz.ev.fill", label=label, value=fill.value)
        return t("wz.ev.fill_date", label=label, source=fill.source, value=fill.value, how=how)
    if fill.source == fill.value:
        return t("wz.ev.fill", label=label, value=fill.value)
    return t("wz.ev.fill_from", label=label, value=fill.value, source=fill.source)


def _shown(item: Left) -> str:
    if item.kind == "quantity":
        value = t("wz.ev.units", n=item.shown)
        return f"{value} ({item.source})"
    if item.source and item.source != item.shown:
        return f"{item.shown} ({item.source})"
    return item.shown


def left_item(ct: CaseType, item: Left) -> str:
    """Why a finding filled nothing: ``12 units (少了12件): no field for it in this case type``."""
    detail = item.detail or {}
    if item.reason == "taken":
        other = detail.get("other", "")
        reason = t("wz.ev.left.taken", fact=_label(ct, item.fact or ""), other=other)
    elif item.reason == "currency":
        reason = t("wz.ev.left.currency", **detail)
    elif item.reason == "no_word":
        what = detail.get("what", "date")
        reason = t("wz.ev.left.no_word_amount" if what == "amount" else "wz.ev.left.no_word_date")
    elif item.reason == "problem":
        why = detail.get("detail", "").rpartition(": ")[2]
        return t(
            "wz.ev.left_item", value=item.shown, reason=t(_PROBLEMS.get(why, "wz.ev.left.bad_date"))
        )
    else:
        reason = t("wz.ev.left.no_field")
    return t("wz.ev.left_item", value=_shown(item), reason=reason)


def _join(items: list[str]) -> str:
    more = len(items) - MAX_ITEMS
    shown = items[:MAX_ITEMS]
    return "; ".join(shown) + (f"; … (+{more})" if more > 0 else "")


def report_lines(
    ct: CaseType, slots: Filled, facts: FactsFilled, as_of: date, items: Sequence[str] = ()
) -> list[str]:
    """Every line the paste box shows after one extraction (``items``: the item lines it
    filled, ``1: X003KQ7ZP1 × 12``)."""
    lang = get_language()
    lines: list[str] = []
    filled = []
    for key, values in slots.added.items():
        slot = ct.slot(key)
        label = slot.label.get(lang) if slot else key
        filled.append(f"{label} ← {', '.join(values)}")
    if filled:
        lines.append(t("wz.ev.filled", items=_join(filled)))
    if items:
        lines.append(t("wz.items.pasted", items=_join(list(items))))
    if facts.filled:
        lines.append(
            t("wz.ev.facts_filled", items=_join([fill_item(ct, f, as_of) for f in facts.filled]))
        )
    if not lines:
        lines.append(t("wz.ev.nothing"))
    if facts.offered:
        items = [
            t("wz.ev.offer_item", label=_label(ct, f.fact), typed=typed.strip(), value=f.value)
            for f, typed in facts.offered
        ]
        lines.append(t("wz.ev.offer", items=_join(items)))
    if facts.kept:
        items = [
            t("wz.ev.kept_item", label=_label(ct, f.fact), typed=typed.strip(), value=f.value)
            for f, typed in facts.kept
        ]
        lines.append(t("wz.ev.kept", items=_join(items)))
    left = [f"{k} {v}" for k, v in slots.unused] + [left_item(ct, item) for item in facts.left]
    if left:
        lines.append(t("wz.ev.left", items=_join(left)))
    return lines


def used_line(ct: CaseType, used: list[Fill], as_of: date) -> str:
    """After "Use pasted values": what replaced the user's unreadable values."""
    return t("wz.ev.used_pasted", items=_join([fill_item(ct, f, as_of) for f in used]))
