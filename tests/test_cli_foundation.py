"""The CLI skeleton: version, help, one-line errors, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from casewriter import __version__
from tests.conftest import run_cli, run_cli_process


def test_version() -> None:
    """``python -m casewriter`` itself, in a process of its own."""
    result = run_cli_process("--version")
    assert result.code == 0
    assert result.out.strip() == f"casewriter {__version__}"


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.code == 0
    assert "casewriter" in result.out


def test_unknown_command_is_one_line_exit_2() -> None:
    result = run_cli("no-such-command")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("casewriter: error: ")
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "args",
    [
        ("log", "show", "CW-" + "9" * 100_000),
        ("log", "list", "--status", "x" * 100_000),
        ("check", "--kind", "k" * 100_000, "1"),
        ("render", "/tmp/" + "x" * 100_000),
        ("log", "follow-up", "1", "9" * 100_000),
    ],
    ids=["log-show", "argparse-choice", "check-kind", "render-path", "follow-up-date"],
)
def test_error_lines_stay_short_whatever_was_typed(cli, home: Path, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 F20: a 100,000-character argument is quoted cut, in one line, by every path to
    an error (the command's own check, argparse, a file name, a date)."""
    res = cli(*args)
    assert res.code in (1, 2) and res.err.startswith("casewriter: error: "), res.err[:300]
    assert res.err.count("\n") == 1 and len(res.err) < 600, len(res.err)
    assert "…" in res.err
