"""Conditional requirements (``required_when`` on an evidence slot or a fact): required only for
the drafts whose choice (or yes/no) fact has one of the listed values. The built-in data: supplier
invoices, the supplier's contact and units bought versus sold for inauthentic and condition
complaints (account-health-poa), proof of ownership for a wrong item returned
(customer-return-wrong-or-damaged), photos for a damaged MCF delivery (issue 12 §5).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.engine.casefile import draft_from_data, load_case_file
from casewriter.engine.catalog import load_case_type
from casewriter.engine.rendering import Engine
from casewriter.errors import CatalogError
from casewriter.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
BUILTIN = REPO / "templates"
EXAMPLES = BUILTIN / "examples"
AS_OF = date(2026, 6, 30)
SUPPLY = {"supplier_contact", "units_invoiced", "units_sold"}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(AppPaths.under(tmp_path_factory.mktemp("home")), Settings())


def poa(engine: Engine, complaint_type: str, **facts: Any) -> Any:
    data = {
        "case_type": "account-health-poa",
        "marketplace": "US",
        "profile": {"name": "Harbor Lane Trading LLC"},
        "facts": {
            "complaint_type": complaint_type,
            "notification_date": "2026-06-20",
            "impact": "listing deactivated",
            "root_cause": "A supplier shipped units without the brand's seal.",
            "corrective_actions": "Removed the remaining units from sale.",
            "preventive_measures": "Every inbound carton is checked against the brand's seal.",
            **facts,
        },
        "evidence": {"notification_ref": "Notification of 2026-06-20", "asin": ["B0C9KS4TQ2"]},
    }
    return engine.render(draft_from_data(data, engine.catalog, "poa"), as_of=AS_OF)


@pytest.mark.parametrize("kind", ["inauthentic item complaints", "product condition complaints"])
def test_supply_chain_evidence_is_required_for_inauthentic_and_condition(
    engine: Engine, kind: str
) -> None:
    case = poa(engine, kind)
    invoices = next(c for c in case.checklist if c.slot == "invoices")
    assert invoices.required and invoices.status == "missing"
    assert case.ready is False
    missing = [w for w in case.warnings if w.startswith("Missing fact:")]
    ct = engine.catalog.get("account-health-poa")
    labels = {k: ct.fact(k).label.en for k in SUPPLY}  # type: ignore[union-attr]
    assert {k for k in SUPPLY if f"Missing fact: {labels[k]}." in missing} == SUPPLY


def test_supply_chain_evidence_is_optional_for_other_policies(engine: Engine) -> None:
    case = poa(engine, "listing policy violation")
    invoices = next(c for c in case.checklist if c.slot == "invoices")
    assert not invoices.required
    assert not any(w.startswith("Missing fact:") for w in case.warnings)
    assert case.ready is True


def test_supply_chain_given_makes_it_ready_and_is_written(engine: Engine, tmp_path: Path) -> None:
    draft = load_case_file(EXAMPLES / "account-health-poa.toml", engine.catalog)
    case = engine.render(draft, as_of=AS_OF)
    assert draft.facts["complaint_type"] == "product condition complaints"
    assert case.ready is True
    assert "Units bought on the attached invoices: 2,400 · units sold in the same period: 1,962" in case.body  # fmt: skip


@pytest.mark.parametrize(
    ("problem", "required"),
    [("wrong item returned", True), ("item damaged by the customer", False)],
)
def test_proof_of_ownership_for_a_wrong_item(engine: Engine, problem: str, required: bool) -> None:
    draft = load_case_file(EXAMPLES / "customer-return-wrong-or-damaged.toml", engine.catalog)
    data: dict[str, Any] = {
        "case_type": draft.case_type,
        "marketplace": "UK",
        "profile": {"name": "Shenzhen Lumiere Trading Co., Ltd."},
        "facts": {"return_problem": problem, "quantity": 1, "refund_date": "2026-05-18",
                  "return_received_date": "2026-05-26"},
        "evidence": {"order_id": "205-3318842-6620917", "fnsku": "X004LMN8R2"},
        "attachments": [
            {"slot": "photos", "path": str(EXAMPLES / "files" / f"customer-return-wrong-or-damaged-{name}.png")}
            for name in ("lpn-label", "returned-vs-genuine")
        ],
    }  # fmt: skip
    case = engine.render(draft_from_data(data, engine.catalog, "ret"), as_of=AS_OF)
    invoice = next(c for c in case.checklist if c.slot == "invoice")
    assert invoice.required is required and invoice.status == "missing"
    assert case.ready is (not required)


CASE_TYPE = """
id = "widget-check"
group = "account"
title = {{ en = "Widget check" }}
problem = "Widget check"
summary = {{ en = "x" }}
filed_at = {{ en = "x" }}
main_identifier = "asin"
subject = "Widget {{{{ ev.asin }}}}"
template = "case_types/general.md.j2"

[[evidence]]
key = "asin"
kind = "asin"
required = true
label = {{ en = "ASIN" }}

[[evidence]]
key = "photos"
kind = "photo"
min = 0
max = 0
label = {{ en = "Photos" }}
required_when = {cond}

[[facts]]
key = "problem"
type = "choice"
choices = ["broken", "late"]
label = {{ en = "Problem" }}

[[facts]]
key = "note"
type = "text"
label = {{ en = "Note" }}

[[facts]]
key = "checked"
type = "bool"
label = {{ en = "Checked" }}
"""


@pytest.mark.parametrize(
    ("cond", "message"),
    [
        (
            '{ fact = "problm", in = ["broken"] }',
            "evidence.1.required_when.fact: 'problm' is not a fact key (did you mean 'problem'?)",
        ),  # fmt: skip
        (
            '{ fact = "problem", in = ["brokn"] }',
            "evidence.1.required_when.in: 'brokn' is not a choice of 'problem' (did you mean 'broken'?)",
        ),  # fmt: skip
        (
            '{ fact = "note", in = ["x"] }',
            "'note' is a text fact; a condition needs a choice or yes/no fact",
        ),  # fmt: skip
        ('{ fact = "checked", in = ["yes"] }', "'checked' is a yes/no fact: use true or false"),
        ('{ fact = "problem", in = [] }', "required_when.in"),
        ('{ fact = "problem", when = ["broken"] }', "required_when"),
    ],
)
def test_a_bad_condition_is_a_catalog_error(tmp_path: Path, cond: str, message: str) -> None:
    path = tmp_path / "widget-check.toml"
    path.write_text(CASE_TYPE.format(cond=cond), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_case_type(path, "user", [BUILTIN])
    assert message in str(exc.value)
    assert "widget-check.toml" in str(exc.value)


@pytest.mark.parametrize(
    ("cond", "facts", "required"),
    [
        ('{ fact = "problem", in = ["broken"] }', {"problem": "broken"}, True),
        ('{ fact = "problem", in = ["broken"] }', {"problem": "late"}, False),
        ('{ fact = "problem", in = ["broken"] }', {}, False),
        ('{ fact = "checked", in = [true] }', {"checked": True}, True),
        ('{ fact = "checked", in = [true] }', {"checked": False}, False),
    ],
)
def test_a_condition_holds_only_for_its_values(
    tmp_path: Path, cond: str, facts: dict[str, Any], required: bool
) -> None:
    path = tmp_path / "widget-check.toml"
    path.write_text(CASE_TYPE.format(cond=cond), encoding="utf-8")
    ct = load_case_type(path, "user", [BUILTIN])
    slot = ct.slot("photos")
    assert slot is not None and slot.required_for(facts) is required
