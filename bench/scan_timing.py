"""Timing helpers of ``bench_scan.py``: a bare ``csv`` pass and a ``scan`` over the same files,
in CPU time of this process (a shared machine's load moves wall-clock times by ±30 %), taken in
alternation so that a burst of load hits both sides alike; the ratio is the median of the
runs' ratios. Peak memory is the high-water mark of a fresh process that scans the files.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 6, 30)


def catalog() -> Any:
    """The built-in case-type catalog, loaded before timing (as the CLI has it)."""
    from casewriter.engine import Catalog
    from casewriter.paths import AppPaths

    with tempfile.TemporaryDirectory() as home:
        return Catalog.load(AppPaths.under(Path(home)))


def bare_pass(files: list[Path]) -> float:
    """CPU seconds of a bare ``csv.reader`` pass over ``files`` (tab-separated, ``.csv`` comma)."""
    started = time.process_time()
    for path in files:
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            for _row in csv.reader(fh, delimiter="," if path.suffix == ".csv" else "\t"):
                pass
    return time.process_time() - started


def scan_pass(files: list[Path], cat: Any) -> tuple[float, int]:
    """CPU seconds of ``scan`` over ``files``, and how many findings it made."""
    from casewriter.reports import scan

    started = time.process_time()
    result = scan(files, as_of=AS_OF, marketplace="US", catalog=cat)
    return time.process_time() - started, len(result.findings)


@dataclass
class Timing:
    bare: float  # median CPU seconds of the bare pass
    scan: float  # median CPU seconds of the scan
    ratio: float  # median of the runs' scan / bare ratios
    findings: int
    ratios: list[float]  # each run's, in order


def timed(files: list[Path], cat: Any, runs: int = 3) -> Timing:
    """Bare pass and scan in alternation, ``runs`` times each."""
    bares, scans, ratios = [], [], []
    found = 0
    for _ in range(runs):
        bare = bare_pass(files)
        spent, found = scan_pass(files, cat)
        bares.append(bare)
        scans.append(spent)
        ratios.append(spent / max(bare, 1e-9))
    return Timing(statistics.median(bares), statistics.median(scans), statistics.median(ratios),
                  found, ratios)  # fmt: skip


# The peak is the process's own high-water mark (VmHWM, Linux): ru_maxrss would also count the
# memory of the process it was forked from (this one, after scanning a million rows).
_PEAK = """
import resource, sys
from datetime import date
from pathlib import Path
from casewriter.engine import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan
files = [Path(p) for p in sys.argv[2:]]
catalog = Catalog.load(AppPaths.under(Path(sys.argv[1])))
scan(files, as_of=date(2026, 6, 30), marketplace="US", catalog=catalog)
try:
    status = Path("/proc/self/status").read_text()
    print(next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmHWM:")))
except (OSError, StopIteration):
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mib(files: list[Path]) -> float:
    """Peak resident memory (MiB) of a fresh process scanning ``files`` (its own high-water
    mark, not its parent's)."""
    with tempfile.TemporaryDirectory() as home:
        proc = subprocess.run([sys.executable, "-c", _PEAK, home, *map(str, files)],
                              capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    return int(proc.stdout.strip().splitlines()[-1]) / 1024
