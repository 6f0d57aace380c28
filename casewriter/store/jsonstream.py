"""Reading a log export one case at a time, so importing 100,000 cases needs the memory of one.

An export is ``{"format": "casewriter-log", "version": 1, ..., "cases": [{...}, ...]}`` (or a
bare list of cases). ``iter_cases`` walks the top-level object itself and hands each element of
``cases`` to the standard library's ``JSONDecoder.raw_decode`` as soon as it is complete in the
buffer; everything else at the top level is small and decoded whole. Errors are one line with
the file and line number (``UsageError``); a value nested too deeply, or one case larger than
``MAX_VALUE_CHARS``, is refused instead of exhausting the stack or memory.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from casewriter.errors import UsageError

FORMAT = "casewriter-log"
FORMAT_VERSION = 1
CHUNK = 1 << 20
#: One case (its body, events and draft) above this many characters is not an export's.
MAX_VALUE_CHARS = 64 << 20
_WS = " \t\r\n"
_DECODER = json.JSONDecoder()


class _Buffer:
    def __init__(self, fh: IO[bytes], source: str) -> None:
        self.fh = fh
        self.source = source
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.line = 1  # line number of buf[0]

    def fill(self) -> None:
        """Read more: at least a chunk, or as much again as the value being decoded (so a
        large value is re-scanned a logarithmic number of times, not once per chunk)."""
        self.line += self.buf.count("\n", 0, self.pos)
        self.buf = self.buf[self.pos :]
        self.pos = 0
        if len(self.buf) > MAX_VALUE_CHARS:
            raise self.error("a case is larger than 64 MB, or the file is not a valid export")
        want = max(CHUNK, len(self.buf))
        try:
            data = self.fh.read(want)
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise self.error(f"not UTF-8 text ({exc.reason})") from None
        except OSError as exc:
            from casewriter.files import os_reason

            raise UsageError(f"{self.source}: cannot read: {os_reason(exc)}") from None
        if not data:
            self.eof = True
        self.buf += text

    def error(self, message: str, at: int | None = None) -> UsageError:
        line = self.line + self.buf.count("\n", 0, self.pos if at is None else at)
        return UsageError(f"{self.source}: line {line}: {message}")

    def peek(self) -> str:
        """The next non-blank character ("" at the end of the file)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if self.eof:
                return ""
            self.fill()

    def take(self, char: str) -> None:
        found = self.peek()
        if found != char:
            shown = repr(found) if found else "the end of the file"
            raise self.error(f"not valid JSON: expected {char!r}, found {shown}")
        self.pos += 1

    def value(self, what: str) -> Any:
        """The next complete JSON value."""
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise self.error(f"not valid JSON in {what}: {exc.msg}", exc.pos) from None
                self.fill()
                continue
            except RecursionError:
                raise self.error(f"{what} is nested too deeply") from None
            if end >= len(self.buf) and not self.eof:  # a number may go on in the next chunk
                self.fill()
                continue
            self.pos = end
            return obj


#: Top-level keys of an export besides the cases that ``iter_cases`` hands back in ``extra``.
EXTRA_KEYS = frozenset({"health_records", "review_runs"})


def iter_cases(
    fh: IO[bytes], source: str, extra: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """Each case object of an export, in order; UsageError (with the line) on anything else.
    The ``format`` check may come after the cases (keys in any order): callers import inside
    one transaction, so an error at the very end still leaves the log as it was. ``extra``
    receives the health review's lists (``EXTRA_KEYS``), complete once the iterator is done."""
    reader = _Buffer(fh, source)
    first = reader.peek()
    if first == "[":
        yield from _elements(reader)
    elif first == "{":
        reader.take("{")
        seen_format = False
        while reader.peek() != "}":
            key = reader.value("a key")
            if not isinstance(key, str):
                raise reader.error("not valid JSON: expected a key")
            reader.take(":")
            if key == "cases":
                if reader.peek() != "[":
                    raise reader.error("'cases' must be a list of objects")
                yield from _elements(reader)
            else:
                value = reader.value(f"'{key}'")
                if extra is not None and key in EXTRA_KEYS:
                    extra[key] = value
                if key == "format":
                    if value != FORMAT:
                        raise UsageError(
                            f"{source}: not a casewriter log export (format {value!r}, "
                            f"expected '{FORMAT}')"
                        )
                    seen_format = True
                elif key == "version" and isinstance(value, int) and value > FORMAT_VERSION:
                    raise UsageError(
                        f"{source}: written by a newer casewriter (export version {value}; this "
                        f"version reads up to {FORMAT_VERSION}): upgrade casewriter"
                    )
            if reader.peek() == ",":
                reader.pos += 1
            elif reader.peek() != "}":
                raise reader.error("not valid JSON: expected ',' or '}'")
        reader.take("}")
        if not seen_format:
            raise UsageError(f"{source}: not a casewriter log export (expected format '{FORMAT}')")
    elif first == "":
        raise UsageError(f"{source}: the file is empty, not a casewriter log export")
    else:
        raise UsageError(f"{source}: not a casewriter log export (expected format '{FORMAT}')")
    if reader.peek() != "":
        raise reader.error("not valid JSON: extra data after the export")


def _elements(reader: _Buffer) -> Iterator[dict[str, Any]]:
    reader.take("[")
    n = 0
    if reader.peek() == "]":
        reader.pos += 1
        return
    while True:
        n += 1
        case = reader.value(f"case #{n}")
        if not isinstance(case, dict):
            raise reader.error(f"case #{n} is not an object ('cases' must be a list of objects)")
        yield case
        nxt = reader.peek()
        if nxt == ",":
            reader.pos += 1
        elif nxt == "]":
            reader.pos += 1
            return
        else:
            raise reader.error(f"not valid JSON after case #{n}: expected ',' or ']'")
