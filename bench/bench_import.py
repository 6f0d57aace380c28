"""Case-log import benchmark: ``casewriter log import`` of a 100,000-case export, peak memory
≤ 1 GB (the import streams the file and checks each case as it inserts it).

The export is written from the same generated cases as ``bench_store.py`` (cached as
``bench/out/bench_import_d<data>.json``, gitignored), then imported by the real command in a
child process with an empty home; its peak resident memory is the child's ``ru_maxrss``.
Prints a JSON list of rows as its last stdout line.
"""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_store import DATA_VERSION, N_CASES, OUT, _rows  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
EXPORT = OUT / f"bench_import_d{DATA_VERSION}.json"
BAR_MB = 1024


def write_export(path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(
            '{"format": "casewriter-log", "version": 1, "exported_at": "2026-06-01T12:00:00Z",'
        )
        fh.write('\n"cases": [\n')
        for n, row in enumerate(_rows(random.Random(7))):
            fh.write(",\n" if n else "")
            fh.write(json.dumps(row, ensure_ascii=False, indent=2))
        fh.write("\n]}\n")
    tmp.replace(path)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for stale in OUT.glob("bench_import_d*.json"):
        if stale != EXPORT:
            stale.unlink()
    if not EXPORT.exists():
        write_export(EXPORT)
    size_mb = EXPORT.stat().st_size / 2**20
    home = OUT / "import-home"
    shutil.rmtree(home, ignore_errors=True)
    env = {**os.environ, "CASEWRITER_HOME": str(home), "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", "log", "import", str(EXPORT), "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    imported = json.loads(proc.stdout)["imported"] if proc.returncode == 0 else 0
    shutil.rmtree(home, ignore_errors=True)
    ok = proc.returncode == 0 and imported == N_CASES and peak_mb <= BAR_MB
    detail = (
        f"{imported} cases from a {size_mb:.0f} MB export in {seconds:.0f} s"
        if proc.returncode == 0
        else f"failed: {proc.stderr.strip()[-200:]}"
    )
    row = {
        "name": "log import 100k: peak memory",
        "value": round(peak_mb, 1),
        "unit": "MB",
        "bar": BAR_MB,
        "ok": ok,
        "detail": detail,
    }
    print(json.dumps([row], ensure_ascii=False))


if __name__ == "__main__":
    main()
