"""Result types of identifier checks: ``IdCheck`` (the ``check --json`` object), ``Found``
(one identifier found by ``extract``) and ``Verdict`` (what a per-kind rule decides)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

VALID = "valid"
INVALID = "invalid"
UNVERIFIED = "unverified"


@dataclass(frozen=True)
class IdCheck:
    """The outcome of checking one value; ``to_json()`` is the contract's ``check --json`` object."""

    input: str
    kind: str | None
    status: str
    normalized: str | None
    carrier: str | None = None
    reason: str | None = None
    suggestion: str | None = None

    @property
    def ok(self) -> bool:
        """True when the value may be used (valid or unverified): it never blocks the user."""
        return self.status != INVALID

    def to_json(self) -> dict[str, str | None]:
        return {
            "input": self.input,
            "kind": self.kind,
            "status": self.status,
            "normalized": self.normalized,
            "carrier": self.carrier,
            "reason": self.reason,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Found:
    """An identifier found in free text; ``start``/``end`` index the original text."""

    kind: str
    value: str
    status: str
    start: int
    end: int

    def to_json(self) -> dict[str, str | int]:
        return {
            "kind": self.kind,
            "value": self.value,
            "status": self.status,
            "start": self.start,
            "end": self.end,
        }


class Verdict(NamedTuple):
    """A per-kind rule's decision; ``kind``/``value`` override the requested kind/normalized."""

    status: str
    reason: str | None = None
    suggestion: str | None = None
    carrier: str | None = None
    kind: str | None = None
    value: str | None = None


def ok(
    carrier: str | None = None, *, reason: str | None = None, kind: str | None = None
) -> Verdict:
    return Verdict(VALID, reason, None, carrier, kind)


def bad(reason: str, suggestion: str | None = None, carrier: str | None = None) -> Verdict:
    return Verdict(INVALID, reason, suggestion, carrier)


def maybe(
    reason: str,
    carrier: str | None = None,
    kind: str | None = None,
    *,
    suggestion: str | None = None,
) -> Verdict:
    return Verdict(UNVERIFIED, reason, suggestion, carrier, kind)
