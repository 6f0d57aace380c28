"""The settings screen with follow-up hours no number can be made of: a superscript digit
(``str.isdigit`` says yes, ``int`` says no), thousands of digits, a negative or a float. Each
is the screen's own message, never a crash, and nothing is saved."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from casewriter.tui.services import Services
from tests.tui.conftest import RunApp, calm


@pytest.mark.parametrize("hours", ["²", "٣" * 5, "9" * 5000, "99999999999", "-5", "1e3", "48h"])
async def test_bad_hours_are_refused_not_crashed(
    services: Services, run_app: RunApp, hours: str
) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        app.screen.query_one("#hours", Input).value = hours
        await pilot.click("#btn-save")
        await calm(pilot)
        assert "1 to 1440" in str(app.screen.query_one("#settings-error", Static).render())
    assert not services.paths.config_file.exists()


async def test_arabic_indic_digits_are_a_number(services: Services, run_app: RunApp) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        app.screen.query_one("#hours", Input).value = "٧٢"  # 72
        await pilot.click("#btn-save")
        await calm(pilot)
    assert services.settings.follow_up_hours == 72
