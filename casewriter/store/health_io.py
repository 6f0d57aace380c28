"""The health part of a log export (``export_health``) and of ``log import``
(``import_health``): every value checked as the live commands check it (``health.check_metric``,
dates and times in range, known marketplaces); the first bad row refuses the whole import, named
by its number (``health record #3 (US 2026-11-01): odr: …``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from casewriter.errors import UsageError
from casewriter.store import values
from casewriter.store.base import StoreBase
from casewriter.store.health import (
    _COLS,
    METRICS,
    _clean_sources,
    _text,
    check_metric,
    check_record_day,
    records,
    runs,
)


def export_health(store: StoreBase) -> dict[str, list[dict[str, Any]]]:
    """The health part of a log export: every record and run, oldest first."""
    return {
        "health_records": [r.to_json() for r in records(store)],
        "review_runs": [r.to_json() for r in reversed(runs(store, limit=-1))],
    }


_RECORD_KEYS = frozenset({"marketplace", "date", "created_at", "updated_at", "invalid", *METRICS})
_RUN_KEYS = frozenset({"at", "as_of", "marketplace", "inventory", "sources"})


def _fail(where: str, exc: UsageError | ValueError) -> UsageError:
    message = exc.message if isinstance(exc, UsageError) else str(exc)
    return UsageError(f"{where}: {message}")


def _ts(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{what}: expected a time like 2026-05-01T09:00:00Z, got {value!r}")
    try:
        return values.ts_text(values.parse_ts(value))
    except ValueError:
        raise UsageError(f"{what}: not a time: {value[:40]!r}") from None


def _day_of(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise UsageError(f"{what}: expected a date YYYY-MM-DD, got {value!r}")
    try:
        return values.parse_date(value).isoformat()
    except ValueError:
        raise UsageError(f"{what}: not a date YYYY-MM-DD: {value[:40]!r}") from None


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    got = data.get(key, [])
    if not isinstance(got, list):
        raise UsageError(f"'{key}' must be a list of objects")
    return got


def import_health(conn: sqlite3.Connection, data: Mapping[str, Any], at: str) -> dict[str, int]:
    """Insert the export's health records and review runs (inside the import's transaction).
    A record of a marketplace and day already in the log is skipped, never overwritten; a run
    already there (same time, date and marketplace) too. The first bad row refuses the import:
    ``health record #3 (US 2026-11-01): odr: …``."""
    report = {"health_records_imported": 0, "health_records_skipped": 0,
              "review_runs_imported": 0}  # fmt: skip
    for n, row in enumerate(_list(data, "health_records"), start=1):
        where = f"health record #{n}"
        if not isinstance(row, dict):
            raise UsageError(f"{where}: not an object")
        mp_raw, day_raw = row.get("marketplace"), row.get("date")
        if isinstance(mp_raw, str) and isinstance(day_raw, str):
            where += f" ({mp_raw[:12]} {day_raw[:12]})"
        try:
            unknown = sorted(set(row) - _RECORD_KEYS)
            if unknown:
                raise UsageError(f"unknown field {unknown[0]!r}")
            mp = values.check_marketplace(str(mp_raw or ""))
            if not mp:
                raise UsageError("marketplace: missing")
            day = _day_of(day_raw, "date")
            check_record_day(date.fromisoformat(day), datetime.now(UTC))
            metrics = {k: check_metric(k, row.get(k)) for k in METRICS}
            created = _ts(row["created_at"], "created_at") if row.get("created_at") else at
            updated = _ts(row["updated_at"], "updated_at") if row.get("updated_at") else at
        except (UsageError, ValueError) as exc:
            raise _fail(where, exc) from None
        if all(v is None for v in metrics.values()):
            raise UsageError(f"{where}: no metric in it")
        if conn.execute("SELECT 1 FROM health_records WHERE marketplace = ? AND day = ?",
                        (mp, day)).fetchone():  # fmt: skip
            report["health_records_skipped"] += 1
            continue
        conn.execute(
            f"INSERT INTO health_records(marketplace, day, {_COLS}, created_at, updated_at) "
            f"VALUES (?, ?, {', '.join('?' * len(METRICS))}, ?, ?)",
            (mp, day, *[_text(metrics[k]) for k in METRICS], created, updated),
        )
        report["health_records_imported"] += 1
    for n, row in enumerate(_list(data, "review_runs"), start=1):
        where = f"review run #{n}"
        if not isinstance(row, dict):
            raise UsageError(f"{where}: not an object")
        try:
            unknown = sorted(set(row) - _RUN_KEYS)
            if unknown:
                raise UsageError(f"unknown field {unknown[0]!r}")
            run_at = _ts(row.get("at"), "at")
            as_of = _day_of(row.get("as_of"), "as_of")
            mp = values.check_marketplace(str(row.get("marketplace") or ""))
            inventory = row.get("inventory", False)
            if not isinstance(inventory, bool):
                raise UsageError(f"inventory: expected true or false, got {inventory!r}")
            sources = row.get("sources", [])
            if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
                raise UsageError("sources: expected a list of objects")
        except (UsageError, ValueError) as exc:
            raise _fail(where, exc) from None
        if conn.execute("SELECT 1 FROM review_runs WHERE at = ? AND as_of = ? AND marketplace = ?",
                        (run_at, as_of, mp)).fetchone():  # fmt: skip
            continue
        conn.execute(
            "INSERT INTO review_runs(at, as_of, marketplace, inventory, sources) "
            "VALUES (?, ?, ?, ?, ?)",
            (run_at, as_of, mp, int(inventory), _clean_sources(sources)),
        )
        report["review_runs_imported"] += 1
    return report
