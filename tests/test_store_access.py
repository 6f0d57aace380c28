"""A read-only home, a full disk or a permission problem is reported as what it is — never
"corrupt … restore a backup" — and reading stays possible when the log itself is fine.

Real conditions where the machine allows them: tests run as root, where ``chmod`` denies
nothing, so the CLI runs under ``unshare -U`` (a user namespace without capabilities: file
modes apply again), and a tiny tmpfs mounted inside ``unshare -Urm`` gives a real full disk
and a real read-only file system. Where ``unshare`` is missing or not allowed, those tests are
skipped with the reason; the same SQLite errors are also simulated, which always runs."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from casewriter.errors import StoreError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, db, failures
from casewriter.store.failures import StoreAccessError
from tests.conftest import NO_NETWORK_DIR, REPO, CliResult
from tests.test_store import make_case
from tests.test_store_values import dump


def _works(cmd: list[str]) -> bool:
    if shutil.which(cmd[0]) is None:
        return False
    try:
        return subprocess.run(cmd, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _mount_works() -> bool:
    folder = tempfile.mkdtemp(prefix="cw-mount-probe-")
    try:
        return _works(
            ["unshare", "-Urm", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder]
        )
    finally:
        os.rmdir(folder)


USERNS = _works(["unshare", "-U", "true"])
needs_userns = pytest.mark.skipif(
    not USERNS,
    reason="unshare -U (a user namespace) is not available: file modes cannot be made to deny root",
)
needs_tmpfs = pytest.mark.skipif(
    not (USERNS and _mount_works()),
    reason="unshare -Urm + mount tmpfs is not available: no real full disk or read-only file system",
)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CASEWRITER_DEBUG", None)
    env["CASEWRITER_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join([str(NO_NETWORK_DIR), str(REPO)])
    return env


def cli_unprivileged(home: Path, *args: str) -> CliResult:
    """The CLI as a user whose file modes apply (even when the tests run as root)."""
    proc = subprocess.run(
        ["unshare", "-U", sys.executable, "-m", "casewriter", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(home),
        timeout=120,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _seed(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z"))
        store.save_new(make_case(subject="Second case", identifiers=[]))
    return home / "cases.db"


def _never_corrupt(err: str) -> None:
    assert "corrupt" not in err and "restore a backup" not in err and "internal error" not in err


READS = (
    ("log", "list"),
    ("log", "show", "1"),
    ("log", "search", "FBA17XKQ9M2Z"),
    ("log", "export"),
)


@needs_userns
def test_read_only_folder(home: Path) -> None:
    log = _seed(home)
    before = log.read_bytes()
    os.chmod(home, 0o500)
    try:
        for args in READS:
            r = cli_unprivileged(home, *args)
            assert r.code == 0, (args, r.err)
            assert "read-only" in r.err and "changes cannot be saved" in r.err
            _never_corrupt(r.err)
        assert "CW-000002" in cli_unprivileged(home, "log", "list").out
        r = cli_unprivileged(home, "log", "note", "1", "hello")
        assert r.code == 1 and r.err.count("\n") == 1
        assert "read-only" in r.err and "permission denied" in r.err
        _never_corrupt(r.err)
        assert sorted(p.name for p in home.iterdir()) == ["cases.db"]  # nothing created
    finally:
        os.chmod(home, 0o700)
    assert log.read_bytes() == before


@needs_userns
def test_log_file_0400_leaves_no_0400_shm_behind(home: Path) -> None:
    log = _seed(home)
    os.chmod(log, 0o400)
    r = cli_unprivileged(home, "log", "list")
    assert r.code == 0 and "CW-000001" in r.out and "mode 0400" in r.err
    r = cli_unprivileged(home, "log", "note", "1", "hello")
    assert r.code == 1 and "read-only" in r.err and "mode 0400" in r.err
    _never_corrupt(r.err)
    assert sorted(p.name for p in home.iterdir()) == ["cases.db"]
    os.chmod(log, 0o600)  # the user makes it writable again: writes work at once
    r = cli_unprivileged(home, "log", "note", "1", "hello")
    assert r.code == 0, r.err


@needs_userns
def test_a_0400_shm_left_by_plain_sqlite_is_repaired(home: Path) -> None:
    """What an older casewriter left: opening a 0400 log created 0400 -wal/-shm files."""
    log = _seed(home)
    os.chmod(log, 0o400)
    script = f"import sqlite3; c = sqlite3.connect({str(log)!r}); c.execute('SELECT count(*) FROM cases').fetchone()"
    subprocess.run(["unshare", "-U", sys.executable, "-c", script], check=True, timeout=60)
    shm = Path(f"{log}-shm")
    assert shm.exists() and stat.S_IMODE(shm.stat().st_mode) == 0o400
    os.chmod(log, 0o600)
    r = cli_unprivileged(home, "log", "note", "1", "after the fix")
    assert r.code == 0, r.err
    assert "after the fix" in cli_unprivileged(home, "log", "show", "1").out


DRIVER = textwrap.dedent(
    """
    import json, os, shutil, subprocess, sys
    mnt, src, size, steps = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mnt], check=True)
    shutil.copyfile(src, os.path.join(mnt, "cases.db"))
    out = []
    for step in steps:
        if step[0] == "fill":
            try:
                with open(os.path.join(mnt, "fill"), "wb") as fh:
                    while True:
                        fh.write(b"x" * 4096)
                        fh.flush()
            except OSError:
                pass
            continue
        if step[0] == "unfill":
            os.unlink(os.path.join(mnt, "fill"))
            continue
        if step[0] == "ro":
            subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)
            continue
        p = subprocess.run([sys.executable, "-m", "casewriter", *step], capture_output=True,
                           text=True, encoding="utf-8")
        out.append([step, p.returncode, p.stdout, p.stderr])
    print(json.dumps({"results": out, "files": sorted(os.listdir(mnt))}))
    """
)


def run_on_tmpfs(tmp_path: Path, log: Path, size: str, steps: list[list[str]]) -> dict:  # type: ignore[type-arg]
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    proc = subprocess.run(
        [
            "unshare",
            "-Urm",
            sys.executable,
            "-c",
            DRIVER,
            str(mnt),
            str(log),
            size,
            json.dumps(steps),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(mnt),
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])  # type: ignore[no-any-return]


@needs_tmpfs
def test_full_disk_and_read_only_file_system(tmp_path: Path, home: Path) -> None:
    log = _seed(home)
    big = "this note must not be saved " * 1000
    out = run_on_tmpfs(
        tmp_path,
        log,
        "1m",
        [
            ["fill"],
            ["log", "note", "1", big],
            ["log", "list"],
            ["unfill"],
            ["log", "show", "1", "--json"],
            ["ro"],
            ["log", "note", "1", "hi"],
            ["log", "search", "FBA17XKQ9M2Z"],
        ],
    )
    results = {i: r for i, r in enumerate(out["results"])}
    full_write, full_list, after, ro_write, ro_search = (results[i] for i in range(5))
    assert full_write[1] == 1 and "no space left" in full_write[3], full_write
    assert "nothing was changed" in full_write[3]
    _never_corrupt(full_write[3])
    assert full_list[1] == 0 and "CW-000001" in full_list[2], full_list
    assert "no space left" in full_list[3] and "read-only" in full_list[3]
    assert after[1] == 0 and big not in after[2]  # the refused note was not saved
    assert ro_write[1] == 1 and "the file system is read-only" in ro_write[3], ro_write
    _never_corrupt(ro_write[3])
    assert ro_search[1] == 0 and "CW-000001" in ro_search[2], ro_search


# -- simulated: the same SQLite errors, whatever the machine allows -------------------------------


def _error(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("code", "text", "words"),
    [
        (13, "database or disk is full", "no space left"),
        (8, "attempt to write a readonly database", "read-only"),
        (1544, "attempt to write a readonly database", "read-only"),  # SQLITE_READONLY_DIRECTORY
        (3, "access permission denied", "permission denied"),
        (14, "unable to open database file", "cannot change the case log"),
        (5, "database is locked", "busy"),
    ],
)
def test_sqlite_errors_are_told_as_what_they_are(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, code: int, text: str, words: str
) -> None:
    store = CaseStore.open(paths)
    store.save_new(make_case())
    before = dump(store.path)
    real = store._conn

    class Failing:
        def execute(self, sql: str, *args: object) -> object:
            if sql.startswith("INSERT INTO events"):
                raise _error(code, text)
            return real.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

    store._conn = Failing()  # type: ignore[assignment]
    with pytest.raises(StoreError) as err:
        store.add_event(1, "note", "hello")
    store._conn = real
    assert words in err.value.message
    _never_corrupt(err.value.message)
    assert dump(store.path) == before


def test_corrupt_is_still_said_when_sqlite_says_so(tmp_path: Path) -> None:
    exc = sqlite3.DatabaseError("database disk image is malformed")
    exc.sqlite_errorcode = 11  # type: ignore[attr-defined]
    message = failures.describe(exc, tmp_path / "cases.db").message
    assert "corrupt" in message and "restore a backup" in message


def test_reading_falls_back_when_the_log_cannot_be_written(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CaseStore.open(paths)
    store.save_new(make_case())
    store.close()

    def no_space(path: Path, version: int, notices: list[str]) -> sqlite3.Connection:
        raise failures.describe(_error(13, "database or disk is full"), path)

    monkeypatch.setattr(db, "_open_read_write", no_space)
    with pytest.raises(StoreAccessError, match="no space left"):
        CaseStore.open(paths)
    with CaseStore.open(paths, allow_read_only=True) as reader:
        assert reader.read_only and "no space left" in reader.notices[0]
        assert [c.id for c in reader.list()] == ["CW-000001"]
        with pytest.raises(StoreError, match="read-only"):
            reader.add_event(1, "note", "x")


@pytest.mark.parametrize(
    ("where", "make", "says"),
    [
        ("cases.db", os.mkfifo, "a named pipe (FIFO)"),
        ("cases.db", os.mkdir, "a folder"),
        ("cases.db-wal", os.mkfifo, "a named pipe (FIFO)"),
    ],
    ids=["fifo-log", "folder-log", "fifo-wal"],
)
def test_a_log_that_is_not_a_regular_file_is_refused_before_sqlite_opens_it(
    home: Path, where: str, make: object, says: str
) -> None:
    """A FIFO where the log belongs would make SQLite wait forever (issue 10 F11): every open
    refuses it at once, in one line, and leaves it as it was."""
    if where.endswith("-wal"):
        with CaseStore.open(AppPaths.under(home)) as store:
            store.save_new(make_case())
        for extra in ("cases.db-wal", "cases.db-shm"):
            (home / extra).unlink(missing_ok=True)
    make(home / where)  # type: ignore[operator]
    before = (home / where).stat()
    with pytest.raises(StoreError, match=r"is " + re.escape(says) + ", not a case log file"):
        CaseStore.open(AppPaths.under(home))
    env = dict(os.environ, CASEWRITER_HOME=str(home), PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}")
    for args in (["log", "list"], ["log", "note", "1", "hi"], ["log", "export"]):
        proc = subprocess.run(
            [sys.executable, "-m", "casewriter", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=20,
        )
        assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc
        assert says in proc.stderr and "Traceback" not in proc.stderr
    after = (home / where).stat()
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
