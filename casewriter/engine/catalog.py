"""The case-type catalog: built-in ``templates/case_types/*.toml`` merged with the user's
``<config>/templates/case_types/*.toml`` (the user's file wins by id and may add new ids),
validated with pydantic, then the deadline-rule overrides of the user's ``config.toml`` applied.
Every error names the file and the field (``CatalogError``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import ValidationError

from casewriter.config import DeadlineOverride, Settings
from casewriter.documents import decode_text, parse_toml
from casewriter.engine.deadlines import rules_for
from casewriter.engine.models import ATTACHMENT_KINDS, GROUPS, VALUE_KINDS, CaseType, DeadlineRule
from casewriter.errors import CatalogError, NotFoundError
from casewriter.files import read_user_file
from casewriter.identifiers import KINDS
from casewriter.marketplaces import MARKETPLACES
from casewriter.paths import AppPaths

#: A case-type file is a few KB; a megabyte stops /dev/zero-like files in the user folder.
MAX_CASE_TYPE_FILE = 1024 * 1024

#: What an evidence slot may hold: an identifier kind, an attachment or a value.
SLOT_KINDS: tuple[str, ...] = (*KINDS, *ATTACHMENT_KINDS, *VALUE_KINDS)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def format_validation_error(where: str, exc: ValidationError) -> str:
    first = exc.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "(top level)"
    msg = first["msg"]
    if first["type"] == "extra_forbidden":
        msg = "unknown field"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{where}: {loc}: {msg}{more}"


def template_exists(name: str, roots: Iterable[Path]) -> bool:
    if name.startswith("builtin/"):
        return False
    return any((root / name).is_file() for root in roots)


def _check(ct: CaseType, where: str, roots: list[Path], kinds: tuple[str, ...]) -> None:
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
        for code in rule.marketplaces:
            if code != "*" and code not in MARKETPLACES:
                fail(f"deadlines.{i}.marketplaces", f"unknown marketplace {code!r}")
    _check_thresholds(ct, fail)
    if not template_exists(ct.template, roots):
        fail("template", f"{ct.template!r} not found in the templates folders")
    if ct.oer_template and not template_exists(ct.oer_template, roots):
        fail("oer_template", f"{ct.oer_template!r} not found in the templates folders")


_THRESHOLD_FACT_TYPES = {
    "numerator": ("quantity",),
    "denominator": ("quantity",),
    "rate_fact": ("percent",),
    "target_fact": ("percent",),
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


def load_case_type(path: Path, origin: str, roots: list[Path], kinds: tuple[str, ...]) -> CaseType:
    """Read and validate one case-type file; CatalogError naming the file and field."""
    where = str(path)
    raw = read_user_file(path, "case-type file", CatalogError, max_bytes=MAX_CASE_TYPE_FILE)
    data = parse_toml(decode_text(raw, where, CatalogError), where, CatalogError)
    if data.get("id", path.stem) != path.stem:
        raise CatalogError(
            f"{where}: id: {data.get('id')!r} must equal the file name {path.stem!r}"
        )
    data = {"id": path.stem, **data, "origin": origin, "source_file": where}
    try:
        ct = CaseType.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(where, exc)) from None
    _check(ct, where, roots, kinds)
    return ct


class Catalog:
    """All case types by id, built-in and user (the user's file wins)."""

    def __init__(self, case_types: Iterable[CaseType], roots: list[Path] | None = None) -> None:
        order = {g: i for i, g in enumerate(GROUPS)}
        items = sorted(case_types, key=lambda c: (order.get(c.group, 99), c.id))
        self._types: dict[str, CaseType] = {c.id: c for c in items}
        self.roots: list[Path] = roots or []
        self.problems: list[str] = []
        """Files skipped by a non-strict load, one message each."""

    @classmethod
    def load(
        cls, paths: AppPaths, *, strict: bool = True, settings: Settings | None = None
    ) -> Catalog:
        """Built-in then user case types (user wins by id), with ``settings.deadline_overrides``
        applied. ``strict=False`` skips a broken file or override and records why in
        ``problems`` (``templates check``); otherwise CatalogError."""
        roots = [paths.user_templates, paths.builtin_templates]
        kinds = SLOT_KINDS
        found: dict[str, CaseType] = {}
        problems: list[str] = []
        for origin, root in (("builtin", paths.builtin_templates), ("user", paths.user_templates)):
            folder = root / "case_types"
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                try:
                    found[path.stem] = load_case_type(path, origin, roots, kinds)
                except CatalogError as exc:
                    if strict:
                        raise
                    problems.append(exc.message)
        if settings is not None and settings.deadline_overrides:
            found, bad = apply_overrides(
                found, settings.deadline_overrides, str(paths.config_file), strict=strict
            )
            problems += bad
        catalog = cls(found.values(), roots)
        catalog.problems = problems
        return catalog

    def get(self, case_type_id: str) -> CaseType:
        try:
            return self._types[case_type_id]
        except KeyError:
            hint = did_you_mean(case_type_id, self._types)
            raise NotFoundError(
                f"unknown case type {case_type_id!r}{hint}; 'casewriter types' lists them"
            ) from None

    def __contains__(self, case_type_id: object) -> bool:
        return case_type_id in self._types

    def __len__(self) -> int:
        return len(self._types)

    def all(self) -> list[CaseType]:
        return list(self._types.values())

    def ids(self) -> list[str]:
        return list(self._types)

    def groups(self) -> dict[str, list[CaseType]]:
        out: dict[str, list[CaseType]] = {}
        for ct in self._types.values():
            out.setdefault(ct.group, []).append(ct)
        return out

    def deadline_rules(self, case_type_id: str, marketplace: str) -> list[DeadlineRule]:
        """The rules for this marketplace; else the ``*`` rules; else none."""
        return rules_for(self.get(case_type_id), marketplace)


def apply_overrides(
    case_types: dict[str, CaseType],
    overrides: Iterable[DeadlineOverride],
    where: str = "config.toml",
    *,
    strict: bool = True,
) -> tuple[dict[str, CaseType], list[str]]:
    """Case types with the user's deadline overrides in place of their own rules for the
    overridden marketplaces (``*``: all), and the problems found. A bad override raises
    CatalogError naming ``where`` and ``deadline_overrides[i].<field>``; with ``strict=False``
    it is skipped and its message returned among the problems."""
    by_type: dict[str, list[DeadlineRule]] = {}
    problems: list[str] = []
    for i, override in enumerate(overrides):
        try:
            rule = _override_rule(override, case_types, f"{where}: deadline_overrides[{i}]")
        except CatalogError as exc:
            if strict:
                raise
            problems.append(exc.message)
            continue
        by_type.setdefault(override.case_type, []).append(rule)
    out = dict(case_types)
    for type_id, rules in by_type.items():
        ct = out[type_id]
        covered = {code for r in rules for code in r.marketplaces}
        kept: list[DeadlineRule] = []
        if "*" not in covered:
            for rule in ct.deadlines:
                rest = [m for m in rule.marketplaces if m not in covered]
                if rest:
                    kept.append(rule.model_copy(update={"marketplaces": rest}))
        out[type_id] = ct.model_copy(update={"deadlines": [*kept, *rules]})
    return out, problems


def _override_rule(o: DeadlineOverride, case_types: dict[str, CaseType], at: str) -> DeadlineRule:
    ct = case_types.get(o.case_type)
    if ct is None:
        raise CatalogError(
            f"{at}.case_type: unknown case type {o.case_type!r}{did_you_mean(o.case_type, case_types)}"
        )
    fact_keys = [f.key for f in ct.facts]
    spec = ct.fact(o.clock_fact)
    if spec is None or spec.type != "date":
        what = "is not a fact" if spec is None else "is not a date fact"
        raise CatalogError(
            f"{at}.clock_fact: {o.clock_fact!r} {what} of {o.case_type}"
            f"{did_you_mean(o.clock_fact, fact_keys)}"
        )
    try:
        return DeadlineRule.model_validate(o.rule_data())
    except ValidationError as exc:
        raise CatalogError(format_validation_error(at, exc)) from None
