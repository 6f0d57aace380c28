"""``CaseStore.save_filed``: a case saved and marked filed in one transaction (the wizard's
"mark filed"). It leaves the log exactly as saving then filing would, and when any part fails
(a real SQLite failure inside the transaction, raised here by a trigger) nothing is left of it:
no half-saved draft, no edit without its filing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from casewriter.errors import StoreError, UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.test_store import make_case

T0 = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(paths: AppPaths) -> Iterator[CaseStore]:
    s = CaseStore.open(paths, clock=lambda: T0)
    yield s
    s.close()


def _fail_filing(paths: AppPaths) -> None:
    """From another connection, as a disk error would: recording a "filed" event fails."""
    conn = sqlite3.connect(paths.db_file)
    conn.execute(
        "CREATE TRIGGER fail_filing BEFORE INSERT ON events WHEN NEW.kind = 'filed' "
        "BEGIN SELECT RAISE(ABORT, 'simulated failure while filing'); END"
    )
    conn.commit()
    conn.close()


def _event_kinds(store: CaseStore, case_id: str) -> list[str]:
    return [e.kind for e in store.get(case_id).events]


def test_a_new_case_is_saved_and_filed_as_save_then_file_would(store: CaseStore) -> None:
    both = store.save_filed(make_case(), "17628394051", now=T0)
    assert both.status == "filed" and both.sc_case_id == "17628394051"
    assert _event_kinds(store, both.id) == ["created", "filed"]
    assert ("case_id", "17628394051") in both.identifiers
    two_steps = store.file(store.save_new(make_case(), now=T0).id, "17628394052", now=T0)
    assert both.follow_up == two_steps.follow_up and both.filed_at == two_steps.filed_at
    assert both.id in {d.id for d in two_steps.duplicates}  # the same shipment


def test_an_edited_case_is_replaced_and_filed(store: CaseStore) -> None:
    case = store.save_new(make_case(subject="Old subject"), now=T0)
    filed = store.save_filed(
        make_case(subject="New subject"), "17628394051", case_id=case.id, now=T0
    )
    assert filed.id == case.id and filed.subject == "New subject" and filed.status == "filed"
    assert _event_kinds(store, case.id) == ["created", "edited", "filed"]


def test_a_failure_while_filing_leaves_no_new_case(store: CaseStore, paths: AppPaths) -> None:
    _fail_filing(paths)
    with pytest.raises(StoreError):
        store.save_filed(make_case(), "17628394051", now=T0)
    assert store.count() == 0
    assert store.search("FBA17XKQ9M2Z") == []  # nothing indexed either


def test_a_failure_while_filing_leaves_the_edited_case_as_it_was(
    store: CaseStore, paths: AppPaths
) -> None:
    case = store.save_new(make_case(subject="Old subject"), now=T0)
    _fail_filing(paths)
    with pytest.raises(StoreError):
        store.save_filed(make_case(subject="New subject"), "17628394051", case_id=case.id)
    after = store.get(case.id)
    assert (after.subject, after.status, after.sc_case_id) == ("Old subject", "draft", None)
    assert _event_kinds(store, case.id) == ["created"]


def test_a_bad_seller_central_case_id_writes_nothing(store: CaseStore) -> None:
    with pytest.raises(UsageError):
        store.save_filed(make_case(), "12-34", now=T0)
    assert store.count() == 0
