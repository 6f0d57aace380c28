"""The command palette's query box is the app's safe ``Input`` (issue 10 §3, F16): text pasted
or typed into ``ctrl+p`` keeps its value but is drawn with each control as one printable
character, from any screen, and the palette still finds and runs actions."""

from __future__ import annotations

from textual import events
from textual.command import CommandInput

from casewriter.tui.palette import SafeCommandInput, SafeCommandPalette
from casewriter.tui.safe import Input
from tests.hostile import assert_no_raw_control
from tests.tui.conftest import RunApp, calm

HOSTILE = "pal \x1b]52;c;ZXZpbA==\x07 \x1b[2J [/] [@click=app.quit]x \u202eevil \x9b2J"


async def test_pasted_controls_are_kept_in_the_query_and_drawn_as_pictures(
    run_app: RunApp,
) -> None:
    async with run_app() as pilot:
        app = pilot.app
        await pilot.press("ctrl+p")
        await calm(pilot)
        assert isinstance(app.screen, SafeCommandPalette)
        box = app.screen.query_one(CommandInput)
        assert isinstance(box, SafeCommandInput) and isinstance(box, Input)
        assert app.focused is box  # Textual's AUTO_FOCUS still finds it
        app.post_message(events.Paste(HOSTILE))
        await calm(pilot)
        assert box.value == HOSTILE  # the query is exactly what was pasted
        shown = box._value.plain
        assert_no_raw_control(shown, "palette query")
        assert shown.startswith("pal ␛]52;c;ZXZpbA==␇ ␛[2J [/] [@click=app.quit]x")
        assert len(shown) == len(HOSTILE)  # one picture per control: the cursor stays right
        assert app.is_running


async def test_the_palette_opens_once_and_from_the_wizard_too(run_app: RunApp) -> None:
    async with run_app(start_case_type="general") as pilot:
        app = pilot.app
        await pilot.press("ctrl+p")
        await calm(pilot)
        assert isinstance(app.screen, SafeCommandPalette)
        app.action_command_palette()  # already open: not pushed twice
        await calm(pilot)
        assert sum(isinstance(s, SafeCommandPalette) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await calm(pilot)
        assert not isinstance(app.screen, SafeCommandPalette)
