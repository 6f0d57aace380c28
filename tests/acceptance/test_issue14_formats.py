"""Acceptance, issue 14 §1 (readers): every public report format of health.md and reports.md
is recognised by its header (tab, quoted CSV, BOM, cp1252, CRLF; names in any case and
spelling), repeated header rows are skipped, files that are no report get a per-file reason,
one unreadable file does not stop the scan, and bad cells are row warnings, never a crash.

Every file is built here from the documented headers (``issue14_files``); the real CLI runs
through the ``cli`` fixture.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue14_files import (
    FORMATS,
    LEDGER,
    LEDGER_SUMMARY,
    MANAGE_INVENTORY,
    RETURNS,
    SETTLEMENT_FLAT,
    SETTLEMENT_V2,
    STORAGE,
    STRANDED,
    STYLES,
    render,
    write_report,
)
from tests.acceptance.issue14_rows import (
    SAMPLES,
    customer_return,
    flat_row,
    flat_total,
    ledger_row,
    manage_inventory,
    storage,
    stranded,
    v2_row,
    v2_total,
)

Cli = Callable[..., Any]


def scan_json(cli: Cli, *args: str) -> tuple[int, dict[str, Any], str]:
    res = cli("scan", *args, "--json")
    assert "Traceback" not in res.err, res.err
    return res.code, json.loads(res.out), res.err


def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(r["path"]).stem: r for r in data["reports"]}


@pytest.mark.parametrize("style", STYLES)
def test_every_documented_format_is_recognised_by_its_header(
    cli: Cli, tmp_path: Path, style: str
) -> None:
    """One file per format of health.md and reports.md, each with one plausible row, in one
    folder: each is read as its own type (Inventory Event Detail is not Received Inventory,
    Amazon Fulfilled Shipments is not All Orders, both Fee Preview variants are Fee Preview),
    with the encoding that worked, its row counted, no warning, nothing skipped."""
    for name, (header, _type) in FORMATS.items():
        write_report(tmp_path / f"{name}.txt", header, [SAMPLES[name]], style)
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-05-01")
    assert code == 0, err
    got = by_name(data)
    assert set(got) == set(FORMATS)
    wrong = {}
    for name, (_header, rtype) in FORMATS.items():
        non_ascii = any(not v.isascii() for v in SAMPLES[name].values())
        encoding = "cp1252" if style == "cp1252" and non_ascii else "utf-8-sig"
        report = got[name]
        if (report["type"], report["rows"], report["encoding"]) != (rtype, 1, encoding):
            wrong[name] = (report["type"], report["rows"], report["encoding"])
    assert not wrong, wrong
    assert data["warnings"] == [] and data["skipped"] == []
    assert got["fee-preview-us"]["variant"] == "us" and got["fee-preview-eu"]["variant"] == "eu"
    assert got["afn-inventory-by-country"]["variant"] == "by-country"


def _respell(name: str, how: str) -> str:
    if how == "upper":
        return name.upper()
    if how == "underscores":
        return name.replace("-", "_").replace(" ", "_")
    return " ".join(w.capitalize() for w in re.split(r"[-_ ]", name))  # "Settlement Id"


@pytest.mark.parametrize("how", ["upper", "underscores", "title-spaced"])
def test_header_names_are_compared_in_any_case_and_spelling(
    cli: Cli, tmp_path: Path, how: str
) -> None:
    """reports.md: identify a report by its header set, case-insensitively, after stripping
    quotes and whitespace; never by file name (the files are all called report-N.csv)."""
    expected = {}
    for n, (name, (header, rtype)) in enumerate(sorted(FORMATS.items())):
        respelled = [" " + _respell(h, how) + " " for h in header]
        row = {respelled[header.index(k)]: v for k, v in SAMPLES[name].items()}
        write_report(tmp_path / f"report-{n}.csv", respelled, [row], "csv")
        expected[f"report-{n}"] = rtype
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-05-01")
    assert code == 0, err
    assert {k: v["type"] for k, v in by_name(data).items()} == expected


def test_repeated_header_rows_in_joined_files_are_skipped(cli: Cli, tmp_path: Path) -> None:
    """Files joined by hand: the header again in the middle (plain, upper case, with its own
    BOM, quoted) is skipped, never read as a return of order "order-id" nor warned about as
    "not an amount: 'Quantity'"; the rows on both sides are read."""
    returns_a = render(RETURNS, [customer_return("2026-04-10T10:00:00+00:00",
                                                 "111-1000001-0000001", "JN-1", "X00JOIN001",
                                                 "CARRIER_DAMAGED")])  # fmt: skip
    second = customer_return("2026-04-12T10:00:00+00:00", "111-1000002-0000002", "JN-1",
                             "X00JOIN001", "DAMAGED")  # fmt: skip
    returns_b = render([h.upper() for h in RETURNS], [{k.upper(): v for k, v in second.items()}],
                       "tab-bom")  # fmt: skip
    (tmp_path / "returns_joined.txt").write_bytes(returns_a + returns_b)
    part1 = [flat_total("1001", "USD"),
             flat_row("1001", "Refund", "111-1000001-0000001", "JN-1", "2026-03-01",
                      price_type="Principal", price_amount="-20.00")]  # fmt: skip
    part2 = [flat_total("1002", "USD"),
             flat_row("1002", "Refund", "111-1000002-0000002", "JN-1", "2026-03-05",
                      price_type="Principal", price_amount="-30.00")]  # fmt: skip
    (tmp_path / "settlements_joined.csv").write_bytes(
        render(SETTLEMENT_FLAT, part1, "csv") + render(SETTLEMENT_FLAT, part2, "csv")
    )
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert code == 0, err
    assert data["warnings"] == []
    rows = {k: v["rows"] for k, v in by_name(data).items()}
    assert rows == {"returns_joined": 2, "settlements_joined": 4}
    found = sorted((f["rule"], f["ids"]["order_id"], f["estimated_value"]["amount"])
                   for f in data["findings"])  # fmt: skip
    # both returns are graded damaged, valued at their refunds; no "order-id" order anywhere
    assert found == [
        ("return-damaged", "111-1000001-0000001", "20.00"),
        ("return-damaged", "111-1000002-0000002", "30.00"),
    ]


def test_a_folder_with_nothing_readable_says_why_for_each_file(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.tsv").write_bytes(b"\r\n  \n\t\n")
    (tmp_path / "notes.csv").write_text("sku,my note\nA,fine\n", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    (tmp_path / ".hidden").write_text("x", "utf-8")
    res = cli("scan", str(tmp_path))
    assert res.code == 2 and res.out == ""
    lines = res.err.splitlines()
    assert lines[-1] == (f"casewriter: error: no Seller Central report found in {tmp_path}: "
                         "4 file(s), none readable (why: above)")  # fmt: skip
    reasons = {
        "blank.tsv": "empty file, not a Seller Central report",
        "empty.txt": "empty file, not a Seller Central report",
        "notes.csv": "not a known Seller Central report (header starts: sku, my note)",
        "photo.jpg": "not a known Seller Central report (header starts:",
    }
    for name, reason in reasons.items():
        line = next(x for x in lines if f"{tmp_path / name}:" in x)
        assert line.startswith(f"casewriter: warning: not read: {tmp_path / name}: {reason}")
    assert not any(".hidden" in x for x in lines)
    assert "Traceback" not in res.err


@pytest.mark.parametrize("content", [b"", b"\n\n \t\n", b"\xef\xbb\xbf"])
def test_an_empty_file_named_alone_is_one_line_exit_2(
    cli: Cli, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    res = cli("scan", str(path))
    assert (res.code, res.out) == (2, "")
    assert res.err == f"casewriter: error: {path}: empty file, not a Seller Central report\n"


def test_an_unreadable_named_file_is_reported_and_the_rest_scanned(
    cli: Cli, tmp_path: Path
) -> None:
    good = write_report(tmp_path / "stranded.csv", STRANDED, [
        stranded("UR-1", "X00UNRD001", "Amazon", "4", "0", "10.00", "2026-05-10", "2026-06-20")],
        "csv")  # fmt: skip
    missing = tmp_path / "settlement.txt"
    other = tmp_path / "orders.csv"
    other.write_text("order,amount\n1,2\n", "utf-8")
    code, data, err = scan_json(cli, str(other), str(good), str(missing), "--as-of", "2026-06-01")
    assert code == 1
    assert [(s["path"], s["partial"]) for s in data["skipped"]] == [
        (str(other), False), (str(missing), False)]  # fmt: skip
    assert data["skipped"][1]["reason"] == f"{missing}: no such report file"
    assert [(f["rule"], f["quantity"], f["estimated_value"]) for f in data["findings"]] == [
        ("stranded-inventory", 4, {"amount": "40.00", "currency": "USD"})]  # fmt: skip
    assert f"casewriter: warning: not read: {missing}: no such report file" in err.splitlines()
    text = cli("scan", str(other), str(good), str(missing), "--as-of", "2026-06-01")
    assert text.code == 1
    assert "NOT READ IN FULL (2)" in text.out and f"not read: {missing}" in text.out


def test_draft_saves_nothing_for_a_report_read_only_in_part(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    """A ledger with a ledger summary joined after it (both begin with Date): read up to the
    second header and named as read in part (exit 1); its warehouse-lost claim is listed but
    not drafted, while a stranded case from a complete file is (--draft-stranded)."""
    broken = render(LEDGER, [ledger_row("05/10/2026", "X00PART001", "PT-1", "Adjustments",
                                        "12345678901234", "-2", "M", "2")]) + render(
        LEDGER_SUMMARY, [])  # fmt: skip
    (tmp_path / "broken.txt").write_bytes(broken)
    write_report(tmp_path / "stranded.csv", STRANDED, [
        stranded("PT-3", "X00PART003", "Amazon", "4", "0", "10.00", "2026-05-10", "2026-06-20")],
        "csv")  # fmt: skip
    code, data, err = scan_json(
        cli, str(tmp_path), "--as-of", "2026-06-01", "--draft", "--draft-stranded"
    )
    assert code == 1
    assert [(Path(s["path"]).name, s["partial"]) for s in data["skipped"]] == [("broken.txt", True)]
    assert f"read only in part: {tmp_path / 'broken.txt'}:3: the header of another report" in err
    lost = next(f for f in data["findings"] if f["rule"] == "warehouse-lost")
    assert (lost["status"], lost["quantity"], lost.get("complete")) == ("claimable", 2, False)
    assert len(data["drafts"]["drafted"]) == 1
    assert [s["finding"].split()[0] for s in data["drafts"]["skipped"]] == ["warehouse-lost"]
    listed = json.loads(cli("log", "list", "--json").out)
    cases = listed["cases"] if isinstance(listed, dict) else listed
    assert [c["case_type"] for c in cases] == ["stranded-inventory"]


def test_a_file_joining_two_different_reports_is_not_read_silently(
    cli: Cli, tmp_path: Path
) -> None:
    """A settlement with a customer-returns download pasted after it: the return proves the
    refunded unit came back, so the refund must not become a claim without a word. The reader
    promises "the header of another kind of report raises ReportError"; here the second header
    and its rows vanish."""
    joined = render(SETTLEMENT_V2, [v2_total("3001", "USD"), v2_row(
        "3001", "Refund", "111-5000001-0000001", "JR-1", "ItemPrice", "Principal", "-20.00",
        "2026-02-20")]) + render(RETURNS, [customer_return(
        "2026-03-01T10:00:00+00:00", "111-5000001-0000001", "JR-1", "X00JOINR01", "SELLABLE")])  # fmt: skip
    (tmp_path / "joined.txt").write_bytes(joined)
    code, data, _err = scan_json(cli, str(tmp_path), "--as-of", "2026-05-01")
    said = data["skipped"] + [w for w in data["warnings"] if "joined.txt:3" in w]
    claims = [f for f in data["findings"] if f["status"] == "claimable"]
    assert code == 1 or said, "the returns header and row were dropped without a word"
    assert claims == []


def test_bad_cells_are_row_warnings_and_the_good_rows_still_count(cli: Cli, tmp_path: Path) -> None:
    """Wrong types and huge values in the new reports: each bad row is named by file and line
    and skipped; the good rows give their findings; no traceback, exit 0."""
    write_report(tmp_path / "stranded.csv", STRANDED, [
        stranded("BC-1", "X00BADC001", "Amazon", "ten", "0", "10.00", "2026-05-10", "2026-06-20"),
        stranded("BC-2", "X00BADC002", "Amazon", "3", "0", "1e400", "2026-05-10", "2026-06-20"),
        stranded("BC-3", "X00BADC003", "Amazon", "2", "1", "12.50", "31/31/2026", "2026-06-20"),
        stranded("BC-4", "X00BADC004", "Amazon", "2", "1", "12.50", "2026-05-10", "2026-06-20"),
    ], "csv")  # fmt: skip
    write_report(tmp_path / "storage.txt", STORAGE, [
        storage("X00BADS001", "ONT8", "0.5", "10", "5.0", "0.78", "99999999999999999999999"),
        storage("X00BADS002", "ONT8", "0.5", "10", "5.0", "0.78", "4.50"),
    ])  # fmt: skip
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert code == 0, err
    warned = {(Path(w.split(":")[0]).name, int(w.split(":")[1])) for w in data["warnings"]}
    assert warned == {("stranded.csv", 2), ("stranded.csv", 3), ("stranded.csv", 4),
                      ("storage.txt", 2)}  # fmt: skip
    assert all(w.endswith("(row skipped)") for w in data["warnings"])
    found = sorted((f["rule"], f["quantity"], f["estimated_value"]["amount"])
                   for f in data["findings"])  # fmt: skip
    assert found == [("storage-fee-check", 0, "0.60"), ("stranded-inventory", 3, "25.00")]


def test_ledger_summary_is_read_as_a_source_not_only_noted(cli: Cli, tmp_path: Path) -> None:
    """Issue §1: the ledger summary is a source. A researching lead disappears when the
    summary shows the units found after the shipment closed."""
    write_report(tmp_path / "myi.txt", MANAGE_INVENTORY, [
        manage_inventory("LS-1", "X00LSUM001", "3"), manage_inventory("LS-2", "X00LSUM002", "2")])  # fmt: skip
    (tmp_path / "inbound.csv").write_text(
        "shipment_id,sku,fnsku,shipped,received,status,closed_date\n"
        "FBA15LSUM001,LS-1,X00LSUM001,50,50,CLOSED,2026-02-01\n"
        "FBA15LSUM002,LS-2,X00LSUM002,50,50,CLOSED,2026-02-01\n",
        "utf-8",
    )
    summary = dict(SAMPLES["ledger-summary"], **{"Date": "03/2026", "FNSKU": "X00LSUM002",
                                                  "MSKU": "LS-2", "Found": "2"})  # fmt: skip
    write_report(tmp_path / "summary.csv", LEDGER_SUMMARY, [summary], "csv")
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-06-01")
    assert code == 0, err
    assert [(f["rule"], f["ids"]["fnsku"]) for f in data["findings"]] == [
        ("researching-units", "X00LSUM001")]  # fmt: skip
    assert by_name(data)["summary"]["type"] == "ledger-summary"
    assert not any("summary.csv" in n and "not used" in n for n in data["notes"])


def test_legacy_inventory_event_detail_is_not_received_inventory(cli: Cli, tmp_path: Path) -> None:
    events = write_report(tmp_path / "a.txt", FORMATS["inventory-events"][0],
                          [SAMPLES["inventory-events"]])  # fmt: skip
    receipts = write_report(tmp_path / "b.txt", FORMATS["legacy-receipts"][0],
                            [SAMPLES["legacy-receipts"]])  # fmt: skip
    ledger = write_report(tmp_path / "c.txt", LEDGER, [ledger_row(
        "04/02/2026", "X00FMT0001", "FMT-1", "Receipts", "FBA15FMT0001", "10", "")])  # fmt: skip
    code, data, _err = scan_json(
        cli, str(events), str(receipts), str(ledger), "--as-of", "2026-05-01"
    )
    assert code == 0
    assert [r["type"] for r in data["reports"]] == [
        "legacy-inventory-events", "legacy-receipts", "ledger-detail"]  # fmt: skip


def test_the_us_fee_preview_with_future_fee_columns_is_a_fee_preview(
    cli: Cli, tmp_path: Path
) -> None:
    """A 2025 US Fee Preview as open-source connectors see it: ``amazon-store`` after the ASIN
    and the announced fees at the end (one column named with parentheses and a plus sign)."""
    header = FORMATS["fee-preview-us"][0][:3] + ["amazon-store"] + FORMATS["fee-preview-us"][0][3:]
    header += ["estimated-future-fee (Current Selling on Amazon + Future Fulfillment fees)",
               "estimated-future-order-handling-fee-per-order",
               "estimated-future-pick-pack-fee-per-unit",
               "estimated-future-weight-handling-fee-per-unit",
               "expected-future-fulfillment-fee-per-unit"]  # fmt: skip
    write_report(
        tmp_path / "fees.txt", header, [SAMPLES["fee-preview-us"] | {"amazon-store": "US"}]
    )
    code, data, err = scan_json(cli, str(tmp_path), "--as-of", "2026-05-01")
    assert code == 0, err
    assert [(r["type"], r["variant"], r["rows"]) for r in data["reports"]] == [
        ("fee-preview", "us", 1)
    ]


def test_the_real_afn_inventory_by_country_header_is_recognised(cli: Cli, tmp_path: Path) -> None:
    """GET_AFN_INVENTORY_DATA_BY_COUNTRY as several independent open-source connectors read it:
    seller-sku, fulfillment-channel-sku, asin, condition-type, country,
    quantity-for-local-fulfillment (health.md's "by country adds country" does not match it)."""
    header = ["seller-sku", "fulfillment-channel-sku", "asin", "condition-type", "country",
              "quantity-for-local-fulfillment"]  # fmt: skip
    write_report(tmp_path / "multi_country.txt", header, [
        {"seller-sku": "MC-1", "fulfillment-channel-sku": "X00MULTI01", "asin": "B00MULTI01",
         "condition-type": "NewItem", "country": c, "quantity-for-local-fulfillment": "7"}
        for c in ("DE", "FR", "IT")])  # fmt: skip
    res = cli("scan", str(tmp_path), "--json", "--as-of", "2026-05-01")
    assert res.code == 0, res.err
    assert [(r["type"], r["rows"]) for r in json.loads(res.out)["reports"]] == [
        ("afn-inventory", 3)
    ]
