"""Acceptance, issue 10 §2: one bad value never makes the log unreadable.

- Dates and times from every CLI entry point (follow-up, reply --at, render --save of a case
  file and with --as-of, scan --draft, import) are range-checked (1970–2100) and a command that
  refuses writes nothing: the log's JSON export is the same before and after.
- What is written is the zero-padded ISO form, at both ends of the range.
- A bad value put in with raw SQL into columns the builders' own tests do not poison
  (updated/filed/resolved times, urgency, marketplace, case type, profile, Seller Central id,
  a number or a blob where text belongs, an event's kind, an identifier's kind) leaves every
  reader working: list, show, search, due, stats and the three exports; ``log repair`` fixes
  the case.
- Text that is not UTF-8 (another tool, a disk error) and lone surrogates (a ``\\ud800`` JSON
  escape in a case file or an export) must not break the log either.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import REPO, SAMPLES, CliResult
from tests.test_store import make_case

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"


def one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err, res.err


def cases_now(cli: Any) -> list[dict[str, Any]]:
    """The log's cases as the lossless export shows them (``exported_at`` left out)."""
    res = cli("log", "export", "--format", "json")
    assert res.code == 0, res
    cases: list[dict[str, Any]] = json.loads(res.out)["cases"]
    return cases


@pytest.fixture
def seeded(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z"))
        filed = store.save_new(
            make_case(subject="Second 少件 case", identifiers=[("order_id", "902-3159896-1390916")])
        )
        store.file(filed.id, "7261849305")
    return home


OUT_OF_RANGE = [
    "0226-05-01",
    "１９６９-12-31",  # full-width digits, NFKC: 1969
    "2101-01-01",
    "9999-12-31T23:59:59-14:00",  # overflows year 9999 when made UTC
    "0001-01-01T00:00+14:00",  # underflows year 1
]


def test_out_of_range_times_are_refused_and_nothing_is_written(cli: Any, seeded: Path) -> None:
    before = cases_now(cli)
    for when in OUT_OF_RANGE:
        one_line_error(cli("log", "follow-up", "CW-000001", "--", when))
        one_line_error(cli("log", "reply", "CW-000002", "--from", "amazon", "--at", when, "hi"))
    assert cases_now(cli) == before


def test_range_ends_are_written_zero_padded_and_read_back(cli: Any, seeded: Path) -> None:
    assert cli("log", "follow-up", "1", "1970-01-01T00:00").code == 0
    assert cli("log", "follow-up", "2", "2100-12-31T23:59").code == 0
    shown = {c["id"]: c["follow_up"] for c in cases_now(cli)}
    assert shown == {"CW-000001": "1970-01-01T00:00:00Z", "CW-000002": "2100-12-31T23:59:00Z"}
    listed = cli("log", "list")
    assert listed.code == 0 and listed.err == "", listed
    ics = cli("log", "export", "--format", "ics")
    assert ics.code == 0 and "DUE:21001231T235900Z" in ics.out.replace("\r\n ", ""), ics.out
    csv_out = cli("log", "export", "--format", "csv")
    assert "1970-01-01T00:00:00Z" in csv_out.out


def test_render_save_of_an_out_of_range_case_writes_nothing(
    cli: Any, seeded: Path, tmp_path: Path
) -> None:
    before = cases_now(cli)
    one_line_error(cli("render", str(EXAMPLE), "--as-of", "9999-12-31", "--save"))
    text = EXAMPLE.read_text(encoding="utf-8").replace("2026-04-02", "9999-12-31")
    case_file = tmp_path / "far.toml"
    case_file.write_text(text, encoding="utf-8")
    one_line_error(cli("render", str(case_file), "--save"))
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "units_shipped = 100", "units_shipped = 1e308"
    )
    case_file.write_text(text, encoding="utf-8")
    one_line_error(cli("render", str(case_file), "--save"))
    assert cases_now(cli) == before


def test_scan_draft_skips_a_far_date_and_saves_valid_dates(
    cli: Any, home: Path, tmp_path: Path
) -> None:
    report = tmp_path / "inbound.tsv"
    lines = (SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2026-04-02", "9999-12-31")
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("scan", str(report), "--as-of", "2026-05-01", "--draft")
    assert res.code == 0, res
    assert "9999-12-31" in res.err and "out of range" in res.err
    for case in cases_now(cli):
        for key in ("created_at", "updated_at"):
            assert len(case[key]) == 20 and case[key][4] == "-", case[key]
        if case["deadline_closes"]:
            assert 1970 <= int(case["deadline_closes"][:4]) <= 2100


# Bad values put in with raw SQL, a few columns per damaged case: columns the builders' tests
# leave alone, a number or a blob where text belongs, JSON that is valid but not a draft.
POISON: list[dict[str, object]] = [
    {"updated_at": "garbage", "filed_at": "9999-12-31T00:00:00Z", "resolved_at": "x"},
    {"urgency": "extreme", "marketplace": "ZZ", "case_type": "no-such-type"},
    {"profile": "shop \x1b[2J [/]", "sc_case_id": "abc \x1b]52;c;ZXZpbA==\x07"},
    {"follow_up_at": 12345, "deadline_closes": 3.5, "expected_amount": 1e308},
    {"follow_up_at": b"\xff\xfe", "received_amount": "-Infinity", "draft_json": "[1, 2]"},
    {"draft_json": "[" * 100_000 + "]" * 100_000, "created_at": "2026-13-45T99:99:99Z"},
]


def test_every_reader_survives_bad_values_in_the_other_columns(cli: Any, home: Path) -> None:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Healthy case FBA15ABCDE12", identifiers=[]))
        for n, columns in enumerate(POISON):
            store.save_new(make_case(subject=f"Damaged {n} {sorted(columns)}", identifiers=[]))
    conn = sqlite3.connect(home / "cases.db")
    for n, columns in enumerate(POISON):
        for column, raw in columns.items():
            conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (raw, n + 2))
    conn.execute("UPDATE events SET kind = '\x1b[31mweird' WHERE case_id = 2")
    conn.execute("INSERT INTO identifiers VALUES (3, 'bogus-kind', 'X\x1b[2J')")
    conn.commit()
    conn.close()
    total = len(POISON) + 1
    for args in (
        ("log", "list", "--limit", "100"),
        ("log", "list", "--json", "--limit", "100"),
        ("log", "search", "Damaged"),
        ("log", "due", "--days", "3650"),
        ("log", "stats"),
        ("log", "export", "--format", "csv"),
        ("log", "export", "--format", "ics"),
        ("log", "export", "--format", "json"),
    ):
        res = cli(*args)
        assert res.code == 0, (args, res.err)
        assert "Traceback" not in res.err and "internal error" not in res.err
        if "csv" not in args:  # a CSV export to a pipe is data, kept exact
            assert "\x1b" not in res.out + res.err, args
    for n in range(2, total + 1):
        shown = cli("log", "show", str(n))
        assert shown.code == 0 and "Damaged" in shown.out, shown
        assert "\x1b" not in shown.out + shown.err
        repaired = cli("log", "repair", str(n))
        assert repaired.code == 0, repaired
    after = json.loads(cli("log", "export").out)["cases"]
    assert len(after) == total
    assert [c["id"] for c in after if "invalid" in c] == []


@pytest.mark.parametrize("column", ["subject", "body"])
def test_text_that_is_not_utf8_in_one_case_leaves_the_log_readable(
    cli: Any, seeded: Path, column: str
) -> None:
    conn = sqlite3.connect(seeded / "cases.db")
    conn.execute(f"UPDATE cases SET {column} = CAST(x'41ff42c3' AS TEXT) WHERE id = 2")
    conn.commit()
    conn.close()
    for args in (
        ("log", "list"),
        ("log", "search", "FBA17XKQ9M2Z"),
        ("log", "export"),
        ("log", "show", "2"),
        ("log", "repair", "2"),
    ):
        res = cli(*args)
        assert res.code == 0, (args, res.err)
    assert "CW-000001" in cli("log", "list").out


def test_event_text_that_is_not_utf8_leaves_show_and_export_working(cli: Any, seeded: Path) -> None:
    conn = sqlite3.connect(seeded / "cases.db")
    conn.execute("UPDATE events SET text = CAST(x'41ff42c3' AS TEXT) WHERE case_id = 2")
    conn.commit()
    conn.close()
    for args in (("log", "show", "2"), ("log", "export"), ("log", "export", "--format", "csv")):
        res = cli(*args)
        assert res.code == 0, (args, res.err)


def _surrogate_case(folder: Path) -> Path:
    path = folder / "pasted.json"
    path.write_text(
        '{"case_type": "general", "marketplace": "US",'
        ' "profile": {"name": "Shop \\ud800 x", "merchant_token": "A2NBGOODS7XQ1"},'
        ' "facts": {"topic": "lone \\udcff surrogate"}}',
        encoding="utf-8",
    )
    return path


def test_lone_surrogate_in_a_json_case_file_is_a_one_line_error_on_save(
    cli: Any, seeded: Path, tmp_path: Path
) -> None:
    before = cases_now(cli)
    res = cli("render", str(_surrogate_case(tmp_path)), "--save")
    assert res.code in (0, 2), res
    assert "Traceback" not in res.err and "internal error" not in res.err, res.err
    after = cases_now(cli)
    assert after == before or len(after) == len(before) + 1


def test_lone_surrogate_in_a_json_case_file_renders_as_an_escape(
    cli: Any, home: Path, tmp_path: Path
) -> None:
    res = cli("render", str(_surrogate_case(tmp_path)))
    assert res.code == 0, res
    assert "\\ud800" in res.out and "\\udcff" in res.out


def test_lone_surrogate_in_an_import_file_is_refused_with_the_row(
    cli: Any, seeded: Path, tmp_path: Path
) -> None:
    doc = json.loads(cli("log", "export").out)
    doc["cases"][1]["subject"] = "bad \ud800 subject"
    doc["cases"][1]["id"] = "CW-000900"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")  # ASCII: the \ud800 escape
    before = cases_now(cli)
    res = cli("log", "import", str(path))
    one_line_error(res)
    assert "#2" in res.err
    assert cases_now(cli) == before


def test_import_with_the_same_id_twice_in_the_file_names_both_rows(
    cli: Any, seeded: Path, tmp_path: Path
) -> None:
    doc = json.loads(cli("log", "export").out)
    twin = dict(doc["cases"][0], id="CW-000777", subject="first of the twins")
    other = dict(doc["cases"][1], id="CW-000777", subject="second of the twins")
    doc["cases"] = [twin, other]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = cases_now(cli)
    res = cli("log", "import", str(path))
    one_line_error(res)
    assert "#1" in res.err and "#2" in res.err
    assert cases_now(cli) == before


IMPORT_REFUSED: list[tuple[str, object, str]] = [
    ("currency", "=1+1", "unknown currency"),
    ("id", "CW-99999999999999999999999", "not a case id"),
    ("expected", {"amount": "-5", "currency": "USD"}, "negative"),
    ("received", {"amount": 1e308, "currency": "USD"}, "too large"),
    ("follow_up", "0226-05-01T09:00:00Z", "1970–2100"),
    ("deadline_closes", "9999-12-31", "1970–2100"),
    ("sc_case_id", "abc", "Seller Central case id"),
]


def test_import_refuses_like_the_live_commands_with_the_row_number(
    cli: Any, seeded: Path, tmp_path: Path
) -> None:
    exported = cli("log", "export").out
    before = cases_now(cli)
    for field, value, says in IMPORT_REFUSED:
        doc = json.loads(exported)
        for case in doc["cases"]:
            case["id"] = case["id"].replace("CW-0000", "CW-0005")  # new ids: nothing skipped
            case["links"] = []
        doc["cases"][1][field] = value
        path = tmp_path / f"export-{field}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        res = cli("log", "import", str(path))
        one_line_error(res)
        assert "case #2" in res.err and says in res.err, (field, res.err)
    assert cases_now(cli) == before
