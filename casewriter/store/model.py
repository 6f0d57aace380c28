"""The case log's data model: statuses, event kinds, local ids, timestamps and the records the
store hands out (``NewCase``, ``LoggedCase``, ``CaseSummary``, ``SearchHit``, ``DueReport``).

Plain dataclasses and stdlib only, so the TUI and the CLI can use them without pulling in
anything heavy. Timestamps are always timezone-aware UTC in memory and stored as
``YYYY-MM-DDTHH:MM:SSZ`` text (sortable, lossless at one-second resolution); ``values.py``
checks and writes every stored value. A record read from a row holding a value that does not
parse lists it in ``invalid`` (field, raw text) instead of failing.

Size: ~340 lines of plain records and their status and event tables, one light module for the
TUI and the CLI; the due-report records (``DeadlineItem``, ``DueReport``) could move out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from casewriter.errors import CasewriterError, UsageError
from casewriter.store import values
from casewriter.store.statuses import CLOSED_STATUSES as CLOSED_STATUSES
from casewriter.store.statuses import OPEN_STATUSES as OPEN_STATUSES
from casewriter.store.statuses import STATUS_NAMES as STATUS_NAMES
from casewriter.store.statuses import STATUSES as STATUSES

EVENT_KINDS: tuple[str, ...] = (
    "created",
    "edited",
    "filed",
    "amazon-replied",
    "we-replied",
    "status-changed",
    "note",
    "reopened",
    "linked",
    "follow-up-changed",
    "amounts-changed",
    "imported",
    "forced",
)
"""``forced``: filed although it was not ready (``log file --force``); its text lists why."""

#: The log's general duplicate rule, for a case type whose catalog entry names no
#: ``duplicate_keys``: identifier kinds that each name one specific problem, and the pair FNSKU +
#: ledger reference id that names one warehouse event. ASIN, FNSKU, SKU, GTIN and tracking
#: numbers alone are NOT here: a seller files many cases per product, one parcel can carry
#: several orders, and two ledger events are two claims. Either way only cases of the same type
#: are compared, except by the Seller Central case id, which names one case whatever its type.
DUPLICATE_KINDS: tuple[str, ...] = (
    "order_id",
    "shipment_id",
    "removal_order_id",
    "case_id",
    "reimbursement_id",
    "lpn",
)
DUPLICATE_PAIR: tuple[str, str] = ("fnsku", "reference_id")
DuplicateKeys = tuple[tuple[str, ...], ...]
DEFAULT_DUPLICATE_KEYS: DuplicateKeys = (*((k,) for k in DUPLICATE_KINDS), DUPLICATE_PAIR)

_ID_RE = re.compile(r"^(?:CW-?)?0*([0-9]{1,9})$", re.IGNORECASE)


def format_id(number: int) -> str:
    """``123`` -> ``CW-000123``."""
    return f"CW-{number:06d}"


def parse_id(text: str) -> int:
    """Accept ``CW-000123``, ``cw-123``, ``123`` (also full-width); UsageError otherwise."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip()
    match = _ID_RE.match(cleaned)
    if not match or int(match.group(1)) == 0:
        raise UsageError(f"not a case id: {text!r} (expected a local id like CW-000123 or 123)")
    return int(match.group(1))


def check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in STATUSES:
        raise UsageError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
    return value


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class DuplicateCaseError(CasewriterError):
    """Filing a case that duplicates an open, already filed one without a link or ``force``."""

    exit_code = 1


def to_utc(when: datetime, what: str = "time") -> datetime:
    """A naive datetime is taken as local time (what a user typed); aware ones are converted.
    UsageError when it falls outside the log's date range (``values.MIN_YEAR``–``MAX_YEAR``)."""
    return values.utc(when, what)


def ts_text(when: datetime | None, what: str = "time") -> str | None:
    """The stored form ``2026-05-01T09:00:00Z`` (zero-padded; UsageError when out of range)."""
    return None if when is None else values.ts_text(when, what)


def ts_parse(text: str | None) -> datetime | None:
    """A stored time; ValueError if it is not one (or is out of range)."""
    return values.parse_ts(text) if text else None


def date_parse(text: str | None) -> date | None:
    """A stored date; ValueError if it is not one (or is out of range)."""
    return values.parse_date(text) if text else None


def invalid_json(invalid: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> dict[str, str]:
    return {field: raw for field, raw in invalid}


def money_json(amount: Decimal | None, currency: str) -> dict[str, str] | None:
    return None if amount is None else {"amount": str(amount), "currency": currency}


@dataclass
class NewCase:
    """What a caller hands the store to log a case (a draft saved from the engine or the TUI)."""

    profile: str
    marketplace: str
    case_type: str
    subject: str
    body: str
    draft: dict[str, Any]
    identifiers: list[tuple[str, str]]
    urgency: str = "routine"
    deadline_closes: date | None = None
    expected_amount: Decimal | None = None
    currency: str = ""
    duplicate_keys: DuplicateKeys | None = None
    """The case type's rule for what names one problem (the catalog's ``duplicate_keys``);
    None: the log's general rule. Not stored: it says which saved cases to warn about."""


@dataclass(frozen=True)
class Event:
    kind: str
    at: datetime
    """When it happened; if the stored time is invalid, the case's creation time (and the
    case's ``invalid`` lists ``events[N].at``)."""
    text: str = ""

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind, "at": ts_text(self.at) or "", "text": self.text}


@dataclass(frozen=True)
class CaseSummary:
    """One row of a case list (no body, no events)."""

    id: str
    profile: str
    marketplace: str
    case_type: str
    status: str
    sc_case_id: str | None
    subject: str
    urgency: str
    follow_up: datetime | None
    deadline_closes: date | None
    created_at: datetime
    updated_at: datetime
    matched: tuple[tuple[str, str], ...] = ()
    """For duplicate-guard results: the identifiers this case shares with the new one."""
    invalid: tuple[tuple[str, str], ...] = ()
    """Stored values that could not be read: (field, raw text); the field reads as None."""

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "profile": self.profile,
            "marketplace": self.marketplace,
            "case_type": self.case_type,
            "status": self.status,
            "sc_case_id": self.sc_case_id,
            "subject": self.subject,
            "urgency": self.urgency,
            "follow_up": ts_text(self.follow_up),
            "deadline_closes": self.deadline_closes.isoformat() if self.deadline_closes else None,
            "created_at": ts_text(self.created_at),
            "updated_at": ts_text(self.updated_at),
        }
        if self.matched:
            data["matched"] = [{"kind": k, "value": v} for k, v in self.matched]
        if self.invalid:
            data["invalid"] = invalid_json(self.invalid)
        return data


def describe_duplicate(dup: CaseSummary) -> str:
    """``shares order_id 113-… with open case CW-000002 (type, status): subject``."""
    shared = ", ".join(f"{k} {v}" for k, v in dup.matched) or "an identifier"
    state = "open case" if dup.is_open else "case"
    return f"shares {shared} with {state} {dup.id} ({dup.case_type}, {dup.status}): {dup.subject}"


@dataclass
class LoggedCase:
    """A case in the log with everything: body, draft, identifiers, links and events."""

    id: str
    profile: str
    marketplace: str
    case_type: str
    status: str
    sc_case_id: str | None
    subject: str
    body: str
    draft: dict[str, Any]
    urgency: str
    follow_up: datetime | None
    deadline_closes: date | None
    expected_amount: Decimal | None
    received_amount: Decimal | None
    currency: str
    created_at: datetime
    updated_at: datetime
    filed_at: datetime | None
    resolved_at: datetime | None
    identifiers: list[tuple[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    duplicates: list[CaseSummary] = field(default_factory=list)
    """Filled by ``save_new``/``update_case``/``file``: open cases sharing an identifier."""
    invalid: list[tuple[str, str]] = field(default_factory=list)
    """Stored values that could not be read: (field, raw text). The field reads as None (the
    creation/update times and event times as a fallback); ``log repair`` clears them."""

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def summary(self) -> CaseSummary:
        """This case as one row of a case list."""
        return CaseSummary(
            id=self.id,
            profile=self.profile,
            marketplace=self.marketplace,
            case_type=self.case_type,
            status=self.status,
            sc_case_id=self.sc_case_id,
            subject=self.subject,
            urgency=self.urgency,
            follow_up=self.follow_up,
            deadline_closes=self.deadline_closes,
            created_at=self.created_at,
            updated_at=self.updated_at,
            invalid=tuple(self.invalid),
        )

    def to_json(self) -> dict[str, Any]:
        """The full record (the list row's keys, then the rest); one case of a JSON export."""
        data = self.summary().to_json()
        data.update(
            body=self.body,
            expected=money_json(self.expected_amount, self.currency),
            received=money_json(self.received_amount, self.currency),
            currency=self.currency,
            filed_at=ts_text(self.filed_at),
            resolved_at=ts_text(self.resolved_at),
            identifiers=[{"kind": k, "value": v} for k, v in self.identifiers],
            links=list(self.links),
            events=[e.to_json() for e in self.events],
            draft=self.draft,
        )
        if self.invalid:  # after everything else: the raw text of what could not be read
            data["invalid"] = data.pop("invalid")
        return data


@dataclass(frozen=True)
class SearchHit:
    case: CaseSummary
    snippet: str
    rank: float

    def to_json(self) -> dict[str, Any]:
        return {**self.case.to_json(), "snippet": self.snippet, "rank": self.rank}


@dataclass(frozen=True)
class DeadlineItem:
    case: CaseSummary
    closes: date
    days_left: int

    def to_json(self) -> dict[str, Any]:
        return {**self.case.to_json(), "days_left": self.days_left}


@dataclass(frozen=True)
class DueReport:
    """What needs attention now: follow-ups due or overdue, claim windows about to close."""

    now: datetime
    follow_ups: list[CaseSummary]
    deadlines: list[DeadlineItem]
    horizon_days: int
    reviews: list[Any] = field(default_factory=list)
    """The health reviews due (``store.health.ReviewDue``: weekly account review, monthly
    inventory health); empty unless ``due()`` was given the review periods."""
    removals: list[Any] = field(default_factory=list)
    """Stranded units Amazon auto-removes soon (``store.health_removals.RemovalDue``), from the
    last review that read a stranded report; empty unless ``due()`` was given the periods."""

    def to_json(self) -> dict[str, Any]:
        return {
            "now": ts_text(self.now),
            "horizon_days": self.horizon_days,
            "follow_ups": [
                {**c.to_json(), "overdue_hours": _hours_between(c.follow_up, self.now)}
                for c in self.follow_ups
            ],
            "deadlines": [d.to_json() for d in self.deadlines],
            "reviews": [r.to_json() for r in self.reviews],
            "removals": [r.to_json() for r in self.removals],
        }


def _hours_between(start: datetime | None, end: datetime) -> float:
    if start is None:
        return 0.0
    return round((end - start).total_seconds() / 3600, 1)
