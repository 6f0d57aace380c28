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
    assert escape_controls("\u200e\u00a0\u3000中") == "\u200e\u00a0\u3000中"  # printable/space


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
