"""The CLI skeleton: version, help, one-line errors, exit codes."""

from __future__ import annotations

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
