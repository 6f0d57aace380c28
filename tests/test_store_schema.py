"""The schema is checked at every open (a log missing a table or index is refused, byte for
byte untouched), and safety copies are written before a migration and before an import —
with SQLite's backup API, beside the log, the newest five kept, named in the output."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from casewriter.errors import StoreError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, schema
from casewriter.store.copies import KEEP, safety_copies
from casewriter.store.migrations import LATEST, MIGRATIONS, SCHEMA_OBJECTS
from tests.conftest import run_cli
from tests.test_store import make_case
from tests.test_store_migrations import _build_at


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("version", range(1, LATEST + 1))
def test_schema_objects_are_what_the_migrations_create(version: int) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("BEGIN")
    for step in MIGRATIONS[:version]:
        step(conn)
    conn.execute("COMMIT")
    have = set(conn.execute("SELECT type, name FROM sqlite_schema").fetchall())
    assert have == SCHEMA_OBJECTS[version]


@pytest.mark.parametrize(
    "drop",
    [
        "DROP INDEX cases_updated",
        "DROP INDEX identifiers_value",
        "DROP TABLE links",
        "DROP TABLE cases_cjk",
        "DROP TABLE cases_fts_idx",
    ],
)
def test_a_log_missing_a_table_or_index_is_refused_untouched(paths: AppPaths, drop: str) -> None:
    with CaseStore.open(paths) as store:
        store.save_new(make_case())
    conn = sqlite3.connect(paths.db_file)
    conn.execute("PRAGMA writable_schema = ON") if "_idx" in drop else None
    try:
        conn.execute(drop)
    except sqlite3.DatabaseError:
        conn.execute("DELETE FROM sqlite_schema WHERE name = 'cases_fts_idx'")
    conn.commit()
    conn.close()
    before = _sha(paths.db_file)
    listing = sorted(p.name for p in paths.data_dir.iterdir())
    name = drop.split()[-1]
    with pytest.raises(StoreError) as err:
        CaseStore.open(paths)
    assert "damaged" in err.value.message and name in err.value.message
    result = run_cli("log", "list", home=paths.data_dir)
    assert result.code == 1 and result.err.count("\n") == 1 and name in result.err
    assert _sha(paths.db_file) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing


#: Changes another program could make to a log (issue 10 F17): each is damage, refused untouched.
TAMPERED = [
    (
        "CREATE TRIGGER foreign_t AFTER INSERT ON events BEGIN UPDATE cases SET subject = 'x'; END",
        f"trigger foreign_t is not part of schema v{LATEST}",
    ),
    ("CREATE VIEW v AS SELECT id FROM cases", f"view v is not part of schema v{LATEST}"),
    ("CREATE TABLE notes_of_another_tool (x)", "table notes_of_another_tool is not part of"),
    ("CREATE INDEX mine ON cases(subject)", f"index mine is not part of schema v{LATEST}"),
    ("ALTER TABLE cases ADD COLUMN evil TEXT", "table cases is defined differently"),
    (
        "DROP INDEX cases_updated; CREATE INDEX cases_updated ON cases(created_at)",
        "index cases_updated is defined differently",
    ),
    (
        "DROP INDEX cases_follow_up; CREATE UNIQUE INDEX cases_follow_up ON cases(follow_up_at)",
        "index cases_follow_up is defined differently",
    ),
    ("PRAGMA user_version = -1", "its schema version -1 is not one casewriter writes"),
    ("PRAGMA user_version = 0", "its schema version 0 is not one casewriter writes"),
]


@pytest.mark.parametrize(("change", "says"), TAMPERED, ids=[t[1][:30] for t in TAMPERED])
def test_a_log_changed_by_another_program_is_refused_untouched(
    paths: AppPaths, change: str, says: str
) -> None:
    with CaseStore.open(paths) as store:
        store.save_new(make_case())
    conn = sqlite3.connect(paths.db_file)
    conn.executescript(change)
    conn.close()
    before = _sha(paths.db_file)
    listing = sorted(p.name for p in paths.data_dir.iterdir())
    with pytest.raises(StoreError) as err:
        CaseStore.open(paths)
    assert "damaged" in err.value.message and says in err.value.message, err.value.message
    for args in (("log", "list"), ("log", "note", "1", "hello")):
        result = run_cli(*args, home=paths.data_dir)
        assert result.code == 1 and result.err.count("\n") == 1 and says in result.err, result
        assert "already exists" not in result.err and "internal error" not in result.err
    assert _sha(paths.db_file) == before
    assert sorted(p.name for p in paths.data_dir.iterdir()) == listing


def test_sqlite_s_own_objects_and_whitespace_are_not_damage(paths: AppPaths) -> None:
    """``ANALYZE`` (``sqlite_stat1``) is SQLite's own business, and the check compares
    statements with whitespace folded; an old log migrated up is exactly a new one."""
    with CaseStore.open(paths) as store:
        store.save_new(make_case())
    conn = sqlite3.connect(paths.db_file)
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    with CaseStore.open(paths) as store:
        assert store.count() == 1
    old = paths.data_dir / "old"
    old.mkdir()
    _build_at(old / "cases.db", 1)
    with CaseStore.open(AppPaths.under(old)) as store:
        assert store.count() == 1
    for db_file in (paths.db_file, old / "cases.db"):
        conn = sqlite3.connect(db_file)
        rows = conn.execute("SELECT type, name, sql FROM sqlite_schema").fetchall()
        conn.close()
        assert schema.problems(rows, LATEST) == []


def test_expected_statements_come_from_the_migrations() -> None:
    want = schema.expected_sql(LATEST)
    assert set(want) == SCHEMA_OBJECTS[LATEST]
    assert want[("index", "cases_updated")] == "CREATE INDEX cases_updated ON cases(updated_at)"
    assert "search_extra TEXT NOT NULL DEFAULT ''" in want[("table", "cases")]


def test_migration_writes_a_safety_copy_first(paths: AppPaths) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    _build_at(paths.db_file, 1)
    old_bytes_sha = _sha(paths.db_file)
    result = run_cli("log", "list", home=paths.data_dir)
    assert result.code == 0, result.err
    copies = safety_copies(paths.db_file)
    assert len(copies) == 1 and copies[0].name.startswith("cases-safety-")
    assert "upgrade-v1" in copies[0].name
    assert str(copies[0]) in result.err  # the output says where
    conn = sqlite3.connect(copies[0])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # the log as it was
    assert conn.execute("SELECT subject FROM cases").fetchall() == [("Missing units FBA17XKQ9M2Z",)]
    conn.close()
    assert old_bytes_sha != _sha(paths.db_file)
    assert run_cli("log", "list", home=paths.data_dir).err == ""  # no copy once up to date


def test_safety_copies_keep_the_newest_five(paths: AppPaths) -> None:
    with CaseStore.open(paths) as store:
        store.save_new(make_case())
        made = [store.safety_copy("import") for _ in range(7)]
    kept = safety_copies(paths.db_file)
    assert len(kept) == KEEP == 5
    assert kept == list(reversed(made))[:5]
    for copy in kept:
        conn = sqlite3.connect(copy)
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
        conn.close()


def test_import_writes_a_safety_copy_and_says_where(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="before the import"))
    export = tmp_path / "export.json"
    assert cli("log", "export", "--out", str(export)).code == 0
    r = cli("log", "import", str(export), "--renumber")
    assert r.code == 0, r.err
    copies = safety_copies(home / "cases.db")
    assert len(copies) == 1 and "import" in copies[0].name and str(copies[0]) in r.out
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    conn.close()
    r = cli("log", "import", str(export), "--renumber", "--json")
    assert json.loads(r.out)["safety_copy"] == str(safety_copies(home / "cases.db")[0])


@pytest.mark.parametrize("form", ["trailing-slash", "existing"])
def test_backup_into_a_folder_writes_a_dated_file_inside(
    cli, home: Path, tmp_path: Path, form: str
) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case())
    folder = tmp_path / "newdir"
    if form == "existing":
        folder.mkdir()
    arg = str(folder) + ("/" if form == "trailing-slash" else "")
    r = cli("log", "backup", arg, "--json")
    assert r.code == 0, r.err
    written = Path(json.loads(r.out)["path"])
    assert folder.is_dir() and written.parent == folder and written.name.startswith("cases-")
    conn = sqlite3.connect(written)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    conn.close()
    assert [p.name for p in folder.iterdir()] == [written.name]  # no temporary file left
    r = cli("log", "backup", str(written))
    assert r.code == 2 and "already exists" in r.err
    r = cli("log", "backup", str(tmp_path / "missing" / "b.db"))
    assert r.code == 2 and "does not exist" in r.err
