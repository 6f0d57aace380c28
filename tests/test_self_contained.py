"""The repository is self-contained: no test, benchmark or code path reads outside its root.

A user's clone has nothing beside it (no design folder next to the checkout), so a path that climbs out of the
repository works on a developer machine and fails everywhere else. This test reads the sources
of ``casewriter/``, ``tests/``, ``bench/`` and ``docs/`` and fails on any path expression that
leaves the repository root: a literal ``..`` path segment, or ``.parent``/``.parents[n]`` chains
that climb above the root from the file that holds them.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO

SCANNED = ("casewriter", "tests", "bench", "docs")
# A literal "../" or "..\\" path segment inside a string that is used as a path here
# (a climbing path next to Path(, open(, __file__ …); hostile-input tests pass such strings as data.
DOTDOT_IN_STRING = re.compile(r"""["'][^"'\n]*\.\.[/\\][^"'\n]*["']""")
USED_AS_PATH = re.compile(r"Path\(|open\(|os\.path|chdir|__file__|\bREPO\b|\bROOT\b|SAMPLES")
# A name of the folder beside every developer checkout that users never have (spelled in two
# parts so this file does not name it itself).
OUTSIDE = "sha" + "red"
SHARED_FOLDER = re.compile(rf"""["']{OUTSIDE}["']|["'][^"'\n]*/{OUTSIDE}(?:/|["'])""")
# Path(__file__).resolve().parents[N] / Path(__file__).parent.parent...
PARENTS_INDEX = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]")
PARENT_CHAIN = re.compile(r"Path\(__file__\)(?:\.resolve\(\))?((?:\.parent)+)")
REPO_PARENT = re.compile(r"\bREPO(?:_ROOT)?\.parent\b")


def _sources() -> list[Path]:
    files: list[Path] = []
    for top in SCANNED:
        files.extend(p for p in (REPO / top).rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(files)


def _levels_to_root(path: Path) -> int:
    """How many ``.parent`` steps lead from ``path`` to the repository root
    (``tests/conftest.py``: two, ``.parent`` being ``tests/``)."""
    return len(path.relative_to(REPO).parts)


def _escapes(path: Path, text: str) -> list[str]:
    found: list[str] = []
    if path.resolve() == Path(__file__).resolve():
        return found  # this file names the patterns it looks for
    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{path.relative_to(REPO)}:{lineno}: {line.strip()}"
        dotdot = DOTDOT_IN_STRING.search(line) and USED_AS_PATH.search(line)
        if dotdot or SHARED_FOLDER.search(line) or REPO_PARENT.search(line):
            found.append(where)
            continue
        for match in PARENTS_INDEX.finditer(line):
            # parents[0] is the file's folder, the same as one .parent.
            if int(match.group(1)) + 1 > _levels_to_root(path):
                found.append(where)
        for match in PARENT_CHAIN.finditer(line):
            if match.group(1).count(".parent") > _levels_to_root(path):
                found.append(where)
    return found


def test_no_source_reads_outside_the_repository() -> None:
    escapes = [hit for path in _sources() for hit in _escapes(path, path.read_text("utf-8"))]
    assert escapes == [], "paths that leave the repository root:\n" + "\n".join(escapes)


def test_the_detector_catches_each_form(tmp_path: Path) -> None:
    """The patterns above really catch what they are for (a detector that finds nothing proves
    nothing)."""
    tests_file = REPO / "tests" / "tui" / "example.py"  # two levels below the root
    bad = [
        f'SAMPLES = REPO.parent / "{OUTSIDE}" / "samples"',
        f'open("../{OUTSIDE}/samples/reports/x.tsv")',
        f'SAMPLES = Path("/work/{OUTSIDE}/samples/reports")',
        "ROOT = Path(__file__).resolve().parents[3]",
        "ROOT = Path(__file__).parent.parent.parent.parent",
    ]
    good = [
        'SAMPLES = Path(__file__).resolve().parents[1] / "data"',
        "ROOT = Path(__file__).resolve().parents[2]",
        "ROOT = Path(__file__).parent.parent.parent",
        'x = "a..b"',
        'store.save("../../etc/passwd")',
    ]
    for line in bad:
        assert _escapes(tests_file, line), line
    for line in good:
        assert not _escapes(tests_file, line), line
