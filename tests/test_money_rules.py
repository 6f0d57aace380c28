"""The money rules on small real report files written for each case: warehouse payments seen
only inside a settlement, the open manufacturing-cost valuation date, removal rows out of
order, the money-at-stake summary across currencies, and the data file the rules read."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from casewriter.engine.catalog import Catalog
from casewriter.errors import CasewriterError
from casewriter.marketplaces import find as find_marketplace
from casewriter.paths import AppPaths
from casewriter.reports import scan, sniff
from casewriter.reports.collect import collect
from casewriter.reports.findings import Finding, Window
from casewriter.reports.money import finish, lead_open, money_findings
from casewriter.reports.money_data import MONEY_DATA, money_rules
from casewriter.reports.rules import Paid
from casewriter.reports.summary import summarize
from casewriter.reports.windows import Memo
from tests.report_headers import LEDGER_DETAIL, REIMBURSEMENTS, REMOVAL_ORDER, SETTLEMENT_V2


def _tsv(path: Path, header: list[str], rows: list[dict[str, object]]) -> Path:
    lines = ["\t".join(header)] + ["\t".join(str(r.get(h, "")) for h in header) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(AppPaths.under(tmp_path_factory.mktemp("home")))


def _ledger(fnsku: str, sku: str, ref: str, day: str, reason: str, units: int) -> dict[str, object]:
    m, d, y = day[5:7], day[8:10], day[:4]
    return {"Date": f"{m}/{d}/{y}", "FNSKU": fnsku, "MSKU": sku, "Event Type": "Adjustments",
            "Reference ID": ref, "Quantity": -units, "Fulfillment Center": "ONT8",
            "Disposition": "SELLABLE", "Reason": reason, "Country": "US",
            "Reconciled Quantity": 0, "Unreconciled Quantity": units}  # fmt: skip


def _paid(kind: str, sku: str, amount: str, day: str, qty: object = "") -> dict[str, object]:
    return {"settlement-id": "27100000001", "transaction-type": "other-transaction",
            "amount-type": "other-transaction", "amount-description": kind, "amount": amount,
            "marketplace-name": "Amazon.com", "posted-date": day, "sku": sku,
            "quantity-purchased": qty}  # fmt: skip


def _reimbursement(rid: str, day: str, reason: str, sku: str, fnsku: str, per: str, qty: int,
                   order: str = "") -> dict[str, object]:  # fmt: skip
    return {"approval-date": f"{day}T10:00:00+00:00", "reimbursement-id": rid,
            "amazon-order-id": order, "reason": reason, "sku": sku, "fnsku": fnsku,
            "currency-unit": "USD", "amount-per-unit": per,
            "amount-total": str(Decimal(per) * qty), "quantity-reimbursed-cash": qty,
            "quantity-reimbursed-inventory": 0, "quantity-reimbursed-total": qty}  # fmt: skip


def test_settlement_payments_count_as_paid_where_the_match_is_clear(
    tmp_path: Path, catalog: Catalog
) -> None:
    ledger = _tsv(tmp_path / "ledger.txt", LEDGER_DETAIL, [
        _ledger("X00WHA0001", "WH-A", "50000000000001", "2026-06-01", "M", 3),
        _ledger("X00WHB0002", "WH-B", "50000000000002", "2026-06-02", "6", 2),
        _ledger("X00WHC0003", "WH-C", "50000000000003", "2026-06-03", "M", 1),
        _ledger("X00WHD0004", "WH-D", "50000000000004", "2026-06-04", "M", 4),
        _ledger("X00WHE0005", "WH-E", "50000000000005", "2026-06-05", "M", 1),
    ])  # fmt: skip
    settlement = _tsv(tmp_path / "settlement.txt", SETTLEMENT_V2, [
        {"settlement-id": "27100000001", "total-amount": "100.00", "currency": "USD"},
        _paid("WAREHOUSE_LOST", "WH-A", "20.00", "2026-06-10", 2),  # units given: 2 of 3 paid
        _paid("WAREHOUSE_DAMAGE", "WH-B", "15.00", "2026-06-10"),  # 2 x Amazon's 7.50
        _paid("WAREHOUSE_LOST", "WH-C", "9.99", "2026-06-10"),  # units unknowable: a note
        _paid("WAREHOUSE_LOST", "WH-D", "20.00", "2026-06-11", 2),  # also in the report: once
        _paid("REVERSAL_REIMBURSEMENT", "WH-E", "10.00", "2026-06-10", 1),  # not a warehouse kind
    ])  # fmt: skip
    report = _tsv(tmp_path / "reimbursements.txt", REIMBURSEMENTS, [
        _reimbursement("60000000001", "2026-05-01", "Damaged_Warehouse", "WH-B", "X00WHB0002",
                       "7.50", 1),  # before the event: pays nothing of it, gives the unit value
        _reimbursement("60000000002", "2026-06-10", "Lost_Warehouse", "WH-D", "X00WHD0004",
                       "10.00", 2),
    ])  # fmt: skip
    result = scan([ledger, settlement, report], as_of=date(2026, 6, 30), catalog=catalog)
    left = {f.ids["fnsku"]: f for f in result.findings if f.rule.startswith("warehouse-")}
    assert left["X00WHA0001"].quantity == 1
    assert "X00WHB0002" not in left
    assert left["X00WHC0003"].quantity == 1
    assert any("settlement payment (WAREHOUSE_LOST, 9.99 USD" in n and "WH-C" in n
               for n in left["X00WHC0003"].notes)  # fmt: skip
    assert left["X00WHD0004"].quantity == 2  # 4 - 2, the same payment counted once
    assert left["X00WHE0005"].quantity == 1


def test_the_open_valuation_date(tmp_path: Path, catalog: Catalog) -> None:
    """Payments between 10 and 31 March 2025 not below the cost are only leads when below the
    selling price; from 31 March the cost alone decides."""
    rows = [
        _reimbursement("61000000001", "2025-03-20", "Lost_Warehouse", "VL-1", "X00VAL0001",
                       "10.00", 1),  # cost 8: not below it; price 30: well below -> a lead
        _reimbursement("61000000002", "2025-04-15", "Lost_Warehouse", "VL-1", "X00VAL0001",
                       "10.00", 1),  # cost certainly the basis: fine
        _reimbursement("61000000003", "2025-03-01", "Lost_Warehouse", "VL-1", "X00VAL0001",
                       "7.00", 1),  # before the change: the price basis, below it -> a lead
    ]  # fmt: skip
    report = _tsv(tmp_path / "reimbursements.txt", REIMBURSEMENTS, rows)
    settlement = _tsv(tmp_path / "settlement.txt", SETTLEMENT_V2, [
        {"settlement-id": "27200000001", "total-amount": "60.00", "currency": "USD"},
        {"settlement-id": "27200000001", "transaction-type": "Order",
         "order-id": "111-7700001-0000001", "marketplace-name": "Amazon.com",
         "amount-type": "ItemPrice", "amount-description": "Principal", "amount": "30.00",
         "fulfillment-id": "AFN", "posted-date": "2025-02-10", "sku": "VL-1",
         "quantity-purchased": 1},
    ])  # fmt: skip
    costs = tmp_path / "costs.csv"
    costs.write_text("sku,cost,currency\nVL-1,8.00,USD\n", encoding="utf-8")
    result = scan([report, settlement, costs], as_of=date(2025, 4, 20), catalog=catalog)
    found = {f.ids["reimbursement_id"]: f for f in result.findings}
    assert set(found) == {"61000000001", "61000000003"}
    for rid in found:
        assert found[rid].rule == "reimbursement-below-price" and found[rid].lead
        assert found[rid].status == "to-review" and found[rid].amount is not None
    assert found["61000000001"].amount == Decimal("20.00")
    assert any("2025-03-10 or 2025-03-31" in n for n in found["61000000001"].notes)


def test_removal_rows_keep_the_latest_state_whatever_the_file_order(
    tmp_path: Path, catalog: Catalog
) -> None:
    def line(status: str, updated: str, shipped: int, in_process: int) -> dict[str, object]:
        return {"request-date": "2026-05-01T00:00:00+00:00", "order-id": "RMV-ORDER-1",
                "order-source": "Seller-initiated Manual Removal", "order-type": "Return",
                "order-status": status, "last-updated-date": f"{updated}T00:00:00+00:00",
                "sku": "RO-1", "fnsku": "X00ROW0001", "disposition": "Sellable",
                "requested-quantity": 5, "cancelled-quantity": 0, "disposed-quantity": 0,
                "shipped-quantity": shipped, "in-process-quantity": in_process,
                "removal-fee": "1.00", "currency": "USD"}  # fmt: skip

    newest_first = _tsv(tmp_path / "removals.txt", REMOVAL_ORDER, [
        line("Completed", "2026-05-20", 4, 0), line("Pending", "2026-05-03", 1, 4)])  # fmt: skip
    result = scan([newest_first], as_of=date(2026, 6, 1), catalog=catalog)
    (f,) = result.findings
    assert (f.rule, f.quantity, f.status) == ("removal-incomplete", 1, "claimable")
    assert f.event_date == date(2026, 5, 20)  # no package listed: the order's last update


def _f(rule: str, status: str, amount: str | None, currency: str = "USD", *, lead: bool = False,
       opens: date | None = None, wait: date | None = None) -> Finding:  # fmt: skip
    f = Finding(rule=rule, ids={"id": f"{rule}-{amount}-{currency}"}, quantity=1,
                event_date=date(2026, 6, 1), marketplace="US", status=status,
                amount=Decimal(amount) if amount else None, currency=currency, lead=lead)  # fmt: skip
    f.window = Window(opens, None)
    if wait is not None:
        f.details["file_from"] = wait
    return f


def test_summary_by_status_rule_currency_and_date() -> None:
    today = date(2026, 6, 30)
    findings = [
        _f("warehouse-lost", "claimable", "10.00"), _f("warehouse-lost", "claimable", "5.50"),
        _f("warehouse-lost", "claimable", None), _f("refund-not-returned", "claimable", "20.00"),
        _f("warehouse-lost", "claimable", "900", "JPY"),
        _f("warehouse-lost", "too-early", "3.00", wait=date(2026, 7, 8)),
        _f("refund-not-returned", "too-early", "4.00", opens=date(2026, 8, 1)),
        _f("inbound-shortfall", "too-early", "6.00", opens=date(2026, 5, 1)),
        _f("warehouse-damaged", "expired", "7.00"),
        _f("return-damaged", "to-review", "50.00"), _f("removal-lost", "to-review", "99.00", lead=True),
        *[_f("removal-incomplete", "claimable", f"{n}.00") for n in range(1, 6)],
    ]  # fmt: skip
    s = summarize(findings, today)
    assert s["claimable"]["findings"] == 10 and s["claimable"]["without_estimate"] == 1
    assert s["claimable"]["total"] == [{"currency": "JPY", "amount": "900"},
                                       {"currency": "USD", "amount": "50.50"}]  # fmt: skip
    by_rule = {(r["rule"], r["currency"]): r for r in s["claimable"]["by_rule"]}
    assert by_rule[("warehouse-lost", "USD")]["amount"] == "15.50"
    assert by_rule[("warehouse-lost", None)] == {"rule": "warehouse-lost", "currency": None,
                                                 "amount": None, "findings": 1, "units": 1}  # fmt: skip
    assert [(d["claimable_from"], d["amount"]) for d in s["too_early"]["by_date"]] == [
        ("2026-07-08", "3.00"),
        ("2026-08-01", "4.00"),
        (None, "6.00"),
    ]
    assert s["expired"]["total"] == [{"currency": "USD", "amount": "7.00"}]
    assert s["to_review"]["leads"] == 1 and s["to_review"]["findings"] == 2
    top = [(t["currency"], t["amount"]) for t in s["top"]]
    assert top == [
        ("JPY", "900"),
        ("USD", "50.00"),
        ("USD", "20.00"),
        ("USD", "10.00"),
        ("USD", "5.50"),
        ("USD", "5.00"),
    ]  # five per currency; the lead left out
    assert summarize([], today)["top"] == []


def test_money_data_is_checked(tmp_path: Path) -> None:
    rules = money_rules()
    assert rules.cost_from == date(2025, 3, 10) and rules.cost_certain_from == date(2025, 3, 31)
    assert "LOST_WAREHOUSE" in rules.cost_reasons and rules.researching_days == 60
    text = MONEY_DATA.read_text("utf-8")
    broken = tmp_path / "money.toml"
    broken.write_text(text.replace("price_margin_pct = 5", 'price_margin_pct = "five"'), "utf-8")
    with pytest.raises(CasewriterError, match=r"\[valuation\] price_margin_pct must be"):
        money_rules(broken)
    broken.write_text(text.replace("cost_from = 2025-03-10\n", ""), "utf-8")
    with pytest.raises(CasewriterError, match=r"\[valuation\] cost_from is missing"):
        money_rules(broken)
    broken.write_text(text.replace("cost_certain_from = 2025-03-31", "cost_certain_from = "
                                   "2025-03-01"), "utf-8")  # fmt: skip
    with pytest.raises(CasewriterError, match="before cost_from"):
        money_rules(broken)
    broken.write_text("not = [toml", "utf-8")
    with pytest.raises(CasewriterError, match="cannot read the money rules"):
        money_rules(broken)


@pytest.mark.parametrize(("seller", "as_of", "dropped"),
                         [("brightpeak", date(2026, 8, 20), True),  # US: leads out of window
                          ("sakuraya", date(2026, 10, 1), False),  # JP, DE: no window, all kept
                          ("lindenhof", date(2026, 9, 15), False)])  # fmt: skip
def test_leads_out_of_their_window_are_dropped_before_they_are_built(
    catalog: Catalog, seller: str, as_of: date, dropped: bool
) -> None:
    """``scan`` asks each removal package's lead whether it is open before making it a finding
    (``is_open``); the leads it keeps are exactly those a scan that built every one keeps."""
    folder = Path(__file__).parent / "data" / "reports" / "sellers2" / seller
    data = collect([sniff(p) for p in sorted(folder.iterdir()) if p.suffix != ".json"]).data
    paid = Paid(data)
    memo: Memo = {}

    def is_open(case_type: str, market: str, event: date | None) -> bool:
        code = find_marketplace(market) or "US"
        return lead_open(case_type, code, event, as_of, catalog, memo)

    def kept(found: list[Finding]) -> list[dict[str, object]]:
        out = []
        for f in found:
            if finish(f, find_marketplace(f.marketplace) or "US", as_of, catalog, {}):
                out.append(f.to_json())
        return out

    every, _, _ = money_findings(data, paid, [], "US", as_of)
    fewer, _, _ = money_findings(data, paid, [], "US", as_of, (), is_open)
    assert (len(fewer) < len(every)) == dropped  # leads never built
    assert kept(fewer) == kept(every) != []
