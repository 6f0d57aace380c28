"""The case log store: saving, reading, statuses, events, links, the duplicate guard, file
permissions and backup — all against a real SQLite file in a temporary home. Search is in
``test_store_search.py``."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from casewriter.errors import NotFoundError, UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, NewCase, parse_id

T0 = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


def make_case(
    subject: str = "Missing units in shipment FBA17XKQ9M2Z",
    body: str = "We shipped 100 units; 96 were received.",
    identifiers: list[tuple[str, str]] | None = None,
    case_type: str = "inbound-missing-units",
    **extra: object,
) -> NewCase:
    return NewCase(
        profile=str(extra.pop("profile", "northbay")),
        marketplace=str(extra.pop("marketplace", "US")),
        case_type=case_type,
        subject=subject,
        body=body,
        draft={"case_type": case_type, "facts": {"units_shipped": 100}},
        identifiers=identifiers if identifiers is not None else [("shipment_id", "FBA17XKQ9M2Z")],
        **extra,  # type: ignore[arg-type]
    )


@pytest.fixture
def store(paths: AppPaths) -> Iterator[CaseStore]:
    s = CaseStore.open(paths, clock=lambda: T0)
    yield s
    s.close()


def test_save_and_get_round_trip(store: CaseStore) -> None:
    new = make_case(
        identifiers=[("shipment_id", "fba17xkq9m2z"), ("fnsku", "X003KQ7ZP1")],
        expected_amount=Decimal("123.45"),
        currency="usd",
        deadline_closes=datetime(2026, 12, 28).date(),
        urgency="high",
    )
    case = store.save_new(new)
    assert case.id == "CW-000001"
    assert case.status == "draft"
    assert [e.kind for e in case.events] == ["created"]
    again = store.get("cw-1")
    assert again.identifiers == [("fnsku", "X003KQ7ZP1"), ("shipment_id", "FBA17XKQ9M2Z")]
    assert again.expected_amount == Decimal("123.45") and again.currency == "USD"
    assert again.draft == new.draft
    assert again.urgency == "high"
    assert str(again.deadline_closes) == "2026-12-28"
    assert again.created_at == T0


@pytest.mark.parametrize(
    "text,num", [("CW-000123", 123), ("cw-123", 123), ("123", 123), ("ＣＷ－０００１２", 12)]
)
def test_parse_id_accepts_common_forms(text: str, num: int) -> None:
    assert parse_id(text) == num


@pytest.mark.parametrize("bad", ["", "CW-", "abc", "CW-0", "12.5", "CW-1234567890"])
def test_parse_id_rejects_garbage(bad: str) -> None:
    with pytest.raises(UsageError):
        parse_id(bad)


def test_missing_case_is_not_found(store: CaseStore) -> None:
    with pytest.raises(NotFoundError, match="CW-000042"):
        store.get("CW-000042")


def test_list_filters_paging_and_count(store: CaseStore) -> None:
    for i in range(12):
        store.save_new(
            make_case(subject=f"case {i}", identifiers=[], profile="a" if i % 2 else "b"),
            now=T0 + timedelta(minutes=i),
        )
    store.set_status("CW-000003", "resolved", now=T0 + timedelta(hours=1))
    page = store.list(limit=5)
    assert [c.id for c in page] == ["CW-000003", "CW-000012", "CW-000011", "CW-000010", "CW-000009"]
    assert [c.id for c in store.list(limit=5, offset=10)] == ["CW-000002", "CW-000001"]
    assert store.count() == 12
    assert store.count(status="resolved") == 1
    assert store.count(profile="a") == 6
    assert {c.profile for c in store.list(profile="b")} == {"b"}
    with pytest.raises(UsageError):
        store.list(status="bogus")


def test_status_changes_and_reopening_are_events(store: CaseStore) -> None:
    case = store.save_new(make_case())
    store.file(case.id, "7261849305", now=T0)
    closed = store.set_status(
        case.id, "resolved", note="reimbursed 4 units", now=T0 + timedelta(days=3)
    )
    assert closed.follow_up is None and closed.resolved_at == T0 + timedelta(days=3)
    reopened = store.set_status(case.id, "needs-reply", now=T0 + timedelta(days=4))
    kinds = [e.kind for e in reopened.events]
    assert kinds == ["created", "filed", "status-changed", "note", "reopened"]
    assert reopened.events[-1].text == "resolved → needs-reply"
    assert reopened.resolved_at is None
    with pytest.raises(UsageError):
        store.set_status(case.id, "finished")


def test_replies_move_status_and_follow_up(store: CaseStore) -> None:
    case = store.save_new(make_case())
    filed = store.file(case.id, "7261849305", now=T0)
    assert filed.status == "filed" and filed.follow_up == T0 + timedelta(hours=48)
    reply_at = T0 + timedelta(hours=30)
    amazon = store.add_event(case.id, "amazon-replied", "Please send the invoice", now=reply_at)
    assert amazon.status == "needs-reply" and amazon.follow_up == reply_at + timedelta(hours=48)
    ours = store.add_event(
        case.id, "we-replied", "Invoice attached", now=reply_at + timedelta(hours=5)
    )
    assert ours.status == "awaiting-amazon"
    assert ours.follow_up == reply_at + timedelta(hours=53)
    with pytest.raises(UsageError):
        store.add_event(case.id, "filed")
    cleared = store.set_follow_up(case.id, None)
    assert cleared.follow_up is None and cleared.events[-1].kind == "follow-up-changed"


def test_amounts_are_exact_decimals(store: CaseStore) -> None:
    case = store.save_new(make_case())
    updated = store.set_amounts(
        case.id, expected=Decimal("0.10"), received=Decimal("0.20"), currency="eur"
    )
    assert updated.expected_amount == Decimal("0.10") and updated.received_amount == Decimal("0.20")
    assert updated.to_json()["received"] == {"amount": "0.20", "currency": "EUR"}


def test_invalid_seller_central_case_id_is_rejected(store: CaseStore) -> None:
    case = store.save_new(make_case())
    for bad in ("abc", "12345", "1234567890"):  # letters, too short, a placeholder
        with pytest.raises(UsageError):
            store.file(case.id, bad)
    assert store.get(case.id).status == "draft"


def test_duplicate_guard_shared_ids_and_pairs(store: CaseStore) -> None:
    first = store.save_new(
        make_case(identifiers=[("shipment_id", "FBA17XKQ9M2Z"), ("fnsku", "X003KQ7ZP1")])
    )
    second = store.save_new(make_case(identifiers=[("shipment_id", "fba17xkq9m2z")]))
    assert [d.id for d in second.duplicates] == [first.id]
    assert second.duplicates[0].matched == (("shipment_id", "FBA17XKQ9M2Z"),)
    # A shared FNSKU alone is not a duplicate: sellers file many cases per product.
    same_product = store.save_new(
        make_case(identifiers=[("fnsku", "X003KQ7ZP1"), ("asin", "B08N5WRWNW")])
    )
    assert same_product.duplicates == []
    # Warehouse events: FNSKU + reference id together identify the event.
    lost = store.save_new(
        make_case(
            case_type="warehouse-lost",
            identifiers=[("fnsku", "X004ABCDEF"), ("reference_id", "R1234567")],
        )
    )
    other_event = store.save_new(
        make_case(
            case_type="warehouse-lost",
            identifiers=[("fnsku", "X004ABCDEF"), ("reference_id", "R7654321")],
        )
    )
    assert other_event.duplicates == []
    same_event = store.save_new(
        make_case(
            case_type="warehouse-lost",
            identifiers=[("reference_id", "R1234567"), ("fnsku", "X004ABCDEF")],
        )
    )
    assert [d.id for d in same_event.duplicates] == [lost.id]
    # Closed cases are not duplicates; linked cases are acknowledged.
    store.set_status(first.id, "closed")
    assert store.duplicates([("shipment_id", "FBA17XKQ9M2Z")], exclude=second.id) == []
    store.link(same_event.id, lost.id)
    assert store.unlinked_duplicates(same_event.id) == []
    assert store.get(lost.id).links == [same_event.id]
    assert store.get(lost.id).events[-1].kind == "linked"
    with pytest.raises(UsageError):
        store.link(lost.id, lost.id)


def test_filed_case_id_counts_for_duplicates(store: CaseStore) -> None:
    a = store.save_new(make_case(identifiers=[]))
    store.file(a.id, "7261849305")
    b = store.save_new(
        make_case(identifiers=[("case_id", "7261849305")], subject="follow-up on earlier case")
    )
    assert [d.id for d in b.duplicates] == [a.id]


def test_files_are_private(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "fresh" / "home")
    s = CaseStore.open(paths)
    s.save_new(make_case())
    assert stat.S_IMODE(os.stat(paths.data_dir).st_mode) == 0o700
    for name in ("cases.db", "cases.db-wal", "cases.db-shm"):
        file = paths.data_dir / name
        if file.exists():
            assert stat.S_IMODE(os.stat(file).st_mode) == 0o600, name
    s.close()


def test_wal_and_busy_timeout(store: CaseStore) -> None:
    with store._read() as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_backup_is_a_readable_copy(store: CaseStore, tmp_path: Path) -> None:
    store.save_new(make_case())
    target = store.backup(tmp_path / "copy.db")
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with pytest.raises(UsageError):
        store.backup(target)


@pytest.mark.parametrize("name", ["-", "", "   "])
def test_backup_refuses_standard_output_and_an_empty_name(
    store: CaseStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Issue 10 F14: ``-`` wrote a file named ``-``, ``""`` a dated copy in the current folder."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    store.save_new(make_case())
    with pytest.raises(UsageError, match="log backup"):
        store.backup(name)
    assert list(cwd.iterdir()) == []


def test_a_failed_backup_names_the_copy_not_the_case_log(store: CaseStore, tmp_path: Path) -> None:
    """A full disk while copying: the message is about the backup file, not "the case log"."""
    from casewriter.errors import StoreError
    from casewriter.store.backup import backup_to

    class FullDisk:
        def backup(self, target: object) -> None:
            exc = sqlite3.OperationalError("database or disk is full")
            exc.sqlite_errorcode = 13  # type: ignore[attr-defined]
            raise exc

    (tmp_path / "copies").mkdir()
    target = tmp_path / "copies" / "copy.db"
    with pytest.raises(StoreError) as caught:
        backup_to(FullDisk(), store.path, target)  # type: ignore[arg-type]
    message = caught.value.message
    assert message == (
        f"cannot write the copy {target}: no space left on the device; nothing was written"
    )
    assert "case log" not in message and list(target.parent.iterdir()) == []


def test_stats(store: CaseStore) -> None:
    a = store.save_new(make_case(identifiers=[]))
    b = store.save_new(make_case(identifiers=[], case_type="warehouse-lost"))
    store.save_new(make_case(identifiers=[]))
    store.file(a.id, "7261849305", now=T0)
    store.set_status(a.id, "resolved", now=T0 + timedelta(days=4))
    store.set_status(b.id, "denied", now=T0 + timedelta(days=2))
    store.set_amounts(a.id, expected=Decimal("10.50"), received=Decimal("10.50"), currency="USD")
    store.set_amounts(b.id, expected=Decimal("3.25"), currency="USD")
    data = store.stats()
    assert data["total"] == 3 and data["open"] == 1
    assert data["by_status"]["resolved"] == 1 and data["by_type"] == {
        "inbound-missing-units": 2,
        "warehouse-lost": 1,
    }
    assert data["resolution_rate"] == 0.5
    assert data["median_days_to_resolution"] == 4.0
    assert data["amounts"] == {"USD": {"expected": "13.75", "received": "10.50"}}
