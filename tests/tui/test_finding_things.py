"""Issue 13 §5: finding a case type by the words a seller types (a table of queries in both
languages, ranked: title words, then problem words, then descriptions), ``lost`` + Enter in the
wizard picks a lost-units type, and the home search finds a case by its type's problem words."""

from __future__ import annotations

from pathlib import Path

import pytest

from casewriter.engine import Catalog, rank_types
from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, add_case, calm, set_field, wizard

#: query -> the case type it must rank first (and, where it matters, what must not be first).
RANKING: list[tuple[str, str]] = [
    ("lost", "warehouse-lost"),
    ("Lost", "warehouse-lost"),
    ("lost removal", "removal-lost-in-transit"),
    ("damaged", "inbound-damaged-units"),
    ("missing", "inbound-missing-units"),
    ("少件", "inbound-missing-units"),
    ("丢件", "warehouse-lost"),
    ("入库", "inbound-damaged-units"),
    ("入库少件", "inbound-missing-units"),
    ("refund", "customer-return-not-received"),
    ("退款", "customer-return-not-received"),
    ("A-to-z", "a-to-z-response"),
    ("a-to-z", "a-to-z-response"),
    ("侵权", "ip-complaint-appeal"),
    ("trademark", "ip-complaint-appeal"),
    ("customs", "customs-clearance-exception"),
    ("清关", "customs-clearance-exception"),
    ("封号", "account-health-poa"),
    ("suspension", "account-health-poa"),
    ("reimbursement", "reimbursement-underpaid"),
    ("赔偿过低", "reimbursement-underpaid"),
    ("搁置库存", "stranded-inventory"),
    ("chargeback", "chargeback-response"),
    ("库容", "capacity-limit-exception"),
    ("移除", "removal-damaged-or-incomplete"),
]


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(AppPaths.under(tmp_path_factory.mktemp("home")))


@pytest.mark.parametrize(("query", "first"), RANKING)
def test_type_search_ranks_title_words_then_problem_words(
    catalog: Catalog, query: str, first: str
) -> None:
    ranked = [ct.id for ct in rank_types(catalog.all(), query)]
    assert ranked and ranked[0] == first, ranked[:4]


def test_lost_ranks_lost_units_before_a_description_match(catalog: Catalog) -> None:
    ranked = [ct.id for ct in rank_types(catalog.all(), "lost")]
    lost_units = {"warehouse-lost", "removal-lost-in-transit", "mcf-lost-or-damaged"}
    assert set(ranked[:3]) == lost_units
    if "reimbursement-underpaid" in ranked:  # its summary may say "lost"; never above a title
        assert ranked.index("reimbursement-underpaid") > 2


def test_no_match_and_every_word_must_match(catalog: Catalog) -> None:
    assert rank_types(catalog.all(), "zzzqqq") == []
    assert [ct.id for ct in rank_types(catalog.all(), "removal lost")] == [
        "removal-lost-in-transit"
    ]
    assert len(rank_types(catalog.all(), "  ")) == len(catalog)


@pytest.mark.parametrize(
    ("query", "want"), [("lost", "warehouse-lost"), ("少件", "inbound-missing-units")]
)
async def test_wizard_search_enter_picks_the_best_match(
    run_app: RunApp, query: str, want: str
) -> None:
    async with run_app() as pilot:
        await pilot.press("n")
        await calm(pilot)
        wz = wizard(pilot)
        await set_field(pilot, "type-search", query)
        await pilot.press("enter")
        await calm(pilot)
        assert wz.state.case_type == want
        assert wz.state.step == "evidence"


async def test_home_search_finds_a_case_by_its_problem_words(
    run_app: RunApp, services: Services, paths: AppPaths
) -> None:
    missing = add_case(services, "Shipment FBA17XKQ9M2Z short by 12")
    add_case(services, "Unit gone from FC", case_type="warehouse-lost")
    async with run_app() as pilot:
        for query in ("少件", "入库"):
            await pilot.press("slash")
            await set_field(pilot, "search", query)
            await pilot.pause(0.4)
            await calm(pilot)
            table = pilot.app.screen.query_one("#cases")
            ids = [str(key.value) for key in table.rows]  # type: ignore[attr-defined]
            assert ids == [missing], (query, ids)
    assert Path(paths.db_file).exists()
