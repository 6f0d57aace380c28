"""The Health screen at 80×24 and 120×40, in English and Chinese (issue 15): the US sample
seller's last review run, "today" fixed at its review date; the account tab with its trend
charts is what the screen opens on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui.services import Services
from tests.tui.conftest import calm
from tests.tui.health_data import now, record_account, run_cli_review


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    svc = Services(paths=paths, settings=settings, clock=now)
    record_account(svc)
    run_cli_review(svc)
    yield svc
    svc.close()


def opened(*keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        await calm(pilot)
        for key in keys:
            await pilot.press(key)
            await calm(pilot)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_health_snapshot(
    snap_compare: Any, app_factory: Callable[..., Any], size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=opened("h"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_health_chinese_snapshot(
    snap_compare: Any, app_factory: Callable[..., Any], size: tuple[int, int]
) -> None:
    assert snap_compare(app_factory(), terminal_size=size, run_before=opened("f4", "h"))
