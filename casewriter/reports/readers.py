"""Streaming row readers: one pass over a sniffed report, rows out one at a time.

Owns ``read_rows(info)`` (every row as a dict keyed by canonical column name) and ``iter_cells``
(the raw cells with their line numbers) which the typed readers in ``records.py`` build on.
Nothing is kept in memory beyond the current row. A row that cannot be read becomes a warning
naming the file and line (collected in ``Warnings``); the scan goes on. A file sniffed as UTF-8
that stops decoding is read on as cp1252 from that record, with a warning naming the line
(``source.RowSource.fall_back``); an unreadable file raises ``ReportError`` naming the file,
and so does one that ends in the middle of its last row (a download cut short: the rows before
it were read, the file is read only in part).

A reader may name the rows it never reads (``Skip``: judged on a few raw cells, once per
distinct set): they are dropped before anything else is done with them, and counted. Plain
tab-separated files are split line by line (``source.tab_rows``); quoted and comma-separated
ones go through the csv module.

Files joined by hand repeat their header row in the middle: such a row is skipped (it is not
data and not worth a warning). When the repeated header is the same report in another column
order (an All Orders download with ``url`` joined to one without), the rows after it are put
back in the first header's order; the header of another kind of report (its first cell one of
the names a report signature knows) raises ``JoinedReport``: a ``ReportError`` naming the line,
which carries the rest of the file as a report of its own (``collect`` reads it too, so its rows
are never dropped without a word).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path

from casewriter.errors import ReportError
from casewriter.reports.note_words import wn
from casewriter.reports.row_words import problem as problem_of
from casewriter.reports.row_words import rw
from casewriter.reports.signatures import HEADER_WORDS, canon, classify
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.source import RowSource, field_limit, first_bad_line

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
    #: files read in another encoding than the one sniffed (``iter_cells``' fallback)
    encodings: dict[Path, str] = field(default_factory=dict)

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < _MAX_KEPT:
            self.messages.append(message)

    def row(self, info: ReportInfo, line: int, problem: str | ValueError) -> None:
        """A row skipped at ``line``: ``problem`` says why (a reader's ``ValueError``, or its
        words; a ``row_words`` ``Said`` is said in the app's language)."""
        if len(self.messages) >= _MAX_KEPT:  # counted, not worded: only the first are kept
            self.count += 1
            return
        if isinstance(problem, BaseException):
            problem = problem_of(problem)
        self.add(wn("file.row_skipped", where=f"{info.path}:{line}", problem=problem))

    def reread(self, info: ReportInfo, line: int, encoding: str) -> None:
        """A file sniffed as UTF-8 whose ``line`` is not, read on in ``encoding`` (kept even
        past the cap: it says how the rest of the file was read)."""
        self.encodings[info.path] = encoding
        self.count += 1
        self.messages.append(rw("row.not_utf8", where=f"{info.path}:{line}", encoding=encoding))

    def all(self) -> list[str]:
        more = self.count - len(self.messages)
        return self.messages + ([wn("file.more_rows", n=more)] if more > 0 else [])


@dataclass(frozen=True)
class Skip:
    """Data rows a reader never reads, dropped by ``iter_cells`` before its other checks (and
    counted as data rows): ``drop(cells)`` judges the raw cells at ``columns`` (a ledger row's
    reason and event, a settlement row's transaction type, amount type and description), once
    per distinct set of cells. Rows with fewer than ``width`` cells are never dropped (the
    reader warns about them), nor is a row once a repeated header has reordered the columns,
    nor a set of cells holding a column's own name (a repeated header)."""

    columns: tuple[int, ...]
    width: int
    drop: Callable[[tuple[str, ...]], bool]


def iter_cells(
    info: ReportInfo,
    warnings: Warnings,
    progress: Progress | None = None,
    skip: Skip | None = None,
) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for every data row after the header; blank rows skipped, and the
    rows ``skip`` describes (a ledger is mostly rows no rule reads). A file sniffed as UTF-8 (on
    its first MiB) that stops decoding is read on as cp1252 from the row after the last one
    read (``source.RowSource.fall_back``), with a warning; any other decoding error is a
    ``ReportError``."""
    field_limit()
    total = max(info.size, 1)
    src = RowSource(info)
    try:
        src.open(info.encoding)
        bad_in_a_row = 0
        first = info.header[0] if info.header else ""
        head_key, head_len = canon(first), len(first) + 4
        heads = {v for h in (first, first.lower(), first.upper()) for v in (h, f'"{h}"')}
        heads |= {"\ufeff" + h for h in heads}
        heads.discard("")
        layout: list[list[int] | None] = [None]  # column order after a reordered header
        reordered: list[int] | None = None  # layout[0], read once per row
        width, cells_of, dropped = _skipping(info, skip)
        plain_tabs = src.plain_tabs
        # rows read (skipped ones included) and the blank and header rows among them: the data
        # rows are their difference, counted once at the end (not per row: a million rows)
        count = ignored = info.start  # a report joined after another starts part way
        hwidth = len(info.header)
        try:
            for _ in range(info.start):  # the records of the report before this one
                next(src.rows, None)
            next(src.rows, None)  # the header, already read by sniff
            error_at = failed = 0
            row: list[str] = []  # after the loop: the file's last record
            while True:  # a for loop per stretch of good rows (faster than next() per row)
                rows, reader, raw = src.rows, src.reader, src.raw
                tabs = reader is None  # line numbers: one per row
                assert raw is not None
                try:
                    for row in rows:  # the checks below run a million times: keep them cheap
                        count += 1
                        if progress is not None and not count % _PROGRESS_EVERY:
                            progress(info.path, raw.tell(), total)
                        if reordered is None and len(row) >= width:
                            key = cells_of(row)
                            verdict = dropped.get(key)
                            if verdict is None:
                                verdict = _judge(info, skip, key, dropped, row)
                            if verdict:
                                continue
                        if len(row) <= 1 and (not row or not row[0].strip()):
                            ignored += 1
                            continue
                        c0 = row[0]
                        # no header name starts with a digit: data rows (dates, ids) skip canon()
                        if c0 in heads or (
                            c0
                            and not c0[0].isdigit()
                            and (
                                (len(c0) <= head_len and canon(c0) == head_key)
                                or (len(row) != hwidth and canon(c0) in HEADER_WORDS)
                            )
                        ):
                            line = count + 1 if tabs else reader.line_num
                            ignored += 1  # a header row (another report's too) is no data
                            if _header_again(info, row, line, layout, count + failed):
                                reordered = layout[0]
                                continue
                            ignored -= 1
                        if reordered is not None:
                            n = len(row)
                            row = [row[j] if 0 <= j < n else "" for j in reordered]
                        if plain_tabs and (row[0][:1] == '"' or row[-1][-1:] == '"'):
                            row = [c.strip('"') for c in row]
                        yield count + 1 if tabs else reader.line_num, row
                    if src.cut_short(row, hwidth):  # a download that stopped mid-row
                        where = f"{info.path}:{count + 1 if tabs else reader.line_num}"
                        raise ReportError(wn("file.cut_short", where=where))
                    break
                except csv.Error as exc:  # the csv module's (quoted or comma-separated files)
                    failed += 1
                    line = reader.line_num if reader is not None else count + 1
                    warnings.row(info, line, rw("row.unreadable", why=exc))
                    # unreadable rows in a row: no good row read since the last one
                    bad_in_a_row = bad_in_a_row + 1 if count == error_at else 1
                    error_at = count
                    if bad_in_a_row > _MAX_BAD_IN_A_ROW:
                        where = f"{info.path}:{line}"
                        raise ReportError(wn("file.bad_rows", where=where)) from None
                except UnicodeDecodeError:
                    if src.encoding != "utf-8-sig":
                        raise
                    src.fall_back(1 + count + failed)  # the header, the rows, the bad records
                    warnings.reread(info, first_bad_line(info.path), src.encoding)
        except UnicodeDecodeError:
            raise ReportError(wn("file.bad_text", path=info.path, encoding=src.encoding)) from None
        except OSError as exc:
            from casewriter.files import os_words

            raise ReportError(wn("file.cannot_read", path=info.path, why=os_words(exc))) from None
        finally:
            warnings.rows += count - ignored
    finally:
        src.close()
    if progress is not None:
        progress(info.path, total, total)


def _skipping(
    info: ReportInfo, skip: Skip | None
) -> tuple[int, Callable[[list[str]], tuple[str, ...]], dict[tuple[str, ...], bool]]:
    """(the width a row needs to be judged, its judged cells in one C call, the verdicts)."""
    if skip is None or not skip.columns or min(skip.columns) < 0:
        return 1 << 62, tuple, {}
    get = itemgetter(*skip.columns)
    cells_of = get if len(skip.columns) > 1 else (lambda row: (get(row),))
    return max(skip.width, max(skip.columns) + 1), cells_of, {}


def _judge(
    info: ReportInfo,
    skip: Skip | None,
    key: tuple[str, ...],
    dropped: dict[tuple[str, ...], bool],
    row: list[str],
) -> bool:
    """``skip.drop(key)``, never for the cells of a repeated header or of another report's
    header (``row``, judged only for a set of cells not seen before); remembered (bounded)."""
    assert skip is not None
    c0 = row[0] if row else ""
    if c0 and not c0[0].isdigit() and canon(c0) in HEADER_WORDS and classify(row) is not None:
        return False  # a header row: never dropped unseen (and not remembered)
    names = {canon(info.header[i]) for i in skip.columns if i < len(info.header)}
    verdict = not any(canon(c) in names for c in key if c) and skip.drop(key)
    if len(dropped) < 4096:
        dropped[key] = verdict
    return verdict


class JoinedReport(ReportError):
    """The header of another kind of report part way through a file (files joined by hand):
    ``rest`` is that report, from its header on (``ReportInfo.start``)."""

    def __init__(self, message: str, rest: ReportInfo) -> None:
        super().__init__(message)
        self.rest = rest


def _header_again(
    info: ReportInfo, row: list[str], line: int, layout: list[list[int] | None], before: int
) -> bool:
    """True when ``row`` is a header row again (skip it); reordered columns set ``layout``.
    ``before``: the records of the file before ``row``."""
    names = [c.replace("\ufeff", "").strip().strip('"').strip() for c in row]
    keys = [canon(n) for n in names]
    if keys == [canon(h) for h in info.header]:
        layout[0] = None
        return True
    found = classify(names)
    if found is None:
        return False  # a data row whose first cell happens to read like the column name
    rtype, variant, columns = found
    if rtype != info.type:
        rest = replace(info, type=rtype, header=tuple(names), columns=columns, variant=variant,
                       start=before)  # fmt: skip
        raise JoinedReport(wn("file.joined", where=f"{info.path}:{line}", other=rtype), rest)
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

    def picker(self, indexes: list[int]) -> Callable[[list[str]], list[str]]:
        """``pick(row)`` → the stripped cells at ``indexes`` ('' for -1 or a short row), in
        one C-level ``itemgetter`` call for a full row: the readers call it on every row."""
        from operator import itemgetter

        present = [i for i in indexes if i >= 0]
        if not present:
            return lambda row: [""] * len(indexes)
        need = max(present)
        safe = [i if i >= 0 else need for i in indexes]  # a missing column reads a real one…
        blank = [n for n, i in enumerate(indexes) if i < 0]  # …then is blanked
        getter = itemgetter(*safe)
        single = len(safe) == 1
        get = self.get

        def pick(row: list[str]) -> list[str]:
            if len(row) <= need:
                return [get(row, i) for i in indexes]
            got = getter(row)
            cells = [got.strip()] if single else list(map(str.strip, got))
            for n in blank:
                cells[n] = ""
            return cells

        return pick

    def index(self, *keys: str) -> int:
        """Index of the first key present, else -1."""
        for key in keys:
            if key in self._idx:
                return self._idx[key]
        return -1

    @staticmethod
    def get(row: list[str], i: int) -> str:
        return row[i].strip() if 0 <= i < len(row) else ""
