"""Every file casewriter reads for the user or writes: one reader, one atomic writer.

Reading (``read_user_file``, ``read_stdin``): only regular files (a FIFO would block forever,
``/dev/zero`` never ends), capped in size (``max_bytes``), with one clear line saying why not.

Writing (``atomic_writer`` / ``write_atomic``): a unique temporary file created exclusively
(``O_EXCL``, mode 0600 unless told otherwise) in the target's own folder, so a planted symlink
is never followed; written, flushed and fsynced, then renamed over the target, and the folder
fsynced. A crash leaves the old file or the new one, never half of either; a failure removes the
temporary file. ``-`` means standard output. A device, FIFO or folder as the target is refused,
and so is a name ending in ``/`` (a folder meant) or one whose folder does not exist.
A target that is itself a symlink is replaced by the new file (the link's target is untouched).

Every refusal of a file being read is a ``casewriter.messages.Said``: its ``str`` the English the
CLI prints, its Chinese what the app shows (the kind of file, ``what``, said in both).

Size: ~450 lines because the readers and the atomic writers share the same OS-error wording
(``os_reason``, in both languages), file-type checks and size messages; splitting them would
duplicate that or make a third module both import.
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
from casewriter.messages import Said, said

STDOUT = "-"
# Case files, config, pasted text: a megabyte is far beyond any real one.
DEFAULT_READ_CAP = 1024 * 1024


#: An OS error's number -> what went wrong, in the user's words (English, 简体中文).
_REASONS = {
    errno.EROFS: ("the file system is read-only", "文件系统为只读"),
    errno.ENOSPC: ("no space left on the device", "设备上没有剩余空间"),
    errno.EDQUOT: ("no space left on the device", "设备上没有剩余空间"),
    errno.EACCES: ("permission denied", "没有权限"),
    errno.EPERM: ("permission denied", "没有权限"),
    errno.ENOENT: ("no such file or folder", "没有这个文件或文件夹"),
    errno.EISDIR: ("is a folder", "是文件夹"),
    errno.ENAMETOOLONG: ("the name is too long", "名称太长"),
    errno.ENOTDIR: (
        "a part of the path is a file, not a folder",
        "路径中有一部分是文件而不是文件夹",
    ),
    errno.ELOOP: ("too many levels of symbolic links", "符号链接层级太多"),
    errno.EPIPE: ("the reader went away (broken pipe)", "读取方已断开（管道已断开）"),
    errno.EBADF: ("it is closed or not open for writing", "它已关闭或未以写入方式打开"),
}
#: An OS error's own words (``strerror``, as the CLI prints them) -> 简体中文, for the errors
#: a file being read can meet.
_STRERROR_ZH = {
    errno.EACCES: "没有权限",
    errno.EPERM: "操作不允许",
    errno.ENOENT: "没有这个文件或文件夹",
    errno.EISDIR: "是文件夹",
    errno.EIO: "输入/输出错误",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENOTDIR: "不是文件夹",
    errno.ELOOP: "符号链接层级太多",
    errno.ENXIO: "没有这个设备或地址",
    errno.EAGAIN: "资源暂时不可用",
}

#: The kinds of file casewriter reads for the user (``what``) in Chinese.
_WHAT_ZH = {
    "file": "文件",
    "report file": "报告文件",
    "config file": "配置文件",
    "autosave file": "自动保存文件",
    "cache": "缓存文件",
    "template": "模板",
    "case file": "Case 文件",
    "case-type file": "Case 类型文件",
    "override file": "覆盖文件",
    "text file": "文本文件",
    "export file": "导出文件",
    "input": "输入",
}


def os_reason(exc: OSError) -> str:
    """What went wrong, in the user's words: read-only, no space, permission… (else the OS's
    own words); a ``Said`` (its ``str`` the English) that says itself in Chinese too."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    return Said(*reason) if reason else os_words(exc)


def os_words(exc: OSError) -> str:
    """The OS's own words for ``exc`` (its ``strerror``, as the CLI has always printed them),
    with their Chinese for the errors reading a file meets (else the same words)."""
    words = exc.strerror or str(exc)
    zh = _STRERROR_ZH.get(exc.errno) if exc.errno is not None else None
    return Said(words, zh or words)


def _a(noun: str) -> str:
    """``a file`` / ``an export file``."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def _what(noun: str) -> dict[str, object]:
    """The kind of file as a message's parameters: ``what`` (said in either language) and
    ``a_what`` (English, with its article)."""
    zh = _WHAT_ZH.get(noun, noun)
    return {"what": Said(noun, zh), "a_what": Said(_a(noun), zh)}


def read_user_file(
    path: object,
    what: str = "file",
    error: type[CasewriterError] = UsageError,
    *,
    max_bytes: int = DEFAULT_READ_CAP,
) -> bytes:
    """The bytes of a regular file the user named, at most ``max_bytes``; else one clear line
    (raised as ``error``) saying why not."""
    fd, info = _open_regular(path, what, error, max_bytes)
    try:
        data = _read_capped(fd, info.st_size, max_bytes + 1)
    except OSError as exc:
        raise error(said("read.cannot", path=path, why=os_reason(exc))) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while we read it, or a /proc-like file with no size
        raise error(said("read.too_large_more", path=path, limit=_size(max_bytes), **_what(what)))
    return data


def _open_regular(
    path: object, what: str, error: type[CasewriterError], max_bytes: int
) -> tuple[int, os.stat_result]:
    """An open descriptor (blocking again) of the regular file ``path`` names and its size and
    type, checked before a byte is read: ``read_user_file`` and ``open_user_file`` both start
    here. Anything else is one line as ``error`` (nothing left open)."""
    # O_NONBLOCK: opening a FIFO for reading must not wait for a writer (we refuse it below);
    # O_NOCTTY: naming a terminal device must not make it our controlling terminal.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    with _os_errors(path, what, error):
        fd = os.open(Path(str(path)), flags)
    try:
        info = os.fstat(fd)
        _check_kind(info, path, what, error)
        if info.st_size > max_bytes:
            raise error(said("read.too_large", path=path, size=_size(info.st_size),
                             limit=_size(max_bytes), **_what(what)))  # fmt: skip
        os.set_blocking(fd, True)
    except BaseException as exc:
        os.close(fd)
        if isinstance(exc, OSError):
            raise error(said("read.cannot", path=path, why=os_reason(exc))) from None
        raise
    return fd, info


@contextmanager
def _os_errors(path: object, what: str, error: type[CasewriterError]) -> Iterator[None]:
    """An OS error opening or looking at the file ``path`` names, as one line (``error``)."""
    try:
        yield
    except ValueError:  # a NUL in the name (pasted into the TUI)
        raise error(said("read.bad_name", name=repr(str(path)), raw=str(path))) from None
    except FileNotFoundError:
        raise error(said("read.no_such", path=path, **_what(what))) from None
    except IsADirectoryError:
        raise error(said("read.folder", path=path, **_what(what))) from None
    except OSError as exc:
        raise error(said("read.cannot", path=path, why=os_reason(exc))) from None


def _check_kind(
    info: os.stat_result, path: object, what: str, error: type[CasewriterError]
) -> None:
    """A regular file, or one line saying it is a folder or a device, pipe or socket."""
    if stat.S_ISDIR(info.st_mode):
        raise error(said("read.folder", path=path, **_what(what)))
    if not stat.S_ISREG(info.st_mode):
        raise error(said("read.not_regular", path=path, **_what(what)))


def _read_capped(fd: int, size: int, limit: int) -> bytes:
    """At most ``limit`` bytes from ``fd``: the size ``fstat`` gave in one read (no buffer of
    ``limit`` bytes allocated up front: a 1 GB cap must not cost 1 GB), then on to the end or
    the limit (a file that grows, or a /proc-like file that says 0)."""
    chunks: list[bytes] = []
    total = 0
    want = min(limit, max(size + 1, 64 * 1024))
    with os.fdopen(fd, "rb", buffering=0, closefd=False) as fh:
        while total < limit:
            chunk = fh.read(min(want, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_stdin(
    what: str = "input",
    error: type[CasewriterError] = UsageError,
    *,
    max_bytes: int = DEFAULT_READ_CAP,
) -> bytes:
    """Standard input as bytes, at most ``max_bytes`` (``< /dev/zero`` ends with one line, not
    with the machine out of memory); a closed standard input reads as empty."""
    stream = sys.stdin
    if stream is None:
        return b""
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is None:  # a replaced text stream (tests): take its text as UTF-8
            data = str(stream.read(max_bytes + 1)).encode("utf-8", errors="surrogatepass")
        else:
            data = bytes(buffer.read(max_bytes + 1))
    except OSError as exc:
        raise error(said("read.stdin_cannot", why=os_reason(exc))) from None
    if len(data) > max_bytes:
        raise error(said("read.stdin_too_large", limit=_size(max_bytes), **_what(what)))
    return data


def check_regular_file(path: Path, what: str, error: type[CasewriterError] = UsageError) -> int:
    """The size of ``path`` when it is a regular file (a file read in a stream, like a report);
    else one clear line: no such file, a folder, a device, pipe or socket."""
    with _os_errors(path, what, error):
        info = path.stat()
    _check_kind(info, path, what, error)
    return info.st_size


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return Said(f"{n} bytes", f"{n} 字节")


def expand_user(text: str, what: str = "file") -> Path:
    """``~/x`` as a path in the home folder; ``~nobody-here/x`` is one line, not a crash."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # no such user, or no home folder
        raise UsageError(f"{what}: {text}: cannot find the home folder that '~' names") from None


def _names_a_stream(path: str) -> bool:
    """``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``…: links to a descriptor of the
    process, which an atomic rename would replace; ``-`` is how to name standard output."""
    parts = path.split("/")
    return (
        path in ("/dev/stdin", "/dev/stdout", "/dev/stderr")
        or (len(parts) == 4 and parts[1:3] == ["dev", "fd"] and parts[3].isdigit())
        or (len(parts) == 5 and parts[1] == "proc" and parts[3] == "fd" and parts[4].isdigit())
    )


def check_output_target(path: str | Path, what: str = "--out") -> Path | None:
    """The path to write, or ``None`` for standard output (``-``). Refuses a folder, a device
    or a FIFO, a name ending in ``/`` and a folder that does not exist, each in one line
    (UsageError)."""
    text = str(path)
    if text == STDOUT:
        return None
    if not text.strip():
        raise UsageError(f"{what}: no file name given")
    target = expand_user(text, what)
    if _names_a_stream(os.path.abspath(target)):
        raise UsageError(f"{what}: {text} is a standard stream, not a file: use '-' for stdout")
    try:
        info = target.stat()  # follows a link: a link to /dev/sda is still a device
    except ValueError:  # a NUL in the name (pasted into the TUI)
        raise UsageError(f"{what}: {text!r} is not a valid file name") from None
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError(f"{what}: {target}: {os_reason(exc)}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(f"{what}: {target} is a folder; give a file name")
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{what}: {target} is not a regular file (a device, pipe or socket)")
    elif text.endswith(("/", os.sep)):
        raise UsageError(f"{what}: folder {text} does not exist; give a file name")
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():
            raise UsageError(f"{what}: {folder} is not a folder")
        raise UsageError(f"{what}: folder {folder} does not exist")
    return target


@overload
@contextmanager
def atomic_writer(
    path: Path, *, binary: Literal[False] = ..., mode: int = ..., errors: str = ...
) -> Iterator[IO[str]]: ...
@overload
@contextmanager
def atomic_writer(
    path: Path, *, binary: Literal[True], mode: int = ..., errors: str = ...
) -> Iterator[IO[bytes]]: ...
@contextmanager  # type: ignore[misc]
def atomic_writer(
    path: Path, *, binary: bool = False, mode: int = 0o600, errors: str = "strict"
) -> Iterator[IO[str]] | Iterator[IO[bytes]]:
    """A file object whose content replaces ``path`` atomically when the block ends without an
    exception. Any failure removes the temporary file and raises ``CasewriterError`` with the
    reason (no space, read-only, permission); other exceptions pass through, the temporary
    file removed all the same. ``errors``: how text that UTF-8 cannot hold is encoded."""
    target = Path(path)
    with _temporary_beside(target, mode) as (fd, tmp):
        fh: IO[Any] = (
            os.fdopen(fd, "wb")
            if binary
            else os.fdopen(fd, "w", encoding="utf-8", errors=errors, newline="")
        )
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)


def write_atomic(
    path: Path, data: str | bytes, *, mode: int = 0o600, errors: str = "strict"
) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_writer``)."""
    if isinstance(data, bytes):
        with atomic_writer(path, binary=True, mode=mode) as out_b:
            out_b.write(data)
    else:
        with atomic_writer(path, mode=mode, errors=errors) as out_s:
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
        except BrokenPipeError:
            raise  # `| head`: the reader went away; the CLI ends quietly (casewriter.__main__)
        except OSError as exc:
            raise CasewriterError(f"cannot write to standard output: {os_reason(exc)}") from None
        return None
    # A lone surrogate (from a JSON "\ud800") cannot be UTF-8: show it as \ud800, never fail.
    write_atomic(target, data, errors="backslashreplace")
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
    with _temporary_beside(target, mode) as (fd, tmp):
        os.close(fd)
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


@contextmanager
def _temporary_beside(target: Path, mode: int) -> Iterator[tuple[int, Path]]:
    """What both atomic writers share: a fresh temporary file in ``target``'s folder, open
    (its descriptor, for the block to own) and its path, for the block to fill and rename
    into place. Any failure in the block removes it (and an SQLite ``-journal`` beside it)
    and raises ``CasewriterError`` with the reason for an ``OSError``; other exceptions pass
    through. When the block ends without one the folder is fsynced (the rename made durable)."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        # mkstemp: O_CREAT | O_EXCL (| O_NOFOLLOW), a random name, mode 0600: a link planted at
        # a guessed temporary name can never be followed, and nobody else can read the file.
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise CasewriterError(f"cannot write {target}: {os_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        try:
            os.fchmod(fd, mode)
        except BaseException:
            os.close(fd)
            raise
        yield fd, tmp
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
    fd, _info = _open_regular(path, what, error, max_bytes)
    return os.fdopen(fd, "rb")
