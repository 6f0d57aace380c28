"""Property tests for ``config.toml``: any bytes and any shape give Settings or a clear
``UsageError`` naming the file; a saved config always loads back to the same Settings."""

from __future__ import annotations

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
