"""The item lines' list (``ItemList``: one row per line, the keys that add, remove and edit a
line), the ``Validator`` of a line's field and the messages the item lines post
(``LineAction`` to the editor, ``ItemsChanged`` up to the evidence step). Used by
``items_editor.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from textual.binding import Binding
from textual.message import Message
from textual.validation import ValidationResult, Validator
from textual.widgets import OptionList

from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.wizard.item_checks import check_field

ITEM_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("enter", "edit_line", "wz.items.edit", "wz.items.tip.edit", "items-edit"),
    ActionSpec("a,plus", "add_line", "wz.items.add", "wz.items.tip.add", "items-add",
               key_display="a"),
    ActionSpec("d,minus,delete", "remove_line", "wz.items.remove", "wz.items.tip.remove",
               "items-remove", key_display="d"),
)  # fmt: skip


@dataclass
class LineAction(Message):
    """A key on the line list: ``edit``, ``add`` or ``remove`` (the editor does it)."""

    what: str


@dataclass
class ItemsChanged(Message):
    """The item lines changed: the evidence fields whose identifiers they carry follow
    (read-only while lines hold them); ``slots``: fields whose values the lines took."""

    slots: list[str] = field(default_factory=list)


class ItemList(OptionList):
    """The item lines, one row each; the highlighted one is edited below."""

    BINDINGS: ClassVar[list[Binding | tuple[str, str] | tuple[str, str, str]]] = list(
        bindings(ITEM_ACTIONS)
    )

    def on_mount(self) -> None:
        relabel(self, ITEM_ACTIONS)

    def action_edit_line(self) -> None:
        self.post_message(LineAction("edit"))

    def action_add_line(self) -> None:
        self.post_message(LineAction("add"))

    def action_remove_line(self) -> None:
        self.post_message(LineAction("remove"))


class ItemValidator(Validator):
    """Marks an item field invalid when the core's check rejects it (``item_checks``)."""

    def __init__(self, name: str, marketplace: str, as_of: date) -> None:
        super().__init__()
        self.name, self.marketplace, self.as_of = name, marketplace, as_of

    def validate(self, value: str) -> ValidationResult:
        verdict = check_field(self.name, value, self.marketplace, self.as_of)
        return self.failure(verdict.message) if verdict.status == "invalid" else self.success()
