"""Reader quirks on our own files in tests/data/reports: BOM, cp1252, every-field-quoted CSV
with CRLF, old All Orders with ``url``, ``service-speed`` removals, EU settlement with decimal
commas and DD.MM.YYYY dates, mixed-case codes, a seller's own inbound CSV; plus hypothesis
feeding random bytes and random rows to every reader."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casewriter.errors import ReportError
from casewriter.reports import Warnings, read_rows, scan, sniff
from casewriter.reports.values import parse_date, parse_decimal
from tests.builtin_catalog import builtin_catalog
from tests.conftest import SAMPLES

DATA = Path(__file__).parent / "data" / "reports"


def test_sniff_quirks() -> None:
    ledger = sniff(DATA / "ledger_quoted_crlf_bom.csv")
    assert (ledger.type, ledger.delimiter, ledger.bom, ledger.quoted) == (
        "ledger-detail",
        ",",
        True,
        True,
    )
    reimb = sniff(DATA / "reimbursements_cp1252.txt")
    assert (reimb.type, reimb.encoding) == ("reimbursements", "cp1252")
    assert sniff(DATA / "all_orders_with_url.txt").variant == "with-url"
    assert sniff(DATA / "removal_service_speed.txt").variant == "service-speed"
    assert sniff(DATA / "returns_bom.txt").type == "customer-returns"
    inbound = sniff(DATA / "inbound_user.csv")
    assert (inbound.type, inbound.variant) == ("inbound-shipment-items", "user-csv")


def test_cells_are_decoded_and_unquoted() -> None:
    rows = list(read_rows(sniff(DATA / "ledger_quoted_crlf_bom.csv")))
    assert rows[0]["title"] == "Café mug, “Sage” – 12 oz" and rows[0]["reason"] == "e"
    assert rows[2]["title"] == 'Lid "spare", black'
    (r,) = read_rows(sniff(DATA / "reimbursements_cp1252.txt"))
    assert r["productname"] == "Café mug – Sage 12 oz"
    (ret,) = read_rows(sniff(DATA / "returns_bom.txt"))
    assert ret["returndate"].startswith("2026-09-05") and "“Deluxe”" in ret["productname"]


def test_us_quirk_set_findings() -> None:
    files = [DATA / n for n in ("ledger_quoted_crlf_bom.csv", "reimbursements_cp1252.txt",
                                "all_orders_with_url.txt", "inbound_user.csv", "removal_service_speed.txt")]  # fmt: skip
    result = scan(files, as_of=date(2026, 3, 30), catalog=builtin_catalog())
    assert result.marketplace == "US" and result.warnings == []
    got = {(f.rule, tuple(f.ids.values())): (f.quantity, f.status) for f in result.findings}
    assert got == {
        ("warehouse-damaged", ("X00QUOTE01", "30000000000001")): (2, "claimable"),  # 3 − 1 paid
        ("inbound-shortfall", ("FBA15USER001", "X00QUOTE01")): (5, "claimable"),
        ("inbound-shortfall", ("FBA15USER003", "X00QUOTE02")): (20, "too-early"),  # receiving
    }
    damaged = next(f for f in result.findings if f.rule == "warehouse-damaged")
    assert damaged.amount == Decimal("23.00") and damaged.currency == "USD"


def test_eu_settlement_decimal_commas_and_day_first_dates() -> None:
    files = [DATA / "settlement_eu.txt", DATA / "returns_bom.txt"]
    result = scan(files, as_of=date(2026, 10, 20), catalog=builtin_catalog())
    assert result.marketplace == "DE"
    (f,) = result.findings  # the MFN refund is never flagged
    assert f.ids == {"order_id": "302-1111111-1111111", "sku": "EU-KETTLE"}
    assert f.event_date == date(2026, 9, 1) and f.status == "claimable"  # 49 days: EU 45–105
    assert (f.amount, f.currency) == (Decimal("24.99"), "EUR")
    assert f.window.closes == date(2026, 12, 15)
    early = scan(files, as_of=date(2026, 10, 1), catalog=builtin_catalog()).findings[0]
    assert early.status == "too-early"


@pytest.mark.parametrize(
    ("text", "value"),
    [("05/18/2026", date(2026, 5, 18)), ("2026-05-13T00:00:00-0700", date(2026, 5, 13)),
     ("2026-03-14 08:49:04 UTC", date(2026, 3, 14)), ("01.09.2026 00:00:00 UTC", date(2026, 9, 1)),
     ("2026-05-12T09:59:13+00:00", date(2026, 5, 12)), ("", None)],
)  # fmt: skip
def test_dates(text: str, value: date | None) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234,56", "1234.56"), ("24,99", "24.99"), ("-24,99", "-24.99"), ("1,234.56", "1234.56"),
     ("-6.10", "-6.10"), ("1,234", "1234")],
)  # fmt: skip
def test_amounts_are_decimals(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


def test_not_a_report_names_the_file() -> None:
    with pytest.raises(ReportError, match="not_a_report.csv: not a known Seller Central report"):
        sniff(DATA / "not_a_report.csv")


def test_bad_rows_become_warnings_with_file_and_line(tmp_path: Path) -> None:
    text = (SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv").read_text(encoding="utf-8").splitlines()
    text[17] = text[17].replace("\t-2\t", "\tlots\t")  # the E row, line 18
    path = tmp_path / "ledger.txt"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = scan([path], as_of=date(2026, 6, 30), marketplace="US", catalog=builtin_catalog())
    assert any(f"{path}:18:" in w and "lots" in w for w in result.warnings)


SAMPLE_FILES = sorted(SAMPLES.glob("*.tsv"))


def _check(path: Path) -> None:
    try:
        info = sniff(path)
    except ReportError as exc:
        assert str(path) in exc.message
        return
    warnings = Warnings()
    try:
        for _ in read_rows(info, warnings):
            pass
        scan([info], as_of=date(2026, 6, 30), marketplace="US", catalog=builtin_catalog())
    except ReportError as exc:
        assert str(path) in exc.message


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000), sample=st.sampled_from(SAMPLE_FILES))
def test_random_bytes_never_crash(tmp_path: Path, data: bytes, sample: Path) -> None:
    header = sample.read_bytes().split(b"\n", 1)[0] + b"\n"
    for i, content in enumerate((data, header + data)):
        path = tmp_path / f"f{i}.txt"
        path.write_bytes(content)
        _check(path)


cell = st.one_of(st.text(max_size=12), st.sampled_from(["", "-2", "05/18/2026", "M", "E", "1.234,56",
                                                          "Refund", "ItemPrice", "AFN", '"', "CLOSED"]))  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cell, max_size=26), max_size=8), sample=st.sampled_from(SAMPLE_FILES),
       sep=st.sampled_from(["\t", ","]))  # fmt: skip
def test_random_rows_never_crash(
    tmp_path: Path, rows: list[list[str]], sample: Path, sep: str
) -> None:
    header = sample.read_text(encoding="utf-8").splitlines()[0]
    if sep == ",":
        header = ",".join(f'"{h}"' for h in header.split("\t"))
    body = "\n".join(sep.join(r) for r in rows)
    path = tmp_path / "rows.txt"
    path.write_text(header + "\n" + body + "\n", encoding="utf-8")
    _check(path)
