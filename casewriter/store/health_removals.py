"""Stranded inventory's auto-removal dates as reminders (health.md: "feeds the follow-ups and
the ICS export like a claim deadline").

A ``casewriter health`` run that read a stranded inventory report remembers, on that source,
each listing's ``Date-to-take-auto-removal`` (``auto_removal``: date, SKU, FNSKU, units;
``session.run_review``). ``removals_due`` reads them back from the newest run that read a
stranded report (a later download supersedes an earlier one): ``log due`` lists those within
its horizon, the calendar export every one still ahead.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from casewriter.store import values

#: auto-removal dates remembered for one source (a stranded report lists a few hundred at most)
MAX_REMOVALS = 2000
_RUNS_LOOKED_AT = 200


@dataclass(frozen=True)
class RemovalDue:
    """Stranded units Amazon removes on ``removal_on`` unless the listing is fixed."""

    marketplace: str
    sku: str
    fnsku: str
    units: int | None
    removal_on: date
    days_left: int

    def text(self) -> str:
        what = self.sku or self.fnsku or "a listing"
        units = f"{self.units} stranded unit(s)" if self.units is not None else "stranded units"
        where = f" ({self.marketplace})" if self.marketplace else ""
        return (f"{units} of {what}{where} auto-removed on {self.removal_on.isoformat()}: "
                "fix the listing before (Inventory → Fix stranded inventory)")  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {"kind": "stranded-removal", "marketplace": self.marketplace, "sku": self.sku,
                "fnsku": self.fnsku, "units": self.units,
                "removal_on": self.removal_on.isoformat(), "days_left": self.days_left,
                "text": self.text()}  # fmt: skip


def clean_removals(raw: object) -> list[dict[str, Any]]:
    """A source's ``auto_removal`` list as the log keeps it (anything else dropped)."""
    if not isinstance(raw, list):
        return []
    out: list[dict[str, Any]] = []
    for entry in raw[:MAX_REMOVALS]:
        if not isinstance(entry, dict):
            continue
        try:
            day = values.parse_date(str(entry.get("date", "")))
        except ValueError:
            continue
        units = entry.get("units")
        out.append({"date": day.isoformat(), "sku": str(entry.get("sku") or "")[:200],
                    "fnsku": str(entry.get("fnsku") or "")[:40],
                    "units": units if isinstance(units, int) and not isinstance(units, bool)
                    else None})  # fmt: skip
    return out


def removals_due(conn: sqlite3.Connection, today: date, until: date | None) -> list[RemovalDue]:
    """The auto-removal dates from ``today`` to ``until`` (None: every one ahead) of the newest
    run that read a stranded inventory report, soonest first."""
    rows = conn.execute(
        "SELECT marketplace, sources FROM review_runs ORDER BY at DESC, id DESC LIMIT ?",
        (_RUNS_LOOKED_AT,),
    ).fetchall()
    for marketplace, text in rows:
        try:
            sources = json.loads(text) if isinstance(text, str) else []
        except ValueError:
            continue
        if not isinstance(sources, list):
            continue
        stranded = [s for s in sources
                    if isinstance(s, dict) and s.get("type") == "stranded-inventory"]  # fmt: skip
        if not stranded:
            continue
        out: list[RemovalDue] = []
        for source in stranded:
            for entry in clean_removals(source.get("auto_removal")):
                day = date.fromisoformat(entry["date"])
                if day < today or (until is not None and day > until):
                    continue
                out.append(RemovalDue(str(marketplace or ""), entry["sku"], entry["fnsku"],
                                      entry["units"], day, (day - today).days))  # fmt: skip
        return sorted(out, key=lambda r: (r.removal_on, r.sku, r.fnsku))
    return []
