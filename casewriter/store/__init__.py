"""The SQLite case log: ``CaseStore`` and its records.

Importing this package opens nothing and loads nothing: the names below are loaded on first use
(PEP 562, as ``casewriter.engine`` does), so a screen or command that needs only the status
list (``STATUSES``, from ``statuses.py``) does not pay for sqlite3 and the store's modules. See
docs/architecture.md ("Store API") and ``cases.py``.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; mypy honours this name all the same
if TYPE_CHECKING:
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

#: Exported name -> (module of this package, name there).
_EXPORTS: dict[str, tuple[str, str]] = {
    name: (
        "cases"
        if name == "CaseStore"
        else "statuses"
        if name in ("STATUSES", "CLOSED_STATUSES", "OPEN_STATUSES")
        else "model",
        name,
    )
    for name in __all__
}

if not TYPE_CHECKING:
    from casewriter.lazy import lazy_getattr

    __getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
