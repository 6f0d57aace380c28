"""Acceptance, issue 10 §1: a clean clone passes its tests, and the README's set-up commands
work for a new user.

The fresh clone itself was tried by hand (``git clone`` of this branch into an empty folder in
/tmp, ``make test``; a second time with /work hidden by an empty tmpfs in ``unshare -Urm``, so
nothing outside the clone could be read): both runs failed on one time-dependent test, which
``test_out_json_comparison_survives_a_second_boundary`` reproduces deterministically.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import tests.test_out_cli as out_cli
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import NO_NETWORK_DIR, REPO, CliResult, run_cli
from tests.test_store import make_case


def _tracked_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True, timeout=30
        ).stdout
    except (OSError, subprocess.SubprocessError):
        pytest.skip("not a git checkout")
    return [REPO / name for name in listed.decode("utf-8").split("\0") if name]


def test_no_tracked_file_names_a_path_outside_the_checkout() -> None:
    """Sources, Makefile, pyproject, data and tests: no absolute path of this machine and no
    path to the design folder beside the checkout (docs may point at it as a reference, never
    as a read)."""
    offenders = []
    outside = "sha" + "red"  # in two parts, so this file does not name the folder itself
    pattern = re.compile(rf"/work/|/tmp/acc|\.\./{outside}|\.\.\\{outside}")
    for path in _tracked_files():
        if path.suffix in (".png", ".svg", ".db") or "docs" in path.relative_to(REPO).parts:
            continue
        if path.name == "test_self_contained.py":  # names the patterns it looks for
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            if pattern.search(line) and "acceptance" not in path.parts:
                offenders.append(f"{path.relative_to(REPO)}:{lineno}: {line.strip()[:100]}")
    assert offenders == []


def test_readme_demo_commands_work_as_printed(tmp_path: Path) -> None:
    """``casewriter demo`` (what ``make demo`` runs, and the README's second command) makes a
    new home in a temporary folder, leaves the user's data folders alone, and every command it
    prints works as printed."""
    env = dict(
        os.environ,
        TMPDIR=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}",
    )
    env.pop("CASEWRITER_HOME", None)
    made = subprocess.run(
        [sys.executable, "-m", "casewriter", "demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert made.returncode == 0, made
    assert not (tmp_path / "xdg-data").exists() and not (tmp_path / "xdg-config").exists()
    commands = [
        shlex.split(line.strip())
        for line in made.stdout.splitlines()
        if line.strip().startswith(sys.executable) and (" log " in line or " scan " in line)
    ]
    assert len(commands) >= 3, made.stdout
    for argv in commands:  # run literally, as a user pasting the line would
        res = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
        assert res.returncode == 0 and res.stdout.strip(), (argv, res.stderr)
    home = Path(commands[0][commands[0].index("--home") + 1])
    assert home.is_relative_to(tmp_path)


def test_out_json_comparison_survives_a_second_boundary(home: Path, tmp_path: Path) -> None:
    """The builders' ``test_dash_is_standard_output_and_same_bytes_as_the_file[export-json]``,
    run as written, with its second command started just after a wall-clock second turned
    (what a loaded machine does by chance)."""
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z", body="入库少件"))
    calls = 0

    def slow_cli(*args: str, **kwargs: Any) -> CliResult:
        nonlocal calls
        calls += 1
        if calls == 2:
            second = int(time.time())
            while int(time.time()) == second:
                time.sleep(0.01)
        return run_cli(*args, home=home, **kwargs)

    out_cli.test_dash_is_standard_output_and_same_bytes_as_the_file(
        slow_cli, home, tmp_path, ("log", "export"), "log.json"
    )


def test_json_export_records_when_it_was_made(cli: Any, home: Path) -> None:
    """(Why the comparison above is time-dependent: the export is stamped to the second.)"""
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case())
    doc = json.loads(cli("log", "export").out)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["exported_at"])
