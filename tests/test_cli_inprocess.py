"""The ``cli`` fixture runs ``casewriter`` in the test process (tests/conftest.py): what it
returns is what a user's ``python -m casewriter`` prints, byte for byte, and a run leaves
nothing behind in the process for the next test to trip on (streams, argv, environment, time
zone, working folder, umask, signal handlers, threads, open files)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import (
    REPO,
    SAMPLES,
    CliResult,
    _exit_code,
    pytest_collection_modifyitems,
    run_cli,
    run_cli_inprocess,
    run_cli_process,
)

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"
LEDGER = SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
PASTED = "Shipment FBA17XKQ9M2Z\r\n货件 X003KQ7ZP1, order 113-7746201-5580934 \x1b[2J\u202e done\n"

#: (arguments, standard input, environment): output and exit code that hold no clock time.
SAME = [
    (("--version",), None, None),
    (("--help",), None, None),
    (("no-such-command",), None, None),
    (("check", "B0C7QX3N5L", "RR123456785TW", "LP00987654321012", "--json"), None, None),
    (("check",), "FBA17XKQ9M2Z\n\n  X003KQ7ZP1 \n", None),
    (("extract", "-"), PASTED, None),
    (("extract", "-", "--json"), PASTED, None),
    (("render", str(EXAMPLE), "--as-of", "2026-04-20"), None, None),
    (("render", str(EXAMPLE), "--format", "json", "--as-of", "2026-04-20"), None, None),
    (
        ("render", "-", "--format", "markdown", "--as-of", "2026-04-20"),
        EXAMPLE.read_text("utf-8"),
        None,
    ),  # fmt: skip
    (("render", "no-such-case.toml"), None, None),
    (("types", "--json"), None, None),
    (("templates", "list"), None, None),
    (("log", "list", "--json"), None, None),
    (("log", "due"), None, {"TZ": "Asia/Shanghai"}),
    (("scan", str(LEDGER), "--as-of", "2026-06-30"), None, None),
    (("--lang", "zh", "render", str(EXAMPLE), "--as-of", "2026-04-20"), None, None),
    (("log", "show", "CW-000001"), None, None),
]


@pytest.mark.parametrize(("args", "stdin", "env"), SAME, ids=[" ".join(a)[:40] for a, _, _ in SAME])
def test_in_process_run_prints_what_a_process_prints(
    tmp_path: Path, args: tuple[str, ...], stdin: str | None, env: dict[str, str] | None
) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    got = run_cli_inprocess(*args, home=inside, stdin=stdin, env=env)
    want = run_cli_process(*args, home=outside, stdin=stdin, env=env)
    assert got == CliResult(
        want.code,
        want.out.replace(str(outside), str(inside)),
        want.err.replace(str(outside), str(inside)),
    )


def _state() -> dict[str, Any]:
    """What a command could change in the process and a later test would notice."""
    old_mask = os.umask(0o022)
    os.umask(old_mask)
    return {
        "streams": (sys.stdin, sys.stdout, sys.stderr),
        "argv": list(sys.argv),
        "environ": dict(os.environ),
        "cwd": os.getcwd(),
        "umask": old_mask,
        "tempdir": tempfile.tempdir,
        "timezone": (time.timezone, time.tzname),
        "signals": {
            s: signal.getsignal(s)
            for s in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE, signal.SIGHUP)
        },  # fmt: skip
        "threads": threading.active_count(),
        "open files": sorted(os.listdir("/proc/self/fd")),
        "sys.path": list(sys.path),
        "warnings": list(warnings.filters),
        "logging": list(logging.getLogger().handlers),
        "recursion": sys.getrecursionlimit(),
        "int digits": sys.get_int_max_str_digits(),
    }


def test_a_run_leaves_the_process_as_it_found_it(home: Path, tmp_path: Path) -> None:
    import gc

    saved = home / "saved.md"
    commands: list[tuple[tuple[str, ...], str | None, dict[str, str] | None]] = [
        (("render", str(EXAMPLE), "--save", "--json"), None, None),
        (("log", "note", "CW-000001", "a note 中文"), None, None),
        (("log", "export", "--out", "-"), None, None),
        (("log", "export", "--format", "csv", "--out", str(tmp_path / "x.csv")), None, None),
        (("log", "due"), None, {"TZ": "America/New_York", "TMPDIR": str(tmp_path)}),
        (("scan", str(LEDGER), "--as-of", "2026-06-30", "--draft"), None, None),
        (("render", "-", "--out", str(saved)), EXAMPLE.read_text("utf-8"), None),
        (("templates", "copy", "_oer.md.j2"), None, None),
        (("demo",), None, {"TMPDIR": str(tmp_path)}),
        (("log", "show", "CW-999999"), None, None),
        (("check", "\udcff"), None, None),  # an argument that is not UTF-8
        (("extract", "-"), "x" * 10, {"CASEWRITER_DEBUG": "1"}),
    ]
    run_cli("--version")  # modules the CLI imports once are not what this test is about
    gc.collect()
    before = _state()
    for args, stdin, env in commands:
        result = run_cli(*args, home=home, stdin=stdin, env=env)
        assert "Traceback" not in result.err, (args, result.err)
        gc.collect()
        assert _state() == before, args
    assert saved.is_file()


def test_the_same_command_twice_gives_the_same_answer(home: Path) -> None:
    first = run_cli("render", str(EXAMPLE), "--save", "--json", home=home)
    again = run_cli("render", str(EXAMPLE), "--save", "--json", home=home)
    assert first.code == again.code == 0
    assert '"CW-000001"' in first.out and '"CW-000002"' in again.out
    assert "open case" in again.err  # the duplicate warning: the log, not a cache, was read
    lists = [run_cli("log", "list", "--json", home=home) for _ in range(2)]
    assert lists[0] == lists[1]


def _no_main_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make an in-process run impossible: only a real process can still answer."""

    def refuse(argv: list[str]) -> int:
        raise AssertionError("ran in the test process")

    monkeypatch.setattr("casewriter.__main__.main", refuse)


def test_the_app_always_gets_a_process_of_its_own(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_main_here(monkeypatch)
    (home / "cases.db").write_bytes(b"not a database" * 50)
    result = run_cli(home=home)  # no command: the Textual app, which must not run in pytest
    assert result.code == 1 and "not a casewriter case log" in result.err
    assert "Traceback" not in result.err


def _raises(exc: BaseException) -> Callable[[list[str]], int]:
    def main(argv: list[str]) -> int:
        raise exc

    return main


@pytest.mark.parametrize(
    ("exc", "code", "said"),
    [
        (SystemExit(3), 3, ""),
        (SystemExit(None), 0, ""),
        (SystemExit("bye"), 1, "bye\n"),
        (RuntimeError("boom"), 1, "Traceback"),
    ],
)
def test_exit_codes_are_what_python_would_exit_with(
    exc: BaseException, code: int, said: str
) -> None:
    import io

    err = io.StringIO()
    assert _exit_code(_raises(exc), [], err) == code
    assert said in err.getvalue() if said else err.getvalue() == ""


def test_shuffle_reorders_the_suite_the_same_way_for_a_seed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = list(range(200))
    monkeypatch.setenv("CASEWRITER_TEST_SHUFFLE", "7")
    first, second = list(items), list(items)
    pytest_collection_modifyitems(None, first)  # type: ignore[arg-type]
    pytest_collection_modifyitems(None, second)  # type: ignore[arg-type]
    assert first == second != items and sorted(first) == items
    monkeypatch.delenv("CASEWRITER_TEST_SHUFFLE")
    same = list(items)
    pytest_collection_modifyitems(None, same)  # type: ignore[arg-type]
    assert same == items


@pytest.mark.real_process
def test_a_real_process_marker_starts_one(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_main_here(monkeypatch)
    result = cli("check", "B0C7QX3N5L")
    assert result.code == 0 and "B0C7QX3N5L" in result.out


def test_without_the_marker_cli_runs_here(
    cli: Callable[..., CliResult], monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_main_here(monkeypatch)
    result = cli("check", "B0C7QX3N5L")
    if os.environ.get("CASEWRITER_TEST_SUBPROCESS"):  # every call a process: main is not ours
        assert result.code == 0
    else:
        assert result.code == 1 and "AssertionError: ran in the test process" in result.err
