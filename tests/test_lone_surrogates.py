"""Lone surrogates (a JSON ``"\\ud800"`` escape: half of a UTF-16 pair, not a character) and
unusable attachment paths: every place such text enters is handled, nothing crashes.

A surrogate cannot be written as UTF-8 (SQLite, any file). The one sanitiser is in
``casewriter.safetext`` (``surrogate_fields``, ``storable``, ``storable_data``): a case file
keeps each as the text of its escape with a note naming the field, ``log import`` refuses the
row, an autosave is resumed with it replaced (and written back clean), and the store refuses one
before any transaction. Attachment paths go through ``engine.attachments.path_problem``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from casewriter.engine.attachments import attachment_path, path_problem
from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.safetext import storable, storable_data, surrogate_fields, surrogate_problem
from casewriter.store import CaseStore
from casewriter.tui import autosave
from tests.test_store import make_case


def test_surrogate_fields_name_each_field_keys_included_in_document_order() -> None:
    data = {
        "profile": {"name": "Shop \ud800"},
        "evidence": {"fnsku": ["X003KQ7ZP1", "bad \udfff"]},
        "facts": {"to\udc00pic": "fine", "ok": "好 😀"},
    }
    assert surrogate_fields(data) == ["profile.name", "evidence.fnsku.1", "facts.to\\udc00pic"]
    assert surrogate_fields(data, limit=1) == ["profile.name"]
    assert surrogate_fields({"a": "好 😀", "b": [1, None, 2.5]}) == []
    assert surrogate_fields("\ud800") == ["(the document)"]


def test_surrogate_fields_walk_any_depth_without_recursion() -> None:
    deep: Any = "x \ud800"
    for _ in range(5000):
        deep = [deep]
    (where,) = surrogate_fields(deep)
    assert where.count(".") == 4999


def test_storable_text_is_utf8_and_reads_as_it_was_shown() -> None:
    assert storable("a \ud800 b \udcff") == "a \\ud800 b \\udcff"
    assert storable("好 😀") == "好 😀"
    cleaned = storable_data({"k\ud800": ["v\udfff", 3, {"x": "y"}]})
    assert cleaned == {"k\\ud800": ["v\\udfff", 3, {"x": "y"}]}
    json.dumps(cleaned, ensure_ascii=False).encode("utf-8")  # no UnicodeEncodeError
    assert surrogate_problem(["subject", "body"]).startswith("subject (and body): holds a lone")


def test_render_save_keeps_the_escape_text_and_names_the_field(
    cli: Any, home: Path, tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        '{"case_type": "general", "facts": {"topic": "lone \\ud800 topic"},'
        ' "narrative": {"checked": ["one \\udc00"]}}',
        encoding="utf-8",
    )
    res = cli("render", str(case), "--save")
    assert res.code == 0, res
    assert "facts.topic (and narrative.checked.0): holds a lone surrogate" in res.out + res.err
    with CaseStore.open(AppPaths.under(home)) as store:
        (logged,) = store.list()
        draft = store.get(logged.id).draft
    assert draft["facts"]["topic"] == "lone \\ud800 topic"
    assert draft["narrative"]["checked"] == ["one \\udc00"]


def test_render_from_stdin_is_sanitised_the_same_way(cli: Any, home: Path) -> None:
    res = cli(
        "render", "-", "--save", stdin='{"case_type": "general", "facts": {"topic": "a\\ud800"}}'
    )
    assert res.code == 0, res
    assert "facts.topic: holds a lone surrogate" in res.out + res.err


def test_the_store_refuses_a_surrogate_before_writing(home: Path) -> None:
    with CaseStore.open(AppPaths.under(home)) as store:
        for bad in (
            make_case(subject="x \ud800"),
            make_case(body="y \udfff"),
            replace(make_case(), draft={"case_type": "general", "facts": {"topic": "\ud800"}}),
        ):
            with pytest.raises(UsageError, match="holds a lone surrogate"):
                store.save_new(bad)
        assert store.list() == []


def _autosave(paths: AppPaths) -> Path:
    paths.autosave_dir.mkdir(parents=True)
    path = paths.autosave_dir / "k1.json"
    draft = {"case_type": "general", "facts": {"topic": "lone \ud800"}}
    path.write_text(json.dumps({"version": 1, "key": "k1", "step": "facts", "draft": draft}))
    return path


def test_an_autosave_with_a_surrogate_is_resumed_clean_and_written_back_clean(
    tmp_path: Path,
) -> None:
    paths = AppPaths.under(tmp_path)
    path = _autosave(paths)
    (entry,) = autosave.list_pending(paths)
    draft, note = autosave.load_checked(entry.path)
    assert draft["facts"]["topic"] == "lone \\ud800"
    assert note is not None and "k1.json: facts.topic: holds a lone surrogate" in note
    assert autosave.load_checked(path)[0] == autosave.load(path)
    raw = {"case_type": "general", "facts": {"topic": "again \udfff"}}
    autosave.save(paths, "k1", raw, step="facts")  # a write never fails on one
    assert json.loads(path.read_text(encoding="utf-8"))["draft"]["facts"]["topic"] == (
        "again \\udfff"
    )


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("a\x00b.pdf", "NUL character"),
        ("/tmp/x\x00/y.pdf", "NUL character"),
        ("~no-such-user-here/invoice.pdf", "no user 'no-such-user-here'"),
        ("~no-such-user-here", "no user 'no-such-user-here'"),
        ("x" * 5000 + ".pdf", "5,004 characters long"),
    ],
)
def test_an_unusable_attachment_path_is_a_problem_not_an_exception(
    tmp_path: Path, raw: str, says: str
) -> None:
    problem = path_problem(raw)
    assert problem is not None and says in problem
    path = attachment_path(raw, tmp_path)  # never raises
    assert path_problem(str(path)) == problem  # the checklist sees the same problem


def test_usable_attachment_paths_resolve_as_before(tmp_path: Path) -> None:
    assert path_problem("~/invoice.pdf") is None
    assert attachment_path("~/invoice.pdf") == Path.home() / "invoice.pdf"
    assert attachment_path("inv.pdf", tmp_path) == tmp_path / "inv.pdf"
    assert attachment_path("inv.pdf", "~no-such-user-here") == Path("~no-such-user-here/inv.pdf")


def test_cli_paths_under_an_unknown_users_home_are_one_line(cli: Any, home: Path) -> None:
    for args in (
        ("log", "import", "~no-such-user-here/export.json"),
        ("log", "backup", "~no-such-user-here/x.db"),
    ):
        res = cli(*args)
        assert res.code == 2 and res.err.count("\n") == 1, res
        assert "cannot find the home folder" in res.err, res
