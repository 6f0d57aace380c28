"""The shared UI strings (home, case detail, settings, scan, dialogs) in English and Chinese.

Data only; ``casewriter.tui.i18n`` serves them through ``t()``. The wizard registers its own.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"en": "casewriter", "zh": "casewriter 案件助手"},
    "app.subtitle": {"en": "Seller Central cases", "zh": "卖家后台案件"},
}
