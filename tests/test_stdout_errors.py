"""Standard output that cannot be written: ``> /dev/full`` (no space left), a closed stdout
(``>&-``), and a reader that goes away (``casewriter log list | head -1``). Each is one line on
stderr (or, for the pipe, nothing: that is not an error), never a traceback, "Exception
ignored" or "internal error", and a closed stdout is refused before anything is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import NO_NETWORK_DIR, REPO, SAMPLES, CliResult
from tests.test_store import make_case

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
MANY = 1500  # cases: `log list --limit 2000` is ~150 KB, more than a pipe holds


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CASEWRITER_DEBUG", None)
    env["CASEWRITER_HOME"] = str(home)
    env["PYTHONPATH"] = f"{NO_NETWORK_DIR}{os.pathsep}{REPO}"
    return env


def _run(home: Path, args: tuple[str, ...], **kwargs: object) -> CliResult:
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", *args],
        stderr=subprocess.PIPE,
        text=True,
        env=_env(home),
        timeout=120,
        **kwargs,  # type: ignore[call-overload]
    )
    return CliResult(proc.returncode, "", proc.stderr)


@pytest.fixture
def seeded(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z", body="入库少件"))
    return home


@pytest.fixture(scope="module")
def big_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("big-home")
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units, the first of many"))
        first = next(iter(store.export_rows()))
        copies = [{**first, "id": f"CW-{n:06d}"} for n in range(2, MANY + 1)]
        assert store.import_rows(copies)["imported"] == MANY - 1  # one transaction: fast
    return home


COMMANDS = [
    ("--version",),
    ("check", "113-7746201-5580934"),
    ("types",),
    ("render", str(EXAMPLE)),
    ("render", str(EXAMPLE), "--out", "-"),
    ("templates", "show", "_base.md.j2"),
    ("log", "list"),
    ("log", "show", "CW-000001"),
    ("log", "export"),
    ("log", "export", "--format", "csv"),
    ("scan", str(SAMPLES)),
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:3])[:40])
def test_full_disk_on_stdout_is_one_line(seeded: Path, args: tuple[str, ...]) -> None:
    with open("/dev/full", "w") as full:
        res = _run(seeded, args, stdout=full)
    assert res.code == 1, res
    assert (
        res.err
        == "casewriter: error: cannot write to standard output: no space left on the device\n"
    )


@pytest.mark.parametrize("args", COMMANDS[:4] + [("log", "list"), ("log", "export")])
def test_closed_stdout_is_refused_before_anything(seeded: Path, args: tuple[str, ...]) -> None:
    res = _run(seeded, ("--home", str(seeded), *args), stdout=None, preexec_fn=lambda: os.close(1))
    assert res.code == 1, res
    assert res.err == "casewriter: error: standard output is closed; nothing done\n"


def test_closed_stdout_writes_nothing_to_the_log(seeded: Path) -> None:
    """With fd 1 closed, the log must not be opened as fd 1 (printed text would land in it),
    and the command is refused before it changes anything."""
    db = seeded / "cases.db"
    before = db.read_bytes()
    res = _run(seeded, ("log", "note", "CW-000001", "a note"), preexec_fn=lambda: os.close(1))
    assert res.code == 1 and "standard output is closed" in res.err
    assert db.read_bytes() == before
    check = subprocess.run(
        [sys.executable, "-m", "casewriter", "log", "show", "CW-000001"],
        capture_output=True, text=True, env=_env(seeded), timeout=120,
    )  # fmt: skip
    assert check.returncode == 0 and "a note" not in check.stdout


@pytest.mark.parametrize(
    "args",
    [("log", "list", "--limit", "2000"), ("log", "export"), ("log", "export", "--format", "csv"),
     ("log", "search", "Missing", "--limit", "2000")],
)  # fmt: skip
def test_reader_going_away_is_not_an_error(big_home: Path, args: tuple[str, ...]) -> None:
    """``casewriter log list | head -1``: the first line arrives, the reader closes the pipe,
    casewriter stops quietly with exit 0 (no traceback, no "Exception ignored")."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "casewriter", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(big_home),
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert first.strip()
    assert err == "" and code == 0, (code, err)


def test_shell_pipeline_to_head(big_home: Path) -> None:
    proc = subprocess.run(
        f"{sys.executable} -m casewriter log list --limit 2000 | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=_env(big_home),
        timeout=120,
    )
    assert proc.stdout.startswith("ID")
    assert proc.stderr == ""
