"""Item lines in the case text (issue 12 §3): a case with two ``[[items]]`` lines writes each
product with its own quantity (``cw.item_units`` / ``cw.item_lines`` in _macros.md.j2) and the
total computed from the lines; one template each: warehouse, inbound-missing-units,
removal-lost-in-transit, customer-return-not-received. Rendered through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

HEAD = """case_type = "{ct}"
marketplace = "{mp}"
urgency = "routine"
oer = true

[profile]
name = "Northbay Goods"

[facts]
{facts}

[evidence]
{evidence}

[[items]]
{first}

[[items]]
{second}
"""


def render(cli, tmp_path: Path, as_of: str, **parts: str) -> dict:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.toml"
    path.write_text(HEAD.format(**{"mp": "US", "evidence": "", **parts}), encoding="utf-8")
    res = cli("render", str(path), "--format", "json", "--as-of", as_of)
    assert res.code == 0, res.err
    data = json.loads(res.out)
    data["oer"] = data["oer"]["request"]  # the OER request's text
    for text in (data["subject"], data["body"], data["oer"]):
        assert "{{" not in text and "None" not in text and "\n\n\n" not in text
    return data


def test_warehouse_lost_two_ledger_references(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(
        cli, tmp_path, "2026-06-01", ct="warehouse-lost", mp="UK",
        facts='checked_reimbursements = true\nunit_cost = "12.50"',
        first='fnsku = "X004DE7KQ2"\nquantity = 5\nreference_id = "81735520946613"\n'
              'date = "2026-05-20"\nfulfillment_center = "LTN4"',
        second='fnsku = "X004DE7KR5"\nquantity = 3\nreference_id = "81735520946628"\n'
               'date = "2026-05-22"\nfulfillment_center = "LTN4"',
    )  # fmt: skip
    body = data["body"]
    split = ("5 units of X004DE7KQ2 (reference 81735520946613, 2026-05-20) and "
             "3 units of X004DE7KR5 (reference 81735520946628, 2026-05-22)")  # fmt: skip
    assert f"recorded 8 units as lost in fulfilment centre LTN4: {split}." in body
    assert "- FNSKU X004DE7KQ2: 5 units (reference 81735520946613, 2026-05-20)" in body
    assert "- FNSKU X004DE7KR5: 3 units (reference 81735520946628, 2026-05-22)" in body
    assert ("Unreconciled Quantity 5 for reference 81735520946613 (X004DE7KQ2) and "
            "3 for reference 81735520946628 (X004DE7KR5).") in body  # fmt: skip
    assert ("Please reimburse 5 units of X004DE7KQ2 (reference 81735520946613) and 3 units of "
            "X004DE7KR5 (reference 81735520946628), 8 units in total,") in body  # fmt: skip
    assert "- Units lost, unreconciled: 8" in body and "GBP 100.00 in total" in body
    assert "- Ledger date: 2026-05-20 (the earliest)" in body
    assert "X004DE7KQ2 and X004DE7KR5 as lost" not in body  # the old text without the split
    assert "8 units" in data["subject"]
    assert f"8 units lost in fulfilment centre LTN4, not reimbursed: {split}" in data["oer"]


def test_warehouse_damaged_lines_in_two_centres(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(
        cli, tmp_path, "2026-06-01", ct="warehouse-damaged",
        facts="", evidence="",
        first='fnsku = "X004DE7KQ2"\nquantity = 2\nreference_id = "81735520946613"\n'
              'date = "2026-05-20"\nfulfillment_center = "PHX7"',
        second='fnsku = "X004DE7KR5"\nquantity = 1\nreference_id = "81735520946628"\n'
               'date = "2026-05-20"\nfulfillment_center = "ONT8"',
    )  # fmt: skip
    body = data["body"]
    assert ("On 2026-05-20 the Inventory Ledger recorded 3 units as damaged: 2 units of "
            "X004DE7KQ2 (reference 81735520946613, fulfillment center PHX7) and 1 unit of "
            "X004DE7KR5 (reference 81735520946628, fulfillment center ONT8).") in body  # fmt: skip
    assert "- Ledger date: 2026-05-20" in body


def test_inbound_missing_units_per_fnsku(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(
        cli, tmp_path, "2026-05-01", ct="inbound-missing-units",
        facts='units_shipped = 100\nunits_received = 95\ndelivered_date = "2026-04-02"',
        evidence='shipment_id = "FBA17XKQ9M2Z"',
        first='fnsku = "X003KQ7ZP1"\nsku = "LAMP-01"\nquantity = 3',
        second='fnsku = "X003KQ8AB4"\nquantity = 2',
    )  # fmt: skip
    body = data["body"]
    split = "3 units of X003KQ7ZP1 and 2 units of X003KQ8AB4"
    assert f"but 5 units were not received: {split}." in body
    assert "- FNSKU X003KQ7ZP1 (SKU LAMP-01): 3 units" in body
    assert "- FNSKU X003KQ8AB4: 2 units" in body
    assert "- Units shipped: 100 · received: 95 · missing: 5" in body
    assert f"Please investigate the 5 missing units in shipment FBA17XKQ9M2Z ({split})" in body
    assert "- FNSKU X003KQ8AB4: 2 units" in data["oer"]
    assert data["subject"].startswith("Missing units in shipment FBA17XKQ9M2Z – 5 units")


def test_removal_lost_in_transit_per_fnsku(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(
        cli, tmp_path, "2026-05-01", ct="removal-lost-in-transit",
        facts='units_shipped = 10\nunits_received = 4\nshipment_created_date = "2026-03-20"\n'
              'shipped_date = "2026-03-22"',
        evidence='removal_order_id = "RMV4K7Q2ZP"',
        first='fnsku = "X003KQ7ZP1"\nquantity = 4',
        second='fnsku = "X003KQ8AB4"\nquantity = 2',
    )  # fmt: skip
    body = data["body"]
    assert "6 of its 10 units never arrived" in body
    assert "- FNSKU X003KQ7ZP1: 4 units" in body and "- FNSKU X003KQ8AB4: 2 units" in body
    assert ("reimburse the 6 units that did not arrive from removal order RMV4K7Q2ZP: "
            "4 units of X003KQ7ZP1 and 2 units of X003KQ8AB4.") in body  # fmt: skip
    assert "- FNSKU X003KQ8AB4: 2 units" in data["oer"]


def test_customer_return_not_received_per_fnsku(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(
        cli, tmp_path, "2026-05-16", ct="customer-return-not-received",
        facts='refund_date = "2026-03-02"\nrefund_amount = "63.97"',
        evidence='order_id = "114-6620187-3390254"',
        first='fnsku = "X003KQ7ZP1"\nquantity = 2',
        second='fnsku = "X003KQ8AB4"\nasin = "B0C1XYZ234"\nquantity = 1',
    )  # fmt: skip
    body = data["body"]
    split = "2 units of X003KQ7ZP1 and 1 unit of X003KQ8AB4"
    assert f"the customer's return of 3 units ({split}) has not been received" in body
    assert "- FNSKU X003KQ8AB4 (ASIN B0C1XYZ234): 1 unit" in body
    assert "- Units refunded: 3 · returned to inventory: 0" in body
    assert f"Please reimburse the 3 units refunded on order 114-6620187-3390254 ({split})" in body
    assert data["subject"].endswith("3 units of FNSKUs X003KQ7ZP1, X003KQ8AB4")
    assert "- FNSKU X003KQ7ZP1: 2 units" in data["oer"]


def test_the_oer_names_two_ledger_references_in_the_plural(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A slot's own term has a plural (``term_plural``): the OER's identifiers say "Ledger
    Reference IDs" before two of them, "Ledger Reference ID" before one."""
    two = render(
        cli, tmp_path, "2026-06-01", ct="warehouse-lost", mp="UK",
        facts='checked_reimbursements = true',
        first='fnsku = "X004DE7KQ2"\nquantity = 5\nreference_id = "81735520946613"\n'
              'date = "2026-05-20"',
        second='fnsku = "X004DE7KR5"\nquantity = 3\nreference_id = "81735520946628"\n'
               'date = "2026-05-22"',
    )  # fmt: skip
    assert "- Ledger Reference IDs: 81735520946613, 81735520946628" in two["oer"]
    one = render(
        cli, tmp_path, "2026-06-01", ct="warehouse-lost", mp="UK",
        facts='checked_reimbursements = true',
        first='fnsku = "X004DE7KQ2"\nquantity = 5\nreference_id = "81735520946613"\n'
              'date = "2026-05-20"',
        second='fnsku = "X004DE7KR5"\nquantity = 3\nreference_id = "81735520946613"\n'
               'date = "2026-05-20"',
    )  # fmt: skip
    assert "- Ledger Reference ID: 81735520946613\n" in one["oer"] + "\n"
