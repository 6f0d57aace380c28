"""Schema migrations from every earlier version (v0, v1, v2 -> v3, data searchable afterwards,
every log ending with the same schema, a failed migration rolled back), and files the store
must refuse to touch: corrupt, foreign or newer-schema logs are reported (exit 1, one line) and
left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from casewriter.errors import StoreError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, migrations
from casewriter.store.migrations import LATEST, MIGRATIONS, V1_DDL, v2_search_extra
from tests.conftest import run_cli
from tests.test_store import make_case
from tests.test_store_search import cjk_index_is_exact

#: ``cases_deadline`` as an early v1 created it, before the DDL was edited in place.
STALE_DEADLINE = "CREATE INDEX cases_deadline ON cases(deadline_closes)"


def _build_at(path: Path, version: int, *, stale: bool = False, wal: bool = False) -> None:
    """A log file exactly as an older casewriter left it at ``version``, with cases in it
    (``stale``: with the pre-edit ``cases_deadline`` index)."""
    conn = sqlite3.connect(path, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    for step in MIGRATIONS[:version]:
        step(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    if stale:
        conn.execute("DROP INDEX cases_deadline")
        conn.execute(STALE_DEADLINE)
    conn.execute("COMMIT")
    if version >= 1:
        conn.execute(
            "INSERT INTO cases(id, case_type, status, subject, body, created_at, updated_at, sc_case_id) "
            "VALUES (7, 'inbound-missing-units', 'filed', 'Missing units FBA17XKQ9M2Z', "
            "'订单未收到，请退款。', '2025-01-02T03:04:05Z', '2025-01-02T03:04:05Z', '7261849305')"
        )
        conn.execute("INSERT INTO identifiers VALUES (7, 'shipment_id', 'FBA17XKQ9M2Z')")
        conn.execute(
            "INSERT INTO events(case_id, kind, at, text) VALUES (7, 'note', '2025-01-03T00:00:00Z', '客服答复正在调查')"
        )
    if version >= 2:  # a v2 casewriter kept search_extra and the trigram index in step
        conn.execute("UPDATE cases SET search_extra = ? WHERE id = 7", (v2_search_extra(conn, 7),))
        conn.execute("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")
    if version >= 3:  # a v3 casewriter kept the CJK index in step too
        from casewriter.store.cjk import cjk_rebuild

        cjk_rebuild(conn)
    conn.close()


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
    finally:
        conn.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_v1_ddl_is_what_migration_one_creates() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(V1_DDL)
    ours = sqlite3.connect(":memory:", isolation_level=None)
    ours.execute("BEGIN")
    MIGRATIONS[0](ours)
    ours.execute("COMMIT")
    schema = "SELECT type, name, sql FROM sqlite_schema ORDER BY name"
    assert conn.execute(schema).fetchall() == ours.execute(schema).fetchall()


@pytest.mark.parametrize("version", range(LATEST))
def test_migrates_from_every_earlier_version(paths: AppPaths, version: int) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, version)
    store = CaseStore.open(paths)
    with store._read() as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if version >= 1:
        old = store.get("CW-000007")
        assert old.subject == "Missing units FBA17XKQ9M2Z" and old.sc_case_id == "7261849305"
        assert [h.case.id for h in store.search("请退款")] == ["CW-000007"]  # body indexed
        assert [h.case.id for h in store.search("正在调查")] == ["CW-000007"]  # old note indexed
        assert [h.case.id for h in store.search("fba17xkq9m2z")] == ["CW-000007"]
        for word in ("退款", "订单", "调查", "客服答复", "款", "未收到 7261849305"):
            assert [h.case.id for h in store.search(word)] == ["CW-000007"], word
        assert store.search("退货") == []
        assert "[退款]" in store.search("退款")[0].snippet
        with store._read() as conn:
            assert cjk_index_is_exact(conn)
        assert [d.id for d in store.duplicates([("shipment_id", "FBA17XKQ9M2Z")])] == ["CW-000007"]
    new = store.save_new(make_case())
    assert new.id == ("CW-000008" if version >= 1 else "CW-000001")
    store.close()
    # Re-opening a migrated log is a no-op (idempotent).
    before = _sha(paths.db_file)
    CaseStore.open(paths).close()
    assert CaseStore.open(paths).count() == (2 if version >= 1 else 1)
    assert before  # the file still exists and is readable


@pytest.mark.parametrize("stale", [False, True])
@pytest.mark.parametrize("version", range(LATEST))
def test_every_log_ends_with_the_same_schema(tmp_path: Path, version: int, stale: bool) -> None:
    fresh = AppPaths.under(tmp_path / "fresh")
    CaseStore.open(fresh).close()
    old = AppPaths.under(tmp_path / "old")
    old.data_dir.mkdir(parents=True)
    # Only v1 and v2 logs can hold the pre-edit index: the v3 migration recreated every index.
    stale = stale and 1 <= version < 3
    _build_at(old.db_file, version, stale=stale)
    if stale:
        assert ("index", "cases_deadline", STALE_DEADLINE) in _schema(old.db_file)
    with CaseStore.open(old) as store, store._read() as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM cases WHERE deadline_closes IS NOT NULL "
            "AND deadline_closes BETWEEN '2026-01-01' AND '2026-01-08' AND status = 'draft'"
        ).fetchall()
    assert any("cases_deadline (status=? AND deadline_closes" in str(r) for r in plan), plan
    assert _schema(old.db_file) == _schema(fresh.db_file)


def test_failed_migration_leaves_the_file_as_it_was(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, 1, stale=True, wal=True)
    before = _sha(paths.db_file)

    def broken(conn: sqlite3.Connection) -> None:
        MIGRATIONS[2](conn)  # the real v3 step did its work (index rebuilt, CJK backfilled)...
        raise sqlite3.OperationalError("disk I/O error")  # ...then the disk failed

    monkeypatch.setattr(migrations, "MIGRATIONS", (*MIGRATIONS[:2], broken))
    with pytest.raises(StoreError, match="disk I/O error"):
        CaseStore.open(paths)
    assert _sha(paths.db_file) == before
    conn = sqlite3.connect(paths.db_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # not even v2 was kept
    assert ("index", "cases_deadline", STALE_DEADLINE) in _schema(paths.db_file)
    conn.close()
    monkeypatch.undo()
    with CaseStore.open(paths) as store:  # the next casewriter migrates it normally
        assert [h.case.id for h in store.search("退款")] == ["CW-000007"]


def _newer(path: Path) -> None:
    _build_at(path, LATEST)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.commit()
    conn.close()


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database\n" * 500)


def _damaged(path: Path) -> None:
    _build_at(path, LATEST)
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO cases(case_type, subject, body, created_at, updated_at) VALUES ('x', ?, ?, 't', 't')",
        [(f"s{i}", "body " * 200) for i in range(300)],
    )
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 8)):  # smash interior pages
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make,words",
    [
        (_newer, "newer casewriter"),
        (_garbage, "not a casewriter case log"),
        (_damaged, "corrupt"),
        (_foreign, "another program"),
    ],
)
def test_bad_files_are_reported_and_untouched(paths: AppPaths, make, words: str) -> None:  # type: ignore[no-untyped-def]
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    make(paths.db_file)
    before = _sha(paths.db_file)
    listing = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(StoreError) as err:
        CaseStore.open(paths)
    assert words in err.value.message and str(paths.db_file) in err.value.message
    assert _sha(paths.db_file) == before
    result = run_cli("log", "list", home=paths.data_dir)
    assert result.code == 1, result
    assert result.err.count("\n") == 1 and result.err.startswith("casewriter: error: ")
    assert words in result.err and "Traceback" not in result.err
    assert _sha(paths.db_file) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing  # no -wal/-shm left behind


def test_empty_file_is_a_new_log(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.db_file.write_bytes(b"")
    with CaseStore.open(paths) as store:
        assert store.count() == 0


def test_missing_log_without_create(paths: AppPaths) -> None:
    with pytest.raises(StoreError, match="no case log"):
        CaseStore.open(paths, create=False)
    assert not paths.db_file.exists()


def test_v3_log_is_reindexed_with_status_and_type_words(paths: AppPaths) -> None:
    """v4: a v3 log is copied first, then every case gets its status names (both languages)
    in the index; the case types' words (``engine.type_words``) find old cases by problem words,
    and a later status change or a new case keeps the index exact."""
    from casewriter.engine import type_words
    from casewriter.store.copies import safety_copies

    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, 3)
    with CaseStore.open(paths) as store:
        assert any("upgrade-v3" in c.name for c in safety_copies(paths.db_file))
        assert [h.case.id for h in store.search("已提交")] == ["CW-000007"]  # status, Chinese
        assert [h.case.id for h in store.search("filed")] == ["CW-000007"]
        assert store.search("少件") == []  # type words not given yet
        assert store.index_type_words(type_words(paths)) == 1  # the one old case reindexed
        assert store.index_type_words(type_words(paths)) == 0  # unchanged: nothing written
        for word in ("少件", "入库", "货件差异", "missing units", "shortfall"):
            assert [h.case.id for h in store.search(word)] == ["CW-000007"], word
        assert store.search("丢件") == []  # another type's word
        store.set_status("CW-000007", "needs-reply")
        assert [h.case.id for h in store.search("需回复")] == ["CW-000007"]
        assert store.search("已提交") == []
        lost = store.save_new(make_case(subject="Unit gone", case_type="warehouse-lost"))
        assert [h.case.id for h in store.search("丢件")] == [lost.id]
        with store._read() as conn:
            assert cjk_index_is_exact(conn)
            assert conn.execute(
                "INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)"
            )
