"""The CLI's subcommands, one module each, and the ``Context`` handed to every handler.

A command module defines ``register(subparsers, common)`` which adds its parser and sets
``handler=<function(args, ctx) -> int>``. Module top levels import only argparse and light
casewriter modules; each handler imports heavy libraries (jinja2, pydantic, sqlite3) itself.
This module stays import-light too (no dataclasses, no typing at run time): it is on the path
of ``casewriter --version`` and ``casewriter check``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; mypy honours this name all the same
if TYPE_CHECKING:
    import argparse
    from typing import Any

    from casewriter.config import Settings
    from casewriter.paths import AppPaths

#: Order shown in ``casewriter --help``.
COMMAND_MODULES = (
    "new",
    "types",
    "check",
    "extract",
    "render",
    "templates",
    "log",
    "scan",
    "health",
    "demo",
)


class Context:
    """What every handler gets: global options, with paths and settings built on first use."""

    __slots__ = ("home", "json", "lang", "_paths", "_settings")

    def __init__(
        self, home: str | None = None, json: bool = False, lang: str | None = None
    ) -> None:
        self.home = home
        self.json = json
        self.lang = lang
        self._paths: AppPaths | None = None
        self._settings: Settings | None = None

    @property
    def paths(self) -> AppPaths:
        if self._paths is None:
            import os

            from casewriter.errors import UsageError
            from casewriter.paths import AppPaths

            given = "--home" if self.home is not None else "CASEWRITER_HOME"
            if self.home is not None and not self.home.strip():
                raise UsageError("--home: give a folder")
            try:
                paths = AppPaths.resolve(self.home)
            except (RuntimeError, ValueError, OSError):  # ~no-such-user, a NUL, a link loop
                home = self.home if self.home is not None else os.environ.get("CASEWRITER_HOME")
                raise UsageError(f"{given}: {home!r} is not a folder casewriter can use") from None
            problem = paths.folder_problem()  # `--home some-file`: one line, before any use
            if problem is not None:
                if self.home is not None or os.environ.get("CASEWRITER_HOME"):
                    problem = f"{given}: {problem}"
                raise UsageError(f"{problem}; give a folder")
            self._paths = paths
        return self._paths

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from casewriter.config import load_settings

            self._settings = load_settings(self.paths)
        return self._settings

    def chosen_lang(self) -> str:
        """The language the user chose: ``--lang``, else the config's ``lang`` once the
        command has loaded it (an error is not the moment to read the config), else "en"."""
        if self.lang:
            return self.lang
        return self._settings.lang if self._settings is not None else "en"


def add_command(
    subparsers: Any, common: argparse.ArgumentParser, name: str, **kwargs: Any
) -> argparse.ArgumentParser:
    """Add a subcommand that also accepts the common options (``--json``, ``--home``)."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, parents=[common], **kwargs)
    return parser
