"""Three fictional sellers' money reports (tests/data/reports/sellers2/<name>/), each folder scanned
by the real CLI and the findings of the money rules compared with the hand-derived
``expected_money.json`` exactly: rule, ids, status, lead, quantity, event date, marketplace,
window and estimated value — no missing finding, no false positive.

Brightpeak (US: cp1252 returns and reimbursements, a cost CSV, removal rows superseded by later
ones, a package listed twice), Lindenhof (DE + UK in one folder: decimal commas, DD.MM.YYYY,
the older settlement layout downloaded twice, a BOM + CRLF removal file, a cost in the wrong
currency, a payment in the weeks the valuation date is open), Sakuraya (JP: no documented
window for any money claim, Japanese product names, the ledger summary's Found count). Each
carries the traps the issue names: already paid, found later, reversed, too early,
seller-fulfilled. Other files in these folders (another rule's reports) may add findings of
other rules; only the money rules are compared here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casewriter.reports.money import MONEY_RULES
from tests.conftest import CliResult

SELLERS2 = Path(__file__).parent / "data" / "reports" / "sellers2"
NAMES = ("brightpeak", "lindenhof", "sakuraya")


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SELLERS2 / name / "expected_money.json").read_text("utf-8"))
    return data


def key(f: dict[str, Any]) -> tuple[str, str]:
    return f["rule"], json.dumps(f["ids"], sort_keys=True)


def compared(f: dict[str, Any]) -> dict[str, Any]:
    w = f["window"]
    return {
        "status": f["status"],
        "lead": f.get("lead", False),
        "quantity": f["quantity"],
        "event_date": f["event_date"],
        "marketplace": f["marketplace"],
        "window": {"opens": w["opens"], "closes": w["closes"], "safe_by": w.get("safe_by")},
        "estimated_value": f["estimated_value"],
    }


def scan_json(cli: Any, name: str, *extra: str) -> dict[str, Any]:
    want = expected(name)
    res: CliResult = cli("scan", str(SELLERS2 / name), "--as-of", want["as_of"], "--json", *extra)
    assert res.code == 0, res.err
    data: dict[str, Any] = json.loads(res.out)
    return data


@pytest.mark.parametrize("name", NAMES)
def test_money_findings_match_the_hand_derived_expectations(name: str, cli: Any) -> None:
    want = expected(name)
    got = scan_json(cli, name)
    assert got["as_of"] == want["as_of"] and got["warnings"] == []
    if want["marketplace"]:
        assert got["marketplace"] == want["marketplace"]
    mine = [f for f in got["findings"] if f["rule"] in MONEY_RULES]
    got_findings = {key(f): compared(f) for f in mine}
    want_findings = {key(f): compared(f) for f in want["findings"]}
    assert len(got_findings) == len(mine)  # one finding per event
    assert sorted(got_findings.keys() - want_findings.keys()) == []  # no false positive
    assert sorted(want_findings.keys() - got_findings.keys()) == []  # no missing finding
    for k, v in want_findings.items():
        assert got_findings[k] == v, k
    for f in mine:  # every estimate names its basis; every unknown value says why
        if f["estimated_value"] is None:
            assert any("value unknown" in n for n in f["notes"])
        else:
            assert f["details"]["value_basis"]
        if f["window"]["closes"] is None:
            assert f["window"]["source"], f


def test_every_money_rule_is_exercised_by_the_sellers() -> None:
    seen = {f["rule"] for name in NAMES for f in expected(name)["findings"]}
    assert seen == MONEY_RULES
    statuses = {(f["status"], f.get("lead", False)) for n in NAMES for f in expected(n)["findings"]}
    assert {("claimable", False), ("expired", False), ("to-review", False),
            ("to-review", True)} <= statuses  # fmt: skip


def test_scan_notes_say_what_could_not_be_compared(cli: Any) -> None:
    notes = "\n".join(scan_json(cli, "brightpeak")["notes"])
    assert "BP-CLIP-06" in notes and "--costs FILE" in notes  # reimbursed at cost, no cost given
    assert "1 refund(s) not compared with the amount charged" in notes
    lindenhof = "\n".join(scan_json(cli, "lindenhof")["notes"])
    assert "manufacturing cost in another currency" in lindenhof


def test_researching_units_of_a_short_shipment_are_noted_on_its_finding(cli: Any) -> None:
    got = scan_json(cli, "brightpeak")
    short = [f for f in got["findings"] if f["rule"] == "inbound-shortfall"
             and f["ids"]["shipment_id"] == "FBA15BPM0005"]  # fmt: skip
    assert len(short) == 1
    assert any("1 unit(s) of X00BPM0005 still researching" in n for n in short[0]["notes"])
    assert not [f for f in got["findings"] if f["rule"] == "researching-units"
                and f["ids"]["fnsku"] == "X00BPM0005"]  # fmt: skip


def test_file_order_does_not_matter_for_the_money_rules(cli: Any) -> None:
    want = expected("lindenhof")
    files = sorted(p for p in (SELLERS2 / "lindenhof").iterdir() if p.suffix != ".json")
    outs = []
    for order in (files, files[::-1]):
        res = cli("scan", *map(str, order), "--as-of", want["as_of"], "--json")
        assert res.code == 0, res.err
        outs.append([f for f in json.loads(res.out)["findings"] if f["rule"] in MONEY_RULES])
    assert outs[0] == outs[1]
