"""Small helpers every command uses to print: JSON on stdout, one-line errors on stderr."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def print_json(data: Any) -> None:
    """Print ``data`` as indented UTF-8 JSON (Chinese stays readable, not ``\\u`` escaped)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def print_error(message: str) -> None:
    """The one line every failure prints: ``casewriter: error: <message>``."""
    # Fold every line break and run of spaces: a message quoting the user's input (a key with a
    # newline in it) must still be one line, and must not lose what follows the break.
    one_line = " ".join(str(message).split()) or "unknown error"
    sys.stderr.write(f"casewriter: error: {one_line}\n")


def warn(message: str) -> None:
    """A non-fatal note on stderr."""
    sys.stderr.write(f"casewriter: warning: {message}\n")
