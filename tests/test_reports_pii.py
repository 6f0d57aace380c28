"""Amazon Fulfilled Shipments carries buyer names, e-mails, phones and addresses. They are
dropped on read: no record field, no row dict, no warning, no finding, no draft and nothing in
the case log or its export holds them, even when rows are malformed and a buyer's cell lands in
a column the reader parses. The shipment itself (id, date, carrier, tracking, FC) becomes the
proof of a refund-not-returned finding."""

from __future__ import annotations

import json
from pathlib import Path

from casewriter.reports import Warnings, read_rows, sniff
from casewriter.reports.shipments import FulfilledShipment, read_fulfilled_shipments
from casewriter.reports.signatures import PII_COLUMNS, canon
from tests.conftest import CliResult
from tests.report_headers import FULFILLED_SHIPMENTS

FORMATS = Path(__file__).parent / "data" / "reports" / "formats"
PII = {"buyer-email": "zq.pii.mail@example.invalid", "buyer-name": "Zqpii Buyername",
       "buyer-phone-number": "+1 555 0199 7788", "recipient-name": "Zqpii Recipient",
       "ship-address-1": "77 Zqpii Street", "ship-address-2": "Zqpii Apt 9",
       "ship-address-3": "Zqpii Building", "ship-city": "ZQPIITOWN", "ship-state": "ZQ",
       "ship-postal-code": "99999-4321", "ship-phone-number": "+1 555 0100 4455",
       "bill-address-1": "12 Zqpii Billing Road", "bill-address-2": "Zqpii Suite 4",
       "bill-address-3": "Zqpii Floor 2", "bill-city": "ZQBILLCITY", "bill-state": "ZB",
       "bill-postal-code": "88888-1234", "bill-country": "ZZ"}  # fmt: skip
MARKERS = ("zqpii", "zq.pii", "0199", "4455", "99999", "88888", "zqbill")
ORDER, SKU = "114-2210397-6652201", "CK-PLANTER-6IN"


def shipment_file(tmp_path: Path) -> Path:
    good = {"amazon-order-id": ORDER, "shipment-id": "DvL4kPq9N", "shipment-item-id": "DqJ7rX2wT",
            "amazon-order-item-id": "62019374450001", "purchase-date": "2026-02-27T18:02:11+00:00",
            "shipment-date": "2026-02-28T03:15:52+00:00", "sku": SKU, "quantity-shipped": "1",
            "currency": "USD", "item-price": "24.99", "ship-country": "US", "carrier": "AMZN_US",
            "tracking-number": "TBA312765498000", "fulfillment-center-id": "BOI2",
            "fulfillment-channel": "AFN", "sales-channel": "Amazon.com", **PII}  # fmt: skip
    lines = [
        "\t".join(FULFILLED_SHIPMENTS),
        "\t".join(good.get(h, "") for h in FULFILLED_SHIPMENTS),
    ]
    cells = [good.get(h, "") for h in FULFILLED_SHIPMENTS]
    for shift in (1, 3, 5, 9, 14):  # buyer cells slide into parsed columns (dates, amounts, qty)
        lines.append(
            "\t".join([ORDER, "", "DvL4kPq9N"] + cells[3 + shift :] + cells[3 : 3 + shift])
        )
    wide = [c.replace("Zqpii Buyername", "Zqpii\tBuyername") for c in cells]  # a tab inside
    lines.append("\t".join(wide))
    broken = cells.copy()
    for i, h in enumerate(FULFILLED_SHIPMENTS):
        if h in ("quantity-shipped", "item-price", "shipment-date", "purchase-date"):
            broken[i] = PII["buyer-email"]
    lines.append("\t".join(broken))
    path = tmp_path / "Fulfilled Shipments.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_clean(text: str) -> None:
    low = text.lower()
    assert not [m for m in MARKERS if m in low], text[:2000]


def test_records_and_row_dicts_have_no_buyer_columns(tmp_path: Path) -> None:
    assert not {canon(f) for f in FulfilledShipment._fields} & PII_COLUMNS
    info = sniff(shipment_file(tmp_path))
    assert info.type == "fulfilled-shipments" and not set(info.columns) & PII_COLUMNS
    warnings = Warnings()
    rows = list(read_rows(info, warnings))
    assert len(rows) == 8 and all(not set(r) & PII_COLUMNS for r in rows)
    assert_clean(repr(rows[0]))  # (the raw cells of a shifted row are whatever it holds)
    warnings = Warnings()
    (record,) = list(read_fulfilled_shipments(info, warnings))
    assert_clean(repr(record))
    assert record.shipment_id == "DvL4kPq9N" and record.tracking == "TBA312765498000"
    assert len(warnings.all()) == 7  # every malformed row is skipped with a warning…
    assert_clean("\n".join(warnings.all()))  # …that names the column, never the cell
    assert "8: 49 columns, the header has 48" in warnings.all()[5]


def test_no_buyer_data_in_json_text_warnings_drafts_or_the_log(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shipments = shipment_file(tmp_path)
    settlement = FORMATS / "settlement_flat_march.txt"
    args = ("scan", str(shipments), str(settlement), "--as-of", "2026-05-25")
    res: CliResult = cli(*args, "--json", "--draft")
    assert res.code == 0, res.err
    assert_clean(res.out)
    assert_clean(res.err)
    data = json.loads(res.out)
    (planter,) = [f for f in data["findings"] if f["ids"]["order_id"] == ORDER]
    (proof,) = planter["details"]["fulfilled_shipments"]
    assert proof == {"shipment_id": "DvL4kPq9N", "shipment_date": "2026-02-28",
                     "quantity_shipped": 1, "carrier": "AMZN_US",
                     "tracking_number": "TBA312765498000", "fulfillment_center": "BOI2"}  # fmt: skip
    assert len(data["drafts"]["drafted"]) == 2
    text = cli(*args)
    assert_clean(text.out + text.err)
    assert "fulfilled-shipments" in text.out
    for fmt in ("json", "csv", "ics"):
        export = cli("log", "export", "--format", fmt)
        assert export.code == 0, export.err
        assert_clean(export.out)
    for case in json.loads(cli("log", "list", "--json").out)["cases"]:
        shown = cli("log", "show", case["id"], "--json")
        assert_clean(shown.out)


def test_the_log_file_itself_holds_no_buyer_data(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("scan", str(shipment_file(tmp_path)), str(FORMATS / "settlement_flat_march.txt"),
              "--as-of", "2026-05-25", "--draft")  # fmt: skip
    assert res.code == 0, res.err
    stored = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())
    assert stored, "the draft was saved"
    assert_clean(stored.decode("utf-8", "replace"))
