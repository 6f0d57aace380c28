"""``casewriter scan`` through the real CLI, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLES, CliResult

DATA = Path(__file__).parent / "data" / "reports"


def test_scan_json_on_the_samples(cli) -> None:  # type: ignore[no-untyped-def]
    res: CliResult = cli(
        "scan", *map(str, sorted(SAMPLES.glob("*.tsv"))), "--as-of", "2026-06-30", "--json"
    )
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["as_of"] == "2026-06-30"
    assert len(data["reports"]) == 11
    claimable = sorted(
        (f["rule"], f["quantity"]) for f in data["findings"] if f["status"] == "claimable"
    )
    assert claimable == [
        ("inbound-shortfall", 4),
        ("refund-not-returned", 1),
        ("warehouse-damaged", 2),
    ]
    damaged = next(
        f
        for f in data["findings"]
        if f["rule"] == "warehouse-damaged" and f["status"] == "claimable"
    )
    assert (
        damaged["window"]["closes"] == "2026-07-17" and damaged["case_type"] == "warehouse-damaged"
    )
    assert damaged["estimated_value"] == {"amount": "49.98", "currency": "USD"}


def test_scan_text_groups_by_status_and_skips_non_reports_in_a_folder(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", str(SAMPLES), "--as-of", "2026-06-30")
    assert res.code == 0, res.err
    assert "CLAIMABLE" in res.out and "TOO EARLY" in res.out
    assert "total: 3 finding(s), 7 unit(s), estimated 108.57 USD" in res.out
    assert "skipped" in res.out and "README.md" in res.out


def test_non_report_file_is_one_line_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", str(DATA / "not_a_report.csv"))
    assert res.code == 2
    assert res.err.count("\n") == 1 and "not_a_report.csv" in res.err and "Traceback" not in res.err
    missing = cli("scan", str(DATA / "nope.txt"))
    assert missing.code == 2 and "nope.txt" in missing.err and "Traceback" not in missing.err


def test_bad_options_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("scan", str(SAMPLES), "--as-of", "someday").code == 2
    assert cli("scan", str(SAMPLES), "--marketplace", "XX").code == 2


def test_draft_saves_claimable_findings_once(cli) -> None:  # type: ignore[no-untyped-def]
    args = ("scan", str(SAMPLES), "--as-of", "2026-06-30", "--draft", "--json")
    first = cli(*args)
    assert first.code == 0, first.err
    drafts = json.loads(first.out)["drafts"]
    assert len(drafts["drafted"]) == 3 and drafts["skipped"] == []
    second = cli(*args)
    assert second.code == 0, second.err
    again = json.loads(second.out)["drafts"]
    assert again["drafted"] == [] and len(again["skipped"]) == 3
    listing = cli("log", "list", "--json")
    assert listing.code == 0
    cases = json.loads(listing.out)
    assert cases["total"] == 3
    assert {c["case_type"] for c in cases["cases"]} == {
        "inbound-missing-units",
        "warehouse-damaged",
        "customer-return-not-received",
    }
    # a closed case on the same problem: reopen it rather than draft a new one (issue 12 §6)
    closed = cases["cases"][0]["id"]
    assert cli("log", "file", closed, "--case-id", "7261849305", "--force").code == 0
    assert cli("log", "status", closed, "closed").code == 0
    third = json.loads(cli(*args).out)["drafts"]
    assert third["drafted"] == []
    reasons = [s["reason"] for s in third["skipped"]]
    assert (
        f"closed case {closed}: reopen Seller Central case 7261849305 instead of opening a new case"
        in reasons
    )
