"""One settlement downloaded in both layouts (Seller Central offers "Flat File" and "Flat File
V2" of every settlement) is counted once, whatever the layout: its refunds, payments, charges
and fees; the duplicate is named in a note. Two different settlements in different layouts both
count, also when one file holds several settlements and only one of them is a duplicate.

The V2 copies are made here from the flat files in ``tests/data/reports/formats`` the way Amazon
lays out the same settlement: the totals row as it is, and one V2 row per filled amount of a
flat row (``price-type``/``price-amount`` → ``ItemPrice``, ``item-related-fee-*`` →
``ItemFees``, ``other-amount`` → ``other-transaction`` described by the transaction type), with
no currency on the data rows (V2 gives it on the totals row only)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from casewriter.reports import scan, sniff
from casewriter.reports.collect import collect
from casewriter.reports.settlement import settlement_rules
from tests.builtin_catalog import builtin_catalog
from tests.report_headers import SETTLEMENT_V2

FORMATS = Path(__file__).parent / "data" / "reports" / "formats"
MARCH = FORMATS / "settlement_flat_march.txt"  # settlement 11874402511: two refunds
MAY = FORMATS / "settlement_flat_may.txt"  # settlement 11874402533: two payments
AS_OF = date(2026, 5, 25)

#: flat amount columns → the V2 amount type (type column, amount column)
_V2_KINDS = (("ItemPrice", "price-type", "price-amount"),
             ("ItemFees", "item-related-fee-type", "item-related-fee-amount"),
             ("other-transaction", "", "other-amount"),
             ("OtherFees", "other-fee-reason-description", "other-fee-amount"))  # fmt: skip


def v2_rows_of(flat: Path) -> list[dict[str, str]]:
    """The same settlement as ``flat``, in the V2 layout."""
    with flat.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out: list[dict[str, str]] = []
    for r in rows:
        if not r["transaction-type"]:  # the totals row
            out.append({k: r[k] for k in ("settlement-id", "settlement-start-date",
                        "settlement-end-date", "deposit-date", "total-amount", "currency")})  # fmt: skip
            continue
        common = {k: r[k] for k in ("settlement-id", "transaction-type", "order-id",
                  "merchant-order-id", "adjustment-id", "shipment-id", "marketplace-name",
                  "fulfillment-id", "posted-date", "order-item-code", "sku",
                  "quantity-purchased")}  # fmt: skip
        for kind, type_column, amount_column in _V2_KINDS:
            if r[amount_column]:
                desc = r[type_column] if type_column else r["transaction-type"]
                out.append({**common, "amount-type": kind, "amount-description": desc,
                            "amount": r[amount_column]})  # fmt: skip
    return out


def write_v2(path: Path, rows: list[dict[str, str]]) -> Path:
    lines = ["\t".join(SETTLEMENT_V2)] + ["\t".join(r.get(h, "") for h in SETTLEMENT_V2)
                                          for r in rows]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def findings(paths: list[Path]) -> list[dict[str, Any]]:
    result = scan(paths, as_of=AS_OF, catalog=builtin_catalog())
    return [f.to_json() for f in result.findings]


def test_the_v2_copy_alone_reads_as_the_flat_file(tmp_path: Path) -> None:
    """The control: the copy made here is the same settlement (same findings, same payments)."""
    v2 = write_v2(tmp_path / "march_v2.txt", v2_rows_of(MARCH))
    assert sniff(v2).type == "settlement-v2"
    assert findings([v2]) == findings([MARCH])
    v2_may = write_v2(tmp_path / "may_v2.txt", v2_rows_of(MAY))
    pay = settlement_rules().match_days
    assert sorted(p.amount for p in collect([sniff(v2_may)]).data.payments(pay)) == [
        Decimal("12.50"), Decimal("24.99")]  # fmt: skip


def test_one_settlement_in_both_layouts_counts_once_and_is_named(tmp_path: Path) -> None:
    v2 = write_v2(tmp_path / "march_v2.txt", v2_rows_of(MARCH))
    result = scan([v2, MARCH], as_of=AS_OF, catalog=builtin_catalog())
    assert [f.to_json() for f in result.findings] == findings([MARCH])
    refunds = {f.ids["order_id"]: f.amount for f in result.findings
               if f.rule == "refund-not-returned"}  # fmt: skip
    assert refunds == {"114-2210397-6652201": Decimal("24.99"),
                       "114-5583120-1190437": Decimal("12.99")}  # fmt: skip
    assert not [f for f in result.findings if f.rule == "refund-over-charge"]
    # the flat copy is read after V2's, whichever order they are named in
    assert [n for n in result.notes if "11874402511" in n] == [
        f"{MARCH}: settlement 11874402511 is also in {v2}, the same settlement downloaded as "
        f"Flat File V2: counted once, from {v2} ({MARCH}, its Flat File copy, not counted again)"
    ]


def test_payments_of_one_settlement_in_both_layouts_count_once(tmp_path: Path) -> None:
    v2 = write_v2(tmp_path / "may_v2.txt", v2_rows_of(MAY))
    data = collect([sniff(MAY), sniff(v2)]).data
    got = sorted((p.kind, p.order_id, p.amount) for p in data.payments(7))
    assert got == [("REVERSAL_REIMBURSEMENT", "114-2210397-6652201", Decimal("24.99")),
                   ("WAREHOUSE_DAMAGE", "", Decimal("12.50"))]  # fmt: skip
    assert len(data.notes) == 1 and "11874402533" in data.notes[0]


def test_two_settlements_in_different_layouts_both_count(tmp_path: Path) -> None:
    """March as V2 and May as a flat file: two settlements, nothing dropped, no note; the same
    findings as both flat files (May's payment reimbursed the planter's refund)."""
    v2 = write_v2(tmp_path / "march_v2.txt", v2_rows_of(MARCH))
    result = scan([v2, MAY], as_of=AS_OF, catalog=builtin_catalog())
    assert [f.to_json() for f in result.findings] == findings([MARCH, MAY])
    assert [f.ids["order_id"] for f in result.findings if f.rule == "refund-not-returned"] == [
        "114-5583120-1190437"]  # fmt: skip
    assert not [n for n in result.notes if "the same settlement" in n]


def test_only_the_duplicated_settlement_of_a_file_is_dropped(tmp_path: Path) -> None:
    """A V2 file holding March and May (downloads joined), and May again as a flat file:
    March counts from the V2 file, May once."""
    both = write_v2(tmp_path / "march_may_v2.txt", v2_rows_of(MARCH) + v2_rows_of(MAY))
    result = scan([MAY, both], as_of=AS_OF, catalog=builtin_catalog())
    assert [f.to_json() for f in result.findings] == findings([MARCH, MAY])
    notes = [n for n in result.notes if "the same settlement" in n]
    assert len(notes) == 1 and "settlement 11874402533 is also in" in notes[0]
    assert "11874402511" not in notes[0]


def test_the_note_is_in_scan_json_and_in_chinese(cli: Callable[..., Any], tmp_path: Path) -> None:
    from casewriter.messages import say

    v2 = write_v2(tmp_path / "march_v2.txt", v2_rows_of(MARCH))
    (tmp_path / "march_flat.txt").write_bytes(MARCH.read_bytes())
    res = cli("scan", str(tmp_path), "--as-of", AS_OF.isoformat(), "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert any(n.startswith(f"{tmp_path / 'march_flat.txt'}: settlement 11874402511 is also in "
                            f"{v2}") for n in data["notes"])  # fmt: skip
    assert sorted(f["estimated_value"]["amount"] for f in data["findings"]
                  if f["rule"] == "refund-not-returned") == ["12.99", "24.99"]  # fmt: skip
    v2_copy = write_v2(tmp_path / "x.txt", v2_rows_of(MAY))
    note = collect([sniff(v2_copy), sniff(MAY)]).data.notes[0]
    assert say(note, "zh").startswith(f"{MAY}：结算 11874402533 也在 {v2_copy} 中")


def test_a_reused_settlement_id_with_other_orders_still_counts(tmp_path: Path) -> None:
    """Files made by hand (or test files of two sellers) may give one settlement id to other
    rows: a copy is recognised by the orders it counts too, so nothing is dropped when they
    share none. March as V2 under its own id, and May's rows as a flat file under March's id:
    the same findings as the two real files, no note."""
    from tests.report_headers import SETTLEMENT_FLAT

    v2 = write_v2(tmp_path / "march_v2.txt", v2_rows_of(MARCH))
    may_rows = MAY.read_text(encoding="utf-8").replace("11874402533", "11874402511")
    flat = tmp_path / "may_flat.txt"
    flat.write_text(may_rows, encoding="utf-8")
    assert sniff(flat).header == tuple(SETTLEMENT_FLAT)
    # May's payment is for the planter order March charged: not a row of the same kind
    result = scan([v2, flat], as_of=AS_OF, catalog=builtin_catalog())
    assert [f.to_json() for f in result.findings] == findings([MARCH, MAY])
    assert not [n for n in result.notes if "the same settlement" in n]
