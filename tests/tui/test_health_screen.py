"""The Health screen (issue 15) driven with Pilot on the US sample seller: opened from home by
its key and from the palette, on the last review run of the log; the actions list in the core's
order; ``Enter`` on an action opens the wizard on its drafted case with the facts filled;
switching language keeps the tab, the action and the paths typed; reading new paths in a worker
records the run (home's due panel then drops the monthly reminder); the empty state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui.safe import Input, Static
from casewriter.tui.screens.health import HealthScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.due_panel import DuePanel
from casewriter.tui.widgets.health_board import ChartBoard
from casewriter.tui.widgets.health_tabs import TabStrip
from casewriter.tui.wizard import WizardScreen
from tests.tui.conftest import RunApp, calm, notifications
from tests.tui.health_data import CEDARPINE, NOW, now, record_account, run_cli_review


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    """Services whose "today" is the sample seller's review date."""
    svc = Services(paths=paths, settings=settings, clock=now)
    yield svc
    svc.close()


def shown(widget: Static) -> str:
    return str(widget.render())


def heads(screen: HealthScreen) -> str:
    """The headings of every chart card on the screen."""
    return " ".join(card.head.plain for board in screen.query(ChartBoard) for card in board.cards)


async def open_health(pilot: object) -> HealthScreen:
    await pilot.press("h")  # type: ignore[attr-defined]
    await calm(pilot)  # type: ignore[arg-type]
    screen = pilot.app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HealthScreen)
    return screen


async def test_opens_from_home_by_key_on_the_last_review_run(
    services: Services, run_app: RunApp
) -> None:
    record_account(services)
    run_cli_review(services)
    async with run_app(size=(120, 40)) as pilot:
        footer = {(k.key, k.description) for k in pilot.app.screen.query(FooterKey)}
        assert ("h", "Health") in footer  # shown in home's footer
        screen = await open_health(pilot)
        assert screen.opened is not None and screen.opened.origin == "last-run"
        review = screen.opened.review
        assert review.as_of == date(2026, 11, 12) and review.marketplace == "US"
        # one chart per recorded metric (the seller never recorded the 30-day late shipment)
        charts = {c.id for b in screen.query(ChartBoard) for c in b.cards if c.series}
        assert {"chart-odr", "chart-lsr_10", "chart-ahr", "chart-vtr"} <= charts
        assert "chart-lsr_30" not in charts
        assert {"chart-sell_through", "chart-excess_share"} <= charts
        assert "Order Defect Rate" in heads(screen)
        assert "WARNING" in heads(screen) and "MISS" in heads(screen)
        summary = shown(screen.query_one("#health-summary", Static))
        assert "US · as of 2026-11-12 · 4 account records · 8 report files read" in summary
        tabs = screen.query_one(TabStrip)
        assert tabs.active == "account"
        assert tabs.label("actions") == f"Actions ({len(review.actions)})"
        await pilot.press("escape")
        await calm(pilot)
        # Opened again the same day: the remembered review, not every report again.
        screen = await open_health(pilot)
        assert screen.opened is not None and screen.opened.origin == "cache"
        assert [a.key for a in screen.opened.review.actions] == [a.key for a in review.actions]


async def test_opens_from_the_command_palette(services: Services, run_app: RunApp) -> None:
    record_account(services)
    async with run_app() as pilot:
        await pilot.press("ctrl+p")
        await calm(pilot)
        for ch in "Health":
            await pilot.press(ch)
        await calm(pilot)
        await pilot.press("enter")
        await calm(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HealthScreen)
        assert screen.opened is not None and screen.opened.origin == "records"
        inventory = screen.opened.review.inventory
        assert inventory.absent is not None  # no report read yet: said, not guessed


async def test_actions_listed_in_order_and_enter_opens_the_drafted_case(
    services: Services, run_app: RunApp
) -> None:
    record_account(services)
    run_cli_review(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        assert screen.opened is not None
        actions = screen.opened.review.actions
        await pilot.press("3")
        await calm(pilot)
        listed = screen.query_one("#health-actions", OptionList)
        assert screen.query_one(TabStrip).active == "actions" and listed.has_focus
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            a.key for a in actions
        ]
        assert actions[0].key == "metric-miss:lsr_10" and actions[0].account
        assert actions[0].case is not None
        # Enter on the first action: the plan of action for the late shipment rate.
        await pilot.press("enter")
        await calm(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.state.case_type == "performance-metric-poa"
        assert wizard.state.step == "evidence"
        assert wizard.state.facts["period_end"] == "2026-11-09"
        assert wizard.state.facts["metric"] == "Late Shipment Rate"
        assert "4.2" in wizard.state.facts.values()  # the rate as recorded
        assert set(wizard.state.facts) == set(actions[0].case.draft["facts"])
        pilot.app.pop_screen()
        await calm(pilot)
        # Every other drafted case opens on its type with the facts the review filled.
        opened: set[str] = set()
        for index, action in enumerate(actions):
            if action.case is None:
                continue
            screen.open_case(index)
            await calm(pilot)
            wizard = pilot.app.screen
            assert isinstance(wizard, WizardScreen)
            assert wizard.state.case_type == action.case.case_type
            draft_facts = action.case.draft.get("facts", {})
            assert set(draft_facts) <= set(wizard.state.facts), action.key
            assert wizard.state.evidence.keys() >= action.case.draft.get("evidence", {}).keys()
            opened.add(action.case.case_type)
            pilot.app.pop_screen()
            await calm(pilot)
        assert opened == {"performance-metric-poa", "capacity-limit-exception",
                          "stranded-inventory", "fee-dimension-weight"}  # fmt: skip
        # An action that is done in Seller Central says so instead.
        plain = next(i for i, a in enumerate(actions) if a.case is None)
        listed.highlighted = plain
        await pilot.press("o")
        await calm(pilot)
        assert isinstance(pilot.app.screen, HealthScreen)
        assert "No case for this action" in notifications(pilot)[-1]


async def test_language_switch_keeps_the_tab_the_action_and_the_paths(
    services: Services, run_app: RunApp
) -> None:
    record_account(services)
    run_cli_review(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        screen.query_one("#health-paths", Input).value = "/tmp/some reports"
        await pilot.press("3")
        listed = screen.query_one("#health-actions", OptionList)
        listed.highlighted = 3
        await calm(pilot)
        await pilot.press("f4")
        await calm(pilot)
        assert pilot.app.screen is screen
        tabs = screen.query_one(TabStrip)
        assert tabs.active == "actions" and listed.highlighted == 3
        assert tabs.label("actions").startswith("待办")
        assert tabs.label("account") == "账户"
        assert screen.query_one("#health-paths", Input).value == "/tmp/some reports"
        assert "订单缺陷率" in heads(screen) and "未达标" in heads(screen)
        assert "截至 2026-11-12" in shown(screen.query_one("#health-summary", Static))
        await pilot.press("f4")
        await calm(pilot)
        assert tabs.label("account") == "Account" and listed.highlighted == 3


async def test_language_switch_relabels_the_marketplace_list_and_keeps_the_choice(
    services: Services, run_app: RunApp
) -> None:
    from textual.widgets import Select
    from textual.widgets._select import SelectCurrent, SelectOverlay

    record_account(services)
    run_cli_review(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        market = screen.query_one("#health-marketplace", Select)

        def label() -> str:
            return str(market.query_one(SelectCurrent).query_one("#label").render())

        def first_option() -> str:
            return str(market.query_one(SelectOverlay).get_option_at_index(0).prompt)

        assert label() == "Marketplace: auto"
        await pilot.press("f4")
        await calm(pilot)
        assert label() == "站点：自动" and first_option() == "站点：自动"
        market.value = "JP"
        await calm(pilot)
        await pilot.press("f4")
        await calm(pilot)
        assert market.value == "JP" and label() == "JP"
        assert first_option() == "Marketplace: auto"


async def test_reading_new_paths_records_the_run_and_updates_home(
    services: Services, run_app: RunApp
) -> None:
    record_account(services)
    async with run_app(size=(120, 40)) as pilot:
        due = shown(pilot.app.screen.query_one(DuePanel))
        assert "Monthly inventory health due: no inventory reports reviewed yet" in due
        screen = await open_health(pilot)
        assert screen.opened is not None and screen.opened.origin == "records"
        screen.query_one("#health-paths", Input).value = str(CEDARPINE)
        screen.query_one("#health-as-of", Input).value = "2026-11-12"
        await pilot.press("f5")
        await calm(pilot)
        assert screen.opened is not None and screen.opened.origin == "read"
        assert "Reviewed: 8 files read" in shown(screen.query_one("#health-status", Static))
        runs = services.store.review_runs()
        assert len(runs) == 1 and runs[0].inventory and runs[0].marketplace == "US"
        assert len(runs[0].sources) == 8
        assert screen.opened.review.inventory.figure("stranded") is not None
        await pilot.press("escape")
        await calm(pilot)
        due = shown(pilot.app.screen.query_one(DuePanel))
        assert "Monthly inventory health" not in due
        # the stranded report's auto-removal date a week ahead is on home (the other is past)
        assert (
            "Auto-removal 2026-11-19 (7 days left): 12 stranded unit(s) of CP-CLOCK-06 (US): "
            "fix the listing before" in due
        )
        assert "CP-SEED-07" not in due
        await pilot.press("f4")
        await calm(pilot)
        due = shown(pilot.app.screen.query_one(DuePanel))
        assert "自动移除 2026-11-19（剩余 7 天）：CP-CLOCK-06 (US) 的 12 件搁置库存" in due


async def test_bad_input_is_said_and_nothing_read(
    services: Services, run_app: RunApp, tmp_path: Path
) -> None:
    async with run_app() as pilot:
        screen = await open_health(pilot)
        status = screen.query_one("#health-status", Static)
        await pilot.press("f5")  # nothing typed, no earlier review to read again
        await calm(pilot)
        assert "Type the folder of your inventory reports" in shown(status)
        screen.query_one("#health-paths", Input).value = str(tmp_path / "nope")
        await pilot.press("f5")
        await calm(pilot)
        assert "No such file" in shown(status)
        screen.query_one("#health-paths", Input).value = str(CEDARPINE)
        screen.query_one("#health-as-of", Input).value = "2026-13-45"
        await pilot.press("f5")
        await calm(pilot)
        assert "Not a date: 2026-13-45" in shown(status)
        assert services.store.review_runs() == []


async def test_bad_input_is_said_on_screen_over_an_open_review(
    services: Services, run_app: RunApp, tmp_path: Path
) -> None:
    """With a review open the status line is hidden; F5 on bad input shows it again, the
    message on screen (not only in the widget), and the review stays as it was."""
    record_account(services)
    run_cli_review(services)
    async with run_app(size=(80, 24)) as pilot:
        screen = await open_health(pilot)
        status = screen.query_one("#health-status", Static)
        assert screen.opened is not None and not status.display
        before = screen.opened
        runs = services.store.review_runs()
        cases = [
            (str(tmp_path / "nope"), "", "No such file"),
            ('"unclosed', "", "quotation"),
            (str(CEDARPINE), "2026-13-45", "Not a date: 2026-13-45"),
        ]
        for paths, as_of, said in cases:
            status.update("")
            status.display = False
            screen.query_one("#health-paths", Input).value = paths
            screen.query_one("#health-as-of", Input).value = as_of
            await pilot.press("f5")
            await calm(pilot)
            assert status.display and status.region.height >= 1, said
            assert said in shown(status)
            assert said in pilot.app.export_screenshot().replace("&#160;", " "), said
        assert screen.opened is before and services.store.review_runs() == runs


@pytest.mark.parametrize(
    ("market", "typed", "day"),
    [("auto", "11/12/2026", date(2026, 11, 12)),  # the default marketplace: US, month first
     ("DE", "12.11.2026", date(2026, 11, 12)),
     ("DE", "12/11/2026", date(2026, 11, 12)),  # Germany writes the day first
     ("JP", "2026/11/12", date(2026, 11, 12)),
     ("auto", "Nov 12, 2026", date(2026, 11, 12))],
)  # fmt: skip
async def test_as_of_is_read_in_the_marketplace_form(
    services: Services, run_app: RunApp, market: str, typed: str, day: date
) -> None:
    """The as-of date reads as ``casewriter health --as-of`` reads it (casewriter.dates), in
    the form of the marketplace chosen (auto: the default marketplace)."""
    from textual.widgets import Select

    record_account(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        screen.query_one("#health-marketplace", Select).value = market
        screen.query_one("#health-paths", Input).value = str(CEDARPINE / "stranded.csv")
        screen.query_one("#health-as-of", Input).value = typed
        await pilot.press("f5")
        await calm(pilot)
        assert screen.opened is not None and screen.opened.origin == "read", typed
        assert screen.opened.review.as_of == day
        assert services.store.review_runs()[0].as_of == day


async def test_as_of_without_a_year_or_not_real_is_refused(
    services: Services, run_app: RunApp
) -> None:
    record_account(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        status = screen.query_one("#health-status", Static)
        screen.query_one("#health-paths", Input).value = str(CEDARPINE)
        for typed in ("11/12", "02/30/2026", "13/45/2026", "soon"):
            screen.query_one("#health-as-of", Input).value = typed
            await pilot.press("f5")
            await calm(pilot)
            assert f"Not a date: {typed}" in shown(status) and "US writes it" in shown(status)
        await pilot.press("f4")
        await calm(pilot)
        await pilot.press("f5")
        await calm(pilot)
        assert "不是有效日期：soon" in shown(status)
        assert services.store.review_runs() == []


async def test_empty_state_says_how_to_get_a_review(services: Services, run_app: RunApp) -> None:
    async with run_app(size=(80, 24)) as pilot:
        screen = await open_health(pilot)
        assert screen.opened is None and screen.loaded
        empty = screen.query_one("#health-empty", Static)
        assert empty.display and not screen.query_one(TabStrip).display
        assert "casewriter health record --marketplace US" in shown(empty)
        assert screen.query_one("#health-paths", Input).has_focus
        await pilot.press("3")  # no tab to switch to: nothing happens
        await calm(pilot)
        assert not screen.query_one(TabStrip).display


async def test_home_due_panel_shows_the_reviews_due(services: Services, run_app: RunApp) -> None:
    services.store.record_health("US", date(2026, 10, 1), {"odr": "0.3"}, NOW)
    async with run_app(size=(120, 40)) as pilot:
        due = shown(pilot.app.screen.query_one(DuePanel))
        assert "Weekly account review due (US): last record 2026-10-01" in due
        assert "Monthly inventory health due" in due
        await pilot.press("f4")
        await calm(pilot)
        due = shown(pilot.app.screen.query_one(DuePanel))
        assert "每周账户检查已到期（US）" in due or "每周账户检查已到期 (US)" in due


async def test_report_text_is_shown_as_data(
    services: Services, run_app: RunApp, tmp_path: Path
) -> None:
    """A SKU and a file name from the seller's folder carry markup and a terminal control:
    the actions, the figures and the sources show them as text, the control escaped."""
    import io
    import shutil

    from rich.console import Console

    folder = tmp_path / "reports [b]x[/b]"
    shutil.copytree(CEDARPINE, folder)
    stranded = folder / "stranded.csv"
    hostile = "CP-[@click=app.quit]Q[/]-\x1b]52;c;Zm9v\x07"
    stranded.write_text(stranded.read_text(encoding="utf-8").replace("CP-CLOCK-06", hostile),
                        encoding="utf-8")  # fmt: skip
    record_account(services)
    async with run_app(size=(160, 50)) as pilot:
        screen = await open_health(pilot)
        screen.query_one("#health-paths", Input).value = f'"{folder}"'
        screen.query_one("#health-as-of", Input).value = "2026-11-12"
        await pilot.press("f5")
        await calm(pilot)
        assert screen.opened is not None and screen.opened.origin == "read"
        for tab in ("3", "2", "4"):
            await pilot.press(tab)
            await calm(pilot)
        listed = screen.query_one("#health-actions", OptionList)
        console = Console(width=150, record=True, color_system=None, file=io.StringIO())
        for i in range(listed.option_count):
            console.print(listed.get_option_at_index(i).prompt)
        actions = console.export_text()
        figures = " ".join(shown(s) for s in screen.query(".figure").results(Static))
        sources = shown(screen.query_one("#health-sources", Static))
        for text in (actions, figures):
            assert "CP-[@click=app.quit]Q[/]-\\x1b]52;c;Zm9v\\x07" in text, text[:300]
            assert "\x1b" not in text and "\x07" not in text
        assert "[b]x[/b]" in sources and "\x1b" not in sources
        assert isinstance(pilot.app.screen, HealthScreen)  # nothing clicked quit
