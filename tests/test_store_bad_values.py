"""One bad stored value never makes the log unreadable.

Values no current writer would store (a year-226 follow-up from the old ``strftime`` bug, a
9999 deadline, text where an amount belongs, broken draft JSON, an unknown status) are put in
with raw SQL. The case shows them as invalid; list, show, search, due, stats and every export
keep working; ``log show`` names the command that fixes each; ``log repair`` fixes them all and
keeps the old text in a note; a JSON export of such a log imports again."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.test_store import make_case

T0 = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)

#: (column, raw value, field name in ``invalid``)
BAD = [
    ("follow_up_at", "226-05-01T09:00:00Z", "follow_up"),
    ("deadline_closes", "9999-12-31", "deadline_closes"),
    ("expected_amount", "abc", "expected_amount"),
    ("received_amount", "1E+308", "received_amount"),
    ("created_at", "garbage", "created_at"),
    ("draft_json", "{not json", "draft"),
    ("status", "bogus", "status"),
    ("currency", "=1+1", "currency"),
]


def poison(path: Path, num: int, column: str, raw: object) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (raw, num))
    conn.commit()
    conn.close()


@pytest.fixture
def three(paths: AppPaths) -> Path:
    """Three cases: CW-000002 is the one the tests damage."""
    with CaseStore.open(paths, clock=lambda: T0) as store:
        store.save_new(make_case(subject="Good one FBA17XKQ9M2Z"))
        b = store.save_new(
            make_case(
                subject="Damaged 少件 FBA15ABCDE12",
                identifiers=[("shipment_id", "FBA15ABCDE12")],
                expected_amount=Decimal("24.99"),
                currency="USD",
                deadline_closes=date(2026, 6, 1),
            )
        )
        store.file(b.id, "7261849305")
        store.add_event(b.id, "note", "客服说正在调查")
        store.save_new(make_case(subject="Third one", identifiers=[]))
    return paths.db_file


@pytest.mark.parametrize(("column", "raw", "field"), BAD)
def test_store_reads_around_one_bad_value(
    three: Path, paths: AppPaths, column: str, raw: str, field: str
) -> None:
    poison(three, 2, column, raw)
    with CaseStore.open(paths, clock=lambda: T0) as store:
        listed = {c.id: c for c in store.list()}
        assert set(listed) == {"CW-000001", "CW-000002", "CW-000003"}
        in_list = field in ("follow_up", "deadline_closes", "created_at", "status")
        assert dict(listed["CW-000002"].invalid) == ({field: raw} if in_list else {})
        assert listed["CW-000001"].invalid == ()
        case = store.get(2)
        assert (field, raw) in case.invalid
        assert [h.case.id for h in store.search("少件")] == ["CW-000002"]
        store.due(T0)
        assert store.stats()["total"] == 3
        exported = {r["id"]: r for r in store.export_rows()}
        assert exported["CW-000002"]["invalid"] == {field: raw}
        assert "invalid" not in exported["CW-000001"]
        json.dumps(exported, ensure_ascii=False)  # the export stays serialisable


def test_cli_keeps_working_and_show_says_how_to_fix(cli, three: Path) -> None:  # type: ignore[no-untyped-def]
    for column, raw, _field in BAD:
        if column not in ("status", "created_at"):
            poison(three, 2, column, raw)
    conn = sqlite3.connect(three)
    conn.execute("UPDATE events SET at = '0226' WHERE case_id = 2 AND kind = 'note'")
    conn.commit()
    conn.close()
    r = cli("log", "list")
    assert r.code == 0 and "CW-000002" in r.out and "invalid" in r.out
    assert "log show CW-000002" in r.err
    r = cli("log", "show", "2")
    assert r.code == 0, r.err
    assert "follow-up: invalid" in r.out and "claim window closes: invalid" in r.out
    assert "expected: invalid received: invalid" in r.out
    assert "casewriter log follow-up CW-000002 YYYY-MM-DD" in r.err
    assert "casewriter log status CW-000002 filed --expected AMOUNT" in r.err
    assert "casewriter log repair CW-000002" in r.err
    assert "'226-05-01T09:00:00Z'" in r.err and "events[" in r.err
    for args in (
        ("log", "search", "少件"),
        ("log", "due"),
        ("log", "stats"),
        ("log", "export", "--format", "csv"),
        ("log", "export", "--format", "ics"),
        ("log", "export", "--format", "json"),
        ("log", "show", "2", "--json"),
        ("log", "list", "--json"),
    ):
        r = cli(*args)
        assert r.code == 0, (args, r.err)
        assert "internal error" not in r.err
    assert "cannot be read" in cli("log", "stats").err
    rows = list(
        csv.DictReader(io.StringIO(cli("log", "export", "--format", "csv").out.lstrip("\ufeff")))
    )
    assert "follow_up=226-05-01T09:00:00Z" in rows[1]["invalid"] and rows[1]["follow_up"] == ""
    cal = Calendar.from_ical(cli("log", "export", "--format", "ics").out)
    uids = {str(x["uid"]) for x in cal.walk() if x.name in ("VTODO", "VEVENT")}
    assert "CW-000002-follow-up@casewriter" not in uids  # unreadable: no entry, no failure


def test_repair_clears_every_bad_value_and_keeps_it_in_a_note(cli, three: Path) -> None:  # type: ignore[no-untyped-def]
    for column, raw, _field in BAD:
        poison(three, 2, column, raw)
    r = cli("log", "repair", "CW-000002")
    assert r.code == 0, r.err
    case = json.loads(cli("log", "show", "2", "--json").out)
    assert "invalid" not in case
    assert case["follow_up"] is None and case["deadline_closes"] is None
    assert case["expected"] is None and case["received"] is None
    assert case["status"] == "filed"  # it has a Seller Central case id
    assert case["currency"] == "" and case["draft"] == {}
    note = case["events"][-1]
    assert (
        note["kind"] == "note"
        and "226-05-01T09:00:00Z" in note["text"]
        and "garbage" in note["text"]
    )
    assert "nothing to repair" in cli("log", "repair", "2").out
    assert cli("log", "show", "2").err == ""


def test_json_export_of_a_damaged_log_imports_again(cli, three: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    poison(three, 2, "follow_up_at", "226-05-01T09:00:00Z")
    poison(three, 2, "expected_amount", "-5")
    out = tmp_path / "log.json"
    assert cli("log", "export", "--out", str(out)).code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["cases"][1]["invalid"] == {
        "follow_up": "226-05-01T09:00:00Z",
        "expected_amount": "-5",
    }
    r = cli("log", "import", str(out), "--home", str(tmp_path / "fresh"), "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["imported"] == 3
    assert json.loads(r.out)["invalid_values_left_out"] == ["CW-000002"]
    again = json.loads(cli("log", "show", "2", "--json", "--home", str(tmp_path / "fresh")).out)
    assert again["follow_up"] is None and "invalid" not in again


def test_the_old_strftime_bug_end_to_end(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    """The issue's reproduction: an internal error, the change saved, the log unreadable."""
    example = (
        Path(__file__).resolve().parent.parent
        / "templates"
        / "examples"
        / "inbound-missing-units.toml"
    )
    assert cli("render", str(example), "--save").code == 0
    r = cli("log", "follow-up", "CW-000001", "0226-05-01")
    assert r.code == 2 and "out of range" in r.err and "internal error" not in r.err
    assert json.loads(cli("log", "show", "1", "--json").out)["follow_up"] is None  # not saved
    # A log written by the old version (year not zero-padded) still reads:
    poison(home / "cases.db", 1, "follow_up_at", "226-05-01T09:00:00Z")
    for args in (
        ("log", "list"),
        ("log", "show", "1"),
        ("log", "search", "FBA17XKQ9M2Z"),
        ("log", "export"),
    ):
        assert cli(*args).code == 0, args


#: Text columns a non-UTF-8 value can land in (another tool, a disk error): (table, column,
#: field name in ``invalid``).
NOT_UTF8 = [
    ("cases", "profile", "profile"),
    ("cases", "case_type", "case_type"),
    ("cases", "subject", "subject"),
    ("cases", "body", "body"),
    ("cases", "sc_case_id", "sc_case_id"),
    ("cases", "marketplace", "marketplace"),
    ("cases", "currency", "currency"),
    ("cases", "urgency", "urgency"),
    ("cases", "status", "status"),
    ("cases", "follow_up_at", "follow_up"),
    ("cases", "draft_json", "draft"),
    ("events", "text", "events[1].text"),
    ("events", "kind", "events[1].kind"),
    ("events", "at", "events[1].at"),
    ("identifiers", "value", "identifier"),
    ("identifiers", "kind", "identifier"),
]


@pytest.mark.parametrize(("table", "column", "field"), NOT_UTF8)
def test_text_that_is_not_utf8_is_read_marked_and_repaired(
    three: Path, paths: AppPaths, table: str, column: str, field: str
) -> None:
    key = "id" if table == "cases" else "case_id"
    conn = sqlite3.connect(three)
    conn.execute(f"UPDATE {table} SET {column} = CAST(x'41ff42c3' AS TEXT) WHERE {key} = 2")
    conn.commit()
    conn.close()
    with CaseStore.open(paths, clock=lambda: T0) as store:
        assert {c.id for c in store.list()} == {"CW-000001", "CW-000002", "CW-000003"}
        case = store.get(2)
        assert (field, "b'A\\xffB\\xc3'") in case.invalid
        store.search("FBA17XKQ9M2Z")
        store.due(T0)
        assert store.stats()["total"] == 3
        exported = {r["id"]: r for r in store.export_rows()}
        assert exported["CW-000002"]["invalid"][field] == "b'A\\xffB\\xc3'"
        json.dumps(exported, ensure_ascii=False)
        repaired, changes = store.repair(2)
        assert repaired.invalid == [] and changes
        assert "b'A\\\\xffB\\\\xc3'" in repaired.events[-1].text  # the raw bytes, kept
        assert store.get(2).invalid == []
    raw = sqlite3.connect(three)
    try:  # every value is valid UTF-8 text again: a plain connection reads the whole log
        for name in ("cases", "events", "identifiers"):
            raw.execute(f"SELECT * FROM {name}").fetchall()
    finally:
        raw.close()


def test_bad_text_is_a_str_that_remembers_its_bytes() -> None:
    from casewriter.store.values import BadText, Cells, plain_text, read_text

    assert read_text("少件".encode()) == "少件" and type(read_text(b"ok")) is str
    bad = read_text(b"A\xffB")
    assert isinstance(bad, BadText) and bad == "A\ufffdB" and bad.raw == b"A\xffB"
    assert type(plain_text(bad)) is str
    cells = Cells()
    assert cells.choice("urgency", bad, ("routine",)) == "A\ufffdB"
    assert cells.invalid == [("urgency", "b'A\\xffB'")]  # marked once, with the bytes


def test_stored_times_dates_and_amounts_read_alike() -> None:
    """``Cells.ts``, ``date`` and ``amount`` share one reader: nothing stored is None and not
    marked; what does not parse (or is no text) is None and kept in ``invalid``; a blank time
    or date is none, but a blank amount is a bad one (amounts are stored NULL when absent)."""
    from casewriter.store.values import BadText, Cells

    cells = Cells()
    assert cells.ts("filed_at", None) is None and cells.ts("filed_at", "") is None
    assert cells.ts("filed_at", "2026-03-02T10:00:00Z") == datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert cells.date("deadline_closes", "") is None
    assert cells.date("deadline_closes", "2026-03-02") == date(2026, 3, 2)
    assert cells.amount("expected_amount", None) is None
    assert cells.amount("expected_amount", "12.50") == Decimal("12.50")
    assert cells.invalid == []
    assert cells.ts("filed_at", "yesterday") is None
    assert cells.ts("filed_at", 5) is None
    assert cells.date("deadline_closes", "2026-02-30") is None
    assert cells.amount("expected_amount", "") is None
    assert cells.amount("received_amount", BadText(b"1\xff")) is None
    assert cells.invalid == [
        ("filed_at", "yesterday"),
        ("filed_at", "5"),
        ("deadline_closes", "2026-02-30"),
        ("expected_amount", ""),
        ("received_amount", "b'1\\xff'"),
    ]


@pytest.mark.parametrize(
    ("column", "raw"), [("status", "bogus"), ("marketplace", "ZZ"), (None, "")]
)
def test_a_list_row_and_the_full_record_read_the_same_head(
    three: Path, paths: AppPaths, column: str | None, raw: str
) -> None:
    """A list row (``SUMMARY_COLS``) and the full record (``FULL_COLS``) read the columns they
    both start with (id … subject) through one reader: the full record's own summary is the
    list row, a bad head value marked alike in both."""
    if column is not None:
        poison(three, 2, column, raw)
    with CaseStore.open(paths, clock=lambda: T0) as store:
        listed = {c.id: c for c in store.list()}
        full = store.get(2)
    row = listed["CW-000002"]
    assert row == full.summary()
    assert (row.sc_case_id, row.subject) == ("7261849305", "Damaged 少件 FBA15ABCDE12")
    assert row.invalid == (() if column is None else ((column, raw),))
    assert (row.status, row.marketplace) == (
        raw if column == "status" else "filed",
        raw if column == "marketplace" else full.marketplace,
    )
