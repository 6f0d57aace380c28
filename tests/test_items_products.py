"""Every product a case claims is named where the case says what was checked or claimed
(``cw.products`` in templates/_macros.md.j2): item lines given by ASIN or SKU alone are named by
that id (an FNSKU as it is, an ASIN or SKU with its kind), a draft with only ASINs or SKUs names
them, and a draft with no product id keeps a true sentence ("these units"). Real templates,
rendered through the CLI; each sentence asserted whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def render(cli, tmp_path: Path, text: str, as_of: str = "2026-06-01") -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    res = cli("render", str(path), "--format", "json", "--as-of", as_of)
    assert res.code == 0, res.err
    body = str(json.loads(res.out)["body"])
    assert "{{" not in body and "None" not in body and "\n\n\n" not in body
    return body


def case(ct: str, facts: str, evidence: str = "", items: str = "") -> str:
    return (
        f'case_type = "{ct}"\nmarketplace = "US"\nurgency = "routine"\n\n'
        f'[profile]\nname = "Northbay Goods"\n\n[facts]\n{facts}\n\n[evidence]\n{evidence}\n\n'
        + items
    )


FNSKU_AND_ASIN = """
[[items]]
fnsku = "X003KQ7ZP1"
quantity = 4
reference_id = "79315640218731"

[[items]]
asin = "B0C7QX2M4K"
quantity = 3
reference_id = "79315640218732"
"""
WAREHOUSE_FACTS = 'ledger_date = "2026-05-20"\nchecked_reimbursements = true\nchecked_found = true'


def test_warehouse_names_a_line_given_by_asin_alone(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = render(cli, tmp_path, case("warehouse-lost", WAREHOUSE_FACTS, items=FNSKU_AND_ASIN))
    assert (
        "- Reimbursements report: no Lost_Warehouse reimbursement for X003KQ7ZP1 and ASIN "
        "B0C7QX2M4K on or after 2026-05-20.\n"
    ) in body
    assert (
        "Please reimburse 4 units of X003KQ7ZP1 (reference 79315640218731) and 3 units of "
        "B0C7QX2M4K (reference 79315640218732), 7 units in total, or add them back to our "
        "sellable inventory if they are found.\n"
    ) in body


def test_warehouse_damaged_shares_the_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    facts = 'ledger_date = "2026-05-20"\nchecked_reimbursements = true'
    body = render(cli, tmp_path, case("warehouse-damaged", facts, items=FNSKU_AND_ASIN))
    assert (
        "- Reimbursements report: no Damaged_Warehouse reimbursement for X003KQ7ZP1 and ASIN "
        "B0C7QX2M4K on or after 2026-05-20.\n"
    ) in body


def test_warehouse_draft_with_only_an_asin_names_it_in_every_sentence(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = case(
        "warehouse-lost",
        WAREHOUSE_FACTS.replace("checked_found = true", "units_lost = 3"),
        'asin = ["B0C7QX2M4K"]\nreference_id = ["79315640218731"]',
    )
    body = render(cli, tmp_path, text)
    assert (
        "On 2026-05-20 the Inventory Ledger recorded 3 units of ASIN B0C7QX2M4K as lost in the "
        "fulfillment center (reference 79315640218731)."
    ) in body
    assert (
        "- Reimbursements report: no Lost_Warehouse reimbursement for ASIN B0C7QX2M4K on or "
        "after 2026-05-20.\n"
    ) in body
    assert (
        "Please reimburse the 3 units of ASIN B0C7QX2M4K, or add them back to our sellable "
        "inventory if they are found.\n"
    ) in body


def test_warehouse_without_a_product_id_keeps_the_sentence_true(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = case(
        "warehouse-lost",
        WAREHOUSE_FACTS.replace("checked_found = true", "units_lost = 3"),
        'reference_id = ["79315640218731"]',
    )
    body = render(cli, tmp_path, text)
    assert (
        "- Reimbursements report: no Lost_Warehouse reimbursement for these units on or after "
        "2026-05-20.\n"
    ) in body
    assert (
        "Please reimburse the 3 units, or add them back to our sellable inventory if they are "
        "found.\n"
    ) in body
    assert "recorded 3 units as lost in the fulfillment center (reference 79315640218731)." in body


MIXED = """
[[items]]
fnsku = "X003KQ7ZP1"
quantity = 2

[[items]]
asin = "B0C7QX2M4K"
quantity = 1
"""


@pytest.mark.parametrize(
    ("ct", "facts", "evidence", "sentences"),
    [
        (
            "customer-return-not-received",
            'refund_date = "2026-03-20"\nchecked_ledger = true',
            'order_id = "113-7746201-5580934"',
            ["- Inventory Ledger: no customer-return receipt for X003KQ7ZP1 and ASIN B0C7QX2M4K "
             "since 2026-03-20.\n"],
        ),
        (
            "inbound-damaged-units",
            'units_shipped = 240\ndelivered_date = "2026-05-11"',
            'shipment_id = "FBA18M4QW7TZ"',
            ["Shipment FBA18M4QW7TZ was delivered on 2026-05-11, and 3 units were recorded as "
             "damaged on receipt: 2 units of X003KQ7ZP1 and 1 unit of B0C7QX2M4K.",
             "- FNSKU X003KQ7ZP1: 2 units\n- ASIN B0C7QX2M4K: 1 unit\n",
             "Please review the 3 units (2 units of X003KQ7ZP1 and 1 unit of B0C7QX2M4K) "
             "recorded as damaged in shipment FBA18M4QW7TZ and reimburse them.\n"],
        ),
        (
            "customer-return-wrong-or-damaged",
            'return_problem = "wrong item returned"\nrefund_date = "2026-05-18"',
            'order_id = "205-3318842-6620917"',
            ["- FNSKU X003KQ7ZP1: 2 units\n- ASIN B0C7QX2M4K: 1 unit\n",
             "Please reimburse the 3 units (2 units of X003KQ7ZP1 and 1 unit of B0C7QX2M4K) for "
             "order 205-3318842-6620917: the customer was refunded, but what came back cannot be "
             "sold as the item we shipped.\n"],
        ),
        (
            "inbound-missing-units",
            'units_shipped = 100\nunits_received = 97\ndelivered_date = "2026-04-02"',
            'shipment_id = "FBA17XKQ9M2Z"',
            ["Please investigate the 3 missing units in shipment FBA17XKQ9M2Z (2 units of "
             "X003KQ7ZP1 and 1 unit of B0C7QX2M4K) and either add them to our inventory or "
             "reimburse them.\n"],
        ),
        (
            "removal-lost-in-transit",
            'units_shipped = 10\nunits_received = 7\nshipment_created_date = "2026-05-04"',
            'removal_order_id = "RMV-NB-0519"\ntracking = ["1Z8V72E40392186509"]',
            ["Please investigate the missing package with the carrier and reimburse the 3 units "
             "that did not arrive from removal order RMV-NB-0519: 2 units of X003KQ7ZP1 and 1 "
             "unit of B0C7QX2M4K.\n"],
        ),
    ],
)  # fmt: skip
def test_item_lines_by_asin_are_named_in_every_type(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, ct: str, facts: str, evidence: str, sentences: list[str]
) -> None:
    body = render(cli, tmp_path, case(ct, facts, evidence, MIXED), as_of="2026-06-20")
    for sentence in sentences:
        assert sentence in body, body


@pytest.mark.parametrize(
    ("ct", "facts", "evidence", "sentence"),
    [
        ("mcf-lost-or-damaged", 'issue = "lost in transit"\nquantity = 2',
         'mcf_order_id = "NB-48213"\nasin = "B0C7QX2M4K"',
         "Please reimburse the 2 units of ASIN B0C7QX2M4K lost in MCF order NB-48213.\n"),
        ("reimbursement-underpaid", 'units = 12\npaid_per_unit = "3.10"',
         'reimbursement_id = "20548813927"\nsku = ["CW-MUG-11OZ-BLK"]',
         "Reimbursement 20548813927 covered 12 units of SKU CW-MUG-11OZ-BLK at USD 3.10 per "
         "unit."),
        ("customer-return-wrong-or-damaged", 'return_problem = "wrong item returned"\nquantity = 2',
         'order_id = "205-3318842-6620917"\nasin = ["B0C7QX2M4K", "B0D2LM7VQ8"]',
         "Please reimburse the 2 units of ASINs B0C7QX2M4K and B0D2LM7VQ8 for order "
         "205-3318842-6620917"),
    ],
)  # fmt: skip
def test_a_draft_without_fnskus_names_its_asins_or_skus(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, ct: str, facts: str, evidence: str, sentence: str
) -> None:
    body = render(cli, tmp_path, case(ct, facts, evidence))
    assert sentence in body, body


def test_no_built_in_template_names_products_from_the_fnsku_slot_alone() -> None:
    """A sentence naming what was checked or claimed goes through ``cw.products``: a list of
    the FNSKU slot's values would leave out items given by ASIN or SKU."""
    offenders = []
    for path in sorted((TEMPLATES / "case_types").glob("*.j2")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"and_list\(\s*fnskus\s*\)|and_list\(\s*evs\.(get\(\"fnsku\"|fnsku)", text):
            offenders.append(path.name)
    assert offenders == []


@pytest.mark.parametrize(
    ("ct", "facts", "evidence", "subject"),
    [
        ("warehouse-lost", WAREHOUSE_FACTS, "",
         "Lost inventory not reimbursed – FNSKU X003KQ7ZP1 (+1 more) – ledger reference "
         "79315640218731 – 7 units"),
        ("inbound-damaged-units", 'delivered_date = "2026-05-11"', 'shipment_id = "FBA18M4QW7TZ"',
         "Units damaged on receipt in shipment FBA18M4QW7TZ – 7 units of FNSKU X003KQ7ZP1 (+1 more)"),
    ],
)  # fmt: skip
def test_the_subject_counts_every_product(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, ct: str, facts: str, evidence: str, subject: str
) -> None:
    path = tmp_path / "case.toml"
    path.write_text(case(ct, facts, evidence, FNSKU_AND_ASIN.replace(
        "reference_id", "# reference_id" if ct != "warehouse-lost" else "reference_id")),
        encoding="utf-8")  # fmt: skip
    res = cli("render", str(path), "--format", "json", "--as-of", "2026-06-01")
    assert res.code == 0, res.err
    assert json.loads(res.out)["subject"] == subject
