"""Text helpers for the TUI: cell-width truncation (CJK characters take two cells) and
compact dates. Measures with ``rich.cells.cell_len``, never ``len()``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from rich.cells import cell_len

from casewriter.cells import clip
from casewriter.cells import pad as pad_cells


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal cells (with ``…`` when cut)."""
    return clip(text, width, cell_len)


def pad(text: str, width: int) -> str:
    """``text`` truncated then padded with spaces to exactly ``width`` cells."""
    return pad_cells(truncate(text, width), width, cell_len)


def short_date(value: Any) -> str:
    """``YYYY-MM-DD`` for a date/datetime/ISO string; ``""`` for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)[:10]


def short_datetime(value: Any) -> str:
    """``YYYY-MM-DD HH:MM`` for a datetime or ISO string."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = str(value)
    return text[:16].replace("T", " ")
