"""User settings: profiles (seller accounts), default marketplace, UI language, follow-up hours,
text-length limits and deadline-rule overrides, read from and written to ``config.toml``.

The front of the package: the settings themselves are declared once in ``model.py`` (types,
defaults, ranges, choices, help), checked by ``schema.py`` from those declarations, and written
by ``writer.py`` (tomlkit, keeping the user's comments and layout). Reading uses ``tomllib``
through ``casewriter.documents`` (size-capped, nesting bounded); a malformed file is one line
naming the file, the key and what is accepted; a missing file means defaults.

Importing this costs nothing heavy (it is on the TUI's start-up path): pydantic comes in only to
check deadline overrides, tomlkit only to save.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from casewriter.config.model import (
    LANGUAGES,
    MARKETPLACE_CODES,
    DeadlineOverride,
    HealthTarget,
    Limits,
    Profile,
    Settings,
    language_from_env,
)
from casewriter.config.schema import read_table
from casewriter.paths import AppPaths

__all__ = [
    "LANGUAGES",
    "MARKETPLACE_CODES",
    "MAX_CONFIG_FILE",
    "DeadlineOverride",
    "HealthTarget",
    "Limits",
    "Profile",
    "Settings",
    "language_from_env",
    "load_settings",
    "save_settings",
    "settings_from_dict",
]

#: config.toml is a few hundred bytes; a megabyte stops /dev/zero or a 2 GB sparse file.
MAX_CONFIG_FILE = 1024 * 1024


def settings_from_dict(data: Mapping[str, Any], source: str = "config.toml") -> Settings:
    """A parsed ``config.toml`` checked against the declared settings; UsageError naming
    ``source``, the key and what it accepts."""
    return read_table(Settings, dict(data) if isinstance(data, Mapping) else data, source)


def read_config_text(paths: AppPaths) -> str | None:
    """The text of ``config.toml``, or None when there is none. Only a regular file of at most
    ``MAX_CONFIG_FILE`` is read (a FIFO would block, ``/dev/zero`` never ends)."""
    path = paths.config_file
    if not os.path.lexists(path):
        return None
    # Imported only when there is a file to read: this is on the TUI's start-up path.
    from casewriter.documents import decode_text
    from casewriter.files import read_user_file

    raw = read_user_file(path, "config file", max_bytes=MAX_CONFIG_FILE)
    return decode_text(raw, str(path))


def load_settings(paths: AppPaths) -> Settings:
    """Read ``config.toml`` (defaults when it does not exist); every problem is one UsageError
    naming the file."""
    text = read_config_text(paths)
    if text is None:
        return Settings(lang=language_from_env())
    from casewriter.documents import parse_toml

    where = str(paths.config_file)
    return settings_from_dict(parse_toml(text, where), where)


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write ``config.toml`` atomically (a crash leaves the old file or the new one, 0600),
    changing only what differs from the file there: the user's comments, order and spelling of
    values are kept."""
    from casewriter.config.writer import config_text
    from casewriter.files import write_atomic

    text = config_text(settings, read_config_text(paths), str(paths.config_file))
    paths.ensure()
    write_atomic(paths.config_file, text)
