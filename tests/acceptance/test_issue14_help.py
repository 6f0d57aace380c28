"""Acceptance, issue 14 §2 and "Done when": ``scan --help`` and README's scan section name every
report type and every rule (by the ids ``--json`` uses), the seller's own CSVs with their
headers, and the options the new rules need. The ids are the ones the other acceptance files
see in real scans, typed in here, not read from the code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.acceptance.issue14_files import FORMATS
from tests.conftest import REPO

Cli = Callable[..., Any]

REPORT_TYPES = sorted({t for _h, t in FORMATS.values()} | {"seller-measurements",
                                                           "manufacturing-costs"})  # fmt: skip
#: rule → the case type ``--draft`` saves (seen in the acceptance scans)
RULES = {
    "inbound-shortfall": "inbound-missing-units",
    "warehouse-lost": "warehouse-lost",
    "warehouse-damaged": "warehouse-damaged",
    "refund-not-returned": "customer-return-not-received",
    "fee-overcharge": "fee-dimension-weight",
    "storage-fee-check": "general",
    "stranded-inventory": "stranded-inventory",
    "removal-incomplete": "removal-damaged-or-incomplete",
    "removal-lost": "removal-lost-in-transit",
    "return-damaged": "customer-return-wrong-or-damaged",
    "refund-over-charge": "general",
    "reimbursement-underpaid": "reimbursement-underpaid",
    "reimbursement-below-price": "reimbursement-underpaid",
    "researching-units": "warehouse-lost",
}
OPTIONS = ("--measurements", "--costs", "--confirm-removal-lost", "--draft-stranded", "--draft")
HEADERS = ("sku,length,width,height,dimension_unit,weight,weight_unit", "sku,cost,currency")


def _scan_section() -> str:
    readme = (REPO / "README.md").read_text("utf-8")
    start = readme.index("## Scan reports")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end > 0 else None]


def test_scan_help_lists_every_report_type_rule_option_and_csv(cli: Cli) -> None:
    res = cli("scan", "--help")
    assert res.code == 0 and res.err == ""
    listed = set(re.findall(r"^  ([a-z][a-z0-9-]+) ", res.out, re.M))
    assert set(REPORT_TYPES) <= listed, sorted(set(REPORT_TYPES) - listed)
    missing = [r for r in RULES if not re.search(rf"^  {r}\b", res.out, re.M)]
    assert not missing
    for option in OPTIONS:
        assert option in res.out
    flat = " ".join(res.out.split())
    for header in HEADERS:
        assert header in flat.replace(", ", ",").replace(",\n", ",")
    for status in ("claimable", "too-early", "expired", "to-review"):
        assert status in res.out


@pytest.mark.parametrize("rule", sorted(RULES))
def test_readme_scan_section_lists_each_rule_with_its_case_type(rule: str) -> None:
    section = _scan_section()
    line = next((x for x in section.splitlines() if x.startswith("|") and f"`{rule}`" in x), "")
    assert line, f"no README table row for {rule}"
    assert f"`{RULES[rule]}`" in line


def test_readme_scan_section_lists_each_report_type_and_the_sellers_csvs() -> None:
    section = _scan_section()
    rows = {m for m in re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M)}
    assert set(REPORT_TYPES) <= rows, sorted(set(REPORT_TYPES) - rows)
    for header in HEADERS:
        assert header in section
    for option in OPTIONS:
        assert option in section
    assert "never flagged" in section.lower()


def test_help_never_breaks_a_column_name_at_80_columns(cli: Cli) -> None:
    """A seller copies the CSV header from --help; a name cut in two is a wrong header."""
    out = cli("scan", "--help", env={"COLUMNS": "80"}).out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.count("ension_unit") == out.count("dimension_unit")
