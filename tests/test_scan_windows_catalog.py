"""Scan findings take their claim windows only from the case-type catalog (issue 11): a user's
own case-type file changes them exactly as ``deadline_overrides`` do, a marketplace the catalog
has no rule for gets no window (marked "no documented window", to-review, never a number from
code), and ``scan`` with a broken user case type still takes its windows from the case types
that load."""

from __future__ import annotations

import json
from datetime import date

from casewriter.engine import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan
from casewriter.reports.findings import Finding
from tests.builtin_catalog import builtin_catalog
from tests.conftest import REPO, SAMPLES

LEDGER = SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
REIMBURSEMENTS = SAMPLES / "GET_FBA_REIMBURSEMENTS_DATA.tsv"
AS_OF = date(2026, 6, 30)
REFERENCE = "20081126439781"  # a warehouse-damaged ledger row of 2026-05-18


def damaged(findings: list[Finding]) -> Finding:
    (found,) = [f for f in findings if f.ids.get("reference_id") == REFERENCE]
    assert found.rule == "warehouse-damaged"
    return found


def user_case_type(paths: AppPaths, max_days: int) -> None:
    """The user's copy of warehouse-damaged with its own US window."""
    text = (REPO / "templates" / "case_types" / "warehouse-damaged.toml").read_text("utf-8")
    assert text.count("max_days = 60") >= 1
    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    (folder / "warehouse-damaged.toml").write_text(
        text.replace("max_days = 60", f"max_days = {max_days}"), encoding="utf-8"
    )


def test_a_user_case_type_sets_the_scan_window(paths: AppPaths) -> None:
    before = damaged(
        scan([LEDGER, REIMBURSEMENTS], as_of=AS_OF, catalog=builtin_catalog()).findings
    )
    assert (before.window.opens, before.window.closes) == (date(2026, 5, 18), date(2026, 7, 17))
    assert before.status == "claimable"
    user_case_type(paths, max_days=5)
    catalog = Catalog.load(paths)
    assert catalog.get("warehouse-damaged").origin == "user"
    after = damaged(scan([LEDGER, REIMBURSEMENTS], as_of=AS_OF, catalog=catalog).findings)
    assert after.window.closes == date(2026, 5, 23)  # 2026-05-18 + 5 days: the user's rule
    assert after.status == "expired"


def test_no_rule_in_the_catalog_means_no_window(paths: AppPaths) -> None:
    # JP: the catalog has no warehouse rule for it, and no figure is made up in code. Issue 14
    # §2 gave every rule one meaning of this: the finding is to-review, marked "no documented
    # window" (the first four rules used to call it claimable with a source of their own)
    result = scan(
        [LEDGER, REIMBURSEMENTS], as_of=AS_OF, marketplace="JP", catalog=builtin_catalog()
    )
    found = damaged(result.findings)
    assert (found.window.opens, found.window.closes, found.window.safe_by) == (None, None, None)
    assert (found.status, found.window.source) == ("to-review", "no documented window")
    assert "no documented window for warehouse-damaged in JP: " in found.notes[-1]
    assert found.to_json()["window"]["closes"] is None
    # a rule for every marketplace in a user's case type gives JP one
    text = (REPO / "templates" / "case_types" / "warehouse-damaged.toml").read_text("utf-8")
    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    rule = (
        '\n[[deadlines]]\nmarketplaces = ["*"]\nclock = "ledger date"\nclock_fact = "ledger_date"\n'
        'max_days = 90\nsource = "Seller Central JP help (my reading)"\nas_of = 2026-06-01\n'
    )
    (folder / "warehouse-damaged.toml").write_text(text + rule, encoding="utf-8")
    result = scan(
        [LEDGER, REIMBURSEMENTS], as_of=AS_OF, marketplace="JP", catalog=Catalog.load(paths)
    )
    found = damaged(result.findings)
    assert found.window.closes == date(2026, 8, 16)  # 2026-05-18 + 90 days
    assert found.window.source == "Seller Central JP help (my reading)"


def test_scan_with_a_broken_user_case_type_keeps_catalog_windows(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    (folder / "warehouse-damaged.toml").write_text('id = "warehouse-damaged"\n', "utf-8")
    res = cli("scan", str(LEDGER), str(REIMBURSEMENTS), "--as-of", AS_OF.isoformat(), "--json")
    assert res.code == 0, res.err
    assert "warehouse-damaged.toml" in res.err and "claim windows come from" in res.err
    (found,) = [
        f for f in json.loads(res.out)["findings"] if f["ids"].get("reference_id") == REFERENCE
    ]
    # the built-in warehouse-damaged rule (the user's broken file is skipped), not a default
    assert found["window"]["closes"] == "2026-07-17"
    rule = builtin_catalog().deadline_rules("warehouse-damaged", "US")
    assert found["window"]["source"] in {r.source for r in rule}


def test_windows_module_holds_no_window() -> None:
    source = (REPO / "casewriter" / "reports" / "windows.py").read_text("utf-8")
    assert "timedelta" not in source and "relativedelta" not in source
