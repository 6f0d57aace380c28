"""Every file casewriter reads for the user or writes: one reader, one atomic writer.

Reading (``read_user_file``): only regular files (a FIFO would block forever, ``/dev/zero``
never ends), capped in size (``max_bytes``), with one clear line saying why not.

Writing (``atomic_writer`` / ``write_atomic``): a unique temporary file created exclusively
(``O_EXCL``, mode 0600 unless told otherwise) in the target's own folder, so a planted symlink
is never followed; written, flushed and fsynced, then renamed over the target, and the folder
fsynced. A crash leaves the old file or the new one, never half of either; a failure removes the
temporary file. ``-`` means standard output. A device, FIFO or folder as the target is refused.
A target that is itself a symlink is replaced by the new file (the link's target is untouched).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, overload

from casewriter.errors import CasewriterError, UsageError

STDOUT = "-"
# Case files, config, pasted text: a megabyte is far beyond any real one.
DEFAULT_READ_CAP = 1024 * 1024


def os_reason(exc: OSError) -> str:
    """What went wrong, in the user's words: read-only, no space, permission…"""
    code = exc.errno
    if code == errno.EROFS:
        return "the file system is read-only"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return "no space left on the device"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if code == errno.ENOENT:
        return "no such file or folder"
    if code == errno.EISDIR:
        return "is a folder"
    if code == errno.ENAMETOOLONG:
        return "the name is too long"
    return exc.strerror or str(exc)


def read_user_file(
    path: object,
    what: str = "file",
    error: type[CasewriterError] = UsageError,
    *,
    max_bytes: int = DEFAULT_READ_CAP,
) -> bytes:
    """The bytes of a regular file the user named, at most ``max_bytes``; else one clear line
    (raised as ``error``) saying why not."""
    target = Path(str(path))
    try:
        # O_NONBLOCK: opening a FIFO for reading must not wait for a writer; we refuse it below.
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {os_reason(exc)}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{path}: is a folder, not a {what}")
        raise error(f"{path}: is not a regular file (a device, pipe or socket), not a {what}")
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > max_bytes:
            raise error(
                f"{path}: too large for a {what} ({_size(info.st_size)}; at most {_size(max_bytes)})"
            )
        try:
            os.set_blocking(fd, True)
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise error(f"{path}: cannot read: {os_reason(exc)}") from None
    if len(data) > max_bytes:  # grew while we read it
        raise error(f"{path}: too large for a {what} (more than {_size(max_bytes)})")
    return data


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def check_output_target(path: str | Path, what: str = "--out") -> Path | None:
    """The path to write, or ``None`` for standard output (``-``). Refuses a folder, a device
    or a FIFO, and a folder that does not exist, each in one line (UsageError)."""
    if str(path) == STDOUT:
        return None
    target = Path(path).expanduser()
    try:
        info = target.stat()  # follows a link: a link to /dev/sda is still a device
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"{what}: {target}: {os_reason(exc)}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(f"{what}: {target} is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{what}: {target} is not a regular file (a device, pipe or socket)")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"{what}: folder {folder} does not exist")
    return target


@overload
@contextmanager
def atomic_writer(
    path: Path, *, binary: Literal[False] = ..., mode: int = ..., what: str = ...
) -> Iterator[IO[str]]: ...
@overload
@contextmanager
def atomic_writer(
    path: Path, *, binary: Literal[True], mode: int = ..., what: str = ...
) -> Iterator[IO[bytes]]: ...
@contextmanager  # type: ignore[misc]
def atomic_writer(
    path: Path, *, binary: bool = False, mode: int = 0o600, what: str = "file"
) -> Iterator[IO[str]] | Iterator[IO[bytes]]:
    """A file object whose content replaces ``path`` atomically when the block ends without an
    exception. Any failure removes the temporary file and raises ``CasewriterError`` with the
    reason (no space, read-only, permission)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CasewriterError(f"cannot write {target}: {os_reason(exc)}") from None
    try:
        os.fchmod(fd, mode)
        fh: IO[Any] = (
            os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        )
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise CasewriterError(f"cannot write {target}: {os_reason(exc)}") from None
        raise
    _fsync_folder(folder)


def write_atomic(path: Path, data: str | bytes, *, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_writer``)."""
    if isinstance(data, bytes):
        with atomic_writer(path, binary=True, mode=mode) as out_b:
            out_b.write(data)
    else:
        with atomic_writer(path, mode=mode) as out_s:
            out_s.write(data)


def write_output(path: str | Path, data: str | bytes, *, what: str = "--out") -> Path | None:
    """``--out`` for every command: ``-`` prints to standard output, anything else is checked
    (``check_output_target``) and written atomically. Returns the path written, or ``None``."""
    target = check_output_target(path, what)
    if target is None:
        try:
            if isinstance(data, bytes):
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
            else:
                sys.stdout.write(data)
            sys.stdout.flush()
        except OSError as exc:
            raise CasewriterError(f"cannot write to standard output: {os_reason(exc)}") from None
        return None
    write_atomic(target, data)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (best effort: not every platform lets a folder be opened)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


@contextmanager
def atomic_path(path: Path, *, mode: int = 0o600, overwrite: bool = True) -> Iterator[Path]:
    """For a library that writes a file by name (SQLite's backup API): a fresh, empty
    temporary file in ``path``'s folder, created exclusively with ``mode``. When the block ends
    without an exception it is fsynced and renamed to ``path`` (``overwrite=False``: linked, so
    an existing ``path`` is never replaced — UsageError); on any failure it is removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.fchmod(fd, mode)
        os.close(fd)
    except OSError as exc:
        raise CasewriterError(f"cannot write {target}: {os_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise UsageError(f"{target} already exists; choose a new file name") from None
            os.unlink(tmp)
    except BaseException as exc:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            try:
                os.unlink(leftover)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise CasewriterError(f"cannot write {target}: {os_reason(exc)}") from None
        raise
    _fsync_folder(folder)


def open_user_file(
    path: object,
    what: str = "file",
    error: type[CasewriterError] = UsageError,
    *,
    max_bytes: int = DEFAULT_READ_CAP,
) -> IO[bytes]:
    """``read_user_file``'s checks (a regular file, at most ``max_bytes``), but the open file
    is returned to be read in pieces: for inputs too large to hold in memory at once (a
    100,000-case log export). The caller closes it."""
    target = Path(str(path))
    try:
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not {_an(what)}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {os_reason(exc)}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{path}: is a folder, not {_an(what)}")
        raise error(f"{path}: is not a regular file (a device, pipe or socket), not {_an(what)}")
    if info.st_size > max_bytes:
        os.close(fd)
        raise error(
            f"{path}: too large for {_an(what)} ({_size(info.st_size)}; at most {_size(max_bytes)})"
        )
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _an(what: str) -> str:
    return ("an " if what[:1].lower() in "aeiou" else "a ") + what
