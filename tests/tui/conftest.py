"""Shared scaffolding of the TUI tests.

* ``services`` (a temporary home, the clock fixed at ``FIXED_NOW``), ``app_factory`` and
  ``run_app`` (the app running under Pilot at ``SIZE``, already calm): ``async with
  run_app(start_case_type=...) as pilot``.
* ``calm(pilot)``: the one wait — until every message is handled, every worker is done, a
  screen switch is over and the pending layout and refresh are drawn.
* The wizard's helpers: ``wizard(pilot)`` (the wizard screen), ``set_field``/``fill`` (put
  values in fields directly: the widget posts the same ``Changed`` message typing would),
  ``type_into`` (key by key, only where typing itself is tested), ``next_step``/``back_step``
  (the keys a user presses), ``notifications``.
* ``add_case``: log a case through the store API.
* Stabilisers (autouse): cursor blink frozen, no button press flash, every toast recorded
  (``notifications`` lists them all, even those that timed out on a slow machine), English
  restored.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, TextArea
from textual.worker import WorkerState

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp, make_app
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen

FIXED_NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
SIZE = (100, 32)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _stable_tui(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Freeze cursor blinking, drop the button press flash, record every toast, restore
    English afterwards."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    original = Button.__init__

    def no_flash(self: Button, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.active_effect_duration = 0

    monkeypatch.setattr(Button, "__init__", no_flash)
    notify = App.notify

    def recording_notify(self: App[Any], message: str, **kwargs: Any) -> None:
        # What the app shows (CasewriterApp.notify has escaped it by now).
        self.__dict__.setdefault("_shown_toasts", []).append(message)
        notify(self, message, **kwargs)

    monkeypatch.setattr(App, "notify", recording_notify)
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def settings() -> Settings:
    return Settings(lang="en", default_marketplace="US")


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    """Services on a temporary home with the clock fixed at ``FIXED_NOW``."""
    svc = Services(paths=paths, settings=settings, clock=fixed_clock)
    yield svc
    svc.close()


@pytest.fixture
def app_factory(services: Services) -> Callable[..., CasewriterApp]:
    """``app_factory(start_case_type=None)`` builds the app on ``services``."""

    def build(**kwargs: Any) -> CasewriterApp:
        return make_app(services, **kwargs)

    return build


RunApp = Callable[..., AbstractAsyncContextManager[Pilot[int]]]


@pytest.fixture
def run_app(app_factory: Callable[..., CasewriterApp]) -> RunApp:
    """``async with run_app(size=SIZE, **make_app_kwargs) as pilot``: the app running, calm."""

    @asynccontextmanager
    async def run(size: tuple[int, int] = SIZE, **kwargs: Any) -> AsyncIterator[Pilot[int]]:
        app = app_factory(**kwargs)
        async with app.run_test(size=size) as pilot:
            await calm(pilot)
            yield pilot

    return run


# -- waiting --------------------------------------------------------------------------------


def _busy(app: Any) -> bool:
    """Whether anything is still pending: a worker, a message or callback queued on the app or
    the current screen's widgets, an after-refresh callback or a layout not yet done."""
    if any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
        return True
    screen = app.screen
    nodes = [app, *screen.walk_children(with_self=True)]
    if any(node.message_queue_size or node._next_callbacks for node in nodes):
        return True
    return bool(screen._callbacks or screen._layout_required)


async def calm(pilot: Pilot[Any]) -> None:
    """Wait until the app is calm: messages handled, workers done (awaited, not polled), a screen
    switch over (the new screen's widgets mounted), the pending layout and refresh drawn."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        if any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            await app.workers.wait_for_complete()
            continue
        if not _busy(app):
            return
    raise AssertionError("the app did not calm down")


# -- the case log ---------------------------------------------------------------------------


def add_case(
    services: Services,
    subject: str,
    *,
    case_type: str = "inbound-missing-units",
    body: str = "",
    identifiers: list[tuple[str, str]] | None = None,
    deadline: date | None = None,
    marketplace: str = "US",
    profile: str = "northbay",
    when: datetime | None = None,
) -> str:
    """Log a draft directly through the store API; returns its local id."""
    from casewriter.store import NewCase

    case = services.store.save_new(
        NewCase(
            profile=profile,
            marketplace=marketplace,
            case_type=case_type,
            subject=subject,
            body=body or f"Hello Seller Support,\n\n{subject}.\n",
            draft={"case_type": case_type, "marketplace": marketplace, "facts": {}, "evidence": {}},
            identifiers=identifiers or [],
            deadline_closes=deadline,
        ),
        now=when or FIXED_NOW,
    )
    return case.id


# -- the wizard -----------------------------------------------------------------------------


def wizard(pilot: Pilot[Any]) -> WizardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, WizardScreen), f"expected the wizard, got {screen!r}"
    return screen


def _put(widget: Any, value: str) -> None:
    if isinstance(widget, Input):
        widget.value = value
    elif isinstance(widget, TextArea):
        widget.text = value
    elif isinstance(widget, Select):
        widget.value = value
    else:  # pragma: no cover - a test asked for a widget that takes no text
        raise AssertionError(f"{widget!r} takes no value")


async def set_field(pilot: Pilot[Any], widget_id: str, value: str) -> None:
    """Put ``value`` in an Input, TextArea or Select of the current screen (the widget posts
    its ``Changed`` message, as when typed), then wait until calm."""
    _put(pilot.app.screen.query_one(f"#{widget_id}"), value)
    await calm(pilot)


async def fill(pilot: Pilot[Any], values: Mapping[str, str]) -> None:
    """``set_field`` for several fields (field id -> value), waiting once."""
    for widget_id, value in values.items():
        _put(pilot.app.screen.query_one(f"#{widget_id}"), value)
    await calm(pilot)


async def type_into(pilot: Pilot[Any], widget_id: str, text: str) -> None:
    """Focus a field and type ``text`` key by key (ASCII), like a user: only for tests of what
    typing itself does."""
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await calm(pilot)
    await pilot.press(*(ch if ch != " " else "space" for ch in text))
    await calm(pilot)


async def next_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+n")
    await calm(pilot)


async def back_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+b")
    await calm(pilot)


def notifications(pilot: Pilot[Any]) -> list[str]:
    """Every toast the app has shown, oldest first (those that timed out too)."""
    return list(pilot.app.__dict__.get("_shown_toasts", []))
