"""The package layout holds (docs/architecture.md, "Layers"): the import-linter contracts of
pyproject.toml are kept, they do catch a broken layer, no module is part of an import cycle, and
no module reaches another package's private names.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

from tests.conftest import REPO

PACKAGE = REPO / "casewriter"
CONTRACT_NAMES = (
    "__main__ > commands > tui > services > health > reports > store | engine > identifiers > base",
    "Only casewriter.tui imports Textual",
    "Report scanning does not touch the case log (services compose them)",
    "The engine is used through casewriter.engine (its __init__) only",
    "Identifiers are used through casewriter.identifiers (its __init__) only",
    "No import cycles between the modules of any package",
)


def test_the_import_contracts_are_kept() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True)
    assert code == 0, out.getvalue()[-3000:]
    assert f"Contracts: {len(CONTRACT_NAMES)} kept, 0 broken." in out.getvalue()


#: One import that breaks each contract, added to a copy of the package, and what the report
#: then says about it.
BREAKS = {
    "reports/values.py": (
        "from casewriter.store import CaseStore",
        "casewriter.reports.values -> casewriter.store",
    ),
    "commands/check.py": (
        "from casewriter.engine.rendering import Engine",
        "casewriter.commands.check -> casewriter.engine.rendering",
    ),
    "store/stats.py": ("import textual", "casewriter.store.stats -> textual"),
    "store/model.py": ("from casewriter.store import cases", ".model -> .cases"),
    "store/search.py": (
        "from casewriter.engine import Engine",
        "casewriter.store.search -> casewriter.engine",
    ),
    "store/formats.py": (
        "from casewriter.identifiers.kinds import KINDS",
        "casewriter.store.formats -> casewriter.identifiers.kinds",
    ),
}


def test_each_contract_catches_the_import_that_breaks_it(tmp_path: Path) -> None:
    copy = tmp_path / "casewriter"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for module, (line, _said) in BREAKS.items():
        target = copy / module
        target.write_text(f"{target.read_text(encoding='utf-8')}\n{line}  # noqa\n", "utf-8")
    probe = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the copy before the checkout
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    report = " ".join(proc.stdout.split())  # the report wraps long contract names
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert f"Contracts: 0 kept, {len(CONTRACT_NAMES)} broken." in report
    for name in CONTRACT_NAMES:
        assert f"{name} BROKEN" in report
    for _line, said in BREAKS.values():
        assert said in report


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_module_is_part_of_an_import_cycle() -> None:
    """Every import counts: module level, inside functions and under TYPE_CHECKING."""
    graph = grimp.build_graph("casewriter", cache_dir=None)
    assert len(graph.modules) > 100
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("p", "p.a", "p.b", "p.c"):
        graph.add_module(module)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.c")
    graph.add_import(importer="p.c", imported="p.a")
    assert _cycles(graph) == [["p.a", "p.b", "p.c"]]


def _package_of(module: str) -> str:
    """``casewriter.store.cases`` -> ``casewriter.store``; a root module is its own package."""
    return ".".join(module.split(".")[:2])


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_name(path: Path) -> str:
    return path.relative_to(REPO).with_suffix("").as_posix().replace("/", ".")


def _private_reaches(source: str, rel: str) -> list[str]:
    """``from casewriter.x import _name`` and ``module._name`` across a package boundary, in the
    ``source`` of module ``rel``."""
    here = _package_of(rel.removesuffix(".__init__"))
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> casewriter module it refers to
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("casewriter"):
            assert node.module is not None
            for alias in node.names:
                if _private(alias.name) and _package_of(node.module) != here:
                    found.append(f"{rel}:{node.lineno} imports {node.module}.{alias.name}")
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("casewriter"):
                    modules[alias.asname or alias.name] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and _private(node.attr)
            and _package_of(modules[node.value.id]) != here
        ):
            found.append(f"{rel}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_no_module_reaches_another_packages_private_names() -> None:
    offenders = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        for hit in _private_reaches(path.read_text(encoding="utf-8"), _module_name(path))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from casewriter.engine.checklist import _check_attachment\n", 1),
        ("from casewriter.store import db\ndb._open_read_write(1, 2, [])\n", 1),
        ("from casewriter.tui.wizard.state import _mapping\n", 0),  # inside its own package
        ("from casewriter.engine import check_attachment\n", 0),
    ],
)
def test_the_private_name_check_sees_a_reach(source: str, expected: int) -> None:
    hits = _private_reaches(source, "casewriter.tui.wizard.validators")
    assert len(hits) == expected, hits
