"""Case-log statistics: counts by status and case type, resolution rate, median days from
filing to resolution, and expected vs received reimbursement per currency (exact decimals).
A stored time or amount that cannot be read is left out of the figures and counted in
``invalid_values`` (``log show`` names them), never an error.
"""

from __future__ import annotations

import sqlite3
import statistics
from decimal import Decimal
from typing import Any

from casewriter.store.model import STATUSES
from casewriter.store.values import Cells


def stats(conn: sqlite3.Connection, *, profile: str | None = None) -> dict[str, Any]:
    where = " WHERE profile = ?" if profile else ""
    params: list[Any] = [profile] if profile else []
    by_status = dict.fromkeys(STATUSES, 0)
    for status, n in conn.execute(
        f"SELECT status, count(*) FROM cases{where} GROUP BY status", params
    ):
        by_status[str(status)] = int(n)
    by_type = {
        str(t): int(n)
        for t, n in conn.execute(
            f"SELECT case_type, count(*) FROM cases{where} GROUP BY case_type ORDER BY 2 DESC, 1",
            params,
        )
    }
    decided = by_status["resolved"] + by_status["denied"]
    cells = Cells()
    days: list[float] = []
    and_profile = " AND profile = ?" if profile else ""
    for filed, resolved in conn.execute(
        "SELECT coalesce(filed_at, created_at), resolved_at FROM cases "
        f"WHERE status = 'resolved' AND resolved_at IS NOT NULL{and_profile}",
        params,
    ):
        start, end = cells.ts("filed_at", filed), cells.ts("resolved_at", resolved)
        if start and end:
            days.append(max(0.0, (end - start).total_seconds() / 86400))
    amounts: dict[str, dict[str, Decimal]] = {}
    for currency, expected, received in conn.execute(
        "SELECT currency, expected_amount, received_amount FROM cases "
        f"WHERE (expected_amount IS NOT NULL OR received_amount IS NOT NULL){and_profile}",
        params,
    ):
        exp = cells.amount("expected_amount", expected)
        rec = cells.amount("received_amount", received)
        if exp is None and rec is None:
            continue
        key = currency if isinstance(currency, str) else ""
        slot = amounts.setdefault(key, {"expected": Decimal(0), "received": Decimal(0)})
        if exp is not None:
            slot["expected"] += exp
        if rec is not None:
            slot["received"] += rec
    total = sum(by_status.values())
    return {
        "total": total,
        "open": total - by_status["resolved"] - by_status["denied"] - by_status["closed"],
        "by_status": by_status,
        "by_type": by_type,
        "resolution_rate": round(by_status["resolved"] / decided, 4) if decided else None,
        "median_days_to_resolution": round(statistics.median(days), 1) if days else None,
        "amounts": {
            cur: {"expected": str(v["expected"]), "received": str(v["received"])}
            for cur, v in sorted(amounts.items())
        },
        "invalid_values": len(cells.invalid),
    }
