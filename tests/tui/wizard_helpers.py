"""Helpers shared by the wizard tests: open the wizard, fill fields as a user would, move on."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from casewriter.tui.wizard import WizardScreen


def wizard(pilot: Pilot[Any]) -> WizardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, WizardScreen), f"expected the wizard, got {screen!r}"
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def find(pilot: Pilot[Any], widget_id: str) -> Any:
    """The widget with this id, waiting (a few frames at most) for fields still being mounted."""
    for _ in range(100):
        found = wizard(pilot).query(f"#{widget_id}")
        if found:
            return found.first()
        await pilot.pause(0.02)
    raise AssertionError(f"no #{widget_id} on the wizard")


async def type_into(pilot: Pilot[Any], widget_id: str, text: str) -> None:
    """Focus a field and type ``text`` key by key (ASCII), like a user."""
    widget = await find(pilot, widget_id)
    widget.focus()
    await pilot.pause()
    for ch in text:
        await pilot.press(ch if ch != " " else "space")
    await pilot.pause()


async def set_field(pilot: Pilot[Any], widget_id: str, value: str) -> None:
    """Put ``value`` in an Input, TextArea or Select (posts the widget's Changed event)."""
    widget = await find(pilot, widget_id)
    if isinstance(widget, Input):
        widget.value = value
    elif isinstance(widget, TextArea):
        widget.text = value
    elif isinstance(widget, Select):
        widget.value = value
    else:  # pragma: no cover - a test asked for a widget that takes no text
        raise AssertionError(f"{widget_id} is a {type(widget).__name__}")
    await pilot.pause()


async def next_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)


async def back_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+b")
    await settle(pilot)


def notifications(pilot: Pilot[Any]) -> list[str]:
    return [n.message for n in pilot.app._notifications]
