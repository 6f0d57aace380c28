"""What is checked before the case log is opened read-write, on a read-only look that writes
nothing: the file is a regular file (``require_regular``), a SQLite file of casewriter's, not of
a newer version, with the schema this version expects (``schema.problems``) and, when small
or about to be migrated, ``PRAGMA quick_check``. ``open_read_only`` is also how a log that
cannot be written here is read (see ``db.py``).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from casewriter.errors import StoreError
from casewriter.store import schema
from casewriter.store.failures import StoreAccessError, describe, newest_copy_hint
from casewriter.store.migrations import APPLICATION_ID, LATEST
from casewriter.store.values import read_text

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000

#: Files up to this size get a full ``PRAGMA quick_check`` at every open (about 70 ms at this
#: size; 440 ms at 100k cases). Larger logs are checked when a migration is about to run, and
#: otherwise rely on SQLite reporting a damaged page when it is read (a ``StoreError``).
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


def _has_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates nothing beside a log it may not write.

    ``mode=ro`` still needs the ``-shm`` file (SQLite creates it, with the log's own mode);
    where that is impossible or unwanted (the log or its folder not writable, the disk full)
    and there is no write-ahead log to read, the file is opened ``immutable`` instead."""
    base = f"{path.resolve().as_uri()}?mode=ro"
    if not _writable(path) and not _has_wal(path):
        return _ro(f"{base}&immutable=1")
    try:
        return _ro(base)
    except sqlite3.Error:
        if _has_wal(path):
            raise
        return _ro(f"{base}&immutable=1")


def _ro(uri: str) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.text_factory = read_text  # text that is not UTF-8 is read, never a failed query
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA user_version").fetchone()  # the first read opens the -shm
    except BaseException:
        conn.close()
        raise
    return conn


def _file_type(mode: int) -> str | None:
    """What a non-regular file is, in a user's words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def require_regular(path: Path) -> None:
    """Refuse, before SQLite opens anything, a log (or ``-wal``/``-shm`` beside it) that is not a
    regular file: SQLite would wait forever on a FIFO and read a device as a database."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            kind = _file_type(name.stat().st_mode)
        except OSError:
            continue  # missing (a sidecar usually is): opening says why if it matters
        if kind is not None:
            raise StoreError(
                f"{name} is {kind}, not a case log file; left untouched — move it away, "
                "or use --home to keep the log somewhere else"
            )


def check_existing(path: Path, *, deep: bool | None = None) -> int:
    """Validate an existing log without writing to it; returns its schema version.
    ``deep``: run ``quick_check`` (True), never (False), or when small or migrating (None)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        from casewriter.files import os_reason

        raise StoreAccessError(f"cannot read the case log {path}: {os_reason(exc)}") from None
    if not header:
        return 0  # an empty file is an empty database
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is not a casewriter case log (not a SQLite database); left untouched"
        )
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    fresh = not any(p.exists() for p in sidecars)
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        raise describe(exc, path, writing=False) from None
    try:
        return _check(conn, path, deep)
    except StoreError:
        conn.close()
        if fresh:
            _tidy(path)
        raise
    finally:
        conn.close()


def _tidy(path: Path) -> None:
    """Let SQLite remove the empty ``-wal``/``-shm`` our read-only look created beside a log we
    refuse: a read-write connection that only reads checkpoints nothing (the log's bytes stay
    as they are) and, being the last one to close, deletes them — and leaves them if another
    process has the log open, so this is safe at any time."""
    if not _writable(path):
        return
    try:
        conn = sqlite3.connect(str(path), timeout=0)
        try:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _check(conn: sqlite3.Connection, path: Path, deep: bool | None) -> int:
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        if app_id not in (0, APPLICATION_ID):
            raise StoreError(
                f"{path} is a SQLite file of another program, not a casewriter log; left untouched"
            )
        if version > LATEST:
            raise StoreError(
                f"{path} was written by a newer casewriter (log schema v{version}; this version "
                f"reads up to v{LATEST}): upgrade casewriter; the file was left untouched"
            )
        rows = conn.execute("SELECT type, name, sql FROM sqlite_schema").fetchall()
        if version == 0 and app_id == 0 and rows:
            raise StoreError(
                f"{path} is a SQLite file of another program, not a casewriter log; left untouched"
            )
        found = schema.problems(rows, version) if (rows or version) else []
        if found:
            raise StoreError(
                f"the case log {path} is damaged: {schema.describe(found)}; "
                "left untouched — restore a backup" + newest_copy_hint(path)
            )
        if deep is None:
            deep = version < LATEST or path.stat().st_size <= QUICK_CHECK_MAX_BYTES
        if deep:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise StoreError(
                    f"the case log {path} is corrupt ({result}); left untouched — restore a backup"
                    + newest_copy_hint(path)
                )
        return version
    except sqlite3.Error as exc:
        raise describe(exc, path, writing=False) from None
