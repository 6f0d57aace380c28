"""How the CLI prints: exact JSON on stdout, one-line errors on stderr, and the guard that keeps
terminal control out of every text a command prints.

``safe_streams()`` (installed by ``casewriter.__main__`` around every command) replaces
``sys.stdout`` and ``sys.stderr`` with ``SafeTextStream``: whatever a command writes as text
(tables, case text, notes, report cells, error lines quoting input) reaches the terminal with
controls and bidi overrides shown as visible escapes (``casewriter.safetext``). JSON goes out
through ``print_json`` / ``json_text``, already terminal safe and exact. Bytes written to
``sys.stdout.buffer`` (``log export --out -``) pass exactly, unless the stream is a terminal,
where they are escaped like text.

Error and warning lines cut what they quote of the input (``shorten_input``: a quoted value
past ``QUOTE_CAP`` characters, a word past ``WORD_CAP``, the line past ``LINE_CAP``), so a
100,000-character argument is never a 100,000-character "line".

Standard output that cannot be written: ``stdout_problem`` finds a device or full disk before a
command starts (so it is refused with nothing done); when printing fails only after a change was
committed (``saved``), ``casewriter.__main__`` says what was saved and exits 3, never the
"nothing was changed" codes 1 and 2.
"""

from __future__ import annotations

import sys

from casewriter.safetext import escape_controls, json_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import IO, Any


class SafeTextStream:
    """A text stream that shows controls and bidi overrides as visible escapes before they
    reach ``raw`` (the real stream). ``raw`` stays reachable for what must pass as it is (a
    progress line's carriage return, exact JSON)."""

    def __init__(self, raw: IO[str]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self._write(escape_controls(text))
        return len(text)

    def _write(self, text: str) -> None:
        try:
            self.raw.write(text)
        except UnicodeEncodeError:  # a terminal that cannot show CJK: escape, never crash
            encoding = self.encoding or "ascii"
            self.raw.write(text.encode(encoding, "backslashreplace").decode(encoding))

    def writelines(self, lines: Iterator[str] | list[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return bool(self.raw.isatty())

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:
        return str(getattr(self.raw, "encoding", None) or "utf-8")

    @property
    def errors(self) -> str | None:
        return getattr(self.raw, "errors", None)

    @property
    def buffer(self) -> Any:
        """The binary stream: exact bytes for a pipe or file; escaped text for a terminal."""
        raw_buffer = getattr(self.raw, "buffer", None)
        if raw_buffer is None or not self.isatty():
            return raw_buffer
        return _TerminalBytes(self)

    def __getattr__(self, name: str) -> Any:  # anything else a caller may ask of a stream
        return getattr(self.raw, name)


class _TerminalBytes:
    """``sys.stdout.buffer`` when stdout is a terminal: UTF-8 bytes shown like text."""

    def __init__(self, stream: SafeTextStream) -> None:
        import codecs

        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="backslashreplace")

    def write(self, data: bytes) -> int:
        self._stream.write(self._decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        tail = self._decoder.decode(b"", final=True)
        if tail:
            self._stream.write(tail)
        self._stream.flush()


def raw_stream(stream: Any) -> Any:
    """The real stream under a ``SafeTextStream`` (the stream itself otherwise)."""
    return stream.raw if isinstance(stream, SafeTextStream) else stream


class safe_streams:  # noqa: N801 - used as a context manager: ``with safe_streams():``
    """Install ``SafeTextStream`` on stdout and stderr for the block; restore them after."""

    def __enter__(self) -> None:
        self._saved = (sys.stdout, sys.stderr)
        if sys.stdout is not None and not isinstance(sys.stdout, SafeTextStream):
            sys.stdout = SafeTextStream(sys.stdout)  # type: ignore[assignment]
        if sys.stderr is not None and not isinstance(sys.stderr, SafeTextStream):
            sys.stderr = SafeTextStream(sys.stderr)  # type: ignore[assignment]

    def __exit__(self, *exc: object) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass
        sys.stdout, sys.stderr = self._saved


#: What the running command has already saved for good (``saved``): a failure to print its
#: result after that must say so, never read as "nothing happened" (a retry would repeat it).
_SAVED: dict[str, None] = {}


def saved(what: str) -> None:
    """Record that ``what`` (``"the case log"``) was changed and committed by this command."""
    _SAVED[what] = None


def saved_so_far() -> tuple[str, ...]:
    return tuple(_SAVED)


def forget_saved() -> None:
    """A new command starts with nothing saved (``main`` may run more than once in a process)."""
    _SAVED.clear()


def stdout_problem() -> str | None:
    """Why standard output cannot take the command's result, found before the command changes
    anything: a device that refuses writes (``> /dev/full``: an empty write already fails) or a
    regular file on a full disk. None when it looks writable (a terminal, a pipe: those are
    only known when written)."""
    import os
    import stat

    try:
        fd = raw_stream(sys.stdout).fileno()
    except (OSError, ValueError, AttributeError):  # no file behind stdout (a StringIO)
        return None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISCHR(mode) and not os.isatty(fd):
            os.write(fd, b"")
        elif stat.S_ISREG(mode):
            info = os.fstatvfs(fd)
            free = info.f_bfree if os.geteuid() == 0 else info.f_bavail
            if free * info.f_frsize < 16 * 1024:
                return "no space left on the device"
    except OSError as exc:
        from casewriter.files import os_reason

        return os_reason(exc)
    return None


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Chinese stays readable, not ``\\u`` escaped;
    controls, C1 and bidi overrides are ``\\u`` escaped, so the values stay exact)."""
    out = raw_stream(sys.stdout)
    try:
        out.write(json_text(data) + "\n")
    except UnicodeEncodeError:  # a terminal that cannot show CJK: all-ASCII JSON, same data
        import json

        out.write(json.dumps(data, ensure_ascii=True, indent=2, default=str) + "\n")


#: The longest quoted value (``'…'`` or ``"…"``, as ``!r`` quotes the user's input) an error or
#: warning line shows whole; the longest unquoted word (a file name, an id) is longer, so real
#: paths stay whole; and the longest line. Anything longer is cut with "…" (issue 10: a
#: 100,000-digit case id made a 100,000-character "line").
QUOTE_CAP = 80
WORD_CAP = 240
LINE_CAP = 2000


def shorten_input(line: str) -> str:
    """``line`` with every overlong quoted value, word and the line itself cut with "…"."""
    if len(line) <= QUOTE_CAP:
        return line
    import re

    quoted = re.compile(
        r"""(?<!\w)(['"])((?:(?!\1).){""" + str(QUOTE_CAP + 1) + r""",}?)\1(?!\w)"""
    )
    line = quoted.sub(lambda m: m[1] + m[2][: QUOTE_CAP - 1] + "…" + m[1], line)
    words = re.compile(r"\S{" + str(WORD_CAP + 1) + ",}")
    half = WORD_CAP // 2
    line = words.sub(lambda m: m[0][:half] + "…" + m[0][-(half - 1) :], line)
    return line if len(line) <= LINE_CAP else line[: LINE_CAP - 1] + "…"


def print_error(message: str) -> None:
    """The one line every failure prints: ``casewriter: error: <message>``, with what it quotes
    of the input cut to a readable length (``shorten_input``)."""
    # Fold every line break and run of spaces: a message quoting the user's input (a key with a
    # newline in it) must still be one line, and must not lose what follows the break.
    one_line = " ".join(escape_controls(str(message)).split()) or "unknown error"
    sys.stderr.write(f"casewriter: error: {shorten_input(one_line)}\n")


def warn(message: str) -> None:
    """A non-fatal note on stderr (each of its lines shortened like an error's)."""
    lines = escape_controls(str(message)).split("\n")
    shown = "\n".join(shorten_input(line) for line in lines)
    sys.stderr.write(f"casewriter: warning: {shown}\n")


def write_progress(line: str, *, done: bool) -> None:
    """A progress line on stderr that rewrites itself (carriage return) until ``done``."""
    err = raw_stream(sys.stderr)
    err.write("\r" + escape_controls(line) + ("\n" if done else ""))
    err.flush()
