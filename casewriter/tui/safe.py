"""Widgets and helpers that show untrusted text as data: never Textual/Rich markup, never
terminal control.

A subject ``Refund [/] pending`` must not crash a screen, ``[@click=app.quit]`` must not become
an action, ``[shipment ID]`` must not vanish, and ``ESC ] 52 ; … ESC \\`` from a note must not
reach the terminal. Every module in ``casewriter/tui`` takes ``Static``, ``Label``, ``Input``
and ``TextArea`` from here (a test checks), not from ``textual.widgets``:

- ``Static`` / ``Label``: markup off; strings, Rich ``Text`` and Textual ``Content`` are shown
  with controls and bidi overrides as visible escapes (``\\x1b``, ``\\u202e``; styles kept).
- ``Input``: the value is kept exactly; each control is drawn as one printable character
  (``␛`` for ESC: same length, so the cursor stays where it is in the value).
- ``TextArea``: text loaded, pasted, typed or inserted holds controls as visible escapes (a
  text area indexes its text by cell, so the text itself is what is shown, copied and saved);
  defined in ``safe_textarea`` and imported from here on first use (the home screen has none).
- ``plain(text)``: a Rich ``Text`` for one piece of untrusted text (tables, options, labels).
- ``copy_text(node, text, what)``: the one way text goes to the clipboard (escaped, then
  announced: what was copied and how long it is).

The mapping itself is ``casewriter.safetext`` (shared with the CLI). App notifications go
through ``CasewriterApp.notify``, which escapes and turns markup off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len, get_character_cell_size
from rich.text import Span, Text
from textual.content import Content
from textual.content import Span as ContentSpan
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Input as _Input
from textual.widgets import Label as _Label
from textual.widgets import Static as _Static

from casewriter.safetext import control_pictures, escape_controls, escape_offsets

if TYPE_CHECKING:
    from casewriter.tui.safe_textarea import TextArea as TextArea


def plain(text: object, style: str = "", *, end: str = "\n") -> Text:
    """Untrusted ``text`` as a Rich ``Text``: no markup, controls as visible escapes."""
    shown, _ = escape_offsets(str(text), drop_crlf_cr=True)
    return Text(shown, style=style, end=end)


def copy_text(node: Any, text: str, what: str) -> str:
    """Copy ``text`` to the clipboard (OSC 52) as it is shown: controls as visible escapes, so
    no terminal control ever reaches the clipboard or the terminal; then say what was copied
    (``what``: "the subject", …) and how long it is. Returns the text copied."""
    from casewriter.tui.i18n import t

    shown = escape_controls(text)
    node.app.copy_to_clipboard(shown)
    node.notify(t("msg.copied", what=what, n=len(shown)))
    return shown


def safe_rich_text(text: Text) -> Text:
    """``text`` with controls shown as visible escapes; its styles stay on the same characters."""
    shown, offsets = escape_offsets(text.plain, drop_crlf_cr=True)
    if shown == text.plain:
        return text
    out = Text(
        shown,
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    out.spans = [Span(offsets[s.start], offsets[s.end], s.style) for s in text.spans]
    return out


def safe_content(content: Content) -> Content:
    """``content`` with controls shown as visible escapes; its styles stay in place."""
    shown, offsets = escape_offsets(content.plain, drop_crlf_cr=True)
    if shown == content.plain:
        return content
    spans = [ContentSpan(offsets[s.start], offsets[s.end], s.style) for s in content.spans]
    return Content(shown, spans)


def safe_visual(content: Any) -> Any:
    """What a ``Static`` may show: a string becomes plain ``Content`` (never markup); ``Text``
    and ``Content`` are escaped in place; anything else (a widget's own renderable) as it is."""
    if isinstance(content, str):
        return Content(escape_offsets(content, drop_crlf_cr=True)[0])
    if isinstance(content, Text):
        return safe_rich_text(content)
    if isinstance(content, Content):
        return safe_content(content)
    return content


class Static(_Static):
    """``textual.widgets.Static`` for untrusted text: markup off, controls escaped."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(safe_visual(content), markup=markup, **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(safe_visual(content), layout=layout)


class Label(_Label):
    """``textual.widgets.Label`` for untrusted text: markup off, controls escaped."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(safe_visual(content), markup=markup, **kwargs)

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(safe_visual(content), layout=layout)


class Input(_Input):
    """``textual.widgets.Input`` that draws each control in its value as one printable
    character (``␛``); the value itself (what the app reads and saves) is unchanged.

    Overrides the three places Textual 8.2 measures or draws the value (``_value``,
    ``_position_to_cell``, ``_cell_offset_to_index``); tests pin the behaviour."""

    @property
    def _value(self) -> Text:
        if self.password:
            return super()._value
        text = Text(control_pictures(self.value), no_wrap=True, overflow="ignore", end="")
        if self.highlighter is not None:
            text = self.highlighter(text)
        return text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(control_pictures(self.value[:position]), 4))

    def _cell_offset_to_index(self, offset: int) -> int:
        cell_offset = 0
        scroll_x, _ = self.scroll_offset
        offset += scroll_x
        shown = control_pictures(self.value)
        for index, char in enumerate(shown):
            width = get_character_cell_size(char)
            if cell_offset <= offset < cell_offset + width:
                return index
            cell_offset += width
        return max(0, min(offset, len(shown)))


def __getattr__(name: str) -> Any:
    """``TextArea`` is imported on first use (``safe_textarea``): Textual's text area and its
    document machinery cost ~10 ms, and the first screen (home) has none."""
    if name == "TextArea":
        from casewriter.tui.safe_textarea import TextArea

        return TextArea
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
