"""Only a payment for a unit makes a refunded order "already reimbursed" (issue 14, finding
F13): a fee given back (``INCORRECT_FEES_ITEMS`` in a settlement, ``Fee_Correction`` in the
Reimbursements report) leaves the refund a claim; a payment for the unit still closes it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue14_files import REIMBURSEMENTS, SETTLEMENT_V2, write_report
from tests.acceptance.issue14_rows import reimbursement, v2_row, v2_total

ORDER = "111-9100001-0000001"


def refunded(folder: Path) -> None:
    write_report(folder / "feb.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Order", ORDER, "UP-1", "ItemPrice", "Principal", "20.00", "2026-02-01"),
        v2_row("1001", "Refund", ORDER, "UP-1", "ItemPrice", "Principal", "-20.00",
               "2026-02-20"),
    ])  # fmt: skip


def claims(cli: Any, folder: Path) -> list[tuple[str, str]]:
    res = cli("scan", str(folder), "--as-of", "2026-05-01", "--json")
    assert res.code == 0, res.err
    return [(f["rule"], f["ids"].get("order_id")) for f in json.loads(res.out)["findings"]]


@pytest.mark.parametrize(("reason", "still_a_claim"), [
    ("Fee_Correction", True),
    ("Compensated_Clawback", True),
    ("CustomerServiceIssue", False),
])  # fmt: skip
def test_a_report_row_pays_the_order_only_for_a_unit(
    cli: Any, tmp_path: Path, reason: str, still_a_claim: bool
) -> None:
    refunded(tmp_path)
    write_report(tmp_path / "reimb.txt", REIMBURSEMENTS, [
        reimbursement("2026-04-10", "9100000001", reason, "UP-1", "X00UP00001", "1.12", "1.12",
                      "1", order=ORDER),
    ])  # fmt: skip
    got = claims(cli, tmp_path)
    assert (("refund-not-returned", ORDER) in got) is still_a_claim


def test_a_settlement_payment_for_the_unit_still_pays_the_order(cli: Any, tmp_path: Path) -> None:
    refunded(tmp_path)
    write_report(tmp_path / "apr.txt", SETTLEMENT_V2, [
        v2_total("1002", "USD", "2026-04-01", "2026-04-30"),
        v2_row("1002", "REVERSAL_REIMBURSEMENT", ORDER, "UP-1", "Other", "REVERSAL_REIMBURSEMENT",
               "20.00", "2026-04-10", qty=""),
    ])  # fmt: skip
    assert claims(cli, tmp_path) == []
