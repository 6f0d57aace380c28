"""Text helpers for the TUI: cell-width truncation (CJK characters take two cells) and
compact dates. Measures with ``rich.cells.cell_len``, never ``len()``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from rich.cells import cell_len


def truncate(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to at most ``width`` terminal cells (with ``…`` when cut)."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    room = max(0, width - cell_len(ellipsis))
    out: list[str] = []
    used = 0
    for ch in text:
        w = cell_len(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(out) + ellipsis


def pad(text: str, width: int) -> str:
    """``text`` truncated then padded with spaces to exactly ``width`` cells."""
    cut = truncate(text, width)
    return cut + " " * (width - cell_len(cut))


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
