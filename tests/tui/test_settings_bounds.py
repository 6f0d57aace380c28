"""The settings screen with follow-up hours no number can be made of: a superscript digit
(``str.isdigit`` says yes, ``int`` says no), thousands of digits, a negative or a float. Each
is the screen's own message, never a crash, and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import Input, Static

from casewriter.tui.services import Services
from tests.tui.conftest import SIZE


@pytest.mark.parametrize("hours", ["²", "٣" * 5, "9" * 5000, "99999999999", "-5", "1e3", "48h"])
async def test_bad_hours_are_refused_not_crashed(
    services: Services, app_factory: Callable[..., Any], hours: str
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one("#hours", Input).value = hours
        await pilot.click("#btn-save")
        await pilot.pause()
        assert "1 to 1440" in str(app.screen.query_one("#settings-error", Static).render())
    assert not services.paths.config_file.exists()


async def test_arabic_indic_digits_are_a_number(
    services: Services, app_factory: Callable[..., Any]
) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        app.screen.query_one("#hours", Input).value = "٧٢"  # 72
        await pilot.click("#btn-save")
        await pilot.pause()
    assert services.settings.follow_up_hours == 72
