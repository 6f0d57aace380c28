"""How a claim window is worded in English, in one place: the days left, the source line, the
checklist's deadline line (``render`` text and markdown), the warnings a render adds (too
early, expired, closing soon, past the safer date) and the urgency reasons about it. The
case log's ``log due`` uses ``days_left`` too. (The TUI words the same facts in its own strings,
in English and Chinese.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the wording alone (``days_left`` for ``log due``) loads no pydantic
    from casewriter.engine.drafts import Deadline

#: casewriter's heuristic, not Amazon policy: say how many days are left once a claim window
#: has this many days or fewer to run.
DAYS_LEFT_WARNING = 30


def days_left(n: int) -> str:
    """``186 days left``, ``1 day left``, ``0 days left``."""
    return f"{n} day{'' if n == 1 else 's'} left"


def source_text(d: Deadline) -> str:
    """``<source>, as of <date>``: where the window's figure comes from."""
    return f"{d.source}, as of {d.as_of.isoformat()}" if d.as_of else d.source


def period_text(d: Deadline) -> str:
    """What a period that is not a claim window is for: its catalog note, else a plain line."""
    return d.note.rstrip(".") if d.note else f"a period that starts at the {d.clock}"


def deadline_line(d: Deadline) -> str:
    """One line for the checklist: status, dates, the safer date, the clock and the source."""
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
    today = d.today.isoformat() if d.today else "today"
    if not d.claim_window:
        # a period to act (stranded units): never "the claim window closes"
        if d.status == "expired":
            return [f"{period_text(d)}: the period ended on {d.closes.isoformat()} ({src})."]
        if d.days_left <= DAYS_LEFT_WARNING:
            left = "Last day" if d.days_left == 0 else days_left(d.days_left)
            return [f"{left}: {period_text(d)}; the period ends on {d.closes.isoformat()} ({src})."]
        return []
    if d.status == "too-early":
        n = (d.opens - d.today).days if d.today else 0
        return [f"Too early to file: the claim window opens on {d.opens.isoformat()} ({n} days after {today}); "
                f"Amazon rejects premature claims ({src})."]  # fmt: skip
    if d.status == "expired":
        return [f"The claim window closed on {d.closes.isoformat()} ({d.clock} + window; {src}); "
                "Amazon is unlikely to accept the claim."]  # fmt: skip
    if d.safe_by and d.today and d.today > d.safe_by:
        return [f"The shorter window some sources give ({d.safe_source}) ended on {d.safe_by.isoformat()}; "
                f"the longest documented window closes on {d.closes.isoformat()} ({src}). File now."]  # fmt: skip
    if d.days_left <= DAYS_LEFT_WARNING or d.safe_by:
        safe = (
            f"; to be safe, file by {d.safe_by.isoformat()} ({d.safe_source})" if d.safe_by else ""
        )
        left = "Last day to file" if d.days_left == 0 else days_left(d.days_left)
        return [f"{left}: the claim window closes on {d.closes.isoformat()} ({src}){safe}."]
    return []


def urgency_reason(left: int, *, only: bool, claim_window: bool = True) -> str:
    """Why the days left raise the suggested urgency: ``only 2 days left in the claim window``
    (``… left to act`` for a period that is not a claim window)."""
    where = "in the claim window" if claim_window else "to act"
    return f"{'only ' if only else ''}{days_left(left)} {where}"
