"""Opening the case log safely: checks before any write (``precheck.py``), private files,
pragmas, transactions; SQLite failures are told as what they are by ``failures.py``.

Order of operations when a log file exists: refuse it if it (or its ``-wal``/``-shm``) is not a
regular file (a FIFO would block SQLite forever), read its 100-byte header in Python, then open it
**read-only** to read the schema version and application id, compare every schema object and
its ``CREATE`` statement with what that schema version has (``schema.problems``: a missing or
redefined table or index, a foreign trigger, a negative version are damage) and, for small
files, run ``PRAGMA quick_check`` — only then is it opened read-write, copied aside if a
migration is due (``backup.safety_copy``), migrated and switched to WAL. So a corrupt or damaged file, a foreign
SQLite file or one written by a newer casewriter is reported with a ``StoreError`` naming the
file and left byte-for-byte untouched.

A log that is fine but cannot be written here (read-only file, folder or file system, no space,
permission denied) is reported as exactly that (``StoreAccessError``), never as corrupt; readers
(``allow_read_only``) then get a read-only connection. Such a connection never creates the
``-wal``/``-shm`` files with the log's read-only mode (SQLite copies the database file's mode,
and a leftover 0400 ``-shm`` would break every later write): it opens the file ``immutable``
when there is no write-ahead log to read. A 0400 ``-shm``/``-wal`` left by an older version is
made 0600 again before a read-write open.

A new log is created with ``os.open(..., 0o600)`` inside a folder made 0700; the umask is
tightened while SQLite creates its ``-wal``/``-shm`` files, and they are chmod-ed 0600.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from casewriter.errors import StoreError
from casewriter.output import saved
from casewriter.store.backup import safety_copy
from casewriter.store.failures import StoreAccessError, describe, why_not_writable
from casewriter.store.migrations import LATEST, migrate
from casewriter.store.precheck import (
    BUSY_TIMEOUT_MS,
    _writable,
    check_existing,
    open_read_only,
    require_regular,
)
from casewriter.store.values import read_text

_UMASK_LOCK = threading.Lock()


@dataclass
class Opened:
    """A connection to the log, and what the user should be told about opening it."""

    conn: sqlite3.Connection
    read_only: bool = False
    notices: list[str] = field(default_factory=list)


def _create_private(path: Path) -> None:
    try:
        created_dir = not path.parent.exists()
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if created_dir:
            os.chmod(path.parent, 0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return  # another process created it first
    except OSError as exc:
        from casewriter.files import os_reason

        raise StoreAccessError(f"cannot create the case log {path}: {os_reason(exc)}") from None
    os.close(fd)


def _privatize(path: Path) -> None:
    """Make the log and its ``-wal``/``-shm`` 0600 when they are ours: private (no group or
    other bits) and writable (a 0400 ``-shm`` makes every later write fail)."""
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            info = name.stat()
            if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != 0o600:
                if name == path and not info.st_mode & stat.S_IWUSR:
                    continue  # the user made the log itself read-only: respect that
                os.chmod(name, 0o600)
        except OSError:
            pass


def connect(
    path: Path,
    *,
    create: bool = True,
    deep_check: bool | None = None,
    allow_read_only: bool = False,
) -> Opened:
    """Open (creating if asked) and migrate the log; an autocommit connection in WAL mode.
    ``allow_read_only``: when the log is fine but cannot be written here, return a read-only
    connection (``Opened.read_only``, with a notice saying why) instead of failing."""
    try:
        exists = path.exists()
    except OSError as exc:
        from casewriter.files import os_reason

        raise StoreAccessError(f"cannot open the case log {path}: {os_reason(exc)}") from None
    if exists:
        require_regular(path)
        version = check_existing(path, deep=deep_check)
    elif not create:
        raise StoreError(f"no case log at {path}")
    else:
        _create_private(path)
        version = 0
    try:
        if not _writable(path):
            reason = why_not_writable(path) or "permission denied"
            raise StoreAccessError(f"cannot change the case log {path}: {reason}", reason=reason)
        _privatize(path)
        notices: list[str] = []
        return Opened(_open_read_write(path, version, notices), notices=notices)
    except StoreAccessError as exc:
        if not (allow_read_only and exists and version == LATEST):
            raise
        try:
            conn = open_read_only(path)
            conn.execute("SELECT count(*) FROM cases").fetchone()
        except sqlite3.Error as again:
            raise describe(again, path, writing=False) from None
        notice = f"showing the case log {path} read-only: {exc.reason}; changes cannot be saved"
        return Opened(conn, read_only=True, notices=[notice])


def _open_read_write(path: Path, version: int, notices: list[str]) -> sqlite3.Connection:
    with _UMASK_LOCK:
        old = os.umask(0o077)
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                str(path),
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.text_factory = read_text
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if 0 < version < LATEST:
                copy = safety_copy(conn, path, f"upgrade-v{version}")
                notices.append(
                    f"upgrading the case log to schema v{LATEST}; a copy of the old one is at {copy}"
                )
            _wal_and_migrate(conn)
        except BaseException as exc:
            if conn is not None:
                conn.close()  # a failed migration was rolled back: leave no handle behind
            if isinstance(exc, sqlite3.Error):
                raise describe(exc, path) from None
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
    """A short ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on any error
    (the commit's own included), so a failed write leaves nothing behind."""
    with lock, errors(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
            saved("the case log")  # a failure to print the result now must not hide this
        except BaseException:
            if conn.in_transaction:  # SQLite may already have rolled back (I/O error, full)
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # the original failure is the one to report
            raise


@contextmanager
def errors(path: Path, *, writing: bool = True) -> Iterator[None]:
    """Turn SQLite failures into one-line ``StoreError`` messages naming the file."""
    try:
        yield
    except sqlite3.Error as exc:
        raise describe(exc, path, writing=writing) from None


def connect_read_only(path: Path) -> Opened | None:
    """The log opened only to read, never created, migrated or written (``render`` looking for
    duplicates): None when there is no log yet, or an empty one. A log of an older schema is
    read as it is (every version has the identifiers the duplicate guard reads); a damaged,
    foreign or newer one is a ``StoreError``, left untouched."""
    try:
        if not path.exists():
            return None
    except OSError as exc:
        from casewriter.files import os_reason

        raise StoreAccessError(f"cannot open the case log {path}: {os_reason(exc)}") from None
    require_regular(path)
    version = check_existing(path, deep=False)
    if version == 0:
        return None
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        raise describe(exc, path, writing=False) from None
    return Opened(conn, read_only=True)
