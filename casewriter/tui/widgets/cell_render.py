"""Drawing one DataTable cell straight from a ``Text``: the segments Rich's
``Styled(Padding(text, (0, padding)), pre_style, post_style)`` renders for a one-line cell,
without going through the console's measuring and wrapping (a hundred times per frame); and
one body line of a row-cursor table (``row_line``), the segments DataTable's
``_render_line_in_row`` + ``_render_line`` produce, without their per-cell bookkeeping."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual._segment_tools import line_crop
from textual.strip import Strip

_BLANK = Style()


def cell_line(text: Text, width: int, padding: int, pre: Style, post: Style) -> list[Segment]:
    """One line of ``width`` cells: padding, ``text`` cut or padded to fit, padding; styled as
    Rich's ``Styled(Padding(text))`` would style it."""
    inner = max(0, width - 2 * padding)
    line = text.copy()
    line.truncate(inner, overflow="fold")
    segments: list[Segment] = []
    if padding:
        segments.append(Segment(" " * padding, _BLANK))
    if line.spans:
        segments.extend(_text_segments(line))
    elif line.plain:
        base = line.style if isinstance(line.style, Style) else Style.parse(line.style or "none")
        segments.append(Segment(line.plain, base))
    fill = inner - line.cell_len + padding
    if fill > 0:
        segments.append(Segment(" " * fill, _BLANK))
    return list(Segment.apply_style(segments, pre, post))


def row_line(
    table: Any,
    row_index: int,
    x1: int,
    x2: int,
    base_style: Style,
    cursor: bool,
    hover: bool,
) -> Strip:
    """Body line ``row_index`` of ``table`` (a ``DataTable`` with a row cursor, one-line rows,
    no fixed rows, columns or row labels), cropped to ``x1:x2``: each ``Text`` cell drawn by
    ``cell_line`` with the styles DataTable gives it (other cells by ``table._render_cell``),
    then the row's style extended to the table's width, as DataTable draws it."""
    row_style = table._get_row_style(row_index, base_style)
    styles = table._get_styles_to_render_cell
    show, show_hover = table.show_cursor, table._show_hover_cursor
    component, post = styles(
        False,
        False,
        False,
        hover,
        cursor,
        show,
        show_hover,
        table.cursor_foreground_priority == "css",
        table.cursor_background_priority == "css",
    )
    cells = table._get_row_renderables(row_index).cells
    padding = table.cell_padding
    segments: list[Segment] = []
    used = table._row_label_column_width
    for column_index, column in enumerate(table.ordered_columns):
        width = column.get_render_width(table)
        used += width
        cell = cells[column_index]
        if isinstance(cell, Text):
            pre = row_style + Style.from_meta({"row": row_index, "column": column_index})
            segments.extend(cell_line(cell, width, padding, pre + component, post))
        else:
            cell_lines = table._render_cell(
                row_index, column_index, row_style, width, cursor, hover
            )
            segments.extend(cell_lines[0])
    extend, _ = styles(False, False, False, hover, cursor, show, show_hover, False, False)
    out_of_bounds = Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
    table_width = table.size.width
    segments.append(Segment(" " * max(0, table_width - used), row_style + extend + out_of_bounds))
    strip = Strip(line_crop(segments, x1, x2, table_width))
    return strip.adjust_cell_length(table_width, base_style).simplify()


def _text_segments(text: Text) -> list[Segment]:
    """A ``Text`` with spans as segments, through one shared plain console (spans here hold
    styles, so the console's theme and colour system do not matter)."""
    from rich.console import Console

    return [s for s in text.render(_console(Console), end="") if s.text]


_CONSOLE: Any = None


def _console(factory: Any) -> Any:
    global _CONSOLE  # noqa: PLW0603 - one shared, lazily built console for span styles
    if _CONSOLE is None:
        _CONSOLE = factory(width=200, color_system=None, legacy_windows=False)
    return _CONSOLE
