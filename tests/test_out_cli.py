"""Every ``--out`` through the real command line (``render --out``, ``log export --out``): a
planted symlink at the target or at any predictable temporary name is never followed, the file
written is 0600, ``-`` is standard output, a device, FIFO or folder is refused in one line, a
missing folder is named, and a write that fails leaves the old file and no leftovers."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import REPO, CliResult
from tests.test_store import make_case

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
PREDICTABLE_TMP = ("{n}.tmp", ".{n}.tmp", "{n}.part", ".{n}", "{n}~")

# (command, the --out file name it is given) for every command that takes --out
COMMANDS = [
    (("render", str(EXAMPLE)), "case.txt"),
    (("render", str(EXAMPLE), "--format", "json"), "case.json"),
    (("log", "export"), "log.json"),
    (("log", "export", "--format", "csv"), "log.csv"),
    (("log", "export", "--format", "ics"), "log.ics"),
]
IDS = ["render", "render-json", "export-json", "export-csv", "export-ics"]


@pytest.fixture
def seeded(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z", body="入库少件"))
    return home


def _one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize(("args", "name"), COMMANDS, ids=IDS)
def test_planted_symlinks_are_never_followed(  # type: ignore[no-untyped-def]
    cli, seeded: Path, tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("another file the user cares about\n")
    os.chmod(victim, 0o644)
    outdir = tmp_path / "outdir"
    outdir.mkdir()
    target = outdir / name
    target.symlink_to(victim)  # the issue: a link at the target made export overwrite it
    planted = [outdir / p.format(n=name) for p in PREDICTABLE_TMP]
    for link in planted:
        link.symlink_to(victim)
    res = cli(*args, "--out", str(target))
    assert res.code == 0, res
    assert victim.read_text() == "another file the user cares about\n"
    assert _mode(victim) == 0o644
    assert all(link.is_symlink() and link.resolve() == victim for link in planted)
    assert not target.is_symlink() and _mode(target) == 0o600
    assert target.stat().st_size > 0
    assert sorted(p.name for p in outdir.iterdir()) == sorted([name] + [p.name for p in planted])


@pytest.mark.parametrize(("args", "name"), COMMANDS, ids=IDS)
def test_dash_is_standard_output_and_same_bytes_as_the_file(  # type: ignore[no-untyped-def]
    cli, seeded: Path, tmp_path: Path, args: tuple[str, ...], name: str
) -> None:
    to_file = tmp_path / name
    assert cli(*args, "--out", str(to_file)).code == 0
    res = cli(*args, "--out", "-")
    assert res.code == 0, res
    assert not (Path.cwd() / "-").exists()
    written = to_file.read_text(encoding="utf-8")
    if name.endswith(".ics"):  # time stamps differ between the two runs
        assert res.out.splitlines()[0] == written.splitlines()[0] == "BEGIN:VCALENDAR"
    elif args[:2] == ("log", "export") and name.endswith(".json"):
        # the same bytes but for the export's own time stamp (the runs may straddle a second)
        stamp = re.compile(r'"exported_at": "[^"]*"')
        assert stamp.search(written) and stamp.search(res.out)
        assert stamp.sub("", res.out) == stamp.sub("", written)
    else:
        assert res.out == written


@pytest.mark.parametrize(("args", "name"), COMMANDS, ids=IDS)
@pytest.mark.parametrize("bad", ["folder", "device", "fifo", "missing-folder", "trailing-slash"])
def test_bad_targets_are_refused_and_nothing_is_written(  # type: ignore[no-untyped-def]
    cli, seeded: Path, tmp_path: Path, args: tuple[str, ...], name: str, bad: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = {
        "folder": str(folder),
        "device": "/dev/null",
        "fifo": str(folder / "pipe"),
        "missing-folder": str(folder / "no-such-folder" / name),
        "trailing-slash": str(folder / "newdir") + "/",
    }[bad]
    if bad == "fifo":
        os.mkfifo(target)
    before = sorted(p.name for p in folder.iterdir())
    res = cli(*args, "--out", target)
    _one_line_error(res)
    expected = {
        "folder": "is a folder; give a file name",
        "device": "is not a regular file (a device, pipe or socket)",
        "fifo": "is not a regular file (a device, pipe or socket)",
        "missing-folder": "does not exist",
        "trailing-slash": "does not exist; give a file name",
    }[bad]
    assert expected in res.err and "--out" in res.err
    assert sorted(p.name for p in folder.iterdir()) == before
    assert res.out == ""


def test_export_replaces_an_existing_file_atomically(cli, seeded: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "log.json"
    target.write_text("old export\n")
    os.chmod(target, 0o644)
    res = cli("log", "export", "--out", str(target), "--json")
    assert res.code == 0, res
    assert json.loads(res.out) == {"path": str(target), "format": "json", "cases": 1}
    assert json.loads(target.read_text())["cases"][0]["subject"] == "Missing units FBA17XKQ9M2Z"
    assert _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("failing", ["fsync", "replace"])
@pytest.mark.parametrize(
    "args", [("render", str(EXAMPLE)), ("log", "export")], ids=["render", "log export"]
)
def test_a_failing_write_keeps_the_old_file_and_leaves_no_leftovers(
    seeded: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    failing: str,
) -> None:
    """The disk fills up (ENOSPC) during the write: the real command, run in this process so
    the failure can be injected, says so in one line and changes nothing."""
    from casewriter.__main__ import main

    outdir = tmp_path / "out"
    outdir.mkdir()
    target = outdir / "result.txt"
    target.write_text("the previous result\n")
    real = getattr(os, failing)

    def full(*a: object, **k: object) -> object:
        if failing == "replace" and not str(a[1]).startswith(str(outdir)):
            return real(*a, **k)  # only the --out rename fails
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, full)
    code = main(["--home", str(seeded), *args, "--out", str(target)])
    monkeypatch.undo()
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (
        f"casewriter: error: cannot write {target}: no space left on the device\n"
    )
    assert target.read_text() == "the previous result\n"
    assert [p.name for p in outdir.iterdir()] == ["result.txt"]
