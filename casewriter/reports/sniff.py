"""Recognise a downloaded Seller Central report: encoding, delimiter, header → report type.

Owns ``sniff(path) -> ReportInfo`` and ``sniff_all(paths)`` (files and folders as the user
names them, for ``scan`` and the health review). The type comes from the header row only (never
the file name), after stripping a BOM, quotes and whitespace and comparing names
case-insensitively with punctuation ignored (``Reference ID`` = ``reference-id`` =
``ReferenceId``). Encoding: strict
UTF-8 (BOM or not) when the file's first MiB (``ENCODING_PREFIX``) decodes, else cp1252; the one
that worked is recorded. UTF-16 (Excel's "Unicode Text": a byte order mark, or a zero byte in
every other place of the first KiB) is read as UTF-16 in its byte order. Deciding on a prefix
spares reading every file twice; a file whose later bytes turn out not to be UTF-8 is read on
from that point as cp1252 by ``iter_cells`` (``readers.py``), which warns and records the
encoding that read it. A file that is no report is named for what it is when its first bytes
say so (an Excel workbook, an .ods, a zip archive), else by the start of its first line.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from casewriter.errors import ReportError
from casewriter.reports.note_words import wn
from casewriter.reports.signatures import REPORT_TYPES, USED_BY_RULES, canon, classify

__all__ = ["REPORT_TYPES", "ReportInfo", "Sniffed", "canon", "classify", "detect_encoding", "sniff",
           "sniff_all"]  # fmt: skip

#: the bytes of a file that decide its encoding (a MiB: thousands of rows)
ENCODING_PREFIX = 1 << 20


@dataclass(frozen=True)
class ReportInfo:
    """What ``sniff`` learned about one file."""

    path: Path
    type: str
    encoding: str  # "utf-8-sig" (BOM or plain UTF-8), "cp1252" or "utf-16" ("-le"/"-be")
    delimiter: str  # "\t", "," or ";"
    quoted: bool  # header fields wrapped in quotes (every-field-quoted CSV)
    header: tuple[str, ...]  # the header names as written (BOM, quotes, spaces stripped)
    columns: dict[str, int] = field(default_factory=dict)  # canonical key → index
    variant: str = ""  # e.g. "with-url", "service-speed", "eu", "by-country", "safe-t"
    size: int = 0
    bom: bool = False
    #: records before this report's header: 0, or where a report joined after another one in
    #: the same file starts (``readers.JoinedReport``)
    start: int = 0

    @property
    def used(self) -> bool:
        """False for a recognised report whose figures no scan rule uses yet."""
        return self.type in USED_BY_RULES


def detect_encoding(path: Path) -> tuple[str, bool]:
    """("utf-8-sig", has_bom) when the file's first ``ENCODING_PREFIX`` bytes are strict UTF-8
    (a character cut at the end of the prefix is fine; at the end of the file it is not), else
    ("cp1252", False); UTF-16 as ``utf16`` says."""
    with path.open("rb") as fh:
        first = fh.read(ENCODING_PREFIX)
        whole = len(first) < ENCODING_PREFIX or not fh.read(1)
    if wide := utf16(first):  # Excel's "Unicode Text"
        return wide
    bom = first.startswith(codecs.BOM_UTF8)
    if not first.isascii():
        try:
            codecs.getincrementaldecoder("utf-8")("strict").decode(first, final=whole)
        except UnicodeDecodeError:
            return "cp1252", False
    return "utf-8-sig", bom


def utf16(first: bytes) -> tuple[str, bool] | None:
    """("utf-16", True) for a file starting with a UTF-16 byte order mark (the codec reads it
    and the byte order it gives); ("utf-16-le"/"utf-16-be", False) for UTF-16 without one (a
    text of ASCII column names has a zero byte in every other place); else None."""
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", True
    sample = first[:4096]
    half = len(sample) // 2
    if half < 2 or b"\0" not in sample:
        return None
    even, odd = sample[0 : 2 * half : 2].count(0), sample[1 : 2 * half : 2].count(0)
    if odd * 2 >= half and even * 20 <= half:
        return "utf-16-le", False
    if even * 2 >= half and odd * 20 <= half:
        return "utf-16-be", False
    return None


def _first_line(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, errors="replace", newline="") as fh:
        line = fh.readline(1 << 16)
    return line.rstrip("\r\n")


def _split_header(line: str) -> tuple[str, bool, list[str]]:
    # tabs, else commas; semicolons only for a header with neither (a "CSV" saved by Excel in
    # a European locale, such as the seller's own costs or measurements)
    delimiter = "\t" if "\t" in line else "," if "," in line or ";" not in line else ";"
    quoted = line.lstrip("\ufeff").lstrip().startswith('"')
    if delimiter != "\t" or quoted:
        cells = next(csv.reader([line], delimiter=delimiter), [])
    else:
        cells = line.split("\t")
    names = [c.replace("\ufeff", "").strip().strip('"').strip() for c in cells]
    return delimiter, quoted, names


#: the first bytes of a zip file (.xlsx, .ods) and of an OLE compound file (.xls)
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: names of a workbook's parts, one of which an .xlsx zip usually names first
_XLSX = (b"[Content_Types].xml", b"xl/")


def _workbook(path: Path) -> str:
    """The message key naming a spreadsheet workbook or a zip archive (by its first bytes),
    else ''."""
    try:
        with path.open("rb") as fh:
            head = fh.read(512)
    except OSError:
        return ""
    if head.startswith(_OLE):
        return "file.excel_xls"
    if not head.startswith(_ZIP):
        return ""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xlsb") or any(m in head for m in _XLSX):
        return "file.excel_xlsx"
    if path.suffix.lower() == ".ods" or b"opendocument.spreadsheet" in head:
        return "file.spreadsheet"
    return "file.zip"


def sniff(path: Path) -> ReportInfo:
    """Recognise ``path``; ReportError (naming the file) when it is not a known report."""
    from casewriter.files import check_regular_file, os_words

    # A FIFO or a device (/dev/zero) is refused: reports are streamed, but only from a file.
    size = check_regular_file(path, "report file", ReportError)
    try:
        encoding, bom = detect_encoding(path)
        line = _first_line(path, encoding)
    except OSError as exc:
        raise ReportError(wn("file.cannot_read", path=path, why=os_words(exc))) from None
    if not line.strip():
        raise ReportError(wn("file.empty_report", path=path))
    delimiter, quoted, names = _split_header(line)
    found = classify(names)
    if found is None:
        if workbook := _workbook(path):  # a report opened in Excel and kept as a workbook
            raise ReportError(wn(workbook, path=path))
        shown = ", ".join(n for n in names[:4] if n)[:80]
        raise ReportError(wn("file.unknown_report", path=path, shown=shown or wn("file.nothing")))
    rtype, variant, columns = found
    return ReportInfo(
        path=path,
        type=rtype,
        encoding=encoding,
        delimiter=delimiter,
        quoted=quoted,
        header=tuple(names),
        columns=columns,
        variant=variant,
        size=size,
        bom=bom,
    )


@dataclass
class Sniffed:
    """What ``sniff_all`` found: the reports, the files named one by one that are not
    readable reports (with the reason), the files inside a named folder passed over (not
    reports) and the folders inside a named folder (not walked), each with its reason.
    ``scan`` (its notes), the app's scan screen (the files not read, by name) and the health
    review (its sources) all take the files to read, and what they say of the rest, from here."""

    reports: list[ReportInfo] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    passed: list[tuple[Path, str]] = field(default_factory=list)
    folders: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def passed_over(self) -> list[str]:
        """Why each file inside a named folder was passed over."""
        return [reason for _path, reason in self.passed]

    @property
    def subfolders(self) -> list[str]:
        """Each folder inside a named folder, said as not read."""
        return [reason for _path, reason in self.folders]

    def notes(self) -> list[str]:
        """What a scan notes about a folder's contents it did not read: the folders inside
        it, then the files that are not reports (``skipped …``)."""
        return [wn("file.skipped", reason=r) for r in [*self.subfolders, *self.passed_over]]

    def not_read(self) -> list[tuple[Path, str]]:
        """Everything named or found that is not read, with the reason: the files named,
        then the folders inside a named folder, then its files that are not reports."""
        return [*self.unreadable, *self.folders, *self.passed]


def sniff_all(paths: Iterable[Path | str]) -> Sniffed:
    """Recognise each named file, and each file directly inside a named folder (by name order;
    hidden files and folders are passed over silently). A folder's file that is not a report
    is passed over with its reason, a folder inside it is listed (not read); a named file that
    is not a report is listed as unreadable."""
    out = Sniffed()
    for arg in paths:
        path = Path(arg)
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if not p.name.startswith("."))
            out.folders += [(d, wn("file.subfolder", folder=d, parent=path))
                            for d in children if d.is_dir()]  # fmt: skip
            for child in (p for p in children if p.is_file()):
                try:
                    out.reports.append(sniff(child))
                except ReportError as exc:
                    out.passed.append((child, exc.message))
            continue
        try:
            out.reports.append(sniff(path))
        except ReportError as exc:
            out.unreadable.append((path, exc.message))
    return out
