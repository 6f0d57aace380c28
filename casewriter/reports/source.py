"""The open file of ``readers.iter_cells`` and its rows, and the decoding fallback.

``RowSource(info).open(encoding)`` opens a sniffed report and gives its records: a plain
tab-separated text split line by line (``tab_rows``: each line without its line ending, split at
its tabs, in C), anything else through the csv module. ``fall_back(records)`` reads the file
again as cp1252 and passes the records already read: a file sniffed as UTF-8 on its first MiB
(``sniff.ENCODING_PREFIX``) that stops decoding later is read on from there, and
``first_bad_line`` names the line where it stopped (for the warning).
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from itertools import repeat
from pathlib import Path
from typing import Any

from casewriter.errors import ReportError
from casewriter.reports.note_words import wn
from casewriter.reports.sniff import ReportInfo


def field_limit() -> None:
    limit = 1 << 24
    if csv.field_size_limit() < limit:
        csv.field_size_limit(min(limit, sys.maxsize))


def first_bad_line(path: Path) -> int:
    """The line (counted as the readers count lines) holding the file's first byte that is not
    UTF-8: read once more, only when a file sniffed as UTF-8 stops decoding."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    breaks, cr_before, bad = 0, False, False
    with path.open("rb") as fh:
        while not bad and (chunk := fh.read(1 << 20)):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:  # the bytes before it (pending ones end no line)
                chunk, bad = bytes(exc.object[: exc.start]), True
            # a line ends at \n, \r\n or a lone \r (the text readers' newline="")
            breaks += chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")
            if cr_before and chunk.startswith(b"\n"):
                breaks -= 1
            cr_before = chunk.endswith(b"\r")
    return breaks + 1


def file_tail(path: Path, encoding: str, size: int = 1 << 12) -> str:
    """The file's last ``size`` bytes or so as text in ``encoding`` ('' for an empty file or
    half a UTF-16 one; a character cut at the start of the tail is replaced)."""
    with path.open("rb") as fh:
        end = fh.seek(0, io.SEEK_END)
        if encoding.startswith("utf-16"):
            if end % 2:
                return ""
            if encoding == "utf-16":  # the byte order mark says which
                fh.seek(0)
                encoding = "utf-16-le" if fh.read(2) == codecs.BOM_UTF16_LE else "utf-16-be"
            size += size % 2
        fh.seek(max(end - size, 0))
        return fh.read(size).decode(encoding, errors="replace").lstrip("\ufeff")


class RowSource:
    """The open file of ``iter_cells`` and its rows: plain tab-separated text split line by
    line (``tab_rows``), anything else through the csv module."""

    def __init__(self, info: ReportInfo) -> None:
        self.info = info
        self.plain_tabs = info.delimiter == "\t" and not info.quoted
        self.encoding = info.encoding
        self.raw: io.BufferedReader | None = None
        self.reader: Any = None  # the csv reader (None for plain tabs)
        self.rows: Iterator[list[str]] = iter(())

    def open(self, encoding: str) -> None:
        info = self.info
        try:
            raw = info.path.open("rb")
        except OSError as exc:
            from casewriter.files import os_words

            raise ReportError(wn("file.cannot_read", path=info.path, why=os_words(exc))) from None
        self.close()
        self.raw, self.encoding = raw, encoding
        errors = "strict" if encoding == "utf-8-sig" else "replace"
        text = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
        if self.plain_tabs:
            # plain tabs (no quoting): a record is a line, split at its tabs, exactly what the
            # csv module makes of it (with QUOTE_NONE, a line ending ends the record), at C
            # speed and without the csv module's per-character pass (line numbers: one per line)
            self.reader, self.rows = None, tab_rows(text)
        else:
            self.reader = csv.reader(text, delimiter=info.delimiter, quoting=csv.QUOTE_MINIMAL,
                                     strict=False)  # fmt: skip
            self.rows = self.reader

    def fall_back(self, records: int) -> None:
        """Read the file again as cp1252 and pass the ``records`` already read (the header
        included). Their bytes decoded as UTF-8; the bytes that make records (delimiters,
        quotes, line ends) are ASCII in both encodings, so the records fall at the same places,
        and the rows from here on are exactly what a cp1252 reading gives."""
        self.open("cp1252")
        left = records
        while left > 0:
            try:
                for _row in self.rows:
                    left -= 1
                    if not left:
                        break
                else:
                    return
            except csv.Error:  # a record the first reading warned about
                left -= 1

    def cut_short(self, last: list[str], width: int) -> bool:
        """True when the file ends in the middle of its ``last`` record (a download that
        stopped): no line end after it, and fewer cells than the header's ``width``, or (a file
        read by the csv module) a quoted cell left open, or (every cell quoted) a delimiter at
        the end. A complete last row without a line end is fine."""
        if len(last) >= width and self.reader is None:
            return False
        if len(last) <= 1 and not (last and last[0].strip()):
            return False  # the file ends with a blank line
        tail = file_tail(self.info.path, self.encoding)
        if tail[-1:] in ("\n", "\r"):
            return False
        if len(last) < width or (self.info.quoted and tail.endswith(self.info.delimiter)):
            return True  # (every cell quoted: a delimiter ends no row)
        line = tail[max(tail.rfind("\n"), tail.rfind("\r")) + 1 :]
        return line.count('"') % 2 == 1  # an escaped quote ("") counts twice

    def close(self) -> None:
        if self.raw is not None:
            self.raw.close()
            self.raw = None


def tab_rows(text: io.TextIOWrapper) -> Iterator[list[str]]:
    """The rows of a plain tab-separated text: each line without its line ending, split at its
    tabs (``map`` chains run in C: no Python frame per row)."""
    return map(str.split, map(str.rstrip, text, repeat("\r\n")), repeat("\t"))
