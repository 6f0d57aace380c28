"""The health review's part of the log (schema v5): an old log opens and migrates (with a safety
copy), a failed migration loses nothing, account records are saved, replaced, deleted and
refused when bad, review runs are remembered, the reviews due are worked out, and the JSON
export carries them through an import that refuses bad rows by number."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from casewriter.errors import NotFoundError, StoreError, UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, migrations
from casewriter.store.migrations import MIGRATIONS
from tests.test_store import make_case
from tests.test_store_migrations import _build_at

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_v4_log_migrates_with_a_safety_copy_and_keeps_its_cases(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, 4)
    with CaseStore.open(paths) as store:
        assert any("safety copy" in n or "copy" in n for n in store.notices), store.notices
        assert store.get("CW-000007").sc_case_id == "7261849305"
        assert [h.case.id for h in store.search("退款")] == ["CW-000007"]
        saved, old = store.record_health("US", date(2026, 11, 30), {"odr": "0.42"}, NOW)
        assert old is None and saved.metrics["odr"] == Decimal("0.42")
    copies = [p for p in paths.data_dir.iterdir() if "safety" in p.name]
    assert len(copies) == 1 and "upgrade-v4" in copies[0].name
    conn = sqlite3.connect(copies[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4  # the copy is the old log
    conn.close()


def test_a_failed_v5_migration_leaves_the_log_as_it_was(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, 4, wal=True)
    before = _sha(paths.db_file)

    def broken(conn: sqlite3.Connection) -> None:
        MIGRATIONS[4](conn)  # the tables were created...
        raise sqlite3.OperationalError("disk I/O error")  # ...then the disk failed

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS[:4], broken))
    with pytest.raises(StoreError, match="disk I/O error"):
        CaseStore.open(paths)
    assert _sha(paths.db_file) == before
    conn = sqlite3.connect(paths.db_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    assert "health_records" not in tables
    conn.close()
    monkeypatch.undo()
    with CaseStore.open(paths) as store:  # the next casewriter migrates it normally
        assert store.get("CW-000007").subject == "Missing units FBA17XKQ9M2Z"
        store.record_health("UK", date(2026, 11, 30), {"ahr": 250}, NOW)
        assert [r.marketplace for r in store.health_records()] == ["UK"]


def test_records_are_saved_replaced_listed_and_deleted(paths: AppPaths) -> None:
    with CaseStore.open(paths) as store:
        store.record_health("US", date(2026, 11, 2), {"odr": "0.3", "ahr": "260"}, NOW)
        store.record_health("us", date(2026, 11, 9), {"odr": "0.5%", "violations": 1}, NOW)
        store.record_health("UK", date(2026, 11, 9), {"vtr": "98.5"}, NOW)
        new, old = store.record_health("US", date(2026, 11, 2), {"odr": "0.35"}, NOW)
        assert old is not None and old.metrics["ahr"] == Decimal(260)
        assert new.metrics == {**{k: None for k in new.metrics}, "odr": Decimal("0.35")}
        us = store.health_records("US")
        assert [(r.day, r.metrics["odr"]) for r in us] == [
            (date(2026, 11, 2), Decimal("0.35")),
            (date(2026, 11, 9), Decimal("0.5")),
        ]
        assert us[1].metrics["violations"] == 1
        assert len(store.health_records()) == 3
        assert store.health_records("US", until=date(2026, 11, 5))[0].day == date(2026, 11, 2)
        gone = store.delete_health_record("US", date(2026, 11, 9))
        assert gone.metrics["odr"] == Decimal("0.5")
        with pytest.raises(NotFoundError, match="no account record for US on 2026-11-09"):
            store.delete_health_record("US", date(2026, 11, 9))
        assert len(store.health_records()) == 2


@pytest.mark.parametrize(
    ("mp", "metrics", "says"),
    [
        ("US", {"odr": "101"}, "odr: must be between 0 and 100"),
        ("US", {"ahr": "1200"}, "ahr: must be between 0 and 1000"),
        ("US", {"violations": "1.5"}, "violations: must be a whole number"),
        ("US", {"vtr": "abc"}, "vtr: not a number"),
        ("US", {"odr": "-1"}, "odr: must be between 0 and 100"),
        ("US", {"odr": "nan"}, "odr: must be between"),
        ("US", {}, "give at least one metric"),
        ("XX", {"odr": "1"}, "unknown marketplace 'XX'"),
        ("US", {"speed": "1"}, "unknown metric 'speed'"),
    ],
)
def test_bad_records_are_refused_and_nothing_is_written(
    paths: AppPaths, mp: str, metrics: dict[str, str], says: str
) -> None:
    with CaseStore.open(paths) as store:
        with pytest.raises(UsageError, match=says):
            store.record_health(mp, date(2026, 11, 2), metrics, NOW)
        assert store.health_records() == []


def test_review_runs_and_the_reviews_due(paths: AppPaths) -> None:
    with CaseStore.open(paths) as store:
        due = store.due(NOW, review_days=(7, 31)).reviews
        assert [(r.kind, r.last) for r in due] == [("account-review", None),
                                                   ("inventory-review", None)]  # fmt: skip
        assert due[0].text() == (
            "weekly account review: none recorded yet (start with: casewriter health record)"
        )
        assert store.due(NOW).reviews == []  # not asked: none
        store.record_health("US", NOW.date() - timedelta(days=3), {"odr": "0.2"}, NOW)
        store.record_health("UK", NOW.date() - timedelta(days=8), {"odr": "0.2"}, NOW)
        store.record_review_run(NOW.date(), "US", False, [], NOW - timedelta(days=2))
        run = store.record_review_run(
            NOW.date(), "US", True, [{"path": "/r/planning.txt", "type": "inventory-planning",
                                      "rows": 12, "secret": "dropped"}],
            NOW - timedelta(days=40),
        )  # fmt: skip
        assert run.inventory and run.sources == [
            {"path": "/r/planning.txt", "type": "inventory-planning", "rows": 12}
        ]
        due = store.due(NOW, review_days=(7, 31)).reviews
        assert [(r.kind, r.marketplace, r.days_overdue) for r in due] == [
            ("account-review", "UK", 1),
            ("inventory-review", "", 9),
        ]
        assert due[0].text() == "weekly account review due (UK): last 2026-11-23"
        assert due[1].text() == "monthly inventory health due: last 2026-10-22"
        store.record_review_run(NOW.date(), "US", True, [], NOW)
        assert [r.kind for r in store.due(NOW, review_days=(7, 31)).reviews] == ["account-review"]
        assert [r.inventory for r in store.review_runs(limit=5)] == [True, False, True]


def test_log_due_export_and_import_carry_the_health_part(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    today = datetime.now(UTC).date()
    week_ago = (today - timedelta(days=10)).isoformat()
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.4", "--ahr", "240",
               "--date", week_ago).code == 0  # fmt: skip
    due = json.loads(cli("log", "due", "--json").out)
    assert [r["kind"] for r in due["reviews"]] == ["account-review", "inventory-review"]
    assert due["reviews"][0]["last"] == week_ago
    text = cli("log", "due").out
    assert (
        "weekly account review due (US)" in text
        and "monthly inventory health: none recorded yet" in text
    )
    ics = cli("log", "export", "--format", "ics").out
    assert "SUMMARY:weekly account review due (US)" in ics
    assert "UID:account-review-US@casewriter" in ics
    assert "inventory-review@casewriter" not in ics  # never done: no day for a calendar entry
    export = tmp_path / "log.json"
    assert cli("log", "export", "--out", str(export)).code == 0
    doc = json.loads(export.read_text(encoding="utf-8"))
    assert doc["health_records"][0]["odr"] == "0.4" and doc["health_records"][0]["ahr"] == "240"
    other = tmp_path / "other"
    from tests.conftest import run_cli

    got = run_cli("log", "import", str(export), home=other)
    assert got.code == 0, got.err
    assert "imported 1 account records" in got.out
    shown = json.loads(run_cli("health", "history", "--json", home=other).out)
    assert [(r["marketplace"], r["date"], r["odr"]) for r in shown] == [("US", week_ago, "0.4")]
    # a bad row refuses the whole file, named by its number; nothing is imported
    doc["health_records"].append({"marketplace": "US", "date": "2026-11-30", "odr": "250"})
    doc["cases"] = [make_case_json()]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    third = tmp_path / "third"
    got = run_cli("log", "import", str(bad), home=third)
    assert got.code == 2
    assert got.err.startswith("casewriter: error: health record #2 (US 2026-11-30): odr: must be")
    assert json.loads(run_cli("log", "list", "--json", home=third).out)["cases"] == []
    assert json.loads(run_cli("health", "history", "--json", home=third).out) == []


def make_case_json() -> dict[str, object]:
    """One exported case (the shape ``log export`` writes), for an import file."""
    case = make_case()
    return {
        "id": "CW-000001", "status": "draft", "case_type": case.case_type, "profile": "",
        "marketplace": case.marketplace, "subject": case.subject, "body": case.body,
        "draft": case.draft, "urgency": "routine", "created_at": "2026-11-01T00:00:00Z",
        "updated_at": "2026-11-01T00:00:00Z", "identifiers": [], "events": [], "links": [],
    }  # fmt: skip


def test_stranded_auto_removal_dates_and_the_next_reviews(paths: AppPaths) -> None:
    """A run that read a stranded report remembers its auto-removal dates: ``due`` lists the
    ones within its horizon, ``upcoming`` (the calendar) every one ahead and the next weekly and
    monthly reviews before they are due; a later stranded report supersedes the earlier one."""
    day = NOW.date()

    def stranded(*removals: tuple[str, int, int]) -> list[dict[str, object]]:
        return [{"path": "/r/planning.txt", "type": "inventory-planning", "rows": 3},
                {"path": "/r/stranded.csv", "type": "stranded-inventory", "rows": 3,
                 "auto_removal": [{"date": (day + timedelta(days=d)).isoformat(), "sku": sku,
                                   "fnsku": f"X{sku}", "units": units}
                                  for sku, d, units in removals] + ["junk", {"date": "no"}]}]  # fmt: skip

    with CaseStore.open(paths) as store:
        store.record_health("US", day - timedelta(days=2), {"odr": "0.2"}, NOW)
        store.record_review_run(day, "US", True, stranded(("OLD", 2, 1)), NOW - timedelta(days=3))
        store.record_review_run(day, "US", True, stranded(
            ("CLOCK", 3, 8), ("LAMP", 20, 4), ("GONE", -1, 2)), NOW - timedelta(days=1))  # fmt: skip
        store.record_review_run(day, "US", True, [], NOW)  # no stranded report: not a fresh list
        due = store.due(NOW, review_days=(7, 31), tz=UTC)
        assert due.reviews == []
        assert [(r.sku, r.fnsku, r.units, r.days_left) for r in due.removals] == [
            ("CLOCK", "XCLOCK", 8, 3)]  # fmt: skip
        assert due.removals[0].text() == (
            "8 stranded unit(s) of CLOCK (US) auto-removed on 2026-12-04: fix the listing "
            "before (Inventory → Fix stranded inventory)"
        )
        assert due.to_json()["removals"][0]["removal_on"] == "2026-12-04"
        ahead = store.due(NOW, review_days=(7, 31), tz=UTC, upcoming=True)
        assert [r.sku for r in ahead.removals] == ["CLOCK", "LAMP"]
        assert [(r.kind, r.due_on, r.days_overdue) for r in ahead.reviews] == [
            ("account-review", day + timedelta(days=5), -5),
            ("inventory-review", day + timedelta(days=31), -31),
        ]
