"""What a case type must satisfy beyond its pydantic model, shared by the catalog (built-in and
user files) and partial overrides: unique keys, known slot kinds, the main identifier and clock
facts that exist (a deadline rule's own fields, marketplace codes included, are checked by its
model, ``casewriter.deadline_rule``), thresholds naming facts of the right type, templates that
exist. Also reading a case-type TOML file and the one-line wording of its errors (``CatalogError``
naming the file and the field, with a did-you-mean).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from casewriter.documents import decode_text, parse_toml
from casewriter.engine.models import ATTACHMENT_KINDS, ITEM_FACT_TYPES, VALUE_KINDS, CaseType
from casewriter.errors import CatalogError
from casewriter.files import read_user_file
from casewriter.identifiers import KINDS

#: A case-type file is a few KB; a megabyte stops /dev/zero-like files in the user folder.
MAX_CASE_TYPE_FILE = 1024 * 1024

#: What an evidence slot may hold: an identifier kind, an attachment or a value.
SLOT_KINDS: tuple[str, ...] = (*KINDS, *ATTACHMENT_KINDS, *VALUE_KINDS)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def format_validation_error(where: str, exc: ValidationError, prefix: str = "") -> str:
    """``<where>: <prefix><field>: <message>``, the first error of a pydantic validation."""
    first = exc.errors()[0]
    loc = (prefix + ".".join(str(p) for p in first["loc"])).rstrip(".") or "(top level)"
    msg = first["msg"]
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {loc}: {msg}{more}"


def read_toml(path: Path, what: str) -> dict[str, Any]:
    """A case-type (or override) file as a dict: a regular file, size-capped, UTF-8, TOML."""
    where = str(path)
    raw = read_user_file(path, what, CatalogError, max_bytes=MAX_CASE_TYPE_FILE)
    return parse_toml(decode_text(raw, where, CatalogError), where, CatalogError)


def template_exists(name: str, roots: Iterable[Path]) -> bool:
    if name.startswith("builtin/"):
        return False
    return any((root / name).is_file() for root in roots)


def check_case_type(
    ct: CaseType, where: str, roots: list[Path], kinds: tuple[str, ...] = SLOT_KINDS
) -> None:
    """CatalogError naming ``where`` and the field for the first thing wrong with ``ct``."""

    def fail(field: str, msg: str) -> None:
        raise CatalogError(f"{where}: {field}: {msg}")

    slot_keys = [s.key for s in ct.evidence]
    fact_keys = [f.key for f in ct.facts]
    for label, keys in (("evidence", slot_keys), ("facts", fact_keys)):
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            fail(label, f"duplicate key {dupes[0]!r}")
    for i, slot in enumerate(ct.evidence):
        if slot.kind not in kinds:
            fail(
                f"evidence.{i}.kind", f"unknown kind {slot.kind!r}{did_you_mean(slot.kind, kinds)}"
            )
        if slot.max and slot.max < slot.min:
            fail(f"evidence.{i}.max", f"max {slot.max} is below min {slot.min}")
    if ct.main_identifier not in slot_keys:
        fail("main_identifier", f"{ct.main_identifier!r} is not an evidence slot key"
             f"{did_you_mean(ct.main_identifier, slot_keys)}")  # fmt: skip
    if ct.items_slot and ct.items_slot not in slot_keys:
        fail("items_slot", f"{ct.items_slot!r} is not an evidence slot key")
    for i, rule in enumerate(ct.deadlines):
        if rule.clock_fact not in fact_keys:
            fail(f"deadlines.{i}.clock_fact", f"{rule.clock_fact!r} is not a fact key"
                 f"{did_you_mean(rule.clock_fact, fact_keys)}")  # fmt: skip
    _check_required_when(ct, fail)
    _check_thresholds(ct, fail)
    _check_rules(ct, fail)
    if not template_exists(ct.template, roots):
        fail("template", f"{ct.template!r} not found in the templates folders")
    if ct.oer_template and not template_exists(ct.oer_template, roots):
        fail("oer_template", f"{ct.oer_template!r} not found in the templates folders")


def _check_required_when(ct: CaseType, fail: Callable[[str, str], None]) -> None:
    """A ``required_when`` names a choice or yes/no fact of the type, and values it can take."""
    facts = {f.key: f for f in ct.facts}
    specs = [(f"evidence.{i}", s.required_when) for i, s in enumerate(ct.evidence)]
    specs += [(f"facts.{i}", f.required_when) for i, f in enumerate(ct.facts)]
    for where, cond in specs:
        if cond is None:
            continue
        spec = facts.get(cond.fact)
        if spec is None:
            fail(f"{where}.required_when.fact", f"{cond.fact!r} is not a fact key"
                 f"{did_you_mean(cond.fact, facts)}")  # fmt: skip
        elif spec.type == "choice":
            for v in cond.values:
                if not isinstance(v, str) or v not in spec.choices:
                    fail(f"{where}.required_when.in", f"{v!r} is not a choice of {spec.key!r}"
                         f"{did_you_mean(str(v), spec.choices)}")  # fmt: skip
        elif spec.type == "bool":
            if any(not isinstance(v, bool) for v in cond.values):
                fail(
                    f"{where}.required_when.in", f"{spec.key!r} is a yes/no fact: use true or false"
                )
        else:
            fail(f"{where}.required_when.fact", f"{spec.key!r} is a {spec.type} fact; a condition "
                 "needs a choice or yes/no fact")  # fmt: skip


_THRESHOLD_FACT_TYPES = {
    "numerator": ("quantity",),
    "denominator": ("quantity",),
    "rate_fact": ("percent",),
    "target_fact": ("percent",),
    "window_fact": ("quantity",),
}


def _check_thresholds(ct: CaseType, fail: Callable[[str, str], None]) -> None:
    keys = [t.key for t in ct.thresholds]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        fail("thresholds", f"duplicate key {dupes[0]!r}")
    fact_keys = [f.key for f in ct.facts]
    for i, threshold in enumerate(ct.thresholds):
        for field, key in threshold.fact_keys.items():
            spec = ct.fact(key)
            if spec is None:
                fail(f"thresholds.{i}.{field}",
                     f"{key!r} is not a fact key{did_you_mean(key, fact_keys)}")  # fmt: skip
            elif spec.type not in _THRESHOLD_FACT_TYPES[field]:
                wanted = " or ".join(_THRESHOLD_FACT_TYPES[field])
                fail(f"thresholds.{i}.{field}",
                     f"fact {key!r} is a {spec.type}, expected a {wanted}")  # fmt: skip


def _check_rules(ct: CaseType, fail: Callable[[str, str], None]) -> None:
    """Item lines, readiness, duplicate and urgency rules name facts, slots and kinds that
    exist, of the right type."""
    slot_keys = [s.key for s in ct.evidence]
    fact_keys = [f.key for f in ct.facts]

    def fact_of(field: str, key: str, types: tuple[str, ...]) -> None:
        spec = ct.fact(key)
        if spec is None:
            fail(field, f"{key!r} is not a fact key{did_you_mean(key, fact_keys)}")
        elif spec.type not in types:
            fail(field, f"fact {key!r} is a {spec.type}, expected a {' or '.join(types)}")

    if ct.items is not None:
        for item_field, key in ct.items.facts.items():
            fact_of(f"items.facts.{item_field}", key, (ITEM_FACT_TYPES[item_field],))
    for i, count in enumerate(ct.counts):
        fact_of(f"counts.{i}.total", count.total, ("quantity",))
        for _sign, key in count.terms:
            fact_of(f"counts.{i}.equals", key, ("quantity",))
        if count.unless is not None:
            fact_of(f"counts.{i}.unless.fact", count.unless.fact, ("choice", "bool"))
    for i, group in enumerate(ct.ready_requires_one_of):
        for key in group:
            if key not in slot_keys and key not in fact_keys:
                fail(f"ready_requires_one_of.{i}",
                     f"{key!r} is neither an evidence slot nor a fact key"
                     f"{did_you_mean(key, [*slot_keys, *fact_keys])}")  # fmt: skip
    for i, group in enumerate(ct.duplicate_keys or []):
        for kind in group:
            if kind not in KINDS:
                fail(f"duplicate_keys.{i}",
                     f"{kind!r} is not an identifier kind{did_you_mean(kind, KINDS)}")  # fmt: skip
    for key in ct.urgency.units:
        fact_of("urgency.units", key, ("quantity",))
    for field in ("amount", "per_unit"):
        for key in getattr(ct.urgency, field):
            fact_of(f"urgency.{field}", key, ("money",))
    for i, when in enumerate(ct.urgency.when):
        fact_of(f"urgency.when.{i}.fact", when.fact, ("choice", "bool"))
        spec = ct.fact(when.fact)
        if spec is not None and spec.type == "choice" and when.value not in spec.choices:
            fail(f"urgency.when.{i}.value",
                 f"{when.value!r} is not one of {when.fact}'s choices ({', '.join(spec.choices)})")  # fmt: skip
        if spec is not None and spec.type == "bool" and not isinstance(when.value, bool):
            fail(f"urgency.when.{i}.value", f"{when.fact} is yes/no: give true or false")
