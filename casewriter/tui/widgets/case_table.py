"""``CaseTable``: a DataTable of logged cases that pages through the log lazily.

``load_first(status)`` reads the count and the first page; moving the cursor near the end of
the loaded rows reads the next page (``PAGE`` rows) from ``store.list``. ``show_rows`` shows a
fixed list instead (search results). Subjects are cut by terminal cells, not characters.

Kept cheap for a 100,000-case log: every column has a fixed width and every row one line, so
new rows are never measured (``_update_dimensions``), and a cell is drawn straight from its
``Text`` (``_render_cell``) instead of through Rich's padding/wrapping renderer. Cells are
``Text`` objects, never markup strings: a subject like ``[URGENT]`` is shown as typed.

Size: ~300 lines: the paging plus the cheap-rendering overrides of ``DataTable``'s own methods
(~130 lines), which could move to a reusable base class.
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
from casewriter.tui.text import short_date, truncate
from casewriter.tui.widgets.cell_render import cell_line, row_line

PAGE = 60
PREFETCH = 20
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", "col.id", 9),
    ("status", "col.status", 12),
    ("type", "col.type", 22),
    ("subject", "col.subject", 0),
    ("follow_up", "col.follow_up", 10),
    ("updated", "col.updated", 10),
)
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
        self._statuses: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._loading = False
        self._lines: dict[tuple[Any, ...], Strip] = {}
        self._row_styles: dict[tuple[Any, ...], Style] = {}

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        fixed = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
        width = self.app.size.width
        self._subject_width = max(16, width - fixed)
        for key, label, w in COLUMNS:
            # A ``Text`` label, not a str: a str goes through Rich's markup and emoji parsing
            # (importing its 3 ms emoji table at start-up) and a ``[`` in a label would vanish.
            self.add_column(Text(t(label)), key=key, width=w or self._subject_width)

    def relabel(self) -> None:
        """Re-label the columns and re-draw the status cells in the current language."""
        for key, label, _ in COLUMNS:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                column.label = Text(t(label))
        for case_id, status in self._statuses.items():
            self.update_cell(case_id, "status", _status_cell(status))
        for case_id, case_type in self._types.items():
            self.update_cell(case_id, "type", self._type_cell(case_type))
        self._require_update_dimensions = True
        self.refresh()

    def _type_cell(self, case_type: str) -> Text:
        """The case type's title in the current language (never its id)."""
        return Text(truncate(self.services.type_title(case_type, get_language()), 22), end="")

    # -- loading ----------------------------------------------------------------------------

    def load_first(self, status: str | None) -> None:
        """Show the first page of cases with ``status`` (None = all)."""
        self.status = status
        self.paging = True
        self.total = 0
        self.clear()
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
        self._statuses.clear()
        self._types.clear()
        self._append(rows)
        self.total = len(rows)

    def _append(self, rows: Sequence[Any]) -> None:
        subject_width = self._subject_width
        for case in rows:
            self._statuses[case.id] = case.status
            self._types[case.id] = case.case_type
            self.add_row(
                Text(case.id, end=""),
                _status_cell(case.status),
                self._type_cell(case.case_type),
                Text(truncate(case.subject, subject_width), end=""),
                Text(short_date(case.follow_up), end=""),
                Text(short_date(case.updated_at), end=""),
                key=case.id,
            )

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
