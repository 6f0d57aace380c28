"""One meaning of "no documented window" for every scan rule (issue 14 §2): a finding in a
marketplace whose case type has no claim window in the catalog is still reported, ``to-review``,
its window's source the mark "no documented window" and one note saying so; ``scan --draft``
drafts the claims among them and never the leads, as it did for the newer rules. The first four
rules (warehouse-lost, warehouse-damaged, inbound-shortfall, refund-not-returned) used to call
such a finding claimable; ``windows.mark_no_window`` is now the one decision for all."""

from __future__ import annotations

import csv
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import tomlkit

from casewriter.engine import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan, sniff
from casewriter.reports.findings import RULE_CASE_TYPES, Finding
from casewriter.reports.windows import NO_WINDOW
from tests.builtin_catalog import builtin_catalog
from tests.conftest import REPO, CliResult

SELLERS = Path(__file__).parent / "data" / "reports"
FIRST_FOUR = {"warehouse-lost", "warehouse-damaged", "inbound-shortfall", "refund-not-returned"}


def windowless_catalog(paths: AppPaths) -> Catalog:
    """The shipped case types of every scan rule as the user's own, with no claim window in
    any marketplace (their ``[[deadlines]]`` removed)."""
    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    for case_type in set(RULE_CASE_TYPES.values()):
        doc = tomlkit.parse((REPO / "templates" / "case_types" / f"{case_type}.toml").read_text())
        doc.pop("deadlines", None)
        (folder / f"{case_type}.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")
    catalog = Catalog.load(paths)
    assert all(not catalog.deadline_rules(ct, "US") for ct in RULE_CASE_TYPES.values())
    return catalog


def seller_copies(tmp_path: Path) -> list[tuple[Path, date]]:
    """Each sample seller's reports (and the as-of dates of its expectations), copied with the
    stranded reports' auto-removal dates blanked: such a date is a deadline the report itself
    documents, and these copies are to have none."""
    out = []
    for expected in sorted(SELLERS.glob("sellers*/*/expected*.json")):
        folder = tmp_path / expected.parent.name
        if not folder.exists():
            shutil.copytree(expected.parent, folder, ignore=shutil.ignore_patterns("*.json"))
            for path in folder.iterdir():
                if sniff(path).type == "stranded-inventory":
                    _blank_removal_dates(path)
        out.append((folder, date.fromisoformat(json.loads(expected.read_text())["as_of"])))
    return out


def _blank_removal_dates(path: Path) -> None:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    column = [c.lower() for c in rows[0]].index("date-to-take-auto-removal")
    for row in rows[1:]:
        row[column] = ""
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def marked(f: Finding) -> bool:
    notes = [n for n in f.notes if n.startswith(f"{NO_WINDOW} for ")]
    return f.status == "to-review" and f.window.source == NO_WINDOW and len(notes) == 1


def test_every_rule_marks_a_finding_with_no_documented_window(
    paths: AppPaths, tmp_path: Path
) -> None:
    catalog = windowless_catalog(paths)
    findings: list[Finding] = []
    for folder, as_of in seller_copies(tmp_path):
        findings += scan(sorted(folder.iterdir()), as_of=as_of, catalog=catalog).findings
    assert {f.rule for f in findings} == set(RULE_CASE_TYPES)  # every rule has findings
    assert [f for f in findings if not marked(f)] == []
    for f in findings:
        assert (f.window.opens, f.window.closes, f.window.safe_by) == (None, None, None)
        assert f.to_json()["window"]["source"] == NO_WINDOW
        note = next(n for n in f.notes if n.startswith(NO_WINDOW))
        # one wording: what to do differs only between a claim and a lead
        tail = ("check Seller Central help for the current rule before acting on it" if f.lead
                else "file soon and check Seller Central help for the current rule")  # fmt: skip
        assert note.endswith(f": no claim window is known for this marketplace, so {tail}")


def test_the_first_four_rules_in_a_marketplace_without_windows(cli: Any) -> None:
    """The shipped catalog has no warehouse, inbound or refund window for Singapore: Harborline's
    findings there are to-review claims with the mark, listed under TO REVIEW, and ``--draft``
    drafts them as it drafts the newer rules' (a lead it never drafts)."""
    folder = SELLERS / "sellers" / "harborline"
    as_of = json.loads((folder / "expected.json").read_text())["as_of"]
    args = ("scan", str(folder), "--as-of", as_of, "--marketplace", "SG")
    catalog = builtin_catalog()
    assert not any(catalog.deadline_rules(RULE_CASE_TYPES[r], "SG") for r in FIRST_FOUR)
    res: CliResult = cli(*args, "--json", "--draft")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    first = [f for f in data["findings"] if f["rule"] in FIRST_FOUR]
    assert {f["rule"] for f in first} == FIRST_FOUR
    for f in first:
        assert (f["status"], f["window"]["source"], f["marketplace"]) == (
            "to-review", NO_WINDOW, "SG")  # fmt: skip
        assert f"{NO_WINDOW} for {f['case_type']} in SG: " in "\n".join(f["notes"])
    claims = [f for f in data["findings"] if f["status"] == "to-review" and not f.get("lead")]
    assert claims and len(data["drafts"]["drafted"]) + len(data["drafts"]["skipped"]) == len(claims)
    assert data["drafts"]["drafted"]
    text = cli(*args).out
    group = text.split("TO REVIEW — check first (leads, and claims with no documented window)")
    assert len(group) == 2 and "warehouse-lost" in group[1] and "refund-not-returned" in group[1]
    assert "CLAIMABLE" not in text
