"""Render one case warm (Engine built once): median ms per render against the 5 ms bar."""

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
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "templates" / "examples" / "inbound-missing-units.toml"
)


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
    rows = [{"name": "render one case (warm, with OER)", "value": round(median, 3), "unit": "ms", "bar": BAR_MS,
             "ok": median <= BAR_MS, "detail": f"median of 300, p95 {p95:.3f} ms, inbound-missing-units"}]  # fmt: skip
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
