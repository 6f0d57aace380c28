"""UI strings in English and Simplified Chinese, and the current UI language.

Every label the app shows goes through ``t(key, **kwargs)``. Each module registers its own
strings with ``register({"key": {"en": "...", "zh": "..."}})`` (the wizard does this from its
own package); this module holds the shared strings. Switching language (``set_language``) only
changes which column ``t`` reads: the app then calls ``refresh_language()`` on every screen in
the stack so visible labels change at once (see ``casewriter.tui.app``).

Pure Python (no textual import) so it can be tested and used anywhere in ``casewriter.tui``.
"""

from __future__ import annotations

from collections.abc import Mapping

from casewriter.tui.strings import STRINGS

LANGUAGES: tuple[str, ...] = ("en", "zh")

_catalog: dict[str, dict[str, str]] = {}
_state: dict[str, str] = {"lang": "en"}


def register(strings: Mapping[str, Mapping[str, str]]) -> None:
    """Add (or replace) strings: ``{"key": {"en": "...", "zh": "..."}}``."""
    for key, texts in strings.items():
        _catalog[key] = dict(texts)


def set_language(lang: str) -> None:
    """Make ``lang`` ("en" or "zh") the language ``t`` answers in."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown UI language {lang!r} (known: {', '.join(LANGUAGES)})")
    _state["lang"] = lang


def get_language() -> str:
    """The current UI language."""
    return _state["lang"]


def has(key: str) -> bool:
    """Whether a string with this key is registered."""
    _ensure_builtin()
    return key in _catalog


def t(key: str, **kwargs: object) -> str:
    """The string ``key`` in the current language, formatted with ``kwargs``.

    Falls back to English, then to the key itself (so a missing string is visible, never a crash).
    """
    _ensure_builtin()
    texts = _catalog.get(key)
    if texts is None:
        text = key
    else:
        text = texts.get(_state["lang"]) or texts.get("en") or key
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def missing_translations() -> list[str]:
    """Keys that lack a string in some language (a test keeps this empty)."""
    _ensure_builtin()
    return sorted(k for k, v in _catalog.items() if any(not v.get(lang) for lang in LANGUAGES))


def _ensure_builtin() -> None:
    if "app.title" not in _catalog:
        for key, texts in STRINGS.items():
            _catalog.setdefault(key, dict(texts))
