"""Pilot tests of the settings screen: add a profile, save, language switch at run time."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Input, Select, Static

from casewriter.config import load_settings
from casewriter.tui.dialogs.profile import ProfileDialog
from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm


async def test_add_profile_and_save(services: Services, run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.click("#btn-add")
        await calm(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProfileDialog)
        dialog.query_one("#profile-id", Input).value = "bad id!"
        await pilot.click("#ok")
        await calm(pilot)
        assert "letters, digits" in str(dialog.query_one("#profile-error", Static).render())
        dialog.query_one("#profile-id", Input).value = "shenzhen"
        dialog.query_one("#profile-name", Input).value = "深圳优品 Shenzhen Goods"
        dialog.query_one("#profile-token", Input).value = "a2sz1goods7x"
        dialog.query_one("#profile-marketplace", Select).value = "UK"
        await pilot.click("#ok")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#default-profile", Select).value = "shenzhen"
        screen.query_one("#hours", Input).value = "72"
        screen.query_one("#marketplace", Select).value = "DE"
        await pilot.click("#btn-save")
        await calm(pilot)
    saved = load_settings(services.paths)
    assert saved.follow_up_hours == 72
    assert saved.default_marketplace == "DE"
    assert saved.default_profile == "shenzhen"
    (profile,) = saved.profiles
    assert (profile.name, profile.merchant_token, profile.default_marketplace) == (
        "深圳优品 Shenzhen Goods",
        "A2SZ1GOODS7X",
        "UK",
    )


async def test_bad_hours_are_refused(services: Services, run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        app.screen.query_one("#hours", Input).value = "0"
        await pilot.click("#btn-save")
        await calm(pilot)
        assert "1 to 1440" in str(app.screen.query_one("#settings-error", Static).render())
    assert not services.paths.config_file.exists()


async def test_language_select_relabels_every_screen(run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        app.screen.query_one("#lang", Select).value = "zh"
        await calm(pilot)
        assert str(app.screen.query_one("#settings-title", Static).render()) == "设置"
        assert str(app.screen.query_one("#btn-save", Button).label) == "保存"
        home = app.screen_stack[-2]
        assert str(home.query_one("#home-title", Static).render()) == "Case 记录"
        await pilot.press("escape")
        await calm(pilot)
        assert str(app.screen.query_one("#count", Static).render()).startswith("共 0 个 Case")


async def test_a_profile_keeps_its_local_name_apart_from_the_store_name(
    services: Services, run_app: RunApp
) -> None:
    """The local name is a field of its own: shown in the settings screen, saved in the
    config, and the store name (the one Amazon knows) stays what the case text uses."""
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        await pilot.click("#btn-add")
        await calm(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProfileDialog)
        dialog.query_one("#profile-id", Input).value = "sz"
        dialog.query_one("#profile-name", Input).value = "Shenzhen Brightway Trading"
        dialog.query_one("#profile-local-name", Input).value = "深圳明途贸易"
        await pilot.click("#ok")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        table = screen.query_one("#profiles", DataTable)
        assert str(table.get_row("sz")[1]) == "Shenzhen Brightway Trading (深圳明途贸易)"
        await pilot.click("#btn-save")
        await calm(pilot)
    (profile,) = load_settings(services.paths).profiles
    assert (profile.name, profile.local_name) == ("Shenzhen Brightway Trading", "深圳明途贸易")
