"""Typed access to the cells of one row, by column name, for the readers of the newer reports.

``Fields(info)`` maps column names (written as Amazon spells them; compared after ``canon``)
to indexes once; a column the file does not have reads as empty, so optional columns may come
and go. Each getter returns a typed value or None for an empty cell, and raises ``BadCell``
(a ``ValueError``) naming the column when the cell is not what the column holds; the readers
turn that into a row warning. With ``redact=True`` (reports that carry buyer data) the message
names the column but never quotes the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TypeVar

from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.row_words import in_column, rw
from casewriter.reports.signatures import canon
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import (
    Dimensions,
    Money,
    Numbers,
    Volume,
    Weight,
    length_unit,
    parse_month,
    volume_unit,
    weight_unit,
)
from casewriter.reports.values import norm, parse_date

T = TypeVar("T")

#: dates and months repeat row after row: parse each distinct cell once per run
_day = lru_cache(maxsize=4096)(parse_date)
_month = lru_cache(maxsize=1024)(parse_month)

#: cells that mean "no value", and the words of a yes/no cell (``flag``)
EMPTY = frozenset({"", "-", "--", "n/a", "na", "none", "null", "not applicable"})
TRUE = frozenset({"y", "yes", "true", "1", "t"})
FALSE = frozenset({"n", "no", "false", "0", "f"})


class BadCell(ValueError):
    """A cell that does not hold what its column holds."""


class Fields:
    """Column access by name for one report; ``row`` is the list of cells of one line."""

    def __init__(self, info: ReportInfo, *, redact: bool = False) -> None:
        self._idx = info.columns
        self._cache: dict[tuple[str, ...], int] = {}
        self._prefixed: dict[str, list[tuple[str, int]]] = {}
        self.redact = redact
        self.numbers = Numbers()

    def index(self, *names: str) -> int:
        """Index of the first of ``names`` the file has, else -1."""
        found = self._cache.get(names)
        if found is None:
            found = next((self._idx[c] for c in map(canon, names) if c in self._idx), -1)
            self._cache[names] = found
        return found

    def has(self, *names: str) -> bool:
        return self.index(*names) >= 0

    def text(self, row: list[str], *names: str) -> str:
        i = self._cache.get(names)
        if i is None:
            i = self.index(*names)
        if not 0 <= i < len(row):
            return ""
        cell = row[i].strip()
        if cell[:1] == '"' or cell[-1:] == '"':  # the quotes of a cell the csv module left
            cell = cell.strip('"').strip()
        return cell

    def upper(self, row: list[str], *names: str) -> str:
        return self.text(row, *names).upper()

    def code(self, row: list[str], *names: str) -> str:
        """An enum value, normalized (``Sellable`` → ``SELLABLE``, ``Ship now`` → ``SHIP_NOW``)."""
        return norm(self.text(row, *names))

    def _fail(self, names: tuple[str, ...], exc: ValueError) -> BadCell:
        if self.redact:
            return BadCell(rw("cell.not_valid", column=names[0]))
        return BadCell(in_column(names[0], exc))

    def dec(self, row: list[str], *names: str) -> Decimal | None:
        cell = self.text(row, *names)
        if cell.lower() in EMPTY:
            return None
        try:
            return self.numbers.dec(cell)
        except ValueError as exc:
            raise self._fail(names, exc) from None

    def count(self, row: list[str], *names: str) -> int | None:
        """A count of units, which cannot be negative (a negative one is a ``BadCell``: the
        row is skipped with a warning); ``signed`` for columns of movements."""
        number = self.signed(row, *names)
        if number is not None and number < 0:
            raise self._fail(names, ValueError(rw("cell.negative", number=number)))
        return number

    def signed(self, row: list[str], *names: str) -> int | None:
        """A whole number that may be negative (units leaving: shipments, lost, transfers)."""
        cell = self.text(row, *names)
        if cell.isdecimal() and len(cell) <= 9:  # the usual cell: no sign, no separators, in bounds
            return int(cell)
        if cell.lower() in EMPTY:
            return None
        try:
            return self.numbers.whole(cell)
        except ValueError as exc:
            raise self._fail(names, exc) from None

    def money(self, row: list[str], currency: str, *names: str) -> Money | None:
        value = self.dec(row, *names)
        return None if value is None else Money(value, currency)

    def day(self, row: list[str], *names: str) -> date | None:
        cell = self.text(row, *names)
        if cell.lower() in EMPTY:
            return None
        try:
            return _day(cell)
        except ValueError as exc:
            raise self._fail(names, exc) from None

    def loose_day(self, row: list[str], *names: str) -> date | None:
        """A date where the column may also hold a word (``Ship now``): None unless a date
        (a cell without a digit is no date: no error is worded for it)."""
        cell = self.text(row, *names)
        if not any(ch.isdigit() for ch in cell):
            return None
        try:
            return _day(cell)
        except ValueError:
            return None

    def month(self, row: list[str], *names: str) -> date | None:
        try:
            return _month(self.text(row, *names))
        except ValueError as exc:
            raise self._fail(names, exc) from None

    def flag(self, row: list[str], *names: str) -> bool | None:
        """A yes/no cell (``Yes``, ``Y``, ``true``, ``1``…); None when empty or another word."""
        cell = self.text(row, *names).lower()
        return True if cell in TRUE else False if cell in FALSE else None

    def dimensions(self, row: list[str], unit_col: str, *cols: str) -> Dimensions | None:
        """Longest, median, shortest side (column names in that order) and their unit."""
        sides = [self.dec(row, c) for c in cols]
        if all(s is None for s in sides):
            return None
        longest, median, shortest = sides
        return Dimensions(longest, median, shortest, length_unit(self.text(row, unit_col)))

    def weight(self, row: list[str], value_col: str, unit_col: str) -> Weight | None:
        value = self.dec(row, value_col)
        return None if value is None else Weight(value, weight_unit(self.text(row, unit_col)))

    def volume(self, row: list[str], value_col: str, unit_col: str) -> Volume | None:
        value = self.dec(row, value_col)
        return None if value is None else Volume(value, volume_unit(self.text(row, unit_col)))

    def numbered(self, row: list[str], prefix: str) -> tuple[tuple[str, int], ...]:
        """Every column whose name starts with ``prefix`` (``inv-age-``, ``units-shipped-t``),
        as (canonical name, count) pairs in file order; empty cells left out."""
        columns = self._prefixed.get(prefix)
        if columns is None:
            key = canon(prefix)
            columns = sorted(((n, i) for n, i in self._idx.items() if n.startswith(key)),
                             key=lambda kv: kv[1])  # fmt: skip
            self._prefixed[prefix] = columns
        out: list[tuple[str, int]] = []
        for name, i in columns:
            if i < len(row):
                cell = row[i].strip().strip('"').strip()
                if cell.lower() in EMPTY:
                    continue
                try:
                    value = self.numbers.whole(cell)
                    if value is not None and value < 0:
                        raise ValueError(rw("cell.negative", number=value))
                except ValueError as exc:
                    raise self._fail((name,), exc) from None
                if value is not None:
                    out.append((name, value))
        return tuple(out)


def typed_rows(
    info: ReportInfo,
    warnings: Warnings,
    progress: Progress | None,
    build: Callable[[Fields, list[str], int], T | str],
    *,
    redact: bool = False,
) -> Iterator[T]:
    """``build(fields, cells, line)`` for every data row: a record, or a string saying why the
    row is skipped (a row warning, as is a ``ValueError``)."""
    fields = Fields(info, redact=redact)
    for line, row in iter_cells(info, warnings, progress):
        try:
            out = build(fields, row, line)
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if isinstance(out, str):
            warnings.row(info, line, out)
            continue
        yield out
