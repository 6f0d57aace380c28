"""Counts that must add up (``[[counts]]``, engine/counts.py): the item lines of a removal lost
in transit carry their quantities into the case's ``units_lost`` fact (what the text claims), and
units claimed that are not units shipped − units received are a warning in English and Chinese
(one ``Said``), never a readiness reason; the same check for inbound missing units and damaged or
incomplete removals; scan drafts of a lost removal package fill the item lines. Real templates
and the real CLI (``render``, ``scan --draft``, ``log show``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.engine import Draft, Engine
from casewriter.messages import Said, say
from casewriter.paths import AppPaths
from tests.acceptance.issue14_files import REMOVAL_SHIPMENTS, write_report
from tests.acceptance.issue14_rows import removal_shipment

REMOVAL = """case_type = "removal-lost-in-transit"
marketplace = "US"
urgency = "routine"

[profile]
name = "Northbay Goods"

[facts]
units_shipped = 60
units_received = 24
shipment_created_date = "2026-05-04"
{facts}

[evidence]
removal_order_id = "RMV-NB-0519"
tracking = ["1Z8V72E40392186509", "1ZWX0692YP40636269"]
{evidence}
"""
LINES = """
[[items]]
fnsku = "X003KQ7ZP1"
quantity = {first}

[[items]]
asin = "B0C7QX2M4K"
quantity = {second}
"""
AS_OF = "2026-06-30"
MISMATCH_EN = (
    "The counts do not add up: Units shipped in the removal (units_shipped) 60 − Units received "
    "at your address (units_received) 24 = 36, but Units claimed (units_lost) is 30 (the item "
    "lines' total). Check them before filing."
)
MISMATCH_ZH = (
    "数量对不上：移除订单发出数量 60 − 实际收到数量 24 = 36，但索赔数量为 30（商品明细合计）。"
    "提交前请核对。"
)


def render(cli, tmp_path: Path, text: str, as_of: str = AS_OF) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    res = cli("render", str(path), "--format", "json", "--as-of", as_of)
    assert res.code == 0, res.err
    data: dict[str, Any] = json.loads(res.out)
    assert "{{" not in data["body"] and "None" not in data["body"]
    return data


def counts(data: dict[str, Any]) -> list[str]:
    return [w for w in data["warnings"] if w.startswith("The counts do not add up")]


def test_removal_lines_that_add_up_are_the_units_claimed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(cli, tmp_path, REMOVAL.format(facts="", evidence="")
                  + LINES.format(first=26, second=10))  # fmt: skip
    assert counts(data) == []
    body = data["body"]
    assert "- Units shipped: 60 · received: 24 · missing: 36\n" in body
    assert (
        "Please investigate the missing packages with the carrier and reimburse the 36 units that "
        "did not arrive from removal order RMV-NB-0519: 26 units of X003KQ7ZP1 and 10 units of "
        "B0C7QX2M4K.\n"
    ) in body
    assert data["ready"] is True


def test_removal_lines_that_disagree_are_warned_and_claimed_as_given(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = REMOVAL.format(facts="", evidence="") + LINES.format(first=20, second=10)
    data = render(cli, tmp_path, text)
    assert counts(data) == [MISMATCH_EN]
    body = data["body"]
    # both numbers are in the text, each true: the gap and what is claimed
    assert "- Units shipped: 60 · received: 24 · missing: 36 · claimed: 30\n" in body
    assert (
        "reimburse the 30 units that did not arrive from removal order RMV-NB-0519: 20 units of "
        "X003KQ7ZP1 and 10 units of B0C7QX2M4K.\n"
    ) in body
    assert "Subject: " not in body and "36 units not delivered" in data["subject"]
    # a warning, not a reason the case cannot be filed: a seller may claim less on purpose
    assert data["ready"] is True and data["ready_reasons"] == []


def test_the_warning_says_itself_in_chinese(tmp_path: Path) -> None:
    engine = Engine.load(AppPaths.under(tmp_path), Settings())
    draft = Draft.model_validate({
        "case_type": "removal-lost-in-transit", "marketplace": "US",
        "profile": {"name": "Northbay Goods"},
        "facts": {"units_shipped": 60, "units_received": 24, "shipment_created_date": "2026-05-04"},
        "evidence": {"removal_order_id": ["RMV-NB-0519"], "tracking": ["1Z8V72E40392186509"]},
        "items": [{"fnsku": "X003KQ7ZP1", "quantity": 20}, {"asin": "B0C7QX2M4K", "quantity": 10}],
    })  # fmt: skip
    case = engine.render(draft, as_of=date(2026, 6, 30))
    (warning,) = [w for w in case.warnings if isinstance(w, Said) and w.code == "count.mismatch"]
    assert str(warning) == MISMATCH_EN
    assert say(warning, "zh") == MISMATCH_ZH


def test_units_claimed_given_without_lines_are_checked_too(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = REMOVAL.format(facts="units_lost = 30", evidence='fnsku = ["X003KQ7ZP1", "X003KQ8BL4"]')
    data = render(cli, tmp_path, text)
    assert counts(data) == [MISMATCH_EN.replace(" (the item lines' total)", "")]
    assert (
        "reimburse the 30 units of X003KQ7ZP1 and X003KQ8BL4 that did not arrive from removal "
        "order RMV-NB-0519.\n"
    ) in data["body"]


def test_without_a_claimed_figure_shipped_minus_received_is_claimed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = REMOVAL.format(facts="", evidence='fnsku = ["X003KQ7ZP1", "X003KQ8BL4"]')
    data = render(cli, tmp_path, text)
    assert counts(data) == []
    assert "- Units shipped: 60 · received: 24 · missing: 36\n" in data["body"]
    assert "reimburse the 36 units of X003KQ7ZP1 and X003KQ8BL4 that did not arrive" in data["body"]


def test_the_oer_asks_for_the_units_claimed(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = REMOVAL.format(facts="", evidence="").replace(
        'urgency = "routine"', 'urgency = "high"\noer = true'
    )
    data = render(cli, tmp_path, text + LINES.format(first=20, second=10))
    request = data["oer"]["request"]
    assert (
        "Please open a carrier investigation for the missing packages of removal order "
        "RMV-NB-0519 with priority and reimburse the 30 units that were not delivered: 20 units "
        "of X003KQ7ZP1 and 10 units of B0C7QX2M4K.\n"
    ) in request
    assert "- FNSKU X003KQ7ZP1: 20 units\n- ASIN B0C7QX2M4K: 10 units\n" in request


INBOUND = """case_type = "inbound-missing-units"
marketplace = "US"

[profile]
name = "Northbay Goods"

[facts]
units_shipped = 100
units_received = 96
delivered_date = "2026-04-02"

[evidence]
shipment_id = "FBA17XKQ9M2Z"

[[items]]
fnsku = "X003KQ7ZP1"
quantity = 3

[[items]]
fnsku = "X001ZZ9K3Q"
quantity = {second}
"""


def test_inbound_lines_that_disagree_with_shipped_minus_received(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render(cli, tmp_path, INBOUND.format(second=2), as_of="2026-05-01")
    assert counts(data) == [
        "The counts do not add up: Units shipped (units_shipped) 100 − Units received by Amazon "
        "(units_received) 96 = 4, but Units missing (units_missing) is 5 (the item lines' total). "
        "Check them before filing."
    ]
    # the text never says 100 − 96 is 5
    assert "- Units shipped: 100 · received: 96 · missing: 4 · claimed: 5\n" in data["body"]
    agree = render(cli, tmp_path, INBOUND.format(second=1), as_of="2026-05-01")
    assert counts(agree) == []
    assert "- Units shipped: 100 · received: 96 · missing: 4\n" in agree["body"]


REMOVAL_DAMAGED = (Path(__file__).resolve().parent.parent / "templates" / "examples"
                   / "removal-damaged-or-incomplete.toml")  # fmt: skip


@pytest.mark.parametrize(
    ("change", "warned"),
    [
        ("", False),  # 48 − 42 + 5 = 11 claimed
        ("units_affected = 9", True),
        ('issue = "with wrong items"\nunits_affected = 9', False),  # wrong units come on top
        ("units_damaged = -\nunits_affected = 9", False),  # damaged not given: never taken as 0
    ],
)
def test_removal_damaged_claims_missing_plus_damaged(
    cli, tmp_path: Path, change: str, warned: bool
) -> None:  # type: ignore[no-untyped-def]
    text = REMOVAL_DAMAGED.read_text(encoding="utf-8")
    for line in change.splitlines():
        key, value = line.split(" = ")
        kept = [x for x in text.splitlines() if value != "-" or not x.startswith(key + " = ")]
        text = "\n".join(line if x.startswith(key + " = ") else x for x in kept)
    data = render(cli, tmp_path, text, as_of="2026-06-20")
    expected = [
        "The counts do not add up: Units shipped in the removal (units_expected) 48 − Units "
        "received (units_received) 42 + Units received damaged (units_damaged) 5 = 11, but Units "
        "claimed (units_affected) is 9. Check them before filing."
    ]
    assert counts(data) == (expected if warned else [])


TRACKING = "1Z8V72E40392186509"


def test_a_scan_draft_of_a_lost_package_fills_the_item_lines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    write_report(folder / "shipments.txt", REMOVAL_SHIPMENTS, [
        removal_shipment("RMV-E", "2026-04-12T10:00:00-07:00", "RM-E", "X00RMV000E", 2, "UPS", TRACKING),
        removal_shipment("RMV-E", "2026-04-12T10:00:00-07:00", "RM-F", "X00RMV000F", 3, "UPS", TRACKING),
        removal_shipment("RMV-E", "2026-04-12T10:00:00-07:00", "RM-G", "", 1, "UPS", TRACKING),
    ])  # fmt: skip
    res = cli("scan", str(folder), "--as-of", "2026-05-10", "--confirm-removal-lost", TRACKING,
              "--draft", "--json")  # fmt: skip
    assert res.code == 0, res.err
    (case_id,) = json.loads(res.out)["drafts"]["drafted"]
    shown = cli("log", "show", case_id)
    assert shown.code == 0, shown.err
    body = shown.out
    # one line per product of the package; a row without an FNSKU by its SKU
    assert "- FNSKU X00RMV000E: 2 units\n- FNSKU X00RMV000F: 3 units\n- SKU RM-G: 1 unit\n" in body
    assert "- Units shipped: 6 · received: 0 · missing: 6\n" in body
    assert (
        "reimburse the 6 units that did not arrive from removal order RMV-E: 2 units of "
        "X00RMV000E, 3 units of X00RMV000F and 1 unit of RM-G.\n"
    ) in body
    assert "counts do not add up" not in body
    stored = json.loads(cli("log", "show", case_id, "--json").out)
    draft = stored["draft"]
    assert [(i.get("fnsku") or i.get("sku"), i["quantity"]) for i in draft["items"]] == [
        ("X00RMV000E", 2), ("X00RMV000F", 3), ("RM-G", 1)]  # fmt: skip
