"""Streaming row readers: one pass over a sniffed report, rows out one at a time.

Owns ``read_rows(info)`` (every row as a dict keyed by canonical column name) and ``iter_cells``
(the raw cells with their line numbers) which the typed readers in ``records.py`` build on.
Nothing is kept in memory beyond the current row. A row that cannot be read becomes a warning
naming the file and line (collected in ``Warnings``); the scan goes on. A file that stops
decoding, or is unreadable, raises ``ReportError`` naming the file.

Files joined by hand repeat their header row in the middle: such a row is skipped (it is not
data and not worth a warning). When the repeated header is the same report in another column
order (an All Orders download with ``url`` joined to one without), the rows after it are put
back in the first header's order; the header of another kind of report raises ``ReportError``.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from casewriter.errors import ReportError
from casewriter.reports.signatures import canon, classify
from casewriter.reports.sniff import ReportInfo

#: progress(path, bytes_read, total_bytes)
Progress = Callable[[Path, int, int], None]

_MAX_KEPT = 200
_PROGRESS_EVERY = 1 << 15  # rows between progress calls
_MAX_BAD_IN_A_ROW = 1000


@dataclass
class Warnings:
    """Row problems seen while reading; only the first ``_MAX_KEPT`` are kept verbatim."""

    messages: list[str] = field(default_factory=list)
    count: int = 0
    rows: int = 0  # data rows read, over every file read with this object

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < _MAX_KEPT:
            self.messages.append(message)

    def row(self, info: ReportInfo, line: int, problem: str) -> None:
        self.add(f"{info.path}:{line}: {problem} (row skipped)")

    def all(self) -> list[str]:
        more = self.count - len(self.messages)
        return self.messages + ([f"... and {more} more row warnings"] if more > 0 else [])


def _field_limit() -> None:
    limit = 1 << 24
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, sys.maxsize))


def iter_cells(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for every data row after the header; blank rows skipped."""
    _field_limit()
    errors = "strict" if info.encoding == "utf-8-sig" else "replace"
    plain_tabs = info.delimiter == "\t" and not info.quoted
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_NONE if plain_tabs else csv.QUOTE_MINIMAL
    total = max(info.size, 1)
    try:
        raw = info.path.open("rb")
    except OSError as exc:
        raise ReportError(f"{info.path}: cannot read: {exc.strerror or exc}") from None
    with raw:
        text = io.TextIOWrapper(raw, encoding=info.encoding, errors=errors, newline="")
        reader = csv.reader(text, delimiter=info.delimiter, quoting=quoting, strict=False)
        bad_in_a_row = 0
        first = info.header[0] if info.header else ""
        head_key, head_len = canon(first), len(first) + 4
        heads = {v for h in (first, first.lower(), first.upper()) for v in (h, f'"{h}"')}
        heads |= {"\ufeff" + h for h in heads}
        heads.discard("")
        layout: list[list[int] | None] = [None]  # column order after a reordered header
        try:
            next(reader, None)  # the header, already read by sniff
            count = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    warnings.row(info, reader.line_num, f"unreadable row: {exc}")
                    bad_in_a_row += 1
                    if bad_in_a_row > _MAX_BAD_IN_A_ROW:
                        raise ReportError(
                            f"{info.path}:{reader.line_num}: too many unreadable rows; "
                            "is this file a Seller Central report?"
                        ) from None
                    continue
                bad_in_a_row = 0
                count += 1
                if progress is not None and not count % _PROGRESS_EVERY:
                    progress(info.path, raw.tell(), total)
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                c0 = row[0]
                # no header name starts with a digit: data rows (dates, ids) skip canon()
                if c0 in heads or (
                    len(c0) <= head_len and c0 and not c0[0].isdigit() and canon(c0) == head_key
                ):
                    if _header_again(info, row, reader.line_num, layout):
                        continue
                if layout[0] is not None:
                    order = layout[0]
                    width = len(row)
                    row = [row[j] if 0 <= j < width else "" for j in order]
                warnings.rows += 1
                if plain_tabs and (row[0].startswith('"') or row[-1].endswith('"')):
                    row = [c.strip('"') for c in row]
                yield reader.line_num, row
        except UnicodeDecodeError:
            raise ReportError(f"{info.path}: not valid {info.encoding} text") from None
        except OSError as exc:
            raise ReportError(f"{info.path}: cannot read: {exc.strerror or exc}") from None
    if progress is not None:
        progress(info.path, total, total)


def _header_again(
    info: ReportInfo, row: list[str], line: int, layout: list[list[int] | None]
) -> bool:
    """True when ``row`` is a header row again (skip it); reordered columns set ``layout``."""
    names = [c.replace("\ufeff", "").strip().strip('"').strip() for c in row]
    keys = [canon(n) for n in names]
    if keys == [canon(h) for h in info.header]:
        layout[0] = None
        return True
    found = classify(names)
    if found is None:
        return False  # a data row whose first cell happens to read like the column name
    rtype, _variant, columns = found
    if rtype != info.type:
        raise ReportError(
            f"{info.path}:{line}: the header of another report ({rtype}) starts here; "
            "split the joined file and scan each part"
        )
    where = {k: i for i, k in reversed(list(enumerate(keys)))}
    layout[0] = [where.get(canon(h), -1) for h in info.header]
    return True


def read_rows(
    info: ReportInfo, warnings: Warnings | None = None, progress: Progress | None = None
) -> Iterator[dict[str, str]]:
    """Every data row as {canonical column: stripped cell}; short rows padded with ''."""
    sink = warnings if warnings is not None else Warnings()
    keys = sorted(info.columns.items(), key=lambda kv: kv[1])
    for _line, row in iter_cells(info, sink, progress):
        width = len(row)
        yield {k: (row[i].strip() if i < width else "") for k, i in keys}


class Cells:
    """Column access by canonical key for one report (missing columns read as '')."""

    __slots__ = ("_idx",)

    def __init__(self, info: ReportInfo) -> None:
        self._idx = info.columns

    def index(self, *keys: str) -> int:
        """Index of the first key present, else -1."""
        for key in keys:
            if key in self._idx:
                return self._idx[key]
        return -1

    @staticmethod
    def get(row: list[str], i: int) -> str:
        return row[i].strip() if 0 <= i < len(row) else ""
