"""The README's set-up commands work as written (issue 10 item 1).

Every ``make X`` the README names is a Makefile target; ``make demo`` without a terminal makes
a demo home in a new temporary folder and prints commands that work from the checkout without
an activated venv; ``casewriter demo`` prints the command as it was invoked; and the README
says where ``make run`` keeps your data and how to keep it apart.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casewriter.commands.demo import program
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
MAKEFILE = (REPO / "Makefile").read_text(encoding="utf-8")


def _targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.MULTILINE))


def test_every_make_command_in_the_readme_is_a_target() -> None:
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)", README))
    assert {"run", "demo", "test", "check", "bench"} <= named
    assert named <= _targets()


def test_the_readme_says_where_make_run_keeps_your_data_and_how_to_keep_it_apart() -> None:
    setup = README[README.index("## Set-up") : README.index("## The app")]
    assert "make run` uses your real data folder" in setup
    for where in ("~/.local/share/casewriter/", "~/Library/Application Support/casewriter/"):
        assert where in setup
    assert "%LOCALAPPDATA%" in setup
    assert 'make run ARGS="--home' in setup and "CASEWRITER_HOME" in setup
    # The commands shown to look around work right after `make run`, without activating.
    look = setup[setup.index("To look around") :]
    commands = [
        line for line in look.splitlines() if line.startswith((".venv", "make", "casewriter"))
    ]
    assert commands and all(not c.startswith("casewriter") for c in commands)


def test_make_run_passes_args_to_casewriter() -> None:
    assert re.search(r"^run:.*\n\t\$\(BIN\)/casewriter \$\(ARGS\)$", MAKEFILE, re.MULTILINE)


def _run_stamp_is_current() -> bool:
    """``make demo`` would (re)install the package otherwise: not a thing for a test to do."""
    if shutil.which("make") is None:
        return False
    probe = subprocess.run(
        ["make", "-q", ".venv/.run-stamp"], cwd=REPO, capture_output=True, check=False
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _run_stamp_is_current(), reason="needs `make run`/`make test` first")
def test_make_demo_without_a_terminal_prints_commands_that_work(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "CASEWRITER_HOME"}
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        ["make", "--no-print-directory", "demo"],
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    homes = list(tmp_path.glob("casewriter-demo-*"))
    assert len(homes) == 1 and (homes[0] / "cases.db").is_file()
    assert f"Demo home ready: {homes[0]}" in result.stdout
    lines = [line.strip() for line in result.stdout.splitlines()]
    opener = lines[lines.index("Open it:") + 1]
    assert opener == f".venv/bin/casewriter --home {shlex.quote(str(homes[0]))}"
    # The printed command runs from the checkout as shown (no activated venv needed).
    due = subprocess.run(
        [*shlex.split(opener), "log", "list", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert due.returncode == 0, due.stderr
    assert len(json.loads(due.stdout)["cases"]) == 25


def test_the_demo_prints_the_command_as_it_was_invoked(tmp_path: Path) -> None:
    script = tmp_path / "venv" / "bin" / "casewriter"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    # Right after `make run`: not on PATH, so the path as typed.
    assert program(".venv/bin/casewriter", which="") == ".venv/bin/casewriter"
    # Venv activated (or installed): the name on PATH is this very script.
    assert program(str(script), which=str(script)) == "casewriter"
    # Another casewriter on PATH: not that one.
    assert program(str(script), which="/usr/bin/casewriter") == shlex.quote(str(script))
    # python -m casewriter
    assert program(str(REPO / "casewriter" / "__main__.py"), which="") == (
        f"{shlex.quote(sys.executable)} -m casewriter"
    )
    assert program("/a folder/casewriter", which="") == "'/a folder/casewriter'"
