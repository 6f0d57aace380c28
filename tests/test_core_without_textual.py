"""The core commands run without Textual: ``render``, ``log``, ``scan``, ``health``, ``types``
and ``templates`` never import it (only ``casewriter/tui`` may), and no core module does either.

Each command runs in a fresh interpreter that then lists what got imported.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLES

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"

PROBE = """
import contextlib, io, json, sys
from casewriter.__main__ import main
out = io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(args: list[str], home: Path) -> tuple[int, set[str]]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(["--home", str(home), *args])],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-500:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return int(result["code"]), {m.split(".")[0] for m in result["modules"]}


@pytest.mark.parametrize(
    "args",
    [
        ["types"],
        ["templates", "list"],
        ["render", str(EXAMPLE), "--as-of", "2026-06-30"],
        ["render", str(EXAMPLE), "--as-of", "2026-06-30", "--save"],
        ["log", "list"],
        ["log", "due"],
        ["scan", str(SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"), "--as-of", "2026-06-30"],
        ["health", str(REPO / "tests" / "data" / "health" / "hanamori"), "--as-of", "2026-11-05"],
        ["health", "record", "--marketplace", "JP", "--odr", "0.3"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_core_commands_do_not_import_textual(args: list[str], home: Path) -> None:
    code, modules = imported_by(args, home)
    assert code == 0
    assert "textual" not in modules


def test_no_core_module_imports_textual() -> None:
    offenders = []
    for path in (REPO / "casewriter").rglob("*.py"):
        if "tui" in path.relative_to(REPO / "casewriter").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith("textual.") for n in names):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []
