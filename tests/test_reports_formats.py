"""Every public report format of the design notes is recognised from its documented header,
whatever the file is called: tab-separated, every-field-quoted CSV, UTF-8 with a BOM, and
Windows cp1252, each with one data row whose non-ASCII text must come back decoded."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from casewriter.reports import read_rows, sniff
from casewriter.reports.signatures import REPORT_TYPES, canon
from tests.report_headers import FORMATS

TEXT = "Café mug – “Sage” 12 oz"  # every character exists in cp1252


NAMES = {"productname", "title", "itemname"}


def _text_column(header: list[str]) -> int:
    """The product's name where the format has one, else its last column."""
    return next((i for i, h in enumerate(header) if canon(h) in NAMES), len(header) - 1)


def _row(header: list[str]) -> list[str]:
    at = _text_column(header)
    return [TEXT if i == at else f"v{i}" for i in range(len(header))]


def _file(tmp_path: Path, header: list[str], variant: str) -> Path:
    row = _row(header)
    if variant == "quoted-csv":
        buf = io.StringIO()
        csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows([header, row])
        data = buf.getvalue().encode("utf-8")
    else:
        text = "\t".join(header) + "\n" + "\t".join(row) + "\n"
        data = text.encode("cp1252" if variant == "cp1252" else "utf-8")
        if variant == "bom":
            data = b"\xef\xbb\xbf" + data
    path = tmp_path / "download.txt"  # the name never decides the type
    path.write_bytes(data)
    return path


VARIANTS = ("tab", "quoted-csv", "bom", "cp1252")


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(
    ("name", "header", "rtype", "rvariant"), FORMATS, ids=[f[0] for f in FORMATS]
)
def test_documented_header_is_recognised(
    tmp_path: Path, name: str, header: list[str], rtype: str, rvariant: str, variant: str
) -> None:
    info = sniff(_file(tmp_path, header, variant))
    assert (info.type, info.variant) == (rtype, rvariant), name
    assert info.delimiter == ("," if variant == "quoted-csv" else "\t")
    assert info.encoding == ("cp1252" if variant == "cp1252" else "utf-8-sig")
    assert info.bom == (variant == "bom")
    (row,) = list(read_rows(info))
    assert row[canon(header[_text_column(header)])] == TEXT


def test_every_report_type_has_a_documented_format() -> None:
    assert {f[2] for f in FORMATS} == set(REPORT_TYPES)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Amazon Fulfilled Shipments", "All Orders (2026)"),
     ("legacy Inventory Event Detail", "legacy Received Inventory"),
     ("settlement, older flat file", "settlement V2")],
)  # fmt: skip
def test_look_alike_reports_are_told_apart(tmp_path: Path, left: str, right: str) -> None:
    by_name = {f[0]: f for f in FORMATS}
    for name in (left, right):
        _n, header, rtype, _v = by_name[name]
        assert sniff(_file(tmp_path, header, "tab")).type == rtype


def test_header_names_are_matched_in_full_not_abbreviated(tmp_path: Path) -> None:
    """health.md abbreviates ``units-shipped-t7/-t30/-t60/-t90``: that spelling is no header."""
    header = [
        "snapshot-date",
        "sku",
        "fnsku",
        "asin",
        "available",
        "units-shipped-t7/-t30/-t60/-t90",
    ]
    path = tmp_path / "planning.txt"
    path.write_text("\t".join(header) + "\n", encoding="utf-8")
    from casewriter.errors import ReportError

    with pytest.raises(ReportError, match="not a known Seller Central report"):
        sniff(path)
    spelled = header[:-1] + ["units-shipped-t7", "units-shipped-t30", "units-shipped-t60",
                             "units-shipped-t90"]  # fmt: skip
    path.write_text("\t".join(spelled) + "\n", encoding="utf-8")
    assert sniff(path).type == "inventory-planning"
