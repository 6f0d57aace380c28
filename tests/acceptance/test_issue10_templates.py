"""Acceptance, issue 10 §4: hostile user templates stop within the budget with file and line.

Templates the builders' suite (tests/test_template_budget.py) does not list: widths and
precisions taken from arguments (``'{0:{1}}'``, ``'%.*f'``), ``tojson(indent=…)``, empty-pattern
``replace``, ``xmlattr`` repetition, ``map('center', …)``, deep nesting built in a loop, deeply
nested literals and statements, and Python errors a template can raise (``%c`` out of range,
division by zero, float overflow). Each goes through the real engine (user template folder
over the fixture case type); each must end in one ``TemplateError`` line naming the file, fast
and small. One runs through the real CLI.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.engine import Engine
from casewriter.errors import TemplateError
from casewriter.paths import AppPaths
from tests.conftest import REPO
from tests.test_engine import DATA, draft
from tests.test_template_budget import AS_OF

TEMPLATE = "case_types/widget-lost.md.j2"
PEAK_BYTES = 48 * 1024 * 1024
SLACK_S = 1.0

HOSTILE = {
    "format-width-from-argument": "{{ '{0:{1}}'.format(1, 999999999) }}",
    "format-width-keyword": "{{ '{:{w}}'.format(1, w=999999999) }}",
    "format-precision": "{{ '{:.999999999f}'.format(1.5) }}",
    "printf-star-precision": "{{ '%.*f' % (999999999, 1.5) }}",
    "printf-precision": "{{ '%.999999999f' % 1.5 }}",
    "format-filter-mapping": "{{ '%(a)999999999s'|format(a=1) }}",
    "tojson-indent": "{{ {'a': [1, 2, 3]}|tojson(indent=999999999) }}",
    "replace-empty-pattern": "{{ ('x' * 1000).replace('', 'y' * 1000) }}",
    "xmlattr-repeat": "{{ {'a': 'x' * 100000}|xmlattr * 10 }}",
    "map-center": "{{ ['a']|map('center', 999999999)|list }}",
    "string-times-string-times": "{{ 100000 * 'x' * 100000 }}",
    "nested-list-built-in-loop": (
        "{% set ns = namespace(l=[]) %}{% for i in range(20000) %}"
        "{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l }}"
    ),
    "nested-list-tojson": (
        "{% set ns = namespace(l=[]) %}{% for i in range(20000) %}"
        "{% set ns.l = [ns.l] %}{% endfor %}{{ ns.l|tojson }}"
    ),
    "chr-out-of-range": "{{ '%c' % 1114112 }}",
    "division-by-zero": "{{ 1 // 0 }}",
    "float-overflow": "{{ 10.0 ** 400 }}",
    "bytes-repeat": "{{ 'x'.encode() * 10**9 }}",
    "range-step": "{% for i in range(0, 10**18, 10**9) %}{% endfor %}",
}


@pytest.fixture
def epaths(tmp_path: Path) -> AppPaths:
    home = tmp_path / "home"
    home.mkdir()
    return AppPaths(data_dir=home, config_dir=home, builtin_templates=DATA)


def _write(paths: AppPaths, source: str) -> Path:
    path = paths.user_templates / TEMPLATE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("A normal first line.\n" + source + "\n", encoding="utf-8")
    return path


def _stopped(paths: AppPaths) -> tuple[str, float, int]:
    engine = Engine.load(paths, Settings())
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(TemplateError) as err:
            engine.render(draft(), as_of=AS_OF)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.exit_code == 2
    limit = engine.env.limits.time_budget_s  # type: ignore[attr-defined]
    assert elapsed < limit + SLACK_S, f"{elapsed:.2f} s"
    return err.value.message, elapsed, peak


@pytest.mark.parametrize("source", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_template_stops_in_one_line_naming_the_file(epaths: AppPaths, source: str) -> None:
    path = _write(epaths, source)
    message, _elapsed, peak = _stopped(epaths)
    assert "\n" not in message and message.startswith(f"template {path}"), message
    assert peak < PEAK_BYTES, f"{peak / 1e6:.1f} MB"


def test_deeply_nested_for_loops_are_a_template_error(epaths: AppPaths) -> None:
    path = _write(epaths, "{% for i in [1] %}" * 30 + "x" + "{% endfor %}" * 30)
    message, _elapsed, _peak = _stopped(epaths)
    assert message.startswith(f"template {path}"), message


DEEP = {
    "deep-parentheses": "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",
    "deep-list-literal": "{{ " + "[" * 3000 + "]" * 3000 + " }}",
    "deep-if": "{% if 1 %}" * 500 + "x" + "{% endif %}" * 500,
}


@pytest.mark.parametrize("source", list(DEEP.values()), ids=list(DEEP))
def test_deep_nesting_names_the_file_and_line(epaths: AppPaths, source: str) -> None:
    path = _write(epaths, source)
    message, _elapsed, _peak = _stopped(epaths)
    assert message.startswith(f"template {path} line 2"), message
    assert "includes, imports or extends itself" not in message


def test_cli_stops_a_template_built_from_argument_widths(cli: Any, home: Path) -> None:
    example = REPO / "templates" / "examples" / "inbound-missing-units.toml"
    path = home / "templates" / "case_types" / "inbound-missing-units.md.j2"
    path.parent.mkdir(parents=True)
    path.write_text("Hello\n{{ '%.*f' % (999999999, 1.5) }}\n", encoding="utf-8")
    res = cli("render", str(example))
    assert res.code == 2 and res.out == "", res
    assert res.err.count("\n") == 1 and "Traceback" not in res.err
    assert res.err.startswith(f"casewriter: error: template {path} line 2: stopped: ")
    res = cli("templates", "check")
    assert res.code != 0 and "internal error" not in res.err and str(path) in res.out + res.err
