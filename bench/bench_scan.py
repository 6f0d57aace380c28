"""Benchmark: ``scan`` over a generated 1,000,000-row ledger, and over a 1,000,000-row folder
mixing every report type, each vs a bare ``csv`` pass over the same files.

Ledger: ``bench/out/ledger_<rows>.tsv`` (reused when present): a realistic mix of Shipments,
CustomerReturns, WhseTransfers, Receipts and Adjustments rows, with a fixed number (500) of
claim-coded adjustment events spread over the file, so the only state the scan keeps (keyed
candidate events) is the same at every size. Bar: ≤ 2.5×. Peak memory: the peak RSS of a fresh
subprocess scanning 100k rows vs 1M rows; bar: the 1M peak is at most 1.25× the 100k peak
(memory does not grow with the row count).

Mixed folder: ``bench/mixed_reports.py`` (every report type in realistic proportions, the
seller's cost and measurement CSVs included; see its docstring). Bar: ≤ 2.5×. Peak memory of a
fresh subprocess scanning the 1M-row folder; bar: under 400 MB (the refund and fee rules keep
per-order state, so memory may grow with orders, within that bar). Then each report type of
the folder alone (its own file): ratio and peak memory, informational (small files are mostly
fixed costs).

Every scan runs with the case-type catalog (loaded before timing, as the CLI has it), so every
rule works out its windows. Timing (``scan_timing.py``): bare pass and scan alternate, three
runs (five for the mixed folder's bar), CPU time of this process; the ratio is the median of
the runs' ratios.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HEADER = ["Date", "FNSKU", "ASIN", "MSKU", "Title", "Event Type", "Reference ID", "Quantity",
          "Fulfillment Center", "Disposition", "Reason", "Country", "Reconciled Quantity",
          "Unreconciled Quantity", "Date and Time", "Store"]  # fmt: skip
CLAIM_EVENTS = 500
RUNS = 3  # alternating bare pass and scan; the ratio is the median of the runs' ratios
MIXED_RUNS = 5  # the mixed folder's bar (its ratio moves most on a shared machine)


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


def mixed_rows() -> list[dict[str, object]]:
    """The mixed folder as a whole, then each report type alone (its file of the folder)."""
    from bench.mixed_reports import generate_mixed
    from bench.scan_timing import catalog, peak_mib, timed
    from casewriter.reports.sniff import sniff

    folder = generate_mixed(1_000_000)
    files = sorted(p for p in folder.iterdir() if p.is_file())
    cat = catalog()
    whole = timed(files, cat, runs=MIXED_RUNS)
    peak = peak_mib(files)
    size = sum(p.stat().st_size for p in files) >> 20
    print(f"mixed folder ({len(files)} files, {size} MiB): bare csv pass {whole.bare:.2f}s; scan "
          f"{whole.scan:.2f}s ({whole.findings} findings); ratio {whole.ratio:.2f} (median of "
          f"{MIXED_RUNS}, each run's ratios {', '.join(f'{r:.2f}' for r in whole.ratios)}); "
          f"peak RSS {peak:.1f} MiB")  # fmt: skip
    rows: list[dict[str, object]] = [
        {"name": "scan 1M rows mixing every report type", "value": round(whole.ratio, 2),
         "unit": "x baseline", "bar": 2.5, "ok": whole.ratio <= 2.5,
         "detail": f"median of {MIXED_RUNS}: scan {whole.scan:.2f}s vs bare csv {whole.bare:.2f}s, "
                   f"CPU time, {len(files)} files, {size} MiB"},
        {"name": "scan peak memory, 1M mixed rows", "value": round(peak, 1), "unit": "MiB",
         "bar": 400, "ok": peak < 400, "detail": "peak RSS of a fresh process"},
    ]  # fmt: skip
    for path in files:  # each type alone: what its reader and rules cost (no bar of its own)
        kind = sniff(path).type
        alone = timed([path], cat, runs=RUNS)
        mem = peak_mib([path])
        lines = sum(1 for _ in path.open("rb")) - 1
        print(f"  {kind:<24} {lines:>7} rows  ratio {alone.ratio:5.2f}  scan {alone.scan:.3f}s  "
              f"bare {alone.bare:.3f}s  peak {mem:.1f} MiB")  # fmt: skip
        rows.append({"name": f"  alone: {kind}", "value": round(alone.ratio, 2),
                     "unit": "x baseline", "bar": None, "ok": True,
                     "detail": f"{lines:,} rows, scan {alone.scan:.3f}s vs {alone.bare:.3f}s, "
                               f"peak {mem:.0f} MiB (informational: the bar is the folder's)"})  # fmt: skip
    return rows


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.scan_timing import catalog, peak_mib, timed

    big, small = generate(1_000_000), generate(100_000)
    cat = catalog()
    ledger = timed([big], cat, runs=RUNS)
    mem_small, mem_big = peak_mib([small]), peak_mib([big])
    growth = mem_big / mem_small
    print(f"ledger: bare csv pass {ledger.bare:.2f}s; scan {ledger.scan:.2f}s "
          f"({ledger.findings} findings); peak RSS 100k rows {mem_small:.1f} MiB, 1M rows "
          f"{mem_big:.1f} MiB")  # fmt: skip
    rows = [
        {"name": "scan 1M-row ledger", "value": round(ledger.ratio, 2), "unit": "x baseline",
         "bar": 2.5, "ok": ledger.ratio <= 2.5,
         "detail": f"median of {RUNS}: scan {ledger.scan:.2f}s vs bare csv {ledger.bare:.2f}s "
                   f"({big.stat().st_size >> 20} MiB), CPU time"},
        {"name": "scan peak memory 1M vs 100k rows", "value": round(growth, 2),
         "unit": "x baseline", "bar": 1.25, "ok": growth <= 1.25,
         "detail": f"{mem_big:.1f} MiB vs {mem_small:.1f} MiB (peak RSS)"},
    ]  # fmt: skip
    rows += mixed_rows()
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
