"""The built-in templates' structure: every fragment of ``_base.md.j2`` and ``_oer.md.j2`` is a
block captured inside the section that uses it (``{% set x %}{% block x %}…{% endblock %}
{% endset %}``), so a user template overrides one fragment and keeps the rest; a fragment is
rendered only when its section needs it; the two warehouse types share one template; no
sentence is built by string surgery. Also: ``templates check`` reads every template the way
the sandbox does (a regular file within the 64 KB cap, UTF-8)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

REPO = Path(__file__).resolve().parent.parent
BUILTIN = REPO / "templates"
LOST = BUILTIN / "examples" / "warehouse-lost.toml"
DAMAGED = BUILTIN / "examples" / "warehouse-damaged.toml"
SECTIONS = {
    "_base.md.j2": ["greeting", "opening", "details", "extra", "checked", "evidence", "request", "timing", "closing"],
    "_oer.md.j2": ["heading", "intro", "impact", "identifiers", "evidence", "ask", "deadline"],
}  # fmt: skip


FRAGMENTS = {
    "_base.md.j2": {"who", "what_happened", "details_heading", "identifiers", "problem",
                    "extra_text", "checked_heading", "checked_items", "evidence_heading",
                    "evidence_items", "request_heading", "request_text", "timing_text",
                    "signature"},
    "_oer.md.j2": {"intro_text", "impact_items", "identifier_items", "evidence_items",
                   "ask_text", "deadline_text"},
}  # fmt: skip


def body(cli, case: Path, *extra: str) -> str:  # type: ignore[no-untyped-def]
    res = cli("render", str(case), "--format", "json", "--as-of", "2026-06-10", *extra)
    assert res.code == 0, res.err
    return json.loads(res.out)["body"]  # type: ignore[no-any-return]


def user_template(home: Path, name: str, text: str) -> Path:
    path = home / "templates" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def parents_of_blocks(source: str) -> dict[str, list[type[nodes.Node]]]:
    """Each block name → the node types enclosing it, innermost first."""
    out: dict[str, list[type[nodes.Node]]] = {}

    def walk(node: nodes.Node, stack: list[type[nodes.Node]]) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Block):
                out[child.name] = stack[::-1]
            walk(child, [*stack, type(child)])

    walk(Environment(trim_blocks=True, lstrip_blocks=True).parse(source), [])
    return out


@pytest.mark.parametrize("name", sorted(SECTIONS))
def test_fragments_are_blocks_captured_inside_their_section(name: str) -> None:
    source = (BUILTIN / name).read_text(encoding="utf-8")
    assert "{% if false %}" not in source
    blocks = parents_of_blocks(source)
    sections = [b for b, enclosing in blocks.items() if nodes.Block not in enclosing]
    assert sections == SECTIONS[name]
    fragments = {b: enclosing for b, enclosing in blocks.items() if b not in sections}
    assert set(fragments) == FRAGMENTS[name]
    for fragment, enclosing in fragments.items():
        # {% set x %}{% block x %}…{% endblock %}{% endset %}, perhaps inside an {% if %} that
        # says when the section needs it, inside one section block
        assert enclosing[0] in (nodes.AssignBlock, nodes.If), fragment
        assert nodes.AssignBlock in enclosing[:2] and enclosing.count(nodes.Block) == 1, fragment
        # every fragment is named in the docstring that tells users what they can override
        assert re.search(rf"\b{fragment}\b", source.split("-#}")[0]), fragment


def test_no_sentence_is_built_by_string_surgery() -> None:
    for path in sorted(BUILTIN.rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        assert "|replace(" not in source, path
        assert not re.search(r'"(\w+)" if "\w+" == "\w+"', source), path  # generated constants


def test_the_warehouse_types_share_one_template() -> None:
    import tomllib

    lost, damaged = (
        tomllib.loads((BUILTIN / "case_types" / f"{i}.toml").read_text(encoding="utf-8"))
        for i in ("warehouse-lost", "warehouse-damaged")
    )
    for key in ("template", "oer_template"):
        assert lost[key] == damaged[key]
    assert lost["template"] == "case_types/warehouse.md.j2"
    assert set(lost["vars"]) == set(damaged["vars"]) and lost["vars"] != damaged["vars"]
    assert not list((BUILTIN / "case_types").glob("warehouse-*.j2"))
    shared = (BUILTIN / "case_types" / "warehouse.md.j2").read_text(encoding="utf-8")
    for key in lost["vars"]:  # every var the types give is read, and documented
        assert f"w.{key}" in shared and re.search(rf"^\s+{key}\s", shared, re.M), key


def test_one_fragment_overridden_the_rest_kept(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    before_lost, before_damaged = body(cli, LOST), body(cli, DAMAGED)
    user_template(
        home,
        "case_types/warehouse.md.j2",
        '{% extends "builtin/case_types/warehouse.md.j2" %}\n'
        "{% block who %}We are {{ seller.name }} (our own words).{% endblock %}\n"
        "{% block evidence_heading %}Attached{% endblock %}\n",
    )
    after_lost = body(cli, LOST)
    assert after_lost == before_lost.replace(
        "We are Northbay Goods (merchant token A2NBGOODS7XQ1), selling on Amazon.com.",
        "We are Northbay Goods (our own words).",
    ).replace("\n\nEvidence\n", "\n\nAttached\n")
    assert after_lost != before_lost
    assert "(our own words)" in body(cli, DAMAGED) and before_damaged != body(cli, DAMAGED)


def test_a_fragment_is_rendered_only_when_its_section_needs_it(  # type: ignore[no-untyped-def]
    cli, home: Path, tmp_path: Path
) -> None:
    """A narrative replaces a fragment: the fragment is not rendered, so a fragment that reads
    data the draft lacks leaves no placeholder and no warning; timing_text only while the
    claim window is open."""
    user_template(
        home,
        "case_types/warehouse.md.j2",
        '{% extends "builtin/case_types/warehouse.md.j2" %}\n'
        "{% block checked_items %}- {{ facts.not_there }}{% endblock %}\n"
        "{% block request_text %}{{ facts.not_there_either }}{% endblock %}\n"
        "{% block timing_text %}Closes {{ deadline.closes }}.{% endblock %}\n",
    )
    case = tmp_path / "case.toml"
    case.write_text(
        LOST.read_text(encoding="utf-8")
        + '\n[narrative]\nchecked = ["We checked the ledger."]\nrequest = "Please reimburse us."\n',
        encoding="utf-8",
    )
    res = cli("render", str(case), "--format", "json", "--as-of", "2026-06-10")
    out = json.loads(res.out)
    assert "[missing" not in out["body"] and not any("placeholder" in w for w in out["warnings"])
    assert (
        "What we checked\n- We checked the ledger.\n\nRequest\nPlease reimburse us." in out["body"]
    )
    assert "Closes 2026-07-19." in out["body"]
    late = json.loads(cli("render", str(case), "--format", "json", "--as-of", "2026-09-01").out)
    assert "Closes" not in late["body"] and late["deadline"]["days_left"] < 0
    # without the narrative the fragments are used, and their missing data is shown
    res = cli("render", str(LOST), "--format", "json", "--as-of", "2026-06-10")
    out = json.loads(res.out)
    assert "- [missing: facts.not_there]" in out["body"]
    assert any("facts.not_there, facts.not_there_either" in w for w in out["warnings"])


def test_an_empty_fragment_drops_its_section(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    before = body(cli, LOST)
    assert "\n\nWhat we checked\n" in before
    user_template(
        home,
        "case_types/warehouse.md.j2",
        '{% extends "builtin/case_types/warehouse.md.j2" %}\n{% block checked_items %}  \n{% endblock %}\n',
    )
    after = body(cli, LOST)
    checked = before.split("\n\nWhat we checked\n", 1)[1].split("\n\n", 1)[1]
    assert after == before.split("\n\nWhat we checked\n", 1)[0] + "\n\n" + checked


def test_templates_check_reads_templates_as_the_sandbox_does(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    big = user_template(home, "big.md.j2", "x" * (64 * 1024 + 1))
    latin = home / "templates" / "latin.md.j2"
    latin.write_bytes(b"caf\xe9\n")
    fine = user_template(home, "fine.md.j2", "{{ ct.id }}\n")
    res = cli("--json", "templates", "check")
    report = json.loads(res.out)
    assert res.code == 1 and not report["ok"]
    too_large, not_utf8 = report["problems"]
    assert (
        too_large.startswith(f"{big}: too large for a template (") and "at most 64 KB" in too_large
    )
    assert not_utf8 == f"{latin}: not UTF-8 text (byte 3)"
    assert all(str(fine) not in p for p in report["problems"])
