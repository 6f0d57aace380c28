"""Fixtures for the TUI tests: a temporary home, ``Services`` with a fixed clock, an app
factory, and stabilisers (cursor blink frozen, no button flash, English restored).

Stable names other test files rely on: ``services``, ``app_factory``, ``FIXED_NOW``,
``add_case``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from textual.widgets import Button, Input, TextArea

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp, make_app
from casewriter.tui.services import Services

FIXED_NOW = datetime(2026, 5, 4, 10, 0, tzinfo=UTC)
SIZE = (100, 32)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def _stable_tui(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Freeze cursor blinking, drop the button press flash, restore English afterwards."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    original = Button.__init__

    def no_flash(self: Button, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self.active_effect_duration = 0

    monkeypatch.setattr(Button, "__init__", no_flash)
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
