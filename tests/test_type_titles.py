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


def test_titles_and_search_words_skip_the_same_unreadable_files(paths: AppPaths) -> None:
    """``type_titles`` and ``type_words`` read the case-type files through one reader: a file
    that is not UTF-8, one larger than any case type, a folder named like a file and a broken
    file are skipped by both, and a user's readable type is read by both."""
    from casewriter.engine import type_words

    folder = paths.user_templates / "case_types"
    folder.mkdir(parents=True)
    mine = 'title = { en = "Pallet lost", zh = "托盘丢失" }\nkeywords = { en = ["pallet"] }\n'
    (folder / "my-pallet.toml").write_text(mine, encoding="utf-8")
    (folder / "not-utf8.toml").write_bytes('title = { en = "Lost", zh = "丢失" }\n'.encode("gbk"))
    (folder / "huge.toml").write_text(
        'title = { en = "Huge", zh = "大" }\n' + "# filler\n" * 130_000, encoding="utf-8"
    )
    (folder / "a-folder.toml").mkdir()
    (folder / "my-broken.toml").write_text("title = {\n", encoding="utf-8")
    titles, words = type_titles(paths), type_words(paths)
    skipped = {"not-utf8", "huge", "a-folder", "my-broken"}
    assert not skipped & set(titles) and not skipped & set(words)
    assert titles["my-pallet"] == ("Pallet lost", "托盘丢失")
    assert "Pallet lost" in words["my-pallet"] and "pallet" in words["my-pallet"]
    assert set(titles) == set(words)
