"""Terminal cell widths: how wide text is on screen (a Chinese character takes two cells) and
cutting or padding it to a width. Stdlib only; the TUI passes Rich's ``cell_len`` as the
measure so its cuts match what Textual draws, the CLI uses ``cell_width`` and imports nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from casewriter.safetext import escape_controls


def cell_width(text: str) -> int:
    """Cells ``text`` takes in a terminal: wide and full-width characters count two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Mn"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, width: int, measure: Callable[[str], int] = cell_width) -> str:
    """``text`` on one line, at most ``width`` cells, ending in ``…`` when cut; terminal
    controls are shown as visible escapes (``\\x1b``) before measuring, so columns line up."""
    flat = " ".join(escape_controls(str(text)).split())
    if measure(flat) <= width:
        return flat
    room = max(0, width - measure("…"))
    out: list[str] = []
    used = 0
    for ch in flat:
        w = measure(ch)
        if used + w > room:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, measure: Callable[[str], int] = cell_width) -> str:
    """``text`` followed by spaces up to ``width`` cells (never cut)."""
    return text + " " * max(0, width - measure(text))


def pad_left(text: str, width: int, measure: Callable[[str], int] = cell_width) -> str:
    """Spaces up to ``width`` cells, then ``text`` (right-aligned; never cut)."""
    return " " * max(0, width - measure(text)) + text
