"""A logged case's statuses, alone in a module: a screen that needs only the list (the home
screen's filter, before its first frame) does not pay for the store's records (``model.py``).
"""

from __future__ import annotations

STATUSES: tuple[str, ...] = (
    "draft",
    "filed",
    "awaiting-amazon",
    "needs-reply",
    "resolved",
    "denied",
    "closed",
)
#: A case in one of these is no longer open: the duplicate guard and ``due`` ignore it.
CLOSED_STATUSES: tuple[str, ...] = ("resolved", "denied", "closed")
OPEN_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)
