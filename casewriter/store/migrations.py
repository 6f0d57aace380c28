"""Schema of the case log and its migrations, versioned by ``PRAGMA user_version``.

``MIGRATIONS[i]`` takes a file from version ``i`` to ``i + 1``. Never edit a released
migration (its DDL included): add a new one.

- v1: cases, events, identifiers (the base schema).
- v2: an index on identifier values (duplicate guard), links between cases, and full-text
  search: an external-content FTS5 table with the trigram tokenizer over subject, body and a
  ``search_extra`` column (notes, identifiers, Seller Central case id) kept by the store.
- v3: ``cases_cjk``, a contentless FTS5 index of CJK characters and bigrams (``cjk.py``) so
  1–2 character Chinese words are found without a scan, backfilled from every case; and every
  index whose definition differs from ``V1_DDL``/``V2_DDL`` (``cases_deadline`` was edited in
  place in v1 once) is dropped and recreated, so every log ends up with the same schema.
- v4: ``type_words`` (case type id -> its titles and problem words in both languages, given by
  whoever knows the catalog: ``CaseStore.index_type_words``), and ``search_extra`` also holds
  the case's status names (``model.STATUS_NAMES``) and its type's words, so ``少件``, ``入库``
  or ``needs reply`` find their cases; every case is reindexed.
- v5: the health review's tables (``health.py``): ``health_records``, what the seller read on
  Performance → Account Health one day in one marketplace (every metric optional, decimal
  text), and ``review_runs``, each ``casewriter health`` run with its date, whether it read
  inventory reports and its sources (JSON). Nothing existing changes.

``migrate`` runs all pending steps in one ``BEGIN IMMEDIATE`` transaction: a failure rolls
back to the file as it was.

Size: ~330 lines, mostly the released DDL, which must never be edited or moved.
"""

from __future__ import annotations

import re
import sqlite3

#: ``PRAGMA application_id``: "CWLG", so another program's SQLite file is never taken for a log.
APPLICATION_ID = 0x43574C47

V1_DDL = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    profile TEXT NOT NULL DEFAULT '',
    marketplace TEXT NOT NULL DEFAULT '',
    case_type TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    sc_case_id TEXT,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    draft_json TEXT NOT NULL DEFAULT '{}',
    urgency TEXT NOT NULL DEFAULT 'routine',
    follow_up_at TEXT,
    deadline_closes TEXT,
    expected_amount TEXT,
    received_amount TEXT,
    currency TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    filed_at TEXT,
    resolved_at TEXT
);
CREATE INDEX cases_updated ON cases(updated_at);
CREATE INDEX cases_status_updated ON cases(status, updated_at);
CREATE INDEX cases_type_updated ON cases(case_type, updated_at);
CREATE INDEX cases_profile_updated ON cases(profile, updated_at);
CREATE INDEX cases_follow_up ON cases(follow_up_at) WHERE follow_up_at IS NOT NULL;
CREATE INDEX cases_deadline ON cases(status, deadline_closes) WHERE deadline_closes IS NOT NULL;
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_case ON events(case_id, id);
CREATE TABLE identifiers (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, value)
) WITHOUT ROWID;
"""

V2_DDL = """
CREATE INDEX identifiers_value ON identifiers(value, kind, case_id);
CREATE TABLE links (
    a INTEGER NOT NULL REFERENCES cases(id),
    b INTEGER NOT NULL REFERENCES cases(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX links_b ON links(b, a);
ALTER TABLE cases ADD COLUMN search_extra TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE cases_fts USING fts5(
    subject, body, search_extra, content='cases', content_rowid='id', tokenize='trigram'
);
"""


def _v0_to_v1(conn: sqlite3.Connection) -> None:
    for statement in _split(V1_DDL):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    for statement in _split(V2_DDL):
        conn.execute(statement)
    # Fill search_extra for existing cases (identifiers, notes, case id), then index them.
    rows = conn.execute("SELECT id FROM cases").fetchall()
    for (case_id,) in rows:
        conn.execute(
            "UPDATE cases SET search_extra = ? WHERE id = ?",
            (v2_search_extra(conn, case_id), case_id),
        )
    conn.execute("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")


V3_DDL = """
CREATE VIRTUAL TABLE cases_cjk USING fts5(grams, content='', tokenize='unicode61');
"""


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    from casewriter.store.cjk import cjk_rebuild

    _reset_indexes(conn)
    for statement in _split(V3_DDL):
        conn.execute(statement)
    cjk_rebuild(conn)


V4_DDL = """
CREATE TABLE type_words (
    case_type TEXT PRIMARY KEY,
    words TEXT NOT NULL
) WITHOUT ROWID;
"""


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    from casewriter.store.cjk import cjk_rebuild

    _reset_indexes(conn)
    for statement in _split(V4_DDL):
        conn.execute(statement)
    conn.execute(f"UPDATE cases SET search_extra = {SEARCH_EXTRA_SQL}")
    conn.execute("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")
    cjk_rebuild(conn)


V5_DDL = """
CREATE TABLE health_records (
    marketplace TEXT NOT NULL,
    day TEXT NOT NULL,
    odr TEXT,
    lsr_10 TEXT,
    lsr_30 TEXT,
    cancel TEXT,
    vtr TEXT,
    otdr TEXT,
    ahr TEXT,
    violations TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (marketplace, day)
) WITHOUT ROWID;
CREATE TABLE review_runs (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    marketplace TEXT NOT NULL DEFAULT '',
    inventory INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX review_runs_inventory ON review_runs(inventory, at);
"""


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    for statement in _split(V5_DDL):
        conn.execute(statement)


def canonical_indexes() -> dict[str, str]:
    """Every explicit index of the current schema: name -> ``CREATE INDEX`` statement."""
    out: dict[str, str] = {}
    for statement in _split(V1_DDL) + _split(V2_DDL):
        found = re.match(r"CREATE INDEX (\w+) ON ", statement)
        if found:
            out[found.group(1)] = statement
    return out


def _reset_indexes(conn: sqlite3.Connection) -> None:
    """Drop and recreate indexes whose definition differs from the DDL; drop unknown ones."""
    wanted = canonical_indexes()
    have = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN ('cases', 'events', 'identifiers', 'links')"
        ).fetchall()
    )
    for name, sql in have.items():
        if name not in wanted or _norm(sql) != _norm(wanted[name]):
            conn.execute(f'DROP INDEX "{name}"')
    for name, sql in wanted.items():
        if name not in have or _norm(have[name]) != _norm(sql):
            conn.execute(sql)


def _norm(sql: str) -> str:
    return " ".join(sql.split())


def _status_sql() -> str:
    from casewriter.store.model import STATUS_NAMES

    whens = " ".join(
        f"WHEN '{status}' THEN '{' '.join(names)}'" for status, names in STATUS_NAMES.items()
    )
    return f"(CASE status {whens} ELSE '' END)"


_TYPE_WORDS_SQL = (
    "coalesce((SELECT words FROM type_words w WHERE w.case_type = cases.case_type), '')"
)
_IDS_SQL = (
    "coalesce((SELECT group_concat(value, char(10)) FROM identifiers i "
    "WHERE i.case_id = cases.id), '')"
)
_NOTES_SQL = (
    "coalesce((SELECT group_concat(text, char(10)) FROM events e WHERE e.case_id = cases.id "
    "AND e.text != '' AND e.kind IN ('note', 'amazon-replied', 'we-replied')), '')"
)


def _search_extra_sql() -> str:
    parts = ["coalesce(sc_case_id, '')", _IDS_SQL, _NOTES_SQL, _status_sql(), _TYPE_WORDS_SQL]
    return "trim(" + " || char(10) || ".join(parts) + ", char(10))"


#: ``search_extra`` of every row of ``cases`` in one statement (``UPDATE cases SET
#: search_extra = …``): Seller Central case id, identifiers, notes and replies, the status's
#: names, the case type's words. ``search_extra_for`` gives the same for one case.
SEARCH_EXTRA_SQL = _search_extra_sql()


def search_extra_for(conn: sqlite3.Connection, case_id: int) -> str:
    """The searchable text that is not subject/body (schema v4): ``SEARCH_EXTRA_SQL`` for one
    case."""
    row = conn.execute(f"SELECT {SEARCH_EXTRA_SQL} FROM cases WHERE id = ?", (case_id,)).fetchone()
    return str(row[0]) if row and row[0] is not None else ""


def v2_search_extra(conn: sqlite3.Connection, case_id: int) -> str:
    """The searchable text that is not subject/body as schema v2 made it (a released migration
    never changes): case id, identifiers, notes and replies."""
    parts = [
        str(v)
        for (v,) in conn.execute("SELECT value FROM identifiers WHERE case_id = ?", (case_id,))
    ]
    row = conn.execute("SELECT sc_case_id FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row and row[0] and str(row[0]) not in parts:
        parts.insert(0, str(row[0]))
    parts += [
        t
        for (t,) in conn.execute(
            "SELECT text FROM events WHERE case_id = ? AND text != '' "
            "AND kind IN ('note', 'amazon-replied', 'we-replied') ORDER BY id",
            (case_id,),
        )
    ]
    return "\n".join(parts)


def _split(ddl: str) -> list[str]:
    return [s.strip() for s in ddl.split(";") if s.strip()]


MIGRATIONS = (_v0_to_v1, _v1_to_v2, _v2_to_v3, _v3_to_v4, _v4_to_v5)
LATEST = len(MIGRATIONS)

_V1_OBJECTS = {("table", t) for t in ("cases", "events", "identifiers")} | {
    ("index", i)
    for i in (
        "cases_updated",
        "cases_status_updated",
        "cases_type_updated",
        "cases_profile_updated",
        "cases_follow_up",
        "cases_deadline",
        "events_case",
    )
}
_V2_OBJECTS = (
    _V1_OBJECTS
    | {("table", "links"), ("index", "identifiers_value"), ("index", "links_b")}
    | {("table", f"cases_fts{s}") for s in ("", "_config", "_data", "_docsize", "_idx")}
)
_V3_OBJECTS = _V2_OBJECTS | {
    ("table", f"cases_cjk{s}") for s in ("", "_config", "_data", "_docsize", "_idx")
}
_V5_HEALTH = {
    ("table", "health_records"),
    ("table", "review_runs"),
    ("index", "review_runs_inventory"),
}
#: The (type, name) pairs of ``sqlite_schema`` every log of a schema version has, checked at
#: each open (one cheap query): a log missing one is damaged and refused, untouched. A test
#: checks these against what the migrations create.
SCHEMA_OBJECTS: dict[int, frozenset[tuple[str, str]]] = {
    1: frozenset(_V1_OBJECTS),
    2: frozenset(_V2_OBJECTS),
    3: frozenset(_V3_OBJECTS),
    4: frozenset(_V3_OBJECTS | {("table", "type_words")}),
    5: frozenset(_V3_OBJECTS | {("table", "type_words")} | _V5_HEALTH),
}


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Bring an open read-write connection (autocommit mode) up to ``target``; returns it.
    All pending steps run in one transaction that re-reads the version first, so two processes
    opening an old log at once migrate it exactly once, and a failure leaves it as it was."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        while version < target:
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (busy, I/O error)
            conn.execute("ROLLBACK")
        raise
    return version
