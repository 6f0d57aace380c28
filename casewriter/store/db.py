"""Opening the case log safely: checks before any write, private files, pragmas, transactions;
SQLite failures are told as what they are by ``failures.py``.

Order of operations when a log file exists: refuse it if it (or its ``-wal``/``-shm``) is not a
regular file (a FIFO would block SQLite forever), read its 100-byte header in Python, then open it
**read-only** to read the schema version and application id, compare its tables and indexes
with what that schema version has (``migrations.SCHEMA_OBJECTS``) and, for small files, run
``PRAGMA quick_check`` — only then is it opened read-write, copied aside if a migration is due
(``backup.safety_copy``), migrated and switched to WAL. So a corrupt or damaged file, a foreign
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
from casewriter.store.failures import StoreAccessError, describe, newest_copy_hint, why_not_writable
from casewriter.store.migrations import APPLICATION_ID, LATEST, SCHEMA_OBJECTS, migrate
from casewriter.store.values import read_text

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
_UMASK_LOCK = threading.Lock()

#: Files up to this size get a full ``PRAGMA quick_check`` at every open (about 70 ms at this
#: size; 440 ms at 100k cases). Larger logs are checked when a migration is about to run, and
#: otherwise rely on SQLite reporting a damaged page when it is read (a ``StoreError``).
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


@dataclass
class Opened:
    """A connection to the log, and what the user should be told about opening it."""

    conn: sqlite3.Connection
    read_only: bool = False
    notices: list[str] = field(default_factory=list)


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
        have = set(conn.execute("SELECT type, name FROM sqlite_schema").fetchall())
        if version == 0 and app_id == 0 and have:
            raise StoreError(
                f"{path} is a SQLite file of another program, not a casewriter log; left untouched"
            )
        missing = sorted(SCHEMA_OBJECTS.get(version, frozenset()) - have)
        if missing:
            names = ", ".join(f"{kind} {name}" for kind, name in missing)
            raise StoreError(
                f"the case log {path} is damaged: {names} missing from schema v{version}; "
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
