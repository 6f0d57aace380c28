"""The seller's own measurements of each SKU in its packaging: a CSV the seller keeps.

Header ``sku,length,width,height,dimension_unit,weight,weight_unit`` (any order, tab or comma,
the file's name does not matter): recognised by ``scan`` in a folder like any report, or given
with ``scan --measurements FILE``. Sides may be written in any order (they are sorted, longest
first, as Amazon measures); units ``in``/``cm``/``mm`` and ``lb``/``oz``/``kg``/``g`` (spelled
out or not). A row with a missing or unknown unit, or a side or weight that is not a positive
number, is skipped with a warning naming the line: a tier is never computed from a guess.
A SKU measured twice keeps its last row (a re-measurement appended to the file).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from casewriter.reports.fields import Fields, typed_rows
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.row_words import cell, missing, rw
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import length_unit, weight_unit

HEADER = "sku,length,width,height,dimension_unit,weight,weight_unit"


class Measurement(NamedTuple):
    line: int
    sku: str
    sides: tuple[Decimal, Decimal, Decimal]  # longest, median, shortest
    length_unit: str  # in, cm, mm, m
    weight: Decimal
    weight_unit: str  # lb, oz, kg, g

    def text(self) -> tuple[str, str]:
        """(dimensions, weight) as a seller writes them: ``9.8 x 6.1 x 3.9 in``, ``0.92 lb``."""
        sides = " x ".join(_plain(s) for s in self.sides)
        return f"{sides} {self.length_unit}", f"{_plain(self.weight)} {self.weight_unit}"


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _measurement(f: Fields, r: list[str], line: int) -> Measurement | str:
    sku = f.text(r, "sku")
    if not sku:
        return missing("sku")
    lunit = length_unit(f.text(r, "dimension_unit"))
    wunit = weight_unit(f.text(r, "weight_unit"))
    if not lunit:
        return cell(
            "cell.not_length_unit", f.text(r, "dimension_unit")[:20], column="dimension_unit"
        )
    if not wunit:
        return cell("cell.not_weight_unit", f.text(r, "weight_unit")[:20], column="weight_unit")
    sides = [f.dec(r, name) for name in ("length", "width", "height")]
    weight = f.dec(r, "weight")
    if any(s is None or s <= 0 for s in sides) or weight is None or weight <= 0:
        return rw("row.sides")
    ordered = sorted((s for s in sides if s is not None), reverse=True)
    return Measurement(line, sku, (ordered[0], ordered[1], ordered[2]), lunit, weight, wunit)


def read_measurements(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[Measurement]:
    return typed_rows(info, warnings, progress, _measurement)
