"""Facts are read once, into typed values, where they enter (issue 11): the case-file loader,
the wizard's state, a scan finding and a reopened logged draft each hand the engine typed
facts, and rendering never parses them again; the log keeps the JSON form drafts have always
had, so old drafts reopen and render the same."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import casewriter.engine as engine_front
from casewriter.config import Settings
from casewriter.engine import Draft, Engine, Money, load_case_file
from casewriter.engine import facts as engine_facts
from casewriter.engine.paste import PasteText
from casewriter.paths import AppPaths
from casewriter.reports import scan
from casewriter.reports.drafts import draft_from_finding
from casewriter.tui.wizard import state as wizard_state
from casewriter.tui.wizard.state import WizardState
from tests.builtin_catalog import builtin_catalog
from tests.conftest import REPO, SAMPLES

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
AS_OF = date(2026, 5, 4)


@pytest.fixture
def engine(paths: AppPaths) -> Engine:
    return Engine.load(paths, Settings())


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Every fact the engine reads from raw input: (fact key, the raw value)."""
    seen: list[tuple[str, object]] = []
    real = engine_facts.coerce_fact

    def spy(spec, value, mp, as_of=None):  # type: ignore[no-untyped-def]
        seen.append((spec.key, value))
        return real(spec, value, mp, as_of)

    monkeypatch.setattr(engine_facts, "coerce_fact", spy)
    monkeypatch.setattr(engine_front, "coerce_fact", spy, raising=False)  # the wizard's way in
    return seen


def test_a_case_file_is_typed_by_the_loader_and_rendered_without_reading_again(
    engine: Engine, reads: list[tuple[str, object]]
) -> None:
    draft = load_case_file(EXAMPLE, engine.catalog)
    facts = draft.facts
    assert facts["units_shipped"] == 100 and type(facts["units_shipped"]) is int
    assert facts["unit_cost"] == Money(Decimal("6.40"), "USD")
    assert facts["delivered_date"] == date(2026, 4, 2)
    assert facts["checked_reimbursements"] is True and facts["tracking_delivered"] is True
    assert facts["ledger_received"] == 96 and type(facts["ledger_received"]) is int
    # TOML's numbers and booleans are already typed; text ("6.40", "2026-04-02") is read
    assert {key for key, _ in reads} == {"unit_cost", "delivered_date", "closed_date"}
    reads.clear()
    case = engine.render(draft, as_of=AS_OF)
    assert reads == []  # build_context takes the loader's typed facts as they are
    assert "USD 6.40 per unit (USD 25.60 for the missing units)" in case.body
    assert "delivered to ONT8 on 2026-04-02" in case.body  # what templates see is unchanged


def test_the_log_keeps_the_json_form_and_old_drafts_reopen(
    engine: Engine, reads: list[tuple[str, object]]
) -> None:
    draft = load_case_file(EXAMPLE, engine.catalog)
    stored = draft.model_dump(mode="json")
    # the shapes drafts have always been logged with: numbers, "6.40", "2026-04-02", booleans
    assert stored["facts"] == {
        "units_shipped": 100,
        "units_received": 96,
        "delivered_date": "2026-04-02",
        "closed_date": "2026-04-16",
        "fulfillment_center": "ONT8",
        "carrier": "UPS",
        "cartons": 5,
        "unit_cost": "6.40",
        "ledger_received": 96,
        "checked_reimbursements": True,
        "tracking_delivered": True,
    }
    # an old wizard draft logged its facts as text: reopened, read once, rendered the same
    old = {**stored, "facts": {**stored["facts"], "units_shipped": "100", "cartons": "5"}}
    state = WizardState.from_dict(old, Settings())
    specs = {f.key: f for f in engine.catalog.get("inbound-missing-units").facts}
    reads.clear()
    reopened = Draft.model_validate(state.to_draft(Settings(), specs))
    assert reopened.facts == draft.facts
    assert len(reads) == len(stored["facts"])  # each fact read once, on reopening
    reads.clear()
    again = engine.render(reopened, as_of=AS_OF)
    assert reads == []
    first = engine.render(draft, as_of=AS_OF)
    assert PasteText.of(again) == PasteText.of(first)


def test_a_fact_typed_in_the_wizard_is_read_once_on_its_way_to_the_log(
    engine: Engine, reads: list[tuple[str, object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wizard_state, "_READINGS", {})
    settings = Settings(default_marketplace="UK")
    state = WizardState.new(settings, "inbound-missing-units")
    state.evidence = {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1"]}
    state.facts = {"units_shipped": "1,200", "units_received": "1,196", "delivered_date": "02/04/2026",
                   "unit_cost": "£6,40"}  # fmt: skip
    specs = {f.key: f for f in engine.catalog.get("inbound-missing-units").facts}
    # the field checks (every keystroke), the render, the autosave and the save share one read
    assert state.fact_errors(specs) == {}
    for _ in range(3):
        draft = Draft.model_validate(state.to_draft(settings, specs))
        engine.render(draft, as_of=AS_OF)
    saved = state.to_autosave(settings, specs)
    assert sorted(key for key, _ in reads) == sorted(state.facts)
    assert draft.facts["delivered_date"] == date(2026, 4, 2)  # UK: day first
    assert draft.facts["unit_cost"] == Money(Decimal("6.40"), "GBP")
    assert saved["facts"]["unit_cost"] == "6.40" and saved["facts"]["units_shipped"] == 1200
    # the marketplace decides how a date reads: a new marketplace is a new reading
    state.marketplace = "US"
    moved = Draft.model_validate(state.to_draft(settings, specs))
    assert moved.facts["delivered_date"] == date(2026, 2, 4)
    assert moved.facts["unit_cost"] == Money(Decimal("6.40"), "USD")


def test_scan_drafts_carry_typed_facts(engine: Engine, reads: list[tuple[str, object]]) -> None:
    result = scan(sorted(SAMPLES.glob("*.tsv")), as_of=date(2026, 6, 30), marketplace="US",
                  catalog=builtin_catalog())  # fmt: skip
    drafts = [draft_from_finding(f, engine.catalog) for f in result.findings]
    assert drafts
    for draft in drafts:
        ct = engine.catalog.get(draft.case_type)
        for key, value in draft.facts.items():
            spec = ct.fact(key)
            assert spec is not None
            expected = {"date": date, "quantity": int, "money": Money, "bool": bool,
                        "choice": str, "text": str, "percent": float}[spec.type]  # fmt: skip
            assert type(value) is expected, (draft.case_type, key, value)
        engine.render(draft, as_of=date(2026, 6, 30))
    assert reads == []
    shortfall = next(d for d in drafts if d.case_type == "inbound-missing-units")
    assert isinstance(shortfall.facts["delivered_date"], date)


def test_a_hand_built_draft_with_raw_text_is_still_read(
    engine: Engine, reads: list[tuple[str, object]]
) -> None:
    draft = Draft(case_type="inbound-missing-units", marketplace="US",
                  facts={"units_shipped": "100", "units_received": 96, "delivered_date": "04/02/2026",
                         "unit_cost": Decimal("6.4"), "cartons": None})  # fmt: skip
    assert "cartons" not in draft.facts  # null is absent
    case = engine.render(draft, as_of=AS_OF)
    assert sorted(key for key, _ in reads) == ["delivered_date", "unit_cost", "units_shipped"]
    assert "4 units" in case.body and "2026-04-02" in case.body
    # a typed value out of the bounds the reader checks is read again, and refused
    reads.clear()
    bad = Draft(case_type="inbound-missing-units", facts={"delivered_date": date(9999, 12, 31)})
    case = engine.render(bad, as_of=AS_OF)
    assert reads == [("delivered_date", date(9999, 12, 31))]
    assert any("delivered_date" in w and "out of range" in w for w in case.warnings)


def test_money_is_written_with_its_currency_decimals() -> None:
    assert Money(Decimal("2500"), "JPY").text() == "2500"
    assert Money(Decimal("24.9"), "USD").text() == "24.90"
    assert str(Money(Decimal("1234.5"), "EUR")) == "1234.50"


def test_case_file_path_rule(tmp_path: Path, engine: Engine) -> None:
    from casewriter.engine import attachment_path

    assert attachment_path("files/a.pdf", tmp_path) == tmp_path / "files" / "a.pdf"
    assert attachment_path("~/a.pdf", tmp_path) == Path.home() / "a.pdf"
    assert attachment_path(str(tmp_path / "b.pdf"), "/elsewhere") == tmp_path / "b.pdf"
    assert attachment_path(" a.pdf ") == Path.cwd() / "a.pdf"
