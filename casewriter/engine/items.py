"""Item lines: the evidence of a multi-item case (warehouse lost/damaged, removal lost, inbound
missing, customer returns …, any case type with an ``[items]`` spec), one product per line with
its own quantity and, where the case type uses them, LPN, ledger Reference ID, event date and
fulfilment centre.

- ``read_items``: a case file's ``[[items]]`` tables read into typed ``ItemLine``s (quantities
  and dates read once, by the marketplace's date order; common spellings of a field fixed with a
  note; an unknown field is an error with a did-you-mean).
- ``check_items``: at render, each line's identifiers checked like evidence, the lines' totals
  computed (the total fact is their sum; a total the seller gave that disagrees is a warning;
  the clock fact is the earliest item date), the valid identifiers handed to their evidence
  slots, and the checklist line, the contract's ``items`` and what templates see.

A draft written before item lines existed (``fnsku = [...]`` plus a total) is read as items
without quantities (one line per value of the product slot; a single line takes the total),
with a warning when the split per item is unknown.

Size: ~350 lines: reading and checking item lines share the field table, the quantity and
date readers and the per-line messages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from casewriter.dates import parse_date
from casewriter.engine.drafts import CheckedItem, ChecklistItem, Draft, ItemLine
from casewriter.engine.facts import parse_quantity
from casewriter.engine.models import (
    ITEM_FIELDS,
    ITEM_ID_FIELDS,
    ITEM_PRODUCT_FIELDS,
    CaseType,
    ItemsSpec,
)
from casewriter.engine.values import FactValue
from casewriter.engine.warning_words import fact_name, ws
from casewriter.errors import UsageError
from casewriter.identifiers import IdCheck, check
from casewriter.marketplaces import Marketplace
from casewriter.messages import Said, join, said


@lru_cache(maxsize=4096)
def _checked(value: str, kind: str) -> IdCheck:
    """``identifiers.check``, remembered: the wizard re-renders the same lines on every key."""
    return check(value, kind)


#: Other spellings of an item field in a case file, read with a note.
FIELD_ALIASES = {
    "qty": "quantity",
    "units": "quantity",
    "count": "quantity",
    "reference": "reference_id",
    "ref": "reference_id",
    "transaction_item_id": "reference_id",
    "msku": "sku",
    "seller_sku": "sku",
    "fc": "fulfillment_center",
    "fulfilment_centre": "fulfillment_center",
    "fulfilment_center": "fulfillment_center",
    "fulfillment_centre": "fulfillment_center",
    "event_date": "date",
}

LABELS = {"fnsku": "FNSKU", "asin": "ASIN", "sku": "SKU", "lpn": "LPN",
          "reference_id": "ref", "quantity": "quantity", "date": "date",
          "fulfillment_center": "FC"}  # fmt: skip
#: How the app names each item field in Chinese (``LABELS`` is the case file's English).
LABELS_ZH = {"reference_id": "参考编号", "quantity": "数量", "date": "日期",
             "fulfillment_center": "运营中心"}  # fmt: skip


def _name(f: str) -> Said:
    return Said(LABELS[f], LABELS_ZH.get(f, LABELS[f]))


def read_items(
    raw: object, ct: CaseType, mp: Marketplace, where: str
) -> tuple[list[ItemLine], list[str]]:
    """A case file's ``items`` (a list of tables) as typed lines, and notes; UsageError naming
    ``where`` and the field for anything wrong."""
    from casewriter.engine.catalog_checks import did_you_mean

    if raw is None:
        return [], []
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise UsageError(f"{where}: items: expected a list of tables ([[items]])")
    spec = ct.items
    if spec is None and raw:
        raise UsageError(
            f"{where}: items: {ct.id} takes no item lines; list its identifiers under [evidence]"
        )
    assert spec is not None or not raw
    lines: list[ItemLine] = []
    notes: list[str] = []
    for n, entry in enumerate(raw, start=1):
        at = f"items.{n}"
        if not isinstance(entry, dict):
            raise UsageError(f"{where}: {at}: expected a table (fnsku = …, quantity = …)")
        values: dict[str, Any] = {}
        for key, value in entry.items():
            name = str(key).strip().lower().replace("-", "_").replace(" ", "_")
            real = FIELD_ALIASES.get(name, name)
            if real != key:
                notes.append(f"{at}.{key} read as {at}.{real}.")
            if spec is None or real not in spec.fields:
                fields = spec.fields if spec else []
                known = f" (fields: {', '.join(fields)})" if fields else ""
                raise UsageError(
                    f"{where}: {at}.{key}: {ct.id} items have no such field"
                    f"{did_you_mean(real, fields)}{known}"
                )
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if real == "quantity":
                values[real] = parse_quantity(value, f"{at}.quantity")
            elif real == "date":
                parsed = parse_date(value, mp, f"{at}.date")
                values[real] = parsed.value
                if parsed.note:
                    notes.append(parsed.note)
            elif isinstance(value, dict | list):
                raise UsageError(
                    f"{where}: {at}.{real}: expected text, got a {type(value).__name__}"
                )
            else:
                values[real] = str(value).strip()
        lines.append(ItemLine(**values))
    return lines, notes


def slot_for(ct: CaseType, field_name: str) -> str | None:
    """The evidence slot an item's identifier also fills: the slot of the same key, else the one
    slot of that kind; None when the case type has none."""
    own = ct.slot(field_name)
    if own is not None:
        return own.key
    match = [s.key for s in ct.evidence if s.kind == field_name]
    return match[0] if len(match) == 1 else None


@dataclass
class ItemsResult:
    """What the item lines of one draft give a render."""

    lines: list[CheckedItem] = field(default_factory=list)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    """Valid identifiers of the lines, by evidence slot (added to the draft's evidence)."""
    checklist: ChecklistItem | None = None
    warnings: list[str] = field(default_factory=list)
    template_items: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)


def empty_totals() -> dict[str, Any]:
    return {"quantity": None, "lines": 0, "complete": False, "earliest_date": None,
            "fulfillment_center": None}  # fmt: skip


def derived_lines(ct: CaseType, spec: ItemsSpec, draft: Draft, facts: Mapping[str, FactValue]) -> list[ItemLine]:  # fmt: skip
    """A draft without item lines, read as items: one line per value of its product slot; a
    single line also takes the single values of the other slots and the case-level facts."""
    for product in (f for f in spec.fields if f in ITEM_PRODUCT_FIELDS):
        slot = slot_for(ct, product)
        values = [v for v in draft.evidence.get(slot, []) if v.strip()] if slot else []
        if not values:
            continue
        lines = [ItemLine.model_validate({product: v.strip()}) for v in values]
        if len(lines) == 1:
            extra: dict[str, Any] = {}
            for f in spec.fields:
                other = slot_for(ct, f) if f in ITEM_ID_FIELDS and f != product else None
                given = draft.evidence.get(other, []) if other else []
                if len(given) == 1:
                    extra[f] = given[0].strip()
            for item_field, fact_key in spec.facts.items():
                value = facts.get(fact_key)
                if item_field == "quantity" and type(value) is int:
                    extra["quantity"] = value
                elif item_field == "date" and isinstance(value, date):
                    extra["date"] = value
                elif item_field == "fulfillment_center" and isinstance(value, str):
                    extra["fulfillment_center"] = value
            lines = [lines[0].model_copy(update=extra)]
        return lines
    return []


def _check_line(line: ItemLine, spec: ItemsSpec, derived: bool) -> tuple[CheckedItem, dict[str, str]]:  # fmt: skip
    """One line checked: (the rendered line, its valid identifiers by field)."""
    values: dict[str, str | int | None] = {f: None for f in spec.fields}
    problems: list[Said] = []
    good: dict[str, str] = {}
    status: Literal["provided", "invalid", "unverified"] = "provided"
    for f, value in line.given().items():
        if f in ITEM_ID_FIELDS:
            result = _checked(str(value), f)
            if result.status == "invalid" or not result.normalized:
                reason = result.reason or ws("item.not_valid")
                problems.append(
                    ws(
                        "item.bad_id",
                        label=_name(f),
                        value=repr(str(value)),
                        raw=str(value),
                        reason=reason,
                    )  # fmt: skip
                )
                values[f] = str(value)
                continue
            if result.status == "unverified":
                status = "unverified"
            values[f] = good[f] = result.normalized
        elif isinstance(value, date):
            values[f] = value.isoformat()
        else:
            values[f] = value
    if not any(line.given().get(f) for f in ITEM_PRODUCT_FIELDS):
        fields = [_name(f) for f in spec.fields if f in ITEM_PRODUCT_FIELDS]
        problems.append(ws("item.no_product", fields=join(" or ", fields, " 或 ")))
    if not derived:
        missing = [f for f in spec.required if f not in line.given()]
        problems += [ws("item.missing", label=_name(f)) for f in missing]
    if problems:
        return CheckedItem(
            values=values, status="invalid", reason=join("; ", problems, "；"), derived=derived
        ), good
    return CheckedItem(values=values, status=status, derived=derived), good


def summary(item: CheckedItem) -> Said:
    """``X003KQ7ZP1 × 4 (ref 79315640218731, 2026-05-20, PHX7)``: a line in a few words
    (Chinese: ``X003KQ7ZP1 × 4（参考编号 79315640218731，2026-05-20，PHX7）``)."""
    v = item.values
    product = next((str(v[f]) for f in ITEM_PRODUCT_FIELDS if v.get(f)), "?")
    text = product + (f" × {v['quantity']}" if v.get("quantity") is not None else "")
    extra = [join(" ", [_name(f), str(v[f])]) for f in ("lpn", "reference_id") if v.get(f)]
    extra += [Said(str(v[f])) for f in ("date", "fulfillment_center") if v.get(f)]
    if not extra:
        return Said(text)
    more = join(", ", extra, "，")
    return Said(f"{text} ({more})", f"{text}（{more.zh}）")


def check_items(
    ct: CaseType, draft: Draft, facts: dict[str, FactValue], given: set[str] | None = None
) -> ItemsResult:
    """Check a draft's item lines and fill the facts they stand for (in ``facts``, in place;
    ``given``: the facts the seller gave, the rest were computed)."""
    res = ItemsResult(totals=empty_totals())
    spec = ct.items
    if spec is None:
        return res
    derived = not draft.items
    lines = derived_lines(ct, spec, draft, facts) if derived else list(draft.items)
    for line in lines:
        checked, good = _check_line(line, spec, derived)
        res.lines.append(checked)
        if checked.status == "invalid":
            res.warnings.append(ws("item.line", item=summary(checked), reason=checked.reason))
        if not derived and checked.status != "invalid":
            for f, value in good.items():
                slot = slot_for(ct, f)
                if slot is not None and value not in res.evidence.setdefault(slot, []):
                    res.evidence[slot].append(value)
        if checked.status != "invalid":
            res.template_items.append({**dict.fromkeys(ITEM_FIELDS), **checked.values,
                                       "status": checked.status})  # fmt: skip
    _totals(ct, spec, lines, facts, res, derived, set(facts) if given is None else given)
    res.checklist = _checklist(spec, res)
    if ct.max_items and len(lines) > ct.max_items:
        res.warnings.append(said("ev.many_items", n=len(lines), max=ct.max_items))
    return res


def _label(ct: CaseType, key: str) -> Said:
    spec = ct.fact(key)
    return fact_name(spec.label.both(), key) if spec else Said(key)


def _totals(ct: CaseType, spec: ItemsSpec, lines: list[ItemLine], facts: dict[str, FactValue],
            res: ItemsResult, derived: bool, given: set[str]) -> None:  # fmt: skip
    quantities = [line.quantity for line in lines if line.quantity is not None]
    complete = bool(lines) and len(quantities) == len(lines)
    total = sum(quantities) if complete else None
    dates = [line.date for line in lines if line.date is not None]
    centres = {line.fulfillment_center for line in lines if line.fulfillment_center}
    common = next(iter(centres)) if len(centres) == 1 and len(lines) == len(
        [x for x in lines if x.fulfillment_center]
    ) else None  # fmt: skip
    res.totals = {"quantity": total, "lines": len(lines), "complete": complete,
                  "earliest_date": min(dates).isoformat() if dates else None,
                  "fulfillment_center": common}  # fmt: skip
    q_fact = spec.facts.get("quantity")
    if q_fact and total is not None:
        stated = facts.get(q_fact)
        if type(stated) is int and stated != total:
            how = ws("item.given_as" if q_fact in given else "item.works_out")
            res.warnings.append(
                ws("item.total", label=_label(ct, q_fact), how=how, stated=stated, total=total)
            )
        facts[q_fact] = total
    if derived and len(lines) > 1 and "quantity" in spec.fields:
        kind = next((f for f in ITEM_PRODUCT_FIELDS if lines[0].given().get(f)), "item")
        name = _name(kind) if kind in LABELS else Said(kind, "商品")
        res.warnings.append(ws("item.no_quantity", n=len(lines), kind=name))
    d_fact = spec.facts.get("date")
    if d_fact and dates:
        earliest = min(dates)
        given_date = facts.get(d_fact)
        if isinstance(given_date, date) and earliest < given_date:
            res.warnings.append(
                ws(
                    "item.date",
                    label=_label(ct, d_fact),
                    given=given_date.isoformat(),
                    earliest=earliest.isoformat(),
                )  # fmt: skip
            )
        if not isinstance(given_date, date) or earliest < given_date:
            facts[d_fact] = earliest
    fc_fact = spec.facts.get("fulfillment_center")
    if fc_fact and common and fc_fact not in facts:
        facts[fc_fact] = common


def _checklist(spec: ItemsSpec, res: ItemsResult) -> ChecklistItem:
    status: Literal["provided", "missing", "invalid", "unverified"] = "provided"
    reason = None
    bad = [ws("item.lines", item=summary(i), reason=i.reason)
           for i in res.lines if i.status == "invalid"]  # fmt: skip
    if not res.lines:
        status = "missing"
    elif len(res.lines) < spec.min:
        status, reason = "invalid", ws("item.at_least", n=spec.min, given=len(res.lines))
    elif bad:
        status, reason = "invalid", join("; ", bad, "；")
    elif any(i.status == "unverified" for i in res.lines):
        status = "unverified"
    return ChecklistItem(
        slot="items",
        label=spec.label.both(),
        required=spec.min > 0,
        status=status,
        values=[summary(i) for i in res.lines],
        reason=reason,
    )
