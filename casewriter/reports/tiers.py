"""FBA product size tiers, held as data (``data/size_tiers.toml``), and a unit's tier.

Owns the tier tables' model (checked on load: limits, order, aliases, one catch-all last
tier), ``tier_table(marketplace, day)`` (the table in force for a marketplace on a day),
``TierTable.classify(sides, weight)`` (the first tier whose every limit a unit meets, with its
shipping weight) and ``TierTable.read(text)`` (the tier, or coarse group, a report prints:
``Large standard-size``, ``Standard-Size``, ``Standard Parcel 1 kg``). Lengths and weights
are converted from whatever unit the report or the seller used; nothing here guesses a unit.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casewriter.errors import CasewriterError
from casewriter.messages import Said

M = TypeVar("M", bound=BaseModel)

TIERS_DATA = Path(__file__).with_name("data") / "size_tiers.toml"

_TO_INCH = {"in": Decimal(1), "cm": Decimal("1") / Decimal("2.54"),
            "mm": Decimal("1") / Decimal("25.4"), "m": Decimal("100") / Decimal("2.54")}  # fmt: skip
_TO_LB = {"lb": Decimal(1), "oz": Decimal(1) / Decimal(16), "kg": Decimal("2.20462262185"),
          "g": Decimal("0.00220462262185")}  # fmt: skip
_WORD = re.compile(r"[^0-9a-z\u3040-\u30ff\u4e00-\u9fff+]+")


def length_in(value: Decimal, unit: str, target: str) -> Decimal | None:
    """``value`` (in ``unit``) in ``target`` length units; None for an unknown unit."""
    if unit not in _TO_INCH or target not in _TO_INCH:
        return None
    return value * _TO_INCH[unit] / _TO_INCH[target]


def weight_in(value: Decimal, unit: str, target: str) -> Decimal | None:
    if unit not in _TO_LB or target not in _TO_LB:
        return None
    return value * _TO_LB[unit] / _TO_LB[target]


def canon_tier(text: str) -> str:
    """A tier name as compared: lower case, letters, digits and ``+`` only."""
    return _WORD.sub("", text.lower())


class Tier(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    name_zh: str = ""  # the name in the Chinese interface (reports and case text keep ``name``)
    group: Literal["standard", "oversize"]
    aliases: list[str] = Field(default_factory=list)
    max_sides: list[Decimal] | None = None
    max_length_girth: Decimal | None = None
    max_side_sum: Decimal | None = None
    max_unit_weight: Decimal | None = None
    max_dim_weight: Decimal | None = None
    max_ship_weight: Decimal | None = None
    ship_weight: Literal["unit", "greater"]
    dim_min_side: Decimal = Decimal(0)

    @model_validator(mode="after")
    def _check(self) -> Tier:
        if self.max_sides is not None and len(self.max_sides) != 3:
            raise ValueError(f"tier {self.id}: max_sides needs [longest, median, shortest]")
        return self

    @property
    def said(self) -> Said:
        """The tier's name in both languages (notes; JSON and case text keep ``name``)."""
        return Said(self.name, self.name_zh or self.name)

    @property
    def limited(self) -> bool:
        return any(v is not None for v in (self.max_sides, self.max_length_girth,
                                           self.max_side_sum, self.max_unit_weight,
                                           self.max_dim_weight, self.max_ship_weight))  # fmt: skip


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Literal["standard", "oversize"]
    aliases: list[str]


class Classified(NamedTuple):
    """A unit's tier in a table: the tier, its rank (0 = smallest) and the weights."""

    tier: Tier
    rank: int
    ship_weight: Decimal  # the weight the tier's fees use, in the table's weight unit
    dim_weight: Decimal | None


class TierTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    marketplaces: list[str]
    effective_from: date
    length_unit: Literal["in", "cm"]
    weight_unit: Literal["lb", "kg"]
    dim_divisor: Decimal
    source: str = Field(min_length=1)
    as_of: date
    belief: bool = False
    note: str = ""
    tiers: list[Tier] = Field(min_length=2)
    groups: list[Group] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> TierTable:
        ids = [t.id for t in self.tiers]
        if len(set(ids)) != len(ids):
            raise ValueError(f"table {self.id}: tier ids repeat")
        if self.tiers[-1].limited or any(not t.limited for t in self.tiers[:-1]):
            raise ValueError(f"table {self.id}: only the last tier may (and must) have no limits")
        owner: dict[str, str] = {}
        for t in self.tiers:
            for alias in (t.name, *t.aliases):
                key = canon_tier(alias)
                if not key or owner.setdefault(key, t.id) != t.id:
                    raise ValueError(
                        f"table {self.id}: alias {alias!r} is empty or names two tiers"
                    )
        return self

    def rank(self, tier_id: str) -> int:
        return next(i for i, t in enumerate(self.tiers) if t.id == tier_id)

    def classify(self, sides: tuple[Decimal, Decimal, Decimal], unit_weight: Decimal) -> Classified:
        """The tier of a unit: ``sides`` longest first in ``length_unit``, weight in
        ``weight_unit``."""
        longest, median, shortest = sides
        girth = longest + 2 * (median + shortest)
        for rank, t in enumerate(self.tiers):
            dim = self._dim_weight(sides, t.dim_min_side)
            ship = max(unit_weight, dim) if (t.ship_weight == "greater" and dim) else unit_weight
            if t.max_sides is not None and any(
                lim and side > lim for side, lim in zip(sides, t.max_sides, strict=True)
            ):
                continue
            if t.max_length_girth is not None and girth > t.max_length_girth:
                continue
            if t.max_side_sum is not None and longest + median + shortest > t.max_side_sum:
                continue
            if t.max_unit_weight is not None and unit_weight > t.max_unit_weight:
                continue
            if t.max_dim_weight is not None and (dim or Decimal(0)) > t.max_dim_weight:
                continue
            if t.max_ship_weight is not None and max(unit_weight, dim or 0) > t.max_ship_weight:
                continue
            return Classified(t, rank, ship, dim)
        raise AssertionError("the last tier has no limits")  # checked on load

    def _dim_weight(self, sides: tuple[Decimal, Decimal, Decimal], min_side: Decimal) -> Decimal:
        if not self.dim_divisor:
            return Decimal(0)
        longest, median, shortest = sides
        return longest * max(median, min_side) * max(shortest, min_side) / self.dim_divisor

    def read(self, text: str) -> tuple[int, int, str] | None:
        """(lowest rank, highest rank, name) of the tier or group a report prints; None when
        the text names none of them. A band after the name (``Standard Parcel 1 kg``) is
        ignored: the longest alias the text starts with wins."""
        key = canon_tier(text)
        if not key:
            return None
        best: tuple[int, int, int, str] | None = None  # (alias length, low, high, name)
        for rank, t in enumerate(self.tiers):
            for alias in (t.name, *t.aliases):
                a = canon_tier(alias)
                if a and key.startswith(a) and (best is None or len(a) > best[0]):
                    best = (len(a), rank, rank, t.name)
        if best is not None:
            return best[1], best[2], best[3]
        for g in self.groups:
            if any(canon_tier(a) == key for a in g.aliases):
                ranks = [i for i, t in enumerate(self.tiers) if t.group == g.id]
                return min(ranks), max(ranks), g.id
        return None

    def label(self) -> str:
        flag = " [belief]" if self.belief else ""
        return f"{self.source}, as of {self.as_of.isoformat()}{flag}"


class SizeTiers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    tables: list[TierTable] = Field(min_length=1)


@lru_cache(maxsize=4)
def size_tiers(path: Path = TIERS_DATA) -> SizeTiers:
    """The tier tables, checked; CasewriterError naming the file when they do not load."""
    return load_model(path, SizeTiers)


def load_model(path: Path, model: type[M]) -> M:
    import tomllib

    from pydantic import ValidationError

    try:
        return model.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CasewriterError(f"cannot read {path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CasewriterError(f"{path}: {where}: {first['msg']}") from None


def tier_table(marketplace: str, day: date, path: Path = TIERS_DATA) -> TierTable | None:
    """The tier table in force for ``marketplace`` on ``day`` (None when none is held)."""
    held = [t for t in size_tiers(path).tables
            if marketplace.upper() in t.marketplaces and t.effective_from <= day]  # fmt: skip
    return max(held, key=lambda t: t.effective_from) if held else None
