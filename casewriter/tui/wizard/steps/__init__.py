"""The wizard's steps, one widget per module, and the messages they post to the screen.

Each step reads the shared ``WizardState`` when shown and writes every edit into it at once
("attributes down, messages up": the screen autosaves on ``Edited`` and moves on ``Advance``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class Edited(Message):
    """The user changed something in the state (the screen autosaves, debounced)."""

    what: str = ""


@dataclass
class Advance(Message):
    """The step asks to move to the next step (e.g. Enter on a case type)."""


@dataclass
class CaseTypeChosen(Message):
    """The case type (or marketplace) changed: later steps rebuild their fields."""

    case_type: str


@dataclass
class FieldsRebuilt(Message):
    """The evidence step rebuilt its fields (new case type, marketplace or language): the
    screen puts the focus back on one of them."""
