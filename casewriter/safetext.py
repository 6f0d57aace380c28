"""Untrusted text made safe to show: the one mapping the CLI and the TUI use.

Text from a user, a case file, a report, the clipboard or the log may hold terminal control
(``ESC ] 52 ; c ; … BEL`` writes the clipboard, ``ESC [ 2 J`` clears the screen, 8-bit C1
such as ``\\x9b`` starts a sequence on some terminals) and bidi overrides that make text read
differently from what it holds (Trojan Source). Shown text never carries them raw:

- ``escape_controls`` shows each as a visible escape: C0 controls except newline and tab, DEL
  and C1 as ``\\x1b``; bidi overrides and isolates (U+202A–202E, U+2066–2069) and lone
  surrogates as ``\\u202e``. A carriage return is kept only as part of a CRLF line break.
  Everything printable (markup-like ``[b]``, CJK, emoji, combining marks) is left as it is,
  so a literal backslash in the text looks like an escape: the mapping is for reading, not
  for parsing back.
- ``escape_offsets`` is the same mapping with each original index's new index, so styled
  text (Rich ``Text`` spans) can be escaped without moving its styles.
- ``control_pictures`` keeps the length (one character for one): ``ESC`` becomes ``␛``; used
  where a cursor indexes the text (an editable input box).
- ``json_safe`` makes a JSON document from ``json.dumps(..., ensure_ascii=False)`` terminal
  safe and still exact: ``json.dumps`` escapes C0 itself; this writes DEL, C1, bidi overrides
  and lone surrogates as ``\\uXXXX`` too, which decode to the same string.

Stdlib only and nothing at import time (the pattern compiles on first use): ``check`` and
``--version`` stay fast.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

#: The bidi embedding/override and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# C0 except TAB and LF, DEL, C1, bidi, surrogates: one character class (fast to scan); the CR of
# a CRLF is let through by the code (``_keeps``), not by the pattern.
_UNSAFE_SOURCE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
# What ``json.dumps`` leaves raw that a terminal must not get (it escapes C0 itself).
_JSON_UNSAFE_SOURCE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"

_compiled: dict[str, re.Pattern[str]] = {}


def _pattern(source: str) -> re.Pattern[str]:
    found = _compiled.get(source)
    if found is None:
        import re

        found = _compiled[source] = re.compile(source)
    return found


def _keeps(match: re.Match[str]) -> bool:
    """Whether a matched character stays as it is: the CR of a CRLF line break."""
    return match.group() == "\r" and match.string.startswith("\n", match.end())


def _escape_match(match: re.Match[str]) -> str:
    return match.group() if _keeps(match) else escape_char(match.group())


def escape_char(ch: str) -> str:
    """The visible escape of one unsafe character: ``\\x1b``, ``\\x9b``, ``\\u202e``."""
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_controls(text: str) -> bool:
    """Whether ``escape_controls`` would change ``text``."""
    return any(not _keeps(m) for m in _pattern(_UNSAFE_SOURCE).finditer(text))


def escape_controls(text: str) -> str:
    """``text`` with every terminal control and bidi override shown as a visible escape."""
    return _pattern(_UNSAFE_SOURCE).sub(_escape_match, text)


def escape_offsets(text: str, *, drop_crlf_cr: bool = False) -> tuple[str, list[int]]:
    """``escape_controls(text)`` and, for each index ``0..len(text)`` of ``text``, its index in
    the result (so a span ``[a, b)`` of ``text`` is ``[map[a], map[b])`` of the result).

    ``drop_crlf_cr`` also removes the CR of each CRLF (for widgets that drop it themselves,
    which would otherwise shift every style after it)."""
    pattern = _pattern(_UNSAFE_SOURCE)
    if pattern.search(text) is None:
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    new = 0
    for match in pattern.finditer(text):
        if _keeps(match) and not drop_crlf_cr:
            continue
        start = match.start()
        offsets.extend(range(new, new + start - pos))
        new += start - pos
        parts.append(text[pos:start])
        escaped = "" if _keeps(match) else escape_char(match.group())
        offsets.append(new)
        new += len(escaped)
        parts.append(escaped)
        pos = match.end()
    offsets.extend(range(new, new + len(text) + 1 - pos))
    parts.append(text[pos:])
    return "".join(parts), offsets


def control_picture(ch: str) -> str:
    """One printable character standing for the unsafe ``ch``: the Unicode control picture for
    C0 and DEL (``␛`` for ESC, ``␀`` for NUL), ``�`` for C1, bidi controls and surrogates."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def control_pictures(text: str) -> str:
    """``text`` with each unsafe character replaced by one printable one (same length, so an
    index into ``text`` is the same index into the result). CR of a CRLF is pictured too."""
    return _pattern(_UNSAFE_SOURCE).sub(lambda m: control_picture(m.group()), text)


def json_safe(json_text: str) -> str:
    """A JSON document (``ensure_ascii=False``) with DEL, C1, bidi overrides and lone
    surrogates written as ``\\uXXXX``: the same data, nothing a terminal acts on. Those
    characters can only occur inside JSON strings, where ``\\uXXXX`` is their exact escape."""
    return _pattern(_JSON_UNSAFE_SOURCE).sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def json_text(data: object, *, indent: int | None = 2) -> str:
    """``data`` as readable UTF-8 JSON (Chinese unescaped) that is safe to print and exact."""
    import json

    return json_safe(json.dumps(data, ensure_ascii=False, indent=indent, default=str))
