"""``FindingsTable``: the scan screen's findings, one row each — a selection mark (✔, and the
row in bold, when selected), status, rule, identifiers, units, the claim window (closes and the
safer "file by" date, like ``casewriter scan``), estimated value — with the columns chosen by
the table's width (identifiers get the room; a narrow terminal drops whole columns rather than
cutting them at the edge). Everything about one finding is in the panel under the table
(``finding_details``).

Every cell is a ``Text`` (plain): a DataTable parses a str cell as markup, which would crash on
an id like ``FBA17XKQ9M2Z[/]`` from a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import DataTable

from casewriter.tui.i18n import rule_name, status_name, t
from casewriter.tui.safe import plain
from casewriter.tui.text import truncate_words
from casewriter.tui.widgets.finding_details import value_text

if TYPE_CHECKING:
    from casewriter.reports import Finding

Column = tuple[str, str, int]
MARK: Column = ("sel", "col.sel", 1)
STATUS: Column = ("status", "col.status", 9)
RULE: Column = ("rule", "col.rule", 23)
IDS: Column = ("ids", "col.ids", 0)
QTY: Column = ("qty", "col.qty", 4)
EVENT: Column = ("event", "col.event", 10)
CLOSES: Column = ("closes", "col.closes", 10)
SAFE_BY: Column = ("safe_by", "col.safe_by", 10)
VALUE: Column = ("value", "col.value", 13)
LAYOUTS: tuple[tuple[int, tuple[Column, ...]], ...] = (
    (130, (MARK, STATUS, RULE, IDS, QTY, EVENT, CLOSES, SAFE_BY, VALUE)),
    (100, (MARK, STATUS, RULE, IDS, QTY, CLOSES, SAFE_BY)),
    (0, (MARK, STATUS, RULE, IDS, QTY, CLOSES)),
)
"""The columns by the table's width (the first whose minimum fits); what a layout leaves out is
in the details panel."""
SELECTED = "✔"


def columns_for(width: int) -> tuple[Column, ...]:
    return next(columns for least, columns in LAYOUTS if width >= least)


def ids_width(columns: tuple[Column, ...], width: int) -> int:
    fixed = sum(w for _, _, w in columns) + 2 * len(columns) + 2
    return max(14, width - fixed)


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


class FindingsTable(DataTable[Any]):
    """The findings of a scan; which are selected and what drafting did are the screen's."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - textual API name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._columns: tuple[Column, ...] = ()
        self._laid_out_for = 0
        self._findings: Sequence[Finding] = ()
        self._selected: set[int] = set()

    def on_mount(self) -> None:
        self._layout(self.size.width or self.app.size.width)

    def _layout(self, width: int) -> None:
        self._laid_out_for = width
        self.clear(columns=True)
        self._columns = columns_for(width)
        room = ids_width(self._columns, width)
        for key, label, w in self._columns:
            self.add_column(Text(t(label)), key=key, width=w or room)
        self._fill()

    def on_resize(self) -> None:
        width = self.size.width
        if width and width != self._laid_out_for:
            self._layout(width)

    def relabel(self) -> None:
        """Column labels in the current language."""
        self._layout(self._laid_out_for or self.app.size.width)

    def show(self, findings: Sequence[Finding], selected: set[int]) -> None:
        """Show ``findings`` with ``selected`` (row indexes) marked; the cursor stays put."""
        self._findings = findings
        self._selected = set(selected)
        self._fill()

    def _fill(self) -> None:
        cursor = self.cursor_row
        self.clear()
        keys = [key for key, _, _ in self._columns]
        room = ids_width(self._columns, self._laid_out_for)
        for i, finding in enumerate(self._findings):
            cells = self._cells(finding, i in self._selected, room)
            self.add_row(*(cells[key] for key in keys), key=str(i))
        if self._findings:
            self.move_cursor(row=min(cursor, len(self._findings) - 1), animate=False)

    def _cells(self, finding: Finding, selected: bool, room: int) -> dict[str, Text]:
        style = "bold" if selected else ""
        ids = " ".join(str(v) for v in finding.ids.values() if v)
        status_style = "bold" if finding.status == "claimable" else "dim"
        return {
            "sel": plain(SELECTED if selected else " ", "bold green", end=""),
            "status": plain(status_name(finding.status), f"{status_style} {style}".strip(), end=""),
            "rule": plain(rule_name(finding.rule), style, end=""),
            "ids": plain(truncate_words(ids, room), style, end=""),
            "qty": plain(str(finding.quantity), style, end=""),
            "event": plain(_day(finding.event_date), style, end=""),
            "closes": plain(_day(finding.window.closes), style, end=""),
            "safe_by": plain(_day(finding.window.safe_by), style, end=""),
            "value": plain(value_text(finding), style, end=""),
        }
