"""Hostile user templates (issue 10 §4): each one is stopped by the render budget with one
TemplateError line naming the template file and line, fast and without big allocations.

Every template goes through the real engine (user template folder over a fixture case type),
timed, with tracemalloc measuring the peak of what the render allocated.
"""

from __future__ import annotations

import re
import time
import tracemalloc
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.config import Settings
from casewriter.engine.rendering import Engine
from casewriter.engine.sandbox.budget import LIMITS_FILE, limits_from_dict, load_limits
from casewriter.errors import CasewriterError, TemplateError
from casewriter.paths import AppPaths
from tests.test_engine import DATA, draft

AS_OF = date(2026, 4, 20)
TEMPLATE = "case_types/widget-lost.md.j2"
PEAK_BYTES = 48 * 1024 * 1024  # what one stopped render may allocate at its peak
SLACK_S = 1.0  # on top of the time budget: a loaded CI machine

BIG = "'x' * 100000"
# (id, template source from line 2, what the message says)
HOSTILE: list[tuple[str, str, str]] = [
    (
        "nested-loops-over-string",
        "{% set s = 'x' * 3000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
        "a loop over 3,000 items would take the render past 200,000 loop steps",
    ),
    (
        "loop-over-huge-range",
        "{% for i in range(10**12) %}{% endfor %}",
        r"range\(\) would have 1,000,000,000,000 items",
    ),
    ("range-beyond-machine-int", "{{ range(10**100)|length }}", r"range\(\) would have"),
    (
        "power-tower",
        "{{ 10**100**100**100**100 }}",
        r"a number computed with \*\* would have about",
    ),
    (
        "multiplied-integers",
        "{% set n = 7 ** 1000 %}{{ n * n }}",
        r"a number computed with \* would have about",
    ),
    (
        "doubled-integer",
        "{% set ns = namespace(n=1) %}{% for i in range(9000) %}{% set ns.n = ns.n + ns.n %}{% endfor %}",
        r"the result of \+ would have about",
    ),
    (
        "printf-width-filter",
        "{{ '%0999999999d'|format(1) }}",
        r"the result of \|format would be 1,000,000,013 characters",
    ),
    ("printf-width-operator", "{{ '%0999999999d' % 1 }}", "a string built with % would be"),
    ("printf-star-width", "{{ '%*d' % (999999999, 1) }}", "a string built with % would be"),
    (
        "printf-many-fields",
        "{{ ('%s' * 60000) % ((" + BIG + ",) * 60000) }}",
        "a string built with % would be",
    ),
    (
        "printf-mapping-repeat",
        "{{ ('%(a)s' * 30000) % {'a': " + BIG + "} }}",
        "a string built with % would be",
    ),
    (
        "str-format-width",
        "{{ '{:>999999999}'.format(1) }}",
        r"a string built with \.format\(\) would be",
    ),
    (
        "str-format-nested-width",
        "{{ '{:>{}}'.format(1, 999999999) }}",
        r"a string built with \.format\(\) would be",
    ),
    (
        "str-format-map-repeat",
        "{{ ('{a}' * 50000).format_map({'a': " + BIG + "}) }}",
        r"a string built with \.format\(\) would be",
    ),
    (
        "concat-doubling",
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "a string built with ~ would be 262,144 characters",
    ),
    (
        "plus-doubling",
        "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        r"a string built with \+ would be",
    ),
    (
        "string-repeat",
        "{{ 'x' * 1000000000 }}",
        r"a string built with \* would be 1,000,000,000 characters",
    ),
    ("list-repeat", "{{ [1, 2] * 10**9 }}", r"a list built with \* would have"),
    (
        "list-doubling",
        "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}",
        r"a list built with \+ would have 131,072 items",
    ),
    (
        "set-growth-in-loop",
        "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% set ns.l = ns.l + ["
        + BIG
        + "] %}{% endfor %}",
        "built more than 5,000,000 characters in all",
    ),
    ("join-filter", "{{ ([" + BIG + "] * 100000)|join }}", r"the result of \|join would be"),
    ("join-method", "{{ ','.join([" + BIG + "] * 100000) }}", r"\.join\(\) would be"),
    (
        "join-separator",
        "{{ (" + BIG + ")|list|join('y' * 100000) }}",
        r"the result of \|join would be",
    ),
    (
        "replace-method",
        "{{ (" + BIG + ").replace('x', " + BIG + ") }}",
        r"\.replace\(\) would be 10,000,000,000 characters",
    ),
    (
        "replace-filter",
        "{{ (" + BIG + ")|replace('x', " + BIG + ") }}",
        r"the result of \|replace would be",
    ),
    (
        "center-filter",
        "{{ 'x'|center(999999999) }}",
        r"the result of \|center would be 999,999,999",
    ),
    (
        "center-ljust-zfill",
        "{{ 'x'.ljust(999999999) ~ 'x'.zfill(999999999) }}",
        r"\.ljust\(\) would be 999,999,999",
    ),
    ("expandtabs", "{{ 'a\tb'.expandtabs(999999999) }}", r"\.expandtabs\(\) would be"),
    (
        "translate-table",
        "{{ (" + BIG + ").translate({120: " + BIG + "}) }}",
        r"\.translate\(\) would be",
    ),
    ("to-bytes", "{{ (1).to_bytes(999999999, 'big') }}", r"\.to_bytes\(\) would be"),
    (
        "indent-filter",
        "{{ ('y\\n' * 90000)|indent(1000, true, true) }}",
        r"the result of \|indent would be",
    ),
    (
        "wordwrap-filter",
        "{{ ('a b ' * 50000)|wordwrap(1, wrapstring='x' * 10000) }}",
        r"the result of \|wordwrap would be",
    ),
    (
        "string-of-big-list",
        "{{ ([" + BIG + "] * 100000)|string }}",
        r"the input of \|string would be",
    ),
    ("print-big-list", "{{ [" + BIG + "] * 100000 }}", "a printed value would be"),
    (
        "tojson-big-list",
        "{{ ([" + BIG + "] * 100000)|tojson }}",
        r"the result of \|tojson would be",
    ),
    (
        "pprint-nested",
        "{{ [[[" + BIG + "] * 3] * 3] * 3 }}{{ ([[" + BIG + "] * 10] * 10)|pprint }}",
        r"a printed value would be|\|pprint would be",
    ),
    (
        "batch-fill",
        "{{ [1]|batch(999999999, 'x')|list }}",
        r"the result of \|batch would have 999,999,999 items",
    ),
    ("slice-count", "{{ [1]|slice(999999999)|list }}", r"the result of \|slice would have"),
    (
        "sum-of-lists",
        "{{ ([[" + BIG + "] * 1000] * 1000)|sum(start=[])|length }}",
        "built more than 5,000,000 characters in all",
    ),
    (
        "map-then-join",
        "{{ range(10000)|map('center', 100)|join }}",
        r"the result of \|join would be",
    ),
    (
        "dictsort-big-dict",
        "{% set d = {}.fromkeys(range(100000), " + BIG + ") %}{{ d|dictsort|length }}{{ d }}",
        r"\|dictsort of 100,000 items would take the render past 200,000 loop steps",
    ),
    (
        "print-dict-items",
        "{% set d = {}.fromkeys(range(50000), " + BIG + ") %}{{ d.items() }}",
        "a printed value would be",
    ),
    ("lipsum", "{{ lipsum(999999999) }}", r"lipsum\(\)'s words would have"),
    (
        "filter-block",
        "{% filter upper %}{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}{% endfilter %}",
        "built more than 5,000,000 characters in all",
    ),
    (
        "set-block-of-literals",
        "{% set s %}{% for i in range(100000) %}"
        + "A" * 100
        + "{% endfor %}{% endset %}{{ s|length }}",
        "the output of a macro or block would be",
    ),
    (
        "macro-calls-itself",
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "nested more than 50 deep",
    ),
    (
        "macro-fork-bomb",
        "{% macro m(n) %}{{ m(n) }}{{ m(n) }}{% endmacro %}{{ m(1) }}",
        "nested more than 50 deep",
    ),
    (
        "caller-recursion",
        "{% macro m() %}{{ caller() }}{% endmacro %}{% macro c() %}{% call m() %}{{ c() }}{% endcall %}{% endmacro %}{{ c() }}",
        "nested more than 50 deep",
    ),
    ("self-block-loop", "{% block a %}{{ self.a() }}{% endblock %}", "nested more than 50 deep"),
    (
        "recursive-loop",
        "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
        "nested more than 50 deep",
    ),
    ("include-itself", "{% include '" + TEMPLATE + "' %}", "nested too deep"),
    ("import-itself", "{% import '" + TEMPLATE + "' as me %}", "nested too deep"),
    (
        "runaway-output",
        "{% for i in range(99999) %}{% for j in range(99999) %}xxxxxxxxxx{% endfor %}{% endfor %}",
        "the output passed 200,000 characters",
    ),
    (
        "combined-macro-loop-format",
        "{% macro row(i) %}{{ '{:>1000}'.format(i) }}{% endmacro %}{% for i in range(100000) %}{{ row(i) }}{% endfor %}",
        "the output passed 200,000 characters",
    ),
]


@pytest.fixture
def epaths(tmp_path: Path) -> AppPaths:
    home = tmp_path / "home"
    home.mkdir()
    return AppPaths(data_dir=home, config_dir=home, builtin_templates=DATA)


def write(paths: AppPaths, name: str, text: str) -> Path:
    path = paths.user_templates / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def stopped(engine: Engine, **over: Any) -> tuple[str, float, int]:
    """Render, expecting a TemplateError: its message, the CPU seconds taken, the peak bytes.

    CPU time, not wall time: a template the budget fails to stop burns CPU past the limit,
    while a loaded CI machine (other processes on the same cores) only stretches wall time."""
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(TemplateError) as err:
            engine.render(draft(**over), as_of=AS_OF)
        elapsed = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.exit_code == 2
    return err.value.message, elapsed, peak


def test_at_least_25_hostile_templates() -> None:
    assert len(HOSTILE) >= 25 and len({h[0] for h in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize(("source", "says"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_template_is_stopped(epaths: AppPaths, source: str, says: str) -> None:
    path = write(epaths, TEMPLATE, "A normal first line.\n" + source + "\n")
    engine = Engine.load(epaths, Settings())
    message, elapsed, peak = stopped(engine)
    assert "\n" not in message
    assert message.startswith(f"template {path} line 2: stopped: "), message
    assert re.search(says, message), message
    assert elapsed < engine.env.limits.time_budget_s + SLACK_S, f"{elapsed:.2f} s"
    assert peak < PEAK_BYTES, f"{peak / 1e6:.1f} MB"


# templates that need others beside them: (id, main template, other files, where, what it says)
FAMILIES: list[tuple[str, str, dict[str, str], str, str]] = [
    ("super-loop", "{% extends 'parent.md.j2' %}{% block a %}{{ super() }}{% endblock %}",
     {"parent.md.j2": "parent\n{% block a %}{{ self.a() }}{% endblock %}\n"}, TEMPLATE + " line 1", "nested more than 50 deep"),
    ("extends-itself", "ok\n{% extends '" + TEMPLATE + "' %}", {}, TEMPLATE + " line 2", "nested too deep"),
    ("include-ping-pong", "ok\n{% include 'pong.md.j2' %}",
     {"pong.md.j2": "{% include '" + TEMPLATE + "' %}"}, " line ", "nested too deep"),
    ("imported-macro-recursion", "ok\n{% import 'lib.md.j2' as lib %}{{ lib.f(1) }}",
     {"lib.md.j2": "{% macro f(n) %}{{ f(n) ~ f(n) }}{% endmacro %}"}, "lib.md.j2 line 1", "nested more than 50 deep"),
    ("included-loop-bomb", "ok\n{% for i in range(100000) %}{% include 'row.md.j2' %}{% endfor %}",
     {"row.md.j2": "{% for j in range(100000) %}{% endfor %}"}, "row.md.j2 line 1", "a loop over 100,000 items would take the render past 200,000 loop steps"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("main", "others", "where", "says"), [f[1:] for f in FAMILIES], ids=[f[0] for f in FAMILIES]
)
def test_hostile_template_family_is_stopped(
    epaths: AppPaths, main: str, others: dict[str, str], where: str, says: str
) -> None:
    write(epaths, TEMPLATE, main + "\n")
    for name, text in others.items():
        write(epaths, name, text)
    engine = Engine.load(epaths, Settings())
    message, elapsed, peak = stopped(engine)
    assert "\n" not in message and message.startswith(f"template {epaths.user_templates}/")
    assert where in message and "stopped: " in message and says in message, message
    assert elapsed < engine.env.limits.time_budget_s + SLACK_S and peak < PEAK_BYTES


def test_time_budget_stops_slow_work_that_stays_small(epaths: AppPaths) -> None:
    """Loops within every count, each step slow (a linear search): the clock stops it."""
    write(epaths, TEMPLATE, "ok\n{% set l = range(100000)|list %}\n"
          "{% for i in range(1000) %}{% for j in range(190) %}{% if -1 in l %}{% endif %}"
          "{% endfor %}{% endfor %}\n")  # fmt: skip
    engine = Engine.load(epaths, Settings())
    engine.env.limits = replace(engine.env.limits, time_budget_s=0.3)
    message, elapsed, _ = stopped(engine)
    assert "line 3: stopped: the template ran past its time budget of 0.3 s" in message
    assert elapsed < 0.3 + SLACK_S


def test_time_budget_checked_inside_a_filter_walking_attributes(epaths: AppPaths) -> None:
    write(epaths, TEMPLATE, "ok\n{% for i in range(50) %}"
          "{{ (range(100000)|list)|sort(attribute='real')|first }}{% endfor %}\n")  # fmt: skip
    engine = Engine.load(epaths, Settings())
    # the sorts' step charge (100,000 items: 1.7 million steps) would stop it first: lifted
    # here, so only the clock is left to stop the sort walking its attribute
    limits = replace(engine.env.limits, time_budget_s=0.2, max_loop_steps=10**9)
    engine.env.limits = limits
    message, elapsed, _ = stopped(engine)
    assert "time budget of 0.2 s" in message and elapsed < 0.2 + SLACK_S


def test_one_budget_for_body_subject_and_oer(epaths: AppPaths) -> None:
    """A case type's subject pattern is a template too: stopped with its name and line."""
    src = (DATA / "case_types" / "widget-lost.toml").read_text(encoding="utf-8")
    subject = "subject = \"{{ 'x' * 10**9 }}\""
    write(epaths, "case_types/widget-lost.toml",
          "\n".join(subject if line.startswith("subject =") else line for line in src.splitlines()))  # fmt: skip
    message, _, _ = stopped(Engine.load(epaths, Settings()))
    assert message.startswith("template widget-lost subject line 1: stopped: a string built with *")
    write(epaths, "case_types/widget-lost.oer.md.j2", "{{ 'y' * 10**9 }}\n")
    write(epaths, "case_types/widget-lost.toml", src)
    message, _, _ = stopped(Engine.load(epaths, Settings()), oer=True)
    assert "widget-lost.oer.md.j2 line 1: stopped:" in message


@pytest.mark.parametrize(
    "source",
    [
        "{% for x in range(1000) %}{{ x }}{% endfor %}",
        "{{ 'x' * 199000 }}",
        "{{ ('x' * 1000)|center(150000)|length }}",
        "{{ (range(5000)|map('string')|join(','))|length }}",
        "{{ '%05d|%-8s|%.2f|%%' % (42, 'ab', 3.14159) }} {{ '{:>6}{:,}'.format('a', 1234567) }}",
        "{{ 2 ** 4000 > 0 }} {{ (10 ** 1000) * 7 > 0 }}",
        "{% macro m(n) %}{{ m(n - 1) if n > 0 else 'done' }}{% endmacro %}{{ m(40) }}",
        "{% set ns = namespace(s='') %}{% for i in range(1000) %}{% set ns.s = ns.s ~ i %}{% endfor %}{{ ns.s|length }}",
        "{{ ('<b>{}</b>'|safe).format('&') }} {{ '{0}-{0}'.format_map({'0': 1}) if false else '' }}",
        "{% for row in [[1, [2, 3]], [4, []]] recursive %}{{ row }}{{ loop(row[1:]) if row is iterable and row is not string }}{% endfor %}",
    ],
)
def test_generous_templates_still_render(epaths: AppPaths, source: str) -> None:
    write(epaths, TEMPLATE, source + "\n")
    case = Engine.load(epaths, Settings()).render(draft(), as_of=AS_OF)
    assert case.body


def test_template_file_too_large_is_refused_unread(epaths: AppPaths) -> None:
    """A 2 GB (sparse) template, rendered or included: refused by its size, never read."""
    big = epaths.user_templates / "huge.md.j2"
    write(epaths, TEMPLATE, "ok\n{% include 'huge.md.j2' %}\n")
    with big.open("wb") as fh:
        fh.truncate(2 * 1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as err:
            Engine.load(epaths, Settings()).render(draft(), as_of=AS_OF)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.message == (f"template {big}: too large (2,147,483,648 bytes; at most 65,536)")
    assert peak < PEAK_BYTES
    big.replace(epaths.user_templates / TEMPLATE)
    with pytest.raises(TemplateError, match="too large"):
        Engine.load(epaths, Settings()).render(draft(), as_of=AS_OF)


def test_limits_are_data_with_source_and_date() -> None:
    limits = load_limits()
    assert limits.source and limits.as_of == date(2026, 12, 6)
    assert limits.time_budget_s == 2.0 and limits.max_output_chars == 200_000
    text = LIMITS_FILE.read_text(encoding="utf-8")
    assert "time_budget_s = 2.0" in text and "max_call_depth" in text
    import tomllib

    data = tomllib.loads(text)
    assert limits_from_dict(data, "x") == limits
    for broken, says in [
        ({**data, "max_items": -1}, "max_items = -1 is not valid"),
        ({**data, "time_budget_s": "2"}, "time_budget_s = '2' is not valid"),
        ({**data, "max_lines": 3}, "unknown limit 'max_lines'"),
        ({k: v for k, v in data.items() if k != "as_of"}, "as_of is missing"),
    ]:
        with pytest.raises(CasewriterError, match=says):
            limits_from_dict(broken, "x")


def test_cli_reports_a_runaway_template_in_one_line(cli: Any, home: Path) -> None:
    from tests.test_render_cli import EXAMPLE

    path = home / "templates" / "case_types" / "inbound-missing-units.md.j2"
    path.parent.mkdir(parents=True)
    path.write_text("Hello\n{{ '%0999999999d'|format(1) }}\n", encoding="utf-8")
    res = cli("render", str(EXAMPLE))
    assert res.code == 2 and res.out == ""
    assert res.err.count("\n") == 1 and "Traceback" not in res.err
    assert res.err.startswith(
        f"casewriter: error: template {path} line 2: stopped: the result of |format"
    )
