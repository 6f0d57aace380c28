"""Where casewriter keeps its files: the log, the config, user templates and autosaved drafts.

Paths are computed once (``AppPaths.resolve``) and injected; nothing here touches the disk until
``ensure()`` is called. ``--home DIR`` or ``CASEWRITER_HOME`` puts everything under one folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_templates_dir() -> Path:
    """The built-in templates: the copy inside the wheel, else ``<checkout>/templates``."""
    packaged = PACKAGE_DIR / "templates"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "templates"


@dataclass(frozen=True)
class AppPaths:
    """Every location casewriter reads or writes, fixed at start-up."""

    data_dir: Path
    config_dir: Path
    builtin_templates: Path

    @classmethod
    def resolve(
        cls, home: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
    ) -> AppPaths:
        """Build the paths from ``--home``, then ``CASEWRITER_HOME``, then platformdirs."""
        env = os.environ if environ is None else environ
        chosen = home if home is not None else env.get("CASEWRITER_HOME") or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(data_dir=root, config_dir=root, builtin_templates=builtin_templates_dir())
        import platformdirs  # imported lazily: only commands that need files pay for it

        return cls(
            data_dir=Path(platformdirs.user_data_dir("casewriter", appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir("casewriter", appauthor=False)),
            builtin_templates=builtin_templates_dir(),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything under one folder (tests, ``--home``)."""
        return cls(data_dir=root, config_dir=root, builtin_templates=builtin_templates_dir())

    @property
    def db_file(self) -> Path:
        return self.data_dir / "cases.db"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def user_templates(self) -> Path:
        return self.config_dir / "templates"

    @property
    def autosave_dir(self) -> Path:
        """Wizard drafts autosaved at every step (survive a SIGKILL)."""
        return self.data_dir / "autosave"

    def folder_problem(self) -> str | None:
        """Why the data or config folder cannot be one (a file is in the way), else None.
        A folder that does not exist yet is fine: ``ensure()`` creates it."""
        for folder in dict.fromkeys((self.data_dir, self.config_dir)):
            for part in (folder, *folder.parents):
                if part.is_dir():
                    break
                if os.path.lexists(part):
                    if part == folder:
                        return f"{folder} is a file, not a folder"
                    return f"{folder}: {part} is a file, not a folder"
        return None

    def ensure(self) -> None:
        """Create the data and config folders, private to the user (0700)."""
        for folder in (self.data_dir, self.config_dir):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
