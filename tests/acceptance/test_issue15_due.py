"""Issue 15 acceptance: the due reminders and the demo. ``log due`` (and its JSON and ICS
export) says "weekly account review due" when no ``health record`` was made for 7 days and
"monthly inventory health due" when no ``health`` run read inventory reports for 31 days; each
run is remembered with its date and sources (``--no-record`` and a run that read no inventory
report do not count). ``casewriter demo`` brings inventory reports and weeks of account records
so the review has something to show.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.acceptance.issue15_files import RIDGEWAY, STRANDED, write_report
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def today() -> date:
    """Today as ``log due`` sees it (the local zone of the test process)."""
    return datetime.now().astimezone().date()


def reviews(cli: Cli) -> list[dict[str, Any]]:
    got = cli("log", "due", "--json")
    assert got.code == 0, got.err
    due: list[dict[str, Any]] = json.loads(got.out)["reviews"]
    return due


def import_runs(cli: Cli, tmp_path: Path, runs: list[dict[str, Any]]) -> None:
    doc = {"format": "casewriter-log", "version": 1, "cases": [], "review_runs": runs}
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    got = cli("log", "import", str(path))
    assert got.code == 0, got.err


def test_weekly_review_due_after_seven_days(paths: AppPaths) -> None:
    """The boundary, on the store's own clock: a record on day D is due again on D + 7."""
    from casewriter.health.due import due_days

    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    with CaseStore.open(paths) as store:
        store.record_health("US", date(2026, 11, 24), {"odr": "0.3"}, now)
        store.record_health("UK", date(2026, 11, 25), {"odr": "0.3"}, now)
        got = store.due(now, review_days=due_days(), tz=UTC).reviews
        assert [(r.kind, r.marketplace, r.due_on, r.days_overdue) for r in got
                if r.kind == "account-review"] == [("account-review", "US", date(2026, 12, 1), 0)]  # fmt: skip
        assert got[0].text() == "weekly account review due (US): last 2026-11-24"
        store.record_review_run(date(2026, 10, 31), "US", True, [], now - timedelta(days=31))
        store.record_review_run(date(2026, 11, 30), "US", False, [], now - timedelta(days=1))
        got = store.due(now, review_days=due_days(), tz=UTC).reviews
        inventory = [r for r in got if r.kind == "inventory-review"]
        assert [(r.last, r.due_on) for r in inventory] == [(date(2026, 10, 31), date(2026, 12, 1))]
        assert inventory[0].text() == "monthly inventory health due: last 2026-10-31"
        later = now - timedelta(days=1)  # one day earlier neither is due
        assert [r.kind for r in store.due(later, review_days=due_days(), tz=UTC).reviews] == []


def test_log_due_says_which_review_is_due_and_a_run_clears_the_monthly_one(
    cli: Cli, tmp_path: Path
) -> None:
    old = (today() - timedelta(days=9)).isoformat()
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.3", "--date", old).code == 0
    forty_days = (datetime.now(UTC) - timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
    import_runs(cli, tmp_path, [{"at": forty_days, "as_of": forty_days[:10], "marketplace": "US",
                                 "inventory": True, "sources": []}])  # fmt: skip
    due = {r["kind"]: r for r in reviews(cli)}
    assert due["account-review"]["marketplace"] == "US" and due["account-review"]["last"] == old
    assert due["account-review"]["days_overdue"] == 2
    assert due["inventory-review"]["last"] == forty_days[:10]
    text = cli("log", "due").out
    assert f"weekly account review due (US): last {old}" in text
    assert f"monthly inventory health due: last {forty_days[:10]}" in text
    # runs that do not count: --no-record, no report, a file that is not an inventory report
    assert cli("health", str(RIDGEWAY), "--no-record").code == 0
    assert cli("health").code == 0
    note = tmp_path / "notes.txt"
    note.write_text("hello\n", encoding="utf-8")
    assert cli("health", str(note)).code == 1
    assert "inventory-review" in {r["kind"] for r in reviews(cli)}
    # a run that reads inventory reports does
    assert cli("health", str(RIDGEWAY)).code == 0
    assert "inventory-review" not in {r["kind"] for r in reviews(cli)}
    # and a record today clears the weekly one
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.3").code == 0
    assert reviews(cli) == []
    exported = json.loads(cli("log", "export").out)["review_runs"]
    last = exported[-1]
    assert last["inventory"] is True and last["marketplace"] == "US"
    assert {Path(s["path"]).name for s in last["sources"]} >= {"FBA_Inventory_2026-11-30.txt",
                                                              "stranded.csv", "restock.txt"}  # fmt: skip


def test_the_due_reviews_go_to_the_calendar_export(cli: Cli) -> None:
    old = today() - timedelta(days=10)
    assert cli("health", "record", "--marketplace", "DE", "--vtr", "97", "--date",
               old.strftime("%d.%m.%Y")).code == 0  # fmt: skip
    ics = cli("log", "export", "--format", "ics").out
    todo = ics.split("BEGIN:VTODO")[1].split("END:VTODO")[0]
    assert "UID:account-review-DE@casewriter" in todo
    assert f"DUE;VALUE=DATE:{(old + timedelta(days=7)).strftime('%Y%m%d')}" in todo
    assert "SUMMARY:weekly account review due (DE)" in todo


def test_the_calendar_holds_the_next_weekly_review_before_it_is_due(cli: Cli) -> None:
    recent = today() - timedelta(days=2)
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.3", "--date",
               recent.isoformat()).code == 0  # fmt: skip
    ics = cli("log", "export", "--format", "ics").out
    assert f"DUE;VALUE=DATE:{(recent + timedelta(days=7)).strftime('%Y%m%d')}" in ics


def test_a_future_dated_record_does_not_hide_the_weekly_review(cli: Cli) -> None:
    old = (today() - timedelta(days=20)).isoformat()
    typo = (today() + timedelta(days=365 * 3)).isoformat()  # 2029 typed for 2026
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.3", "--date", old).code == 0
    cli("health", "record", "--marketplace", "US", "--odr", "0.3", "--date", typo)
    assert "account-review" in {r["kind"] for r in reviews(cli)}


def test_a_stranded_auto_removal_date_is_a_reminder(cli: Cli, tmp_path: Path) -> None:
    soon = today() + timedelta(days=3)
    folder = write_report(tmp_path / "r" / "stranded.txt", STRANDED, [{
        "primary-action": "Relist", "date-stranded": (today() - timedelta(days=20)).isoformat(),
        "Date-to-take-auto-removal": soon.isoformat(), "status-primary": "Stranded",
        "stranded-reason": "Closed listing", "asin": "B0RWCLK004", "sku": "RW-CLOCK",
        "fnsku": "X00RWCLK04", "fulfilled-by": "Amazon", "fulfillable-qty": 8,
        "your-price": "25.00"}]).parent  # fmt: skip
    assert cli("health", str(folder), "--marketplace", "US").code == 0
    due = cli("log", "due", "--json")
    ics = cli("log", "export", "--format", "ics").out
    assert "RW-CLOCK" in due.out or "X00RWCLK04" in due.out
    assert soon.strftime("%Y%m%d") in ics


def test_demo_has_inventory_reports_and_weeks_of_account_records(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    home = tmp_path / "demo"
    got = run_cli("demo", "--home", str(home))
    assert got.code == 0, got.err
    inventory = home / "sample-reports" / "inventory"
    assert str(inventory) in got.out
    records = json.loads(run_cli("health", "history", "--json", home=home).out)
    days = sorted(date.fromisoformat(r["date"]) for r in records)
    assert len(days) >= 3 and len({r["marketplace"] for r in records}) >= 1
    assert all((b - a).days == 7 for a, b in zip(days, days[1:], strict=False))  # weekly
    assert (today() - days[-1]).days < 7  # the last week is recent: the review is not due yet
    review = json.loads(run_cli("health", str(inventory), "--json", "--no-record", home=home).out)
    kinds = {s["type"] for s in review["sources"] if s["status"] == "read"}
    assert {"inventory-planning", "manage-inventory", "stranded-inventory", "restock"} <= kinds
    shown = [f for f in review["inventory"]["figures"] if f["value"] is not None]
    assert len(shown) >= 8
    assert any(m["status"] in ("miss", "warning") for m in review["account"]["metrics"])
    assert any(a["case"] for a in review["actions"])  # something to open in the wizard
    assert "account-review" not in {r["kind"] for r in json.loads(
        run_cli("log", "due", "--json", home=home).out)["reviews"]}  # fmt: skip
