"""The declarative schema of ``config.toml``: what each setting accepts, said once.

A setting is a field of a frozen dataclass. Its type annotation gives the shape (text, a whole
number, a date, a table, a list of tables) and ``setting()`` the rest, as field metadata: a
range (from ``casewriter.bounds``), choices, a pattern, whether it is required, and a help line.
``read_table`` checks a parsed TOML table against such a dataclass from that alone and builds it;
``accepted`` words what a field takes. Fields marked ``rule=True`` are a deadline rule's and are
checked together by the catalog's own model (``casewriter.deadline_rule``, which brings pydantic
and is imported only when such a table exists).

Every problem is one ``UsageError`` line naming the file, the key path
(``deadline_overrides[0].max_days``; an unknown key with "did you mean") and what is accepted.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from casewriter.errors import UsageError, did_you_mean

T = TypeVar("T")

#: The metadata key a ``Spec`` is stored under.
SPEC = "casewriter.setting"


@dataclass(frozen=True)
class Spec:
    """What one setting accepts and means."""

    doc: str
    """One line of help (written above the key in a new ``config.toml``)."""
    between: tuple[int, int] | None = None
    unit: str = ""
    """What a number counts (``hours``, ``characters``), for the error and the help."""
    choices: tuple[str, ...] = ()
    choices_are: str = ""
    """What the choices are, when listing them all is too long (``a marketplace code``)."""
    upper: bool = False
    """Text is stripped and upper-cased before it is checked (marketplace codes)."""
    not_empty: bool = False
    default_from: Callable[[], Any] | None = None
    """Where the default comes from when the key is absent (``lang``: the environment)."""
    rule: bool = False
    """Checked by the deadline-rule model, with the table's other rule fields."""
    key: str = ""
    """For a list of tables: the field that names an item (``profiles``: ``id``). Saving
    updates the user's table of that name in place, keeping its comments."""


def setting(
    default: Any = dataclasses.MISSING,
    *,
    doc: str,
    factory: Callable[[], Any] | None = None,
    **spec: Any,
) -> Any:
    """A dataclass field that is a setting: its default (or ``factory``) and its ``Spec``."""
    meta = {SPEC: Spec(doc=doc, **spec)}
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def spec_of(f: dataclasses.Field[Any]) -> Spec:
    spec = f.metadata.get(SPEC)
    if not isinstance(spec, Spec):
        raise TypeError(f"{f.name} is not declared with setting()")
    return spec


_HINTS: dict[type, dict[str, Any]] = {}


def hints(cls: type) -> dict[str, Any]:
    """The resolved annotations of a settings dataclass (computed once per class)."""
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def shape(tp: Any) -> tuple[str, Any, bool]:
    """``(kind, inner type, optional)``: kind is ``table`` (a dataclass), ``tables`` (a tuple of
    dataclasses), ``list`` (a tuple of scalars) or ``scalar``."""
    optional = False
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        optional, tp = True, args[0]
    if typing.get_origin(tp) is tuple:
        item = typing.get_args(tp)[0]
        return ("tables" if dataclasses.is_dataclass(item) else "list"), item, optional
    if dataclasses.is_dataclass(tp):
        return "table", tp, optional
    return "scalar", tp, optional


_SCALAR_WORDS = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true or false",
    date: "a date YYYY-MM-DD",
}


def accepted(name: str, tp: Any, spec: Spec) -> str:
    """What the setting ``name`` of type ``tp`` accepts, in words."""
    kind, inner, _ = shape(tp)
    if kind == "table":
        return f"a [{name}] table"
    if kind == "tables":
        return f"a list of [[{name}]] tables"
    if kind == "list":
        return f"a list of {_SCALAR_WORDS.get(inner, 'values')}"
    if spec.choices:
        listed = ", ".join(spec.choices)
        return f"{spec.choices_are} ({listed})" if spec.choices_are else f"one of {listed}"
    words = _SCALAR_WORDS.get(inner, "a value")
    if spec.between is not None:
        low, high = spec.between
        unit = f" of {spec.unit}" if spec.unit else ""
        return f"{words}{unit} from {low:,} to {high:,}"
    return f"{words}, not empty" if spec.not_empty else words


class _Where:
    """A key path inside one file, for error lines."""

    def __init__(self, file: str, path: str = "") -> None:
        self.file, self.path = file, path

    def key(self, name: str) -> _Where:
        return _Where(self.file, f"{self.path}.{name}" if self.path else name)

    def item(self, index: int) -> _Where:
        return _Where(self.file, f"{self.path}[{index}]")

    def fail(self, problem: str) -> UsageError:
        return UsageError(
            f"{self.file}: {self.path}: {problem}" if self.path else f"{self.file}: {problem}"
        )


def shown(value: Any) -> str:
    """``repr(value)`` cut to a length an error line can quote."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def read_table(cls: type[T], data: Any, file: str, path: str = "") -> T:
    """``data`` (a parsed TOML table) checked against the settings dataclass ``cls`` and built
    into it; UsageError naming ``file`` and the key path on the first problem."""
    return _table(cls, data, _Where(file, path))


def _table(cls: type[T], data: Any, where: _Where, what: str = "a table") -> T:
    if not isinstance(data, dict):
        raise where.fail(f"expected {what}, got {shown(data)}")
    declared = dataclasses.fields(cls)  # type: ignore[arg-type]
    names = [f.name for f in declared]
    for key in data:
        if key not in names:
            noun = "field" if where.path else "setting"
            raise where.fail(
                f"unknown {noun} {shown(key)}{did_you_mean(str(key), names)} "
                f"(known: {', '.join(names)})"
            )
    values: dict[str, Any] = {}
    rule_fields = [f.name for f in declared if spec_of(f).rule]
    for f in declared:
        spec, here = spec_of(f), where.key(f.name)
        if spec.rule:
            continue
        if f.name in data:
            values[f.name] = _value(f.name, hints(cls)[f.name], spec, data[f.name], here)
        elif spec.default_from is not None:
            values[f.name] = spec.default_from()
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            what = accepted(f.name, hints(cls)[f.name], spec)
            raise here.fail(f"missing (required: {spec.doc}; {what})")
    if rule_fields:
        values.update(_rule(cls, data, rule_fields, where))
    return cls(**values)


def _value(name: str, tp: Any, spec: Spec, raw: Any, where: _Where) -> Any:
    kind, inner, optional = shape(tp)
    if optional and raw == "":
        return None
    if kind == "table":
        return _table(inner, raw, where, accepted(name, tp, spec))
    if kind in ("tables", "list"):
        if not isinstance(raw, list):
            raise where.fail(f"expected {accepted(name, tp, spec)}, got {shown(raw)}")
        if kind == "tables":
            what = f"a [[{name}]] table"
            return tuple(_table(inner, x, where.item(i), what) for i, x in enumerate(raw))
        item_spec = dataclasses.replace(spec, between=None)
        return tuple(_scalar(name, inner, item_spec, x, where.item(i)) for i, x in enumerate(raw))
    return _scalar(name, tp, spec, raw, where)


def _scalar(name: str, tp: Any, spec: Spec, raw: Any, where: _Where) -> Any:
    _, inner, _ = shape(tp)
    value = raw
    if inner is date and isinstance(raw, str):
        try:
            value = date.fromisoformat(raw.strip())
        except ValueError:
            pass
    if inner is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)  # a TOML integer where a number is asked (value = 10)
    ok = isinstance(value, inner) and not (inner in (int, float) and isinstance(value, bool))
    if inner is date and isinstance(value, datetime):
        ok = False
    if ok and isinstance(value, str) and spec.upper:
        value = value.strip().upper()
    if ok and spec.choices and value not in spec.choices:
        raise where.fail(
            f"expected {accepted(name, tp, spec)}, got {shown(raw)}"
            f"{did_you_mean(value, spec.choices)}"
        )
    if ok and spec.between is not None:
        ok = spec.between[0] <= value <= spec.between[1]
    if ok and spec.not_empty:
        ok = bool(value.strip())
    if not ok:
        raise where.fail(f"expected {accepted(name, tp, spec)}, got {shown(raw)}")
    return value


def reads_as(cls: type, name: str, raw: Any) -> tuple[bool, Any]:
    """Whether ``raw`` (a TOML value) is a valid value of the setting ``name`` of ``cls``, and
    the value it reads as: a file's ``"uk"`` reads as ``"UK"``, so it need not be rewritten."""
    declared = {f.name: f for f in dataclasses.fields(cls)}
    try:
        return True, _value(name, hints(cls)[name], spec_of(declared[name]), raw, _Where(""))
    except UsageError:
        return False, None


def _rule(cls: type, data: Mapping[str, Any], names: list[str], where: _Where) -> dict[str, Any]:
    """The deadline-rule fields of ``data``, checked by the catalog's deadline model."""
    from pydantic import ValidationError

    from casewriter.deadline_rule import DeadlineRule, explain

    given = {name: data[name] for name in names if name in data}
    try:
        rule = DeadlineRule.model_validate(given)
    except ValidationError as exc:
        meaning = {f.name: spec_of(f).doc for f in dataclasses.fields(cls)}
        raise UsageError(f"{where.file}: {explain(exc, where.path, meaning)}") from None
    out = {name: getattr(rule, name) for name in names}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in out.items()}
