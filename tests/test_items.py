"""Items carry their own quantities (issue 12 §3): ``[[items]]`` lines in case files, the draft
and the log; totals computed from the lines; a disagreeing total, an evidence list without
quantities and an item dated before the clock fact each warned about; the items-per-case cap
counting lines; the contract's ``items`` in ``render --format json``; what templates see."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casewriter.config import Settings
from casewriter.engine import Draft, Engine, load_case_file
from casewriter.paths import AppPaths

HEAD = """case_type = "warehouse-lost"
marketplace = "US"
urgency = "routine"

[profile]
name = "Northbay Goods"

[facts]
{facts}

[evidence]
{evidence}
"""
TWO_LINES = """
[[items]]
fnsku = "X003KQ7ZP1"
quantity = 4
reference_id = "79315640218731"
date = "2026-05-20"
fc = "PHX7"

[[items]]
fnsku = "X001ZZ9K3Q"
qty = 3
reference_id = "79315640218732"
date = "2026-05-22"
fulfillment_center = "PHX7"
"""


def write(tmp_path: Path, facts: str, evidence: str = "", items: str = "", name: str = "c.toml") -> Path:  # fmt: skip
    path = tmp_path / name
    path.write_text(HEAD.format(facts=facts, evidence=evidence) + items, encoding="utf-8")
    return path


def render_json(cli, path: Path, as_of: str = "2026-06-01") -> dict:  # type: ignore[no-untyped-def]
    res = cli("render", str(path), "--format", "json", "--as-of", as_of)
    assert res.code == 0, res.err
    return json.loads(res.out)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(AppPaths.under(tmp_path_factory.mktemp("home")), Settings())


def test_item_lines_in_json_totals_and_the_case_text(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "checked_reimbursements = true", items=TWO_LINES)
    data = render_json(cli, path)
    assert data["items"] == [
        {"fnsku": "X003KQ7ZP1", "sku": None, "asin": None, "reference_id": "79315640218731",
         "quantity": 4, "date": "2026-05-20", "fulfillment_center": "PHX7",
         "status": "provided", "reason": None},
        {"fnsku": "X001ZZ9K3Q", "sku": None, "asin": None, "reference_id": "79315640218732",
         "quantity": 3, "date": "2026-05-22", "fulfillment_center": "PHX7",
         "status": "provided", "reason": None},
    ]  # fmt: skip
    # the total is the lines' sum; the date fact and FC come from the lines
    assert "7 units" in data["subject"]
    assert "Ledger date: 2026-05-20" in data["body"] and "PHX7" in data["body"]
    assert data["deadline"]["opens"] == "2026-05-20"
    # the lines' identifiers fill their evidence slots (checklist, subject, duplicate guard)
    checklist = {c["slot"]: c for c in data["checklist"]}
    assert checklist["items"]["status"] == "provided"
    assert (
        checklist["items"]["values"][0] == "X003KQ7ZP1 × 4 (ref 79315640218731, 2026-05-20, PHX7)"
    )
    assert checklist["fnsku"]["values"] == ["X003KQ7ZP1", "X001ZZ9K3Q"]
    assert ["reference_id", "79315640218732"] in data["identifiers"]
    assert data["ready"] is True and data["ready_reasons"] == []
    res = cli("render", str(path), "--as-of", "2026-06-01")
    assert "items.1.fc read as items.1.fulfillment_center" in res.out
    assert "X003KQ7ZP1 × 4" in res.out


def test_a_total_that_disagrees_with_the_lines_is_a_warning(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = render_json(cli, write(tmp_path, "units_lost = 9", items=TWO_LINES))
    assert any(
        "Units lost (unreconciled) (units_lost) was given as 9, but the items add up to 7; "
        "the case states 7." in w
        for w in data["warnings"]
    ), data["warnings"]
    assert "7 units" in data["subject"] and "9 unit" not in data["body"]


def test_an_old_evidence_list_is_read_as_items_without_quantities(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old = write(tmp_path, 'ledger_date = "2026-05-20"\nunits_lost = 7',
                'fnsku = ["X003KQ7ZP1", "X001ZZ9K3Q"]\nreference_id = ["79315640218731"]')  # fmt: skip
    data = render_json(cli, old)
    assert [i["fnsku"] for i in data["items"]] == ["X003KQ7ZP1", "X001ZZ9K3Q"]
    assert [i["quantity"] for i in data["items"]] == [None, None]
    assert any("2 FNSKUs given without a quantity for each" in w for w in data["warnings"])
    assert data["ready"] is True  # still a valid case file: warned, not refused
    # one FNSKU: its line takes the total, the single reference, date and FC
    one = write(tmp_path, 'ledger_date = "2026-05-20"\nunits_lost = 7\nfulfillment_center = "PHX7"',
                'fnsku = "X003KQ7ZP1"\nreference_id = "79315640218731"', name="one.toml")  # fmt: skip
    data = render_json(cli, one)
    assert data["items"][0]["quantity"] == 7
    assert data["items"][0]["reference_id"] == "79315640218731"
    assert data["items"][0]["date"] == "2026-05-20"
    assert not any("without a quantity" in w for w in data["warnings"])


def test_the_window_runs_from_the_earliest_item_date(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = TWO_LINES.replace('date = "2026-05-22"', 'date = "2026-04-01"')
    data = render_json(cli, write(tmp_path, 'ledger_date = "2026-05-20"', items=items))
    assert data["deadline"]["opens"] == "2026-04-01"
    assert data["deadline"]["closes"] == "2026-05-31"
    assert any(
        "is 2026-05-20, but an item is dated 2026-04-01: the window runs from the earliest" in w
        for w in data["warnings"]
    )
    # 2026-06-01 is past the window that started with the earliest item: not ready
    assert [r["code"] for r in data["ready_reasons"]] == ["window-closed"]


def test_an_item_without_quantity_or_with_a_bad_fnsku_is_invalid(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = TWO_LINES.replace("qty = 3\n", "").replace('fnsku = "X003KQ7ZP1"', 'fnsku = "X003KQ7"')
    data = render_json(cli, write(tmp_path, "", items=items))
    statuses = [(i["status"], i["reason"]) for i in data["items"]]
    assert statuses[0][0] == "invalid" and "FNSKU 'X003KQ7'" in statuses[0][1]
    assert statuses[1] == ("invalid", "quantity missing")
    assert data["ready"] is False
    reasons = [r for r in data["ready_reasons"] if r["key"] == "items"]
    assert reasons and reasons[0]["code"] == "invalid-evidence"
    assert "X003KQ7" not in data["body"]  # an invalid value is never presented as fact


def test_the_items_cap_counts_lines(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    line = '[[items]]\nfnsku = "X003KQ7ZP1"\nquantity = 1\nreference_id = "7931564021873{n}"\n'
    items = "\n".join(line.format(n=n) for n in range(6))
    data = render_json(cli, write(tmp_path, 'ledger_date = "2026-05-20"', items=items))
    assert any("6 items in one case is above the suggested 5" in w for w in data["warnings"])
    assert data["ready"] is True  # a warning, not a blocker


def test_bad_item_lines_are_one_line_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = write(tmp_path, "", items='[[items]]\nfnsku = "X003KQ7ZP1"\nquantitty = 2\n')
    res = cli("render", str(bad))
    assert res.code == 2 and res.err.count("\n") == 1
    assert (
        "items.1.quantitty: warehouse-lost items have no such field (did you mean 'quantity'?)"
        in res.err
    )
    res = cli(
        "render",
        str(write(tmp_path, "", items='[[items]]\nfnsku = "X1"\nquantity = -2\n', name="n.toml")),
    )
    assert res.code == 2 and "items.1.quantity: must be 0 or more" in res.err
    general = tmp_path / "g.toml"
    general.write_text('case_type = "general"\n[[items]]\nasin = "B0C7QX2M4K"\n', encoding="utf-8")
    res = cli("render", str(general))
    assert res.code == 2 and "general takes no item lines" in res.err


def test_items_are_kept_in_the_log_and_old_drafts_read_back(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "", items=TWO_LINES)
    res = cli("render", str(path), "--save", "--as-of", "2026-06-01")
    assert res.code == 0, res.err
    shown = json.loads(cli("log", "show", "CW-000001", "--json").out)
    assert shown["draft"]["items"][0] == {"fnsku": "X003KQ7ZP1", "quantity": 4,
        "reference_id": "79315640218731", "date": "2026-05-20", "fulfillment_center": "PHX7"}  # fmt: skip
    draft = Draft.model_validate(shown["draft"])
    assert draft.items[1].quantity == 3 and draft.items[1].date == date(2026, 5, 22)
    old = {k: v for k, v in shown["draft"].items() if k != "items"}
    assert Draft.model_validate(old).items == []


def test_templates_see_items_and_totals(home: Path, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = home / "templates" / "case_types"
    folder.mkdir(parents=True)
    (folder / "warehouse.md.j2").write_text(
        '{% extends "builtin/case_types/warehouse.md.j2" %}\n'
        "{% block problem %}\n"
        "{% for i in items %}- {{ i.fnsku }}: {{ i.quantity }} units (reference {{ i.reference_id }}, {{ i.date }})\n{% endfor %}"
        "- Total: {{ totals.quantity }} units in {{ totals.lines }} lines, from {{ totals.earliest_date }}\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    data = render_json(cli, write(tmp_path, "", items=TWO_LINES))
    assert "- X003KQ7ZP1: 4 units (reference 79315640218731, 2026-05-20)" in data["body"]
    assert "- Total: 7 units in 2 lines, from 2026-05-20" in data["body"]
    check = cli("templates", "check")
    assert "undeclared" not in check.out, check.out


def test_engine_render_of_a_hand_built_draft_with_items(engine: Engine) -> None:
    draft = Draft.model_validate({
        "case_type": "customer-return-not-received", "marketplace": "US",
        "profile": {"name": "Northbay Goods"},
        "facts": {"refund_date": "2026-03-20", "quantity": 5},
        "evidence": {"order_id": ["113-7746201-5580934"]},
        "items": [{"fnsku": "X003KQ7ZP1", "quantity": "2"}, {"fnsku": "X001ZZ9K3Q", "quantity": 1}],
    })  # fmt: skip
    case = engine.render(draft, as_of=date(2026, 6, 1))
    assert [(i.values["fnsku"], i.values["quantity"]) for i in case.items] == [
        ("X003KQ7ZP1", 2), ("X001ZZ9K3Q", 1)]  # fmt: skip
    assert any("was given as 5, but the items add up to 3" in w for w in case.warnings)


def test_example_files_still_load(engine: Engine) -> None:
    example = (
        Path(__file__).resolve().parent.parent / "templates" / "examples" / "warehouse-lost.toml"
    )
    draft = load_case_file(example, engine.catalog)
    case = engine.render(draft, as_of=date(2026, 6, 1))
    assert case.items[0].values["quantity"] == 7 and case.items[0].derived
