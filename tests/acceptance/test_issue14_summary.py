"""Acceptance, issue 14 §3: the money at stake that ends every scan — claimable by rule and
currency, too early with the date it becomes claimable, expired (lost by waiting), to review,
and the findings worth the most — in the text and as ``summary`` in ``--json``.

One folder per seller situation of the other acceptance files (removals, reimbursements below
cost, damaged returns and an over-refund, refunds from settlements of both layouts) plus a
Canadian refund, scanned together as of 2026-06-01. Expected figures (each derived in the test
that owns the situation):

claimable   removal-incomplete RMV-A 12.00 USD (3 units); reimbursement-underpaid 4.00 USD
            (2 units); refund-not-returned 111-0000001-0000001 20.00 USD; refund-not-returned
            702-5000001-0000001 20.50 CAD
too early   refund-not-returned 111-0000005-0000005 25.00 USD, claimable from 2026-06-30
expired     reimbursement-underpaid 10000000009 2.00 USD
to review   removal-lost leads 28.00 + 28.00, reimbursement-below-price lead 10.00, return-damaged
            20.00 + 35.00 and refund-over-charge 5.00 (no documented window): 126.00 USD
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    COSTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    write_report,
)
from tests.acceptance.issue14_rows import (
    flat_row,
    flat_total,
    v2_row,
    v2_total,
)
from tests.acceptance.test_issue14_money import _returns, _underpaid
from tests.acceptance.test_issue14_removals import _removals
from tests.acceptance.test_issue14_settlements import _charges_flat, _payments

Cli = Callable[..., Any]


def _folders(tmp_path: Path) -> list[str]:
    _removals(tmp_path / "removals")
    _underpaid(tmp_path / "underpaid")
    write_report(tmp_path / "underpaid" / "costs.csv", COSTS, [
        {"sku": f"UP-{s}", "cost": "5.00", "currency": "USD"} for s in "ABCDG"])  # fmt: skip
    _returns(tmp_path / "returns")
    write_report(tmp_path / "refunds" / "settlement_feb.txt", SETTLEMENT_FLAT, _charges_flat())
    _payments(tmp_path / "refunds")
    write_report(tmp_path / "canada" / "ca.txt", SETTLEMENT_FLAT, [
        flat_total("5001", "CAD"),
        flat_row("5001", "Refund", "702-5000001-0000001", "CA-1", "2026-01-10", currency="CAD",
                 market="Amazon.ca", price_type="Principal", price_amount="-20.50"),
    ])  # fmt: skip
    return [str(tmp_path / n) for n in ("removals", "underpaid", "returns", "refunds", "canada")]


def test_json_summary(cli: Cli, tmp_path: Path) -> None:
    res = cli("scan", *_folders(tmp_path), "--as-of", "2026-06-01", "--json")
    assert res.code == 0, res.err
    summary = json.loads(res.out)["summary"]
    assert summary["claimable"] == {
        "findings": 4,
        "total": [{"currency": "CAD", "amount": "20.50"}, {"currency": "USD", "amount": "36.00"}],
        "by_rule": [
            {"rule": "refund-not-returned", "currency": "CAD", "amount": "20.50", "findings": 1,
             "units": 1},
            {"rule": "refund-not-returned", "currency": "USD", "amount": "20.00", "findings": 1,
             "units": 1},
            {"rule": "reimbursement-underpaid", "currency": "USD", "amount": "4.00",
             "findings": 1, "units": 2},
            {"rule": "removal-incomplete", "currency": "USD", "amount": "12.00", "findings": 1,
             "units": 3},
        ],
        "without_estimate": 0,
    }  # fmt: skip
    assert summary["too_early"]["total"] == [{"currency": "USD", "amount": "25.00"}]
    assert summary["too_early"]["by_date"] == [
        {"claimable_from": "2026-06-30", "currency": "USD", "amount": "25.00", "findings": 1}]  # fmt: skip
    assert summary["expired"]["by_rule"] == [
        {"rule": "reimbursement-underpaid", "currency": "USD", "amount": "2.00", "findings": 1,
         "units": 1}]  # fmt: skip
    review = summary["to_review"]
    assert (review["findings"], review["leads"], review["total"]) == (
        6, 3, [{"currency": "USD", "amount": "126.00"}])  # fmt: skip
    # the findings worth the most among those that can be filed (claimable, or a claim with no
    # documented window), never a lead; amounts in two currencies are not ranked together
    assert [(t["rule"], t["amount"], t["currency"], t["status"], t["closes"])
            for t in summary["top"]] == [
        ("refund-not-returned", "20.50", "CAD", "claimable", "2027-07-10"),
        ("return-damaged", "35.00", "USD", "to-review", None),
        ("refund-not-returned", "20.00", "USD", "claimable", "2026-06-20"),
        ("return-damaged", "20.00", "USD", "to-review", None),
        ("removal-incomplete", "12.00", "USD", "claimable", "2026-06-09"),
        ("refund-over-charge", "5.00", "USD", "to-review", None),
    ]  # fmt: skip


def test_text_ends_with_the_money_at_stake(cli: Cli, tmp_path: Path) -> None:
    res = cli("scan", *_folders(tmp_path), "--as-of", "2026-06-01")
    assert res.code == 0, res.err
    tail = res.out[res.out.index("MONEY AT STAKE (estimates)") :].splitlines()
    assert [" ".join(line.split()) for line in tail] == [
        " ".join(line.split())
        for line in [
            "MONEY AT STAKE (estimates)",
            "  claimable now: 20.50 CAD, 36.00 USD",
            "    refund-not-returned                20.50 CAD  (1 finding(s), 1 unit(s))",
            "    refund-not-returned                20.00 USD  (1 finding(s), 1 unit(s))",
            "    reimbursement-underpaid             4.00 USD  (1 finding(s), 2 unit(s))",
            "    removal-incomplete                 12.00 USD  (1 finding(s), 3 unit(s))",
            "  too early: 25.00 USD",
            "           25.00 USD  claimable from 2026-06-30 (1 finding(s))",
            "  expired (lost by waiting): 2.00 USD",
            "    reimbursement-underpaid             2.00 USD  (1 finding(s))",
            "  to review: 126.00 USD in 6 finding(s) (3 lead(s) to check, 3 claim(s) with no "
            "documented window)",
            "  worth the most (file these first):",
            "    1. refund-not-returned 702-5000001-0000001 CA-1: 20.50 CAD, closes 2027-07-10",
            "    2. return-damaged 111-7000002-0000002 RD-2: 35.00 USD, no documented window",
            "    3. refund-not-returned 111-0000001-0000001 ST-A: 20.00 USD, closes 2026-06-20",
            "    4. return-damaged 111-7000001-0000001 RD-1: 20.00 USD, no documented window",
            "    5. removal-incomplete RMV-A X00RMV000A: 12.00 USD, closes 2026-06-09",
            "    6. refund-over-charge 111-7100001-0000001 RO-1: 5.00 USD, no documented window",
        ]
    ]  # columns aligned by the command: compared word by word


def test_nothing_found_still_says_what_is_at_stake(cli: Cli, tmp_path: Path) -> None:
    write_report(tmp_path / "settlement.txt", SETTLEMENT_FLAT, [flat_total("1", "USD")])
    data = json.loads(cli("scan", str(tmp_path), "--json", "--as-of", "2026-06-01").out)
    assert data["findings"] == [] and data["summary"]["top"] == []
    assert data["summary"]["claimable"] == {"findings": 0, "total": [], "by_rule": [],
                                            "without_estimate": 0}  # fmt: skip
    text = cli("scan", str(tmp_path), "--as-of", "2026-06-01").out
    assert "No discrepancies found." in text


def test_a_finding_with_a_broken_id_is_not_first_to_file(cli: Cli, tmp_path: Path) -> None:
    """A refund row whose order id was cut short by a spreadsheet (111-90000-01): the scan
    rightly refuses to draft it, but the summary then tells the seller to file it first."""
    write_report(tmp_path / "feb.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Refund", "111-90000-01", "BI-1", "ItemPrice", "Principal", "-99.00",
               "2026-02-20"),
        v2_row("1001", "Refund", "111-9000002-0000002", "BI-2", "ItemPrice", "Principal",
               "-20.00", "2026-02-20"),
    ])  # fmt: skip
    data = json.loads(cli("scan", str(tmp_path), "--json", "--as-of", "2026-05-01").out)
    broken = next(f for f in data["findings"] if f["ids"]["order_id"] == "111-90000-01")
    assert broken["status"] == "to-review" and any("fails its check" in n for n in broken["notes"])
    assert [t["ids"]["order_id"] for t in data["summary"]["top"]] == ["111-9000002-0000002"]
    text = cli("scan", str(tmp_path), "--as-of", "2026-05-01").out
    assert "1 claim(s) with no documented window" not in text
