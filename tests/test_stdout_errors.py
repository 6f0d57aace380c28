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
    assert res.err == (
        "casewriter: error: cannot write to standard output: no space left on the device; "
        "nothing done\n"
    )


WRITES = [
    ("log", "note", "CW-000001", "a note"),
    ("log", "follow-up", "CW-000001", "2026-06-01"),
    ("render", str(EXAMPLE), "--save"),
    ("scan", str(SAMPLES), "--draft"),
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("args", WRITES, ids=lambda a: " ".join(a[:2]))
def test_a_write_command_to_a_full_stdout_is_refused_before_it_writes(
    seeded: Path, args: tuple[str, ...]
) -> None:
    """Issue 10 F15: the note was saved, then "cannot write to standard output" (exit 1) made
    a retry save it twice. A stdout known to fail is refused first: nothing is changed."""
    before = _export(seeded)
    with open("/dev/full", "w") as full:
        res = _run(seeded, args, stdout=full)
    assert res.code == 1 and res.err.endswith("no space left on the device; nothing done\n"), res
    assert _export(seeded) == before


def _export(home: Path) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", "log", "export"],
        capture_output=True, text=True, env=_env(home), timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split('"cases"', 1)[1]  # without exported_at


def _limited(size: int) -> None:
    """In the child: files may not grow past ``size`` bytes (writes beyond fail, EFBIG)."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize(
    ("args", "label"),
    [
        (("log", "note", "CW-000001", "a note"), "log note"),
        (("scan", str(SAMPLES), "--draft"), "scan"),
    ],
    ids=["note", "scan-draft"],
)
def test_a_failed_print_after_the_commit_says_it_was_saved(
    seeded: Path, tmp_path: Path, args: tuple[str, ...], label: str
) -> None:
    """Standard output fails only after the change is committed (here: a file that may not
    grow, so every write to it fails while the log, far below the limit, is written): the line
    says what was saved and exit 3 says "done, do not repeat", never 1 ("nothing changed")."""
    if label == "scan":  # a log without the sample's open case, so the scan drafts one
        seeded = tmp_path / "fresh"
        seeded.mkdir()
    out = tmp_path / "out.txt"
    out.write_bytes(b"x" * 4_000_000)
    before = _export(seeded).count('"id"')
    with out.open("ab") as fh:
        res = _run(seeded, args, stdout=fh, preexec_fn=lambda: _limited(4_000_010))
    assert res.code == 3, res
    assert res.err.startswith(
        f"casewriter: error: {label}: saved to the case log, but could not print the result: "
    ), res.err
    assert "do not run it again" in res.err and res.err.count("\n") == 1
    after = _export(seeded)
    if label == "log note":
        assert after.count('"a note"') == 1
    else:
        assert after.count('"id"') > before


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
