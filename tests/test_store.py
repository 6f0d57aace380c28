"""The case log store: saving, reading, statuses, events, links, the duplicate guard, search,
file permissions and backup — all against a real SQLite file in a temporary home."""

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
from casewriter.store.cjk import case_tokens, cjk_tokens, is_cjk_term

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


@pytest.fixture
def searchable(store: CaseStore) -> CaseStore:
    store.save_new(
        make_case(subject="Missing units FBA17XKQ9M2Z", body="订单未收到，请退款。入库少件 4 件。")
    )
    store.save_new(
        make_case(
            subject="Lost in warehouse",
            body="Units lost at the fulfillment center.",
            identifiers=[("fnsku", "X003KQ7ZP1")],
        )
    )
    store.save_new(
        make_case(
            subject="Return not received",
            body="买家退货未退回仓库",
            identifiers=[("order_id", "114-1234567-1234567")],
        )
    )
    store.add_event("CW-000002", "note", "客服答复：正在调查 escalation")
    return store


@pytest.mark.parametrize(
    "query,expected",
    [
        ("退款", ["CW-000001"]),  # 2 characters: a CJK bigram token
        ("少件", ["CW-000001"]),
        ("仓库", ["CW-000003"]),
        ("件", ["CW-000001"]),  # 1 character: a CJK single token
        ("请退款", ["CW-000001"]),  # 3+: the phrase of its bigrams
        ("款请", []),  # both characters present, not adjacent: no match
        ("退款请", []),  # every bigram of it exists elsewhere? no: exact phrase only
        ("未退回仓库", ["CW-000003"]),
        ("正在调查", ["CW-000002"]),  # a note
        ("escalation", ["CW-000002"]),
        ("fba17xkq9m2z", ["CW-000001"]),  # lower case id
        ("ＦＢＡ１７ＸＫＱ９Ｍ２Ｚ", ["CW-000001"]),  # full-width id
        ("x003kq7zp1", ["CW-000002"]),  # an identifier only in the side table
        ("11412345671234567", ["CW-000003"]),  # order id typed without dashes
        ("units 退款", ["CW-000001"]),  # mixed: trigram term AND CJK term
        ("退款 lost", []),
        ("调查 escalation", ["CW-000002"]),
        ("退款 4", ["CW-000001"]),  # CJK term AND a 1-character scan term
        ("nothing-like-this", []),
    ],
)
def test_search_finds_chinese_ids_and_notes(
    searchable: CaseStore, query: str, expected: list[str]
) -> None:
    assert [h.case.id for h in searchable.search(query)] == expected


def cjk_index_is_exact(conn: sqlite3.Connection) -> bool:
    """True when ``cases_cjk`` holds exactly the tokens derived from every case's text."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cjk_vocab "
        "USING fts5vocab('main', 'cases_cjk', 'instance')"
    )
    indexed: dict[int, list[tuple[int, str]]] = {}
    for term, doc, offset in conn.execute("SELECT term, doc, offset FROM temp.cjk_vocab"):
        indexed.setdefault(int(doc), []).append((int(offset), term))
    expected: dict[int, list[tuple[int, str]]] = {}
    for num, subject, body, extra in conn.execute(
        "SELECT id, subject, body, search_extra FROM cases"
    ):
        tokens = case_tokens(subject, body, extra).lower().split()  # unicode61 folds case
        if tokens:
            expected[int(num)] = list(enumerate(tokens))
    conn.execute("DROP TABLE temp.cjk_vocab")
    return {k: sorted(v) for k, v in indexed.items()} == expected


def test_chinese_search_on_every_write_path(store: CaseStore) -> None:
    a = store.save_new(make_case(subject="仓库丢失库存", body="申请赔偿 FBA 货件", identifiers=[]))
    b = store.save_new(make_case(subject="入库少件", body="数量不符，请调查。", identifiers=[]))
    assert [h.case.id for h in store.search("仓库丢失")] == [a.id]
    assert [h.case.id for h in store.search("少件")] == [b.id]
    assert store.search("退款") == []
    store.add_event(b.id, "note", "客服说等待调查")  # a Chinese note
    store.add_event(a.id, "amazon-replied", "已补偿三件")  # a reply is searchable too
    assert [h.case.id for h in store.search("等待")] == [b.id]
    assert [h.case.id for h in store.search("补偿")] == [a.id]
    assert [h.case.id for h in store.search("赔偿")] == [a.id]
    assert {h.case.id for h in store.search("偿")} == {a.id}
    store.update_case(a.id, make_case(subject="订单未收到", body="请退款", identifiers=[]))
    assert store.search("仓库丢失") == [] and store.search("赔偿") == []
    assert [h.case.id for h in store.search("退款")] == [a.id]
    assert [h.case.id for h in store.search("补偿")] == [a.id]  # the reply stays indexed
    store.set_status(b.id, "closed", note="已解决，退款到账")
    assert [h.case.id for h in store.search("退款")] == [b.id, a.id]
    assert [h.case.id for h in store.search("到账 退款")] == [b.id]
    store.file(a.id, "7261849305")
    assert [h.case.id for h in store.search("7261849305 退款")] == [a.id]
    hit = store.search("等待")[0]
    assert "[等待]" in hit.snippet
    # Japanese, Korean and full-width letters are CJK runs too.
    c = store.save_new(
        make_case(subject="在庫が足りない", body="배송 지연 ＡＢＣ１２", identifiers=[])
    )
    for word in ("足り", "在庫", "배송", "ＡＢＣ", "Ｃ１２"):
        assert [h.case.id for h in store.search(word)] == [c.id], word
    with store._read() as conn:
        assert cjk_index_is_exact(conn)
        conn.execute("INSERT INTO cases_cjk(cases_cjk, rank) VALUES ('integrity-check', 1)")


def test_cjk_tokens_are_characters_then_bigrams_per_run() -> None:
    assert cjk_tokens("订单未收到") == "订 单 未 收 到 订单 单未 未收 收到"
    assert cjk_tokens("退款。FBA17 少件") == "退 款 退款 少 件 少件"
    assert cjk_tokens("no chinese here, ，。") == ""
    assert is_cjk_term("退款") and is_cjk_term("がんばって") and is_cjk_term("한국")
    assert not is_cjk_term("退款。") and not is_cjk_term("FBA") and not is_cjk_term("")


def test_search_ranks_and_marks_snippets(searchable: CaseStore) -> None:
    hits = searchable.search("units")
    assert (
        hits[0].case.subject.startswith("Missing units")
        or hits[0].case.subject == "Lost in warehouse"
    )
    assert {h.case.id for h in hits} == {"CW-000001", "CW-000002"}
    assert hits[0].rank <= hits[1].rank
    assert all("[" in h.snippet and "]" in h.snippet for h in hits)
    assert "[退款]" in searchable.search("退款")[0].snippet


@pytest.mark.parametrize(
    "query",
    ['"', '"units', "units*", "AND", "OR NOT", "NEAR(a b)", "col:units", "^units", "a'b", "(", "*"],
)
def test_search_never_crashes_on_fts_syntax(searchable: CaseStore, query: str) -> None:
    hits = searchable.search(query)
    assert isinstance(hits, list)


def test_empty_search_is_a_usage_error(store: CaseStore) -> None:
    with pytest.raises(UsageError):
        store.search("   ")


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
