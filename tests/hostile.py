"""The hostile-text corpus: strings a user, a case file, a report, the clipboard or the log may
hold, each with what a text display must show for it (written out by hand, not computed by the
code under test), and the checks the CLI and TUI tests share.

Every control (C0 except newline and tab, DEL, C1) and bidi override must be shown as a visible
escape (``\\x1b``, ``\\u202e``); everything printable (markup-like brackets, CJK, emoji,
combining marks) must be shown literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    name: str
    raw: str
    shown: str

    @property
    def in_argv(self) -> bool:
        """Whether the string can be a command-line argument (no NUL)."""
        return "\x00" not in self.raw


LONG = "long " + "L" * 10_000 + " END"

CORPUS: tuple[Hostile, ...] = (
    Hostile("markup-close", "Refund [/] pending", "Refund [/] pending"),
    Hostile("click-action", "[@click=app.quit]quit now[/]", "[@click=app.quit]quit now[/]"),
    Hostile(
        "link",
        "[link=https://example.com/x]click[/link] here",
        "[link=https://example.com/x]click[/link] here",
    ),
    Hostile("bold-placeholder", "[b]bold[/b] for [shipment ID]", "[b]bold[/b] for [shipment ID]"),
    Hostile("unbalanced", "open [ and [[ and ]] close [", "open [ and [[ and ]] close ["),
    Hostile(
        "osc52-bel",
        "copy \x1b]52;c;ZXZpbA==\x07 done",
        "copy \\x1b]52;c;ZXZpbA==\\x07 done",
    ),
    Hostile(
        "osc52-st",
        "copy \x1b]52;c;ZXZpbA==\x1b\\ done",
        "copy \\x1b]52;c;ZXZpbA==\\x1b\\ done",
    ),
    Hostile("csi-clear", "clear \x1b[2J\x1b[H screen", "clear \\x1b[2J\\x1b[H screen"),
    Hostile("c1-csi", "eight \x9b2J bit \x85 nel", "eight \\x9b2J bit \\x85 nel"),
    Hostile(
        "bidi",
        "invoice \u202eexe.FDP\u202c ok \u2066iso\u2069 \u202a\u202b\u202d\u2067\u2068 x",
        "invoice \\u202eexe.FDP\\u202c ok \\u2066iso\\u2069 \\u202a\\u202b\\u202d\\u2067\\u2068 x",
    ),
    Hostile(
        "nul-and-c0",
        "nul \x00 bs \x08 del \x7f cr \r bell \x07 vt \x0b ff \x0c end",
        "nul \\x00 bs \\x08 del \\x7f cr \\x0d bell \\x07 vt \\x0b ff \\x0c end",
    ),
    Hostile("long-line", LONG, LONG),
    Hostile("cjk", "货件少了3件：FBA货件编号有误", "货件少了3件：FBA货件编号有误"),
    Hostile("emoji", "📦 box 👍🏽 ok 🇺🇸", "📦 box 👍🏽 ok 🇺🇸"),
    Hostile(
        "combining",
        "Ame\u0301lie z\u0351\u0352\u0357 n\u0303",
        "Ame\u0301lie z\u0351\u0352\u0357 n\u0303",
    ),
)

ARGV_CORPUS = tuple(h for h in CORPUS if h.in_argv)
SHORT_CORPUS = tuple(h for h in CORPUS if h.name != "long-line")

# Written independently of casewriter.safetext: what must never reach a terminal raw.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_no_raw_control(text: str, where: str) -> None:
    """No control character (other than newline and tab) and no bidi override in ``text``."""
    found = RAW_CONTROL.search(text)
    assert found is None, (
        f"{where}: raw {found.group()!r} at {found.start()}: "
        f"{text[max(0, found.start() - 40) : found.start() + 40]!r}"
    )


def assert_all_shown(text: str, where: str, corpus: tuple[Hostile, ...] = CORPUS) -> None:
    """Each string of ``corpus`` appears in full as its visible form."""
    missing = [h.name for h in corpus if h.shown not in text]
    assert not missing, f"{where}: not shown as expected: {missing}"


def assert_all_start_shown(
    text: str, where: str, corpus: tuple[Hostile, ...] = CORPUS, length: int = 24
) -> None:
    """Each string's visible form appears at least by its first ``length`` characters (a table
    cell cuts the rest)."""
    missing = [h.name for h in corpus if h.shown[:length] not in text]
    assert not missing, f"{where}: start not shown as expected: {missing}"
