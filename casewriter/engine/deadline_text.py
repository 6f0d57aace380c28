"""How a claim window is worded, in one place: the days left, the source line, the checklist's
deadline line (``render`` text and markdown, English), the warnings a render adds (too early,
expired, closing soon, past the safer date) and the urgency reasons about it, both as
``casewriter.messages.Said`` (English, and Chinese for the app). The case log's ``log due`` uses
``days_left`` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casewriter.messages import Said, pair, said_from

if TYPE_CHECKING:  # the wording alone (``days_left`` for ``log due``) loads no pydantic
    from casewriter.engine.drafts import Deadline

#: casewriter's heuristic, not Amazon policy: say how many days are left once a claim window
#: has this many days or fewer to run.
DAYS_LEFT_WARNING = 30


#: The claim-window wording: code → (English, 简体中文).
WORDING: dict[str, tuple[str, str]] = {
    "days.left": ("{n} days left", "剩余 {n} 天"),
    "days.left.one": ("1 day left", "剩余 1 天"),
    "dl.period_ended": (
        "{what}: the period ended on {closes} ({src}).",
        "{what}：期限已于 {closes} 结束（{src}）。",
    ),
    "dl.period_left": (
        "{left}: {what}; the period ends on {closes} ({src}).",
        "{left}：{what}；期限于 {closes} 结束（{src}）。",
    ),
    "dl.last_day": ("Last day", "最后一天"),
    "dl.last_day_file": ("Last day to file", "今天是最后提交日"),
    "dl.period": ("a period that starts at the {clock}", "自{clock}起算的期限"),
    "dl.too_early": (
        "Too early to file: the claim window opens on {opens} ({n} days after {today}); "
        "Amazon rejects premature claims ({src}).",
        "现在提交太早：索赔期从 {opens} 开始（{today} 之后 {n} 天）；亚马逊会拒绝过早的索赔（{src}）。",
    ),
    "dl.expired": (
        "The claim window closed on {closes} ({clock} + window; {src}); "
        "Amazon is unlikely to accept the claim.",
        "索赔期已于 {closes} 结束（自{clock}起算；{src}）；亚马逊很可能不会受理。",
    ),
    "dl.past_safe": (
        "The shorter window some sources give ({safe_source}) ended on {safe_by}; "
        "the longest documented window closes on {closes} ({src}). File now.",
        "部分来源给出的较短期限（{safe_source}）已于 {safe_by} 结束；"
        "已知最长的索赔期于 {closes} 截止（{src}）。请立即提交。",
    ),
    "dl.closing": (
        "{left}: the claim window closes on {closes} ({src}){safe}.",
        "{left}：索赔期于 {closes} 截止（{src}）{safe}。",
    ),
    "dl.safe": (
        "; to be safe, file by {safe_by} ({safe_source})",
        "；稳妥起见，请在 {safe_by} 前提交（{safe_source}）",
    ),
    "dl.source": ("{source}, as of {as_of}", "{source}，截至 {as_of}"),
    "urg.days_window": ("{only}{left} in the claim window", "索赔期{only}{left}"),
    "urg.days_act": ("{only}{left} to act", "处理期限{only}{left}"),
    "urg.only": ("only ", "仅"),
}


def said(code: str, **params: object) -> Said:
    """``code`` of ``WORDING`` with ``params``, in both languages."""
    return said_from(WORDING, code, params)


def days_left(n: int) -> Said:
    """``186 days left``, ``1 day left``, ``0 days left`` (剩余 N 天)."""
    return said("days.left.one") if n == 1 else said("days.left", n=n)


def clock_text(d: Deadline) -> Said:
    """What starts the clock, in both languages (the rule's ``clock_zh``, else English)."""
    return pair(d.clock, d.clock_zh or d.clock)


def note_text(d: Deadline) -> Said:
    """The rules' notes (open questions, history), in both languages."""
    return pair(d.note, d.note_zh or d.note)


def source_text(d: Deadline) -> Said:
    """``<source>, as of <date>``: where the window's figure comes from."""
    if d.as_of:
        return said("dl.source", source=d.source, as_of=d.as_of.isoformat())
    return Said(d.source)


def period_text(d: Deadline) -> Said:
    """What a period that is not a claim window is for: its catalog note, else a plain line."""
    if d.note:
        return pair(d.note.rstrip("."), (d.note_zh or d.note).rstrip("。."))
    return said("dl.period", clock=clock_text(d))


def deadline_line(d: Deadline) -> str:
    """One line for the checklist (English): status, dates, the safer date, the clock and the
    source."""
    clock = f"; clock: {d.clock} on {d.event_date.isoformat()}" if d.event_date and d.clock else ""
    if not d.claim_window:
        when = d.closes.isoformat()
        state = (
            f"ended {when}" if d.status == "expired" else f"ends {when} ({days_left(d.days_left)})"
        )
        return f"not a claim window – {state}{clock} [source: {source_text(d)}]"
    if d.status == "too-early":
        head = f"too early – opens {d.opens.isoformat()}, closes {d.closes.isoformat()}"
    elif d.status == "expired":
        head = f"expired – closed {d.closes.isoformat()}"
    else:
        head = f"claimable – closes {d.closes.isoformat()} ({days_left(d.days_left)})"
    safe = f"; to be safe file by {d.safe_by.isoformat()}" if d.safe_by else ""
    return f"{head}{safe}{clock} [source: {source_text(d)}]"


def deadline_warnings(d: Deadline) -> list[str]:
    """The render's warnings about the window: too early, expired, past the safer date, or the
    days left once ``DAYS_LEFT_WARNING`` or fewer remain (or a safer date exists)."""
    src = source_text(d)
    closes = d.closes.isoformat()
    if not d.claim_window:
        # a period to act (stranded units): never "the claim window closes"
        what = period_text(d)
        if d.status == "expired":
            return [said("dl.period_ended", what=what, closes=closes, src=src)]
        if d.days_left <= DAYS_LEFT_WARNING:
            left = said("dl.last_day") if d.days_left == 0 else days_left(d.days_left)
            return [said("dl.period_left", left=left, what=what, closes=closes, src=src)]
        return []
    if d.status == "too-early":
        n = (d.opens - d.today).days if d.today else 0
        today = d.today.isoformat() if d.today else pair("today", "今天")
        opens = d.opens.isoformat()
        return [said("dl.too_early", opens=opens, n=n, today=today, src=src)]
    if d.status == "expired":
        return [said("dl.expired", closes=closes, clock=clock_text(d), src=src)]
    if d.safe_by and d.today and d.today > d.safe_by:
        safe_by = d.safe_by.isoformat()
        return [
            said("dl.past_safe", safe_source=d.safe_source, safe_by=safe_by, closes=closes, src=src)
        ]
    if d.days_left <= DAYS_LEFT_WARNING or d.safe_by:
        safe: Said = Said("")
        if d.safe_by:
            safe = said("dl.safe", safe_by=d.safe_by.isoformat(), safe_source=d.safe_source)
        left = said("dl.last_day_file") if d.days_left == 0 else days_left(d.days_left)
        return [said("dl.closing", left=left, closes=closes, src=src, safe=safe)]
    return []


def urgency_reason(left: int, *, only: bool, claim_window: bool = True) -> Said:
    """Why the days left raise the suggested urgency: ``only 2 days left in the claim window``
    (``… left to act`` for a period that is not a claim window)."""
    code = "urg.days_window" if claim_window else "urg.days_act"
    return said(code, only=said("urg.only") if only else "", left=days_left(left))
