"""Partial overrides of built-in case types: ``<config>/templates/overrides/<id>.toml`` names
what it changes (``extends = "builtin"`` and only the changed keys) and keeps the built-in rest,
so fixes to the built-in case type still arrive. See README "Customising".

How an override's keys are merged onto the built-in case type:

- a value (``subject``, ``max_items``, ``problem``, ``template`` …) replaces the built-in one;
- a table (``title``, ``summary``, ``filed_at``, ``attachments``, ``vars``, a slot's ``label``
  or ``help``) is merged key by key: ``title = { zh = "…" }`` changes only the Chinese title;
- ``[[evidence]]``, ``[[facts]]`` and ``[[thresholds]]`` entries are merged on their ``key``:
  an existing key changes only the fields given, a new key adds a complete entry;
- ``[[deadlines]]`` rules (the catalog's own ``DeadlineRule``, with source and as-of date)
  replace the built-in rules for the marketplaces they name (``["*"]``: all of them);
- tips: ``[[tips.change]]`` rewords (``en``/``zh``) or drops (``drop = true``) the one built-in
  tip whose English or Chinese text starts with ``find``; ``[tips] add = { en = […], zh = […] }``
  appends; ``[tips] en = […]`` / ``zh = […]`` replaces a whole list.

Every key is checked (an unknown one is an error with the file, the field and a did-you-mean)
and the result is validated like a built-in case type.

Size: ~310 lines, 20 of them the merge rules above; every rule merges one file format onto one
dumped case type, though the tip rules (``TipChange``, ``TipsOverride``, ``_merge_tips``,
``_find_tip``) could move out.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from casewriter.engine.catalog_checks import (
    check_case_type,
    did_you_mean,
    format_validation_error,
    read_toml,
)
from casewriter.engine.models import (
    CaseType,
    DeadlineRule,
    EvidenceSlot,
    FactSpec,
    TextList,
    Threshold,
)
from casewriter.errors import CatalogError

#: The folder of partial overrides inside the user's templates folder.
OVERRIDES_FOLDER = "overrides"
#: What ``extends`` names: the built-in case type of the file's id.
EXTENDS = "builtin"

#: Lists of tables merged entry by entry on their ``key``.
KEYED_LISTS: dict[str, type[BaseModel]] = {
    "evidence": EvidenceSlot,
    "facts": FactSpec,
    "thresholds": Threshold,
}
#: CaseType fields an override may not set (the loader fills them in).
_INTERNAL = ("origin", "source_file")


class TipChange(BaseModel):
    """One built-in tip reworded or dropped, found by the start of its text."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    find: str = Field(min_length=1)
    en: str | None = None
    zh: str | None = None
    drop: bool = False


class TipsOverride(BaseModel):
    """An override's ``[tips]``: whole lists replaced, single tips changed, tips added."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    en: list[str] | None = None
    zh: list[str] | None = None
    change: list[TipChange] = Field(default_factory=list)
    add: TextList = TextList()


def override_path(user_templates: Path, case_type_id: str) -> Path:
    return user_templates / OVERRIDES_FOLDER / f"{case_type_id}.toml"


def override_files(user_templates: Path) -> list[Path]:
    folder = user_templates / OVERRIDES_FOLDER
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_override(path: Path, builtin: CaseType, roots: list[Path]) -> CaseType:
    """The built-in case type with the override file at ``path`` merged in; CatalogError
    naming the file and the field for anything wrong."""
    where = str(path)
    data = read_toml(path, "case-type override")
    if data.get("extends") != EXTENDS:
        got = f"is {data['extends']!r}" if "extends" in data else "is missing"
        raise CatalogError(
            f'{where}: extends: {got}; a partial override starts with extends = "{EXTENDS}" '
            f"(it changes the built-in case type {path.stem!r} and keeps the rest)"
        )
    if data.get("id", path.stem) != path.stem:
        raise CatalogError(
            f"{where}: id: {data.get('id')!r} must equal the file name {path.stem!r}"
        )
    changes = {k: v for k, v in data.items() if k not in ("extends", "id")}
    check_keys(changes, where)
    merged = merge(builtin.model_dump(), changes, where)
    if "subject" in changes:  # errors in the subject pattern name the file it came from
        merged["source_file"] = where
    try:
        ct = CaseType.model_validate(merged)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(where, exc)) from None
    check_case_type(ct, where, roots)
    return ct


# -- keys ------------------------------------------------------------------------------------
def check_keys(changes: Mapping[str, Any], where: str) -> None:
    """CatalogError for the first key the override may not use, with a did-you-mean."""
    _check_model_keys(changes, _TOP_LEVEL, CaseType, "", where)


_TOP_LEVEL = [k for k in CaseType.model_fields if k not in _INTERNAL]


def _check_model_keys(
    data: Mapping[str, Any], allowed: list[str], model: type[BaseModel], loc: str, where: str
) -> None:
    for key, value in data.items():
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            if not hint and loc and key in _TOP_LEVEL:  # TOML puts it in the table above it
                hint = f"; {key} is a top-level key: write it above the first [table] or [[table]] line"
            raise CatalogError(f"{where}: {loc}{key}: unknown field{hint}")
        if model is CaseType and key == "tips":
            sub: tuple[type[BaseModel], bool] | None = (TipsOverride, False)
        else:
            sub = _nested(model.model_fields[key].annotation)
        if sub is None:
            continue
        inner, is_list = sub
        fields = list(inner.model_fields)
        if not is_list and isinstance(value, Mapping):
            _check_model_keys(value, fields, inner, f"{loc}{key}.", where)
        elif is_list and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, Mapping):
                    _check_model_keys(item, fields, inner, f"{loc}{key}.{i}.", where)


def _nested(annotation: Any) -> tuple[type[BaseModel], bool] | None:
    """The model a field holds (``False``) or holds a list of (``True``), else None."""
    if get_origin(annotation) in (Union, UnionType):
        for arg in get_args(annotation):
            found = _nested(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if get_origin(annotation) is list:
        args = get_args(annotation)
        if args and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return args[0], True
    return None


# -- merging ---------------------------------------------------------------------------------
def merge(base: dict[str, Any], changes: Mapping[str, Any], where: str) -> dict[str, Any]:
    """``base`` (a dumped CaseType) with ``changes`` merged in (see the module docstring)."""
    out = dict(base)
    for key, value in changes.items():
        if key in KEYED_LISTS:
            out[key] = _merge_keyed(base[key], value, key, where)
        elif key == "deadlines":
            out[key] = [r.model_dump() for r in _merge_rules(base, value, where)]
        elif key == "tips":
            out[key] = _merge_tips(base[key], value, where)
        else:
            out[key] = deep_merge(base.get(key), value)
    return out


def deep_merge(base: Any, value: Any) -> Any:
    """Tables merged key by key (recursively); anything else replaced."""
    if isinstance(base, Mapping) and isinstance(value, Mapping):
        out = dict(base)
        for k, v in value.items():
            out[k] = deep_merge(base.get(k), v)
        return out
    return value


def _merge_keyed(base: list[dict[str, Any]], value: Any, name: str, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise CatalogError(f"{where}: {name}: expected a list of tables ([[{name}]])")
    out = [dict(item) for item in base]
    index = {item["key"]: i for i, item in enumerate(out)}
    for i, entry in enumerate(value):
        if not isinstance(entry, Mapping):
            raise CatalogError(f"{where}: {name}.{i}: expected a table ([[{name}]])")
        key = entry.get("key")
        if not isinstance(key, str) or not key:
            known = ", ".join(index) or "none"
            raise CatalogError(
                f"{where}: {name}.{i}.key: missing: name the entry to change ({name} keys: {known}) "
                "or give a new key to add one"
            )
        item = deep_merge(out[index[key]], entry) if key in index else dict(entry)
        try:  # a changed entry stays valid; a new one is complete on its own
            KEYED_LISTS[name].model_validate(item)
        except ValidationError as exc:
            if key in index:
                raise CatalogError(format_validation_error(where, exc, f"{name}.{i}.")) from None
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "(top level)"
            raise CatalogError(
                f"{where}: {name}.{i}.key: {key!r} is not one of the built-in {name} keys"
                f"{did_you_mean(key, index)}; a new entry is given whole ({field}: {first['msg']})"
            ) from None
        if key in index:
            out[index[key]] = item
        else:
            index[key] = len(out)
            out.append(item)
    return out


def _merge_rules(base: dict[str, Any], value: Any, where: str) -> list[DeadlineRule]:
    if not isinstance(value, list):
        raise CatalogError(f"{where}: deadlines: expected a list of tables ([[deadlines]])")
    rules: list[DeadlineRule] = []
    for i, entry in enumerate(value):
        try:
            rules.append(DeadlineRule.model_validate(entry))
        except ValidationError as exc:
            raise CatalogError(format_validation_error(where, exc, f"deadlines.{i}.")) from None
    facts = {f["key"]: f for f in base["facts"]}
    for i, rule in enumerate(rules):
        spec = facts.get(rule.clock_fact)
        if spec is None or spec["type"] != "date":
            what = "is not a fact" if spec is None else "is not a date fact"
            raise CatalogError(
                f"{where}: deadlines.{i}.clock_fact: {rule.clock_fact!r} {what} of {base['id']}"
                f"{did_you_mean(rule.clock_fact, [k for k, f in facts.items() if f['type'] == 'date'])}"
            )
    old = [DeadlineRule.model_validate(r) for r in base["deadlines"]]
    return replace_rules(old, rules)


def replace_rules(rules: list[DeadlineRule], new: list[DeadlineRule]) -> list[DeadlineRule]:
    """``rules`` without those for the marketplaces ``new`` covers (``*``: all), then ``new``."""
    covered = {code for r in new for code in r.marketplaces}
    kept: list[DeadlineRule] = []
    if "*" not in covered:
        for rule in rules:
            rest = [m for m in rule.marketplaces if m not in covered]
            if rest:
                kept.append(rule.model_copy(update={"marketplaces": rest}))
    return [*kept, *new]


def _merge_tips(base: dict[str, list[str]], value: Any, where: str) -> dict[str, list[str]]:
    try:
        tips = TipsOverride.model_validate(value)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(where, exc, "tips.")) from None
    en = list(tips.en if tips.en is not None else base["en"])
    zh = list(tips.zh if tips.zh is not None else base["zh"])
    for i, change in enumerate(tips.change):
        at = f"{where}: tips.change.{i}"
        if change.drop and (change.en is not None or change.zh is not None):
            raise CatalogError(f"{at}.drop: drop removes the tip; leave out en and zh")
        if not change.drop and change.en is None and change.zh is None:
            raise CatalogError(f"{at}: give en and/or zh (the new wording), or drop = true")
        n = _find_tip(en, zh, change.find, at)
        if change.drop:
            del en[n : n + 1]
            del zh[n : n + 1]
            continue
        for tips_list, text in ((en, change.en), (zh, change.zh)):
            if text is not None:
                if n < len(tips_list):
                    tips_list[n] = text
                else:
                    tips_list.append(text)
    return {"en": en + tips.add.en, "zh": zh + tips.add.zh}


def _find_tip(en: list[str], zh: list[str], find: str, at: str) -> int:
    """The index of the one tip (English, else Chinese) starting with ``find``."""
    wanted = find.strip().casefold()
    for tips in (en, zh):
        hits = [i for i, tip in enumerate(tips) if tip.strip().casefold().startswith(wanted)]
        if len(hits) > 1:
            raise CatalogError(
                f"{at}.find: {find!r} starts {len(hits)} tips; give more of the text"
            )
        if hits:
            return hits[0]
    starts = "; ".join(repr(_start(t)) for t in en) or "there are none"
    raise CatalogError(f"{at}.find: no tip starts with {find!r} (the tips now start: {starts})")


def _start(text: str, words: int = 5) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
