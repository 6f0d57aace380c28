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


WORD_BREAKS = " –—/,;:·"
"""Where a cut may fall between words; a hyphen too, between letters (``inbound-missing``),
never inside a number (an order id ``114-2093317-8841526`` is one word)."""


def _breaks_at(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "-" or ch == "_":
        return i > 0 and text[i - 1].isalpha()
    return ch in WORD_BREAKS


def truncate_words(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells like ``truncate``, but between words: the cut
    backs up to the last word break when one is in the last half of the room, so a table
    never shows a word or an identifier cut in two. Text without breaks (Chinese, one long
    identifier) is cut where it must be."""
    cut = truncate(text, width)
    if not cut.endswith("…") or cut == "…":
        return cut
    kept = cut[:-1]
    full = " ".join(text.split())
    if len(full) > len(kept) and _breaks_at(full, len(kept)):
        return kept.rstrip(" -_–—/,;:·") + "…"  # the cut already falls between words
    at = max((i for i in range(len(kept)) if _breaks_at(kept, i)), default=-1)
    if at >= len(kept) // 2:
        return kept[:at].rstrip(" -_–—/,;:·") + "…"
    return cut


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
