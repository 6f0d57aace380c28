"""``casewriter log …`` and ``render --save`` driven through the real CLI (``cli``: see
tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import REPO
from tests.test_store import make_case

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"


@pytest.fixture
def seeded(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z", body="订单未收到，请退款。"))
        store.save_new(make_case(subject="Second look at FBA17XKQ9M2Z", body="入库少件"))
        store.save_new(
            make_case(
                subject="Lost unit",
                identifiers=[("fnsku", "X003KQ7ZP1")],
                case_type="warehouse-lost",
            )
        )
    return home


def test_list_show_and_json(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("log", "list")
    assert r.code == 0 and "CW-000003" in r.out and "1–3 of 3" in r.out
    r = cli("log", "list", "--type", "warehouse-lost", "--json")
    data = json.loads(r.out)
    assert data["total"] == 1 and data["cases"][0]["id"] == "CW-000003"
    r = cli("log", "show", "cw-1", "--json")
    assert json.loads(r.out)["body"] == "订单未收到，请退款。"
    r = cli("log", "show", "2")
    assert r.code == 0 and "入库少件" in r.out and "created" in r.out


@pytest.mark.parametrize(
    "args",
    [
        ("log", "show", "CW-xyz"),
        ("log", "show", "0"),
        ("log", "status", "1", "finished"),
        ("log", "follow-up", "1", "next tuesday"),
        ("log", "list", "--limit", "-1"),
        ("log", "file", "1", "--case-id", "12ab"),
        ("log", "show", "999"),
        ("log", "reply", "1", "--from", "them"),
    ],
)
def test_bad_input_is_one_line_exit_2(cli, seeded: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    r = cli(*args)
    assert r.code == 2, r
    assert (
        r.err.count("\n") == 1
        and r.err.startswith("casewriter: error: ")
        and "Traceback" not in r.err
    )


def test_file_forced_and_follow_ups(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    # the seeded drafts are not ready (no evidence): filing needs --force, and the log says so
    # (readiness, duplicates and links on filing: tests/test_filing.py)
    r = cli("log", "file", "1", "--case-id", "7261849305", "--json")
    assert r.code == 1 and "CW-000001 is not ready to file: Required evidence missing" in r.err
    r = cli("log", "file", "1", "--case-id", "7261849305", "--force", "--json")
    out = json.loads(r.out)
    assert r.code == 0 and out["case"]["status"] == "filed" and out["case"]["follow_up"]
    assert out["forced"] is True and out["ready_reasons"]
    assert out["case"]["events"][-1]["kind"] == "forced"
    assert out["case"]["events"][-1]["text"].startswith(
        "filed although not ready: [missing-evidence]"
    )
    r = cli("log", "reply", "1", "--from", "amazon", "please", "send", "POD", "--json")
    assert json.loads(r.out)["status"] == "needs-reply"
    r = cli("log", "follow-up", "1", "2020-01-01T00:00Z", "--json")
    assert json.loads(r.out)["follow_up"] == "2020-01-01T00:00:00Z"
    r = cli("log", "due", "--json")
    assert [c["id"] for c in json.loads(r.out)["follow_ups"]] == ["CW-000001"]
    r = cli("log", "list", "--due")
    assert "CW-000001" in r.out and "CW-000002" not in r.out
    r = cli(
        "log",
        "status",
        "1",
        "resolved",
        "--note",
        "paid 4 units",
        "--received",
        "99.80",
        "--currency",
        "USD",
    )
    assert r.code == 0
    stats = json.loads(cli("log", "stats", "--json").out)
    assert stats["by_status"]["resolved"] == 1 and stats["amounts"]["USD"]["received"] == "99.80"
    assert "resolution rate" in cli("log", "stats").out


def test_due_shows_local_time(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("log", "file", "1", "--case-id", "7261849305", "--force").code == 0
    cli("log", "follow-up", "1", "2020-03-08T10:00Z")
    ny = cli("log", "due", env={"TZ": "America/New_York"})
    sh = cli("log", "due", env={"TZ": "Asia/Shanghai"})
    assert "2020-03-08 06:00" in ny.out  # EDT began that morning
    assert "2020-03-08 18:00" in sh.out


def test_search_note_and_chinese(cli, seeded: Path) -> None:  # type: ignore[no-untyped-def]
    cli("log", "note", "3", "客服说正在调查")
    for query, expected in (
        ("退款", "CW-000001"),
        ("少件", "CW-000002"),
        ("正在调查", "CW-000003"),
        ("ｆｂａ17xkq9m2z", "CW-000001"),
    ):
        r = cli("log", "search", query, "--json")
        assert expected in [h["id"] for h in json.loads(r.out)["hits"]], (query, r)
    r = cli("log", "search", '"AND*')
    assert r.code == 0 and "Nothing found" in r.out


def test_export_import_backup(cli, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "log.json"
    assert cli("log", "export", "--format", "json", "--out", str(out)).code == 0
    other = tmp_path / "other"
    r = cli("log", "import", str(out), "--home", str(other), "--json")
    assert json.loads(r.out)["imported"] == 3
    r = cli("log", "import", str(out), "--home", str(other))
    assert "skipped 3" in r.out and "--renumber" in r.out
    first = json.loads(cli("log", "export", "--home", str(other)).out)["cases"]
    assert first == json.loads(out.read_text(encoding="utf-8"))["cases"]
    csv_text = cli("log", "export", "--format", "csv").out
    assert csv_text.lstrip("\ufeff").startswith('"id","status"')
    assert cli("log", "export", "--format", "ics").out.startswith("BEGIN:VCALENDAR")
    r = cli("log", "backup", str(tmp_path / "b.db"), "--json")
    assert Path(json.loads(r.out)["path"]).stat().st_size > 0
    bad = tmp_path / "bad.json"
    bad.write_text("{nope", encoding="utf-8")
    assert cli("log", "import", str(bad)).code == 2


def test_render_save_logs_a_draft(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("render", str(EXAMPLE), "--save")
    assert r.code == 0, r.err
    assert "saved CW-000001 (draft)" in r.err
    r = cli("render", str(EXAMPLE), "--save")
    assert "saved CW-000002" in r.err and "CW-000001" in r.err and "warning" in r.err
    case = json.loads(cli("log", "show", "CW-000001", "--json").out)
    assert case["case_type"] == "inbound-missing-units" and case["status"] == "draft"
    assert {"kind": "shipment_id", "value": "FBA17XKQ9M2Z"} in case["identifiers"]
    assert case["draft"]["case_type"] == "inbound-missing-units"
    assert case["deadline_closes"] is not None


def test_render_save_json_says_what_was_saved(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    first = cli("render", str(EXAMPLE), "--save", "--json", "--as-of", "2026-04-20")
    assert first.code == 0, first.err
    payload = json.loads(first.out)
    assert payload["saved"] == {"id": "CW-000001", "status": "draft", "duplicates": []}
    assert payload["subject"].startswith("Missing units in shipment FBA17XKQ9M2Z")
    second = json.loads(cli("render", str(EXAMPLE), "--save", "--json").out)
    assert second["saved"]["id"] == "CW-000002"
    assert [d["id"] for d in second["saved"]["duplicates"]] == ["CW-000001"]
    plain = json.loads(cli("render", str(EXAMPLE), "--json").out)
    assert "saved" not in plain  # nothing saved, nothing said


def test_search_finds_cases_by_problem_words_and_status(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    """Issue 13 §5: a missing-units case whose text never says 少件 is found by 少件 or 入库
    (its type's titles and problem words are indexed with it), and by its status's names."""
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Shipment FBA17XKQ9M2Z short", body="We shipped 100."))
        store.save_new(
            make_case(
                subject="Unit gone",
                body="Inventory ledger shows it.",
                identifiers=[("fnsku", "X003KQ7ZP1")],
                case_type="warehouse-lost",
            )
        )
    for word, want in [
        ("少件", ["CW-000001"]),
        ("入库", ["CW-000001"]),
        ("丢件", ["CW-000002"]),
        ("草稿", ["CW-000001", "CW-000002"]),
        ("lost", ["CW-000002"]),
        ("shortfall", ["CW-000001"]),
    ]:
        r = cli("log", "search", word, "--json")
        assert r.code == 0, r.err
        assert sorted(h["id"] for h in json.loads(r.out)["hits"]) == want, word
