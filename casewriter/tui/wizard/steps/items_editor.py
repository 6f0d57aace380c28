"""The evidence step's item lines (a case type with an ``[items]`` spec): ``ItemsEditor``, a
compact list of the lines (one row each: status, product × quantity, its other fields) with the
line it highlights edited below, one row per field of the type's spec (label, a one-line input;
under it what the check says, when there is something to say), sized for 80×24.

Keys on the list: ↑/↓ choose a line, Enter edits it, ``a`` (or ``+``) adds a line, ``d`` (or
``-``, Delete) removes it; the Add/Remove buttons do the same. Typing into the fields of a case
with no lines starts the first one. Each field is checked as typed by the core's checks
(``item_checks``); every edit goes into ``WizardState.items`` at once (``Edited`` up, so the
screen autosaves). Lines the engine reads from the FNSKU field of a draft without lines are
shown as they are read; the first change makes them the draft's own lines (``item_sync.adopt``,
``ItemsChanged`` up: the evidence step shows the fields they left).

Size: ~360 lines: the list, the field rows and their key bindings are one widget whose
parts share the highlighted line; the checks and the sync are their own modules.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from casewriter.engine import CaseType, DuplicateCase
from casewriter.tui.i18n import get_language, t
from casewriter.tui.safe import Input, Label, Static, plain
from casewriter.tui.wizard.item_checks import (
    MARKS,
    check_field,
    line_problems,
    line_view,
    total_lines,
)
from casewriter.tui.wizard.item_lines import (
    ID_FIELDS,
    PRODUCT_FIELDS,
    Line,
    field_label,
    is_blank,
    line_text,
)
from casewriter.tui.wizard.item_sync import adopt, covered, derived_lines
from casewriter.tui.wizard.readiness import duplicate_line
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps import Edited
from casewriter.tui.wizard.steps.item_list import (
    ItemList,
    ItemsChanged,
    ItemValidator,
    LineAction,
)
from casewriter.tui.wizard.steps.paste_box import SlotInput


class ItemsEditor(Vertical):
    """The item lines of the case: the list, Add/Remove, the total, and the chosen line's
    fields."""

    DEFAULT_CSS = """
    ItemsEditor {
        height: auto;
    }
    #items-list {
        height: auto;
        max-height: 8;
    }
    #items-bar {
        height: auto;
    }
    #items-bar Button {
        margin: 0 1 0 0;
    }
    #items-total {
        width: 1fr;
        color: $text-muted;
    }
    #items-list > .option-list--option {
        padding: 0;
    }
    #items-editing {
        text-style: bold;
        margin: 0;
    }
    .item-row {
        height: auto;
    }
    .item-label {
        width: 15;
    }
    .item-input {
        width: 1fr;
        max-width: 40;
    }
    .item-msg {
        padding: 0 0 0 15;
    }
    """

    def __init__(self, ct: CaseType, state: WizardState) -> None:
        super().__init__(id="items-editor")
        assert ct.items is not None
        self.ct, self.spec, self.state = ct, ct.items, state
        self.fields: list[str] = list(ct.items.fields)
        self.derived: list[Line] = derived_lines(ct, state)
        """The lines the engine reads from the evidence fields (no item lines yet)."""
        self.same_problem: list[str] = []

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        lang = get_language()
        required = " *" if self.spec.min > 0 else ""
        yield Label(self.spec.label.get(lang) + required, classes="field-label")
        yield Static(self.spec.help.get(lang) or t("wz.items.help"), classes="help")
        olist = ItemList(id="items-list")
        olist.border_subtitle = t("wz.items.keys")
        yield olist
        with Horizontal(id="items-bar"):
            yield Button(t("wz.items.add"), id="item-add", compact=True)
            yield Button(t("wz.items.remove"), id="item-remove", compact=True)
            yield Static(id="items-total")
        yield Static(id="items-note", classes="msg")
        yield Label(id="items-editing")
        as_of = self.state.as_of()
        for name in self.fields:
            star = " *" if name in self.spec.required else ""
            box = SlotInput if name in ID_FIELDS else Input
            validators = [ItemValidator(name, self.state.marketplace, as_of)]
            with Horizontal(classes="item-row"):
                yield Label(field_label(name) + star, classes="item-label")
                yield box(id=f"item-{name}", compact=True, classes="item-input",
                          validators=validators, valid_empty=True)  # fmt: skip
            yield Static(id=f"msg-item-{name}", classes="item-msg msg")
        yield Static(id="msg-item-line", classes="msg -bad")

    def on_mount(self) -> None:
        self.show_lines()

    # ------------------------------------------------------------------ what is shown
    def lines(self) -> list[Line]:
        """The lines shown: the draft's own, else those read from its evidence fields."""
        return self.state.items or self.derived

    @property
    def cursor(self) -> int:
        return self.state.item_cursor

    @cursor.setter
    def cursor(self, value: int) -> None:
        self.state.item_cursor = max(0, value)

    def first_field(self) -> Input:
        return self.query_one(f"#item-{self.fields[0]}", Input)

    def follow_fields(self, *, lines_changed: bool = False) -> None:
        """The evidence fields or the facts the lines stand for changed: read the lines from
        them again (no lines of its own yet), or say the total again (``lines_changed``: a
        paste put identifiers into the lines: show them again)."""
        if not self.state.items:
            self.derived = derived_lines(self.ct, self.state)
            self.show_lines()
        elif lines_changed:
            self.show_lines()
        else:
            self.show_total()

    def show_lines(self, *, load: bool = True) -> None:
        """The list, the total and (``load``) the chosen line's fields, from the state."""
        lines = self.lines()
        self.cursor = min(self.cursor, max(len(lines) - 1, 0))
        olist = self.query_one(ItemList)
        options = [self._option(n, line) for n, line in enumerate(lines)]
        olist.set_options(options or [Option(plain(t("wz.items.none")), disabled=True)])
        if lines:
            olist.highlighted = self.cursor
        self.show_total()
        if load:
            self._load()

    def _option(self, n: int, line: Line) -> Option:
        status, values = line_view(self.ct, line, self.state, derived=not self.state.items)
        text = t("wz.items.line", n=n + 1, text=line_text(values, self.fields))
        style = "red" if status == "invalid" else ""
        return Option(Text.assemble((MARKS[status] + " ", style), plain(text, end="")))

    def show_total(self) -> None:
        """The lines' count and total, and the notes under them: lines read from the FNSKU
        field, a total typed that disagrees, a logged case on the same problem."""
        parts = total_lines(self.ct, self.lines(), self.state)
        total = self.query_one("#items-total", Static)
        total.update(plain(parts[0][0], end="") if parts else "")
        note = Text()
        if self.derived and not self.state.items:
            note.append(self._derived_note() + "\n", style="dim")
        for line, warn in [*parts[1:], *((w, True) for w in self.same_problem)]:
            note.append(("⚠ " if warn else "") + line + "\n", style="bold yellow" if warn else "")
        note.rstrip()
        shown = self.query_one("#items-note", Static)
        shown.update(note)
        shown.display = bool(note)

    def _derived_note(self) -> str:
        """Where the lines were read from (the product field of the first one)."""
        product = next((f for f in PRODUCT_FIELDS if self.derived[0].get(f)), "")
        slot = self.ct.slot(covered(self.ct).get(product, ""))
        label = slot.label.get(get_language()) if slot is not None else field_label(product)
        if len(self.derived) == 1:
            return t("wz.items.derived_one", label=label)
        return t("wz.items.derived", label=label, n=len(self.derived))

    def show_same_problem(self, found: Sequence[DuplicateCase], pairs: Sequence[tuple[str, str]]) -> None:  # fmt: skip
        """Warn of logged cases on the same problem (``found``) that share the lines'
        identifiers (``pairs``: (kind, normalized))."""
        lines = [duplicate_line(c) for c in found if set(c.matched) & set(pairs)]
        if lines != self.same_problem:
            self.same_problem = lines
            self.show_total()

    def _load(self) -> None:
        """Fill the fields with the chosen line (no ``Changed`` posted: nothing was typed)."""
        lines = self.lines()
        line = lines[self.cursor] if self.cursor < len(lines) else {}
        with self.prevent(Input.Changed):
            for name in self.fields:
                self.query_one(f"#item-{name}", Input).value = line.get(name, "")
        editing = self.query_one("#items-editing", Label)
        if self.cursor < len(lines):
            editing.update(t("wz.items.editing", n=self.cursor + 1, total=len(lines)))
        else:
            editing.update(t("wz.items.new", n=len(lines) + 1))
        self._check(line)

    def _check(self, line: Line) -> None:
        """Under each field, what its check says when there is something to say (a value
        that does not read or is unverified; a date read another way than typed: the line
        above shows a valid value as read); then what the line as a whole lacks."""
        as_of = self.state.as_of()
        for name in self.fields:
            raw = line.get(name, "")
            verdict = check_field(name, raw, self.state.marketplace, as_of)
            said = verdict.status != "valid" or (
                name not in ID_FIELDS and (verdict.normalized or "") != raw.strip()
            )
            msg = self.query_one(f"#msg-item-{name}", Static)
            msg.update(plain(verdict.message if said else "", end=""))
            msg.display = said and bool(verdict.message)
            msg.set_class(verdict.status == "invalid", "-bad")
            self.query_one(f"#item-{name}", Input).set_class(verdict.status == "invalid", "-invalid")  # fmt: skip
        required = [] if self.derived and not self.state.items else self.spec.required
        problems = line_problems(line, self.fields, required)
        lacking = self.query_one("#msg-item-line", Static)
        lacking.update(plain("\n".join(problems), end=""))
        lacking.display = bool(problems)

    # ------------------------------------------------------------------ edits
    def _own_lines(self) -> None:
        """Lines read from the evidence fields become the draft's own (first change)."""
        if self.state.items or not self.derived:
            return
        slots = adopt(self.ct, self.state, self.derived)
        self.derived = []
        self.post_message(ItemsChanged(slots))

    def _edited(self, what: str) -> None:
        self.post_message(ItemsChanged())
        self.post_message(Edited(what))

    @on(Input.Changed, ".item-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        name = (event.input.id or "").removeprefix("item-")
        lines = self.lines()
        line = lines[self.cursor] if self.cursor < len(lines) else {}
        if event.value == line.get(name, ""):
            return
        adopted = not self.state.items and bool(self.derived)
        self._own_lines()
        count = len(self.state.items)
        if self.cursor >= count:
            self.state.items.append({})
            self.cursor = len(self.state.items) - 1
        line = self.state.items[self.cursor]
        if event.value:
            line[name] = event.value
        else:
            line.pop(name, None)
        if len(self.state.items) != count or adopted:
            self.show_lines(load=False)
        else:
            self.query_one(ItemList).replace_option_prompt_at_index(
                self.cursor, self._option(self.cursor, line).prompt
            )
            self.show_total()
        self._check(line)
        self._edited(f"item-{name}")

    @on(Input.Submitted, ".item-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a field: on to the next one; from the last, to "Add line"."""
        event.stop()
        name = (event.input.id or "").removeprefix("item-")
        index = self.fields.index(name) if name in self.fields else len(self.fields)
        if index + 1 < len(self.fields):
            self.query_one(f"#item-{self.fields[index + 1]}", Input).focus()
        else:
            self.query_one("#item-add", Button).focus()

    @on(OptionList.OptionHighlighted, "#items-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.cursor and event.option_index < len(self.lines()):
            self.cursor = event.option_index
            self._load()

    @on(OptionList.OptionSelected, "#items-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click chooses the line (Enter, bound above, edits it)

    @on(LineAction)
    def _line_action(self, event: LineAction) -> None:
        event.stop()
        {"edit": self.edit_line, "add": self.add_line, "remove": self.remove_line}[event.what]()

    @on(Button.Pressed, "#item-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.add_line()

    @on(Button.Pressed, "#item-remove")
    def _remove_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove_line()

    def edit_line(self) -> None:
        """Edit the chosen line (its first field)."""
        self.first_field().focus()

    def add_line(self) -> None:
        """A new line, chosen and ready to type (an empty last line is reused)."""
        self._own_lines()
        items = self.state.items
        if not items or not is_blank(items[-1]):
            items.append({})
        self.cursor = len(items) - 1
        self.show_lines()
        self.first_field().focus()
        self._edited("item-add")

    def remove_line(self) -> None:
        """Remove the chosen line."""
        self._own_lines()
        if self.cursor < len(self.state.items):
            del self.state.items[self.cursor]
            self.cursor = min(self.cursor, max(len(self.state.items) - 1, 0))
            self.derived = derived_lines(self.ct, self.state)
            self.show_lines()
            self._edited("item-remove")
