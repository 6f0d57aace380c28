"""Run every benchmark (``bench/bench_*.py``) in its own process and print each bar.

Each script prints, as its last stdout line, a JSON list of rows
``{"name", "value", "unit", "bar", "ok", "detail"}`` (see bench/README.md). This runner prints
one table, writes ``bench/out/latest.json`` and exits 1 if any bar is missed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def run_script(script: Path) -> list[dict[str, object]]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=BENCH_DIR.parent
    )
    elapsed = time.perf_counter() - started
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return [{"name": script.stem, "value": None, "unit": "", "bar": None, "ok": False,
                 "detail": f"failed after {elapsed:.0f}s: {tail}"}]  # fmt: skip
    try:
        rows = json.loads(lines[-1])
    except json.JSONDecodeError:
        return [{"name": script.stem, "value": None, "unit": "", "bar": None, "ok": False,
                 "detail": f"last line is not JSON: {lines[-1][:80]}"}]  # fmt: skip
    return list(rows)


def fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return "—" if value is None else str(value)


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if wanted:
        scripts = [
            s for s in scripts if s.stem in wanted or s.stem.removeprefix("bench_") in wanted
        ]
    all_rows: list[dict[str, object]] = []
    for script in scripts:
        print(f"running {script.name} …", file=sys.stderr, flush=True)
        all_rows.extend(run_script(script))
    width = max([len(str(r["name"])) for r in all_rows] + [9])
    print(f"{'benchmark':<{width}}  {'measured':>10}  {'bar':>8}  unit          result")
    for row in all_rows:
        verdict = "met" if row.get("ok") else "MISSED"
        print(
            f"{row['name']!s:<{width}}  {fmt(row.get('value')):>10}  {fmt(row.get('bar')):>8}  "
            f"{row.get('unit', '')!s:<12}  {verdict}  {row.get('detail', '')}"
        )
    out = BENCH_DIR / "out"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(all_rows, indent=2), encoding="utf-8")
    return 0 if all(r.get("ok") for r in all_rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
