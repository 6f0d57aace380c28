"""The Health screen's test data: the US sample seller of ``tests/data/health/cedarpine`` (four
weekly Account Health records, three planning snapshots, Manage FBA Inventory, stranded,
restock, Fee Preview and measurements), "today" fixed at its review date."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from casewriter.tui.services import Services

CEDARPINE = Path(__file__).resolve().parents[1] / "data" / "health" / "cedarpine"
AS_OF = date(2026, 11, 12)
NOW = datetime(2026, 11, 12, 10, 0, tzinfo=UTC)


def now() -> datetime:
    return NOW


def record_account(services: Services, folder: Path = CEDARPINE) -> int:
    """Log the seller's account records (``account.json``) through the store API."""
    data = json.loads((folder / "account.json").read_text(encoding="utf-8"))
    for row in data["health_records"]:
        row = dict(row)
        marketplace, day = row.pop("marketplace"), date.fromisoformat(row.pop("date"))
        services.store.record_health(marketplace, day, row, NOW)
    return len(data["health_records"])


def run_cli_review(services: Services, folder: Path = CEDARPINE) -> None:
    """What ``casewriter health FOLDER --marketplace US`` does: review and remember the run."""
    from casewriter.health import run_review

    run_review(services.store, [str(folder)], catalog=services.engine.catalog,
               settings=services.settings, as_of=AS_OF, marketplace="US")  # fmt: skip
