"""Users' own templates (issue 12): ``templates copy`` records what it copied, ``templates
check`` says when the built-in has changed since (and what), or that a copy predates the
records, and ``templates accept`` records that a copy now follows today's built-in."""

from __future__ import annotations

import json
from pathlib import Path

from casewriter.engine.template_copies import diff_summary

NAME = "case_types/warehouse.md.j2"


def test_a_fresh_copy_is_recorded_and_current(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    res = cli("templates", "copy", NAME)
    assert res.code == 0, res.err
    records = home / "templates" / ".casewriter-copies"
    builtin = Path(__file__).resolve().parent.parent / "templates" / NAME
    assert (records / f"{NAME}.builtin").read_bytes() == builtin.read_bytes()
    manifest = json.loads((records / "copies.json").read_text(encoding="utf-8"))
    assert manifest[NAME]["version"] and manifest[NAME]["copied"] and manifest[NAME]["sha256"]
    check = json.loads(cli("templates", "check", "--json").out)
    assert check["copies"] == [] and not any(NAME in w for w in check["warnings"])
    listed = cli("templates", "list").out
    assert ".casewriter-copies" not in listed and ".builtin" not in listed


def test_check_says_what_changed_in_the_builtin_since_the_copy(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("templates", "copy", "warehouse-lost").code == 0
    recorded = home / "templates" / ".casewriter-copies" / f"{NAME}.builtin"
    # the built-in as it was when copied: it held a sentence today's built-in no longer has
    old = recorded.read_text(encoding="utf-8").replace(
        "{% block checked_items %}\n",
        "{% block checked_items %}\n- Inventory Ledger: no Found (F) entry for these units.\n",
    )
    recorded.write_text(old, encoding="utf-8")
    res = cli("templates", "check")
    line = next(w for w in res.out.splitlines() if w.startswith(f"warning: {NAME}:"))
    assert "the built-in has changed since you copied it on" in line
    assert "0 line(s) added, 1 removed" in line
    assert '- "- Inventory Ledger: no Found (F) entry for these units."' in line
    assert f"casewriter templates show builtin/{NAME}" in line
    assert f"casewriter templates accept {NAME}" in line
    data = json.loads(cli("templates", "check", "--json").out)
    assert data["copies"][0]["status"] == "builtin-changed" and data["copies"][0]["removed"] == 1
    assert res.code == 0  # a warning: the copy still renders
    accepted = cli("templates", "accept", NAME)
    assert accepted.code == 0 and f"recorded: your copy of {NAME}" in accepted.out
    assert NAME not in cli("templates", "check").out


def test_a_copy_made_before_records_existed(cli, home: Path) -> None:  # type: ignore[no-untyped-def]
    target = home / "templates" / "_base.md.j2"
    target.parent.mkdir(parents=True)
    builtin = Path(__file__).resolve().parent.parent / "templates" / "_base.md.j2"
    target.write_text(builtin.read_text(encoding="utf-8") + "{# my edit #}\n", encoding="utf-8")
    out = cli("templates", "check").out
    assert (
        "warning: _base.md.j2: copied before casewriter recorded versions, and different from "
        "today's built-in; compare with `casewriter templates show builtin/_base.md.j2`"
    ) in out
    # identical to today's built-in: nothing to say
    target.write_text(builtin.read_text(encoding="utf-8"), encoding="utf-8")
    assert "_base.md.j2" not in cli("templates", "check").out
    res = cli("templates", "accept", "general")
    assert res.code == 2 and "you have no copy of a built-in template named 'general'" in res.err


def test_diff_summary_counts_and_quotes() -> None:
    old = b"a\nb\nc\n"
    new = b"a\nB\nc\nd\n"
    assert diff_summary(old, new) == (2, 1, ['- "b"', '+ "B"', '+ "d"'])
