"""The wheel ships the built-in templates, and an installed copy finds them.

With a flat layout pytest imports from the checkout, which would hide a packaging mistake,
so this builds the real wheel and looks inside it.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from casewriter.paths import builtin_templates_dir

REPO = Path(__file__).resolve().parent.parent


def test_checkout_finds_builtin_templates() -> None:
    folder = builtin_templates_dir()
    assert folder.is_dir()
    assert (folder / "case_types").is_dir()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-800:]}")
    wheels = list(out.glob("casewriter-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_templates_and_catalog(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {n for n in names if n.startswith("casewriter/templates/")}
    in_repo = {
        "casewriter/templates/" + p.relative_to(REPO / "templates").as_posix()
        for p in (REPO / "templates").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert in_repo, "templates/ is empty"
    assert in_repo <= shipped, f"missing from the wheel: {sorted(in_repo - shipped)[:5]}"
    assert any(n.endswith(".toml") and "/case_types/" in n for n in shipped)
    assert "casewriter/__main__.py" in names
    assert "casewriter/engine/sandbox/limits.toml" in names  # the render budget's limits (data)
    assert "casewriter/reports/data/settlement.toml" in names  # payments inside settlements
    demo = REPO / "casewriter" / "services" / "demo_data" / "reports"
    sample_reports = {
        f"casewriter/{p.relative_to(REPO / 'casewriter').as_posix()}" for p in demo.glob("*.tsv")
    }
    assert sample_reports and sample_reports <= names  # ``casewriter demo`` copies them
