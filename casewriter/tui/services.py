"""What every screen of the app may use: paths, settings, the UI language, a clock, and the
case engine and case log opened lazily on first use (the log read-only when it cannot be
written here: ``read_only_notice`` says why).

The home screen never touches ``engine`` (the catalog and Jinja load only when the wizard
needs them), and ``store`` opens the SQLite log on first access. Tests build ``Services`` with
``AppPaths.under(tmp_path)`` and a fixed ``clock`` so "now" is stable in snapshots.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from casewriter.config import Settings
from casewriter.paths import AppPaths

if TYPE_CHECKING:
    from casewriter.engine import Engine
    from casewriter.errors import CasewriterError
    from casewriter.store import CaseStore, SearchHit


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Services:
    """Injected into the app and every screen ("attributes down"). (A plain class rather than
    a dataclass: it is built once, and a dataclass costs a millisecond of start-up to define.)
    """

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        lang: str = "",
        clock: Callable[[], datetime] = _local_now,
        deep_check: bool | None = None,
    ) -> None:
        self.paths = paths
        self.settings = settings
        self.lang = lang or settings.lang
        """UI language (empty: ``settings.lang``)."""
        self.clock = clock
        """Returns the current time (timezone-aware, local zone); tests pass a fixed one."""
        self.deep_check = deep_check
        """Run SQLite's ``quick_check`` when opening the log: always (True), never (False), or
        (None, the default) when the file is small or about to be migrated, so a big log does
        not pay a full scan at every start; its header, schema version and application id are
        always checked, and SQLite reports a damaged page when it is read."""
        self._engine: Engine | None = None
        self._store: CaseStore | None = None
        self._words_indexed = False
        self._titles: dict[str, tuple[str, str]] | None = None
        self._lock = threading.Lock()
        self.open_error: CasewriterError | None = None
        """Why the case log could not be opened after the first frame (a first start defers
        creating it): ``launch`` reports it as the CLI's one-line error once the app closed."""

    def __repr__(self) -> str:
        return f"Services(paths={self.paths!r}, lang={self.lang!r})"

    def now(self) -> datetime:
        """The current time from the injected clock."""
        return self.clock()

    @property
    def engine(self) -> Engine:
        """The case engine (catalog + templates), loaded on first use."""
        with self._lock:
            if self._engine is None:
                from casewriter.engine import Engine

                self._engine = Engine.load(self.paths, self.settings)
            return self._engine

    @property
    def engine_loaded(self) -> bool:
        return self._engine is not None

    def log_exists(self) -> bool:
        """Whether the case log file is there (False on a first start: it is created when
        first opened)."""
        return self.paths.db_file.exists()

    @property
    def store_opened(self) -> bool:
        """Whether the case log is open (``store`` opens it on first use)."""
        return self._store is not None

    @property
    def store(self) -> CaseStore:
        """The case log, opened on first use (``StoreError`` if corrupt or newer). A log that is
        fine but cannot be written here is opened read-only (``read_only_notice`` says why)."""
        with self._lock:
            if self._store is None:
                from casewriter.store import CaseStore

                self._store = CaseStore.open(
                    self.paths,
                    follow_up_hours=self.settings.follow_up_hours,
                    clock=self.clock,
                    deep_check=self.deep_check,
                    allow_read_only=True,
                )
            return self._store

    def search(self, text: str, limit: int) -> list[SearchHit]:
        """Search the log; the first search of a session first stores the case types' words
        (titles, problem words) so ``少件`` finds a missing-units case (``index_type_words``)."""
        store = self.store
        if not self._words_indexed:
            self._words_indexed = True
            from casewriter.engine import type_words
            from casewriter.errors import CasewriterError

            try:
                store.index_type_words(type_words(self.paths))
            except CasewriterError:
                pass  # a log that refuses the write is still searched as it is
        return store.search(text, limit)

    def type_title(self, case_type: str, lang: str) -> str:
        """A case type's title in ``lang`` (the id itself for a type no file defines)."""
        if self._titles is None:
            from casewriter.engine import type_titles

            self._titles = type_titles(self.paths)
        titles = self._titles.get(case_type)
        return case_type if titles is None else titles[1 if lang == "zh" else 0]

    @property
    def read_only_notice(self) -> str | None:
        """Why the case log cannot be written (it was opened read-only), or None."""
        store = self.store
        if not store.read_only:
            return None
        return "; ".join(store.notices) or f"the case log {store.path} is read-only"

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
