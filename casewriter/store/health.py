"""The health review's part of the log (schema v4): account records and review runs, functions
over a store (``CaseStore`` exposes each as a method).

- **Account records** (``health_records``): what the seller read on Performance → Account
  Health on one day in one marketplace; every metric optional. Rates are percents (0–100),
  ``ahr`` the 0–1000 Account Health Rating, ``violations`` a whole count. ``record`` writes one
  (a record of the same marketplace and day is replaced: the old one is returned so the caller
  can say so); ``delete`` removes one; ``records`` lists them oldest first.
- **Review runs** (``review_runs``): each ``casewriter health`` run: when, the review's date,
  the marketplace, whether it read inventory reports, and its sources (path, type, rows).
- **Due**: ``reviews_due`` says when the weekly account review (no record for ``account_days``)
  and the monthly inventory health (no run that read inventory for ``inventory_days``) are due
  (``upcoming``: also the next ones, for the calendar); the periods are the health targets'
  data (``casewriter/health/targets.toml``), passed in. Stranded auto-removal dates remembered
  with a run are ``health_removals.py``'s.
- Export and import are ``health_io.py``'s.

Values are checked before anything is written (``UsageError``, nothing written); a stored value
that cannot be read comes back as None and is listed in ``invalid`` (never raises).

Size: ~340 lines: the record and run tables' whole API (check, write, read back, due) in one
place, as ``cases.py`` is for cases; export and import are ``health_io.py``'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from casewriter.errors import NotFoundError, UsageError
from casewriter.store import values
from casewriter.store.base import StoreBase

#: metric key → (lowest, highest, whole numbers only)
METRICS: dict[str, tuple[Decimal, Decimal, bool]] = {
    "odr": (Decimal(0), Decimal(100), False),
    "lsr_10": (Decimal(0), Decimal(100), False),
    "lsr_30": (Decimal(0), Decimal(100), False),
    "cancel": (Decimal(0), Decimal(100), False),
    "vtr": (Decimal(0), Decimal(100), False),
    "otdr": (Decimal(0), Decimal(100), False),
    "ahr": (Decimal(0), Decimal(1000), False),
    "violations": (Decimal(0), Decimal(100_000), True),
}
_COLS = ", ".join(METRICS)
_SELECT = f"SELECT marketplace, day, {_COLS}, created_at, updated_at FROM health_records"
MAX_SOURCES = 10_000  # files remembered for one run


@dataclass
class HealthRecord:
    marketplace: str
    day: date
    metrics: dict[str, Decimal | None]
    created_at: datetime | None = None
    updated_at: datetime | None = None
    invalid: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"marketplace": self.marketplace, "date": self.day.isoformat()}
        out.update({k: None if v is None else str(v) for k, v in self.metrics.items()})
        out["created_at"] = values.ts_text(self.created_at) if self.created_at else None
        out["updated_at"] = values.ts_text(self.updated_at) if self.updated_at else None
        if self.invalid:
            out["invalid"] = dict(self.invalid)
        return out


@dataclass
class ReviewRun:
    id: int
    at: datetime | None
    as_of: date | None
    marketplace: str
    inventory: bool
    sources: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return {
            "at": values.ts_text(self.at) if self.at else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "marketplace": self.marketplace,
            "inventory": self.inventory,
            "sources": self.sources,
        }


@dataclass(frozen=True)
class ReviewDue:
    """A review that is due: ``kind`` ``account-review`` (per marketplace, or ``""`` when
    nothing was ever recorded) or ``inventory-review``; ``last`` the last record or run (None:
    never), ``due_on`` the day it became due, ``days_overdue`` since then."""

    kind: str
    marketplace: str
    last: date | None
    due_on: date | None
    days_overdue: int

    def text(self) -> str:
        what = "weekly account review due" if self.kind == "account-review" \
            else "monthly inventory health due"  # fmt: skip
        where = f" ({self.marketplace})" if self.marketplace else ""
        if self.last is None:  # a first review, not an overdue one: say how to start it
            first = what.removesuffix(" due")
            how = "health record" if self.kind == "account-review" else "health REPORTS…"
            return f"{first}{where}: none recorded yet (start with: casewriter {how})"
        return f"{what}{where}: last {self.last.isoformat()}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "marketplace": self.marketplace,
            "last": self.last.isoformat() if self.last else None,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "days_overdue": self.days_overdue,
            "text": self.text(),
        }


def check_metric(key: str, value: object) -> Decimal | None:
    """A metric value as the log keeps it (``0.42``); None for empty; UsageError otherwise."""
    if key not in METRICS:
        raise UsageError(f"unknown metric {key!r} (one of: {', '.join(METRICS)})")
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise UsageError(f"{key}: expected a number, got {value!r}")
    text = str(value).strip().rstrip("%").strip()
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        raise UsageError(f"{key}: not a number: {str(value)[:40]!r}") from None
    low, high, whole = METRICS[key]
    if not number.is_finite() or not low <= number <= high:
        raise UsageError(f"{key}: must be between {low} and {high}, got {str(value)[:40]}")
    if whole and number != number.to_integral_value():
        raise UsageError(f"{key}: must be a whole number, got {str(value)[:40]}")
    if number.as_tuple().exponent < -4:  # type: ignore[operator]
        raise UsageError(f"{key}: at most 4 decimals, got {str(value)[:40]}")
    if number == 0:
        return Decimal(0)
    plain = number.normalize()  # 0.50 -> 0.5; 220 stays 220, never 2.2E+2
    return plain.quantize(Decimal(1)) if plain.as_tuple().exponent > 0 else plain  # type: ignore[operator]


#: The furthest ahead of UTC any time zone is (UTC+14, Kiribati): a record dated later than
#: today there is in the future for every seller, a mistyped year (2029 for 2026).
_AHEAD_OF_UTC = timedelta(hours=14)


def check_record_day(day: date, now: datetime) -> None:
    """A record is what Account Health shows on or before today: a later date is refused
    (it would hide the weekly review that is due). ``now`` is timezone-aware. Checked where a
    record enters (``health record``, ``log import``), against the real time; ``record`` itself
    takes any date, so a caller with its own clock (the demo, tests) is not refused."""
    latest = (now.astimezone(UTC) + _AHEAD_OF_UTC).date()
    if day > latest:
        raise UsageError(f"date: {day.isoformat()} is in the future (an account record is "
                         "what Account Health shows today or on an earlier day)")  # fmt: skip


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _row(raw: tuple[Any, ...]) -> HealthRecord:
    cells = values.Cells()
    mp = cells.marketplace(raw[0])
    day = cells.date("date", raw[1]) or date(1970, 1, 1)
    metrics: dict[str, Decimal | None] = {}
    for key, cell in zip(METRICS, raw[2 : 2 + len(METRICS)], strict=True):
        try:
            metrics[key] = check_metric(key, cell)
        except UsageError:
            metrics[key] = None
            cells.invalid.append((key, str(cell)))
    created = cells.ts("created_at", raw[-2])
    updated = cells.ts("updated_at", raw[-1])
    return HealthRecord(mp, day, metrics, created, updated, cells.invalid)


def _one(conn: sqlite3.Connection, mp: str, day_text: str) -> Any:
    """The stored row of ``mp``'s record on ``day_text``, or None."""
    return conn.execute(f"{_SELECT} WHERE marketplace = ? AND day = ?", (mp, day_text)).fetchone()


def records(
    store: StoreBase, marketplace: str | None = None, until: date | None = None
) -> list[HealthRecord]:
    """Account records, oldest first (of one marketplace, up to ``until`` when given)."""
    sql = _SELECT
    clauses, params = [], []
    if marketplace:
        clauses.append("marketplace = ?")
        params.append(values.check_marketplace(marketplace))
    if until is not None:
        clauses.append("day <= ?")
        params.append(values.date_text(until))
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    with store._read() as conn:
        rows = conn.execute(sql + " ORDER BY day, marketplace", params).fetchall()
    return [_row(tuple(r)) for r in rows]


def record(
    store: StoreBase,
    marketplace: str,
    day: date,
    metrics: Mapping[str, object],
    now: datetime | None = None,
) -> tuple[HealthRecord, HealthRecord | None]:
    """Save one day's account record, of ``marketplace`` on ``day`` (replacing that day's);
    returns it and the record it replaced (None when new). At least one metric is required."""
    mp = values.check_marketplace(marketplace)
    if not mp:
        raise UsageError("give the marketplace of the record (--marketplace US)")
    day_text = values.date_text(day, "record date")
    checked = {k: check_metric(k, v) for k, v in metrics.items()}
    if all(v is None for v in checked.values()):
        raise UsageError(f"give at least one metric ({', '.join(METRICS)})")
    at = values.ts_text(store._now(now))
    cols = [k for k in METRICS]
    with store._tx() as conn:
        old_raw = _one(conn, mp, day_text)
        old = _row(tuple(old_raw)) if old_raw else None
        created = old_raw[-2] if old_raw else at
        conn.execute("DELETE FROM health_records WHERE marketplace = ? AND day = ?", (mp, day_text))
        conn.execute(
            f"INSERT INTO health_records(marketplace, day, {_COLS}, created_at, updated_at) "
            f"VALUES (?, ?, {', '.join('?' * len(cols))}, ?, ?)",
            (mp, day_text, *[_text(checked.get(k)) for k in cols], created, at),
        )
        new = _one(conn, mp, day_text)
    return _row(tuple(new)), old


def delete(store: StoreBase, marketplace: str, day: date) -> HealthRecord:
    """Remove one day's account record; ``NotFoundError`` when there is none."""
    mp = values.check_marketplace(marketplace)
    day_text = values.date_text(day, "record date")
    with store._tx() as conn:
        old = _one(conn, mp, day_text)
        if old is None:
            raise NotFoundError(f"no account record for {mp or '?'} on {day_text} in the log")
        conn.execute("DELETE FROM health_records WHERE marketplace = ? AND day = ?", (mp, day_text))
    return _row(tuple(old))


def _clean_sources(sources: Iterable[Mapping[str, Any]]) -> str:
    from casewriter.store.health_removals import clean_removals

    kept = []
    for s in list(sources)[:MAX_SOURCES]:
        one: dict[str, Any] = {k: (v if isinstance(v, int | bool) or v is None else str(v))
                               for k, v in s.items() if k in ("path", "type", "rows", "status")}  # fmt: skip
        removals = clean_removals(s.get("auto_removal"))
        if removals:  # a stranded report's auto-removal dates (health_removals.py)
            one["auto_removal"] = removals
        kept.append(one)
    return json.dumps(kept, ensure_ascii=False)


def record_run(
    store: StoreBase,
    as_of: date,
    marketplace: str,
    inventory: bool,
    sources: Iterable[Mapping[str, Any]],
    now: datetime | None = None,
) -> ReviewRun:
    """Remember a ``casewriter health`` run (its date, marketplace and sources: what
    ``reviews_due`` and the Health screen read back)."""
    mp = values.check_marketplace(marketplace)
    at = values.ts_text(store._now(now))
    with store._tx() as conn:
        cur = conn.execute(
            "INSERT INTO review_runs(at, as_of, marketplace, inventory, sources) "
            "VALUES (?, ?, ?, ?, ?)",
            (at, values.date_text(as_of, "review date"), mp, int(inventory),
             _clean_sources(sources)),
        )  # fmt: skip
        run_id = int(cur.lastrowid or 0)
    got = runs(store, limit=1, run_id=run_id)
    return got[0]


def _run(raw: tuple[Any, ...]) -> ReviewRun:
    cells = values.Cells()
    try:
        sources = json.loads(raw[5]) if isinstance(raw[5], str) else []
    except ValueError:
        sources = []
    if not isinstance(sources, list):
        sources = []
    return ReviewRun(
        id=int(raw[0]),
        at=cells.ts("at", raw[1]),
        as_of=cells.date("as_of", raw[2]),
        marketplace=cells.marketplace(raw[3]),
        inventory=bool(raw[4]),
        sources=[s for s in sources if isinstance(s, dict)],
    )


def runs(
    store: StoreBase, *, limit: int = 20, inventory: bool | None = None, run_id: int | None = None
) -> list[ReviewRun]:
    """Review runs, newest first."""
    sql = "SELECT id, at, as_of, marketplace, inventory, sources FROM review_runs"
    clauses: list[str] = []
    params: list[Any] = []
    if inventory is not None:
        clauses.append("inventory = ?")
        params.append(int(inventory))
    if run_id is not None:
        clauses.append("id = ?")
        params.append(run_id)
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    with store._read() as conn:
        rows = conn.execute(sql + " ORDER BY at DESC, id DESC LIMIT ?", [*params, limit]).fetchall()
    return [_run(tuple(r)) for r in rows]


def reviews_due(
    conn: sqlite3.Connection,
    today: date,
    account_days: int,
    inventory_days: int,
    *,
    upcoming: bool = False,
) -> list[ReviewDue]:
    """The reviews due on ``today`` (see the module docstring); with ``upcoming`` also the next
    one not due yet, on the day it will be (``days_overdue`` negative: the calendar export)."""
    out: list[ReviewDue] = []
    last_by_mp = conn.execute(
        "SELECT marketplace, max(day) FROM health_records GROUP BY marketplace ORDER BY 1"
    ).fetchall()
    if not last_by_mp:
        out.append(ReviewDue("account-review", "", None, None, 0))
    for mp, last_text in last_by_mp:
        try:
            last = values.parse_date(str(last_text))
        except ValueError:
            continue
        due_on = last + timedelta(days=account_days)
        if today >= due_on or upcoming:
            out.append(ReviewDue("account-review", str(mp), last, due_on, (today - due_on).days))
    row = conn.execute("SELECT max(at) FROM review_runs WHERE inventory = 1").fetchone()
    last_run = None
    if row and row[0]:
        try:
            last_run = values.parse_ts(str(row[0])).date()
        except ValueError:
            last_run = None
    if last_run is None:
        out.append(ReviewDue("inventory-review", "", None, None, 0))
    else:
        due_on = last_run + timedelta(days=inventory_days)
        if today >= due_on or upcoming:
            out.append(ReviewDue("inventory-review", "", last_run, due_on, (today - due_on).days))
    return out
