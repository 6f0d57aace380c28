"""The one mapping from untrusted text to what is shown (``casewriter.safetext``) and the CLI's
stream guard (``casewriter.output``): visible escapes, exact JSON, progress lines, terminals."""

from __future__ import annotations

import io
import json
import sys

import pytest

from casewriter.cells import clip
from casewriter.output import SafeTextStream, print_error, print_json, safe_streams, write_progress
from casewriter.safetext import (
    control_pictures,
    escape_char,
    escape_controls,
    escape_offsets,
    has_controls,
    json_safe,
    json_text,
)
from tests.hostile import CORPUS, Hostile, assert_no_raw_control


@pytest.mark.parametrize("item", CORPUS, ids=lambda h: h.name)
def test_escape_controls_matches_the_hand_written_form(item: Hostile) -> None:
    assert escape_controls(item.raw) == item.shown
    assert escape_controls(item.shown) == item.shown  # showing twice changes nothing
    assert has_controls(item.raw) == (item.raw != item.shown)


def test_every_control_class_and_the_exceptions() -> None:
    controls = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)]]
    bidi = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
    for ch in controls:
        assert escape_controls(f"a{ch}b") == f"a\\x{ord(ch):02x}b"
    for ch in bidi:
        assert escape_controls(f"a{ch}b") == f"a\\u{ord(ch):04x}b"
    assert escape_controls("\ud800") == "\\ud800"  # a lone surrogate (cannot be encoded)
    assert escape_controls("line\nnext\ttab") == "line\nnext\ttab"
    assert escape_controls("windows\r\nline") == "windows\r\nline"  # CRLF is a line break
    assert escape_controls("over\rwrite") == "over\\x0dwrite"
    assert escape_controls("\u00a0\u3000中\u202f") == "\u00a0\u3000中\u202f"  # spaces stay
    assert escape_controls("\u200e") == "\\u200e"  # a bidi mark: issue 10 F18


#: Invisible format characters that hide or reorder text (issue 10 F18): written out by hand.
FORMAT_CHARACTERS = {
    "\u200e": "\\u200e",  # LRM
    "\u200f": "\\u200f",  # RLM
    "\u061c": "\\u061c",  # ALM
    "\u2028": "\\u2028",  # LINE SEPARATOR
    "\u2029": "\\u2029",  # PARAGRAPH SEPARATOR
    "\u200b": "\\u200b",  # ZERO WIDTH SPACE
    "\u2060": "\\u2060",  # WORD JOINER
    "\ufeff": "\\ufeff",  # BOM / ZWNBSP
    "\u00ad": "\\xad",  # SOFT HYPHEN
    "\u180e": "\\u180e",  # MONGOLIAN VOWEL SEPARATOR
    "\u2062": "\\u2062",  # INVISIBLE TIMES
    "\u206e": "\\u206e",  # NATIONAL DIGIT SHAPES (deprecated)
    "\ufff9": "\\ufff9",  # INTERLINEAR ANNOTATION ANCHOR
    "\U000e0041": "\\U000e0041",  # TAG LATIN CAPITAL LETTER A (hidden text)
}
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


@pytest.mark.parametrize("raw", list(FORMAT_CHARACTERS), ids=lambda c: f"U+{ord(c):04X}")
def test_format_characters_that_hide_or_reorder_text_are_escaped(raw: str) -> None:
    text = f"FBA17{raw}XKQ"
    shown = f"FBA17{FORMAT_CHARACTERS[raw]}XKQ"
    assert escape_controls(text) == shown and has_controls(text)
    assert escape_offsets(text)[0] == shown
    assert clip(text, 100) == shown
    pictured = control_pictures(text)
    assert len(pictured) == len(text) and raw not in pictured
    doc = json_text({"v": text})
    assert raw not in doc and json.loads(doc) == {"v": text}  # exact, and nothing raw


def test_joiners_and_flag_tags_stay_where_they_build_an_emoji_or_a_word() -> None:
    kept = [
        "👩\u200d💻 coder",  # ZWJ sequence
        "❤\ufe0f\u200d🔥 on fire",  # after a variation selector
        "👨\u200d👩\u200d👧 family",
        "می\u200cخواهم",  # ZWNJ in a Persian word
        f"flag {SCOTLAND} ok",  # emoji tag sequence
    ]
    for text in kept:
        assert escape_controls(text) == text and not has_controls(text), text
        assert control_pictures(text) == text
        assert escape_offsets(text) == (text, list(range(len(text) + 1)))
    escaped = {
        "FBA\u200d17": "FBA\\u200d17",  # between ASCII: it only hides
        "\u200d👍": "\\u200d👍",  # at an edge
        "👍\u200d": "👍\\u200d",
        "👍\u200d\u200d👍": "👍\\u200d\\u200d👍",  # next to another joiner
        "中 \u200c 文": "中 \\u200c 文",  # next to a space
        "hi\U000e0068\U000e0069": "hi\\U000e0068\\U000e0069",  # smuggled, no flag
        SCOTLAND[:-1]: "\U0001f3f4" + "".join(f"\\U{ord(c):08x}" for c in SCOTLAND[1:-1]),
        "\U0001f3f4" + "\U000e0067" * 8 + "\U000e007f": "\U0001f3f4"
        + "\\U000e0067" * 8
        + "\\U000e007f",  # too many tags for a flag
    }
    for raw, shown in escaped.items():
        assert escape_controls(raw) == shown, raw
        assert escape_offsets(raw)[0] == shown
    for text in [*kept, *escaped]:
        doc = json_text([text])
        assert json.loads(doc) == [text]
        assert not any(c in doc for c in "\u200c\u200d\U000e0067\U000e0068")  # JSON escapes all


def test_long_runs_of_format_characters_stay_linear() -> None:
    import time

    for ch in ("\u200d", "\U000e0067", "\u200e"):
        text = ch * 100_000
        started = time.perf_counter()
        shown = escape_controls(text)
        assert time.perf_counter() - started < 5
        assert shown == escape_char(ch) * 100_000


def test_escape_offsets_keep_spans_on_the_same_characters() -> None:
    text = "ab\x1bcd\r\ne\u202ef"
    shown, offsets = escape_offsets(text)
    assert shown == escape_controls(text) == "ab\\x1bcd\r\ne\\u202ef"
    assert len(offsets) == len(text) + 1
    for start, end in [(0, 2), (3, 5), (7, 8), (9, 10), (2, 3)]:
        piece = shown[offsets[start] : offsets[end]]
        assert piece == escape_controls(text[start:end])
    dropped, offsets = escape_offsets(text, drop_crlf_cr=True)
    assert dropped == "ab\\x1bcd\ne\\u202ef"
    assert dropped[offsets[5] : offsets[8]] == "\ne"  # the CR of CRLF is gone


def test_control_pictures_keep_the_length() -> None:
    for item in CORPUS:
        pictured = control_pictures(item.raw)
        assert len(pictured) == len(item.raw)
        assert_no_raw_control(pictured, item.name)
    assert control_pictures("a\x1b[2J\x00\x7f\x9b\u202e\r\n") == "a␛[2J␀␡\ufffd\ufffd␍\n"


@pytest.mark.parametrize("item", CORPUS, ids=lambda h: h.name)
def test_json_is_exact_and_terminal_safe(item: Hostile) -> None:
    data = {"text": item.raw, "list": [item.raw, 1]}
    text = json_text(data)
    assert json.loads(text) == data
    assert_no_raw_control(text.replace("\n", " "), item.name)
    assert "中" in json_text("中")  # readable Chinese, not \u escaped
    assert json.loads(json_safe(json.dumps(item.raw, ensure_ascii=False))) == item.raw


def test_clip_shows_escapes_and_measures_them() -> None:
    assert clip("a\x1b[2Jb", 20) == "a\\x1b[2Jb"
    assert clip("cr\rvt\x0bnel\x85", 40) == "cr\\x0dvt\\x0bnel\\x85"  # not folded to spaces
    assert clip("\x1b" * 30, 10) == "\\x1b\\x1b\\…"


# -- the stream guard -----------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    """A text stream with a binary buffer that says it is (or is not) a terminal."""

    def __init__(self, tty: bool, encoding: str = "utf-8") -> None:
        super().__init__()
        self.tty = tty
        self.bytes = io.BytesIO()
        self._encoding = encoding

    def isatty(self) -> bool:
        return self.tty

    @property
    def buffer(self) -> io.BytesIO:
        return self.bytes

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def write(self, text: str) -> int:
        text.encode(self._encoding)  # raise UnicodeEncodeError like a real stream
        return super().write(text)


def test_safe_stream_escapes_text_and_keeps_newlines() -> None:
    raw = FakeTerminal(tty=False)
    stream = SafeTextStream(raw)
    stream.write("subject \x1b]52;c;ZXZpbA==\x07\n")
    stream.writelines(["a\u202eb\n", "c\r\n"])
    assert raw.getvalue() == "subject \\x1b]52;c;ZXZpbA==\\x07\na\\u202eb\nc\r\n"
    assert stream.encoding == "utf-8" and not stream.isatty()


def test_safe_stream_bytes_are_exact_for_a_pipe_and_escaped_for_a_terminal() -> None:
    data = "id,subject\r\nCW-1,\x1b[2J\u202e中\r\n".encode()
    pipe = FakeTerminal(tty=False)
    SafeTextStream(pipe).buffer.write(data)
    assert pipe.bytes.getvalue() == data  # an export piped to a file stays exact
    tty = FakeTerminal(tty=True)
    buffer = SafeTextStream(tty).buffer
    buffer.write(data[:25])  # split inside a multi-byte character
    buffer.write(data[25:])
    buffer.flush()
    assert tty.getvalue() == "id,subject\r\nCW-1,\\x1b[2J\\u202e中\r\n"


def test_safe_stream_on_a_terminal_that_cannot_show_chinese() -> None:
    raw = FakeTerminal(tty=True, encoding="ascii")
    SafeTextStream(raw).write("货件 \x1b ok\n")
    assert raw.getvalue() == "\\u8d27\\u4ef6 \\x1b ok\n"


def test_print_json_and_errors_under_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = FakeTerminal(tty=False), FakeTerminal(tty=False)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with safe_streams():
        assert isinstance(sys.stdout, SafeTextStream)
        print_json({"note": "a\x1b[2J\x9b\u202eb"})
        print("shown \x1b[2J")
        print_error("bad value '\x1b]52;c;x\x07'\nsecond line")
        write_progress("scanning r\x1bport.tsv:  50%", done=False)
        write_progress("scanning r\x1bport.tsv: 100%", done=True)
    assert sys.stdout is out and sys.stderr is err
    first, second = out.getvalue().split("}\n", 1)
    assert json.loads(first + "}") == {"note": "a\x1b[2J\x9b\u202eb"}
    assert second == "shown \\x1b[2J\n"
    assert err.getvalue() == (
        "casewriter: error: bad value '\\x1b]52;c;x\\x07' second line\n"
        "\rscanning r\\x1bport.tsv:  50%\rscanning r\\x1bport.tsv: 100%\n"
    )


def test_error_lines_cut_what_they_quote_of_the_input() -> None:
    """Issue 10 F20: one place (``print_error``/``warn``) keeps every quoted value, word and
    line of an error readable, whatever the message's author quoted."""
    from casewriter.output import LINE_CAP, QUOTE_CAP, WORD_CAP, shorten_input

    long_id = "CW-" + "9" * 100_000
    line = shorten_input(f"not a case id: {long_id!r} (expected a local id like CW-000123)")
    assert (
        line
        == "not a case id: '" + long_id[: QUOTE_CAP - 1] + "…' (expected a local id like CW-000123)"
    )
    assert shorten_input(f'unknown kind "{"x" * 500}" (choose from: order_id)').startswith(
        'unknown kind "' + "x" * (QUOTE_CAP - 1) + '…" (choose'
    )
    prose = "can't write it: the folder isn't there " + "and so on " * 20 + "don't retry"
    assert shorten_input(prose) == prose  # apostrophes in words are not quotes
    path = "/home/seller/" + "deep/" * 40 + "cases.db"  # 213 characters: shown whole
    assert shorten_input(f"{path}: no such case file") == f"{path}: no such case file"
    word = "x" * 100_000
    cut = shorten_input(f"{word}: no such case file")
    assert len(cut) < WORD_CAP + 40 and "…" in cut and cut.endswith("x: no such case file")
    many = " ".join(["y" * 200] * 100)
    assert len(shorten_input(many)) == LINE_CAP and shorten_input(many).endswith("…")
    out = io.StringIO()
    real = sys.stderr
    sys.stderr = out
    try:
        print_error(f"not a date: {word!r}")
        from casewriter.output import warn

        warn(f"row 2: bad cell {word!r}\nrow 3: bad cell 'ok'")
    finally:
        sys.stderr = real
    error, warning, second = out.getvalue().splitlines()
    assert len(error) < 200 and error.endswith("…'")
    assert len(warning) < 200 and second == "row 3: bad cell 'ok'"
