"""The duplicate guard, precise per case type (issue 12 §6): a case of the same type sharing
every identifier kind of one group of its rule, or any case with the same Seller Central case
id; a shared FNSKU or ASIN alone is not a duplicate except for the types whose rule says so;
closed cases only when asked; found through the covering identifier index."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.test_store import make_case

WAREHOUSE = (("fnsku", "reference_id"),)
LISTING = (("asin",), ("fnsku",))


@pytest.fixture
def store(paths: AppPaths) -> Iterator[CaseStore]:
    s = CaseStore.open(paths)
    yield s
    s.close()


def ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [c.id for c in found]


def test_warehouse_needs_fnsku_and_reference(store: CaseStore) -> None:
    store.save_new(make_case(case_type="warehouse-lost",
                             identifiers=[("fnsku", "X003KQ7ZP1"), ("reference_id", "79315640218731")]))  # fmt: skip
    same = [("fnsku", "X003KQ7ZP1"), ("reference_id", "79315640218731")]
    other_event = [("fnsku", "X003KQ7ZP1"), ("reference_id", "79315640218799")]
    assert ids(store.duplicates(same, case_type="warehouse-lost", keys=WAREHOUSE)) == ["CW-000001"]
    assert store.duplicates(other_event, case_type="warehouse-lost", keys=WAREHOUSE) == []
    # the same identifiers on another type are another problem
    assert store.duplicates(same, case_type="warehouse-damaged", keys=WAREHOUSE) == []
    found = store.duplicates(same, case_type="warehouse-lost", keys=WAREHOUSE)[0]
    assert found.matched == (("fnsku", "X003KQ7ZP1"), ("reference_id", "79315640218731"))


def test_asin_alone_names_a_listing_problem_only(store: CaseStore) -> None:
    store.save_new(make_case(case_type="listing-match-fix", identifiers=[("asin", "B0C7QX2M4K")]))
    store.save_new(make_case(case_type="ip-complaint-appeal", identifiers=[("asin", "B0C7QX2M4K")]))
    asin = [("asin", "B0C7QX2M4K")]
    assert ids(store.duplicates(asin, case_type="listing-match-fix", keys=LISTING)) == ["CW-000001"]
    assert store.duplicates(asin, case_type="ip-complaint-appeal", keys=None) == []  # general rule


def test_the_seller_central_case_id_matches_across_types(store: CaseStore) -> None:
    store.save_new(make_case(case_type="general", identifiers=[("case_id", "7261849305")]))
    found = store.duplicates(
        [("case_id", "7261849305")], case_type="warehouse-lost", keys=WAREHOUSE
    )
    assert ids(found) == ["CW-000001"] and found[0].matched == (("case_id", "7261849305"),)


def test_closed_cases_only_when_asked_and_exclude(store: CaseStore) -> None:
    first = store.save_new(make_case(identifiers=[("shipment_id", "FBA17XKQ9M2Z")]))
    store.set_status(first.id, "resolved")
    shipment = [("shipment_id", "FBA17XKQ9M2Z")]
    assert store.duplicates(shipment, case_type="inbound-missing-units") == []
    closed = store.duplicates(shipment, case_type="inbound-missing-units", include_closed=True)
    assert [(c.id, c.status, c.is_open) for c in closed] == [("CW-000001", "resolved", False)]
    assert store.duplicates(shipment, exclude=first.id, case_type="inbound-missing-units",
                            include_closed=True) == []  # fmt: skip


def test_saving_reports_duplicates_by_the_new_cases_rule(store: CaseStore) -> None:
    pair = [("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X003KQ7ZP1")]
    rule = (("shipment_id", "fnsku"),)
    store.save_new(replace(make_case(identifiers=pair), duplicate_keys=rule))
    other_fnsku = [("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X001ZZ9K3Q")]
    assert (
        store.save_new(replace(make_case(identifiers=other_fnsku), duplicate_keys=rule)).duplicates
        == []
    )
    again = store.save_new(replace(make_case(identifiers=pair), duplicate_keys=rule))
    assert ids(again.duplicates) == ["CW-000001"]


def test_the_lookup_uses_the_covering_index(store: CaseStore) -> None:
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT case_id, kind, value FROM identifiers WHERE value IN (?, ?)",
        ("a", "b"),
    ).fetchall()
    assert "COVERING INDEX identifiers_value" in " ".join(str(r) for r in plan)
