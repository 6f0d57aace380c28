"""Property tests for ``config.toml``: any bytes and any shape give Settings or a clear
``UsageError`` naming the file; a saved config always loads back to the same Settings; the
comments a user wrote survive any change saved over them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewriter.config import (
    Limits,
    Profile,
    Settings,
    load_settings,
    save_settings,
    settings_from_dict,
)
from casewriter.errors import UsageError
from casewriter.paths import AppPaths

PROPS = settings(max_examples=80, deadline=None)
leaf = st.one_of(st.none(), st.booleans(), st.integers(-5, 5000), st.text(max_size=12),
                 st.sampled_from(["US", "uk", "zh", "en", "JP", "XX"]))  # fmt: skip
shapes = st.recursive(leaf, lambda inner: st.one_of(st.lists(inner, max_size=3),
                      st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)  # fmt: skip
keys = st.one_of(
    st.sampled_from(["lang", "default_marketplace", "default_profile", "follow_up_hours", "limits",
                     "profiles", "deadline_overrides"]),
    st.text(max_size=10),
)  # fmt: skip


@PROPS
@given(st.dictionaries(keys, shapes, max_size=5))
def test_any_config_shape_gives_settings_or_a_clear_error(data: dict[str, Any]) -> None:
    try:
        result = settings_from_dict(data, "config.toml")
    except UsageError as exc:
        assert exc.message.startswith("config.toml")
        return
    assert isinstance(result, Settings)


@PROPS
@given(st.binary(max_size=200))
def test_any_bytes_as_config_file(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    paths = AppPaths.under(tmp_path_factory.mktemp("cfg"))
    paths.config_file.write_bytes(raw)
    try:
        load_settings(paths)
    except UsageError as exc:
        assert str(paths.config_file) in exc.message


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)


@PROPS
@given(
    st.lists(
        st.builds(
            Profile,
            id=st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
            name=text,
            merchant_token=text,
            signature=text,
        ),
        max_size=3,
    ),  # fmt: skip
    st.integers(1, 1440),
    st.integers(1, 500),
)
def test_saved_settings_load_back_unchanged(tmp_path_factory: pytest.TempPathFactory,
                                            profiles: list[Profile], hours: int, subject_max: int) -> None:  # fmt: skip
    paths = AppPaths.under(tmp_path_factory.mktemp("cfg"))
    original = Settings(lang="zh", default_marketplace="UK", follow_up_hours=hours,
                        limits=Limits(subject_max=subject_max), profiles=tuple(profiles))  # fmt: skip
    save_settings(paths, original)
    assert load_settings(paths) == original


def test_config_file_is_private(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "home")
    save_settings(paths, Settings())
    assert paths.config_file.stat().st_mode & 0o777 == 0o600


one_profile = st.builds(
    Profile,
    id=st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True),
    name=text,
    merchant_token=text,
    default_marketplace=st.sampled_from(["US", "UK", "JP"]),
    signature=text,
)
profiles = st.lists(one_profile, max_size=3, unique_by=lambda p: p.id)
any_settings = st.builds(
    Settings,
    lang=st.sampled_from(["en", "zh"]),
    default_marketplace=st.sampled_from(["US", "DE", "JP"]),
    default_profile=st.sampled_from(["", "main"]),
    follow_up_hours=st.integers(1, 1440),
    limits=st.builds(Limits, subject_max=st.integers(1, 500), body_max=st.integers(1, 9000)),
    profiles=profiles.map(tuple),
)
KEY_LINE = re.compile(r"^[a-z_]+ = ")


def commented(text: str) -> tuple[str, list[str]]:
    """``text`` with a comment line above every line and a comment after every key."""
    out, notes = [], []
    for n, line in enumerate(text.split("\n")):  # not splitlines(): U+0085 may be in a value
        above, after = f"# note {n} above", f"# note {n} after"
        out.append(above)
        notes.append(above)
        if KEY_LINE.match(line):
            line = f"{line}  {after}"
            notes.append(after)
        out.append(line)
    return "\n".join(out) + "\n", notes


@settings(max_examples=40, deadline=None)
@given(any_settings, any_settings, st.data())
def test_comments_survive_a_save(tmp_path_factory: pytest.TempPathFactory, original: Settings,
                                 other: Settings, data: st.DataObject) -> None:  # fmt: skip
    """Every setting changed (profiles edited in place, some added), every comment kept."""
    paths = AppPaths.under(tmp_path_factory.mktemp("cfg"))
    save_settings(paths, original)
    text, notes = commented(paths.config_file.read_text(encoding="utf-8"))
    paths.config_file.write_text(text, encoding="utf-8")
    assert load_settings(paths) == original
    edited = tuple(
        replace(p, name=q.name, signature=q.signature, default_marketplace=q.default_marketplace)
        for p, q in ((p, data.draw(one_profile)) for p in original.profiles)
    )
    added = tuple(p for p in other.profiles if p.id not in {q.id for q in original.profiles})
    changed = replace(other, profiles=edited + added)
    save_settings(paths, changed)
    after = paths.config_file.read_text(encoding="utf-8")
    assert load_settings(paths) == changed
    assert [n for n in notes if n not in after] == []
    save_settings(paths, changed)  # saving what is there changes nothing
    assert paths.config_file.read_text(encoding="utf-8") == after
