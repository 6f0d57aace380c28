"""SQLite failures told as what they are: busy, read-only, no space, permission denied, an I/O
error, or (only when SQLite says so) a corrupt file, pointing at the newest safety copy.

``describe`` turns a ``sqlite3.Error`` into one truthful ``StoreError`` line;
``StoreAccessError`` is the log that is fine but cannot be opened or changed here.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from casewriter.errors import StoreError
from casewriter.store.copies import safety_copies

# Primary SQLite result codes (the low byte of ``sqlite_errorcode``).
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _AUTH, _NOTADB = (
    3, 5, 6, 8, 10, 11, 13, 14, 23, 26,
)  # fmt: skip


class StoreAccessError(StoreError):
    """The log is fine but cannot be opened or changed here: read-only, no space, permission."""

    def __init__(self, message: str, *, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message
        """Why, in a few words ("the file system is read-only")."""


def why_not_writable(path: Path) -> str | None:
    """Why the log cannot be written, as the user would put it; None if no reason is visible."""
    folder = path.parent
    try:
        flags = os.statvfs(folder).f_flag
        if flags & getattr(os, "ST_RDONLY", 1):
            return "the file system is read-only"
    except OSError:
        pass
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is read-only for you (permission denied)"
    if path.exists() and not os.access(path, os.W_OK):
        try:
            mode = f"mode {stat.S_IMODE(path.stat().st_mode):04o}"
        except OSError:
            mode = "permission denied"
        return f"the file is read-only for you ({mode})"
    try:
        info = os.statvfs(folder)
        if info.f_bavail * info.f_frsize < 64 * 1024:
            return "no space left on the device"
    except OSError:
        pass
    return None


def describe(exc: sqlite3.Error, path: Path, *, writing: bool = True) -> StoreError:
    """One truthful line for a SQLite failure: busy, read-only, no space, permission denied,
    an I/O error, or (only when SQLite says so) a corrupt file."""
    code = int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    unchanged = "; nothing was changed" if writing else ""
    text = str(exc)
    if code in (_BUSY, _LOCKED) or "locked" in text or "busy" in text:
        return StoreError(f"the case log {path} is busy (another casewriter is writing); try again")
    if code == _FULL:
        return StoreAccessError(
            f"no space left on the device holding the case log {path}{unchanged}; "
            "free some space and try again",
            reason="no space left on the device",
        )
    if code in (_READONLY, _PERM, _AUTH, _CANTOPEN, _IOERR):
        reason = why_not_writable(path)
        if reason is None:
            reason = {
                _READONLY: "it is read-only",
                _PERM: "permission denied",
                _AUTH: "permission denied",
                _CANTOPEN: "SQLite cannot open it",
            }.get(code, f"a disk I/O error ({text})")
        verb = "change" if writing else "read"
        return StoreAccessError(
            f"cannot {verb} the case log {path}: {reason}{unchanged}", reason=reason
        )
    if code in (_CORRUPT, _NOTADB) or not isinstance(exc, sqlite3.OperationalError):
        return StoreError(
            f"the case log {path} is corrupt ({text}); left untouched — restore a backup"
            + newest_copy_hint(path)
        )
    return StoreError(f"case log {path}: {text}{unchanged}")


def newest_copy_hint(path: Path) -> str:
    copies = safety_copies(path)
    return f" (the newest safety copy is {copies[0]})" if copies else ""
