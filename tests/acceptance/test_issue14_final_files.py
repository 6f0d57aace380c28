"""Acceptance (last round), issue 14 §1 with hostile and messy files the earlier rounds did not
try: a settlement saved by a European Excel (``;`` and decimal commas, cp1252), a report saved
as UTF-16 with a byte order mark, a download cut in the middle of its last row, a 0-byte file
beside good reports, a folder holding a folder, and one settlement naming other marketplaces.

The seller of these tests (US): the ledger shows 2 units of FNSKU X00U160001 lost on
2026-04-02 (adjustment 12345678901234, reason M, unreconciled 2), and the Reimbursements
report pays both (2 x 7.50 = 15.00 USD on 04-20). As of 2026-05-01 nothing is claimable when
both are read; the lost units are a claim (window 2026-04-02 + 60 days = 06-01) when the
payment is not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    LEDGER,
    MEASUREMENTS,
    REIMBURSEMENTS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    render,
    write_report,
)
from tests.acceptance.issue14_rows import (
    flat_row,
    flat_total,
    ledger_row,
    reimbursement,
    v2_row,
    v2_total,
)
from tests.acceptance.test_issue14_fees import FEE_PREVIEW_US, fee_preview_us, measured

Cli = Callable[..., Any]
AS_OF = ("--as-of", "2026-05-01")


def scan_json(cli: Cli, *args: str) -> tuple[int, dict[str, Any], str]:
    res = cli("scan", *args, *AS_OF, "--json")
    assert "Traceback" not in res.err, res.err
    return res.code, json.loads(res.out), res.err


def ledger(folder: Path, name: str = "ledger.txt") -> Path:
    return write_report(folder / name, LEDGER, [
        ledger_row("04/02/2026", "X00U160001", "U16-1", "Adjustments", "12345678901234", "-2",
                   "M", "2")])  # fmt: skip


def paid() -> bytes:
    """The Reimbursements report paying both lost units, as Amazon writes it (tab, UTF-8)."""
    return render(REIMBURSEMENTS, [reimbursement(
        "2026-04-20T09:00:00+00:00", "11111111111", "Lost_Warehouse", "U16-1", "X00U160001",
        "7.50", "15.00", "2", name="Crème brûlée set")])  # fmt: skip


def test_the_reimbursed_units_are_not_claimed(cli: Cli, tmp_path: Path) -> None:
    """The control: the same two files, UTF-8: nothing to claim."""
    ledger(tmp_path)
    (tmp_path / "reimbursements.txt").write_bytes(paid())
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    assert [f["rule"] for f in data["findings"]] == []


def test_a_utf16_report_is_read_or_refused_never_misread(cli: Cli, tmp_path: Path) -> None:
    """Excel's "Unicode Text" saves UTF-16 with a BOM. Today the header is recognised, every
    row is skipped with a warning full of \\x00 escapes, exit 0, and the two units already
    paid are listed as a warehouse-lost claim (and drafted with --draft). Either read it, or
    name it as not read (one line) — never a claim built on a report that was not read."""
    ledger(tmp_path)
    (tmp_path / "reimbursements.txt").write_bytes(b"\xff\xfe" + paid().decode().encode("utf-16-le"))
    code, data, err = scan_json(cli, str(tmp_path))
    said = "\n".join(data["warnings"]) + err
    assert "\\x00" not in said, said
    read = {Path(r["path"]).name: r["rows"] for r in data["reports"]}
    skipped = [Path(s["path"]).name for s in data["skipped"]]
    assert read.get("reimbursements.txt") == 1 or "reimbursements.txt" in skipped
    assert [f["rule"] for f in data["findings"]] == [] or code == 1


def test_a_settlement_saved_by_a_european_excel_is_read(cli: Cli, tmp_path: Path) -> None:
    """A US settlement opened and saved by a German Excel: ';' between cells, decimal commas
    ("19,99", "-3,90"), CRLF, cp1252. SKU EX-1 (10 x 8 x 0.5 in, 6 oz: small standard) charged
    3.90 per unit on 2026-03-01 and 03-02 at $19.99: 2026 $10-$50 band, 3.45 each: 2 x 0.45 =
    0.90 USD."""
    write_report(tmp_path / "fee_preview.txt", FEE_PREVIEW_US, [fee_preview_us(
        "EX-1", "X00EXCEL01", "Amazon", ("10.2", "8.1", "1.0"), "0.45", "Large Standard")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [measured("EX-1", "10", "8", "0.5", "in", "6", "oz")], "csv")  # fmt: skip
    rows = [v2_total("5005", "USD", "2026-01-01", "2026-12-31")]
    for n, day in ((1, "2026-03-01"), (2, "2026-03-02")):
        o = f"114-000000{n}-000000{n}"
        rows += [v2_row("5005", "Order", o, "EX-1", "ItemPrice", "Principal", "19,99", day),
                 v2_row("5005", "Order", o, "EX-1", "ItemFees", "FBAPerUnitFulfillmentFee",
                        "-3,90", day)]  # fmt: skip
    lines = [";".join(SETTLEMENT_V2)] + [
        ";".join(r.get(h, "") for h in SETTLEMENT_V2) for r in rows
    ]
    (tmp_path / "Abrechnung (Excel).csv").write_bytes(
        ("\r\n".join(lines) + "\r\n").encode("cp1252")
    )
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    assert {r["type"] for r in data["reports"]} >= {"settlement-v2"}
    (f,) = data["findings"]
    assert (f["rule"], f["quantity"], f["estimated_value"]) == (
        "fee-overcharge", 2, {"amount": "0.90", "currency": "USD"})  # fmt: skip


def test_an_empty_file_and_a_photo_beside_good_reports_are_named(cli: Cli, tmp_path: Path) -> None:
    """A Downloads folder: the reports are read, each other file gets a note with its reason."""
    ledger(tmp_path)
    (tmp_path / "reimbursements.txt").write_bytes(paid())
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "label.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    assert sorted(Path(r["path"]).name for r in data["reports"]) == [
        "ledger.txt", "reimbursements.txt"]  # fmt: skip
    assert f"skipped {tmp_path / 'empty.csv'}: empty file, not a Seller Central report" in (
        data["notes"])  # fmt: skip
    assert any(n.startswith(f"skipped {tmp_path / 'label.jpg'}: not a known Seller Central "
                            "report") for n in data["notes"])  # fmt: skip


def test_a_folder_inside_the_folder_is_named(cli: Cli, tmp_path: Path) -> None:
    """health.md/issue §1: a scan says why each file was not read. The reimbursements sit in a
    subfolder: the scan claims the two paid units and never mentions the subfolder (the health
    review names it: sniff_all lists it, scan drops the list)."""
    ledger(tmp_path)
    (tmp_path / "2026-04").mkdir()
    (tmp_path / "2026-04" / "reimbursements.txt").write_bytes(paid())
    code, data, err = scan_json(cli, str(tmp_path))
    assert code == 0
    said = data["notes"] + data["warnings"] + [err]
    assert any("2026-04" in n for n in said), said


def test_a_folder_holding_only_a_folder_says_so(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "2026-04").mkdir()
    ledger(tmp_path / "2026-04")
    res = cli("scan", str(tmp_path), *AS_OF)
    assert res.code == 2 and res.out == ""
    assert res.err.startswith(f"casewriter: error: no Seller Central report found in {tmp_path}")
    assert "no files in it" not in res.err
    assert "2026-04" in res.err


def test_a_download_cut_mid_row_is_read_in_part(cli: Cli, tmp_path: Path) -> None:
    """The ledger's last row (1 more unit lost, 04-03) is cut 20 bytes before its end, with no
    final newline: the download stopped. Today: one row warning, exit 0, the file counted as
    read in full and its claim drafted. Issue §1: "--draft saves drafts only for findings from
    files read in full"."""
    data = render(LEDGER, [
        ledger_row("04/02/2026", "X00CUT0001", "CUT-1", "Adjustments", "12345678901234", "-2",
                   "M", "2"),
        ledger_row("04/03/2026", "X00CUT0001", "CUT-1", "Adjustments", "12345678901235", "-1",
                   "M", "1")])  # fmt: skip
    (tmp_path / "ledger.txt").write_bytes(data[:-20])
    code, out, err = scan_json(cli, str(tmp_path), "--draft")
    said = "\n".join(out["warnings"]) + err
    assert "ledger.txt:3:" in said, said
    lost = [f for f in out["findings"] if f["rule"] == "warehouse-lost"]
    assert [(f["ids"]["reference_id"], f["quantity"]) for f in lost] == [("12345678901234", 2)]
    assert code == 1 or out["drafts"]["drafted"] == []


def test_rows_of_other_marketplaces_are_noted_not_mispriced(cli: Cli, tmp_path: Path) -> None:
    """A North America settlement with Amazon.com, Amazon.ca and Amazon.com.mx fee rows of the
    same measured SKU: only the US charge is priced with the US 2026 table (0.45); the CA and
    MX charges are named as not checked (no tier table held), never priced as US ones."""
    write_report(tmp_path / "fee_preview.txt", FEE_PREVIEW_US, [fee_preview_us(
        "NA-1", "X00NAFEE01", "Amazon", ("10.2", "8.1", "1.0"), "0.45", "Large Standard")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [measured("NA-1", "10", "8", "0.5", "in", "6", "oz")], "csv")  # fmt: skip
    rows = [v2_total("5006", "USD", "2026-01-01", "2026-12-31")]
    for n, (day, market) in enumerate([("2026-03-01", "Amazon.com"), ("2026-03-02", "Amazon.ca"),
                                       ("2026-03-03", "Amazon.com.mx")], 1):  # fmt: skip
        o = f"115-000000{n}-000000{n}"
        rows += [v2_row("5006", "Order", o, "NA-1", "ItemPrice", "Principal", "19.99", day,
                        market=market),
                 v2_row("5006", "Order", o, "NA-1", "ItemFees", "FBAPerUnitFulfillmentFee",
                        "-3.90", day, market=market)]  # fmt: skip
    write_report(tmp_path / "settlement.txt", SETTLEMENT_V2, rows)
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    (f,) = data["findings"]
    assert (f["marketplace"], f["quantity"], f["estimated_value"]) == (
        "US", 1, {"amount": "0.45", "currency": "USD"})  # fmt: skip
    assert [o["order_id"] for o in f["details"]["orders"]] == ["115-0000001-0000001"]
    for code_ in ("CA", "MX"):
        assert any(f"size tiers not checked for {code_}" in n for n in data["notes"]), code_


def test_an_excel_workbook_is_named_as_one(cli: Cli, tmp_path: Path) -> None:
    """Sellers open reports in Excel and keep the .xlsx. The reason shows the zip's raw bytes
    (escaped, so safe) instead of saying it is a workbook to save as text/CSV first."""
    (tmp_path / "Reimbursements.xlsx").write_bytes(
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"
    )
    ledger(tmp_path)
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    note = next(n for n in data["notes"] if "Reimbursements.xlsx" in n)
    assert "\\x03" not in note and "Excel" in note, note


def test_a_total_without_an_estimate_reads_as_english(cli: Cli, tmp_path: Path) -> None:
    """The ledger's 2 lost units (no value in the reports): "total: 1 finding(s), 2 unit(s),
    estimated no estimate"."""
    ledger(tmp_path)
    res = cli("scan", str(tmp_path), *AS_OF)
    assert res.code == 0
    assert "  total: 1 finding(s), 2 unit(s)" in res.out
    assert "estimated no estimate" not in res.out


def test_one_settlement_in_both_layouts_counts_its_fee_once(cli: Cli, tmp_path: Path) -> None:
    """Seller Central offers each settlement as "Flat File" and "Flat File V2"; a seller who
    downloads both gives the same settlement 5010 twice. One 2-unit order (39.98, fee 7.80 =
    3.90 a unit; small standard 6 oz, 2026 $10-$50: 3.45): 2 x 0.45 = 0.90 USD. Today: 7.80 a
    unit and 8.70 USD (the V2 copy alone, or two V2 copies, give 0.90)."""
    write_report(tmp_path / "fee_preview.txt", FEE_PREVIEW_US, [fee_preview_us(
        "DU-1", "X00DUPL001", "Amazon", ("10.2", "8.1", "1.0"), "0.45", "Large Standard")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [measured("DU-1", "10", "8", "0.5", "in", "6", "oz")], "csv")  # fmt: skip
    o, day = "116-0000001-0000001", "2026-03-01"
    write_report(tmp_path / "settlement_v2.txt", SETTLEMENT_V2, [
        v2_total("5010", "USD", "2026-03-01", "2026-03-14"),
        v2_row("5010", "Order", o, "DU-1", "ItemPrice", "Principal", "39.98", day, qty="2"),
        v2_row("5010", "Order", o, "DU-1", "ItemFees", "FBAPerUnitFulfillmentFee", "-7.80", day,
               qty="2")])  # fmt: skip
    write_report(tmp_path / "settlement_flat.txt", SETTLEMENT_FLAT, [
        flat_total("5010", "USD", "2026-03-01", "2026-03-14"),
        flat_row("5010", "Order", o, "DU-1", day, qty="2", price_type="Principal",
                 price_amount="39.98"),
        flat_row("5010", "Order", o, "DU-1", day, qty="2",
                 item_related_fee_type="FBAPerUnitFulfillmentFee",
                 item_related_fee_amount="-7.80")])  # fmt: skip
    code, data, _err = scan_json(cli, str(tmp_path))
    assert code == 0
    (f,) = data["findings"]
    assert [(x["units"], x["fee_per_unit"]) for x in f["details"]["orders"]] == [(2, "3.90")]
    assert f["estimated_value"] == {"amount": "0.90", "currency": "USD"}


def test_one_settlement_in_both_layouts_counts_its_refund_once(cli: Cli, tmp_path: Path) -> None:
    """Settlement 5011 in both layouts: order 111-…-1 charged 20.00 on 01-02 and refunded 20.00
    on 01-05, nothing returned: one refund-not-returned claim of 20.00 (as of 04-01: open
    03-06 to 05-05). Today: 40.00, plus a false 'refund larger than the charge' of 20.00."""
    o = "117-0000001-0000001"
    write_report(tmp_path / "settlement_v2.txt", SETTLEMENT_V2, [
        v2_total("5011", "USD", "2026-01-01", "2026-01-31"),
        v2_row("5011", "Order", o, "R-1", "ItemPrice", "Principal", "20.00", "2026-01-02"),
        v2_row("5011", "Refund", o, "R-1", "ItemPrice", "Principal", "-20.00", "2026-01-05")])  # fmt: skip
    write_report(tmp_path / "settlement_flat.txt", SETTLEMENT_FLAT, [
        flat_total("5011", "USD", "2026-01-01", "2026-01-31"),
        flat_row("5011", "Order", o, "R-1", "2026-01-02", price_type="Principal",
                 price_amount="20.00"),
        flat_row("5011", "Refund", o, "R-1", "2026-01-05", price_type="Principal",
                 price_amount="-20.00")])  # fmt: skip
    res = cli("scan", str(tmp_path), "--as-of", "2026-04-01", "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert [(f["rule"], f["status"], f["estimated_value"]["amount"]) for f in data["findings"]] == [
        ("refund-not-returned", "claimable", "20.00")]  # fmt: skip
