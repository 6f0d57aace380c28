"""Settings saved from the app keep what the user wrote in ``config.toml``: comments, order,
spelling and the deadline overrides the settings screen does not show."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.widgets import Input, Select

from casewriter.config import load_settings
from casewriter.paths import AppPaths
from casewriter.tui.app import make_app
from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from tests.tui.conftest import SIZE, fixed_clock

CONFIG = """\
# Written by hand. 我的设置
lang = "en"            # the app in English
follow_up_hours = 48   # two days

[[profiles]]
# main account, Shenzhen office
id = "shenzhen"
name = "深圳优品 Shenzhen Goods"
default_marketplace = 'UK'   # we sell in the UK

# my account manager's window (email of 2026-10-02)
[[deadline_overrides]]
case_type = "inbound-missing-units"
marketplaces = ["US"]
clock = "shipment delivery"
clock_fact = "delivered_date"
max_days = 60   # not 270!
source = "AM email"
as_of = 2026-10-02
"""


@pytest.fixture
def hand_written(paths: AppPaths) -> Iterator[Services]:
    paths.ensure()
    paths.config_file.write_text(CONFIG, encoding="utf-8")
    svc = Services(paths=paths, settings=load_settings(paths), clock=fixed_clock)
    yield svc
    svc.close()


async def test_saving_from_the_settings_screen_keeps_the_users_comments(
    hand_written: Services,
) -> None:
    app = make_app(hand_written)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#hours", Input).value = "72"
        screen.query_one("#marketplace", Select).value = "DE"
        await pilot.click("#btn-save")
        await pilot.pause()
    paths = hand_written.paths
    text = paths.config_file.read_text(encoding="utf-8")
    saved = load_settings(paths)
    assert (saved.follow_up_hours, saved.default_marketplace) == (72, "DE")
    assert saved.profiles == hand_written.settings.profiles
    assert saved.deadline_overrides[0].max_days == 60
    for line in CONFIG.splitlines():
        if "#" in line:
            assert line[line.index("#") :] in text
    assert "follow_up_hours = 72   # two days" in text
    assert "default_marketplace = 'UK'   # we sell in the UK" in text
    assert paths.config_file.stat().st_mode & 0o777 == 0o600
