"""``DuePanel``: the "needs attention" box at the top of home — follow-ups due or overdue,
claim windows closing soon, stranded units Amazon auto-removes soon (the dates of the last
stranded inventory report reviewed) and the health reviews due (weekly account review, monthly
inventory health: ``store.due(now, review_days=...)`` with the periods of the health targets'
data), a few lines, most urgent first.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work

from casewriter.health.due import due_days
from casewriter.tui.i18n import days_text, t
from casewriter.tui.safe import Static
from casewriter.tui.services import Services
from casewriter.tui.text import short_date, short_datetime, truncate

if TYPE_CHECKING:
    from casewriter.store import DueReport
    from casewriter.store.health import ReviewDue
    from casewriter.store.health_removals import RemovalDue

MAX_LINES = 4
QUERY_LIMIT = 100
HORIZON_DAYS = 7


class DuePanel(Static):
    """Follow-ups due and deadlines closing (a warning border when there are some)."""

    DEFAULT_CSS = """
    DuePanel {
        height: auto;
        max-height: 7;
        padding: 0 1;
        border: round $secondary;
        color: $text-muted;
    }
    DuePanel.has-items {
        border: round $warning;
        color: $text;
    }
    """

    def __init__(self, services: Services, *, id: str | None = None) -> None:  # noqa: A002 - textual API name
        super().__init__("", id=id)
        self.services = services
        self.items = 0

    def reload(self) -> None:
        """Query the log (in a thread) and redraw."""
        self._load()

    @work(exclusive=True, group="due")
    async def _load(self) -> None:
        now = self.services.now()
        store = self.services.store
        report = await asyncio.to_thread(
            store.due,
            now,
            horizon_days=HORIZON_DAYS,
            tz=now.tzinfo,
            limit=QUERY_LIMIT,
            review_days=due_days(),
        )
        self.show(report, now)

    def show(self, report: DueReport, now: datetime) -> None:
        """Draw a ``DueReport``."""
        width = max(20, self.content_size.width or 96)
        lines: list[Text] = []
        for case in report.follow_ups:
            overdue = case.follow_up is not None and case.follow_up < now
            key = "due.overdue" if overdue else "due.follow_up"
            text = t(key, id=case.id, when=short_datetime(case.follow_up), subject=case.subject)
            lines.append(Text(truncate(text, width), style="bold" if overdue else ""))
        for item in report.deadlines:
            text = t(
                "due.deadline",
                id=item.case.id,
                closes=short_date(item.closes),
                days=days_text(item.days_left),
                subject=item.case.subject,
            )
            lines.append(Text(truncate(text, width), style="bold" if item.days_left <= 2 else ""))
        for removal in report.removals:
            lines.append(
                Text(
                    truncate(removal_text(removal), width),
                    style="bold" if removal.days_left <= 2 else "",
                )  # fmt: skip
            )
        for review in report.reviews:
            lines.append(Text(truncate(review_text(review), width)))
        self.items = len(lines)
        self.set_class(bool(lines), "has-items")
        title = Text(t("due.title"), style="bold")
        if not lines:
            self.update(Text.assemble(title, "  ", t("due.none", days=HORIZON_DAYS)))
            return
        shown = lines[:MAX_LINES]
        if len(lines) > MAX_LINES:
            more = (
                f"{len(lines) - MAX_LINES}+"
                if len(lines) >= QUERY_LIMIT
                else len(lines) - MAX_LINES
            )
            shown.append(Text(t("due.more", n=more), style="dim"))
        self.update(Text("\n").join([title, *shown]))


def review_text(review: ReviewDue) -> str:
    """ "Weekly account review due (US): last record 2026-04-20 — h opens the review"."""
    kind = "account" if review.kind == "account-review" else "inventory"
    where = f" ({review.marketplace})" if review.marketplace else ""
    if review.last is None:
        return t(f"due.{kind}_never", where=where)
    return t(f"due.{kind}_review", where=where, last=short_date(review.last))


def removal_text(removal: RemovalDue) -> str:
    """ "Auto-removal 2026-11-19 (in 7 days): 12 stranded unit(s) of CP-CLOCK-06 (US): …"."""
    what = removal.sku or removal.fnsku or t("due.a_listing")
    where = f" ({removal.marketplace})" if removal.marketplace else ""
    days = t("due.today") if removal.days_left == 0 else days_text(removal.days_left)
    on = short_date(removal.removal_on)
    if removal.units is None:
        return t("due.removal_units_unknown", on=on, days=days, what=what, where=where)
    return t("due.removal", on=on, days=days, units=removal.units, what=what, where=where)
