"""The discrepancy rules on small report files written for each case: partial and reversed
reimbursements, allocation across events, overlapping downloads, never-flag codes, refunds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casewriter.reports import ScanResult, scan
from tests.builtin_catalog import builtin_catalog

LEDGER = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity",
          "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity",
          "Unreconciled Quantity", "Date and Time", "Store"]  # fmt: skip
REIMB = ["approval-date", "reimbursement-id", "case-id", "amazon-order-id", "reason", "sku", "fnsku",
         "asin", "product-name", "condition", "currency-unit", "amount-per-unit", "amount-total",
         "quantity-reimbursed-cash", "quantity-reimbursed-inventory", "quantity-reimbursed-total",
         "original-reimbursement-id", "original-reimbursement-type"]  # fmt: skip
SETTLE = ["settlement-id", "settlement-start-date", "settlement-end-date", "deposit-date",
          "total-amount", "currency", "transaction-type", "order-id", "merchant-order-id",
          "adjustment-id", "shipment-id", "marketplace-name", "amount-type", "amount-description",
          "amount", "fulfillment-id", "posted-date", "posted-date-time", "order-item-code",
          "merchant-order-item-id", "merchant-adjustment-item-id", "sku", "quantity-purchased",
          "promotion-id"]  # fmt: skip
RETURNS = ["return-date", "order-id", "sku", "asin", "fnsku", "product-name", "quantity",
           "fulfillment-center-id", "detailed-disposition", "reason", "status",
           "license-plate-number", "customer-comments"]  # fmt: skip
AS_OF = date(2026, 6, 30)


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    lines = ["\t".join(header)] + ["\t".join(r.get(h, "") for h in header) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def adj(day: str, ref: str, qty: int, reason: str, unrec: int | None, fnsku: str = "X00TEST001",
        rec: int = 0) -> dict[str, str]:  # fmt: skip
    m, d = day.split("-")
    return {"Date": f"{m}/{d}/2026", "FNSKU": fnsku, "MSKU": "T-SKU", "Event Type": "Adjustments",
            "Reference ID": ref, "Quantity": str(qty), "Fulfillment Center": "ONT8",
            "Disposition": "SELLABLE", "Reason": reason, "Country": "US",
            "Reconciled Quantity": str(rec) if unrec is not None else "",
            "Unreconciled Quantity": "" if unrec is None else str(unrec)}  # fmt: skip


def paid(day: str, rid: str, reason: str, qty: int, fnsku: str = "X00TEST001", order: str = "",
         original: str = "", original_type: str = "") -> dict[str, str]:  # fmt: skip
    return {"approval-date": f"{day}T10:00:00+00:00", "reimbursement-id": rid, "reason": reason,
            "amazon-order-id": order, "sku": "T-SKU", "fnsku": fnsku, "currency-unit": "USD",
            "amount-per-unit": "10.00", "amount-total": f"{10 * qty}.00",
            "quantity-reimbursed-cash": str(qty), "quantity-reimbursed-inventory": "0",
            "quantity-reimbursed-total": str(qty), "original-reimbursement-id": original,
            "original-reimbursement-type": original_type}  # fmt: skip


def run(tmp_path: Path, ledger: list[dict[str, str]], reimb: list[dict[str, str]] | None = None,
        extra: list[Path] | None = None) -> ScanResult:  # fmt: skip
    files = [write(tmp_path / "ledger.txt", LEDGER, ledger)]
    if reimb is not None:
        files.append(write(tmp_path / "reimb.txt", REIMB, reimb))
    return scan(files + (extra or []), as_of=AS_OF, marketplace="US", catalog=builtin_catalog())


def units(result: ScanResult) -> dict[str, int]:
    return {str(f.ids["reference_id"]): f.quantity for f in result.findings}


def test_found_and_reconciled_units_never_flagged(tmp_path: Path) -> None:
    r = run(tmp_path, [adj("06-01", "1", -3, "M", 0, rec=3), adj("06-02", "2", 3, "F", 0, rec=3),
                       adj("06-03", "3", 2, "N", 0)])  # fmt: skip
    assert r.findings == []


def test_never_flag_codes_and_unknown_codes_are_notes(tmp_path: Path) -> None:
    rows = [adj("05-01", str(i), -1, code, None) for i, code in enumerate("OPQDG34")]
    rows.append(adj("05-01", "99", -1, "Z", 1))
    r = run(tmp_path, rows)
    assert r.findings == []
    assert any("'Z'" in n for n in r.notes)


def test_fully_paid_event_not_flagged_and_partial_claims_the_rest(tmp_path: Path) -> None:
    r = run(tmp_path, [adj("05-01", "10", -2, "E", 2), adj("05-01", "11", -3, "m", 3, fnsku="X00TEST002")],
            [paid("2026-05-10", "501", "Damaged_Warehouse", 2),
             paid("2026-05-10", "502", "lost_warehouse", 1, fnsku="X00TEST002")])  # fmt: skip
    assert units(r) == {"11": 2}
    assert r.findings[0].rule == "warehouse-lost"


def test_wrong_kind_or_earlier_approval_does_not_cover(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        [adj("05-01", "10", -2, "E", 2)],
        [
            paid("2026-05-10", "501", "Lost_Warehouse", 2),
            paid("2026-04-20", "502", "Damaged_Warehouse", 2),
        ],
    )
    assert units(r) == {"10": 2}


def test_reimbursement_spanning_rows_pays_their_total(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        [adj("05-01", "10", -3, "6", 3)],
        [
            paid("2026-05-10", "501", "Damaged_Warehouse", 1),
            paid("2026-05-10", "501", "Damaged_Warehouse", 1),
        ],
    )
    assert units(r) == {"10": 1}


def test_reversal_makes_the_event_claimable_again_while_unreconciled(tmp_path: Path) -> None:
    reimb = [paid("2026-05-10", "501", "Damaged_Warehouse", 2),
             paid("2026-05-20", "601", "Reimbursement_Reversal", -2, original="501",
                  original_type="Damaged_Warehouse")]  # fmt: skip
    assert units(run(tmp_path, [adj("05-01", "10", -2, "K", 2)], reimb)) == {"10": 2}
    # a reversal alone is never a claim, and a reconciled event stays closed
    assert run(tmp_path, [adj("05-01", "10", -2, "K", 0, rec=2)], reimb).findings == []


def test_one_reimbursement_never_covers_two_events(tmp_path: Path) -> None:
    ledger = [adj("03-01", "A", -2, "M", 2), adj("04-01", "B", -3, "M", 3)]
    r = run(
        tmp_path,
        ledger,
        [
            paid("2026-03-10", "1", "Lost_Warehouse", 2),
            paid("2026-04-15", "2", "Lost_Warehouse", 1),
        ],
    )
    assert units(r) == {"B": 2}  # earliest eligible event first: 1 pays A, 2 pays 1 unit of B
    r = run(tmp_path, ledger, [paid("2026-04-15", "3", "Lost_Warehouse", 3)])
    assert units(r) == {"B": 2}  # 3 units: 2 for A, then 1 for B


def test_overlapping_downloads_count_once(tmp_path: Path) -> None:
    rows = [adj("05-01", "10", -2, "E", 2)]
    first = write(tmp_path / "ledger-may.txt", LEDGER, rows)
    second = write(tmp_path / "ledger-june.txt", LEDGER, rows + [adj("05-02", "11", -1, "H", 1)])
    reimb = [paid("2026-05-10", "501", "Damaged_Warehouse", 1)]
    r1 = write(tmp_path / "r1.txt", REIMB, reimb)
    r2 = write(tmp_path / "r2.txt", REIMB, reimb)
    result = scan([first, second, r1, r2], as_of=AS_OF, marketplace="US", catalog=builtin_catalog())
    assert units(result) == {"10": 1, "11": 1}  # 2 unreconciled − 1 paid (once, not twice)
    # a later download shows the event reconciled: the more reconciled copy wins
    later = write(tmp_path / "ledger-july.txt", LEDGER, [adj("05-01", "10", -2, "E", 0, rec=2)])
    assert (
        units(scan([first, later], as_of=AS_OF, marketplace="US", catalog=builtin_catalog())) == {}
    )


def test_window_status_and_auto_reimbursement_wait(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        [
            adj("06-20", "1", -1, "M", 1),
            adj("04-01", "2", -1, "E", 1),
            adj("06-16", "3", -1, "U", 1),
        ],
    )
    status = {f.ids["reference_id"]: f.status for f in r.findings}
    assert status == {"1": "too-early", "2": "expired", "3": "claimable"}  # 06-16 is 14 days old
    first = next(f for f in r.findings if f.ids["reference_id"] == "2")
    assert first.window.closes == date(2026, 5, 31)


def test_legacy_adjustments_are_read_but_never_claimed(tmp_path: Path) -> None:
    """The retired report has no Unreconciled Quantity: rule 2 cannot hold, so a note, no finding
    (and its rows take no reimbursement units away from current ledger events)."""
    header = ["adjusted-date", "transaction-item-id", "fnsku", "sku", "product-name",
              "fulfillment-center-id", "quantity", "reason", "disposition"]  # fmt: skip
    rows = [{"adjusted-date": "2022-06-01T07:00:00-07:00", "transaction-item-id": "777", "fnsku": "X00TEST001",
             "quantity": "-3", "reason": "M", "disposition": "SELLABLE"},
            {"adjusted-date": "06/05/2022", "transaction-item-id": "778", "fnsku": "X00TEST001",
             "quantity": "1", "reason": "F"}]  # fmt: skip
    legacy = write(tmp_path / "adj.txt", header, rows)
    result = scan([legacy], as_of=AS_OF, marketplace="US", catalog=builtin_catalog())
    assert result.findings == [] and result.warnings == []
    assert any(
        "1 lost/damaged row(s) in the retired Inventory Adjustments" in n for n in result.notes
    )
    current = run(tmp_path, [adj("06-01", "9", -2, "M", 2)], [paid("2026-06-10", "1", "Lost_Warehouse", 1)],
                  extra=[legacy])  # fmt: skip
    assert units(current) == {"9": 1}


def test_claim_code_without_unreconciled_or_outside_adjustments_is_not_a_finding(
    tmp_path: Path,
) -> None:
    blank = adj("06-01", "1", -1, "E", None)
    shipment = {**adj("06-02", "2", -1, "M", 1), "Event Type": "Shipments"}
    result = run(tmp_path, [blank, shipment, adj("06-03", "3", -1, "M", 1)])
    assert units(result) == {"3": 1}
    assert any("1 lost/damaged ledger row(s) with no Unreconciled" in n for n in result.notes)


def refund(
    order: str, sku: str, amount: str, fid: str = "AFN", desc: str = "Principal"
) -> dict[str, str]:
    return {"settlement-id": "1", "transaction-type": "Refund", "order-id": order, "amount-type": "ItemPrice",
            "amount-description": desc, "amount": amount, "fulfillment-id": fid,
            "posted-date": "2026-04-20", "sku": sku, "marketplace-name": "Amazon.com"}  # fmt: skip


def test_refund_rules(tmp_path: Path) -> None:
    settle = write(tmp_path / "s.txt", SETTLE, [
        {"settlement-id": "1", "total-amount": "10.00", "currency": "USD"},
        refund("111-0000000-0000001", "A", "-20.00"), refund("111-0000000-0000001", "A", "-1.60", desc="Tax"),
        refund("111-0000000-0000001", "A", "-20.00"),  # a second refund row for the same order + SKU
        refund("111-0000000-0000002", "B", "-9.00", fid="MFN"),  # seller-fulfilled: never
        refund("111-0000000-0000003", "C", "-9.00"),  # returned
        refund("111-0000000-0000004", "D", "-9.00"),  # reimbursed
    ])  # fmt: skip
    ret = write(tmp_path / "ret.txt", RETURNS, [{"return-date": "2026-04-25T00:00:00+00:00",
                "order-id": "111-0000000-0000003", "sku": "c", "detailed-disposition": "SELLABLE"}])  # fmt: skip
    reimb = write(
        tmp_path / "r.txt",
        REIMB,
        [paid("2026-05-01", "9", "CustomerReturn", 1, order="111-0000000-0000004")],
    )
    result = scan([settle, ret, reimb], as_of=AS_OF, marketplace="US", catalog=builtin_catalog())
    (f,) = result.findings
    assert f.ids == {"order_id": "111-0000000-0000001", "sku": "A"}
    assert str(f.amount) == "40.00" and f.currency == "USD" and f.status == "claimable"


def test_reversal_sign_and_blank_total(tmp_path: Path) -> None:
    """A reversal takes units back even when written with positive numbers; a blank
    quantity-reimbursed-total falls back to cash + inventory."""
    reversal = paid("2026-06-12", "2", "Reimbursement_Reversal", 1, original="1",
                    original_type="Damaged_Warehouse")  # fmt: skip
    r = run(tmp_path, [adj("06-01", "7", -2, "E", 2)],
            [paid("2026-06-05", "1", "Damaged_Warehouse", 2), reversal])  # fmt: skip
    assert units(r) == {"7": 1}
    blank = {**paid("2026-06-05", "3", "Damaged_Warehouse", 1), "quantity-reimbursed-total": "",
             "quantity-reimbursed-inventory": "1"}  # fmt: skip
    assert units(run(tmp_path, [adj("06-01", "7", -2, "E", 2)], [blank])) == {}
