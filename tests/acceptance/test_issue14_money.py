"""Acceptance, issue 14 §2: returns graded damaged, refunds larger than the charge,
reimbursements below cost (--costs) or below the selling price, researching units; each with
its never-flag traps, status, window, amount and the case type ``--draft`` saves. Marketplaces without a documented window (all
rules) and Canada's US-like removal and warehouse rules. Figures derived by hand in each test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue14_files import (
    COSTS,
    LEDGER,
    MANAGE_INVENTORY,
    REIMBURSEMENTS,
    RETURNS,
    SETTLEMENT_V2,
    write_report,
)
from tests.acceptance.issue14_rows import (
    customer_return,
    ledger_row,
    manage_inventory,
    reimbursement,
    v2_row,
    v2_total,
)

Cli = Callable[..., Any]


def scan(cli: Cli, *args: str, code: int = 0) -> dict[str, Any]:
    res = cli("scan", *args, "--json")
    assert res.code == code, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def rows(data: dict[str, Any], *rules: str) -> list[tuple[Any, ...]]:
    """(rule, first two ids, status, units, event, opens, closes, amount, currency, lead)."""
    return sorted(
        (f["rule"], *list(f["ids"].values())[:2], f["status"], f["quantity"], f["event_date"],
         f["window"]["opens"], f["window"]["closes"],
         f["estimated_value"] and f["estimated_value"]["amount"],
         f["estimated_value"] and f["estimated_value"]["currency"], bool(f.get("lead")))
        for f in data["findings"] if not rules or f["rule"] in rules
    )  # fmt: skip


def drafted_types(cli: Cli, data: dict[str, Any]) -> list[tuple[str, str | None]]:
    out = []
    for case_id in data["drafts"]["drafted"]:
        case = json.loads(cli("log", "show", case_id, "--json").out)
        out.append((case["case_type"], case["deadline_closes"]))
    return sorted(out)


# -- returns and refunds -----------------------------------------------------------------------

R = "2026-04-10T10:00:00+00:00"


def _returns(folder: Path) -> None:
    """RD-1 (CARRIER_DAMAGED) and RD-2 (DAMAGED) are claims valued at their refunds (20.00,
    35.00). Traps: RD-3 customer-damaged, RD-4 sellable, RD-5 defective, RD-6 status Reimbursed,
    RD-7 named by a CustomerReturn reimbursement, RD-8 seller-fulfilled. RO-1 was refunded
    25.00 on a 20.00 charge (5.00 over); traps RO-2 (equal) and RO-3 (seller-fulfilled)."""
    write_report(folder / "returns.txt", RETURNS, [
        customer_return(R, "111-7000001-0000001", "RD-1", "X00RETD001", "CARRIER_DAMAGED"),
        customer_return(R, "111-7000002-0000002", "RD-2", "X00RETD002", "DAMAGED"),
        customer_return(R, "111-7000003-0000003", "RD-3", "X00RETD003", "CUSTOMER_DAMAGED"),
        customer_return(R, "111-7000004-0000004", "RD-4", "X00RETD004", "SELLABLE"),
        customer_return(R, "111-7000005-0000005", "RD-5", "X00RETD005", "DEFECTIVE"),
        customer_return(R, "111-7000006-0000006", "RD-6", "X00RETD006", "CARRIER_DAMAGED",
                        status="Reimbursed"),
        customer_return(R, "111-7000007-0000007", "RD-7", "X00RETD007", "CARRIER_DAMAGED"),
        customer_return(R, "111-7000008-0000008", "RD-8", "X00RETD008", "DAMAGED"),
        customer_return(R, "111-7100001-0000001", "RO-1", "X00REFO001", "SELLABLE"),
        customer_return(R, "111-7100002-0000002", "RO-2", "X00REFO002", "SELLABLE"),
    ])  # fmt: skip
    write_report(folder / "reimbursements.txt", REIMBURSEMENTS, [reimbursement(
        "2026-04-20T09:00:00+00:00", "22222222222", "CustomerReturn", "RD-7", "X00RETD007",
        "20.00", "20.00", "1", order="111-7000007-0000007")])  # fmt: skip
    settled = [v2_total("9101", "USD")]
    sales = [("111-7000001-0000001", "RD-1", "20.00", "20.00", "AFN"),
             ("111-7000002-0000002", "RD-2", "35.00", "35.00", "AFN"),
             *[(f"111-700000{n}-000000{n}", f"RD-{n}", "10.00", "10.00", "AFN") for n in (3, 4, 5, 6)],
             ("111-7000007-0000007", "RD-7", "20.00", "20.00", "AFN"),
             ("111-7000008-0000008", "RD-8", "10.00", "10.00", "MFN"),
             ("111-7100001-0000001", "RO-1", "20.00", "25.00", "AFN"),
             ("111-7100002-0000002", "RO-2", "20.00", "20.00", "AFN"),
             ("111-7100003-0000003", "RO-3", "20.00", "30.00", "MFN")]  # fmt: skip
    for order, sku, charged, refunded, channel in sales:
        settled += [
            v2_row("9101", "Order", order, sku, "ItemPrice", "Principal", charged, "2026-03-01",
                   channel=channel),
            v2_row("9101", "Refund", order, sku, "ItemPrice", "Principal", "-" + refunded,
                   "2026-03-20", channel=channel),
        ]  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, settled)


def test_returns_graded_damaged_and_refunds_over_the_charge(cli: Cli, tmp_path: Path) -> None:
    """US has no documented window for either case type: reported as to-review with "no
    documented window", never dropped; they are claims (not leads), so --draft drafts them."""
    _returns(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-05-01", "--draft")
    assert rows(data) == [
        ("refund-over-charge", "111-7100001-0000001", "RO-1", "to-review", 1, "2026-03-20", None,
         None, "5.00", "USD", False),
        ("return-damaged", "111-7000001-0000001", "RD-1", "to-review", 1, "2026-04-10", None,
         None, "20.00", "USD", False),
        ("return-damaged", "111-7000002-0000002", "RD-2", "to-review", 1, "2026-04-10", None,
         None, "35.00", "USD", False),
    ]  # fmt: skip
    for f in data["findings"]:
        assert f["window"]["source"] == "no documented window"
        assert any("no documented window" in n for n in f["notes"])
    over = next(f for f in data["findings"] if f["rule"] == "refund-over-charge")["details"]
    assert (over["refunded_principal"], over["charged_principal"]) == ("25.00", "20.00")
    assert drafted_types(cli, data) == [("customer-return-wrong-or-damaged", None),
                                        ("customer-return-wrong-or-damaged", None),
                                        ("general", None)]  # fmt: skip
    text = cli("scan", str(tmp_path), "--as-of", "2026-05-01").out
    assert "no documented window for customer-return-wrong-or-damaged in US" in text


# -- reimbursed below value --------------------------------------------------------------------


def _underpaid(folder: Path) -> None:
    """As of 2026-06-01, costs 5.00 USD. UP-A: Lost_Warehouse 05-10, 2 units at 3.00: 2 x 2.00
    = 4.00 below cost, claimable 60 days (07-09). UP-G: the same on 03-01: expired (04-30).
    UP-E: CustomerReturn at 10.00 while the settlements sold it at 20.00 on average (03-01: 1
    for 20.00, 04-01: 2 for 40.00): a lead, 10.00. Traps: UP-B paid at cost, UP-C reversed in
    full, UP-D reimbursed as inventory, a Fee_Correction for UP-E."""
    write_report(folder / "reimbursements.txt", REIMBURSEMENTS, [
        reimbursement("2026-05-10T09:00:00+00:00", "10000000001", "Lost_Warehouse", "UP-A",
                      "X00UNDP00A", "3.00", "6.00", "2"),
        reimbursement("2026-05-11T09:00:00+00:00", "10000000002", "Damaged_Warehouse", "UP-B",
                      "X00UNDP00B", "5.00", "5.00", "1"),
        reimbursement("2026-05-12T09:00:00+00:00", "10000000003", "Lost_Warehouse", "UP-C",
                      "X00UNDP00C", "1.00", "3.00", "3"),
        reimbursement("2026-05-20T09:00:00+00:00", "10000000004", "Reimbursement_Reversal", "UP-C",
                      "X00UNDP00C", "-1.00", "-3.00", "-3", original="10000000003",
                      original_type="Lost_Warehouse"),
        reimbursement("2026-05-13T09:00:00+00:00", "10000000005", "Lost_Warehouse", "UP-D",
                      "X00UNDP00D", "0", "0", "0", inventory="2"),
        reimbursement("2026-05-14T09:00:00+00:00", "10000000006", "CustomerReturn", "UP-E",
                      "X00UNDP00E", "10.00", "10.00", "1", order="111-3000001-0000001"),
        reimbursement("2026-05-15T09:00:00+00:00", "10000000007", "Fee_Correction", "UP-E",
                      "X00UNDP00E", "0.50", "0.50", "1"),
        reimbursement("2026-03-01T09:00:00+00:00", "10000000009", "Lost_Warehouse", "UP-G",
                      "X00UNDP00G", "3.00", "3.00", "1"),
    ])  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Order", "111-3000010-0000010", "UP-E", "ItemPrice", "Principal",
               "40.00", "2026-04-01", qty="2"),
        v2_row("1001", "Order", "111-3000012-0000012", "UP-E", "ItemPrice", "Principal",
               "20.00", "2026-03-01"),
    ])  # fmt: skip


def test_reimbursed_below_cost_with_costs_option(cli: Cli, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    _underpaid(reports)
    costs = write_report(tmp_path / "my_costs.csv", COSTS, [
        {"sku": f"UP-{s}", "cost": "5.00", "currency": "USD"} for s in "ABCDG"])  # fmt: skip
    data = scan(cli, str(reports), "--costs", str(costs), "--as-of", "2026-06-01", "--draft")
    assert rows(data) == [
        ("reimbursement-below-price", "10000000006", "X00UNDP00E", "to-review", 1, "2026-05-14",
         "2026-05-14", "2026-07-13", "10.00", "USD", True),
        ("reimbursement-underpaid", "10000000001", "X00UNDP00A", "claimable", 2, "2026-05-10",
         "2026-05-10", "2026-07-09", "4.00", "USD", False),
        ("reimbursement-underpaid", "10000000009", "X00UNDP00G", "expired", 1, "2026-03-01",
         "2026-03-01", "2026-04-30", "2.00", "USD", False),
    ]  # fmt: skip
    under = next(f for f in data["findings"] if f["ids"]["reimbursement_id"] == "10000000001")
    assert (under["details"]["paid_per_unit"], under["details"]["basis_per_unit"]) == (
        "3.00",
        "5.00",
    )
    assert drafted_types(cli, data) == [("reimbursement-underpaid", "2026-07-09")]


def test_without_costs_the_scan_says_what_it_could_not_check(cli: Cli, tmp_path: Path) -> None:
    _underpaid(tmp_path)
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert [f["rule"] for f in data["findings"]] == ["reimbursement-below-price"]
    # UP-C (reversed in full) and UP-D (inventory) need no cost
    assert any(n.startswith("3 SKU(s) reimbursed at manufacturing cost with no cost to compare "
                            "(UP-A, UP-B, UP-G)") for n in data["notes"])  # fmt: skip


def test_costs_option_refuses_a_file_that_is_not_a_cost_csv(cli: Cli, tmp_path: Path) -> None:
    _underpaid(tmp_path)
    res = cli("scan", str(tmp_path), "--costs", str(tmp_path / "settlement.txt"))
    assert res.code == 2 and res.out == ""
    assert res.err.startswith("casewriter: error: --costs: ") and res.err.count("\n") == 1


# -- researching -------------------------------------------------------------------------------


def test_researching_units_are_a_lead_not_a_claim(cli: Cli, tmp_path: Path) -> None:
    """RS-A: 3 units researching 120 days after FBA15RES0001 closed (02-01), none found: a lead
    valued at cost (3 x 6.00). Traps: RS-B found in the ledger on 03-15 (after the close), RS-C
    still receiving, RS-D closed 31 days ago (< 60), RS-E nothing researching."""
    write_report(tmp_path / "myi.txt", MANAGE_INVENTORY, [
        manage_inventory(f"RS-{n}", f"X00RESE00{n}", q)
        for n, q in (("A", "3"), ("B", "2"), ("C", "4"), ("D", "5"), ("E", "0"))])  # fmt: skip
    (tmp_path / "inbound.csv").write_text(
        "shipment_id,sku,fnsku,shipped,received,status,closed_date\n"
        "FBA15RES0001,RS-A,X00RESE00A,50,50,CLOSED,2026-02-01\n"
        "FBA15RES0002,RS-B,X00RESE00B,50,50,CLOSED,2026-02-01\n"
        "FBA15RES0003,RS-C,X00RESE00C,50,50,RECEIVING,\n"
        "FBA15RES0004,RS-D,X00RESE00D,50,50,CLOSED,2026-05-01\n"
        "FBA15RES0005,RS-E,X00RESE00E,50,50,CLOSED,2026-01-01\n",
        "utf-8",
    )
    write_report(tmp_path / "ledger.txt", LEDGER, [ledger_row(
        "03/15/2026", "X00RESE00B", "RS-B", "Adjustments", "12345678901299", "2", "F",
        stamp="2026-03-15T00:00:00-0700")])  # fmt: skip
    write_report(
        tmp_path / "costs.csv", COSTS, [{"sku": "RS-A", "cost": "6.00", "currency": "USD"}]
    )
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--draft")
    assert rows(data) == [("researching-units", "X00RESE00A", "FBA15RES0001", "to-review", 3,
                           None, None, None, "18.00", "USD", True)]  # fmt: skip
    f = data["findings"][0]
    assert (f["details"]["days_since_close"], f["details"]["shipment_closed"]) == (
        120,
        "2026-02-01",
    )
    assert f["window"]["source"]  # why there is no window yet
    assert data["drafts"]["drafted"] == []  # a lead, never drafted by --draft


# -- marketplaces without a documented window --------------------------------------------------


def test_every_rule_marks_a_marketplace_without_a_documented_window(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue §2: findings in a marketplace without a documented window are still reported,
    marked "no documented window" — for all rules. Australia has no rule in the catalog for a
    refund not returned, an inbound shortfall or a warehouse loss."""
    write_report(tmp_path / "au.txt", SETTLEMENT_V2, [v2_total("6001", "AUD"), v2_row(
        "6001", "Refund", "250-6000001-0000001", "AU-1", "ItemPrice", "Principal", "-20.50",
        "2026-03-10", market="Amazon.com.au")])  # fmt: skip
    write_report(tmp_path / "ledger.txt", LEDGER, [ledger_row(
        "05/10/2026", "X00AULOST1", "AU-L", "Adjustments", "12345678901234", "-3", "M", "3",
        country="AU", stamp="2026-05-10T00:00:00+1000")])  # fmt: skip
    (tmp_path / "inbound.csv").write_text(
        "shipment_id,sku,fnsku,shipped,received,status,closed_date\n"
        "FBA15AU00001,AU-L,X00AULOST1,50,45,CLOSED,2026-04-01\n",
        "utf-8",
    )
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--marketplace", "AU")
    assert sorted(f["rule"] for f in data["findings"]) == [
        "inbound-shortfall", "refund-not-returned", "warehouse-lost"]  # fmt: skip
    for f in data["findings"]:
        assert f["marketplace"] == "AU"
        assert f["status"] == "to-review", f["rule"]
        assert "no documented window" in (f["window"]["source"] + " ".join(f["notes"]))


def test_canada_removal_and_warehouse_claims_follow_the_us_rules_unverified(
    cli: Cli, tmp_path: Path
) -> None:
    from tests.acceptance.test_issue14_removals import _removals

    _removals(tmp_path, currency="CAD")
    write_report(tmp_path / "ledger.txt", LEDGER, [ledger_row(
        "05/10/2026", "X00CALOST1", "CA-L", "Adjustments", "12345678901234", "-3", "M", "3",
        country="CA", stamp="2026-05-10T00:00:00-0700")])  # fmt: skip
    data = scan(cli, str(tmp_path), "--as-of", "2026-06-01", "--confirm-removal-lost", "RMV-A")
    got = {f["rule"]: f for f in data["findings"] if f["ids"].get("removal_order_id") in
           (None, "RMV-A")}  # fmt: skip
    assert all(f["marketplace"] == "CA" for f in got.values())
    windows = {rule: (f["status"], f["window"]["opens"], f["window"]["closes"])
               for rule, f in got.items()}  # fmt: skip
    assert windows == {
        "removal-incomplete": ("claimable", "2026-04-10", "2026-06-09"),
        "removal-lost": ("claimable", "2026-04-25", "2026-06-24"),
        "warehouse-lost": ("claimable", "2026-05-10", "2026-07-09"),
    }
    for f in got.values():
        assert "unverified" in (f["window"]["source"] + " ".join(f["notes"])).lower()


@pytest.mark.parametrize("option", ["--costs", "--measurements"])
def test_the_sellers_own_csv_from_a_european_excel_is_read(
    cli: Cli, tmp_path: Path, option: str
) -> None:
    """Excel in a German or French locale saves "CSV" with semicolons and decimal commas; the
    files are the seller's own (README: costs like "2,15"), so they are read, not refused."""
    _underpaid(tmp_path / "reports")
    own = tmp_path / "mine.csv"
    if option == "--costs":
        own.write_text("sku;cost;currency\r\nUP-A;5,00;USD\r\n", "utf-8")
    else:
        own.write_text("sku;length;width;height;dimension_unit;weight;weight_unit\r\n"
                       "UP-A;24;18,5;3;cm;0,4;kg\r\n", "utf-8")  # fmt: skip
    res = cli(
        "scan", str(tmp_path / "reports"), option, str(own), "--as-of", "2026-06-01", "--json"
    )
    assert res.code == 0, res.err
    types = [r["type"] for r in json.loads(res.out)["reports"]]
    assert ("manufacturing-costs" if option == "--costs" else "seller-measurements") in types
