"""The current UI language and the one string lookup, ``t(key, **kwargs)``.

The strings themselves are data in ``casewriter.tui.strings`` (one module per screen, both
languages side by side). Switching language (``set_language``) only changes which column ``t``
reads; the app then announces the change (``CasewriterApp.language_changed``) and every screen
re-labels itself.

Pure Python (no textual import) so it can be tested and used anywhere in ``casewriter.tui``.
"""

from __future__ import annotations

from casewriter.messages import say
from casewriter.tui.strings import CATALOG

LANGUAGES: tuple[str, ...] = ("en", "zh")

_state: dict[str, int] = {"column": 0}
"""Which column of ``CATALOG`` ``t`` reads (the index of the language in ``LANGUAGES``)."""


def set_language(lang: str) -> None:
    """Make ``lang`` ("en" or "zh") the language ``t`` answers in."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown UI language {lang!r} (known: {', '.join(LANGUAGES)})")
    _state["column"] = LANGUAGES.index(lang)


def get_language() -> str:
    """The current UI language."""
    return LANGUAGES[_state["column"]]


def t(key: str, **kwargs: object) -> str:
    """The string ``key`` in the current language, formatted with ``kwargs``.

    Falls back to English, then to the key itself (so a missing string is visible, never a crash).
    """
    texts = CATALOG.get(key)
    text = key if texts is None else (texts[_state["column"]] or texts[0] or key)
    if kwargs:
        try:
            return text.format(**kwargs)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def local(value: object) -> str:
    """What the core said (a ``casewriter.messages.Said``: a warning, a checklist label, an
    urgency reason, a value error) in the current UI language; any other text as it is."""
    return say(value, get_language())


def rule_name(rule: str) -> str:
    """A scan rule by its name in the UI's language, never its id."""
    return t("scan.rule." + rule)


def status_name(status: str) -> str:
    """A finding's status in words (too early, to review…), never its id."""
    return t("scan.status." + status)


def tn(key: str, n: int, **kwargs: object) -> str:
    """``t`` for a count: ``key + ".one"`` when ``n`` is 1 and the table has that form (English
    "1 match", "1 case"; Chinese has one form), else ``key``; ``n`` is passed as ``{n}``."""
    form = f"{key}.one" if n == 1 and f"{key}.one" in CATALOG else key
    return t(form, n=n, **kwargs)


def days_text(days: int) -> str:
    """Days left on a window, signed words not a negative number: "3 days left", "1 day
    left", "closes today", "3 days overdue" (剩余 3 天 / 今天截止 / 已过期 3 天)."""
    if days == 0:
        return t("days.today")
    if days < 0:
        return tn("days.overdue", -days)
    return tn("days.left", days)


def report_name(report_type: str | None) -> str:
    """A Seller Central report type (``fee-preview``) by the name sellers know it by, in the
    current language (``Fee Preview`` / ``费用预览``); an unknown type as it is, none as ``-``."""
    if not report_type:
        return "-"
    key = "report." + report_type
    return t(key) if key in CATALOG else report_type


def missing_translations() -> list[str]:
    """Keys that lack a string in some language (a test keeps this empty)."""
    return sorted(key for key, texts in CATALOG.items() if not all(texts))
