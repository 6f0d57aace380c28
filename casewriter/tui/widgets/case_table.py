"""``CaseTable``: a DataTable of logged cases that pages through the log lazily.

``load_first(status)`` reads the count and the first page; moving the cursor near the end of
the loaded rows reads the next page (``PAGE`` rows) from ``store.list``. ``show_rows`` shows a
fixed list instead (search results). Subjects are cut by terminal cells, not characters.

Kept cheap for a 100,000-case log: every column has a fixed width and every row one line, so
new rows are never measured (``_update_dimensions``), and a cell is drawn straight from its
``Text`` (``_render_cell``) instead of through Rich's padding/wrapping renderer. Cells are
``Text`` objects, never markup strings: a subject like ``[URGENT]`` is shown as typed.

Columns follow the table's width (``LAYOUTS``): the subject gets the room and a narrow terminal
drops whole columns; a resize lays them out again with the same rows.

Size: ~370 lines: the paging, the columns by width, plus the cheap-rendering overrides of
``DataTable``'s own methods (~130 lines), which could move to a reusable base class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import DataTable

from casewriter.tui.i18n import get_language, t
from casewriter.tui.services import Services
from casewriter.tui.text import short_date, truncate, truncate_words
from casewriter.tui.widgets.cell_render import cell_line, row_line

PAGE = 60
PREFETCH = 20
Column = tuple[str, str, int]
"""(key, i18n key of its label, width in cells; 0 for the subject, which takes the rest)."""
ID: Column = ("id", "col.id", 9)
STATUS: Column = ("status", "col.status", 12)
SUBJECT: Column = ("subject", "col.subject", 0)
FOLLOW_UP: Column = ("follow_up", "col.follow_up", 10)
UPDATED: Column = ("updated", "col.updated", 10)
LAYOUTS: tuple[tuple[int, tuple[Column, ...]], ...] = (
    (140, (ID, STATUS, ("type", "col.type", 30), SUBJECT, FOLLOW_UP, UPDATED)),
    (120, (ID, STATUS, ("type", "col.type", 22), SUBJECT, FOLLOW_UP, UPDATED)),
    (90, (ID, STATUS, ("type", "col.type", 16), SUBJECT, FOLLOW_UP)),
    (0, (ID, STATUS, SUBJECT, FOLLOW_UP)),
)
"""The columns by the table's width (the first whose minimum width fits): the subject gets the
room, and a narrow terminal drops whole columns (type, then the update date) rather than
showing any column cut off at the edge."""


def columns_for(width: int) -> tuple[Column, ...]:
    """The columns shown in a table ``width`` cells wide."""
    return next(columns for least, columns in LAYOUTS if width >= least)


def subject_width(columns: tuple[Column, ...], width: int) -> int:
    """The subject's cells: what the other columns, each cell's padding (1 each side) and the
    vertical scrollbar (2) leave."""
    fixed = sum(w for _, _, w in columns) + 2 * len(columns) + 2
    return max(16, width - fixed)


STATUS_STYLE = {
    "draft": "italic",
    "needs-reply": "bold",
    "resolved": "dim",
    "denied": "dim",
    "closed": "dim",
}


class CaseTable(DataTable[Any]):
    """The case log, a page at a time."""

    class PageLoaded(Message):
        """More rows were loaded (the count line updates)."""

    def __init__(self, services: Services, *, id: str | None = None) -> None:  # noqa: A002 - textual API name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.services = services
        self.total = 0
        self.status: str | None = None
        self.paging = True
        self._subject_width = 40
        self._columns: tuple[Column, ...] = ()
        self._laid_out_for = 0
        """The width the columns were laid out for (a resize to another layout redraws)."""
        self._cases: list[Any] = []
        """The summaries shown, in order (drawn again when the columns change)."""
        self._statuses: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._loading = False
        self._lines: dict[tuple[Any, ...], Strip] = {}
        self._row_styles: dict[tuple[Any, ...], Style] = {}

    def on_mount(self) -> None:
        self._add_columns(self.app.size.width)

    def _add_columns(self, width: int) -> None:
        self._laid_out_for = width
        self._columns = columns_for(width)
        self._subject_width = subject_width(self._columns, width)
        for key, label, w in self._columns:
            # A ``Text`` label, not a str: a str goes through Rich's markup and emoji parsing
            # (importing its 3 ms emoji table at start-up) and a ``[`` in a label would vanish.
            self.add_column(Text(t(label)), key=key, width=w or self._subject_width)

    def on_resize(self) -> None:
        width = self.size.width
        if width and width != self._laid_out_for:
            if (columns_for(width), subject_width(columns_for(width), width)) != (
                self._columns,
                self._subject_width,
            ):
                self._redraw(width)
            self._laid_out_for = width

    def _redraw(self, width: int) -> None:
        """Lay the columns out for ``width`` and draw the same rows again, cursor kept."""
        row = self.cursor_row
        cases = self._cases
        self._loading = True  # clearing moves the cursor: no page loads meanwhile
        try:
            self.clear(columns=True)
            self._cases = []
            self._statuses.clear()
            self._types.clear()
            self._add_columns(width)
            self._append(cases)
        finally:
            self._loading = False
        if cases:
            self.move_cursor(row=min(row, len(cases) - 1), animate=False)

    def relabel(self) -> None:
        """Re-label the columns and re-draw the status cells in the current language."""
        for key, label, _ in self._columns:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                column.label = Text(t(label))
        for case_id, status in self._statuses.items():
            self.update_cell(case_id, "status", _status_cell(status))
        width = next((w for key, _, w in self._columns if key == "type"), 0)
        for case_id, case_type in self._types.items() if width else ():
            self.update_cell(case_id, "type", self._type_cell(case_type, width))
        self._require_update_dimensions = True
        self.refresh()

    def _type_cell(self, case_type: str, width: int) -> Text:
        """The case type's title in the current language (never its id), cut between words
        to ``width`` (0: the column is not shown)."""
        if not width:
            return Text("", end="")
        title = self.services.type_title(case_type, get_language())
        return Text(truncate_words(title, width), end="")

    # -- loading ----------------------------------------------------------------------------

    def load_first(self, status: str | None) -> None:
        """Show the first page of cases with ``status`` (None = all)."""
        self.status = status
        self.paging = True
        self.total = 0
        self.clear()
        self._cases = []
        self._statuses.clear()
        self._types.clear()
        store = self.services.store
        self.total = store.count(**self._filters())
        self._load_page()

    def _filters(self) -> dict[str, Any]:
        if self.status is None:
            return {}
        return {"status": self.status}

    def _load_page(self) -> None:
        offset = self.row_count
        if offset >= self.total or self._loading:
            return
        self._loading = True
        try:
            rows = self.services.store.list(limit=PAGE, offset=offset, **self._filters())
            self._append(rows)
        finally:
            self._loading = False
        if not rows:
            self.total = self.row_count
        self.post_message(self.PageLoaded())

    def show_rows(self, rows: Sequence[Any]) -> None:
        """Show exactly these case summaries (search results): no paging."""
        self.paging = False
        self.total = 0
        self.clear()
        self._cases = []
        self._statuses.clear()
        self._types.clear()
        self._append(rows)
        self.total = len(rows)

    def _append(self, rows: Sequence[Any]) -> None:
        keys = [key for key, _, _ in self._columns]
        widths = {key: w for key, _, w in self._columns}
        subject_width = self._subject_width
        for case in rows:
            self._cases.append(case)
            self._statuses[case.id] = case.status
            self._types[case.id] = case.case_type
            cells = {
                "id": Text(case.id, end=""),
                "status": _status_cell(case.status),
                "type": self._type_cell(case.case_type, widths.get("type", 0)),
                "subject": Text(truncate_words(case.subject, subject_width), end=""),
                "follow_up": Text(short_date(case.follow_up), end=""),
                "updated": Text(short_date(case.updated_at), end=""),
            }
            self.add_row(*(cells[key] for key in keys), key=case.id)

    # -- cheap rendering (see the module docstring) -----------------------------------------

    def _update_dimensions(self, new_rows: Any) -> None:
        """Fixed-width columns and one-line rows: nothing to measure, only the virtual size."""
        columns = list(self.columns.values())
        if (
            any(c.auto_width for c in columns)
            or self.show_row_labels
            and any(r.label is not None for r in self.rows.values())
        ):
            super()._update_dimensions(new_rows)
            return
        width = sum(c.get_render_width(self) for c in columns) + self._row_label_column_width
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self._total_row_height + header)

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        """DataTable's row style, cached: it walks the DOM for every line of every frame."""
        kind = -1 if row_index == -1 else (-2 if row_index < self.fixed_rows else row_index % 2)
        key = (kind, base_style, self.zebra_stripes, self._pseudo_class_state)
        style = self._row_styles.get(key)
        if style is None:
            style = super()._get_row_style(row_index, base_style)
            self._row_styles[key] = style
        return style

    def notify_style_update(self) -> None:
        self._row_styles.clear()
        self._lines.clear()
        super().notify_style_update()

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Any:
        """A table line, cached per row and per "is this the cursor row" rather than per cursor
        position (DataTable's own cache misses on every line whenever the cursor moves, so a
        scroll redraws the whole table)."""
        if self.cursor_type != "row" or self.fixed_columns or self.fixed_rows:
            return super()._render_line(y, x1, x2, base_style)
        width = self.size.width
        try:
            row_key, line_no = self._get_offsets(y)
        except LookupError:
            return Strip.blank(width, base_style)
        row_index = self._row_locations.get(row_key)
        cursor = row_index is not None and row_index == self.cursor_coordinate.row
        hover = row_index is not None and row_index == self.hover_coordinate.row
        key = (
            row_key,
            line_no,
            x1,
            x2,
            width,
            cursor,
            hover,
            base_style,
            self._update_count,
            self._pseudo_class_state,
        )
        strip = self._lines.get(key)
        if strip is None:
            if row_index is not None and row_index >= 0 and self._plain_row(row_key):
                strip = row_line(self, row_index, x1, x2, base_style, cursor, hover)
            else:
                strip = super()._render_line(y, x1, x2, base_style)
            if len(self._lines) > 4 * PAGE:
                self._lines.clear()
            self._lines[key] = strip
        return strip

    def _plain_row(self, row_key: Any) -> bool:
        """A one-line row and no row labels: what ``row_line`` draws."""
        row = self.rows.get(row_key)
        return (
            row is not None
            and row.height == 1
            and not (self._labelled_row_exists and self.show_row_labels)
        )

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """A body cell drawn directly from its ``Text`` (same cache and styles as DataTable)."""
        if row_index < 0 or column_index < 0 or self.fixed_rows or self.fixed_columns:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cache = self._cell_render_cache
        lines = cache.get(cache_key)
        if lines is None:
            cell = self._get_row_renderables(row_index).cells[column_index]
            if not isinstance(cell, Text) or self.rows[row_key].height != 1:
                return super()._render_cell(
                    row_index, column_index, base_style, width, cursor, hover
                )
            component, post = self._get_styles_to_render_cell(
                False,
                False,
                False,
                hover,
                cursor,
                self.show_cursor,
                self._show_hover_cursor,
                self.cursor_foreground_priority == "css",
                self.cursor_background_priority == "css",
            )
            pre = base_style + Style.from_meta({"row": row_index, "column": column_index})
            lines = [cell_line(cell, width, self.cell_padding, pre + component, post)]
            cache[cache_key] = lines
        return lines

    def watch_cursor_coordinate(self, old: Any, new: Any) -> None:
        super().watch_cursor_coordinate(old, new)
        if (
            self.paging
            and not self._loading
            and new.row >= self.row_count - PREFETCH
            and self.row_count < self.total
        ):
            self._load_page()

    def selected_id(self) -> str | None:
        """The id of the case under the cursor."""
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)


def _status_cell(status: str) -> Text:
    return Text(truncate(t(f"status.{status}"), 12), style=STATUS_STYLE.get(status, ""), end="")
