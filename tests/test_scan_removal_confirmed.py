"""A package the seller confirms lost (``--confirm-removal-lost``) of a removal order that a
reimbursement names (issue 14, finding F17): the reimbursement pays first for the units the
order never shipped; a package it cannot have paid for is a claim (noting the reimbursement),
one it may have paid for is no claim and the scan says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue14_files import (
    REIMBURSEMENTS,
    REMOVAL_ORDERS,
    REMOVAL_SHIPMENTS,
    write_report,
)
from tests.acceptance.issue14_rows import reimbursement, removal_order, removal_shipment

TRACKING = "1Z999AA10123456822"


def removal(folder: Path, reimbursed: int) -> None:
    """RMV-E: 4 requested, 2 shipped in one package, 2 never shipped; ``reimbursed`` units paid
    (Removal_Order_Lost)."""
    write_report(folder / "orders.txt", REMOVAL_ORDERS, [removal_order(
        "RMV-E", "Completed", "Return", "RM-E", "X00RMV000E", 4, 0, 0, 2, 0,
        "2026-04-20T10:00:00-07:00")])  # fmt: skip
    write_report(folder / "shipments.txt", REMOVAL_SHIPMENTS, [removal_shipment(
        "RMV-E", "2026-04-12T10:00:00-07:00", "RM-E", "X00RMV000E", 2, "UPS", TRACKING)])  # fmt: skip
    write_report(folder / "reimbursements.txt", REIMBURSEMENTS, [reimbursement(
        "2026-05-02T09:00:00+00:00", "12345678909", "Removal_Order_Lost", "RM-E", "X00RMV000E",
        "8.00", f"{8 * reimbursed}.00", str(reimbursed), order="RMV-E")])  # fmt: skip


def scanned(cli: Any, folder: Path) -> dict[str, Any]:
    res = cli("scan", str(folder), "--as-of", "2026-06-01", "--json",
              "--confirm-removal-lost", TRACKING)  # fmt: skip
    assert res.code == 0, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def test_the_reimbursement_of_the_unshipped_units_leaves_the_package_a_claim(
    cli: Any, tmp_path: Path
) -> None:
    removal(tmp_path, reimbursed=2)
    data = scanned(cli, tmp_path)
    (lost,) = [f for f in data["findings"] if f["rule"] == "removal-lost"]
    assert (lost["ids"]["tracking"], lost["status"], lost["quantity"]) == (TRACKING, "claimable", 2)
    assert "2 unit(s) already reimbursed for this removal order" in lost["notes"]


@pytest.mark.parametrize("reimbursed", [3, 4])
def test_a_reimbursement_that_may_pay_for_the_package_is_said(
    cli: Any, tmp_path: Path, reimbursed: int
) -> None:
    removal(tmp_path, reimbursed=reimbursed)
    data = scanned(cli, tmp_path)
    assert [f for f in data["findings"] if f["rule"] == "removal-lost"] == []
    assert (
        f"--confirm-removal-lost {TRACKING}: not made a claim, because a reimbursement names "
        f"removal order RMV-E ({reimbursed - 2} unit(s) beyond those it never shipped)"
    ) in " ".join(data["notes"])
