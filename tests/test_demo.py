"""``casewriter demo``: a living sample log in a fresh home, never in a log that holds cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli


def test_demo_fills_the_named_home(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    examples = list((REPO / "templates" / "examples").glob("*.toml"))
    assert report["cases"] == len(examples) == 25
    assert Path(report["home"]) == home.resolve()
    # several statuses, as a living log has
    assert {"draft", "filed", "needs-reply", "resolved", "denied", "closed"} <= set(
        report["statuses"]
    )
    reports = sorted(p.name for p in Path(report["reports"]).glob("*.tsv"))
    assert "GET_LEDGER_DETAIL_VIEW_DATA.tsv" in reports and len(reports) == 11

    due = json.loads(cli("log", "due", "--json").out)
    assert due["follow_ups"], "filed demo cases have follow-ups due"
    stats = json.loads(cli("log", "stats", "--json").out)
    assert stats["total"] == 25

    assert report["account_records"] == 4
    review = json.loads(cli("health", report["inventory"], "--json").out)
    metrics = {m["key"]: m for m in review["account"]["metrics"]}
    assert metrics["odr"]["status"] == "warning" and metrics["lsr_10"]["status"] == "miss"
    assert len(metrics["odr"]["trend"]) == 4 and review["account"]["due"] is False
    assert review["inventory"]["read"] and review["inventory"]["snapshot"] == "2026-11-09"
    assert {a["kind"] for a in review["actions"]} >= {"metric-miss", "stranded", "restock"}
    reviews = json.loads(cli("log", "due", "--json").out)["reviews"]
    assert reviews == []  # recorded a day ago, and the review just read inventory reports

    scan = json.loads(cli("scan", report["reports"], "--as-of", "2026-06-30", "--json").out)
    assert {f["rule"] for f in scan["findings"] if f["status"] == "claimable"} == {
        "inbound-shortfall",
        "warehouse-damaged",
        "refund-not-returned",
    }


def test_demo_refuses_a_log_that_holds_cases(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo").code == 0
    again = cli("demo")
    assert again.code == 2
    assert again.err.startswith("casewriter: error: ") and "already holds 25" in again.err
    assert len(json.loads(cli("log", "list", "--json", "--limit", "100").out)["cases"]) == 25


def test_demo_without_home_uses_a_new_temporary_folder() -> None:
    result = run_cli("demo", "--json")
    assert result.code == 0, result.err
    home = Path(json.loads(result.out)["home"])
    try:
        assert home.name.startswith("casewriter-demo-")
        assert (home / "cases.db").exists()
        assert "casewriter --home" not in result.out  # JSON mode prints only JSON
    finally:
        shutil.rmtree(home, ignore_errors=True)
