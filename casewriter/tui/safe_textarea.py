"""The safe ``TextArea`` (see ``casewriter.tui.safe``, which hands it out): its own module so
that Textual's text area is imported only when a screen has one, never for the first frame.
Import it as ``from casewriter.tui.safe import TextArea``.
"""

from __future__ import annotations

from textual.widgets import TextArea as _TextArea
from textual.widgets.text_area import Edit, EditResult

from casewriter.safetext import escape_controls


class TextArea(_TextArea):
    """``textual.widgets.TextArea`` whose text never holds a raw control: text loaded
    (constructor, ``load_text``, ``.text =``) and text pasted or typed in have controls and
    bidi overrides as visible escapes, so what is shown, copied and saved is the same."""

    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(escape_controls(text), language)

    def edit(self, edit: Edit) -> EditResult:
        # Every change (typing, paste, ctrl+v, ``insert``/``replace``) is an Edit.
        edit.text = escape_controls(edit.text)
        return super().edit(edit)
