"""Acceptance, issue 14 §2, removal orders: a finished removal order that shipped fewer units
than requested (``removal-incomplete``), removal packages as ``to-review`` leads once their
window opens, and ``--confirm-removal-lost`` turning one into a claim with the catalog's window
and a ``removal-lost-in-transit`` draft; traps: cancelled, disposed, disposal orders, orders
still moving, units already reimbursed, windows not open or closed. Figures derived by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    COSTS,
    REIMBURSEMENTS,
    REMOVAL_ORDERS,
    REMOVAL_SHIPMENTS,
    write_report,
)
from tests.acceptance.issue14_rows import (
    reimbursement,
    removal_order,
    removal_shipment,
)
from tests.acceptance.test_issue14_money import drafted_types, rows, scan

Cli = Callable[..., Any]


# -- removal orders ----------------------------------------------------------------------------


def _removals(folder: Path, currency: str = "USD") -> None:
    """As of 2026-06-01. RMV-A: 10 requested, 7 shipped (04-10, UPS), nothing cancelled or
    disposed: 3 missing (the Pending row of 04-05 is an older state). Traps: RMV-B adds up
    (2 cancelled + 1 disposed + 7 shipped), RMV-C is a disposal, RMV-D is still Pending, RMV-E's
    2 missing units were reimbursed. Packages: RMV-A and RMV-B (shipped 04-10 / 04-12: window
    open from day 15), RMV-F (05-25: window not open yet), RMV-G (02-01: window closed)."""

    def order(oid: str, status: str, otype: str, n: str, req: int, can: int, dis: int,
              shp: int, inp: int, updated: str = "2026-04-20T10:00:00-07:00") -> dict[str, str]:  # fmt: skip
        return removal_order(oid, status, otype, f"RM-{n}", f"X00RMV000{n}", req, can, dis, shp,
                             inp, updated, currency=currency)  # fmt: skip

    write_report(folder / "removal_orders.txt", REMOVAL_ORDERS, [
        order("RMV-A", "Completed", "Return", "A", 10, 0, 0, 7, 0),
        order("RMV-A", "Pending", "Return", "A", 10, 0, 0, 2, 8, "2026-04-05T10:00:00-07:00"),
        order("RMV-B", "Completed", "Return", "B", 10, 2, 1, 7, 0),
        order("RMV-C", "Completed", "Disposal", "C", 10, 0, 0, 0, 0),
        order("RMV-D", "Pending", "Return", "D", 10, 0, 0, 5, 0),
        order("RMV-E", "Completed", "Return", "E", 4, 0, 0, 2, 0),
    ])  # fmt: skip
    write_report(folder / "removal_shipments.txt", REMOVAL_SHIPMENTS, [
        removal_shipment("RMV-A", "2026-04-10T10:00:00-07:00", "RM-A", "X00RMV000A", 7, "UPS",
                         "1Z999AA10123456784"),
        removal_shipment("RMV-B", "2026-04-12T10:00:00-07:00", "RM-B", "X00RMV000B", 7, "USPS",
                         "9400111899223856910023"),
        removal_shipment("RMV-F", "2026-05-25T10:00:00-07:00", "RM-F", "X00RMV000F", 5, "UPS",
                         "1Z999AA10123456800"),
        removal_shipment("RMV-G", "2026-02-01T10:00:00-07:00", "RM-G", "X00RMV000G", 5, "UPS",
                         "1Z999AA10123456811", requested_on="2026-01-25T10:00:00-07:00"),
        removal_shipment("RMV-E", "2026-04-12T10:00:00-07:00", "RM-E", "X00RMV000E", 2, "UPS",
                         "1Z999AA10123456822"),
    ])  # fmt: skip
    write_report(folder / "reimbursements.txt", REIMBURSEMENTS, [reimbursement(
        "2026-05-02T09:00:00+00:00", "12345678909", "Removal_Order_Lost", "RM-E", "X00RMV000E",
        "8.00", "16.00", "2", order="RMV-E", currency=currency)])  # fmt: skip
    write_report(folder / "costs.csv", COSTS, [
        {"sku": f"RM-{n}", "cost": c, "currency": currency}
        for n, c in (("A", "4.00"), ("B", "4.00"), ("F", "2.50"), ("G", "2.50"))])  # fmt: skip


def test_removal_incomplete_and_lost_leads(cli: Cli, tmp_path: Path) -> None:
    """RMV-A: 3 units x cost 4.00 = 12.00, claimable from the last ship date (04-10) for 60
    days (06-09). Lost leads: RMV-A's and RMV-B's packages (7 x 4.00 = 28.00 each), window 15–75
    days from the shipment (04-25..06-24, 04-27..06-26); RMV-F's window has not opened, RMV-G's
    has closed: not listed."""
    _removals(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert rows(data) == [
        ("removal-incomplete", "RMV-A", "X00RMV000A", "claimable", 3, "2026-04-10", "2026-04-10",
         "2026-06-09", "12.00", "USD", False),
        ("removal-lost", "RMV-A", "1Z999AA10123456784", "to-review", 7, "2026-04-10",
         "2026-04-25", "2026-06-24", "28.00", "USD", True),
        ("removal-lost", "RMV-B", "9400111899223856910023", "to-review", 7, "2026-04-12",
         "2026-04-27", "2026-06-26", "28.00", "USD", True),
    ]  # fmt: skip
    incomplete = next(f for f in data["findings"] if f["rule"] == "removal-incomplete")
    d = incomplete["details"]
    assert (d["requested"], d["shipped"], d["cancelled"], d["disposed"]) == (10, 7, 0, 0)
    assert [p["tracking_number"] for p in d["packages"]] == ["1Z999AA10123456784"]
    assert all(f["window"]["source"] for f in data["findings"])


def test_confirm_removal_lost_makes_a_claim_with_the_catalog_window(
    cli: Cli, tmp_path: Path
) -> None:
    _removals(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01",
                "--confirm-removal-lost", "1Z999AA10123456784",
                "--confirm-removal-lost", "RMV-F", "--confirm-removal-lost", "rmv-g", "--draft")  # fmt: skip
    assert rows(data, "removal-lost") == [
        ("removal-lost", "RMV-A", "1Z999AA10123456784", "claimable", 7, "2026-04-10",
         "2026-04-25", "2026-06-24", "28.00", "USD", False),
        ("removal-lost", "RMV-B", "9400111899223856910023", "to-review", 7, "2026-04-12",
         "2026-04-27", "2026-06-26", "28.00", "USD", True),
        ("removal-lost", "RMV-F", "1Z999AA10123456800", "too-early", 5, "2026-05-25",
         "2026-06-09", "2026-08-08", "12.50", "USD", False),
        ("removal-lost", "RMV-G", "1Z999AA10123456811", "expired", 5, "2026-02-01",
         "2026-02-16", "2026-04-17", "12.50", "USD", False),
    ]  # fmt: skip
    # drafted: the claimable removal-lost and removal-incomplete, never the lead, the too-early
    # or the expired one
    assert drafted_types(cli, data) == [("removal-damaged-or-incomplete", "2026-06-09"),
                                        ("removal-lost-in-transit", "2026-06-24")]  # fmt: skip


def test_a_confirmed_package_is_never_dropped_silently(cli: Cli, tmp_path: Path) -> None:
    """RMV-E: 4 requested, 2 shipped (1Z999AA10123456822), 2 never shipped and reimbursed
    (Removal_Order_Lost, 2 units). The seller confirms the shipped package never arrived: those 2
    units are not the 2 Amazon paid for, so it is a claim — or the scan says why it is not."""
    _removals(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01",
                "--confirm-removal-lost", "1Z999AA10123456822")  # fmt: skip
    claim = [f for f in data["findings"] if f["ids"].get("tracking") == "1Z999AA10123456822"]
    said = [
        n for n in data["notes"] + data["warnings"] if "1Z999AA10123456822" in n or "RMV-E" in n
    ]
    assert claim or said


def test_a_confirmation_matching_nothing_is_refused_and_nothing_is_written(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    _removals(tmp_path)
    res = cli("scan", str(tmp_path), "--as-of", "2026-06-01", "--draft",
              "--confirm-removal-lost", "RMV-A", "--confirm-removal-lost", "1Z000NOPE")  # fmt: skip
    assert (res.code, res.out) == (2, "")
    assert res.err == ("casewriter: error: --confirm-removal-lost 1Z000NOPE: no removal package "
                       "with that order id or tracking number in the reports\n")  # fmt: skip
    cases = json.loads(cli("log", "list", "--json").out)
    assert (cases["cases"] if isinstance(cases, dict) else cases) == []
