"""Hypothesis over every reader: random cells and random bytes under each documented header
never crash. A file is either read (bad rows skipped, each with a one-line warning naming the
file and line) or refused with a one-line ``ReportError`` naming the file."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casewriter.errors import ReportError
from casewriter.reports import Warnings, scan, sniff
from casewriter.reports.collect import READERS
from tests.builtin_catalog import builtin_catalog
from tests.report_headers import FORMATS

HEADERS = [(name, header) for name, header, _t, _v in FORMATS]

cell = st.one_of(
    st.text(max_size=14),
    st.sampled_from(["", "-", "N/A", "0", "-2", "3", "24.99", "24,99", "1.234,56", "1,234",
                     "0,125", "1e9", "NaN", "Infinity", "99999999999999999999", "12-", "--",
                     "05/18/2026", "2026-05-13T00:00:00-0700", "01.09.2026 00:00:00 UTC",
                     "2026-05", "May-2026", "13/13/2026", "0000-00-00", "Yes", "N", "USD", "EUR",
                     "inches", "cm", "pounds", "g", "cubic feet", "Refund", "REVERSAL_REIMBURSEMENT",
                     "WAREHOUSE_DAMAGE", "ItemPrice", "Principal", "AFN", "SELLABLE", '"', "\t",
                     "\ufeff", "\x00", "Café – “x”", "买家"]),
)  # fmt: skip


def _check(path: Path) -> None:
    try:
        info = sniff(path)
    except ReportError as exc:
        assert str(path) in exc.message and "\n" not in exc.message
        return
    warnings = Warnings()
    try:
        read = sum(1 for _ in READERS[info.type](info, warnings, None))
    except ReportError as exc:
        assert str(path) in exc.message and "\n" not in exc.message
        return
    assert read >= 0
    for message in warnings.all():
        assert "\n" not in message
        assert message.startswith(f"{path}:") or message.startswith("... and ")
    result = scan([info], as_of=date(2026, 6, 30), marketplace="US", catalog=builtin_catalog())
    for message in result.warnings:
        assert "\n" not in message
    for skipped in result.skipped:
        assert str(path) in skipped.reason and "\n" not in skipped.reason


def _write(path: Path, header: list[str], rows: list[list[str]], sep: str, quote: bool) -> None:
    if sep == "," or quote:
        buf = io.StringIO()
        mode = csv.QUOTE_ALL if quote else csv.QUOTE_MINIMAL
        csv.writer(buf, delimiter=sep, quoting=mode, lineterminator="\n").writerows([header, *rows])
        text = buf.getvalue()
    else:
        text = "\n".join(sep.join(r) for r in [header, *rows]) + "\n"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fmt=st.sampled_from(HEADERS), rows=st.lists(st.lists(cell, max_size=60), max_size=6),
       sep=st.sampled_from(["\t", ","]), quote=st.booleans(), repeat=st.booleans())  # fmt: skip
def test_random_cells_never_crash_any_reader(
    tmp_path: Path, fmt: tuple[str, list[str]], rows: list[list[str]], sep: str, quote: bool,
    repeat: bool,
) -> None:  # fmt: skip
    _name, header = fmt
    if repeat and rows:  # a file joined by hand: the header again in the middle
        rows = [*rows[: len(rows) // 2], list(header), *rows[len(rows) // 2 :]]
    path = tmp_path / "report.txt"
    try:
        _write(path, header, rows, sep, quote)
    except UnicodeEncodeError:
        return  # a lone surrogate cannot be written as UTF-8: no such file exists
    _check(path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fmt=st.sampled_from(HEADERS), data=st.binary(max_size=1500))
def test_random_bytes_under_every_header_never_crash(
    tmp_path: Path, fmt: tuple[str, list[str]], data: bytes
) -> None:
    _name, header = fmt
    path = tmp_path / "report.txt"
    path.write_bytes(("\t".join(header) + "\n").encode("utf-8") + data)
    _check(path)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(fmt=st.sampled_from(HEADERS), values=st.lists(cell, min_size=1, max_size=60))
def test_one_row_per_column_is_read_or_skipped_with_one_warning(
    tmp_path: Path, fmt: tuple[str, list[str]], values: list[str]
) -> None:
    """A single data row is either a record or exactly one warning, never both, never lost
    silently unless the reader filters it by design (ledger rows without a reason code)."""
    _name, header = fmt
    row = [v.replace("\t", " ").replace("\n", " ").replace("\r", " ").replace('"', "'")
           for v in (values * len(header))[: len(header)]]  # fmt: skip
    if not any(c.strip() for c in row):
        return
    path = tmp_path / "report.txt"
    path.write_text("\t".join(header) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    info = sniff(path)
    warnings = Warnings()
    try:
        read = sum(1 for _ in READERS[info.type](info, warnings, None))
    except ReportError as exc:  # a row that reads as another report's header
        assert str(path) in exc.message
        return
    assert read + warnings.count <= 1 or info.type in ("settlement-flat",)  # flat: one per amount
