"""Fixtures for the issue-10 acceptance tests: the TUI fixtures of ``tests/tui/conftest.py``
(a temporary home, ``Services`` on a fixed clock, the app factory, stable cursor and language)
are reused as they are, so the acceptance TUI tests drive the same app the other tests do."""

from __future__ import annotations

from tests.tui.conftest import _stable_tui, app_factory, services, settings  # noqa: F401
