"""Full-text search of the case log: Chinese words of any length through the CJK bigram index
(kept in step on every write path), identifiers in any form, notes, mixed queries, ranking,
snippets and FTS syntax in user text — against a real SQLite file in a temporary home."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from casewriter.store.cjk import case_tokens, cjk_tokens, is_cjk_term
from tests.test_store import T0, make_case


@pytest.fixture
def store(paths: AppPaths) -> Iterator[CaseStore]:
    s = CaseStore.open(paths, clock=lambda: T0)
    yield s
    s.close()


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


@pytest.mark.parametrize("probe", [0, 3000])  # CJK words common (trigram drives) or rare
def test_mixed_queries_agree_whichever_index_drives(
    searchable: CaseStore, probe: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casewriter.store import search

    monkeypatch.setattr(search, "CJK_PROBE", probe)
    assert [h.case.id for h in searchable.search("units 退款")] == ["CW-000001"]
    assert [h.case.id for h in searchable.search("FBA17XKQ9M2Z 少件")] == ["CW-000001"]
    assert [h.case.id for h in searchable.search("ＦＢＡ１７ＸＫＱ９Ｍ２Ｚ 退款")] == ["CW-000001"]
    assert [h.case.id for h in searchable.search("escalation 调查")] == ["CW-000002"]
    assert [h.case.id for h in searchable.search("114-1234567-1234567 仓库")] == ["CW-000003"]
    assert searchable.search("Lost 退款") == []


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
