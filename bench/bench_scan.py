"""Benchmark: ``scan`` over a generated 1,000,000-row ledger, and over a 1,000,000-row folder
mixing every report type, each vs a bare ``csv`` pass over the same files.

Ledger: ``bench/out/ledger_<rows>.tsv`` (reused when present): a realistic mix of Shipments,
CustomerReturns, WhseTransfers, Receipts and Adjustments rows, with a fixed number (500) of
claim-coded adjustment events spread over the file, so the only state the scan keeps (keyed
candidate events) is the same at every size. Times a bare ``csv.reader`` pass and
``casewriter.reports.scan`` over the same file in this run (best of 2 each); bar: ≤ 2.5×.
Peak memory: ``ru_maxrss`` of a fresh subprocess scanning 100k rows vs 1M rows; bar: the 1M
peak is at most 1.25× the 100k peak (memory does not grow with the row count).

Mixed folder: ``bench/mixed_reports.py`` (every report type in realistic proportions; see its
docstring). The scan runs with the case-type catalog (loaded before timing, as the CLI has it),
so every money rule works out its windows. Bare pass and scan alternate, best of 3 each, in
CPU time (this process only: a shared machine's load moves wall-clock times by ±30 %); bar:
≤ 2.5×. Peak memory of a fresh subprocess scanning the 1M-row folder; bar: under 400 MB (the
refund rules keep per-order state, so memory may grow with orders, within that bar).
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HEADER = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity",
          "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity",
          "Unreconciled Quantity", "Date and Time", "Store"]  # fmt: skip
CLAIM_EVENTS = 500


def generate(rows: int) -> Path:
    path = OUT / f"ledger_{rows}.tsv"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(rows)
    skus = [
        (f"X00{i:07d}", f"B0{i:08d}", f"SKU-{i:05d}", f"Product {i} – “quoted” café")
        for i in range(400)
    ]
    start = date(2025, 1, 1)
    every = max(1, rows // CLAIM_EVENTS)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\ufeff" + "\t".join(HEADER) + "\r\n")
        for n in range(rows):
            fnsku, asin, sku, title = skus[rnd.randrange(len(skus))]
            day = start + timedelta(days=n * 540 // rows)
            d, iso = day.strftime("%m/%d/%Y"), day.isoformat() + "T00:00:00-0700"
            ref, reason, rec, unrec, disp = "", "", "", "", "SELLABLE"
            if n % every == every - 1:
                event, qty, reason = "Adjustments", -rnd.randint(1, 3), rnd.choice("ME65HK")
                ref, rec = str(20000000000000 + n), "0"
                unrec = str(-qty)
            else:
                kind = rnd.random()
                if kind < 0.80:
                    event, qty = "Shipments", -1
                elif kind < 0.90:
                    event, qty, disp = "CustomerReturns", 1, rnd.choice(("SELLABLE", "DEFECTIVE"))
                elif kind < 0.96:
                    event, qty = "WhseTransfers", rnd.choice((-6, 6))
                elif kind < 0.99:
                    event, qty, ref = "Receipts", rnd.randint(10, 60), f"FBA17{n % 900:07d}"
                else:
                    event, qty, reason = "Adjustments", rnd.choice((-1, 1)), rnd.choice("PQ")
                    ref = str(30000000000000 + n)
            fh.write("\t".join((d, fnsku, asin, sku, title, event, ref, str(qty), "ONT8", disp,
                                reason, "US", rec, unrec, iso, "")) + "\r\n")  # fmt: skip
    tmp.replace(path)
    return path


def bare_pass(path: Path) -> float:
    started = time.perf_counter()
    with path.open("r", encoding="utf-8-sig", newline="") as fh:
        for _row in csv.reader(fh, delimiter="\t"):
            pass
    return time.perf_counter() - started


def scan_pass(path: Path) -> tuple[float, int]:
    from casewriter.reports import scan

    started = time.perf_counter()
    result = scan([path], as_of=date(2026, 6, 30), marketplace="US", catalog=None)
    return time.perf_counter() - started, len(result.findings)


_PEAK = """
import resource, sys
from datetime import date
from pathlib import Path
from typing import Any
from casewriter.reports import scan
scan([Path(sys.argv[1])], as_of=date(2026, 6, 30), marketplace="US", catalog=None)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kib(path: Path) -> int:
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True,
                          text=True, check=True, cwd=ROOT)  # fmt: skip
    return int(proc.stdout.strip().splitlines()[-1])


def bare_folder(files: list[Path]) -> float:
    started = time.process_time()
    for path in files:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            for _row in csv.reader(fh, delimiter="," if path.suffix == ".csv" else "\t"):
                pass
    return time.process_time() - started


def scan_folder(files: list[Path], catalog: Any) -> tuple[float, int]:
    from casewriter.reports import scan

    started = time.process_time()
    result = scan(files, as_of=date(2026, 6, 30), marketplace="US", catalog=catalog)
    return time.process_time() - started, len(result.findings)


_PEAK_FOLDER = """
import resource, sys
from datetime import date
from pathlib import Path
from typing import Any
from casewriter.engine import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.is_file())
catalog = Catalog.load(AppPaths.under(Path(sys.argv[2])))
scan(files, as_of=date(2026, 6, 30), marketplace="US", catalog=catalog)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_folder_kib(folder: Path) -> int:
    import tempfile

    with tempfile.TemporaryDirectory() as home:
        proc = subprocess.run([sys.executable, "-c", _PEAK_FOLDER, str(folder), home],
                              capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    return int(proc.stdout.strip().splitlines()[-1])


def mixed_rows() -> list[dict[str, object]]:
    import tempfile

    from bench.mixed_reports import generate_mixed
    from casewriter.engine import Catalog
    from casewriter.paths import AppPaths

    folder = generate_mixed(1_000_000)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    with tempfile.TemporaryDirectory() as home:
        catalog = Catalog.load(AppPaths.under(Path(home)))
    bares, scans = [], []
    for _ in range(3):  # alternate, so a burst of load hits both sides alike
        bares.append(bare_folder(files))
        scans.append(scan_folder(files, catalog))
    bare, best = min(bares), min(t for t, _ in scans)
    ratio = best / bare
    peak = peak_folder_kib(folder) / 1024
    size = sum(p.stat().st_size for p in files) >> 20
    print(f"mixed folder ({len(files)} files, {size} MiB): bare csv pass {bare:.2f}s; scan "
          f"{best:.2f}s ({scans[0][1]} findings); peak RSS {peak:.1f} MiB")  # fmt: skip
    return [
        {"name": "scan 1M rows mixing every report type", "value": round(ratio, 2),
         "unit": "x baseline", "bar": 2.5, "ok": ratio <= 2.5,
         "detail": f"scan {best:.2f}s vs bare csv {bare:.2f}s, CPU time, {len(files)} files, "
                   f"{size} MiB"},
        {"name": "scan peak memory, 1M mixed rows", "value": round(peak, 1), "unit": "MiB",
         "bar": 400, "ok": peak < 400, "detail": "ru_maxrss of a fresh process"},
    ]  # fmt: skip


def main() -> None:
    sys.path.insert(0, str(ROOT))
    big, small = generate(1_000_000), generate(100_000)
    bare = min(bare_pass(big) for _ in range(2))
    runs = [scan_pass(big) for _ in range(2)]
    best = min(t for t, _ in runs)
    ratio = best / bare
    mem_small, mem_big = peak_kib(small), peak_kib(big)
    growth = mem_big / mem_small
    print(f"bare csv pass {bare:.2f}s; scan {best:.2f}s ({runs[0][1]} findings); "
          f"peak RSS 100k rows {mem_small / 1024:.1f} MiB, 1M rows {mem_big / 1024:.1f} MiB")  # fmt: skip
    rows = [
        {"name": "scan 1M-row ledger", "value": round(ratio, 2), "unit": "x baseline",
         "bar": 2.5, "ok": ratio <= 2.5,
         "detail": f"scan {best:.2f}s vs bare csv {bare:.2f}s ({big.stat().st_size >> 20} MiB)"},
        {"name": "scan peak memory 1M vs 100k rows", "value": round(growth, 2),
         "unit": "x baseline", "bar": 1.25, "ok": growth <= 1.25,
         "detail": f"{mem_big / 1024:.1f} MiB vs {mem_small / 1024:.1f} MiB (ru_maxrss)"},
    ]  # fmt: skip
    rows += mixed_rows()
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
