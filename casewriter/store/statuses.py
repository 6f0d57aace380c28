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
#: Each status's names in English and Simplified Chinese: what the UI shows (``tui/strings``)
#: and what the log indexes with each case, so ``needs reply`` or ``需回复`` finds its cases.
STATUS_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("draft", "草稿"),
    "filed": ("filed", "已提交"),
    "awaiting-amazon": ("awaiting Amazon", "等待亚马逊"),
    "needs-reply": ("needs reply", "需回复"),
    "resolved": ("resolved", "已解决"),
    "denied": ("denied", "被拒"),
    "closed": ("closed", "已关闭"),
}
#: A case in one of these is no longer open: the duplicate guard and ``due`` ignore it.
CLOSED_STATUSES: tuple[str, ...] = ("resolved", "denied", "closed")
OPEN_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in CLOSED_STATUSES)
