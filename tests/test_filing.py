"""Filing re-checks readiness as of the filing day (issue 12 §4) and finds duplicates by the
case type's rule (§6): ``log file`` re-renders the stored draft today, refuses a case that is
not ready unless ``--force`` (then the log keeps a ``forced`` event with the reasons), and an
open case on the same problem is a reason unless the two are linked. Driven through the real
CLI on case files dated relative to today, as a seller would save them."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import REPO
from tests.test_store import make_case

FILES = REPO / "templates" / "examples" / "files"


def inbound(tmp_path: Path, name: str, *, shipment: str = "FBA17XKQ9M2Z",
            fnsku: str = "X003KQ7ZP1", days_ago: int = 30) -> Path:  # fmt: skip
    """A ready inbound-missing-units case file, delivered ``days_ago`` days ago."""
    folder = tmp_path / "cases"
    if not folder.exists():
        shutil.copytree(FILES, folder / "files")
    delivered = (date.today() - timedelta(days=days_ago)).isoformat()
    path = folder / f"{name}.toml"
    path.write_text(f"""case_type = "inbound-missing-units"
marketplace = "US"
urgency = "routine"
[profile]
name = "Northbay Goods"
[facts]
units_shipped = 100
units_received = 96
delivered_date = "{delivered}"
[evidence]
shipment_id = "{shipment}"
[[items]]
fnsku = "{fnsku}"
quantity = 4
[[attachments]]
slot = "invoice"
path = "files/invoice-2026-0311.pdf"
description = "Supplier invoice INV-2026-0311 for 100 units"
""", encoding="utf-8")  # fmt: skip
    return path


def save(cli, path: Path) -> str:  # type: ignore[no-untyped-def]
    res = cli("render", str(path), "--save", "--json")
    assert res.code == 0, res.err
    return str(json.loads(res.out)["saved"]["id"])


def test_a_ready_case_files_and_a_closed_window_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ok = save(cli, inbound(tmp_path, "ok"))
    res = cli("log", "file", ok, "--case-id", "7261849305", "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["forced"] is False and data["ready_reasons"] == []
    assert [e["kind"] for e in data["case"]["events"]] == ["created", "filed"]
    # saved while its window was open; by the filing day it has closed (9 months from delivery)
    late = save(cli, inbound(tmp_path, "late", shipment="FBA18ABCD12Z", days_ago=300))
    res = cli("log", "file", late, "--case-id", "7261849306")
    assert res.code == 1 and res.err.count("\n") == 1
    assert f"casewriter: error: {late} is not ready to file: The claim window closed on" in res.err
    assert "--force" in res.err
    shown = json.loads(cli("log", "show", late, "--json").out)
    assert shown["status"] == "draft" and shown["sc_case_id"] is None  # nothing written
    res = cli("log", "file", late, "--case-id", "7261849306", "--force")
    assert res.code == 0 and "filed anyway (--force)" in res.err
    events = json.loads(cli("log", "show", late, "--json").out)["events"]
    assert events[-1]["kind"] == "forced"
    assert events[-1]["text"].startswith(
        "filed although not ready: [window-closed] The claim window closed on"
    )
    assert "forced" in cli("log", "show", late).out


def test_an_open_case_on_the_same_problem_blocks_filing_until_linked(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = save(cli, inbound(tmp_path, "a"))
    again = cli("render", str(inbound(tmp_path, "b")), "--save", "--json")
    data = json.loads(again.out)
    second = data["saved"]["id"]
    # render itself already said so: not ready, the open case named
    assert [d["id"] for d in data["duplicates"]] == [first]
    assert data["duplicates"][0]["matched"] == [
        {"kind": "fnsku", "value": "X003KQ7ZP1"}, {"kind": "shipment_id", "value": "FBA17XKQ9M2Z"}]  # fmt: skip
    assert ("duplicate-open", first) in [(r["code"], r["key"]) for r in data["ready_reasons"]]
    assert f"{second} shares" in again.err  # the save's warning
    res = cli("log", "file", second, "--case-id", "7261849305")
    assert res.code == 1 and f"{first} (draft) is an open case on the same problem" in res.err
    assert f"--link {first}" in res.err
    res = cli("log", "file", second, "--case-id", "7261849305", "--link", first, "--json")
    assert res.code == 0, res.err
    assert json.loads(res.out)["case"]["links"] == [first]
    # the same shipment with another FNSKU is another problem (inbound: shipment + FNSKU)
    other = save(cli, inbound(tmp_path, "c", fnsku="X001ZZ9K3Q"))
    assert cli("log", "file", other, "--case-id", "7261849307").code == 0


def test_a_closed_or_denied_case_says_reopen_do_not_resubmit(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = save(cli, inbound(tmp_path, "a"))
    assert cli("log", "file", first, "--case-id", "7261849305").code == 0
    assert cli("log", "status", first, "closed").code == 0
    data = json.loads(cli("render", str(inbound(tmp_path, "b")), "--json").out)
    assert data["duplicates"] == [] and data["ready"] is True  # closed: a warning, not a block
    assert data["closed_matches"][0]["id"] == first
    assert any(
        f"{first} (closed) was on the same problem" in w
        and "reopen a closed case instead of opening a new one; reopen Seller Central case 7261849305"
        in w
        for w in data["warnings"]
    ), data["warnings"]
    assert cli("log", "status", first, "denied").code == 0
    text = cli("render", str(inbound(tmp_path, "b"))).out
    assert f"Amazon denied {first} on the same problem" in text
    assert "ask not to resubmit a declined request. Reply in Seller Central case 7261849305" in text


def test_the_seller_central_case_id_names_one_case_whatever_its_type(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = save(cli, inbound(tmp_path, "a"))
    assert cli("log", "file", first, "--case-id", "7261849305").code == 0
    other = save(cli, inbound(tmp_path, "b", shipment="FBA18ABCD12Z", fnsku="X001ZZ9K3Q"))
    res = cli("log", "file", other, "--case-id", "7261849305")
    assert res.code == 1 and "case_id 7261849305" in res.err


def test_render_works_without_a_log_and_never_creates_one(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("render", str(inbound(tmp_path, "a")), "--json")
    assert res.code == 0 and json.loads(res.out)["duplicates"] == []
    assert not (home / "cases.db").exists()


def test_a_case_without_a_stored_draft_files_with_a_note(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(replace(make_case(), draft={}))
    res = cli("log", "file", "1", "--case-id", "7261849305")
    assert res.code == 0 and "has no stored draft, so its readiness was not checked" in res.err
