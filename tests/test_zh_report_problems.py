"""Issue 13 §4 / 14, the report-reading messages left in English: every row a report reader
skips says why in both languages (``reports.row_words``), and every refusal of a file being
read (``files.check_regular_file`` / ``read_user_file``: a folder, a FIFO, too big, permission
denied) is a ``Said``. Their ``str`` is the English the CLI has always printed (asserted here
line for line); their Chinese has no English sentence left (only the report's own column
names, the cell's value and the path).

The corpus: every sample and format report, each of its first data row's numeric and date
cells in turn made ``zz`` (and ``-7``), read by the reader of its type.
"""

from __future__ import annotations

import errno
import os
import re
from datetime import date
from pathlib import Path

import pytest

from casewriter.errors import ReportError, UsageError
from casewriter.files import check_regular_file, read_user_file
from casewriter.messages import Said, say
from casewriter.reports import Warnings, scan, sniff
from casewriter.reports.collect import READERS
from casewriter.reports.row_words import WORDS as ROW_WORDS
from casewriter.reports.signatures import canon
from tests.builtin_catalog import builtin_catalog
from tests.conftest import SAMPLES
from tests.test_reports_readers import FORMATS
from tests.test_zh_messages import left_in_english

_NUMBER_OR_DATE = re.compile(r"^-?[\d.,/:T+ -]*\d[\d.,/:T+ -]*$")


def _bad_copies(source: Path, tmp: Path) -> list[tuple[Path, str]]:
    """Copies of ``source``, each with one numeric or date cell of its first data row made
    bad (``zz``, or ``-7`` for a count), and the bad value."""
    lines = source.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    delimiter = "\t" if "\t" in lines[0] else ","
    if len(lines) < 2 or '"' in lines[1]:
        return []
    cells = lines[1].split(delimiter)
    out: list[tuple[Path, str]] = []
    for i, cell in enumerate(cells):
        if not cell.strip() or not _NUMBER_OR_DATE.match(cell.strip()):
            continue
        for bad in ("zz", "-7"):
            changed = [*cells]
            changed[i] = bad
            target = tmp / f"{source.stem}-{i}-{bad}{source.suffix}"
            text = "\n".join([lines[0], delimiter.join(changed), *lines[2:]]) + "\n"
            target.write_text(text, encoding="utf-8")
            out.append((target, bad))
    return out


def _row_warnings(tmp: Path) -> list[tuple[Path, str, list[str]]]:
    """(file, the warning, its header names) for every row warning the corpus provokes."""
    found: list[tuple[Path, str, list[str]]] = []
    sources = sorted(SAMPLES.glob("*.tsv")) + sorted(FORMATS.iterdir())
    for source in sources:
        for path, _bad in _bad_copies(source, tmp):
            try:
                info = sniff(path)
            except ReportError:
                continue
            reader = READERS.get(info.type)
            if reader is None:
                continue
            warnings = Warnings()
            try:
                for _row in reader(info, warnings, None):
                    pass
            except ReportError:
                continue
            for message in warnings.all():
                found.append((path, message, list(info.header)))
    return found


def test_the_row_words_table_is_in_both_languages() -> None:
    for code, (en, zh) in ROW_WORDS.items():
        assert en and zh, code
        assert not re.search(r"[\u3400-\u9fff]", en), code
        assert re.search(r"[\u3400-\u9fff：]", zh), code  # Chinese, or its colon


def test_every_row_a_reader_skips_says_why_in_chinese(tmp_path: Path) -> None:
    seen = 0
    readers: set[str] = set()
    for path, message, header in _row_warnings(tmp_path):
        seen += 1
        readers.add(sniff(path).type)
        assert isinstance(message, Said), message
        zh = say(message, "zh")
        assert zh.endswith("（已跳过此行）") and str(path) in zh, zh
        assert "(row skipped)" in message and message.startswith(f"{path}:"), message
        data = [str(path), "zz", "-7", *header, *map(canon, header)]
        # a column named as the reader knows it: ``expected-fulfillment-fee-per-unit``
        columns = re.sub(r"[A-Za-z]\w*(?:[-_]\w+)+", " ", zh)
        assert left_in_english(columns, data) == [], (message, zh)
    assert seen >= 40, seen  # the corpus reaches the readers' bad-cell paths
    assert len(readers) >= 12, sorted(readers)


def _write(path: Path, header: str, row: str) -> Path:
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    return path


def _header(name: str) -> list[str]:
    return (SAMPLES / name).read_text(encoding="utf-8").splitlines()[0].split("\t")


def _row(name: str, **cells: str) -> tuple[str, str]:
    header = _header(name)
    by_canon = {h.lower().replace(" ", "").replace("-", ""): i for i, h in enumerate(header)}
    row = [""] * len(header)
    for key, value in cells.items():
        row[by_canon[key.lower().replace("_", "")]] = value
    return "\t".join(header), "\t".join(row)


#: (report sample, the bad row's cells, the English problem, its Chinese)
CASES = [
    ("GET_LEDGER_DETAIL_VIEW_DATA.tsv",
     {"date": "05/01/2026", "fnsku": "X003KQ7ZP1", "eventtype": "Adjustments",
      "quantity": "abc", "reason": "M", "country": "US"},
     "not an amount: 'abc'", "不是金额：“abc”"),
    ("FBA_INBOUND_SHIPMENT_ITEMS.tsv",
     {"shipmentid": "FBA17XKQ9M2Z", "fulfillmentnetworksku": "X003KQ7ZP1",
      "quantityshipped": "-5", "quantityreceived": "3"},
     "QuantityShipped: -5 is negative (a count of units cannot be)",
     "QuantityShipped：-5 是负数（件数不能为负）"),
    ("GET_FBA_REIMBURSEMENTS_DATA.tsv",
     {"approvaldate": "2026-03-11", "reimbursementid": "293", "amountperunit": "six",
      "quantityreimbursedtotal": "1"},
     "not an amount: 'six'", "不是金额：“six”"),
    ("GET_FBA_REIMBURSEMENTS_DATA.tsv", {"approvaldate": "2026-03-11", "amounttotal": "6.10"},
     "no reimbursement-id or quantity-reimbursed-total",
     "缺少 reimbursement-id 或 quantity-reimbursed-total"),
    ("GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA.tsv", {"sku": "CW-MUG", "quantity": "1"},
     "no order-id", "缺少 order-id"),
    ("GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA.tsv",
     {"orderid": "RMV-1", "sku": "CW-MUG", "requestedquantity": "lots"},
     "requested-quantity: not a number: 'lots'", "requested-quantity：不是数字：“lots”"),
    ("GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA.tsv",
     {"orderid": "RMV-1", "sku": "CW-MUG", "shippedquantity": "2", "shipmentdate": "soon"},
     "shipment-date: not a date: 'soon'", "shipment-date：不是日期：“soon”"),
    ("GET_LEDGER_DETAIL_VIEW_DATA.tsv",
     {"date": "12/31/9999", "fnsku": "X003KQ7ZP1", "eventtype": "Adjustments",
      "quantity": "-1", "reason": "M", "country": "US"},
     "date '12/31/9999' is out of range (dates from 1970-01-01 to 2100-12-31 are accepted)",
     "日期“12/31/9999”超出范围（可接受的日期为 1970-01-01 至 2100-12-31）"),
]  # fmt: skip


@pytest.mark.parametrize(("sample", "cells", "en", "zh"), CASES)
def test_a_bad_row_is_said_exactly_in_both_languages(
    tmp_path: Path, sample: str, cells: dict[str, str], en: str, zh: str
) -> None:
    header, row = _row(sample, **cells)
    path = _write(tmp_path / sample, header, row)
    info = sniff(path)
    warnings = Warnings()
    list(READERS[info.type](info, warnings, None))
    (message,) = warnings.all()
    assert message == f"{path}:2: {en} (row skipped)"
    assert say(message, "zh") == f"{path}:2：{zh}（已跳过此行）"


def test_the_cli_prints_the_row_warnings_in_english_as_before(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    header, row = _row("FBA_INBOUND_SHIPMENT_ITEMS.tsv", **CASES[1][1])
    path = _write(tmp_path / "inbound.tsv", header, row)
    res = cli("scan", str(path), "--as-of", "2026-05-01")
    assert res.code == 0, res.err
    expected = (
        f"{path}:2: QuantityShipped: -5 is negative (a count of units cannot be) (row skipped)"
    )
    assert f"casewriter: warning: {expected}" in res.err.splitlines(), res.err


def test_a_scan_result_carries_the_chinese_of_each_warning(tmp_path: Path) -> None:
    header, row = _row("GET_LEDGER_DETAIL_VIEW_DATA.tsv", **CASES[0][1])
    path = _write(tmp_path / "ledger.tsv", header, row)
    result = scan([path], as_of=date(2026, 5, 4), catalog=builtin_catalog())
    (warning,) = result.warnings
    assert say(warning, "zh") == f"{path}:2：不是金额：“abc”（已跳过此行）"


# -- files refused before they are read ------------------------------------------------------


def _refusal(path: Path, what: str = "report file", **kwargs: int) -> Said:
    with pytest.raises(UsageError) as caught:
        if kwargs:
            read_user_file(path, what, **kwargs)
        else:
            check_regular_file(path, what)
    message = caught.value.message
    assert isinstance(message, Said)
    return message


def test_a_folder_a_fifo_and_a_missing_file_are_refused_in_both_languages(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.tsv"
    os.mkfifo(fifo)
    folder = tmp_path / "reports"
    folder.mkdir()
    refusals = {
        folder: (f"{folder}: is a folder, not a report file", f"{folder}：是文件夹，不是报告文件"),
        fifo: (
            f"{fifo}: is not a regular file (a device, pipe or socket), not a report file",
            f"{fifo}：不是普通文件（而是设备、管道或套接字），不能作为报告文件读取",
        ),
        tmp_path / "gone.tsv": (
            f"{tmp_path / 'gone.tsv'}: no such report file",
            f"{tmp_path / 'gone.tsv'}：找不到该报告文件",
        ),
    }
    for path, (en, zh) in refusals.items():
        message = _refusal(path)
        assert (str(message), say(message, "zh")) == (en, zh)


def test_too_large_is_said_in_both_languages(tmp_path: Path) -> None:
    big = tmp_path / "cases.toml"
    big.write_bytes(b"x" * 3000)
    message = _refusal(big, "case file", max_bytes=1024)
    assert str(message) == f"{big}: too large for a case file (3 KB; at most 1 KB)"
    assert say(message, "zh") == f"{big}：作为Case 文件太大（3 KB；最多 1 KB）"
    small = _refusal(big, "export file", max_bytes=100)
    assert str(small) == f"{big}: too large for an export file (3 KB; at most 100 bytes)"
    assert say(small, "zh") == f"{big}：作为导出文件太大（3 KB；最多 100 字节）"


def test_permission_denied_is_said_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.toml"
    locked.write_text("x")
    real_open = os.open

    def denied(path: object, *args: object, **kwargs: object) -> int:
        if str(path) == str(locked):  # as a file of mode 000 is for anyone but root
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    message = _refusal(locked, "case file", max_bytes=1024)
    assert str(message) == f"{locked}: cannot read: permission denied"
    assert say(message, "zh") == f"{locked}：无法读取：没有权限"


def test_a_report_refused_by_sniff_is_said_in_chinese(tmp_path: Path) -> None:
    fifo = tmp_path / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    os.mkfifo(fifo)
    with pytest.raises(ReportError) as caught:
        sniff(fifo)
    assert say(caught.value.message, "zh") == (
        f"{fifo}：不是普通文件（而是设备、管道或套接字），不能作为报告文件读取"
    )


def test_a_scan_of_nothing_readable_is_said_in_both_languages(tmp_path: Path) -> None:
    gone = tmp_path / "gone.tsv"
    with pytest.raises(ReportError) as caught:
        scan([gone, tmp_path], catalog=builtin_catalog())
    message = caught.value.message
    assert message == (
        f"none of the 2 files is a readable Seller Central report: {gone}: no such report "
        f"file; {tmp_path}: is a folder, not a report file"
    )
    assert say(message, "zh") == (
        f"2 个文件都不是可读取的卖家后台报告：{gone}：找不到该报告文件；{tmp_path}：是文件夹，不是报告文件"
    )
