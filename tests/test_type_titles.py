"""The home table's case type titles (``engine.type_titles``) are the catalog's, read cheaply:
one ``title = { … }`` line when a file has one (the first frame waits for them), the whole file
otherwise (a ``[title]`` table, a title line with a comment)."""

from __future__ import annotations

from casewriter.config import Settings
from casewriter.engine import Engine, type_titles
from casewriter.paths import AppPaths


def test_titles_are_the_catalogs(paths: AppPaths) -> None:
    catalog = Engine.load(paths, Settings()).catalog
    titles = type_titles(paths)
    assert len(titles) == len(catalog.all()) == 25
    for ct in catalog.all():
        assert titles[ct.id] == (ct.title.en, ct.title.zh or ct.title.en)


def test_a_users_type_with_a_title_table_or_a_commented_line(paths: AppPaths) -> None:
    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    (folder / "my-table.toml").write_text(
        'group = "inventory"\n\n[title]\nen = "My claim"\nzh = "我的索赔"\n', encoding="utf-8"
    )
    (folder / "my-comment.toml").write_text(
        'title = { en = "Commented", zh = "有注释" }  # a note\n', encoding="utf-8"
    )
    (folder / "my-broken.toml").write_text('title = { en = "Broken"\n', encoding="utf-8")
    titles = type_titles(paths)
    assert titles["my-table"] == ("My claim", "我的索赔")
    assert titles["my-comment"] == ("Commented", "有注释")
    assert "my-broken" not in titles  # a file that does not read is skipped
