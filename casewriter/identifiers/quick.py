"""The light checks that ``check()`` and the extractor share: placeholder numbers (all one
digit, a plain ``1234567890…`` run) and ``quick_status``, the status of one span already known
to be a single value of a kind. An internal of ``casewriter.identifiers``: it and the other
internals never import the front (``casewriter.identifiers``), so there is no cycle.
"""

from __future__ import annotations

from casewriter.identifiers import amazon
from casewriter.identifiers.kinds import rule
from casewriter.identifiers.lazyre import LazyRe
from casewriter.identifiers.model import INVALID
from casewriter.identifiers.text import FREE_TEXT_KINDS
from casewriter.identifiers.text import normalize as _normalize

_NOT_DIGIT = LazyRe(r"[^0-9]+")
_RUNS = "1234567890" * 5
_DIGIT_SET = frozenset("0123456789")


def placeholder(value: str) -> bool:
    """All one digit (8+), or a plain run 1234567890… of 10+ digits: not a real number.

    Shorter runs stay valid: ``RR123456785CN`` is the corrected S10 example sellers meet.
    """
    digit_set = _DIGIT_SET.intersection(value)
    if len(digit_set) == 1:
        count = value.count(next(iter(digit_set)))
        return count >= 8 and count >= len(value) - 4
    if len(digit_set) < 10 or "1234567890" not in value.replace("-", ""):
        return False
    digits = _NOT_DIGIT.sub("", value)
    return len(digits) >= len(value) - 4 and digits in _RUNS


def bare_placeholder(value: str) -> bool:
    """Only digits (and dashes), and a placeholder: nothing real in it, so invalid."""
    return placeholder(value) and not any("A" <= c <= "Z" for c in value)


def quick_status(text: str, kind: str) -> tuple[str, str | None]:
    """(status, normalized) of one span already known to be a single value of ``kind``.

    The light path ``extract`` uses: no two-ID split, no suggestions; same statuses as check.
    """
    value = _normalize(text, kind)
    if not value:
        return INVALID, None
    if kind in FREE_TEXT_KINDS:
        return amazon.RULES[kind](value).status, value
    if not value.isascii():
        return INVALID, value
    status = rule(kind, value).status
    if status != INVALID and bare_placeholder(value):
        status = INVALID
    return status, value
