"""Render one case warm (Engine built once): median ms per render against the 5 ms bar; and the
same render with its duplicate lookup in a log of ``LOG_CASES`` cases (one indexed query,
``services.duplicates``), as ``render`` and the wizard do it, against the same bar."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casewriter.config import Settings  # noqa: E402
from casewriter.engine import (
    Engine,  # noqa: E402
    load_case_file,  # noqa: E402
)
from casewriter.paths import AppPaths  # noqa: E402

BAR_MS = 5.0
LOG_CASES = 20_000
"""Warehouse cases in the benchmark log: 200 FNSKUs, each in 100 cases (sellers file many
cases per product), every one with its own ledger reference."""
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "templates" / "examples" / "inbound-missing-units.toml"
)
WAREHOUSE = EXAMPLE.with_name("warehouse-lost.toml")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = Engine.load(AppPaths.under(Path(tmp)), Settings(), strict=False)
        draft = load_case_file(EXAMPLE, engine.catalog)
        draft = draft.model_copy(update={"oer": True})
        as_of = date(2026, 5, 1)
        for _ in range(20):  # warm: templates compiled, caches filled
            engine.render(draft, as_of=as_of)
        samples = []
        for _ in range(300):
            start = time.perf_counter()
            engine.render(draft, as_of=as_of)
            samples.append((time.perf_counter() - start) * 1000)
        median = statistics.median(samples)
        p95 = sorted(samples)[int(len(samples) * 0.95)]
        rows = [{"name": "render one case (warm, with OER)", "value": round(median, 3), "unit": "ms",
                 "bar": BAR_MS, "ok": median <= BAR_MS,
                 "detail": f"median of 300, p95 {p95:.3f} ms, inbound-missing-units"}]  # fmt: skip
        rows.append(with_duplicates(engine, Path(tmp), as_of))
    print(json.dumps(rows))


def with_duplicates(engine: Engine, tmp: Path, as_of: date) -> dict[str, object]:
    """Render a warehouse case and look for the same problem in a log of ``LOG_CASES``."""
    from casewriter.services.duplicates import check_rendered
    from casewriter.store import CaseStore
    from casewriter.store.rows import normalize_identifiers

    paths = AppPaths.under(tmp / "log")
    store = CaseStore.open(paths)
    fnskus = [f"X00{n:07d}" for n in range(200)]
    with store._tx() as conn:  # one transaction: building the log is not what is measured
        for n in range(LOG_CASES):
            cur = conn.execute(
                "INSERT INTO cases(case_type, subject, created_at, updated_at) "
                "VALUES ('warehouse-lost', 'bench', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
            )
            pairs = normalize_identifiers(
                [("fnsku", fnskus[n % 200]), ("reference_id", f"{79315640000000 + n}")]
            )
            conn.executemany(
                "INSERT INTO identifiers(case_id, kind, value) VALUES (?, ?, ?)",
                [(cur.lastrowid, k, v) for k, v in pairs],
            )
    draft = load_case_file(WAREHOUSE, engine.catalog)
    ct = engine.catalog.get(draft.case_type)
    draft = draft.model_copy(
        update={
            "evidence": {
                **draft.evidence,
                "fnsku": [fnskus[7]],
                "reference_id": [f"{79315640000000 + 1207}"],
            }
        }  # fmt: skip
    )
    found = check_rendered(store, ct, engine.render(draft, as_of=as_of))
    assert [d.id for d in found.duplicates] == ["CW-001208"], found.duplicates
    samples = []
    for _ in range(300):
        start = time.perf_counter()
        check_rendered(store, ct, engine.render(draft, as_of=as_of))
        samples.append((time.perf_counter() - start) * 1000)
    store.close()
    median = statistics.median(samples)
    p95 = sorted(samples)[int(len(samples) * 0.95)]
    return {"name": "render + duplicate lookup (warm)", "value": round(median, 3), "unit": "ms",
            "bar": BAR_MS, "ok": median <= BAR_MS,
            "detail": f"median of 300, p95 {p95:.3f} ms, warehouse-lost in a log of "
                      f"{LOG_CASES:,} cases (each FNSKU in 100)"}  # fmt: skip


if __name__ == "__main__":
    main()
