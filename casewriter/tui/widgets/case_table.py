"""``CaseTable``: a DataTable of logged cases that pages through the log lazily.

``load_first(status)`` reads the count and the first page; moving the cursor near the end of
the loaded rows reads the next page (``PAGE`` rows) from ``store.list``. ``show_rows`` shows a
fixed list instead (search results). Subjects are cut by terminal cells, not characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from casewriter.tui.i18n import t
from casewriter.tui.services import Services
from casewriter.tui.text import short_date, truncate

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
        self._loading = False

    def on_mount(self) -> None:
        self._add_columns()

    def _add_columns(self) -> None:
        fixed = sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS) + 2
        width = self.app.size.width
        self._subject_width = max(16, width - fixed)
        for key, label, w in COLUMNS:
            self.add_column(t(label), key=key, width=w or self._subject_width)

    def refresh_language(self) -> None:
        """Re-label the columns and re-draw the status cells in the current language."""
        for key, label, _ in COLUMNS:
            column = self.columns.get(key)  # type: ignore[call-overload]
            if column is not None:
                column.label = Text(t(label))
        for case_id, status in self._statuses.items():
            self.update_cell(case_id, "status", _status_cell(status))
        self._require_update_dimensions = True
        self.refresh()

    # -- loading ----------------------------------------------------------------------------

    def load_first(self, status: str | None) -> None:
        """Show the first page of cases with ``status`` (None = all)."""
        self.status = status
        self.paging = True
        self.total = 0
        self.clear()
        self._statuses.clear()
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
        self._append(rows)
        self.total = len(rows)

    def _append(self, rows: Sequence[Any]) -> None:
        for case in rows:
            self._statuses[case.id] = case.status
            self.add_row(
                case.id,
                _status_cell(case.status),
                truncate(case.case_type, 22),
                truncate(case.subject, self._subject_width),
                short_date(case.follow_up),
                short_date(case.updated_at),
                key=case.id,
            )

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
    return Text(truncate(t(f"status.{status}"), 12), style=STATUS_STYLE.get(status, ""))
