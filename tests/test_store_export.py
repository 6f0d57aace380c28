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
from casewriter.store.importer import rows_from_document
from casewriter.store.formats import to_csv, to_ics
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
