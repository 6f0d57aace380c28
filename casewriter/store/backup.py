"""Copies of the case log, always made with SQLite's online backup API (consistent while other
processes write) into a temporary file that is renamed into place (``files.atomic_path``), so a
failed copy leaves nothing behind.

- ``backup_to``: ``log backup PATH`` — a new file (never overwriting one), or a dated file
  inside a folder (an existing folder, or a path ending in ``/``, which is created). ``-`` and
  an empty name are refused: a SQLite copy is a file, not a stream.
- ``safety_copy``: before a schema migration and before ``log import``, a copy beside the log
  named ``cases-safety-YYYYMMDD-HHMMSS-<why>.db``; only the newest ``KEEP`` are kept, so
  "restore a backup" always has one to offer.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from casewriter.errors import StoreError, UsageError
from casewriter.store.copies import KEEP, SAFETY, safety_copies, stamp
from casewriter.store.failures import StoreAccessError, describe


def _copy(source: sqlite3.Connection, target: Path, *, overwrite: bool) -> None:
    """Back ``source`` up into ``target`` atomically (StoreError / UsageError on failure)."""
    from casewriter.errors import CasewriterError
    from casewriter.files import atomic_path

    try:
        with atomic_path(target, overwrite=overwrite) as tmp:
            dest = sqlite3.connect(str(tmp))
            try:
                source.backup(dest)
            finally:
                dest.close()
    except sqlite3.Error as exc:
        error = describe(exc, target)  # (its message is about "the case log": not this file)
        reason = error.reason if isinstance(error, StoreAccessError) else str(exc)
        raise StoreError(f"cannot write the copy {target}: {reason}; nothing was written") from None
    except UsageError:
        raise
    except CasewriterError as exc:
        raise StoreError(exc.message) from None


def backup_to(source: sqlite3.Connection, log: Path, path: str | Path) -> Path:
    """``log backup PATH``: the file written (a dated name inside a folder)."""
    text = str(path)
    if not text.strip():
        raise UsageError(f"log backup needs a file or folder name to copy the log to, not {text!r}")
    if text == "-":
        raise UsageError(
            "log backup writes a file: '-' (standard output) is not supported for a SQLite "
            "copy; name a file or a folder"
        )
    from casewriter.files import expand_user

    target = expand_user(text, "log backup")
    if text.endswith(("/", os.sep)) or target.is_dir():
        try:
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            from casewriter.files import os_reason

            raise UsageError(f"cannot create the folder {target}: {os_reason(exc)}") from None
        target = target / f"{log.stem}-{stamp()}.db"
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} already exists; choose a new file name")
    if not target.parent.is_dir():
        raise UsageError(
            f"folder {target.parent} does not exist (end the path with / to create it)"
        )
    if target.resolve() == log.resolve():
        raise UsageError("cannot back up the case log onto itself")
    _copy(source, target, overwrite=False)
    return target


def safety_copy(source: sqlite3.Connection, log: Path, why: str) -> Path:
    """Copy the log beside itself before a risky change; keep the newest ``KEEP`` copies."""
    when = stamp()
    target = log.parent / f"{log.stem}{SAFETY}{when}-{why}.db"
    n = 1
    while target.exists():
        n += 1
        target = log.parent / f"{log.stem}{SAFETY}{when}-{why}-{n}.db"
    try:
        _copy(source, target, overwrite=False)
    except (StoreError, UsageError) as exc:
        raise StoreError(
            f"cannot write a safety copy of the case log before the {why.split('-')[0]}, so "
            f"nothing was changed: {exc.message}"
        ) from None
    for old in safety_copies(log)[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
    return target
