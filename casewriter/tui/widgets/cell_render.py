"""Drawing one DataTable cell straight from a ``Text``: the segments Rich's
``Styled(Padding(text, (0, padding)), pre_style, post_style)`` renders for a one-line cell,
without going through the console's measuring and wrapping (a hundred times per frame)."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text

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
