"""The review's targets as data: ``targets.toml`` beside this module (checked on load), with the
user's ``[[health_targets]]`` from ``config.toml`` applied on top.

``Targets.for_marketplace(mp)`` gives each key's ``Target`` for one marketplace (an entry naming
the marketplace beats the ``"*"`` one; a user's override beats both and is marked
``overridden``); ``spec(key)`` the metric's label, plan-of-action wording and bands;
``warning_margin`` and ``due`` the warning rule and the reminder periods, each with its source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from casewriter.errors import UsageError
from casewriter.health.model import Comparison, Target, Text, Unit

TARGETS_FILE = Path(__file__).with_name("targets.toml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Band(_Strict):
    start: Decimal = Field(alias="from")
    en: str
    zh: str


class TargetSpec(_Strict):
    """One ``[[targets]]`` entry of ``targets.toml``."""

    key: str
    marketplaces: tuple[str, ...] = ("*",)
    label: Text
    unit: Unit
    comparison: Comparison
    value: Decimal
    best: Decimal | None = None
    window: Text | None = None
    scope: str = ""
    source: str = Field(min_length=1)
    as_of: date
    belief: bool = False
    rule_of_thumb: bool = False
    advisory: bool = False
    note: str = ""
    bands: tuple[Band, ...] = ()
    poa_metric: str = ""
    """The ``metric`` choice of a performance-metric plan of action (empty: no such case)."""
    period_days: int | None = None
    rate_fact: str = ""
    """The plan of action's fact that takes the rate as shown (``odr_percent``)."""

    def target(self, *, value: Decimal | None = None, comparison: Comparison | None = None,
               source: str | None = None, as_of: date | None = None) -> Target:  # fmt: skip
        overridden = value is not None
        return Target(
            key=self.key,
            comparison=comparison or self.comparison,
            value=self.value if value is None else value,
            unit=self.unit,
            window=self.window,
            source=source or self.source,
            as_of=as_of or self.as_of,
            belief=self.belief and not overridden,
            rule_of_thumb=self.rule_of_thumb and not overridden,
            advisory=self.advisory,
            best=self.best,
            note="" if overridden else self.note,
            overridden=overridden,
        )


class Sourced(_Strict):
    source: str = Field(min_length=1)
    as_of: date


class WarningRule(Sourced):
    margin_used: Decimal = Field(gt=0, le=1)


class Due(Sourced):
    account_days: int = Field(ge=1, le=366)
    inventory_days: int = Field(ge=1, le=366)


class TargetsFile(_Strict):
    warning: WarningRule
    due: Due
    targets: tuple[TargetSpec, ...]

    @model_validator(mode="after")
    def _unique(self) -> TargetsFile:
        seen: set[tuple[str, str]] = set()
        for spec in self.targets:
            for mp in spec.marketplaces:
                if (spec.key, mp) in seen:
                    raise ValueError(f"target {spec.key!r} given twice for {mp!r}")
                seen.add((spec.key, mp))
        return self


class Override(_Strict):
    """One ``[[health_targets]]`` table of ``config.toml``."""

    key: str
    value: Decimal
    marketplaces: tuple[str, ...] = ("*",)
    comparison: Comparison | None = None
    source: str = Field(min_length=1)
    as_of: date


def _toml(path: Path) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def builtin() -> TargetsFile:
    """The built-in ``targets.toml`` (a broken file is a bug: it raises)."""
    return TargetsFile.model_validate(_toml(TARGETS_FILE))


def check_overrides(raw: Sequence[Mapping[str, Any]], where: str = "config.toml") -> tuple[Override, ...]:  # fmt: skip
    """The user's ``[[health_targets]]`` tables, checked: an unknown key or a missing source
    is one ``UsageError`` naming ``where``, the table's index and the field."""
    keys = {t.key for t in builtin().targets}
    out: list[Override] = []
    for i, item in enumerate(raw):
        here = f"{where}: health_targets[{i}]"
        try:
            got = Override.model_validate(dict(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "?"
            raise UsageError(f"{here}.{field}: {err['msg']}") from None
        except TypeError:
            raise UsageError(f"{here}: expected a table") from None
        from casewriter.marketplaces import MARKETPLACES

        unknown = [m for m in got.marketplaces if m != "*" and m not in MARKETPLACES]
        if unknown:
            raise UsageError(f"{here}.marketplaces: {unknown[0]!r} is not a marketplace code")
        if got.key not in keys:
            raise UsageError(f"{here}.key: unknown target {got.key!r} (known: "
                             f"{', '.join(sorted(keys))})")  # fmt: skip
        out.append(got)
    return tuple(out)


class Targets:
    """The targets in force: built-in data with the user's overrides."""

    def __init__(self, overrides: Sequence[Override] = ()) -> None:
        data = builtin()
        self.warning_margin = data.warning.margin_used
        self.warning_source = data.warning.source
        self.due = data.due
        self._specs = data.targets
        self._overrides = tuple(overrides)

    def spec(self, key: str, marketplace: str = "*") -> TargetSpec | None:
        """The entry for ``key`` in ``marketplace`` (its own, else ``"*"``)."""
        mp = marketplace.upper()
        own = [s for s in self._specs if s.key == key and mp in s.marketplaces]
        any_mp = [s for s in self._specs if s.key == key and "*" in s.marketplaces]
        found = own or any_mp
        return found[0] if found else None

    def target(self, key: str, marketplace: str) -> Target | None:
        spec = self.spec(key, marketplace)
        if spec is None:
            return None
        mp = marketplace.upper()
        mine = [o for o in self._overrides if o.key == key and mp in o.marketplaces]
        mine = mine or [o for o in self._overrides if o.key == key and "*" in o.marketplaces]
        if not mine:
            return spec.target()
        o = mine[-1]
        return spec.target(value=o.value, comparison=o.comparison, source=o.source, as_of=o.as_of)

    def band(self, key: str, marketplace: str, value: Decimal) -> Text | None:
        """The band a value below the target falls in (AHR: at risk, critical)."""
        spec = self.spec(key, marketplace)
        target = self.target(key, marketplace)
        if spec is None or target is None or target.met(value):
            return None
        for band in sorted(spec.bands, key=lambda b: b.start, reverse=True):
            if value >= band.start:
                return Text(en=band.en, zh=band.zh)
        return None


def targets_for(settings: Any) -> Targets:
    """The targets in force for ``settings``: its ``health_targets`` (``config.HealthTarget``,
    shapes checked when config.toml was read; the keys checked here against the built-in
    targets: an unknown one is one ``UsageError`` naming config.toml and the field)."""
    raw = []
    for t in getattr(settings, "health_targets", ()) or ():
        item = dict(t) if isinstance(t, Mapping) else {
            "key": t.key, "value": str(t.value), "source": t.source, "as_of": t.as_of,
            "marketplaces": tuple(m.strip().upper() for m in t.marketplaces),
            "comparison": t.comparison or None,
        }  # fmt: skip
        raw.append(item)
    return Targets(check_overrides(raw))
