"""Templates nested too deeply, and work of a known size paid before it runs (issue 10 §4).

Nesting: blocks and brackets are checked on the template's tokens before it is compiled
(``max_block_nesting``, ``max_bracket_nesting`` in limits.toml); what Python still cannot
compile (long operator or filter chains) is reported the same way, never as ``SyntaxError`` or
``RecursionError``. Paid work: a loop over a sized iterable pays all its steps when it starts,
and ``|sort``/``|dictsort``/``|groupby`` pay n·log2(n), so the step limit stops them before
they run, whatever the machine's load.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.engine.rendering import Engine
from casewriter.engine.sandbox.budget import load_limits
from casewriter.paths import AppPaths
from tests.test_engine import DATA, draft
from tests.test_template_budget import AS_OF, TEMPLATE, stopped, write

LIMITS = load_limits()


@pytest.fixture
def epaths(tmp_path: Path) -> AppPaths:
    home = tmp_path / "home"
    home.mkdir()
    return AppPaths(data_dir=home, config_dir=home, builtin_templates=DATA)


def _blocks(tag: str, end: str, n: int) -> str:
    return tag * n + "x" + end * n


DEEP = {
    "for": (_blocks("{% for i in [1] %}", "{% endfor %}", 17), "blocks", 16),
    "if": (_blocks("{% if 1 %}", "{% endif %}", 17), "blocks", 16),
    "mixed": (
        _blocks("{% with a = 1 %}{% filter upper %}", "{% endfilter %}{% endwith %}", 9),
        "blocks",
        16,
    ),  # fmt: skip
    "set-block": (_blocks("{% set a %}", "{% endset %}", 17), "blocks", 16),
    "parentheses": ("{{ " + "(" * 31 + "1" + ")" * 31 + " }}", "brackets", 30),
    "dict-literal": ("{{ " + "{'a': " * 31 + "1" + "}" * 31 + " }}", "brackets", 30),
}


@pytest.mark.parametrize(("source", "what", "limit"), DEEP.values(), ids=list(DEEP))
def test_nesting_past_the_limit_is_stopped_at_its_line(
    epaths: AppPaths, source: str, what: str, limit: int
) -> None:
    path = write(epaths, TEMPLATE, "first\n\n" + source + "\n")
    message, _elapsed, _peak = stopped(Engine.load(epaths, Settings()))
    assert message == (
        f"template {path} line 3: nested too deeply: "
        + ("{% for %}/{% if %}/… blocks" if what == "blocks" else "brackets ( [ {")
        + f" inside each other (limit {limit})"
    )


@pytest.mark.parametrize(
    "source",
    [
        _blocks("{% for i in [1] %}", "{% endfor %}", 16),
        _blocks("{% if 1 %}", "{% endif %}", 16),
        "{{ " + "(" * 30 + "1" + ")" * 30 + " }}",
        "{% set a = 1 %}" * 40
        + "{% macro m() %}{% for i in [1] %}x{% endfor %}{% endmacro %}" * 20
        + "{{ m() }}",
    ],
    ids=["16-loops", "16-ifs", "30-brackets", "many-siblings"],
)
def test_nesting_at_the_limit_and_siblings_still_render(epaths: AppPaths, source: str) -> None:
    write(epaths, TEMPLATE, source + "\n")
    assert Engine.load(epaths, Settings()).render(draft(), as_of=AS_OF).body


def test_the_nesting_limits_are_data(epaths: AppPaths) -> None:
    assert (LIMITS.max_block_nesting, LIMITS.max_bracket_nesting) == (16, 30)
    write(epaths, TEMPLATE, "ok\n" + _blocks("{% if 1 %}", "{% endif %}", 4) + "\n")
    engine = Engine.load(epaths, Settings())
    engine.env.limits = replace(engine.env.limits, max_block_nesting=3)  # type: ignore[attr-defined]
    message, _, _ = stopped(engine)
    assert message.endswith("line 2: nested too deeply: {% for %}/{% if %}/… blocks inside each "
                            "other (limit 3)")  # fmt: skip


CHAINS = {
    "operator-chain": "{{ 1" + " + 1" * 101 + " }}",
    "filter-chain": "{{ 1" + "|string" * 101 + " }}",
    "not-chain": "{{ " + "not " * 3000 + "facts }}",
    "attribute-chain": "{{ facts" + ".x" * 3000 + " }}",
    "test-chain": "{% if " + " and ".join(["facts is defined"] * 51) + " %}x{% endif %}",
}


@pytest.mark.parametrize("source", CHAINS.values(), ids=list(CHAINS))
def test_a_long_chain_in_one_tag_is_stopped_at_its_line(epaths: AppPaths, source: str) -> None:
    """Compiling a chain costs the square of its length: refused before compiling."""
    path = write(epaths, TEMPLATE, "first\n" + source + "\n")
    message, elapsed, _ = stopped(Engine.load(epaths, Settings()))
    assert message == (
        f"template {path} line 2: nested too deeply: operators, filters and attribute lookups "
        "chained in one tag (limit 100)"
    )
    assert elapsed < 1.0, elapsed


def test_what_python_cannot_compile_is_still_one_template_error(epaths: AppPaths) -> None:
    """With the token checks lifted, Python's own limits (200 nested parentheses, 20 nested
    loops) and Jinja's recursion are reported as nested too deeply at the template's line."""
    from jinja2 import TemplateSyntaxError

    from casewriter.engine.jinja_env import build_environment

    env = build_environment(epaths)
    env.limits = replace(env.limits, max_block_nesting=10**6, max_bracket_nesting=10**6,
                         max_expression_operators=10**6)  # fmt: skip
    for source in (
        "ok\n{{ 1" + "|string" * 400 + " }}",  # Jinja's code generator recursion
        "ok\n" + _blocks("{% for i in [1] %}", "{% endfor %}", 25),  # Python: 20 loops
        "ok\n{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}",  # Jinja's parser recursion
    ):
        with pytest.raises(TemplateSyntaxError) as err:
            env.from_string(source)
        assert err.value.lineno == 2 and str(err.value).startswith(
            "nested too deeply for Python to compile"
        ), (err.value.lineno, str(err.value))


def test_templates_check_reports_deep_nesting_with_file_and_line(cli: Any, home: Path) -> None:
    path = home / "templates" / "case_types" / "inbound-missing-units.md.j2"
    path.parent.mkdir(parents=True)
    path.write_text("Hello\n" + _blocks("{% for i in [1] %}", "{% endfor %}", 30) + "\n")
    res = cli("templates", "check")
    assert res.code != 0 and "internal error" not in res.err, res
    assert f"{path} line 2: nested too deeply" in res.out + res.err, res


def _small_steps(epaths: AppPaths) -> Engine:
    """An engine allowed 20,000 loop steps (limits are data): the step tests stay fast under
    load, so only the step limit can stop them, never the clock."""
    engine = Engine.load(epaths, Settings())
    engine.env.limits = replace(engine.env.limits, max_loop_steps=20_000)  # type: ignore[attr-defined]
    return engine


def test_a_sized_loop_pays_before_it_runs(epaths: AppPaths) -> None:
    """Two loops of 8,000 fit in 20,000 steps; the third is refused before its first step
    (its body would divide by zero)."""
    loop = "{% for i in range(8000) %}{% endfor %}\n"
    write(epaths, TEMPLATE, "ok\n" + loop * 2 + "{% for i in range(8000) %}{{ 1 // 0 }}{% endfor %}\n")  # fmt: skip
    message, _, _ = stopped(_small_steps(epaths))
    assert message.endswith(
        "line 4: stopped: a loop over 8,000 items would take the render past 20,000 loop steps"
    ), message


def test_an_unsized_loop_is_counted_step_by_step(epaths: AppPaths) -> None:
    """``|reverse`` of a list is an iterator without a length: counted as it runs."""
    loop = "{% for i in range(10000)|list|reverse %}{% endfor %}\n"
    write(epaths, TEMPLATE, "ok\n" + loop * 3)
    message, _, _ = stopped(_small_steps(epaths))
    assert message.endswith("line 4: stopped: loops ran more than 20,000 steps in one render")


@pytest.mark.parametrize("name", ["sort", "dictsort", "groupby('real')"])
def test_sorting_filters_pay_n_log_n_before_sorting(epaths: AppPaths, name: str) -> None:
    items = "{}.fromkeys(range(20000), 1)" if name == "dictsort" else "range(20000)|list"
    write(epaths, TEMPLATE, f"ok\n{{{{ ({items})|{name}|length }}}}\n")
    message, _, _ = stopped(Engine.load(epaths, Settings()))
    short = name.split("(")[0]
    assert message.endswith(
        f"line 2: stopped: |{short} of 20,000 items would take the render past 200,000 loop steps"
    ), message


def test_small_sorts_still_render(epaths: AppPaths) -> None:
    write(epaths, TEMPLATE, "{{ (range(5000)|list)|sort|length }} "
          "{{ {'b': 1, 'a': 2}|dictsort|first|first }}\n")  # fmt: skip
    body = Engine.load(epaths, Settings()).render(draft(), as_of=AS_OF).body
    assert "5000 a" in body
