"""Pilot tests of the home screen: populated log, filter, search, paging, empty first run,
language switch, the autosave resume prompt."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Input, Static

from casewriter.tui import autosave
from casewriter.tui.app import CasewriterApp
from casewriter.tui.dialogs.resume import ResumeDialog
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import PAGE, CaseTable
from casewriter.tui.widgets.status_filter import StatusFilter
from tests.tui.conftest import FIXED_NOW, RunApp, add_case, calm


def table_ids(app: CasewriterApp) -> list[str]:
    table = app.screen.query_one(CaseTable)
    return [str(k.value) for k in table.rows]


def populate(services: Services) -> dict[str, str]:
    ids = {
        "inbound": add_case(
            services,
            "Missing units in shipment FBA17XKQ9M2Z – 4 units of FNSKU X003KQ7ZP1",
            identifiers=[("shipment_id", "FBA17XKQ9M2Z")],
            deadline=FIXED_NOW.date() + timedelta(days=3),
        ),
        "lost": add_case(
            services,
            "仓库丢失 FNSKU X00LOST123 三件，请求赔偿",
            case_type="warehouse-lost",
            body="亚马逊仓库丢失了三件商品，退款未到账。",
        ),
        "atoz": add_case(
            services,
            "A-to-z claim on order 112-1234567-7654321",
            case_type="a-to-z-response",
            identifiers=[("order_id", "112-1234567-7654321")],
        ),
    }
    services.store.file(ids["atoz"], "18274659301", now=FIXED_NOW)
    return ids


async def test_home_lists_cases_newest_first(services: Services, run_app: RunApp) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, HomeScreen)
        assert table_ids(app) == [ids["atoz"], ids["lost"], ids["inbound"]]
        count = str(app.screen.query_one("#count", Static).render())
        assert "3 of 3" in count
        due = str(app.screen.query_one("#due", Static).render())
        assert ids["inbound"] in due and "3 days left" in due


async def test_status_filter_narrows_the_table(services: Services, run_app: RunApp) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        app.screen.query_one("#status-filter", StatusFilter).value = "filed"
        await calm(pilot)
        assert table_ids(app) == [ids["atoz"]]
        await pilot.press("f")  # cycle to the next status: awaiting-amazon
        await calm(pilot)
        assert app.screen.query_one("#status-filter", StatusFilter).value == "awaiting-amazon"
        assert table_ids(app) == []
        assert "No case matches" in str(app.screen.query_one("#count", Static).render())


async def test_search_narrows_the_table_including_chinese(
    services: Services, run_app: RunApp
) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"FBA17XKQ9M2Z")
        await calm(pilot)
        assert table_ids(app) == [ids["inbound"]]
        app.screen.query_one("#search", Input).value = "仓库丢失"
        await calm(pilot)
        assert table_ids(app) == [ids["lost"]]
        app.screen.query_one("#search", Input).value = ""
        await calm(pilot)
        assert len(table_ids(app)) == 3


async def test_enter_opens_the_case_detail(services: Services, run_app: RunApp) -> None:
    ids = populate(services)
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("down", "enter")
        await calm(pilot)
        assert isinstance(app.screen, CaseDetailScreen)
        assert app.screen.case_id == ids["lost"]
        await pilot.press("escape")
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_table_pages_lazily(services: Services, run_app: RunApp) -> None:
    from casewriter.store import NewCase

    for i in range(PAGE + 30):
        services.store.save_new(
            NewCase("p", "US", "warehouse-lost", f"Lost unit {i}", "body", {}, []), now=FIXED_NOW
        )
    async with run_app() as pilot:
        app = pilot.app
        table = app.screen.query_one(CaseTable)
        assert table.total == PAGE + 30
        assert table.row_count == PAGE
        table.move_cursor(row=PAGE - 5)
        await calm(pilot)
        assert table.row_count == PAGE + 30
        assert len(set(table_ids(app))) == PAGE + 30


async def test_empty_log_shows_first_run_help(run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        empty = app.screen.query_one("#empty", Static)
        assert empty.display is True
        assert "Press n to draft your first case" in str(empty.render())
        assert app.screen.query_one(CaseTable).display is False


async def test_language_switch_relabels_home(services: Services, run_app: RunApp) -> None:
    populate(services)
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f4")
        await calm(pilot)
        screen = app.screen
        assert str(screen.query_one("#home-title", Static).render()) == "Case 记录"
        assert screen.query_one("#search", Input).placeholder.startswith("搜索 Case")
        table = screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels[:3] == ["编号", "状态", "类型"]
        descriptions = {
            b.binding.id: b.binding.description for b in screen.active_bindings.values()
        }
        assert descriptions["new-case"] == "新建 Case"
        assert "已提交" in [str(table.get_cell_at((r, 1))) for r in range(table.row_count)]
        assert services.settings.lang == "zh"  # persisted
        await pilot.press("f4")
        await calm(pilot)
        assert str(screen.query_one("#home-title", Static).render()) == "Case log"


async def test_pending_autosave_is_offered_on_start(services: Services, run_app: RunApp) -> None:
    draft = {
        "case_type": "inbound-missing-units",
        "marketplace": "US",
        "evidence": {"shipment_id": ["FBA17XKQ9M2Z"]},
    }
    path = autosave.save(services.paths, "session-1", draft, step="facts", now=FIXED_NOW)
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, ResumeDialog)
        description = str(app.screen.query_one("#resume-description", Static).render())
        # the type by its title, never its id (issue 13 §4: "x — x" was the id twice)
        assert description.startswith("Missing units in an FBA inbound shipment — US · ")
        assert "inbound-missing-units" not in description
        await pilot.click("#discard")
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not path.exists()


async def test_command_palette_lists_every_home_action(run_app: RunApp) -> None:
    from casewriter.tui.palette import palette_actions
    from casewriter.tui.screens.home import HOME_ACTIONS

    async with run_app() as pilot:
        app = pilot.app
        ids = {spec.id for _, spec in palette_actions(app.screen, app)}
        assert {s.id for s in HOME_ACTIONS if s.palette} <= ids
        assert {"open-settings", "open-scan", "toggle-language"} <= ids
        await pilot.press("ctrl+p")
        await calm(pilot)
        app.screen.query_one(Input).value = "Settings"  # the palette searches as it changes
        await calm(pilot)
        await pilot.press("enter")
        await calm(pilot)
        from casewriter.tui.screens.settings import SettingsScreen

        assert isinstance(app.screen, SettingsScreen)
