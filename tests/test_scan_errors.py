"""``scan`` when some files cannot be read: an unreadable report named on the command line is
listed with its reason and the rest are still scanned (exit 1); a folder with nothing readable
says why for each file (exit 2); a report that breaks part way is used up to the break, and
``--draft`` saves no draft for a finding that depends on it. ``scan --help`` and the README
list every report type and rule."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from casewriter.health.review import expand
from casewriter.reports.findings import RULE_CASE_TYPES
from casewriter.reports.signatures import REPORT_TYPES
from casewriter.reports.sniff import sniff_all
from tests.conftest import REPO, SAMPLES, CliResult
from tests.report_headers import SETTLEMENT_V2

DATA = Path(__file__).parent / "data" / "reports"
FORMATS = DATA / "formats"
LEDGER = SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"


def test_an_unreadable_named_file_is_reported_and_the_rest_scanned(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    args = (
        "scan",
        str(DATA / "not_a_report.csv"),
        str(LEDGER),
        str(empty),
        "--as-of",
        "2026-06-30",
    )
    res: CliResult = cli(*args, "--json")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    assert [r["type"] for r in data["reports"]] == ["ledger-detail"]
    assert {f["rule"] for f in data["findings"]} == {"warehouse-damaged", "warehouse-lost"}
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert "not a known Seller Central report" in reasons["not_a_report.csv"]
    assert "empty file" in reasons["empty.txt"]
    assert not any(s["partial"] for s in data["skipped"])
    assert "not_a_report.csv" in res.err and "Traceback" not in res.err  # also on stderr
    text = cli(*args)
    assert text.code == 1
    assert "NOT READ IN FULL (2)" in text.out and "not read: " in text.out
    assert "CLAIMABLE" in text.out


def test_a_folder_with_nothing_readable_says_why_for_each_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "notes.csv").write_text("name,email\nx,y\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden").write_text("x", encoding="utf-8")
    res: CliResult = cli("scan", str(folder))
    assert res.code == 2
    lines = res.err.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in res.err
    assert "notes.csv: not a known Seller Central report" in res.err
    assert "empty.txt: empty file" in res.err
    assert lines[-1].startswith("casewriter: error: no Seller Central report found in")
    (folder / "notes.csv").unlink()
    (folder / "empty.txt").unlink()
    empty = cli("scan", str(folder))
    assert empty.code == 2 and "no files in it" in empty.err


def test_scan_and_the_health_review_take_the_same_files_from_the_same_arguments(
    cli: Any, tmp_path: Path
) -> None:
    """One function (``reports.sniff.sniff_all``) says which files a list of arguments means:
    a folder's files in name order (hidden files passed over silently, other files with their
    reason, a folder inside it listed but not walked: the health review names it), and each
    file named on its own (unreadable: listed)."""
    folder = tmp_path / "downloads"
    (folder / "older").mkdir(parents=True)
    shutil.copy(LEDGER, folder / "b ledger.tsv")
    shutil.copy(FORMATS / "stranded_inventory.csv", folder / "a stranded.csv")
    shutil.copy(LEDGER, folder / ".b ledger.tsv")  # a hidden copy: not read
    shutil.copy(LEDGER, folder / "older" / "ledger.tsv")  # not read: folders are not walked
    (folder / "notes.csv").write_text("name,email\nx,y\n", encoding="utf-8")
    named = tmp_path / "empty.txt"
    named.write_bytes(b"")
    found = sniff_all([folder, named])
    assert [i.path for i in found.reports] == [folder / "a stranded.csv", folder / "b ledger.tsv"]
    (note,) = found.passed_over
    assert note.startswith(f"{folder / 'notes.csv'}: not a known Seller Central report")
    assert found.unreadable == [(named, f"{named}: empty file, not a Seller Central report")]
    infos, bad, notes = expand([folder, named])  # the health review's
    assert found.subfolders == [f"{folder / 'older'}: a folder inside {folder} (name it to read "
                                "its reports)"]  # fmt: skip
    assert [i.path for i in infos] == [i.path for i in found.reports]
    assert notes == [*found.subfolders, note]
    assert [(b.path, b.status, b.reason) for b in bad] == [(str(named), "unreadable",
                                                            found.unreadable[0][1])]  # fmt: skip
    res: CliResult = cli("scan", str(folder), str(named), "--as-of", "2026-06-30", "--json")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    assert [Path(r["path"]) for r in data["reports"]] == [i.path for i in found.reports]
    assert f"skipped {note}" in data["notes"]
    assert [s["path"] for s in data["skipped"]] == [str(named)]


def test_a_single_unreadable_file_is_still_one_line_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", str(DATA / "not_a_report.csv"))
    assert res.code == 2 and res.err.count("\n") == 1


def _broken_settlement(tmp_path: Path) -> Path:
    """The March flat settlement with a V2 header joined under it: read up to line 19."""
    march = (FORMATS / "settlement_flat_march.txt").read_text("utf-8")
    path = tmp_path / "settlements joined.txt"
    path.write_text(march + "\t".join(SETTLEMENT_V2) + "\n", encoding="utf-8")
    return path


def test_draft_skips_findings_that_depend_on_a_report_read_in_part(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = _broken_settlement(tmp_path)
    res = cli("scan", str(LEDGER), str(broken), "--as-of", "2026-06-30", "--draft", "--json")
    assert res.code == 1, res.err
    data = json.loads(res.out)
    (skipped,) = data["skipped"]
    assert skipped["partial"] and ":19: the header of another report" in skipped["reason"]
    claimable = {f["rule"]: f for f in data["findings"] if f["status"] == "claimable"}
    assert claimable["refund-not-returned"]["complete"] is False
    assert "complete" not in claimable["warehouse-damaged"]  # the ledger was read in full
    assert len(data["drafts"]["drafted"]) == 1  # the warehouse finding only
    reasons = [s["reason"] for s in data["drafts"]["skipped"]]
    assert reasons and all("read only in part" in r for r in reasons)
    cases = json.loads(cli("log", "list", "--json").out)["cases"]
    assert [c["case_type"] for c in cases] == ["warehouse-damaged"]


def test_help_lists_every_report_type_and_rule(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", "--help")
    assert res.code == 0
    listed = set(re.findall(r"^  ([a-z0-9-]+)\s", res.out, flags=re.MULTILINE))
    assert set(REPORT_TYPES) <= listed
    assert set(RULE_CASE_TYPES) <= listed


def test_readme_scan_section_lists_every_report_type_and_rule() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("## Scan reports for claims", 1)[1].split("\n## ", 1)[0]
    missing = [t for t in (*REPORT_TYPES, *RULE_CASE_TYPES) if f"`{t}`" not in section]
    assert missing == []
