"""Pilot tests of the home screen's status filter (``StatusFilter``): its menu by keyboard and
mouse, stepping with the arrow keys, and its label in both UI languages."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.filter_menu import FilterMenu
from casewriter.tui.widgets.status_filter import StatusFilter
from tests.tui.conftest import RunApp, calm
from tests.tui.test_home import populate, table_ids


def status_filter(app: Any) -> StatusFilter:
    widget: StatusFilter = app.screen.query_one("#status-filter", StatusFilter)
    return widget


async def test_menu_chooses_a_status_by_keyboard(services: Services, run_app: RunApp) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        status_filter(app).focus()
        await pilot.press("enter")
        await calm(pilot)
        assert isinstance(app.screen, FilterMenu)
        menu = app.screen.query_one(OptionList)
        assert menu.highlighted == 0  # the current value, "all"
        await pilot.press("down", "down", "enter")  # all -> draft -> filed
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert status_filter(app).value == "filed"
        assert table_ids(app) == [ids["atoz"]]
        assert "filed" in str(status_filter(app).render())


async def test_click_opens_the_menu_and_escape_keeps_the_status(
    services: Services, run_app: RunApp
) -> None:
    populate(services)
    async with run_app() as pilot:
        app = pilot.app
        await pilot.click("#status-filter")
        await calm(pilot)
        assert isinstance(app.screen, FilterMenu)
        await pilot.press("escape")
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert status_filter(app).value == "all"
        assert len(table_ids(app)) == 3


async def test_arrow_keys_step_through_statuses(services: Services, run_app: RunApp) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        status_filter(app).focus()
        await pilot.press("down")
        await calm(pilot)
        assert status_filter(app).value == "draft"
        assert sorted(table_ids(app)) == sorted([ids["lost"], ids["inbound"]])
        await pilot.press("up", "up")  # back to all, then wraps to the last status
        await calm(pilot)
        assert status_filter(app).value == "closed"
        assert table_ids(app) == []


async def test_filter_label_follows_the_language(services: Services, run_app: RunApp) -> None:
    populate(services)
    async with run_app() as pilot:
        app = pilot.app
        assert "All statuses" in str(status_filter(app).render())
        await pilot.press("f4")
        await calm(pilot)
        assert "全部状态" in str(status_filter(app).render())
        status_filter(app).value = "filed"
        await calm(pilot)
        assert "已提交" in str(status_filter(app).render())
