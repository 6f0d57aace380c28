"""How the Health screen opens quickly (issue 15: within 2x the case detail) without losing
anything: the first frame shows the review's figures (each chart's room blank), the charts come
after it and only for the cards in view, the marketplace list and the other tabs after them;
the tab strip works by click, arrows and keys; the marketplace chosen is the one read; a review
opened again in the same session is not read again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Select

from casewriter.config import Settings
from casewriter.health import HealthReview
from casewriter.paths import AppPaths
from casewriter.tui.safe import Input
from casewriter.tui.screens import health_support
from casewriter.tui.screens.health import HealthScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.health_board import ChartBoard, columns
from casewriter.tui.widgets.health_charts import CHART_HEIGHT, Series, chart_text
from casewriter.tui.widgets.health_tabs import TabStrip
from tests.tui.conftest import RunApp, calm
from tests.tui.health_data import AS_OF, CEDARPINE, NOW, now, record_account, run_cli_review


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    svc = Services(paths=paths, settings=settings, clock=now)
    record_account(svc)
    run_cli_review(svc)
    yield svc
    svc.close()


async def open_health(pilot: Any) -> HealthScreen:
    await pilot.press("h")
    await calm(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HealthScreen)
    return screen


def board(screen: HealthScreen, name: str = "account") -> ChartBoard:
    return screen.query_one(f"#{name}-charts", ChartBoard)


async def test_first_frame_shows_the_figures_and_the_charts_follow(
    services: Services, run_app: RunApp
) -> None:
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)  # the first opening remembers the review
        await pilot.press("escape")
        await calm(pilot)
        first: dict[str, Any] = {}

        def frame() -> None:
            shown = pilot.app.screen
            if first or not isinstance(shown, HealthScreen):
                return
            cards = board(shown)
            first.update(
                region=cards.region, charts_shown=cards.charts_shown, drawn=cards.drawn(),
                panes={w.id for w in shown.query_one("#health-panes").children},
                select=list(shown.query(Select)),
                summary=str(shown.query_one("#health-summary").render()),
                heads=" ".join(c.head.plain for c in cards.cards),
            )  # fmt: skip

        pilot.app.post_display_hook = frame
        screen = await open_health(pilot)
        assert screen.opened is not None and screen.opened.origin == "cache"
        # The first frame: the summary and every card's figures laid out, no chart drawn yet.
        assert first["region"].height > 0 and "4 account records" in first["summary"]
        assert "Order Defect Rate" in first["heads"] and "MISS" in first["heads"]
        assert not first["charts_shown"] and first["drawn"] == set()
        assert first["panes"] == {"pane-account"}  # the other tabs' panes come later
        assert first["select"] == []  # its room kept, the list mounted after the frame
        # Then the charts (the cards in view), the marketplace list and the other tabs.
        cards = board(screen)
        assert cards.charts_shown and "chart-odr" in cards.drawn()
        assert screen.query_one("#health-marketplace", Select).value == "auto"
        assert screen.query_one("#health-actions", OptionList).option_count == len(
            screen.opened.review.actions
        )


async def test_charts_are_drawn_when_scrolled_into_view(
    services: Services, run_app: RunApp
) -> None:
    async with run_app(size=(80, 24)) as pilot:
        screen = await open_health(pilot)
        cards = board(screen)
        with_chart = {c.id for c in cards.cards if c.series is not None}
        seen = cards.drawn()
        assert "chart-odr" in seen and seen < with_chart  # only what is in view
        pane = screen.query_one("#pane-account", VerticalScroll)
        pane.scroll_end(animate=False)
        await calm(pilot)
        at_end = cards.drawn()
        assert "chart-violations" in at_end and at_end < with_chart  # the middle never seen
        pane.scroll_home(animate=False)
        await calm(pilot)
        assert pane.scroll_y == 0
        while pane.scroll_y < pane.max_scroll_y:
            pane.scroll_page_down(animate=False)
            await calm(pilot)
        assert cards.drawn() == with_chart
        # Each chart is plotext's, drawn at the card's width: one line per chart row.
        rows = chart_text(cards.cards[0].series or Series.of([], []), 36)
        assert len(rows) == CHART_HEIGHT and {r.cell_len for r in rows} == {36}


async def test_tab_strip_by_click_arrows_and_keys(services: Services, run_app: RunApp) -> None:
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        strip = screen.query_one(TabStrip)
        spans = strip.spans()
        start, _end = spans["inventory"]
        await pilot.hover(TabStrip, offset=(spans["actions"][0] + 1, 0))
        await calm(pilot)
        assert strip.hovered == "actions" and strip.active == "account"
        await pilot.click(TabStrip, offset=(start + 2, 0))
        await calm(pilot)
        assert strip.active == "inventory" and strip.has_focus
        assert screen.query_one("#pane-inventory").display
        assert not screen.query_one("#pane-account").display
        assert "Sell-through" in " ".join(c.head.plain for c in board(screen, "inventory").cards)
        await pilot.press("right")
        await calm(pilot)
        assert strip.active == "actions" and screen.query_one("#health-actions").display
        await pilot.press("left", "left")
        await calm(pilot)
        assert strip.active == "account" and screen.query_one("#pane-account").display
        await pilot.press("4")
        await calm(pilot)
        assert strip.active == "sources" and screen.query_one("#pane-sources").has_focus
        assert strip.tab_at(spans["sources"][0]) == "sources" and strip.tab_at(999) is None


async def test_the_marketplace_chosen_is_the_one_read(services: Services, run_app: RunApp) -> None:
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        screen.query_one("#health-paths", Input).value = str(CEDARPINE)
        screen.query_one("#health-as-of", Input).value = AS_OF.isoformat()
        screen.query_one("#health-marketplace", Select).value = "CA"
        await pilot.press("f5")
        await calm(pilot)
        runs = services.store.review_runs()
        assert len(runs) == 2 and runs[0].marketplace == "CA"  # the last run first
        assert screen.query_one("#health-progress").display is False


def test_a_review_opened_again_is_not_read_again(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = health_support.open_review(services, AS_OF)  # the log's last run, remembered
    assert opened is not None and opened.origin == "last-run"
    reads: list[object] = []
    validate = HealthReview.model_validate

    def counted(data: object) -> HealthReview:
        reads.append(data)
        return validate(data)

    monkeypatch.setattr(HealthReview, "model_validate", counted)
    again = health_support.remembered(services, AS_OF)
    assert again is not None and again.review is opened.review and reads == []
    # A new account record changes what the review depends on: not the kept one.
    services.store.record_health("US", date(2026, 11, 11), {"odr": "0.2"}, NOW)
    assert health_support.remembered(services, AS_OF) is None


def test_columns_split_as_textual_splits_a_grid() -> None:
    assert columns(118, 3, 8) == ((0, 38), (39, 39), (79, 39))
    assert columns(76, 2, 8) == ((0, 37), (38, 38))
    assert columns(40, 3, 1) == ((0, 40),)  # one card: one column


async def test_from_the_empty_state_a_review_read_shows_the_tabs(
    paths: AppPaths, settings: Settings
) -> None:
    from casewriter.tui.app import make_app

    svc = Services(paths=paths, settings=settings, clock=now)
    try:
        async with make_app(svc).run_test(size=(100, 32)) as pilot:
            await calm(pilot)
            screen = await open_health(pilot)
            assert screen.opened is None and screen.query_one("#health-empty").display
            assert not screen.query(ChartBoard) and not screen.query_one(TabStrip).display
            screen.query_one("#health-paths", Input).value = str(CEDARPINE)
            screen.query_one("#health-as-of", Input).value = AS_OF.isoformat()
            await pilot.press("f5")
            await calm(pilot)
            assert screen.opened is not None and screen.opened.origin == "read"
            assert not screen.query_one("#health-empty").display
            assert screen.query_one(TabStrip).display and screen.query_one("#health-panes").display
            strip = screen.query_one(TabStrip)
            assert strip.label("actions") == f"Actions ({len(screen.opened.review.actions)})"
            assert board(screen, "inventory").drawn() == set()  # not in view yet
            await pilot.press("2")
            await calm(pilot)
            assert "chart-sell_through" in board(screen, "inventory").drawn()
    finally:
        svc.close()
