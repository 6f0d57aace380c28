"""``config.toml`` written with tomlkit: a save changes only what changed, so the user's comments,
order and spelling of values survive; a new file is documented; the file stays private and is
never overwritten when it is not valid TOML. (The property versions are in
tests/test_config_props.py.)"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from dataclasses import replace
from datetime import date

import pytest

from casewriter.config import (
    DeadlineOverride,
    Limits,
    Profile,
    Settings,
    load_settings,
    save_settings,
    settings_from_dict,
)
from casewriter.config.model import Settings as DeclaredSettings
from casewriter.config.schema import spec_of
from casewriter.config.writer import HEADER, config_text
from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from tests.conftest import REPO

HAND_WRITTEN = '''\
# My casewriter config -- edited by hand, keep my notes!
lang = 'zh'   # 中文界面
default_marketplace = "uk"    # lower case is fine

limits.body_max = 3000  # Amazon cut my text at 3000

# accounts
[[profiles]]
# the main one
id = "main"
name = "Northbay Goods"   # as on the invoice
signature = """Best regards,
Northbay"""

[[profiles]]
id = "eu"
name = "Northbay EU"
default_marketplace = "DE"  # Lumiere sells in Germany

# From my account manager, October 2026
[[deadline_overrides]]
case_type = "inbound-missing-units"   # AM said so
marketplaces = ["us"]
clock = "delivery"
clock_fact = "delivered_date"
max_days = 0x3c   # sixty
source = "AM email"
as_of = 2026-10-02
'''

COMMENTS = [line[line.index("#") :] for line in HAND_WRITTEN.splitlines() if "#" in line]


def comments_in(text: str) -> list[str]:
    return [c for c in COMMENTS if c in text]


def write(paths: AppPaths, text: str) -> None:
    paths.ensure()
    paths.config_file.write_text(text, encoding="utf-8")


def test_saving_unchanged_settings_leaves_the_file_as_it_was(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    settings = load_settings(paths)
    save_settings(paths, settings)
    assert paths.config_file.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_change_keeps_every_comment_and_the_users_spelling(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    before = load_settings(paths)
    main, eu = before.profiles
    changed = before.with_changes(
        lang="en",
        follow_up_hours=24,
        limits=replace(before.limits, subject_max=99),
        profiles=(replace(main, name="Northbay Goods LLC"), eu, Profile("jp", "Northbay JP")),
    )
    save_settings(paths, changed)
    text = paths.config_file.read_text(encoding="utf-8")
    assert load_settings(paths) == changed
    assert comments_in(text) == COMMENTS
    # Values that did not change keep the user's spelling; changed ones keep their comment.
    for kept in ('default_marketplace = "uk"', 'marketplaces = ["us"]', "max_days = 0x3c",
                 '"""Best regards,\nNorthbay"""', "limits.body_max = 3000"):  # fmt: skip
        assert kept in text
    assert "lang = 'en'   # 中文界面" in text or 'lang = "en"   # 中文界面' in text
    assert 'name = "Northbay Goods LLC"   # as on the invoice' in text
    assert text.index('id = "main"') < text.index('id = "eu"') < text.index('id = "jp"')


def test_a_removed_profile_takes_only_its_own_lines(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    before = load_settings(paths)
    save_settings(paths, before.with_changes(profiles=before.profiles[1:]))
    text = paths.config_file.read_text(encoding="utf-8")
    assert load_settings(paths) == before.with_changes(profiles=before.profiles[1:])
    assert "Northbay Goods" not in text and "# the main one" not in text
    assert comments_in(text) == [c for c in COMMENTS if c not in ("# the main one",
                                                                   "# as on the invoice")]  # fmt: skip


def test_no_profiles_and_no_overrides_leave_no_empty_lists(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    bare = load_settings(paths).with_changes(profiles=(), deadline_overrides=())
    save_settings(paths, bare)
    text = paths.config_file.read_text(encoding="utf-8")
    assert load_settings(paths) == bare
    assert "profiles" not in text and "deadline_overrides" not in text
    assert "# My casewriter config" in text and "# Amazon cut my text at 3000" in text


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ('profiles = [{id = "a", name = "A"}]  # inline\n', "# inline"),
        ('[limits]\nsubject_max = 100 # short\n', "# short"),
        ("limits = { subject_max = 100 }  # inline table\n", "# inline table"),
        ("follow_up_hours = 0x30  # hex\n", "0x30  # hex"),
        ('default_profile = """a"""  # multi-line string\n', '"""a"""  # multi-line string'),
    ],
)  # fmt: skip
def test_unusual_but_valid_layouts_are_kept(paths: AppPaths, written: str, kept: str) -> None:
    write(paths, written)
    before = load_settings(paths)
    save_settings(paths, before.with_changes(default_marketplace="JP"))
    text = paths.config_file.read_text(encoding="utf-8")
    assert kept in text
    assert load_settings(paths) == before.with_changes(default_marketplace="JP")


def test_inline_profiles_stay_inline_when_one_is_added(paths: AppPaths) -> None:
    write(paths, 'profiles = [{id = "a", name = "A"}]  # inline\n')
    before = load_settings(paths)
    after = before.with_changes(profiles=(*before.profiles, Profile("b", "B")))
    save_settings(paths, after)
    text = paths.config_file.read_text(encoding="utf-8")
    assert "[[profiles]]" not in text and "# inline" in text
    assert load_settings(paths) == after


def test_a_new_file_documents_every_setting(paths: AppPaths) -> None:
    settings = Settings(profiles=(Profile("main", "Northbay"),))
    save_settings(paths, settings)
    text = paths.config_file.read_text(encoding="utf-8")
    assert text.startswith(f"# {HEADER}\n")
    assert load_settings(paths) == settings
    for name in ("lang", "default_marketplace", "default_profile", "follow_up_hours"):
        line = f"{name} = "
        assert line in text
        before = text[: text.index(line)].rstrip("\n").splitlines()[-1]
        assert before == f"# {spec_of(field(name)).doc}"
    assert f"[limits]  # {spec_of(field('limits')).doc}" in text


def field(name: str):  # type: ignore[no-untyped-def]
    from dataclasses import fields

    return next(f for f in fields(DeclaredSettings) if f.name == name)


def test_every_setting_is_declared_with_help() -> None:
    from dataclasses import fields

    from casewriter.config.model import DeadlineOverride as DO
    from casewriter.config.model import Limits as LI
    from casewriter.config.model import Profile as PR

    for cls in (DeclaredSettings, LI, PR, DO):
        for f in fields(cls):
            assert spec_of(f).doc.strip(), f"{cls.__name__}.{f.name}"


def test_saved_file_is_private_even_if_it_was_not(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    paths.config_file.chmod(0o644)
    save_settings(paths, load_settings(paths).with_changes(follow_up_hours=12))
    assert paths.config_file.stat().st_mode & 0o777 == 0o600


def test_a_file_broken_since_it_was_read_is_not_overwritten(paths: AppPaths) -> None:
    write(paths, HAND_WRITTEN)
    settings = load_settings(paths)
    broken = HAND_WRITTEN + "\n[[profiles]\nid = 'oops'\n"
    write(paths, broken)
    with pytest.raises(UsageError, match=r"config\.toml: not valid TOML"):
        save_settings(paths, settings.with_changes(follow_up_hours=12))
    assert paths.config_file.read_text(encoding="utf-8") == broken


def test_overrides_are_written_and_read_back() -> None:
    override = DeadlineOverride(
        "warehouse-lost", ("*",), "loss", "event_date", "my rule", date(2026, 1, 5),
        min_days=5, max_months=3, note='a "quoted"\nnote',
    )  # fmt: skip
    settings = Settings(deadline_overrides=(override,), limits=Limits(body_max=5000))
    text = config_text(settings)
    assert settings_from_dict(tomllib.loads(text)) == settings
    assert "max_days" not in text  # None is left out, not written as ""
    assert "as_of = 2026-01-05" in text  # a TOML date


def test_saving_does_not_load_tomlkit_until_it_saves() -> None:
    probe = (
        "import sys; from casewriter.config import load_settings, save_settings; "
        "print('tomlkit' in sys.modules, 'pydantic' in sys.modules)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert proc.stdout.split() == ["False", "False"], proc.stderr
