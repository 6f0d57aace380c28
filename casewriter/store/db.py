"""Opening the case log safely: checks before any write, private files, pragmas, transactions.

Order of operations when a log file exists: read its 100-byte header in Python, then open it
**read-only** (``file:…?mode=ro``) to read the schema version and application id and run
``PRAGMA quick_check`` — only then is it opened read-write, migrated and switched to WAL. So a
corrupt file, a foreign SQLite file or one written by a newer casewriter is reported with a
``StoreError`` naming the file and left byte-for-byte untouched.

A new log is created with ``os.open(..., 0o600)`` inside a folder made 0700; the umask is
tightened while SQLite creates its ``-wal``/``-shm`` files, and they are chmod-ed 0600.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from casewriter.errors import StoreError
from casewriter.store.migrations import APPLICATION_ID, LATEST, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_UMASK_LOCK = threading.Lock()


#: Files up to this size get a full ``PRAGMA quick_check`` at every open (about 70 ms at this
#: size; 440 ms at 100k cases). Larger logs are checked when a migration is about to run, and
#: otherwise rely on SQLite reporting a damaged page when it is read (a ``StoreError``).
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


def check_existing(path: Path, *, deep: bool | None = None) -> int:
    """Validate an existing log without writing to it; returns its schema version.
    ``deep``: run ``quick_check`` (True), never (False), or when small or migrating (None)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read the case log {path}: {exc.strerror}") from None
    if not header:
        return 0  # an empty file is an empty database
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is not a casewriter case log (not a SQLite database); left untouched"
        )
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the case log {path}: {exc}; left untouched") from None
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
        if version == 0 and app_id == 0:
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            if tables:
                raise StoreError(
                    f"{path} is a SQLite file of another program, not a casewriter log; left untouched"
                )
        if deep is None:
            deep = version < LATEST or path.stat().st_size <= QUICK_CHECK_MAX_BYTES
        if deep:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise StoreError(
                    f"the case log {path} is corrupt ({result}); left untouched — restore a backup"
                )
        return version
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"the case log {path} is corrupt ({exc}); left untouched — restore a backup"
        ) from None
    finally:
        conn.close()


def _create_private(path: Path) -> None:
    created_dir = not path.parent.exists()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if created_dir:
        os.chmod(path.parent, 0o700)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first
    except OSError as exc:
        raise StoreError(f"cannot create the case log {path}: {exc.strerror}") from None
    os.close(fd)


def _privatize(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if name.exists() and name.stat().st_uid == os.getuid() and name.stat().st_mode & 0o077:
                os.chmod(name, 0o600)
        except OSError:
            pass


def connect(
    path: Path, *, create: bool = True, deep_check: bool | None = None
) -> sqlite3.Connection:
    """Open (creating if asked) and migrate the log; returns an autocommit connection in WAL."""
    if path.exists():
        check_existing(path, deep=deep_check)
    elif not create:
        raise StoreError(f"no case log at {path}")
    else:
        _create_private(path)
    with _UMASK_LOCK:
        old = os.umask(0o077)
        try:
            conn = sqlite3.connect(
                str(path),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            _wal_and_migrate(conn)
        except BaseException as exc:
            if "conn" in locals():
                conn.close()  # a failed migration was rolled back: leave no handle behind
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"cannot open the case log {path}: {exc}") from None
            raise
        finally:
            os.umask(old)
    _privatize(path)
    return conn


def _wal_and_migrate(conn: sqlite3.Connection) -> None:
    """Switch to WAL and migrate, retrying while another process does the same: switching a
    new file to WAL can fail with "locked" at once (SQLite's deadlock guard skips the busy
    handler), and a failed migration has been rolled back, so both are safe to repeat."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            migrate(conn)
            return
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@contextmanager
def immediate(
    conn: sqlite3.Connection, lock: threading.RLock, path: Path
) -> Iterator[sqlite3.Connection]:
    """A short ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on error."""
    with lock, errors(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


@contextmanager
def errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures into one-line ``StoreError`` messages naming the file."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(
                f"the case log {path} is busy (another casewriter is writing); try again"
            ) from None
        raise StoreError(f"case log {path}: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the case log {path} is corrupt or unreadable ({exc})") from None
