"""Report files in the forms a seller's computer leaves them: saved by Excel as "Unicode Text"
(UTF-16, either byte order, with or without a byte order mark), cut short by a download that
stopped part way through a row, kept as an Excel workbook (or an .ods, or zipped), and the text
total of a group of findings none of which has an estimate.

Each UTF-16 copy is made from a file of ``tests/data/reports`` (decoded as ``sniff`` decodes the
original, CRLF, non-ASCII names and quoting kept), so it must read exactly as the original:
the same rows, the same findings, no warning.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from casewriter.errors import ReportError
from casewriter.messages import say
from casewriter.reports import Warnings, read_rows, scan, sniff
from casewriter.reports.findings import Finding
from casewriter.reports.readers import iter_cells
from tests.builtin_catalog import builtin_catalog

Cli = Callable[..., Any]
DATA = Path(__file__).parent / "data" / "reports"
#: the US quirk set of tests/test_reports_quirks.py: UTF-8 with BOM (quoted, CRLF), cp1252,
#: plain tabs, a seller's CSV
QUIRK_SET = ("ledger_quoted_crlf_bom.csv", "reimbursements_cp1252.txt", "all_orders_with_url.txt",
             "inbound_user.csv", "removal_service_speed.txt")  # fmt: skip
AS_OF = date(2026, 3, 30)
#: (the codec writing the copy, the bytes before it, what sniff records)
WIDE = {
    "le-bom": ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    "be-bom": ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    "le-no-bom": ("utf-16-le", b"", "utf-16-le"),
    "be-no-bom": ("utf-16-be", b"", "utf-16-be"),
}


def wide_copy(source: Path, folder: Path, form: str) -> Path:
    """``source`` saved as UTF-16 in ``form`` (its text as sniff decodes the original)."""
    codec, bom, _ = WIDE[form]
    text = source.read_bytes().decode(sniff(source).encoding)
    target = folder / source.name
    target.write_bytes(bom + text.encode(codec))
    return target


@pytest.mark.parametrize("form", sorted(WIDE))
def test_utf16_copies_scan_exactly_as_the_originals(tmp_path: Path, form: str) -> None:
    originals = [DATA / n for n in QUIRK_SET]
    copies = [wide_copy(p, tmp_path, form) for p in originals]
    for original, copy in zip(originals, copies, strict=True):
        info = sniff(copy)
        assert (info.type, info.encoding, info.bom) == (
            sniff(original).type, WIDE[form][2], "no-bom" not in form)  # fmt: skip
        assert info.header == sniff(original).header
        assert list(read_rows(info)) == list(read_rows(sniff(original)))
    want = scan(originals, as_of=AS_OF, catalog=builtin_catalog())
    got = scan(copies, as_of=AS_OF, catalog=builtin_catalog())
    assert got.warnings == [] and got.skipped == []
    assert [f.to_json() for f in got.findings] == [f.to_json() for f in want.findings]
    assert [r.rows for r in got.reports] == [r.rows for r in want.reports]
    damaged = next(f for f in got.findings if f.rule == "warehouse-damaged")
    assert (damaged.quantity, damaged.amount) == (2, Decimal("23.00"))  # 3 lost − 1 paid


def test_utf16_cells_keep_their_text(tmp_path: Path) -> None:
    """Quoted cells with commas, curly quotes and accents come out whole."""
    copy = wide_copy(DATA / "ledger_quoted_crlf_bom.csv", tmp_path, "le-bom")
    rows = list(read_rows(sniff(copy)))
    assert rows[0]["title"] == "Café mug, “Sage” – 12 oz"
    assert rows[2]["title"] == 'Lid "spare", black'


def test_scan_json_names_the_utf16_encoding(cli: Cli, tmp_path: Path) -> None:
    wide_copy(DATA / "reimbursements_cp1252.txt", tmp_path, "le-bom")
    res = cli("scan", str(tmp_path), "--as-of", AS_OF.isoformat(), "--json")
    assert res.code == 0, res.err
    (report,) = json.loads(res.out)["reports"]
    assert (report["type"], report["rows"], report["encoding"]) == ("reimbursements", 1, "utf-16")


def test_bytes_with_a_few_zeros_are_not_taken_for_utf16(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"\x00\x01 not a report at all\nsku,qty\n")
    with pytest.raises(ReportError, match="not a known Seller Central report"):
        sniff(path)


# -- a download cut part way through a row ------------------------------------------------

LEDGER = DATA / "ledger_quoted_crlf_bom.csv"  # quoted, CRLF, ends with a line end


def cells_of(path: Path) -> tuple[list[tuple[int, list[str]]], Exception | None]:
    """The rows ``iter_cells`` gives before it stops, and what stopped it (None: the end)."""
    out: list[tuple[int, list[str]]] = []
    try:
        for line, row in iter_cells(sniff(path), Warnings()):
            out.append((line, row))
    except ReportError as exc:
        return out, exc
    return out, None


def test_a_file_cut_inside_its_last_quoted_cell_is_read_in_part(tmp_path: Path) -> None:
    whole = LEDGER.read_bytes()
    assert whole.endswith(b"\r\n")
    complete, stop = cells_of(LEDGER)
    assert stop is None
    cut = tmp_path / "ledger.csv"
    cut.write_bytes(whole[:-3])  # the last cell's closing quote and the line end gone
    rows, stop = cells_of(cut)
    assert rows[:-1] == complete[:-1]
    assert isinstance(stop, ReportError)
    assert str(stop) == (f"{cut}:{complete[-1][0]}: the file ends in the middle of this row (no "
                         "line end after it): the download stopped short: download the report "
                         "again")  # fmt: skip
    assert say(stop.message, "zh").startswith(f"{cut}:{complete[-1][0]}：文件在此行中间结束")


def test_a_file_cut_between_cells_is_read_in_part(tmp_path: Path) -> None:
    whole = LEDGER.read_bytes()
    cut = tmp_path / "ledger.csv"
    cut.write_bytes(whole[: whole.rstrip().rfind(b",")])  # the last cell gone, and the comma
    rows, stop = cells_of(cut)
    assert isinstance(stop, ReportError) and "ends in the middle of this row" in str(stop)
    assert len(rows[-1][1]) < len(sniff(cut).header)
    cut.write_bytes(whole[:-4])  # the last cell gone, its comma left
    rows, stop = cells_of(cut)
    assert isinstance(stop, ReportError) and "ends in the middle of this row" in str(stop)


def test_a_complete_last_row_without_a_line_end_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes(LEDGER.read_bytes().rstrip(b"\r\n"))
    rows, stop = cells_of(path)
    assert stop is None and rows == cells_of(LEDGER)[0]
    plain = tmp_path / "orders.txt"  # plain tabs
    plain.write_bytes((DATA / "all_orders_with_url.txt").read_bytes().rstrip(b"\r\n"))
    assert cells_of(plain)[1] is None


def test_a_short_last_row_with_its_line_end_is_a_row_warning_only(tmp_path: Path) -> None:
    """A row with too few cells that ends properly is a bad row (warned about), not a cut."""
    lines = (DATA / "reimbursements_cp1252.txt").read_bytes().splitlines(keepends=True)
    path = tmp_path / "reimbursements.txt"
    path.write_bytes(b"".join(lines) + b"2026-03-01\t123\n")
    _rows, stop = cells_of(path)
    assert stop is None


def test_a_utf16_file_cut_mid_row_is_read_in_part(tmp_path: Path) -> None:
    copy = wide_copy(DATA / "all_orders_with_url.txt", tmp_path, "le-bom")
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) - 40])
    _rows, stop = cells_of(copy)
    assert isinstance(stop, ReportError) and "ends in the middle of this row" in str(stop)


def test_scan_of_a_cut_download_drafts_nothing_and_exits_1(cli: Cli, tmp_path: Path) -> None:
    """The quirk set's ledger cut in its last row (the damaged units' row is complete): the
    finding is listed, marked as depending on a file read in part, and not drafted."""
    for name in QUIRK_SET[1:]:
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    whole = LEDGER.read_bytes()
    (tmp_path / LEDGER.name).write_bytes(whole[:-4])
    res = cli("scan", str(tmp_path), "--as-of", AS_OF.isoformat(), "--json", "--draft")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    (partial,) = data["skipped"]
    assert partial["path"] == str(tmp_path / LEDGER.name)
    assert "ends in the middle of this row" in partial["reason"]
    damaged = next(f for f in data["findings"] if f["rule"] == "warehouse-damaged")
    assert damaged["quantity"] == 2
    assert "read only in part" in " ".join(damaged["notes"])
    assert data["drafts"]["drafted"] == []
    text = cli("scan", str(tmp_path), "--as-of", AS_OF.isoformat())
    assert text.code == 1
    assert f"read only in part (rows before the break used): {tmp_path / LEDGER.name}:" in text.out


# -- workbooks and archives ---------------------------------------------------------------

XLSX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40
ODS = b"PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00reports/ledger.txt"


@pytest.mark.parametrize(
    ("name", "data", "says", "zh"),
    [
        ("Reimbursements.xlsx", XLSX, "an Excel workbook (.xlsx), not a report file: open it in "
         'Excel, save it as "Text (Tab delimited)" or "CSV UTF-8", and scan that file',
         "这是 Excel 工作簿（.xlsx）"),
        ("report.xlsx", b"PK\x03\x04" + b"\x00" * 30, "an Excel workbook (.xlsx)",
         "Excel 工作簿"),  # a workbook known by its name only
        ("ledger.xls", XLS, "an Excel 97-2003 workbook (.xls), not a report file", "（.xls）"),
        ("orders.ods", ODS, "a spreadsheet (OpenDocument .ods), not a report file", "电子表格"),
        ("reports.zip", ZIP, "a zip archive, not a report file: extract it and scan the files "
         "inside", "zip 压缩文件"),
    ],
)  # fmt: skip
def test_a_workbook_or_archive_is_named_as_one(
    cli: Cli, tmp_path: Path, name: str, data: bytes, says: str, zh: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportError) as caught:
        sniff(path)
    assert str(caught.value).startswith(f"{path}: {says}")
    assert zh in say(caught.value.message, "zh") and "\\x" not in str(caught.value)
    alone = cli("scan", str(path), "--as-of", AS_OF.isoformat())  # named alone: nothing to scan
    assert (alone.code, alone.out) == (2, "")
    assert alone.err == f"casewriter: error: {caught.value}\n"
    (tmp_path / "orders.txt").write_bytes((DATA / "all_orders_with_url.txt").read_bytes())
    beside = cli("scan", str(tmp_path), "--as-of", AS_OF.isoformat(), "--json")
    assert beside.code == 0, beside.err
    assert f"skipped {caught.value}" in json.loads(beside.out)["notes"]


def test_a_text_report_named_xlsx_is_still_read(tmp_path: Path) -> None:
    """The name does not decide: a tab-delimited report saved with an .xlsx name is read."""
    path = tmp_path / "orders.xlsx"
    path.write_bytes((DATA / "all_orders_with_url.txt").read_bytes())
    assert sniff(path).type == "all-orders"


# -- the text total of findings without an estimate ----------------------------------------


def lost(n: int, amount: str | None) -> Finding:
    return Finding("warehouse-lost", {"fnsku": f"X00TOTAL0{n}", "reference_id": f"1234567890{n}"},
                   2, date(2026, 3, 1), "US", amount=Decimal(amount) if amount else None,
                   currency="USD" if amount else "")  # fmt: skip


def test_a_total_names_what_has_no_estimate() -> None:
    from casewriter.commands.scan_format import _total

    assert _total("claimable", [lost(1, None)]) == (
        "  total: 1 finding(s), 2 unit(s), no estimated value")  # fmt: skip
    assert _total("claimable", [lost(1, "7.50"), lost(2, None), lost(3, "2.50")]) == (
        "  total: 3 finding(s), 6 unit(s), estimated 10.00 USD (1 of them without an estimate)")  # fmt: skip
    assert _total("claimable", [lost(1, "7.50")]) == (
        "  total: 1 finding(s), 2 unit(s), estimated 7.50 USD")  # fmt: skip


def test_the_money_line_without_an_estimate_reads_in_chinese() -> None:
    """The app's counterpart of the total (``scan_support.money_lines``), in either language."""
    from casewriter.reports.summary import summarize
    from casewriter.tui.i18n import set_language
    from casewriter.tui.screens.scan_support import money_lines

    summary = summarize([lost(1, None)], date(2026, 3, 30))
    try:
        set_language("zh")
        zh = money_lines(summary)[0]
        set_language("en")
        en = money_lines(summary)[0]
    finally:
        set_language("en")
    assert "现在可索赔 1 项无估算" in zh and "no estimate" not in zh
    assert "claimable now 1 without an estimate" in en
