"""``casewriter.files``: the one reader of files the user names and the one atomic writer.

Reading refuses what is not a regular file (a FIFO would block, ``/dev/zero`` never ends) and
caps the size; writing goes through a unique temporary file created exclusively (0600) in the
target's folder, fsynced and renamed, so a planted symlink is never followed and a failure
leaves nothing behind. The CLI side (``--out`` of every command) is tests/test_out_cli.py.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from casewriter.errors import CasewriterError, UsageError
from casewriter.files import (
    check_output_target,
    check_regular_file,
    read_stdin,
    read_user_file,
    write_atomic,
    write_output,
)

# Every name a hand-rolled writer used, or a guesser would try, for the temporary file.
PREDICTABLE_TMP = ("{n}.tmp", ".{n}.tmp", ".{n}.swp", "{n}~", ".{n}", "{s}.tmp")


def _plant_links(folder: Path, name: str, victim: Path) -> list[Path]:
    stem = Path(name).stem
    links = []
    for pattern in PREDICTABLE_TMP:
        link = folder / pattern.format(n=name, s=stem)
        if not link.exists():
            link.symlink_to(victim)
            links.append(link)
    return links


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- reading ------------------------------------------------------------------------------


def test_read_user_file_reads_a_regular_file(tmp_path: Path) -> None:
    f = tmp_path / "case.toml"
    f.write_bytes(b'case_type = "x"\n')
    assert read_user_file(f, "case file") == b'case_type = "x"\n'


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "case.toml"
    os.mkfifo(fifo)
    result: list[BaseException | bytes] = []

    def read() -> None:
        try:
            result.append(read_user_file(fifo, "case file"))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            result.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    if worker.is_alive():  # unblock the thread before failing: open the FIFO for writing
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("read_user_file blocked on a FIFO")
    assert isinstance(result[0], UsageError)
    assert "not a regular file" in str(result[0]) and "a case file" in str(result[0])


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(UsageError, match="not a regular file"):
        read_user_file(device, "config file")


def test_a_folder_a_missing_file_and_a_link_loop_are_one_line_each(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a folder, not an export file"):
        read_user_file(tmp_path, "export file")
    with pytest.raises(UsageError, match="no such case file"):
        read_user_file(tmp_path / "nope.toml", "case file")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(UsageError, match="symbolic links"):
        read_user_file(loop, "case file")
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        read_user_file(afile / "case.toml", "case file")


def test_size_cap_refuses_a_huge_sparse_file_without_reading_it(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.toml"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB of nothing: reading it would take 2 GB of memory
    with pytest.raises(UsageError) as caught:
        read_user_file(sparse, "case file", max_bytes=1024 * 1024)
    assert "too large for a case file (2048.0 MB; at most 1.0 MB)" in caught.value.message
    small = tmp_path / "ok.toml"
    small.write_bytes(b"x" * 1024 * 1024)
    assert len(read_user_file(small, "case file", max_bytes=1024 * 1024)) == 1024 * 1024


def test_error_class_is_the_callers(tmp_path: Path) -> None:
    from casewriter.errors import CaseFileError

    with pytest.raises(CaseFileError):
        read_user_file(tmp_path / "missing", "case file", CaseFileError)


def test_the_whole_and_the_streamed_reader_refuse_the_same_files_alike(tmp_path: Path) -> None:
    """``read_user_file``, ``open_user_file`` (and, but for the size, ``check_regular_file``)
    check a file through one opener: the same one line for a missing file, a folder, a FIFO, a
    device, a file too large and a NUL in the name, in the caller's error class; a regular file
    is read whole or streamed alike."""
    from casewriter.errors import CaseFileError
    from casewriter.files import check_regular_file, open_user_file

    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    big = tmp_path / "big.json"
    big.write_bytes(b"x" * 2048)
    bad = {
        tmp_path / "missing.json": f"{tmp_path / 'missing.json'}: no such export file",
        tmp_path: f"{tmp_path}: is a folder, not an export file",
        fifo: f"{fifo}: is not a regular file (a device, pipe or socket), not an export file",
        big: f"{big}: too large for an export file (2 KB; at most 1 KB)",
        "a\0b.json": "'a\\x00b.json': not a valid file name",
    }
    if os.path.exists("/dev/null"):
        bad["/dev/null"] = (
            "/dev/null: is not a regular file (a device, pipe or socket), not an export file"
        )
    for path, message in bad.items():
        for reader in (read_user_file, open_user_file):
            with pytest.raises(CaseFileError) as caught:
                reader(path, "export file", CaseFileError, max_bytes=1024)
            assert caught.value.message == message, (reader.__name__, path)
    for path, message in bad.items():  # the report reader's check: all but the size
        if path != big:
            with pytest.raises(CaseFileError) as caught:
                check_regular_file(Path(path), "export file", CaseFileError)
            assert caught.value.message == message, path
    for reader in (read_user_file, open_user_file):  # a name given as a path reads the same
        with pytest.raises(UsageError) as caught:
            reader(Path("a\0b.json"), "export file")
        assert caught.value.message == "'a\\x00b.json': not a valid file name"
    good = tmp_path / "export.json"
    good.write_bytes(b'{"cases": []}')
    with open_user_file(good, "export file") as fh:
        assert fh.read() == read_user_file(good, "export file") == b'{"cases": []}'
    assert check_regular_file(good, "export file") == 13
    with pytest.raises(UsageError, match="is a folder, not an export file"):
        check_regular_file(tmp_path, "export file")


def test_read_stdin_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    class Stdin(io.TextIOWrapper):
        pass

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"a" * 2048)))
    with pytest.raises(UsageError, match="standard input: too large for a case file"):
        read_stdin("case file", max_bytes=1024)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("订单".encode())))
    assert read_stdin("text") == "订单".encode()
    monkeypatch.setattr(sys, "stdin", None)
    assert read_stdin("text") == b""


def test_check_regular_file_for_streamed_reports(tmp_path: Path) -> None:
    report = tmp_path / "r.tsv"
    report.write_text("a\tb\n")
    assert check_regular_file(report, "report file") == 4
    fifo = tmp_path / "fifo.tsv"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="not a regular file .*not a report file"):
        check_regular_file(fifo, "report file")
    with pytest.raises(UsageError, match="is a folder, not a report file"):
        check_regular_file(tmp_path, "report file")


# --- writing ------------------------------------------------------------------------------


def test_write_atomic_creates_a_private_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "第一\n")
    assert target.read_text(encoding="utf-8") == "第一\n"
    assert _mode(target) == 0o600
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n" and _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_planted_links_at_the_target_and_temporary_names_are_never_followed(
    tmp_path: Path,
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    os.chmod(victim, 0o644)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.json"
    target.symlink_to(victim)
    planted = _plant_links(folder, "export.json", victim)
    write_atomic(target, "the whole log\n")
    assert victim.read_text() == "precious\n" and _mode(victim) == 0o644
    assert not target.is_symlink() and target.read_text() == "the whole log\n"
    assert _mode(target) == 0o600
    assert all(link.is_symlink() and link.resolve() == victim for link in planted)


def test_a_dangling_link_at_the_target_is_replaced_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "created-by-link.txt"
    elsewhere.parent.mkdir()
    target = tmp_path / "out.txt"
    target.symlink_to(elsewhere)
    write_atomic(target, "x")
    assert not elsewhere.exists() and not target.is_symlink() and target.read_text() == "x"


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failing_write_leaves_the_old_file_and_no_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "config.toml"
    target.write_text("old = true\n")

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    data = "new = true\n"
    if failing == "write":  # the disk fills up while the content is written
        real_fdopen = os.fdopen

        class FullDisk:
            def __init__(self, fh: object) -> None:
                self.fh = fh

            def __enter__(self) -> FullDisk:
                return self

            def __exit__(self, *exc: object) -> None:
                self.fh.close()  # type: ignore[attr-defined]

            def write(self, text: str) -> int:
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(CasewriterError) as caught:
        write_atomic(target, data)
    monkeypatch.undo()
    assert caught.value.message == f"cannot write {target}: no space left on the device"
    assert target.read_text() == "old = true\n"
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]


def test_an_exception_inside_the_block_leaves_no_temporary_file(tmp_path: Path) -> None:
    from casewriter.files import atomic_writer

    target = tmp_path / "draft.json"
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half")
        raise RuntimeError("the caller failed half-way")
    assert list(tmp_path.iterdir()) == []


def _fill(writer: str, target: Path, text: str, fail: BaseException | None = None) -> None:
    """Write ``text`` to ``target`` through ``atomic_writer`` or ``atomic_path`` (as SQLite's
    backup does: by name, with a ``-journal`` beside it while it works), raising ``fail``
    inside the block when given."""
    from casewriter.files import atomic_path, atomic_writer

    if writer == "atomic_writer":
        with atomic_writer(target) as fh:
            fh.write(text)
            if fail is not None:
                raise fail
        return
    with atomic_path(target) as tmp:
        Path(f"{tmp}-journal").write_text("journal")
        tmp.write_text(text)
        Path(f"{tmp}-journal").unlink()
        if fail is not None:
            Path(f"{tmp}-journal").write_text("journal")  # failed half-way: journal left
            raise fail


@pytest.mark.parametrize("writer", ["atomic_writer", "atomic_path"])
@pytest.mark.parametrize("failing", ["block", "oserror", "fchmod", "fsync", "replace"])
def test_both_atomic_writers_leave_the_old_file_and_nothing_else_on_any_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str, failing: str
) -> None:
    """The two writers share one temporary file's life: created beside the target, removed
    (with a journal beside it) on any failure, an OSError told as one line, anything else
    passed through as it is; the old file untouched."""
    target = tmp_path / "cases-backup.db"
    target.write_text("old\n")
    _fill(writer, target, "new\n")
    assert target.read_text() == "new\n" and _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [target.name]

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    fail: BaseException | None = None
    if failing == "block":
        fail = KeyboardInterrupt()
    elif failing == "oserror":
        fail = PermissionError(errno.EACCES, "Permission denied")
    else:
        monkeypatch.setattr(os, failing, no_space)
    with pytest.raises(BaseException) as caught:
        _fill(writer, target, "newer\n", fail)
    monkeypatch.undo()
    if failing == "block":
        assert caught.value is fail
    else:
        reason = "permission denied" if failing == "oserror" else "no space left on the device"
        assert isinstance(caught.value, CasewriterError)
        assert caught.value.message == f"cannot write {target}: {reason}"
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_read_only_folder_is_reported_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(CasewriterError, match="the file system is read-only"):
        write_atomic(tmp_path / "x", "y")


def test_lone_surrogates_in_an_output_document_are_shown_not_fatal(tmp_path: Path) -> None:
    target = tmp_path / "case.txt"
    write_output(target, "subject \ud800 end\n")
    assert target.read_text(encoding="utf-8") == "subject \\ud800 end\n"


# --- --out targets ------------------------------------------------------------------------


def test_dash_means_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_output_target("-") is None
    assert write_output("-", "到标准输出\n") is None
    assert capsys.readouterr().out == "到标准输出\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d, "is a folder; give a file name"),
        (lambda d: Path("/dev/null"), "is not a regular file (a device, pipe or socket)"),
        (lambda d: (os.mkfifo(d / "fifo"), d / "fifo")[1], "is not a regular file"),
        (lambda d: d / "missing" / "out.json", "does not exist"),
        (lambda d: str(d / "newdir") + "/", "does not exist; give a file name"),
        (lambda d: (d / "f").write_text("x") and d / "f" / "out.json", "is a file, not a folder"),
        (lambda d: "  ", "no file name given"),
        (lambda d: str(d / "a\x00b.txt"), "is not a valid file name"),
        (lambda d: "~no-such-user-here/out.txt", "cannot find the home folder"),
    ],
)
def test_bad_out_targets_are_refused_in_one_line(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    target = make(tmp_path)
    with pytest.raises(UsageError) as caught:
        check_output_target(target)
    assert message in caught.value.message and "\n" not in caught.value.message
    assert caught.value.message.startswith("--out: ")


def test_a_link_to_a_device_is_still_a_device(tmp_path: Path) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to("/dev/null")
    with pytest.raises(UsageError, match="not a regular file"):
        check_output_target(link)


def test_a_file_that_reports_no_size_is_still_read_whole() -> None:
    """/proc files say 0 bytes; the reader goes on to the end (or the cap), not one byte."""
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc here")
    data = read_user_file(status, "file")
    assert data.startswith(b"Name:") and b"\nPid:" in data
    with pytest.raises(UsageError, match="more than 16 bytes"):
        read_user_file(status, "file", max_bytes=16)


def test_a_nul_in_a_name_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not a valid file name"):
        read_user_file(str(tmp_path / "a\x00b.toml"), "case file")
    with pytest.raises(UsageError, match="not a valid file name"):
        check_regular_file(tmp_path / "a\x00b.tsv", "report file")


def test_the_wizard_save_to_file_refuses_bad_names_in_one_line(tmp_path: Path) -> None:
    from casewriter.tui.wizard.saving import write_text_file

    for name in (str(tmp_path / "a\x00b" / "case.txt"), "~no-such-user-here/case.txt", "-"):
        with pytest.raises(UsageError):
            write_text_file(name, "text")
    written = write_text_file(str(tmp_path / "new" / "case.txt"), "主题\n")
    assert written.read_text(encoding="utf-8") == "主题\n" and _mode(written) == 0o600


@pytest.mark.parametrize(
    "name", ["/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/1", "/proc/123/fd/2"]
)
def test_a_standard_stream_named_as_a_file_points_to_dash(name: str) -> None:
    """``--out /dev/stdout`` was refused without saying ``-``; with stdout redirected to a file it
    was even accepted, and the atomic rename replaced the ``/dev/stdout`` link itself."""
    with pytest.raises(UsageError) as err:
        check_output_target(name)
    assert err.value.message == (
        f"--out: {name} is a standard stream, not a file: use '-' for stdout"
    )
    assert check_output_target("-") is None


def test_the_out_cli_points_from_dev_stdout_to_dash(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("log", "export", "--out", "/dev/stdout")
    assert res.code == 2 and "use '-' for stdout" in res.err and res.out == "", res


def test_os_errors_are_told_in_the_users_words(tmp_path: Path) -> None:
    """``os_reason``: the OS errors a user meets in the user's words, the OS's own words for
    any other, and the error itself when it has no number."""
    from casewriter.files import os_reason

    def raised(call: Callable[[], object]) -> str:
        with pytest.raises(OSError) as caught:
            call()
        return os_reason(caught.value)

    (tmp_path / "file").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert raised(lambda: open(tmp_path / "missing")) == "no such file or folder"
    assert raised(lambda: open(tmp_path, "w")) == "is a folder"
    assert raised(lambda: open(tmp_path / "file" / "x")) == (
        "a part of the path is a file, not a folder"
    )
    assert raised(lambda: open(tmp_path / ("n" * 300))) == "the name is too long"
    assert raised(lambda: open(tmp_path / "loop")) == "too many levels of symbolic links"
    fd = os.open(tmp_path / "file", os.O_RDONLY)
    try:
        assert raised(lambda: os.write(fd, b"x")) == "it is closed or not open for writing"
    finally:
        os.close(fd)
    for code, said in ((errno.EROFS, "the file system is read-only"),
                       (errno.ENOSPC, "no space left on the device"),
                       (errno.EDQUOT, "no space left on the device"),
                       (errno.EACCES, "permission denied"), (errno.EPERM, "permission denied"),
                       (errno.EPIPE, "the reader went away (broken pipe)")):  # fmt: skip
        assert os_reason(OSError(code, os.strerror(code))) == said
    assert os_reason(OSError(errno.EIO, os.strerror(errno.EIO))) == os.strerror(errno.EIO)
    assert os_reason(OSError("the disk said no")) == "the disk said no"
