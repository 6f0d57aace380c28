"""Regexes compiled on first use, so importing the identifier rules stays cheap (``check ID``
runs on every CLI call and must start fast)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any


class LazyRe:
    """A stand-in for ``re.compile(pattern, flags)`` that compiles when first used."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.get().fullmatch(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.get().match(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.get().search(text)

    def split(self, text: str) -> list[str | Any]:
        return self.get().split(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.get().sub(repl, text, count=count)


#: What many rules ask of a normalized value: only ASCII digits; only ASCII digits and capitals.
DIGITS = LazyRe(r"[0-9]+", re.ASCII)
ALNUM = LazyRe(r"[0-9A-Z]+", re.ASCII)
