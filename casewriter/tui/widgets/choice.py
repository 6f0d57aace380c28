"""``OneLineSelect``: Textual's ``Select`` whose chosen value stays on one line, cut with an
ellipsis when it is wider than the field (a long profile name otherwise wraps, the field grows
past its row and its border is lost)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Select


class OneLineSelect(Select[Any]):
    """A ``Select`` that is always one line of text tall (three with its border)."""

    DEFAULT_CSS = """
    OneLineSelect SelectCurrent Static#label {
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """
