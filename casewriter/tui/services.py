"""What every screen of the app may use: paths, settings, the UI language, a clock, and the
case engine and case log opened lazily on first use.

The home screen never touches ``engine`` (the catalog and Jinja load only when the wizard
needs them), and ``store`` opens the SQLite log on first access. Tests build ``Services`` with
``AppPaths.under(tmp_path)`` and a fixed ``clock`` so "now" is stable in snapshots.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from casewriter.config import Settings
from casewriter.paths import AppPaths

if TYPE_CHECKING:
    from casewriter.rendering import Engine
    from casewriter.store import CaseStore


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Services:
    """Injected into the app and every screen ("attributes down")."""

    paths: AppPaths
    settings: Settings
    lang: str = ""
    """UI language; empty means ``settings.lang``."""
    clock: Callable[[], datetime] = _local_now
    """Returns the current time (timezone-aware, local zone); tests pass a fixed one."""
    deep_check: bool = True
    """Run SQLite's ``quick_check`` when opening the log (corruption is reported up front)."""
    _engine: Any = field(default=None, repr=False)
    _store: Any = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if not self.lang:
            self.lang = self.settings.lang

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.clock()

    @property
    def engine(self) -> Engine:
        """The case engine (catalog + templates), loaded on first use."""
        with self._lock:
            if self._engine is None:
                from casewriter.rendering import Engine

                self._engine = Engine.load(self.paths, self.settings)
            engine: Engine = self._engine
            return engine

    @property
    def engine_loaded(self) -> bool:
        return self._engine is not None

    @property
    def store(self) -> CaseStore:
        """The case log, opened on first use (``StoreError`` if corrupt or newer)."""
        with self._lock:
            if self._store is None:
                from casewriter.store import CaseStore

                self._store = CaseStore.open(
                    self.paths,
                    follow_up_hours=self.settings.follow_up_hours,
                    clock=self.clock,
                    deep_check=self.deep_check,
                )
            store: CaseStore = self._store
            return store

    def save_settings(self, settings: Settings) -> None:
        """Write ``config.toml`` and use the new settings from now on."""
        from casewriter.config import save_settings

        save_settings(self.paths, settings)
        self.settings = settings
        if settings.lang:
            self.lang = settings.lang

    def close(self) -> None:
        """Close the case log if it was opened."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
