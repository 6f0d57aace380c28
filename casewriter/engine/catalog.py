"""The case-type catalog: built-in ``templates/case_types/*.toml`` merged with the user's
``<config>/templates/case_types/*.toml`` (the user's file wins by id and may add new ids), the
user's partial overrides (``<config>/templates/overrides/<id>.toml``: only the changed keys of a
built-in case type, see ``overrides.py``) merged in, validated with pydantic, then the
deadline-rule overrides of the user's ``config.toml`` applied. Every error names the file and
the field (``CatalogError``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from casewriter.config import DeadlineOverride, Settings
from casewriter.engine.catalog_checks import (
    MAX_CASE_TYPE_FILE,
    SLOT_KINDS,
    check_case_type,
    did_you_mean,
    format_validation_error,
    read_toml,
    template_exists,
)
from casewriter.engine.deadlines import rules_for
from casewriter.engine.models import GROUPS, CaseType, DeadlineRule
from casewriter.engine.overrides import load_override, override_files, replace_rules
from casewriter.errors import CatalogError, NotFoundError
from casewriter.paths import AppPaths

__all__ = [
    "MAX_CASE_TYPE_FILE",
    "SLOT_KINDS",
    "Catalog",
    "apply_overrides",
    "did_you_mean",
    "format_validation_error",
    "load_case_type",
    "template_exists",
]


def load_case_type(
    path: Path, origin: str, roots: list[Path], kinds: tuple[str, ...] = SLOT_KINDS
) -> CaseType:
    """Read and validate one case-type file; CatalogError naming the file and field."""
    where = str(path)
    data = read_toml(path, "case-type file")
    if data.get("id", path.stem) != path.stem:
        raise CatalogError(
            f"{where}: id: {data.get('id')!r} must equal the file name {path.stem!r}"
        )
    data = {"id": path.stem, **data, "origin": origin, "source_file": where}
    try:
        ct = CaseType.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(format_validation_error(where, exc)) from None
    check_case_type(ct, where, roots, kinds)
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
        self.overrides: dict[str, Path] = {}
        """Case type id → the partial override file merged into it."""

    @classmethod
    def load(
        cls, paths: AppPaths, *, strict: bool = True, settings: Settings | None = None
    ) -> Catalog:
        """Built-in then user case types (user wins by id), the user's partial overrides, then
        ``settings.deadline_overrides``. ``strict=False`` skips a broken file or override and
        records why in ``problems`` (``templates check``); otherwise CatalogError."""
        roots = [paths.user_templates, paths.builtin_templates]
        found: dict[str, CaseType] = {}
        problems: list[str] = []

        def keep_going(exc: CatalogError) -> None:
            if strict:
                raise exc
            problems.append(exc.message)

        for origin, root in (("builtin", paths.builtin_templates), ("user", paths.user_templates)):
            folder = root / "case_types"
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.toml")):
                try:
                    found[path.stem] = load_case_type(path, origin, roots)
                except CatalogError as exc:
                    keep_going(exc)
        found = {k: _own_template(ct, paths.user_templates) for k, ct in found.items()}
        overridden: dict[str, Path] = {}
        for path in override_files(paths.user_templates):
            try:
                found[path.stem] = load_override(path, _builtin_of(path, found), roots)
                overridden[path.stem] = path
            except CatalogError as exc:
                keep_going(exc)
        if settings is not None and settings.deadline_overrides:
            found, bad = apply_overrides(
                found, settings.deadline_overrides, str(paths.config_file), strict=strict
            )
            problems += bad
        catalog = cls(found.values(), roots)
        catalog.problems = problems
        catalog.overrides = overridden
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
        out[type_id] = ct.model_copy(update={"deadlines": replace_rules(ct.deadlines, rules)})
    return out, problems


def _builtin_of(path: Path, found: dict[str, CaseType]) -> CaseType:
    """The built-in case type an override file extends; CatalogError when there is none (or
    the user's own full copy of it would make the override ambiguous)."""
    ct = found.get(path.stem)
    if ct is None:
        builtin = [k for k, c in found.items() if c.origin == "builtin"]
        raise CatalogError(
            f"{path}: there is no built-in case type {path.stem!r} to override"
            f"{did_you_mean(path.stem, builtin)}; name the file <id>.toml after one "
            "('casewriter types' lists them)"
        )
    if ct.origin != "builtin":
        raise CatalogError(
            f"{path}: {ct.source_file} is your full copy of {path.stem!r}, so this override "
            "has nothing built-in to change; keep one of the two files (the override keeps "
            "receiving fixes to the built-in case type)"
        )
    return ct


def _own_template(ct: CaseType, user_templates: Path) -> CaseType:
    """A built-in case type uses the user's ``case_types/<id>.md.j2`` when there is one, also
    where the built-in names a template it shares with another type (as the two warehouse
    types do); a partial override may still name another."""
    own = f"case_types/{ct.id}.md.j2"
    if ct.origin != "builtin" or ct.template == own or not (user_templates / own).is_file():
        return ct
    return ct.model_copy(update={"template": own})


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
