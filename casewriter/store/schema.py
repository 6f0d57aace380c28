"""Is a log's schema the one this version of casewriter creates? Checked at every open, before
anything is written (``precheck.check_existing``), from one query of ``sqlite_schema``.

A log of the current schema version must hold exactly the objects the migrations create, each
with the same ``CREATE`` statement (whitespace aside): the expected statements are what running
``migrations.MIGRATIONS`` on an empty in-memory database gives (about 2 ms, once per process
and version), so they can never drift from the migrations. Anything else is damage, refused untouched: a
missing table or index, an index or table defined differently (an extra column), and any
object casewriter does not create — a foreign trigger could rewrite every case on the next
write, a view or table means another program has been writing here.

Not compared: the statements of FTS5's own shadow tables (``cases_fts_data`` …; FTS5 writes
them, and their text differs between SQLite versions), and SQLite's internal objects
(``sqlite_stat1`` from ``ANALYZE``, ``sqlite_autoindex_…``). A log of an older schema version is
checked the same way except for indexes (an index may differ or be unknown: the v3 migration
recreates every index). A schema version below 0 or one no
casewriter wrote is damage, never something to migrate from.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from casewriter.store.migrations import LATEST, MIGRATIONS, SCHEMA_OBJECTS

_SHADOW = re.compile(r"cases_(?:fts|cjk)_(?:data|idx|docsize|config)")
_INTERNAL_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2"}) | {
    "sqlite_stat3",
    "sqlite_stat4",
}
#: How many problems one message names (the rest are counted).
SHOWN = 3


def _norm(sql: object) -> str:
    return " ".join(str(sql).split()) if sql is not None else ""


@lru_cache(maxsize=LATEST)
def expected_sql(version: int = LATEST) -> dict[tuple[str, str], str]:
    """``(type, name) -> CREATE statement`` (whitespace folded) of a log of schema ``version``."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        conn.execute("BEGIN")
        for step in MIGRATIONS[:version]:
            step(conn)
        conn.execute("COMMIT")
        rows = conn.execute("SELECT type, name, sql FROM sqlite_schema").fetchall()
    finally:
        conn.close()
    return {(str(t), str(n)): _norm(sql) for t, n, sql in rows}


def _internal(kind: str, name: str, sql: object) -> bool:
    if kind == "table" and name in _INTERNAL_TABLES:
        return True
    return kind == "index" and name.startswith("sqlite_autoindex_") and sql is None


def problems(rows: list[tuple[object, object, object]], version: int) -> list[str]:
    """What is wrong with a log of schema ``version`` whose ``sqlite_schema`` holds ``rows``
    (type, name, sql); an empty list when it is exactly what this version expects."""
    expected = SCHEMA_OBJECTS.get(version)
    if expected is None:
        return [f"its schema version {version} is not one casewriter writes"]
    have = {(str(t), str(n)): sql for t, n, sql in rows if not _internal(str(t), str(n), sql)}
    found: list[str] = []
    missing = sorted(expected - have.keys())
    if missing:
        names = ", ".join(f"{kind} {name}" for kind, name in missing)
        found.append(f"{names} missing from schema v{version}")
    for kind, name in sorted(have.keys() - expected):
        if kind == "index" and version < LATEST:
            continue  # the v3 migration drops indexes it does not know
        found.append(f"{kind} {name} is not part of schema v{version}")
    want = expected_sql(version)
    for kind, name in sorted(have.keys() & expected):
        if _SHADOW.fullmatch(name) or (kind == "index" and version < LATEST):
            continue
        if _norm(have[(kind, name)]) != want.get((kind, name)):
            found.append(f"{kind} {name} is defined differently from schema v{version}")
    return found


def describe(found: list[str]) -> str:
    """The problems in one line: the first ``SHOWN``, then how many more."""
    text = "; ".join(found[:SHOWN])
    if len(found) > SHOWN:
        text += f"; and {len(found) - SHOWN} more"
    return text
