"""The health review as data: what ``casewriter health``, its Markdown/HTML pages and the TUI's
Health screen show. Built by ``casewriter.health.review.build_review``; nothing here reads a file
or the log.

- ``HealthReview``: ``as_of``, ``marketplace``, ``account`` (``AccountReview``), ``inventory``
  (``InventoryReview``), ``actions`` (``Action``, already ordered), ``sources`` (every file
  given, read or not, and the account records used), ``notes``. ``to_json()`` is the
  ``health --json`` contract (README, "The weekly review").
- Every figure carries where it came from (``Source``: report type, file, date) or, when it
  cannot be computed from what was given, ``absent`` with the reason: never a guess.
- Every target carries its source and as-of date, and says when it is a belief or a rule of
  thumb (``Target``); targets are data (``targets.toml``), overridable in ``config.toml``.
- Text the seller reads is ``Text`` (English and Chinese); ``Text.get(lang)`` picks one.

The screen may read every field; it needs no other module of this package to draw the review.
An action's drafted case (``Action.case``) is a ``CaseProposal`` whose ``draft`` is the JSON
form of an engine ``Draft`` (what ``open_wizard(draft=...)`` takes); ``ready`` is False while a
required fact or slot is still missing (``missing`` names them: a performance-metric plan of
action stays not ready until the order counts are added).

Size: ~330 lines, a third of them docstrings: the model is the contract the Health screen and
``health --json`` read, so every part is in one place with what each field means.
"""

from __future__ import annotations

from datetime import date as Day
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "zh"]
#: ``ok`` on target; ``warning`` still on target but worsening (see ``AccountMetric``);
#: ``miss`` off target; ``no-data`` nothing recorded or computable; ``info`` a figure without a
#: target (units, costs).
Status = Literal["ok", "warning", "miss", "no-data", "info"]
#: ``below``: value < target; ``at_most``: value <= target; ``above``: value > target;
#: ``at_least``: value >= target.
Comparison = Literal["below", "at_most", "above", "at_least"]
#: how a value is written: ``percent`` (0.42 means 0.42 %), ``ratio`` (1.2), ``points`` (a
#: score, AHR), ``count`` (violations), ``units``, ``money`` (with ``currency``), ``skus``.
Unit = Literal["percent", "ratio", "points", "count", "units", "money", "skus", "days"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Model):
    """Text the seller reads, in both languages of the UI."""

    en: str
    zh: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh`` → Chinese, anything else → English)."""
        return self.zh if lang == "zh" and self.zh else self.en


class Target(_Model):
    """A target a metric or figure is compared with, with its source and as-of date."""

    key: str
    comparison: Comparison
    value: Decimal
    unit: Unit
    window: Text | None = None
    """The period the metric covers (``60 days``); None for inventory figures."""
    source: str
    as_of: Day
    belief: bool = False
    """No official page found: widely reported (Account Health Rating bands)."""
    rule_of_thumb: bool = False
    """Not an Amazon figure (the seed's sell-through > 0.6, excess < 10 %)."""
    advisory: bool = False
    """Recommended, no penalty (US On-time Delivery Rate)."""
    best: Decimal | None = None
    """The best possible value (0 for a defect rate, 100 for a tracking rate, 1000 for AHR):
    the margin to the target is measured from it."""
    note: str = ""
    overridden: bool = False
    """Set from the user's ``config.toml`` (``[[health_targets]]``), not the built-in data."""

    def met(self, value: Decimal) -> bool:
        """Does ``value`` meet this target?"""
        if self.comparison == "below":
            return value < self.value
        if self.comparison == "at_most":
            return value <= self.value
        if self.comparison == "above":
            return value > self.value
        return value >= self.value

    def margin_used(self, value: Decimal) -> Decimal | None:
        """How much of the margin between ``best`` and the target ``value`` uses (0 at best,
        1 at the target, above 1 past it); None without a best value or margin."""
        if self.best is None or self.best == self.value:
            return None
        return (value - self.best) / (self.value - self.best)


class Source(_Model):
    """Where a figure came from: a report (type id, file, snapshot or report date) or the
    account records (``report = "account-record"``, the record's date)."""

    report: str
    path: str | None = None
    date: Day | None = None


class Point(_Model):
    """One recorded value of an account metric (``value`` None: not recorded that day)."""

    date: Day
    value: Decimal | None


class AccountRecord(_Model):
    """What the seller read on Performance → Account Health on ``date`` (every metric
    optional: an FBA-only seller has no late shipment, cancel or tracking rates). Rates are
    percents (0.42 means 0.42 %), ``ahr`` the 0–1000 score, ``violations`` a count."""

    date: Day
    marketplace: str
    odr: Decimal | None = None
    lsr_10: Decimal | None = None
    lsr_30: Decimal | None = None
    cancel: Decimal | None = None
    vtr: Decimal | None = None
    otdr: Decimal | None = None
    ahr: Decimal | None = None
    violations: Decimal | None = None

    def value(self, key: str) -> Decimal | None:
        got = getattr(self, key, None)
        return got if isinstance(got, Decimal) else None


#: The metrics a record holds, in the order they are shown.
METRIC_KEYS = ("odr", "lsr_10", "lsr_30", "cancel", "vtr", "otdr", "ahr", "violations")


class AccountMetric(_Model):
    """One account metric: its latest value against its target and window, its trend over the
    recorded weeks (``trend``, oldest first) and what it calls for.

    ``status``: ``miss`` off target; ``warning`` on target but worse in each of the last two
    records and more than the configured share (80 %) of the margin to the target used
    (``margin_used``); ``ok``; ``no-data`` (never recorded, or not in the latest record:
    ``absent`` says which)."""

    key: str
    label: Text
    value: Decimal | None = None
    recorded_on: Day | None = None
    target: Target | None = None
    status: Status = "no-data"
    band: Text | None = None
    """For Account Health Rating: healthy / at risk / critical."""
    trend: list[Point] = Field(default_factory=list)
    change: Decimal | None = None
    """Latest value minus the previous record's (None with fewer than two)."""
    margin_used: Decimal | None = None
    worse_twice: bool = False
    alerts: list[Text] = Field(default_factory=list)
    absent: Text | None = None
    source: Source | None = None


class AccountReview(_Model):
    """The weekly account review: the metrics and the records they come from."""

    marketplace: str
    records: list[AccountRecord] = Field(default_factory=list)
    """Every record of the marketplace up to ``as_of``, oldest first."""
    metrics: list[AccountMetric] = Field(default_factory=list)
    last_record: Day | None = None
    due: bool = True
    """No record in the last 7 days (the weekly review is due)."""
    absent: Text | None = None
    """Why there is no account review (no record yet)."""


class Part(_Model):
    """One line of a figure's breakdown (an age bucket, a stranded reason …)."""

    key: str
    label: Text
    units: int | None = None
    amount: Decimal | None = None
    currency: str = ""


class Item(_Model):
    """One SKU behind a figure (a stranded listing, a SKU to restock, a fee-tier mismatch)."""

    sku: str = ""
    fnsku: str = ""
    asin: str = ""
    units: int | None = None
    amount: Decimal | None = None
    currency: str = ""
    deadline: Day | None = None
    """Amazon's auto-removal date for stranded units."""
    detail: Text | None = None
    """The reason or fix Amazon names, the days of supply, the tiers …"""
    source: Source | None = None


class Figure(_Model):
    """One inventory figure, with its target when it has one. ``value`` None means it could
    not be computed from the files given: ``absent`` says why. ``how`` says how it was
    computed (which column, weighted how)."""

    key: str
    label: Text
    value: Decimal | None = None
    unit: Unit = "units"
    currency: str = ""
    target: Target | None = None
    status: Status = "info"
    source: Source | None = None
    how: Text | None = None
    absent: Text | None = None
    parts: list[Part] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    more_items: int = 0
    """Items not listed in ``items`` (the list is capped)."""


class TrendPoint(_Model):
    """An inventory figure at one planning snapshot (for the sell-through/excess charts)."""

    date: Day
    sell_through: Decimal | None = None
    excess_share: Decimal | None = None
    available: int | None = None


class InventoryReview(_Model):
    """The monthly inventory health: figures (``FIGURE_KEYS``) and the snapshot trend."""

    figures: list[Figure] = Field(default_factory=list)
    trend: list[TrendPoint] = Field(default_factory=list)
    snapshot: Day | None = None
    """The planning snapshot the figures use (the latest given)."""
    read: bool = False
    """At least one inventory report was read (this run counts as a monthly review)."""
    absent: Text | None = None

    def figure(self, key: str) -> Figure | None:
        return next((f for f in self.figures if f.key == key), None)


#: Inventory figures, in the order they are shown.
FIGURE_KEYS = (
    "sell_through", "excess_share", "aged_units", "aged_surcharge_next", "storage_next_month",
    "stranded", "unsellable", "researching", "restock", "fee_tier",
)  # fmt: skip


class CaseProposal(_Model):
    """A case drafted for an action: ``draft`` is an engine ``Draft``'s JSON form (what the
    wizard opens and ``render`` reads); ``missing`` names what the seller must still add."""

    case_type: str
    title: Text
    draft: dict[str, Any]
    ready: bool
    missing: list[Text] = Field(default_factory=list)


ActionKind = Literal[
    "metric-miss", "metric-warning", "account-rating", "violations", "stranded", "fee-tier",
    "aged-surcharge", "excess", "sell-through", "unsellable", "researching", "restock",
    "storage-fee", "record-due",
]  # fmt: skip


class Action(_Model):
    """Something to do, with what to do in Seller Central and, where a case is the fix, the
    drafted case. ``amount`` is the money at stake (an estimate where ``amount_note`` says
    so); ``deadline`` the date to act by (``deadline_source`` says whose date)."""

    key: str
    """Stable id (``metric-miss:odr``, ``stranded:SKU``), unique in a review."""
    kind: ActionKind
    title: Text
    steps: Text
    """What to do in Seller Central."""
    where: Text | None = None
    """The Seller Central page."""
    amount: Decimal | None = None
    currency: str = ""
    amount_note: Text | None = None
    deadline: Day | None = None
    deadline_source: str = ""
    account: bool = False
    """The account itself is at stake (shown first)."""
    case: CaseProposal | None = None
    figure: str = ""
    """The metric or figure key it comes from."""
    source: Source | None = None


class SourceFile(_Model):
    """A file given to the review: ``status`` read, partial (read up to a break), unreadable
    (not a report, or not readable: ``reason``) or unused (a report the review does not read)."""

    path: str
    type: str | None = None
    status: Literal["read", "partial", "unreadable", "unused"]
    rows: int = 0
    dates: list[Day] = Field(default_factory=list)
    """The snapshot dates a planning report holds (else empty)."""
    reason: str = ""
    reason_zh: str = ""
    """``reason`` in Chinese (empty: the same as ``reason``)."""


class HealthReview(_Model):
    """The whole review (see the module docstring)."""

    as_of: Day
    marketplace: str
    account: AccountReview
    inventory: InventoryReview
    actions: list[Action] = Field(default_factory=list)
    sources: list[SourceFile] = Field(default_factory=list)
    notes: list[Text] = Field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The ``health --json`` contract: ``as_of``, ``marketplace``, ``account``,
        ``inventory``, ``actions``, ``sources``, ``notes`` (decimals as strings, dates ISO)."""
        # a source's ``reason_zh`` is the app's (its remembered review keeps it), not the contract's
        data: dict[str, Any] = self.model_dump(
            mode="json", exclude={"sources": {"__all__": {"reason_zh"}}}
        )
        return data
