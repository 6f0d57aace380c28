"""Settlements: the older flat file read into the same records as V2, reimbursements inside
settlements counted as payments in both layouts (a refund a later settlement reimbursed is not
flagged), one payment seen in a settlement and in the Reimbursements report counted once, and
files joined by hand (a header row in the middle) read as one."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import Any

import pytest

from casewriter.errors import ReportError
from casewriter.reports import ScanResult, Warnings, scan, sniff
from casewriter.reports.collect import collect
from casewriter.reports.fee_tables import fba_fees
from casewriter.reports.settlement import read_settlement, settlement_rules
from casewriter.reports.settlement_state import fee_rows_wanted, settlement_wanted
from tests.builtin_catalog import builtin_catalog
from tests.report_headers import SETTLEMENT_FLAT, SETTLEMENT_V2

FORMATS = Path(__file__).parent / "data" / "reports" / "formats"
AS_OF = date(2026, 5, 25)
PLANTER = ("114-2210397-6652201", "CK-PLANTER-6IN")  # refunded 03-09, reimbursed in May
SAUCER = ("114-5583120-1190437", "CK-SAUCER-8IN")  # refunded 03-11, never reimbursed


def refunds(result: ScanResult) -> dict[tuple[str, str], tuple[str, Decimal | None]]:
    return {
        (str(f.ids["order_id"]), str(f.ids["sku"])): (f.status, f.amount)
        for f in result.findings
        if f.rule == "refund-not-returned"
    }


def test_flat_file_rows_become_v2_records() -> None:
    info = sniff(FORMATS / "settlement_flat_march.txt")
    rows = list(read_settlement(info, Warnings()))
    refund = [r for r in rows if r.transaction_type == "REFUND" and r.order_id == PLANTER[0]]
    assert [(r.amount_type, r.description, r.amount) for r in refund] == [
        ("ITEMPRICE", "PRINCIPAL", Decimal("-24.99")),
        ("ITEMFEES", "COMMISSION", Decimal("3.75")),
        ("ITEMFEES", "REFUNDCOMMISSION", Decimal("-0.75")),
    ]
    assert {(r.posted, r.fulfillment_id, r.sku, r.currency) for r in refund} == {
        (date(2026, 3, 9), "AFN", "CK-PLANTER-6IN", "")
    }
    storage = next(r for r in rows if r.transaction_type == "STORAGE_FEE")
    assert (storage.amount_type, storage.description, storage.amount) == (
        "OTHER_TRANSACTION", "STORAGE_FEE", Decimal("-18.32"))  # fmt: skip
    inbound = next(r for r in rows if r.amount_type == "OTHERFEES")
    assert (inbound.description, inbound.amount) == (
        "INBOUND_TRANSPORTATION_FEE",
        Decimal("-41.10"),
    )
    assert rows[0].settlement_id == "11874402511" and rows[0].currency == "USD"  # totals row


def test_same_refund_in_either_layout_gives_the_same_finding(tmp_path: Path) -> None:
    flat = scan([FORMATS / "settlement_flat_march.txt"], as_of=AS_OF, catalog=builtin_catalog())
    v2_rows = [dict(zip(SETTLEMENT_V2, [""] * len(SETTLEMENT_V2), strict=True)) for _ in range(3)]
    v2_rows[0].update({"settlement-id": "11874402511", "currency": "USD", "total-amount": "612.44"})
    for row, (order, sku, day, amount) in zip(v2_rows[1:], [
        (*PLANTER, "2026-03-09", "-24.99"), (*SAUCER, "2026-03-11", "-12.99")], strict=True):  # fmt: skip
        row.update({"settlement-id": "11874402511", "transaction-type": "Refund", "order-id": order,
                    "marketplace-name": "Amazon.com", "amount-type": "ItemPrice",
                    "amount-description": "Principal", "amount": amount, "fulfillment-id": "AFN",
                    "posted-date": day, "sku": sku})  # fmt: skip
    path = tmp_path / "v2.txt"
    lines = ["\t".join(SETTLEMENT_V2)] + ["\t".join(r[h] for h in SETTLEMENT_V2) for r in v2_rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    v2 = scan([path], as_of=AS_OF, catalog=builtin_catalog())
    assert [f.to_json() for f in flat.findings] == [f.to_json() for f in v2.findings]
    assert refunds(flat) == {PLANTER: ("claimable", Decimal("24.99")),
                             SAUCER: ("claimable", Decimal("12.99"))}  # fmt: skip


def test_a_refund_a_later_flat_settlement_reimbursed_is_not_flagged() -> None:
    march = FORMATS / "settlement_flat_march.txt"
    may = FORMATS / "settlement_flat_may.txt"
    assert set(refunds(scan([march, may], as_of=AS_OF, catalog=builtin_catalog()))) == {SAUCER}
    assert set(refunds(scan([may, march], as_of=AS_OF, catalog=builtin_catalog()))) == {
        SAUCER
    }  # order does not matter


def test_a_refund_a_later_v2_settlement_reimbursed_is_not_flagged() -> None:
    refunded = FORMATS / "settlement_v2_refunds_de.txt"
    alone = scan([refunded], as_of=AS_OF, catalog=builtin_catalog())
    assert alone.marketplace == "DE"
    assert refunds(alone) == {
        ("305-4471093-2208817", "RW-KANNE-1L"): ("claimable", Decimal("34.90")),
        ("305-9912034-7761520", "RW-HERD-PRO"): ("claimable", Decimal("1234.00")),  # 1.234,00
    }
    both = scan(
        [refunded, FORMATS / "settlement_v2_reimbursed_de.txt"],
        as_of=AS_OF,
        catalog=builtin_catalog(),
    )
    assert set(refunds(both)) == {("305-9912034-7761520", "RW-HERD-PRO")}


@pytest.mark.parametrize("column", ["transaction-type", "amount-description"])
def test_v2_payment_names_are_found_in_either_column(tmp_path: Path, column: str) -> None:
    row = dict.fromkeys(SETTLEMENT_V2, "")
    row.update({"settlement-id": "7", "currency": "USD", "transaction-type": "other-transaction",
                "order-id": PLANTER[0], "amount-type": "other-transaction", "amount": "24.99",
                "posted-date": "2026-05-03", "sku": PLANTER[1]})  # fmt: skip
    row[column] = "Warehouse Lost" if column == "transaction-type" else "WAREHOUSE_LOST"
    path = tmp_path / "v2.txt"
    path.write_text("\t".join(SETTLEMENT_V2) + "\n" + "\t".join(row[h] for h in SETTLEMENT_V2)
                    + "\n", encoding="utf-8")  # fmt: skip
    (paid,) = [r for r in read_settlement(sniff(path), Warnings()) if r.payment]
    assert (paid.payment, paid.amount) == ("WAREHOUSE_LOST", Decimal("24.99"))
    result = scan(
        [FORMATS / "settlement_flat_march.txt", path], as_of=AS_OF, catalog=builtin_catalog()
    )
    assert set(refunds(result)) == {SAUCER}


def test_payment_types_are_data_with_a_source() -> None:
    rules = settlement_rules()
    assert {"REVERSAL_REIMBURSEMENT", "WAREHOUSE_DAMAGE", "WAREHOUSE_LOST", "INCORRECT_FEES_ITEMS",
            "COMPENSATED_CLAWBACK", "FREE_REPLACEMENT_REFUND_ITEMS"} <= rules.payment_types  # fmt: skip
    assert rules.match_days > 0 and "health.md" in rules.source


def test_a_payment_in_a_settlement_and_the_reimbursements_report_counts_once() -> None:
    infos = [sniff(FORMATS / n) for n in ("settlement_flat_march.txt", "settlement_flat_may.txt",
                                          "reimbursements_cedar.txt")]  # fmt: skip
    payments = collect(infos).data.payments(settlement_rules().match_days)
    got = sorted((p.source, p.kind, p.order_id, p.sku, p.amount, p.reimbursement_id,
                  p.settlement_id) for p in payments)  # fmt: skip
    assert got == [
        ("both", "CUSTOMERRETURN", PLANTER[0], PLANTER[1], Decimal("24.99"), "31877120455",
         "11874402533"),
        ("both", "DAMAGED_WAREHOUSE", "", "CK-POT-4IN", Decimal("12.50"), "31877120502",
         "11874402533"),
        # same SKU and amount, but approved 39 days before the settlement row: another payment
        ("reimbursements", "LOST_WAREHOUSE", "", "CK-POT-4IN", Decimal("12.50"), "31877119004", ""),
    ]  # fmt: skip
    assert sum(p.amount for p in payments) == Decimal("49.99")


def test_settlement_payments_alone_and_overlapping_downloads() -> None:
    may = sniff(FORMATS / "settlement_flat_may.txt")
    payments = collect([may, may]).data.payments(7)  # the same file downloaded twice
    assert sorted((p.source, p.kind, p.order_id, p.amount) for p in payments) == [
        ("settlement", "REVERSAL_REIMBURSEMENT", PLANTER[0], Decimal("24.99")),
        ("settlement", "WAREHOUSE_DAMAGE", "", Decimal("12.50")),
    ]


def test_a_joined_file_reads_as_its_parts_without_warnings() -> None:
    joined = scan([FORMATS / "settlement_flat_joined.txt"], as_of=AS_OF, catalog=builtin_catalog())
    parts = scan([FORMATS / "settlement_flat_march.txt", FORMATS / "settlement_flat_may.txt"],
                 as_of=AS_OF, catalog=builtin_catalog())  # fmt: skip
    assert joined.warnings == [] and joined.skipped == []
    assert [f.to_json() for f in joined.findings] == [f.to_json() for f in parts.findings]
    assert joined.reports[0].rows == sum(r.rows for r in parts.reports)


def test_a_repeated_header_is_not_a_return_of_order_order_id(tmp_path: Path) -> None:
    from tests.report_headers import CUSTOMER_RETURNS

    header = "\t".join(CUSTOMER_RETURNS)
    row = "2026-04-28T15:31:40+00:00\t113-7746201-5580934\tCW-TUMBLER-20OZ\t\t\t\t1"
    path = tmp_path / "returns.txt"
    path.write_text("\n".join([header, row, header.upper(), row]) + "\n", encoding="utf-8")
    info = sniff(path)
    from casewriter.reports.readers import read_rows

    warnings = Warnings()
    assert [r["orderid"] for r in read_rows(info, warnings)] == ["113-7746201-5580934"] * 2
    assert warnings.all() == []


def test_a_joined_file_with_reordered_columns_is_put_back_in_order(tmp_path: Path) -> None:
    """An All Orders download with ``url`` joined under one without: the rows after the second
    header are read by its names."""
    from tests.report_headers import ALL_ORDERS, ALL_ORDERS_URL

    def line(header: list[str], values: dict[str, str]) -> str:
        return "\t".join(values.get(h, "") for h in header)

    order = {"amazon-order-id": "111-0000000-0000001", "sku": "A", "quantity": "2",
             "currency": "USD", "item-price": "20.00", "fulfillment-channel": "Amazon"}  # fmt: skip
    other = {**order, "amazon-order-id": "111-0000000-0000002", "url": "https://example.test/x"}
    path = tmp_path / "orders.txt"
    path.write_text("\n".join(["\t".join(ALL_ORDERS), line(ALL_ORDERS, order),
                               "\t".join(ALL_ORDERS_URL), line(ALL_ORDERS_URL, other)]) + "\n",
                    encoding="utf-8")  # fmt: skip
    from casewriter.reports.readers import read_rows

    warnings = Warnings()
    rows = list(read_rows(sniff(path), warnings))
    assert [(r["amazonorderid"], r["itemprice"], r["quantity"]) for r in rows] == [
        ("111-0000000-0000001", "20.00", "2"), ("111-0000000-0000002", "20.00", "2")]  # fmt: skip
    assert warnings.all() == []


def test_header_of_another_report_in_the_middle_stops_that_file(tmp_path: Path) -> None:
    march = (FORMATS / "settlement_flat_march.txt").read_text("utf-8")
    v2 = "\t".join(SETTLEMENT_V2) + "\n"
    path = tmp_path / "joined.txt"
    path.write_text(march + v2 + "1\t\t\t\t\t\tRefund\n", encoding="utf-8")
    result = scan([path], as_of=AS_OF, catalog=builtin_catalog())
    (skipped,) = result.skipped
    assert skipped.partial and "settlement-v2" in skipped.reason and f"{path}:19:" in skipped.reason
    assert set(refunds(result)) == {PLANTER, SAUCER}  # the rows before the break are used
    assert all(not f.complete for f in result.findings)
    assert len(SETTLEMENT_FLAT) == 33


def _flat_rows(seed: int) -> list[list[str]]:
    """A flat settlement whose rows fill random amount columns, with and without their type
    cells, among transaction types, payments, blank totals rows and cells with spaces."""
    rnd = random.Random(seed)
    types = ["Order", "Refund", " Order ", "REVERSAL_REIMBURSEMENT", "other-transaction",
             "WAREHOUSE_DAMAGE", "Storage Fee", ""]  # fmt: skip
    described = {"price-type": ["Principal", "Tax", "", " principal"],
                 "item-related-fee-type": ["Commission", "FBAPerUnitFulfillmentFee", ""],
                 "shipment-fee-type": ["FBA transportation fee", ""],
                 "order-fee-type": ["Shipping Chargeback", ""],
                 "other-fee-reason-description": ["INBOUND_TRANSPORTATION_FEE", ""],
                 "direct-payment-type": ["StorageRenewalBilling", ""]}  # fmt: skip
    amounts = ["price-amount", "item-related-fee-amount", "shipment-fee-amount",
               "order-fee-amount", "misc-fee-amount", "other-fee-amount",
               "direct-payment-amount", "other-amount"]  # fmt: skip
    rows = []
    for n in range(300):
        cells = {"settlement-id": "2600000001", "transaction-type": rnd.choice(types),
                 "order-id": f"111-0000000-{n % 40:07d}", "sku": rnd.choice(["A", "B", ""]),
                 "posted-date": "2026-03-14", "fulfillment-id": "AFN",
                 "quantity-purchased": rnd.choice(["1", "", "2"])}  # fmt: skip
        for column, values in described.items():
            cells[column] = rnd.choice(values)
        for column in rnd.sample(amounts, rnd.randrange(0, 4)):
            cells[column] = rnd.choice(["-3.22", "24.99", " 5.00", "0"])
        rows.append([cells.get(h, "") for h in SETTLEMENT_FLAT])
    return rows


def sniff_type(path: Path) -> str:
    try:
        return sniff(path).type
    except ReportError:  # not a report: not a settlement
        return ""


def settlement_files() -> list[Path]:
    """Every settlement report under tests/data/reports (both layouts, real-world quirks)."""
    return sorted(p for p in FORMATS.parent.rglob("*") if p.is_file()
                  and p.suffix in (".txt", ".tsv") and "settlement" in sniff_type(p))  # fmt: skip


def _kept(rows: list[Any], want: Any, flat: bool) -> list[Any]:
    """What reading with ``want`` gives, worked out from reading every amount: per row, the
    payments and the amounts ``want`` accepts; a row without a transaction type (the totals
    row) kept whole in V2, and in the flat file with no amount when none is accepted."""
    out: list[Any] = []
    for _line, group in groupby(rows, key=lambda r: r.line):
        group = list(group)
        keep = [r for r in group
                if r.payment or want(r.transaction_type, r.amount_type, r.description)]  # fmt: skip
        if group[0].transaction_type:
            out += keep
        elif not flat:
            out += group
        else:
            out += keep or [group[0]._replace(amount_type="", description="", amount=None)]
    return out


@pytest.mark.parametrize("seed", range(4))
def test_reading_only_the_wanted_amounts_drops_only_the_others(tmp_path: Path, seed: int) -> None:
    """The amounts a rule never reads are skipped before they are parsed (on the row's kind,
    raw); that gives exactly the rows of a full reading that a rule wants, in both layouts."""
    generated = tmp_path / f"flat_{seed}.txt"
    generated.write_text("\n".join("\t".join(r) for r in [SETTLEMENT_FLAT, *_flat_rows(seed)]),
                         encoding="utf-8")  # fmt: skip
    fee_types = fba_fees().fee_types
    files = settlement_files()
    assert len(files) >= 20
    for path in [generated, *files]:
        info = sniff(path)
        every = list(read_settlement(info, Warnings()))
        for want in (settlement_wanted, fee_rows_wanted(fee_types)):
            got = list(read_settlement(info, Warnings(), None, want))
            assert got == _kept(every, want, info.type == "settlement-flat"), path
