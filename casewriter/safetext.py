"""Untrusted text made safe to show: the one mapping the CLI and the TUI use.

Text from a user, a case file, a report, the clipboard or the log may hold terminal control
(``ESC ] 52 ; c ; … BEL`` writes the clipboard, ``ESC [ 2 J`` clears the screen, 8-bit C1
such as ``\\x9b`` starts a sequence on some terminals) and bidi overrides that make text read
differently from what it holds (Trojan Source). Shown text never carries them raw:

- ``escape_controls`` shows each as a visible escape: C0 controls except newline and tab, DEL
  and C1 as ``\\x1b``; bidi overrides and isolates (U+202A–202E, U+2066–2069), bidi marks
  (LRM U+200E, RLM U+200F, ALM U+061C), line and paragraph separators (U+2028, U+2029) and
  lone surrogates as ``\\u202e``. So is every invisible format character that can hide or
  reorder text: zero-width space, word joiner, BOM, soft hyphen, Mongolian vowel separator,
  invisible operators (U+2061–2064), the deprecated format controls (U+206A–206F),
  interlinear annotation marks (U+FFF9–FFFB) and tag characters (U+E0000–E007F, shown as
  ``\\U000e0041``: invisible text can be smuggled in them). A carriage return is kept only
  as part of a CRLF line break. Kept because they carry meaning and hide nothing there: the
  zero-width joiner and non-joiner (U+200D, U+200C) between two non-ASCII characters (emoji
  sequences such as 👩‍💻, Indic and Persian words; between ASCII letters, or at an edge,
  they are escaped), and tag characters inside an emoji flag tag sequence (🏴 + up to 7 tags +
  CANCEL TAG, the Scotland and Wales flags). Everything printable (markup-like ``[b]``,
  CJK, emoji, combining marks, variation selectors) is left as it is, so a literal backslash
  in the text looks like an escape: the mapping is for reading, not for parsing back.
- ``escape_offsets`` is the same mapping with each original index's new index, so styled
  text (Rich ``Text`` spans) can be escaped without moving its styles.
- ``control_pictures`` keeps the length (one character for one): ``ESC`` becomes ``␛``; used
  where a cursor indexes the text (an editable input box).
- ``json_safe`` makes a JSON document from ``json.dumps(..., ensure_ascii=False)`` terminal
  safe and still exact: ``json.dumps`` escapes C0 itself; this writes every other character
  ``escape_controls`` escapes (joiners and tags included, context-free) as ``\\uXXXX`` (a
  surrogate pair for tag characters), which decode to the same string.

Stdlib only and nothing at import time (the pattern compiles on first use): ``check`` and
``--version`` stay fast.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Any

#: The bidi embedding/override and isolate controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Invisible format characters that can hide or reorder text (besides C0, DEL, C1): soft hyphen,
# ALM, Mongolian vowel separator, ZWSP ZWNJ ZWJ LRM RLM, line/paragraph separators, the bidi
# embeddings and overrides, word joiner, invisible operators, the isolates and the deprecated
# format controls, BOM, interlinear annotation marks, lone surrogates, tag characters.
_FORMAT = (
    "\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000e0000-\U000e007f"
)
# C0 except TAB and LF, DEL, C1 and the format characters: one character class (fast to scan);
# the CR of a CRLF, joiners between non-ASCII characters and an emoji flag's tags are let
# through by the code (``_keeps``), not by the pattern.
_UNSAFE_SOURCE = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_FORMAT}]"
# What ``json.dumps`` leaves raw that a terminal must not get (it escapes C0 itself).
_JSON_UNSAFE_SOURCE = f"[\x7f-\x9f{_FORMAT}]"
_JOINERS = "\u200c\u200d"
_BLACK_FLAG = "\U0001f3f4"
_CANCEL_TAG = "\U000e007f"
#: The most tag characters an emoji tag sequence holds (a subdivision code and CANCEL TAG).
_MAX_TAGS = 8

_compiled: dict[str, re.Pattern[str]] = {}


def _pattern(source: str) -> re.Pattern[str]:
    found = _compiled.get(source)
    if found is None:
        import re

        found = _compiled[source] = re.compile(source)
    return found


def _keeps(match: re.Match[str]) -> bool:
    """Whether a matched character stays as it is: the CR of a CRLF line break, or a joiner or
    tag that belongs to an emoji sequence or a word (``_meaningful``)."""
    if match.group() == "\r":
        return match.string.startswith("\n", match.end())
    return _meaningful(match.string, match.start())


def _is_tag(ch: str) -> bool:
    return "\U000e0000" <= ch <= "\U000e007f"


def _joinable(ch: str) -> bool:
    """A character a ZWJ/ZWNJ may join: not ASCII, not a space, not itself unsafe (an emoji,
    a variation selector, a letter of a script that joins)."""
    return not ch.isascii() and not ch.isspace() and _pattern(_UNSAFE_SOURCE).match(ch) is None


def _meaningful(text: str, at: int) -> bool:
    """Whether the format character at ``text[at]`` is kept: a ZWJ/ZWNJ between two joinable
    characters, or a tag inside ``🏴`` + tags + CANCEL TAG (at most ``_MAX_TAGS`` tags); both
    checks look at a bounded window, so hostile runs stay linear."""
    ch = text[at]
    if ch in _JOINERS:
        return 0 < at < len(text) - 1 and _joinable(text[at - 1]) and _joinable(text[at + 1])
    if not _is_tag(ch):
        return False
    start = at
    while start > 0 and _is_tag(text[start - 1]):
        start -= 1
        if at - start >= _MAX_TAGS:
            return False
    end = at + 1
    while end < len(text) and _is_tag(text[end]):
        end += 1
        if end - start > _MAX_TAGS:
            return False
    return (
        end - start >= 2
        and start > 0
        and text[start - 1] == _BLACK_FLAG
        and text[end - 1] == _CANCEL_TAG
    )


def _escape_match(match: re.Match[str]) -> str:
    return match.group() if _keeps(match) else escape_char(match.group())


def escape_char(ch: str) -> str:
    """The visible escape of one unsafe character: ``\\x1b``, ``\\x9b``, ``\\u202e``,
    ``\\U000e0041``."""
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


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
    index into ``text`` is the same index into the result). CR of a CRLF is pictured too;
    joiners and tags that ``escape_controls`` keeps stay."""

    def picture(match: re.Match[str]) -> str:
        kept = match.group() != "\r" and _meaningful(match.string, match.start())
        return match.group() if kept else control_picture(match.group())

    return _pattern(_UNSAFE_SOURCE).sub(picture, text)


#: A code point of a UTF-16 surrogate: in a Python string always "lone" (a decoder joins a
#: real pair into one character). JSON's ``"\\ud800"`` escape makes one; it is not a character,
#: cannot be written as UTF-8 (SQLite, a file) and would crash the write.
_SURROGATE_SOURCE = "[\ud800-\udfff]"


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate."""
    return _pattern(_SURROGATE_SOURCE).search(text) is not None


def storable(text: str) -> str:
    """``text`` with each lone surrogate replaced by its visible escape (the six characters
    ``\\ud800``, as it is shown): what can be written as UTF-8 and reads as it was shown."""
    return _pattern(_SURROGATE_SOURCE).sub(lambda m: escape_char(m.group()), text)


def surrogate_fields(data: object, limit: int = 3) -> list[str]:
    """Where parsed JSON ``data`` (dicts, lists, strings) holds a lone surrogate, in a key or a
    string: dotted field names (``profile.name``, ``evidence.fnsku.0``), at most ``limit``,
    in document order. Walked without recursion (any depth)."""
    found: list[str] = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack and len(found) < limit:
        where, node = stack.pop()
        if isinstance(node, str):
            if has_surrogates(node):
                found.append(where or "(the document)")
            continue
        if isinstance(node, dict):
            items: list[tuple[str, object]] = []
            for key, value in node.items():
                name = f"{where}.{key}" if where else str(key)
                if isinstance(key, str) and has_surrogates(key):
                    found.append(name)
                items.append((name, value))
        elif isinstance(node, list | tuple):
            items = [(f"{where}.{i}" if where else str(i), v) for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(items))
    return [escape_controls(name) for name in found[:limit]]


def storable_data(data: Any) -> Any:
    """A copy of parsed JSON ``data`` with every string (keys too) made ``storable``."""
    if isinstance(data, str):
        return storable(data)
    if isinstance(data, dict):
        return {storable_data(k): storable_data(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [storable_data(v) for v in data]
    return data


def surrogate_problem(fields: list[str]) -> str:
    """The one-line reason for ``surrogate_fields``: ``profile.name: holds a lone surrogate …``."""
    more = f" (and {', '.join(fields[1:])})" if len(fields) > 1 else ""
    return (
        f"{fields[0]}{more}: holds a lone surrogate (a \\ud800-\\udfff escape, half of a "
        "UTF-16 pair: not a character)"
    )


def json_safe(json_text: str) -> str:
    """A JSON document (``ensure_ascii=False``) with DEL, C1, bidi overrides and lone
    surrogates written as ``\\uXXXX``: the same data, nothing a terminal acts on. Those
    characters can only occur inside JSON strings, where ``\\uXXXX`` is their exact escape."""
    return _pattern(_JSON_UNSAFE_SOURCE).sub(lambda m: _json_escape(m.group()), json_text)


def _json_escape(ch: str) -> str:
    """``\\uXXXX``, or the UTF-16 surrogate pair JSON uses above U+FFFF."""
    code = ord(ch)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(data: object, *, indent: int | None = 2) -> str:
    """``data`` as readable UTF-8 JSON (Chinese unescaped) that is safe to print and exact."""
    import json

    return json_safe(json.dumps(data, ensure_ascii=False, indent=indent, default=str))
