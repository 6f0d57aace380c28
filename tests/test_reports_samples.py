"""The shared sample reports: every type recognised, the three scenarios found with the right
numbers, every control left alone, the watch item waiting, and windows from the real catalog."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from casewriter.engine.catalog import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import ScanResult, read_rows, scan, sniff
from tests.conftest import SAMPLES

TYPES = {
    "FBA_INBOUND_SHIPMENT_ITEMS.tsv": "inbound-shipment-items",
    "GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA.tsv": "customer-returns",
    "GET_FBA_FULFILLMENT_INVENTORY_ADJUSTMENTS_DATA.tsv": "legacy-adjustments",
    "GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA.tsv": "legacy-receipts",
    "GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA.tsv": "legacy-inventory-events",  # not receipts
    "GET_FBA_FULFILLMENT_REMOVAL_ORDER_DETAIL_DATA.tsv": "removal-order-detail",
    "GET_FBA_FULFILLMENT_REMOVAL_SHIPMENT_DETAIL_DATA.tsv": "removal-shipment-detail",
    "GET_FBA_REIMBURSEMENTS_DATA.tsv": "reimbursements",
    "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv": "all-orders",
    "GET_LEDGER_DETAIL_VIEW_DATA.tsv": "ledger-detail",
    "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2.tsv": "settlement-v2",
}
ROWS = {"GET_LEDGER_DETAIL_VIEW_DATA.tsv": 30, "GET_FBA_REIMBURSEMENTS_DATA.tsv": 6,
        "GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2.tsv": 9}  # fmt: skip
AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(AppPaths.under(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="module")
def result(catalog: Catalog) -> ScanResult:
    return scan(sorted(SAMPLES.glob("*.tsv")), as_of=AS_OF, marketplace="US", catalog=catalog)


def find(result: ScanResult, rule: str, **ids: str) -> list[object]:
    return [
        f
        for f in result.findings
        if f.rule == rule and all(f.ids.get(k) == v for k, v in ids.items())
    ]


@pytest.mark.parametrize("name", sorted(TYPES))
def test_every_sample_is_recognised_from_its_header(name: str, tmp_path: Path) -> None:
    renamed = tmp_path / "download.txt"  # the file name plays no part
    renamed.write_bytes((SAMPLES / name).read_bytes())
    assert sniff(renamed).type == TYPES[name]


def test_read_rows_streams_dicts_with_canonical_keys() -> None:
    rows = list(read_rows(sniff(SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv")))
    assert len(rows) == 30
    assert rows[16]["referenceid"] == "20081126439781"
    assert rows[16]["unreconciledquantity"] == "2"


def test_reports_listed_with_types_and_row_counts(result: ScanResult) -> None:
    got = {Path(r.path).name: (r.type, r.rows) for r in result.reports}
    for name, rtype in TYPES.items():
        assert got[name][0] == rtype
    for name, rows in ROWS.items():
        assert got[name][1] == rows
    assert result.warnings == []


def test_inbound_shortfall_found_and_lost_inbound_control_not_flagged(result: ScanResult) -> None:
    (f,) = find(result, "inbound-shortfall", shipment_id="FBA17XKQ9M2Z")
    assert f.ids == {"shipment_id": "FBA17XKQ9M2Z", "fnsku": "X003KQ7ZP1"}
    assert (f.quantity, f.status, f.event_date) == (4, "claimable", date(2026, 4, 2))
    # one reading per source (help GEYPWTSQRTXXXMVB: 9 months): no safer date
    assert f.window.closes == date(2027, 1, 2) and f.window.safe_by is None
    assert not find(result, "inbound-shortfall", shipment_id="FBA16WPL3R8D")
    (receiving,) = find(result, "inbound-shortfall", shipment_id="FBA17XKV8N1P")
    assert receiving.status == "too-early"


def test_damaged_in_warehouse_found_with_the_60_day_window(result: ScanResult) -> None:
    (f,) = find(result, "warehouse-damaged", reference_id="20081126439781")
    assert f.ids == {"fnsku": "X003LM2CD3", "reference_id": "20081126439781"}
    assert (f.quantity, f.status, f.event_date) == (2, "claimable", date(2026, 5, 18))
    assert (f.window.opens, f.window.closes) == (date(2026, 5, 18), date(2026, 7, 17))
    assert f.amount == Decimal("49.98") and f.currency == "USD"  # All Orders 24.99 a unit


def test_refund_not_returned_found_once(result: ScanResult) -> None:
    (f,) = find(result, "refund-not-returned")
    assert f.ids == {"order_id": "113-7746201-5580934", "sku": "CW-TUMBLER-20OZ"}
    assert (f.quantity, f.status, f.event_date) == (1, "claimable", date(2026, 4, 20))
    assert (f.window.opens, f.window.closes) == (date(2026, 6, 19), date(2026, 8, 18))
    assert f.amount == Decimal("24.99") and f.case_type == "customer-return-not-received"


def test_controls_are_not_flagged(result: ScanResult) -> None:
    refs = {f.ids.get("reference_id") for f in result.findings}
    assert "20079934127765" not in refs  # M -3 reconciled by F + Lost_Warehouse
    assert not refs & {"20081402211347", "20081402211348", "20081126439782"}  # Q/P, P
    orders = {f.ids.get("order_id") for f in result.findings}
    assert orders == {"113-7746201-5580934", None}  # returned, reimbursed, paid refunds left alone
    assert not [
        f
        for f in result.findings
        if f.ids.get("fnsku") == "X003LM4EF4" and f.rule.startswith("warehouse")
    ]


def test_recent_misplaced_unit_waits(result: ScanResult) -> None:
    (f,) = find(result, "warehouse-lost", reference_id="20082613907714")
    assert (f.quantity, f.status) == (1, "too-early")
    claimable = {(f.rule, tuple(f.ids.values())) for f in result.by_status("claimable")}
    assert claimable == {
        ("inbound-shortfall", ("FBA17XKQ9M2Z", "X003KQ7ZP1")),
        ("warehouse-damaged", ("X003LM2CD3", "20081126439781")),
        ("refund-not-returned", ("113-7746201-5580934", "CW-TUMBLER-20OZ")),
    }


def test_contract_json_shape(result: ScanResult) -> None:
    data = result.to_contract_json()
    assert data["as_of"] == "2026-06-30"
    assert {"path", "type", "rows"} <= set(data["reports"][0])
    for f in data["findings"]:
        assert {"rule", "status", "ids", "quantity", "event_date", "window", "estimated_value",
                "case_type"} <= set(f)  # fmt: skip
        assert {"opens", "closes", "safe_by"} <= set(f["window"])
        assert f["estimated_value"] is None or set(f["estimated_value"]) == {"amount", "currency"}


def test_user_override_of_a_window_applies(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    builtin = paths.builtin_templates / "case_types" / "customer-return-not-received.toml"
    text = builtin.read_text(encoding="utf-8")
    user = paths.user_templates / "case_types"
    user.mkdir(parents=True)
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("[[deadlines]]")]
    head = "\n".join(
        lines[: next(i for i, ln in enumerate(text.splitlines()) if ln.startswith("[[deadlines]]"))]
    )
    override = head + (
        '\n[[deadlines]]\nmarketplaces = ["*"]\nclock = "refund"\nclock_fact = "refund_date"\n'
        'min_days = 10\nmax_days = 30\nsource = "my own rule"\nas_of = "2026-01-01"\n'
    )
    (user / "customer-return-not-received.toml").write_text(override, encoding="utf-8")
    result = scan(sorted(SAMPLES.glob("*.tsv")), as_of=AS_OF, marketplace="US",
                  catalog=Catalog.load(paths))  # fmt: skip
    (f,) = find(result, "refund-not-returned")
    assert (f.window.opens, f.window.closes, f.status) == (
        date(2026, 4, 30),
        date(2026, 5, 20),
        "expired",
    )
    assert f.window.source == "my own rule"
