"""Acceptance, issue 14 §1: Amazon Fulfilled Shipments is read as All Orders, recognised as its
own type, used as shipment proof for FBA refund and return cases, and its buyer names,
e-mails, phones and addresses go nowhere: not in the JSON, the text, the warnings, the log or
the drafts.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import (
    FULFILLED_SHIPMENTS,
    SETTLEMENT_V2,
    write_report,
)
from tests.acceptance.issue14_rows import (
    v2_row,
    v2_total,
)

Cli = Callable[..., Any]

BUYER = {
    "buyer-email": "zoe.buyer@example.com", "buyer-name": "Zoë Q Buyer",
    "buyer-phone-number": "+1 206 555 0100", "recipient-name": "Zoë Q Buyer",
    "ship-address-1": "42 Hidden Lane", "ship-address-2": "Apt 7", "ship-address-3": "c/o Quill",
    "ship-city": "Springfield", "ship-state": "IL", "ship-postal-code": "62704",
    "ship-phone-number": "+1 206 555 0101", "bill-address-1": "42 Hidden Lane",
    "bill-city": "Springfield", "bill-state": "IL", "bill-postal-code": "62704",
    "bill-country": "US",
}  # fmt: skip
#: fragments of the buyer's data that must appear nowhere
SECRETS = ("zoe.buyer", "example.com", "Zoë", "Buyer", "Hidden Lane", "Apt 7", "Quill",
           "Springfield", "62704", "555 0100", "555 0101")  # fmt: skip


def shipment(order: str, sku: str, qty: str = "1", channel: str = "Amazon") -> dict[str, str]:
    return BUYER | {
        "amazon-order-id": order, "shipment-id": "DkShip0001", "shipment-item-id": "DkItem0001",
        "amazon-order-item-id": "12345678901234", "purchase-date": "2026-01-30T10:00:00+00:00",
        "payments-date": "2026-01-30T10:00:00+00:00", "shipment-date": "2026-01-31T10:00:00+00:00",
        "reporting-date": "2026-01-31T12:00:00+00:00", "sku": sku, "product-name": "Mug",
        "quantity-shipped": qty, "currency": "USD", "item-price": "20.00", "item-tax": "1.60",
        "ship-country": "US", "carrier": "UPS", "tracking-number": "1Z999AA10123456784",
        "estimated-arrival-date": "2026-02-03T10:00:00+00:00", "fulfillment-center-id": "ONT8",
        "fulfillment-channel": channel, "sales-channel": "Amazon.com",
    }  # fmt: skip


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    write_report(folder / "shipments.txt", FULFILLED_SHIPMENTS, [
        shipment("111-2000001-0000001", "AFS-1"),
        shipment("111-2000002-0000002", "AFS-1", qty="many"),  # a bad row: warned, no PII
        shipment("111-2000003-0000003", "AFS-2", channel="Merchant"),
    ])  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Refund", "111-2000001-0000001", "AFS-1", "ItemPrice", "Principal",
               "-20.00", "2026-02-20"),
        v2_row("1001", "Refund", "111-2000003-0000003", "AFS-2", "ItemPrice", "Principal",
               "-20.00", "2026-02-20", channel="MFN"),
    ])  # fmt: skip
    return folder


def test_buyer_personal_data_goes_nowhere(cli: Cli, tmp_path: Path, home: Path) -> None:
    folder = _folder(tmp_path)
    as_json = cli("scan", str(folder), "--json", "--as-of", "2026-05-01", "--draft")
    as_text = cli("scan", str(folder), "--as-of", "2026-05-01")
    assert as_json.code == as_text.code == 0
    data = json.loads(as_json.out)
    assert sorted(r["type"] for r in data["reports"]) == ["fulfilled-shipments", "settlement-v2"]
    # the bad row is warned about by file and line, without any of its cells
    assert data["warnings"] == [
        f"{folder / 'shipments.txt'}:3: quantity-shipped: not a valid value (row skipped)"]  # fmt: skip
    # the seller-fulfilled order (Merchant / MFN) is never a claim; the FBA one is
    assert [(f["rule"], f["ids"]["order_id"], f["status"]) for f in data["findings"]] == [
        ("refund-not-returned", "111-2000001-0000001", "claimable")]  # fmt: skip
    assert len(data["drafts"]["drafted"]) == 1
    db = sqlite3.connect(home / "cases.db")
    try:
        dump = "\n".join(db.iterdump())
    finally:
        db.close()
    shown = cli("log", "show", data["drafts"]["drafted"][0], "--json").out
    for where, text in (("json", as_json.out + as_json.err), ("text", as_text.out + as_text.err),
                        ("log", dump), ("draft", shown)):  # fmt: skip
        leaked = [s for s in SECRETS if s in text]
        assert not leaked, (where, leaked)


def test_the_shipment_is_the_proof_of_a_refund_finding(cli: Cli, tmp_path: Path) -> None:
    data = json.loads(cli("scan", str(_folder(tmp_path)), "--json", "--as-of", "2026-05-01").out)
    (refund,) = data["findings"]
    assert refund["details"]["fulfilled_shipments"] == [{
        "shipment_id": "DkShip0001", "shipment_date": "2026-01-31", "quantity_shipped": 1,
        "carrier": "UPS", "tracking_number": "1Z999AA10123456784", "fulfillment_center": "ONT8",
    }]  # fmt: skip


def test_the_drafted_refund_case_cites_the_shipment(cli: Cli, tmp_path: Path) -> None:
    """Issue §1: Amazon Fulfilled Shipments is used "as shipment proof for FBA refund and return
    cases": the case the seller pastes should carry it, not only the JSON."""
    data = json.loads(
        cli("scan", str(_folder(tmp_path)), "--json", "--as-of", "2026-05-01", "--draft").out
    )
    case = json.loads(cli("log", "show", data["drafts"]["drafted"][0], "--json").out)
    assert "1Z999AA10123456784" in case["body"]
    assert "2026-01-31" in case["body"]
