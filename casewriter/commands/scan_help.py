"""``scan --help`` laid out for the terminal: ``HelpFormatter`` wraps the description and the
options' help, and reflows the hand-laid epilog (``reflow``), never breaking a word (a CSV column
name a seller copies from ``--help`` is never cut in two, as argparse's own wrapping would)."""

from __future__ import annotations

import argparse
import re
import textwrap


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The epilog (laid out by hand, with line breaks) as written; the description and the
    options' help wrapped to the terminal, never inside a word: a CSV column name a seller
    copies from ``--help`` is never cut in two (argparse's own wrapping breaks long words)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "\n".join(reflow(text, max(width, 60)))
        return _wrap(text, width, indent, indent)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return textwrap.wrap(" ".join(text.split()), width, break_long_words=False,
                             break_on_hyphens=False)  # fmt: skip


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    return textwrap.fill(" ".join(text.split()), width, initial_indent=first,
                         subsequent_indent=rest, break_long_words=False,
                         break_on_hyphens=False)  # fmt: skip


_ENTRY = re.compile(r"^  (\S+)(?: +(.*))?$")
_COLUMN = 27  # where an entry's text starts in EPILOG


def reflow(text: str, width: int) -> list[str]:
    """EPILOG laid out for ``width`` columns: its entries (``  name   text`` with continuation
    lines under the text) and paragraphs rewrapped, headings (a line ending in ":") and blank
    lines kept, never breaking a word."""
    blocks: list[tuple[str, str]] = []  # (name or "" for a paragraph, or "\n" for a line kept)
    for line in text.splitlines():
        if not line.strip():
            blocks.append(("\n", ""))
        elif line.startswith(" " * _COLUMN) and blocks and blocks[-1][0] not in ("", "\n"):
            blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {line.strip()}")
        elif m := _ENTRY.match(line):
            blocks.append((m.group(1), m.group(2) or ""))
        elif line.endswith(":"):
            blocks.append(("\n", line))
        elif blocks and blocks[-1][0] == "":
            blocks[-1] = ("", f"{blocks[-1][1]} {line.strip()}")
        else:
            blocks.append(("", line.strip()))
    out: list[str] = []
    pad = " " * _COLUMN
    for name, body in blocks:
        if name == "\n":
            out.append(body)
        elif not name:
            out.append(_wrap(body, width, "", ""))
        elif len(name) + 4 > _COLUMN or not body:
            out.append("  " + name)
            if body:
                out.append(_wrap(body, width, pad, pad))
        else:
            out.append(_wrap(body, width, f"  {name:<{_COLUMN - 3}} ", pad))
    return out
