"""Messages the app's widgets and screens post ("attributes down, messages up")."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class LanguageChanged(Message, bubble=False):
    """The UI language changed; screens re-label themselves (``refresh_language``)."""

    lang: str


@dataclass
class CaseChanged(Message):
    """A logged case was created or changed; lists showing it reload."""

    case_id: str
