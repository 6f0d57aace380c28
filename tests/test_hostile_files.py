"""Inputs that are not what a file should be: a FIFO (blocks forever when read), a device
(``/dev/zero`` never ends), a 2 GB sparse file (exhausts memory when read whole), and a document
nested 200,000 levels deep (``RecursionError``). Wherever casewriter expects a file (case file,
``config.toml``, ``extract``'s file, report files for ``scan``, a user case type, standard input
for ``render -``/``extract -``, autosaves) each is one line and a non-zero exit, at once.
Also: ``--home`` naming a file, and a ``config.toml`` that cannot be read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.tui import autosave
from tests.conftest import NO_NETWORK_DIR, REPO, SAMPLES, CliResult, run_cli

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
DEEP = 200_000
TWO_GB = 2 * 1024**3


def _one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _sparse(path: Path) -> Path:
    with path.open("wb") as fh:
        fh.truncate(TWO_GB)
    return path


def _zero_link(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


KINDS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "is not a regular file (a device, pipe or socket)"),
    "dev-zero": (_zero_link, "is not a regular file (a device, pipe or socket)"),
    "sparse-2gb": (_sparse, "too large for"),
}


@pytest.fixture
def timed() -> Iterator[None]:
    """Each refusal is immediate: nothing waits on a FIFO or reads gigabytes."""
    start = time.monotonic()
    yield
    assert time.monotonic() - start < 30


# --- non-regular and huge files where a file is expected ----------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_case_file(cli, tmp_path: Path, kind: str, timed: None) -> None:  # type: ignore[no-untyped-def]
    make, message = KINDS[kind]
    res = cli("render", str(make(tmp_path / "case.toml")))
    _one_line_error(res)
    assert message in res.err and "case file" in res.err


@pytest.mark.parametrize("kind", KINDS)
def test_config_file(cli, home: Path, kind: str, timed: None) -> None:  # type: ignore[no-untyped-def]
    make, message = KINDS[kind]
    make(home / "config.toml")
    res = cli("render", str(EXAMPLE))
    _one_line_error(res)
    assert message in res.err and "config.toml" in res.err and "config file" in res.err


@pytest.mark.parametrize("kind", KINDS)
def test_extract_file(cli, tmp_path: Path, kind: str, timed: None) -> None:  # type: ignore[no-untyped-def]
    make, message = KINDS[kind]
    res = cli("extract", str(make(tmp_path / "message.txt")))
    _one_line_error(res)
    assert message in res.err and "text file" in res.err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_scan_report(cli, tmp_path: Path, kind: str, timed: None) -> None:  # type: ignore[no-untyped-def]
    """Reports are streamed (a big one is fine), but a FIFO or a device is refused."""
    make, message = KINDS[kind]
    res = cli("scan", str(make(tmp_path / "GET_LEDGER_DETAIL_VIEW_DATA.tsv")))
    _one_line_error(res)
    assert message in res.err and "report file" in res.err


def test_scan_folder_skips_a_fifo_among_reports(cli, tmp_path: Path, timed: None) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    shutil.copytree(SAMPLES, folder)
    _fifo(folder / "zz-pipe.tsv")
    res = cli("scan", str(folder), "--as-of", "2026-06-30")
    assert res.code == 0, res
    assert "total: 3 finding(s)" in res.out


@pytest.mark.parametrize("kind", KINDS)
def test_user_case_type_file(cli, home: Path, kind: str, timed: None) -> None:  # type: ignore[no-untyped-def]
    make, message = KINDS[kind]
    folder = home / "templates" / "case_types"
    folder.mkdir(parents=True)
    make(folder / "my-type.toml")
    res = cli("types")
    _one_line_error(res)
    assert message in res.err and "my-type.toml" in res.err


@pytest.mark.parametrize("command", [("render", "-"), ("extract", "-")])
def test_endless_standard_input_is_capped(
    home: Path, command: tuple[str, ...], timed: None
) -> None:
    """``casewriter render - < /dev/zero``: read up to the cap, then one line."""
    env = {**os.environ, "CASEWRITER_HOME": str(home), "PYTHONPATH": f"{NO_NETWORK_DIR}:{REPO}"}
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [sys.executable, "-m", "casewriter", *command],
            stdin=zero,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    res = CliResult(proc.returncode, proc.stdout, proc.stderr)
    _one_line_error(res)
    assert "standard input: too large" in res.err


def test_autosave_listing_skips_a_fifo_and_a_huge_file(paths: AppPaths, timed: None) -> None:
    """The TUI lists autosaves on start: a FIFO there must not hang it."""
    good = autosave.save(paths, "good", {"case_type": "warehouse-lost"}, step="type")
    _fifo(paths.autosave_dir / "pipe.json")
    _sparse(paths.autosave_dir / "huge.json")
    with pytest.warns(autosave.AutosaveWarning) as warned:
        entries = autosave.list_pending(paths)
    assert [e.path for e in entries] == [good]
    text = " ".join(str(w.message) for w in warned)
    assert "not a regular file" in text and "too large" in text


# --- nesting ------------------------------------------------------------------------------


def _deep_json(depth: int) -> str:
    return '{"case_type": "warehouse-lost", "narrative": {"x": ' + "[" * depth + "]" * depth + "}}"


def _deep_toml(depth: int) -> str:
    return 'case_type = "warehouse-lost"\nx = ' + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("depth", [DEEP, 60])
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_deeply_nested_case_file(cli, tmp_path: Path, fmt: str, depth: int) -> None:  # type: ignore[no-untyped-def]
    """200,000 levels (the parser's RecursionError) and 60 (parses, but deeper than any real
    document): both one line naming the file."""
    case = tmp_path / f"deep.{fmt}"
    case.write_text(_deep_json(depth) if fmt == "json" else _deep_toml(depth))
    res = cli("render", str(case))
    _one_line_error(res)
    assert f"not valid {fmt.upper()}: nested too deeply" in res.err and "deep." in res.err


def test_deeply_nested_case_file_on_standard_input(cli) -> None:  # type: ignore[no-untyped-def]
    res = cli("render", "-", stdin=_deep_json(DEEP))
    _one_line_error(res)
    assert "stdin: not valid JSON: nested too deeply" in res.err


def test_deeply_nested_config_and_case_type(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").write_text("lang = " + "[" * DEEP + "]" * DEEP + "\n")
    res = cli("types")
    _one_line_error(res)
    assert "config.toml: not valid TOML: nested too deeply" in res.err
    (home / "config.toml").unlink()
    folder = home / "templates" / "case_types"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text(_deep_toml(DEEP))
    res = cli("types")
    _one_line_error(res)
    assert "deep.toml: not valid TOML: nested too deeply" in res.err


def test_deeply_nested_autosave_is_skipped(paths: AppPaths) -> None:
    paths.autosave_dir.mkdir(parents=True)
    (paths.autosave_dir / "deep.json").write_text(
        '{"version": 1, "draft": ' + "[" * DEEP + "]" * DEEP + "}"
    )
    with pytest.warns(autosave.AutosaveWarning, match="nested too deeply"):
        assert autosave.list_pending(paths) == []


def test_a_number_too_long_to_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = tmp_path / "long.json"
    case.write_text('{"case_type": "warehouse-lost", "facts": {"units_lost": ' + "9" * 5000 + "}}")
    res = cli("render", str(case))
    _one_line_error(res)
    assert "a number is too long" in res.err


# --- the home folder and config.toml themselves ------------------------------------------


@pytest.mark.parametrize("command", [("types",), ("log", "list"), ("render", str(EXAMPLE), "--save"),
                                     ("templates", "copy", "_oer.md.j2"), ("scan", str(SAMPLES))])  # fmt: skip
def test_home_that_is_a_file(tmp_path: Path, command: tuple[str, ...]) -> None:
    afile = tmp_path / "not-a-folder"
    afile.write_text("I am a file\n")
    res = run_cli("--home", str(afile), *command)
    _one_line_error(res)
    assert f"--home: {afile} is a file, not a folder" in res.err
    res = run_cli(*command, env={"CASEWRITER_HOME": str(afile / "sub")})
    _one_line_error(res)
    assert f"CASEWRITER_HOME: {afile / 'sub'}: {afile} is a file, not a folder" in res.err
    assert afile.read_text() == "I am a file\n"


def test_home_that_cannot_be_a_folder(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for home, message in (
        ("~no-such-user-here/cases", "is not a folder casewriter can use"),
        (str(loop), "is not a folder casewriter can use"),
        ("", "--home: give a folder"),
    ):
        res = run_cli("--home", home, "log", "list")
        _one_line_error(res)
        assert message in res.err


def test_config_that_is_a_folder(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    (home / "config.toml").mkdir()
    res = cli("types")
    _one_line_error(res)
    assert "config.toml: is a folder, not a config file" in res.err


def test_unreadable_config_is_one_line(
    cli, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """Permission denied on config.toml: one line saying so. Root reads any file, so as root
    the denial is injected (the real command, run in this process) instead of by chmod."""
    config = home / "config.toml"
    config.write_text('lang = "en"\n')
    if os.geteuid() != 0:
        os.chmod(config, 0)
        res = cli("types")
    else:
        from casewriter.__main__ import main

        real_open = os.open

        def denied(path: object, *args: object, **kwargs: object) -> int:
            if str(path) == str(config):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", denied)
        code = main(["--home", str(home), "types"])
        monkeypatch.undo()
        captured = capsys.readouterr()
        res = CliResult(code, captured.out, captured.err)
    _one_line_error(res)
    assert f"{config}: cannot read: permission denied" in res.err
