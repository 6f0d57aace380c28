"""Partial overrides of built-in case types (``<home>/templates/overrides/<id>.toml``): a small
file that names what it changes (one tip, one label, one help text, one deadline rule, the
subject, the max items) and keeps the built-in rest, so fixes to the built-in case type still
arrive. Driven through the real CLI (``render``, ``types``, ``templates list|check``) and, for
the merge rules, through ``Catalog.load`` on real files."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from casewriter.config import load_settings
from casewriter.engine.catalog import Catalog
from casewriter.errors import CatalogError
from casewriter.paths import AppPaths
from tests.conftest import CliResult, run_cli

REPO = Path(__file__).resolve().parent.parent
BUILTIN = REPO / "templates"
LOST = BUILTIN / "examples" / "warehouse-lost.toml"
TOO_MANY = REPO / "tests" / "data" / "scenarios" / "s08-warehouse-lost-too-many-items.toml"


def readme_block(first_line: str) -> str:
    """The README code block that starts with ``first_line`` (its worked examples)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```\w*\n(" + re.escape(first_line) + r"\n.*?)```", text, re.S)
    assert found, first_line
    return found.group(1)


#: The README's worked example: one tip reworded, one deadline rule replaced.
README_EXAMPLE = readme_block("# <your templates folder>/overrides/warehouse-lost.toml")

TOP = 'max_items = 3\nsubject = "Lost FBA stock – FNSKU {{ ev.fnsku }}"\n'
MORE = """
[[evidence]]
key = "fnsku"
label = { en = "FNSKU(s) from the ledger" }
help = { en = "Copy them from the Adjustments rows." }
"""


def write_override(root: Path, case_type: str, text: str) -> Path:
    path = root / "overrides" / f"{case_type}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(res: CliResult, code: int = 2) -> str:
    assert res.code == code, res
    assert "Traceback" not in res.err and res.err.count("\n") == 1, res.err
    assert res.err.startswith("casewriter: error: ")
    return res.err


def render_json(cli, *args: str) -> dict:  # type: ignore[no-untyped-def, type-arg]
    res = cli("render", *args, "--format", "json", "--as-of", "2026-06-10")
    assert res.code == 0, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


# -- through the CLI -------------------------------------------------------------------------
def test_override_changes_only_what_it_names(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    before = render_json(cli, str(LOST))
    before_types = {t["id"]: t for t in json.loads(cli("--json", "types").out)}
    text = README_EXAMPLE.replace('extends = "builtin"\n', 'extends = "builtin"\n' + TOP) + MORE
    path = write_override(paths.user_templates, "warehouse-lost", text)

    after = render_json(cli, str(LOST))
    assert after["deadline"] == {
        "opens": "2026-05-20",
        "closes": "2026-07-04",  # 45 days, not the built-in 60
        "safe_by": None,
        "days_left": 24,
        "source": "Account manager's email of 2 Oct 2026 (as of 2026-10-02)",
    }
    assert after["subject"] == "Lost FBA stock – FNSKU X003KQ7ZP1"
    labels = {c["slot"]: c["label"] for c in after["checklist"]}
    assert labels["fnsku"] == "FNSKU(s) from the ledger"
    assert labels == {
        **{c["slot"]: c["label"] for c in before["checklist"]},
        "fnsku": labels["fnsku"],
    }
    assert after["body"] == before["body"]

    types = {t["id"]: t for t in json.loads(cli("--json", "types").out)}
    lost = types["warehouse-lost"]
    assert lost["override"] == str(path) and lost["origin"] == "builtin"
    assert lost["max_items"] == 3
    us = [r for r in lost["deadlines"] if "US" in r["marketplaces"]]
    assert [(r["max_days"], r["source"]) for r in us] == [
        (45, "Account manager's email of 2 Oct 2026")
    ]
    others = [
        r for r in before_types["warehouse-lost"]["deadlines"] if "US" not in r["marketplaces"]
    ]
    assert [r for r in lost["deadlines"] if "US" not in r["marketplaces"]] == others
    assert {k: v for k, v in lost.items() if k not in ("override", "max_items", "deadlines", "evidence", "required_evidence")} == {
        k: v for k, v in before_types["warehouse-lost"].items()
        if k not in ("override", "max_items", "deadlines", "evidence", "required_evidence")
    }  # fmt: skip
    assert types["warehouse-damaged"] == before_types["warehouse-damaged"]

    text = cli("types", "--group", "inventory").out
    assert f"warehouse-lost (built-in, partly overridden by {path})" in text
    assert "US: ≤ 45 days from ledger adjustment date (Account manager's email" in text


def test_max_items_from_the_override_drives_the_warning(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    assert any("above the suggested 5" in w for w in render_json(cli, str(TOO_MANY))["warnings"])
    write_override(paths.user_templates, "warehouse-lost", 'extends = "builtin"\nmax_items = 8\n')
    assert not any("above the suggested" in w for w in render_json(cli, str(TOO_MANY))["warnings"])


def test_templates_list_and_check_show_the_override(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    write_override(paths.user_templates, "warehouse-lost", README_EXAMPLE)
    listing = cli("templates", "list")
    assert listing.code == 0, listing.err
    lines = {line.split()[0]: line for line in listing.out.splitlines() if line.strip()}
    assert (
        "partly overridden by overrides/warehouse-lost.toml"
        in lines["case_types/warehouse-lost.toml"]
    )
    assert (
        "user (partly overrides case type warehouse-lost)" in lines["overrides/warehouse-lost.toml"]
    )
    assert "partly" not in lines["case_types/warehouse-damaged.toml"]
    rows = {r["name"]: r for r in json.loads(cli("--json", "templates", "list").out)}
    assert (
        rows["case_types/warehouse-lost.toml"]["partly_overridden_by"]
        == "overrides/warehouse-lost.toml"
    )
    assert rows["overrides/warehouse-lost.toml"]["partial_override_of"] == "warehouse-lost"

    shown = cli("templates", "show", "warehouse-lost").out.splitlines()
    assert (
        shown[1]
        == "# partly overridden by overrides/warehouse-lost.toml ('casewriter types' shows the result)"
    )
    assert "partly" not in cli("templates", "show", "warehouse-damaged").out.splitlines()[1]
    refused = cli("templates", "copy", "warehouse-lost")
    assert refused.code == 2 and "a partial override; a full copy would replace" in refused.err
    assert not (paths.user_templates / "case_types").exists()
    check = cli("templates", "check")
    assert check.code == 0, check
    assert check.out.splitlines()[-1] == (
        "checked 25 case type(s) (1 with your partial override) and their templates: clean"
    )


def test_a_broken_override_is_one_line_and_check_lists_every_problem(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    lost = write_override(
        paths.user_templates, "warehouse-lost", 'extends = "builtin"\nmax_itmes = 3\n'
    )
    odd = write_override(paths.user_templates, "general", 'extends = "builtin"\n[[tips.change]]\nfind = "Nothing like this"\nen = "x"\n')  # fmt: skip
    err = one_line_error(run_cli("render", str(LOST), home=paths.data_dir))
    assert f"{odd}: tips.change.0.find: no tip starts with 'Nothing like this'" in err
    err = one_line_error(cli("types"))
    assert "(the tips now start: " in err
    check = cli("templates", "check")
    assert check.code == 1, check
    problems = [line for line in check.out.splitlines() if line.startswith("problem: ")]
    assert len(problems) == 2, problems
    assert problems[0].startswith(
        f"problem: {odd}: tips.change.0.find: no tip starts with 'Nothing like this' "
        "(the tips now start: '"
    )
    assert problems[1] == f"problem: {lost}: max_itmes: unknown field (did you mean 'max_items'?)"
    assert "2 problem(s)" in check.out


def test_a_bad_subject_in_an_override_is_a_problem_not_a_crash(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    path = write_override(
        paths.user_templates, "warehouse-lost", 'extends = "builtin"\nsubject = "{{ broken"\n'
    )
    check = cli("--json", "templates", "check")
    assert check.code == 1 and "internal error" not in check.err + check.out
    report = json.loads(check.out)
    assert report["overrides"] == [str(path)] and not report["ok"]
    assert f"{path}: subject line 1: unexpected end of template" in report["problems"][0]
    err = one_line_error(cli("render", str(LOST)))
    assert f"template {path} subject line 1" in err


# -- the merge rules, on real files ----------------------------------------------------------
@pytest.fixture
def builtin_copy(tmp_path: Path) -> AppPaths:
    """A home whose built-in templates are a copy we can change, as an upgrade would."""
    root = tmp_path / "builtin"
    shutil.copytree(BUILTIN, root)
    return AppPaths(
        data_dir=tmp_path / "data", config_dir=tmp_path / "config", builtin_templates=root
    )


def test_built_in_fixes_still_arrive(builtin_copy: AppPaths) -> None:
    write_override(builtin_copy.user_templates, "warehouse-lost", README_EXAMPLE)
    toml = builtin_copy.builtin_templates / "case_types" / "warehouse-lost.toml"
    fixed = toml.read_text(encoding="utf-8")
    fixed = fixed.replace("Reconcile first:", "Reconcile first (fixed):")
    fixed = fixed.replace(
        'max_days = 60\neffective_from = "2025-01-09"',
        'max_days = 61\neffective_from = "2025-01-09"',
    )
    toml.write_text(fixed, encoding="utf-8")
    ct = Catalog.load(builtin_copy).get("warehouse-lost")
    assert ct.tips.en[1].startswith("Reconcile first (fixed):")  # the built-in fix
    assert ct.tips.en[4] == "At most 3 FNSKUs per case: our account manager asked for it."
    assert ct.tips.zh[4] == "每个Case最多3个FNSKU（客户经理要求）。"
    assert len(ct.tips.en) == len(ct.tips.zh) == 5
    de = [r for r in ct.deadlines if "DE" in r.marketplaces]
    assert [r.max_days for r in de] == [
        61,
        None,
    ]  # the built-in fix, in a marketplace not overridden
    assert [r.max_days for r in ct.deadlines if "US" in r.marketplaces] == [45]


def test_tables_merge_by_key_and_text_by_language(paths: AppPaths) -> None:
    builtin = Catalog.load(paths).get("warehouse-damaged")
    write_override(
        paths.user_templates,
        "warehouse-damaged",
        """extends = "builtin"
title = { zh = "仓内损坏（我的叫法）" }
attachments = { max_mb = 5 }

[vars]
event = "broken"

[[facts]]
key = "units_damaged"
help = { en = "Count them twice." }

[[facts]]
key = "carton_count"
type = "quantity"
label = { en = "Cartons", zh = "箱数" }

[[evidence]]
key = "sku"
required = true

[tips]
add = { en = ["My own tip."], zh = ["我的提示。"] }

[[tips.change]]
find = "自2024年11月1日起"
drop = true
""",
    )
    ct = Catalog.load(paths).get("warehouse-damaged")
    assert ct.title.en == builtin.title.en and ct.title.zh == "仓内损坏（我的叫法）"
    assert ct.attachments.max_mb == 5 and ct.attachments.accepted == builtin.attachments.accepted
    assert ct.vars == {**builtin.vars, "event": "broken"}
    spec, old = ct.fact("units_damaged"), builtin.fact("units_damaged")
    assert spec is not None and old is not None
    assert (
        spec.help.en == "Count them twice."
        and spec.help.zh == old.help.zh
        and spec.label == old.label
    )
    assert [f.key for f in ct.facts] == [*(f.key for f in builtin.facts), "carton_count"]
    sku = ct.slot("sku")
    assert sku is not None and sku.required and sku.label == builtin.slot("sku").label  # type: ignore[union-attr]
    assert ct.tips.en == [*builtin.tips.en[1:], "My own tip."]
    assert ct.tips.zh == [*builtin.tips.zh[1:], "我的提示。"]
    assert ct.deadlines == builtin.deadlines and ct.subject == builtin.subject


def test_vars_drive_the_shared_warehouse_template(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    damaged = BUILTIN / "examples" / "warehouse-damaged.toml"
    before = render_json(cli, str(damaged))["body"]
    write_override(paths.user_templates, "warehouse-damaged", 'extends = "builtin"\n[vars]\nrequest_also = "or send them back to us"\n')  # fmt: skip
    after = render_json(cli, str(damaged))["body"]
    assert "Please reimburse the 3 units of X002KT9PQ4.\n" in before
    assert after == before.replace(
        "Please reimburse the 3 units of X002KT9PQ4.",
        "Please reimburse the 3 units of X002KT9PQ4, or send them back to us.",
    )


def test_deadline_rules_use_the_catalogs_rule_model_and_config_applies_last(
    paths: AppPaths,
) -> None:
    rule = '[[deadlines]]\nmarketplaces = ["*"]\nclock = "ledger date"\nclock_fact = "ledger_date"\nmax_months = 2\nsource = "Mine"\nas_of = "2026-10-02"\n'  # fmt: skip
    path = write_override(paths.user_templates, "warehouse-lost", 'extends = "builtin"\n' + rule)
    ct = Catalog.load(paths).get("warehouse-lost")
    assert [(r.marketplaces, r.max_months) for r in ct.deadlines] == [(["*"], 2)]
    for bad, message in [
        ('as_of = "2026-10-02"', "deadlines.0.as_of: Field required"),
        ("max_months = 2", "deadlines.0: give max_days or max_months"),
        ('clock_fact = "ledger_date"', "deadlines.0.clock_fact: Field required"),
    ]:
        path.write_text('extends = "builtin"\n' + rule.replace(bad, ""), encoding="utf-8")
        with pytest.raises(CatalogError, match=f"^{path}: " + message.replace("(", r"\(")):
            Catalog.load(paths)
    path.write_text(
        'extends = "builtin"\n' + rule.replace('"ledger_date"', '"unit_cost"'), encoding="utf-8"
    )
    with pytest.raises(CatalogError, match="'unit_cost' is not a date fact of warehouse-lost"):
        Catalog.load(paths)
    path.write_text('extends = "builtin"\n' + rule.replace('"*"', '"XX"'), encoding="utf-8")
    with pytest.raises(CatalogError, match="deadlines.*marketplaces: unknown marketplace 'XX'"):
        Catalog.load(paths)
    path.write_text('extends = "builtin"\n' + rule, encoding="utf-8")
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(
        '[[deadline_overrides]]\ncase_type = "warehouse-lost"\nmarketplaces = ["US"]\nclock = "c"\nclock_fact = "ledger_date"\nmax_days = 9\nsource = "Config"\nas_of = "2026-10-02"\n',
        encoding="utf-8",
    )  # fmt: skip
    catalog = Catalog.load(paths, settings=load_settings(paths))
    assert [r.source for r in catalog.deadline_rules("warehouse-lost", "US")] == ["Config"]
    assert [r.source for r in catalog.deadline_rules("warehouse-lost", "DE")] == ["Mine"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("max_itmes = 3", "max_itmes: unknown field (did you mean 'max_items'?)"),
        ("origin = 'user'", "origin: unknown field"),
        (
            "[[tips.change]]\nfind = 'About 5'\nen = 'x'\nmax_items = 3",
            "tips.change.0.max_items: unknown field; max_items is a top-level key: write it above the first [table] or [[table]] line",
        ),
        ("[attachments]\nmax_bm = 3", "attachments.max_bm: unknown field (did you mean 'max_mb'?)"),
        (
            "[[evidence]]\nkey = 'fnsku'\nlable = { en = 'x' }",
            "evidence.0.lable: unknown field (did you mean 'label'?)",
        ),
        (
            "[[evidence]]\nkey = 'fnsku'\nlabel = { eng = 'x' }",
            "evidence.0.label.eng: unknown field (did you mean 'en'?)",
        ),
        (
            "[[evidence]]\nkey = 'fnskus'\nrequired = true",
            "evidence.0.key: 'fnskus' is not one of the built-in evidence keys (did you mean 'fnsku'?); a new entry is given whole",
        ),
        (
            "[[evidence]]\nrequired = true",
            "evidence.0.key: missing: name the entry to change (evidence keys: fnsku, ",
        ),
        ("[[facts]]\nkey = 'units_lost'\ntype = 'number'", "facts.0.type: Input should be"),
        (
            "[[tips.change]]\nfnd = 'About'",
            "tips.change.0.fnd: unknown field (did you mean 'find'?)",
        ),
        (
            "[[tips.change]]\nfind = 'S'\nen = 'x'",
            "tips.change.0.find: 'S' starts 2 tips; give more of the text",
        ),
        (
            "[[tips.change]]\nfind = 'About 5'\ndrop = true\nen = 'x'",
            "tips.change.0.drop: drop removes the tip; leave out en and zh",
        ),
        (
            "[[tips.change]]\nfind = 'About 5'",
            "tips.change.0: give en and/or zh (the new wording), or drop = true",
        ),
        ("[tips]\nad = { en = ['x'] }", "tips.ad: unknown field (did you mean 'add'?)"),
        ("[vars]\n'Bad Key' = 'x'", "vars: Value error, key 'Bad Key' must be snake_case"),
        ("main_identifier = 'nope'", "main_identifier: 'nope' is not an evidence slot key"),
        ("template = 'case_types/nope.md.j2'", "template: 'case_types/nope.md.j2' not found"),
        ("id = 'other'", "id: 'other' must equal the file name 'warehouse-lost'"),
    ],
)
def test_bad_keys_name_the_file_and_the_field(paths: AppPaths, text: str, message: str) -> None:
    path = write_override(paths.user_templates, "warehouse-lost", f'extends = "builtin"\n{text}\n')
    with pytest.raises(CatalogError) as err:
        Catalog.load(paths)
    assert err.value.message.startswith(f"{path}: {message}"), err.value.message
    catalog = Catalog.load(paths, strict=False)  # templates check: skipped, built-in kept
    assert catalog.problems == [err.value.message] and "warehouse-lost" not in catalog.overrides
    assert catalog.get("warehouse-lost") == Catalog.load(AppPaths.under(paths.data_dir / "x")).get(
        "warehouse-lost"
    )


def test_what_an_override_extends(paths: AppPaths) -> None:
    path = write_override(paths.user_templates, "warehouse-lost", "max_items = 3\n")
    with pytest.raises(
        CatalogError,
        match=f'^{path}: extends: is missing; a partial override starts with extends = "builtin"',
    ):
        Catalog.load(paths)
    path.write_text('extends = "warehouse-damaged"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match="extends: is 'warehouse-damaged'"):
        Catalog.load(paths)
    path.unlink()
    typo = write_override(paths.user_templates, "warehouse-lst", 'extends = "builtin"\n')
    with pytest.raises(
        CatalogError,
        match=f"^{typo}: there is no built-in case type 'warehouse-lst' to override \\(did you mean 'warehouse-lost'\\?\\)",
    ):
        Catalog.load(paths)
    typo.unlink()
    write_override(paths.user_templates, "warehouse-lost", 'extends = "builtin"\nmax_items = 3\n')
    full = paths.user_templates / "case_types" / "warehouse-lost.toml"
    full.parent.mkdir(parents=True)
    shutil.copy(BUILTIN / "case_types" / "warehouse-lost.toml", full)
    with pytest.raises(
        CatalogError,
        match=f"{full} is your full copy of 'warehouse-lost'.*keep one of the two files",
    ):
        Catalog.load(paths)


def test_a_users_own_body_template_wins_over_a_shared_one(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    """Someone who copied case_types/warehouse-lost.md.j2 before the warehouse types shared a
    template keeps getting it, for warehouse-lost only."""
    own = paths.user_templates / "case_types" / "warehouse-lost.md.j2"
    own.parent.mkdir(parents=True)
    own.write_text('{% extends "builtin/case_types/warehouse.md.j2" %}\n{% block request_heading %}What we ask{% endblock %}\n', encoding="utf-8")  # fmt: skip
    lost = render_json(cli, str(LOST))["body"]
    assert "\n\nWhat we ask\nPlease reimburse the 7 units" in lost
    damaged = render_json(cli, str(BUILTIN / "examples" / "warehouse-damaged.toml"))["body"]
    assert "What we ask" not in damaged and "\n\nRequest\nPlease reimburse" in damaged
    assert Catalog.load(paths).get("warehouse-lost").template == "case_types/warehouse-lost.md.j2"
    write_override(paths.user_templates, "warehouse-lost", 'extends = "builtin"\ntemplate = "case_types/warehouse.md.j2"\n')  # fmt: skip
    assert Catalog.load(paths).get("warehouse-lost").template == "case_types/warehouse.md.j2"


def test_the_readme_fragment_example_renders(cli, paths: AppPaths) -> None:  # type: ignore[no-untyped-def]
    first = "{# <your templates folder>/case_types/warehouse.md.j2: both warehouse types #}"
    tpl = paths.user_templates / "case_types" / "warehouse.md.j2"
    tpl.parent.mkdir(parents=True)
    tpl.write_text(readme_block(first), encoding="utf-8")
    text = render_json(cli, str(LOST))["body"]
    assert (
        "\n\nWe are Northbay Goods, an FBA seller on Amazon.com since 2019. On 2026-05-20 the"
        in text
    )
