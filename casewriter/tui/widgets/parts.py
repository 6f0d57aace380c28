"""Small styled pieces several screens and dialogs are built from, each carrying its own style
(``DEFAULT_CSS``): a screen's title bar, a section title, a form row (label + field) and the
row of buttons under a form, an inline error line. Text widgets come from
``casewriter.tui.safe`` (untrusted text is data, never markup).
"""

from __future__ import annotations

from textual.containers import Horizontal

from casewriter.tui.safe import Static


class ScreenTitle(Static):
    """The title bar at the top of a screen."""

    DEFAULT_CSS = """
    ScreenTitle {
        height: 1;
        padding: 0 1;
        background: $primary;
        color: $text;
        text-style: bold;
    }
    """


class SectionTitle(Static):
    """The title of a part of a screen (a timeline, a table)."""

    DEFAULT_CSS = """
    SectionTitle {
        padding: 0 1;
        color: $text-muted;
        text-style: bold;
    }
    """


class FormRow(Horizontal):
    """One row of a form: a ``FormLabel`` and its field (30 cells wide unless a screen says
    otherwise), or several fields side by side."""

    DEFAULT_CSS = """
    FormRow {
        height: 3;
    }
    FormRow Select, FormRow Input {
        width: 30;
    }
    """


class FormLabel(Static):
    """The label in front of a field in a ``FormRow``."""

    DEFAULT_CSS = """
    FormLabel {
        width: 34;
        padding: 1 1 0 0;
    }
    """


class ButtonBar(Horizontal):
    """A row of buttons under a form."""

    DEFAULT_CSS = """
    ButtonBar {
        height: 3;
    }
    ButtonBar Button {
        margin-right: 1;
    }
    """


class FieldError(Static):
    """Why what was typed cannot be used (empty when all is well)."""

    DEFAULT_CSS = """
    FieldError {
        color: $error;
        height: auto;
    }
    """
