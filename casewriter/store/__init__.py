"""The SQLite case log: ``CaseStore`` and its records.

Importing this package opens nothing; ``CaseStore.open(paths)`` does. See
docs/architecture.md ("Store API") and ``cases.py``.
"""

from __future__ import annotations

from casewriter.store.cases import CaseStore
from casewriter.store.model import (
    CLOSED_STATUSES,
    DUPLICATE_KINDS,
    DUPLICATE_PAIR,
    EVENT_KINDS,
    OPEN_STATUSES,
    STATUSES,
    CaseSummary,
    DeadlineItem,
    DueReport,
    Event,
    LoggedCase,
    NewCase,
    SearchHit,
    format_id,
    parse_id,
)

__all__ = [
    "CLOSED_STATUSES",
    "DUPLICATE_KINDS",
    "DUPLICATE_PAIR",
    "EVENT_KINDS",
    "OPEN_STATUSES",
    "STATUSES",
    "CaseStore",
    "CaseSummary",
    "DeadlineItem",
    "DueReport",
    "Event",
    "LoggedCase",
    "NewCase",
    "SearchHit",
    "format_id",
    "parse_id",
]
