"""Benchmark: ``casewriter health`` over a year of weekly planning snapshots for 5,000 SKUs plus
the other inventory reports, against a bare ``csv`` pass over the same files.

Generates ``bench/out/health_<skus>x<weeks>/`` (reused when present): one planning report per
week (the full 2026 header, every SKU every week), Manage FBA Inventory, restock, stranded, Fee
Preview and monthly storage fees for the same SKUs. Times a bare ``csv.reader`` pass over every
file and ``casewriter.health.build_review`` over the folder in this run (best of 3 each, CPU
time of this process: both are single-threaded, and the 2-core machine is shared, so wall time
would measure the neighbours); bar: ≤ 2×. Peak memory: ``ru_maxrss`` of a fresh subprocess reviewing 13 weeks vs 52 weeks of
snapshots (same SKUs, same other reports); bar: the 52-week peak is at most 1.25× the 13-week
one (memory does not grow with the number of snapshots).
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

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SKUS = 5000


def _headers() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    from tests.report_headers import (
        FEE_PREVIEW_US,
        MANAGE_INVENTORY,
        PLANNING,
        RESTOCK,
        STORAGE_FEES,
        STRANDED,
    )

    return {"planning": PLANNING, "manage": MANAGE_INVENTORY, "restock": RESTOCK,
            "stranded": STRANDED, "fees": FEE_PREVIEW_US, "storage": STORAGE_FEES}  # fmt: skip


def _write(path: Path, header: list[str], rows: list[dict[str, object]], sep: str = "\t") -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(sep.join(header) + "\r\n")
        for r in rows:
            fh.write(sep.join(str(r.get(h, "")) for h in header) + "\r\n")


def generate(weeks: int, skus: int = SKUS) -> Path:
    folder = OUT / f"health_{skus}x{weeks}"
    if (folder / ".done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    h = _headers()
    rnd = random.Random(weeks)
    items = [(f"SKU-{i:05d}", f"X0{i:08d}", f"B0{i:08d}", round(5 + (i % 90) * 0.5, 2))
             for i in range(skus)]  # fmt: skip
    last = date(2026, 11, 2)
    for w in range(weeks):
        day = (last - timedelta(days=7 * (weeks - 1 - w))).isoformat()
        rows = []
        for sku, fnsku, asin, price in items:
            avail = rnd.randint(0, 400)
            ages = [rnd.randint(0, 100) for _ in range(5)]
            rows.append({
                "snapshot-date": day, "sku": sku, "fnsku": fnsku, "asin": asin,
                "product-name": f"Product {sku} – “café” edition", "condition": "New",
                "available": avail, "pending-removal-quantity": 0,
                "inv-age-0-to-90-days": ages[0], "inv-age-91-to-180-days": ages[1],
                "inv-age-181-to-270-days": ages[2], "inv-age-271-to-365-days": ages[3],
                "inv-age-365-plus-days": ages[4], "currency": "USD",
                "qty-to-be-charged-ltsf-11-mo": rnd.randint(0, 5),
                "qty-to-be-charged-ltsf-12-mo": rnd.randint(0, 5),
                "estimated-ltsf-next-charge": f"{rnd.random() * 20:.2f}",
                "units-shipped-t7": rnd.randint(0, 30), "units-shipped-t30": rnd.randint(0, 120),
                "units-shipped-t60": rnd.randint(0, 240), "units-shipped-t90": rnd.randint(0, 360),
                "your-price": f"{price:.2f}", "sales-price": f"{price:.2f}",
                "sell-through": f"{rnd.random() * 2:.2f}", "marketplace": "US",
                "days-of-supply": rnd.randint(1, 400),
                "estimated-excess-quantity": rnd.randint(0, avail or 1),
                "estimated-storage-cost-next-month": f"{rnd.random() * 8:.2f}",
                "unfulfillable-quantity": rnd.randint(0, 3), "storage-type": "Standard",
                "item-volume": "0.12", "volume-unit-measurement": "cubic feet",
            })  # fmt: skip
        _write(folder / f"FBA_Inventory_{day}.txt", h["planning"], rows)
    _write(folder / "manage.txt", h["manage"], [
        {"sku": s, "fnsku": f, "asin": a, "condition": "New", "your-price": p,
         "afn-listing-exists": "Yes", "afn-fulfillable-quantity": 10,
         "afn-unsellable-quantity": rnd.randint(0, 2), "afn-researching-quantity": rnd.randint(0, 1)}
        for s, f, a, p in items
    ])  # fmt: skip
    _write(folder / "restock.txt", h["restock"], [
        {"Country": "US", "Merchant SKU": s, "FNSKU": f, "ASIN": a, "Currency code": "USD",
         "Price": p, "Units Sold Last 30 Days": 20,
         "Total Days of Supply (including units from open shipments)": rnd.randint(1, 200),
         "Recommended replenishment qty": 50, "Recommended ship date": "11/20/2026"}
        for s, f, a, p in items
    ])  # fmt: skip
    _write(folder / "stranded.csv", h["stranded"], [
        {"primary-action": "Relist", "date-stranded": "2026-10-01", "sku": s, "fnsku": f,
         "asin": a, "fulfilled-by": "Amazon", "fulfillable-qty": 3, "your-price": p,
         "Date-to-take-auto-removal": "2026-11-30"}
        for s, f, a, p in items[:50]
    ], sep=",")  # fmt: skip
    _write(folder / "fee_preview.txt", h["fees"], [
        {"sku": s, "fnsku": f, "asin": a, "fulfilled-by": "Amazon", "your-price": p,
         "longest-side": "10.0", "median-side": "8.0", "shortest-side": "2.0",
         "unit-of-dimension": "inches", "item-package-weight": "0.9", "unit-of-weight": "pounds",
         "product-size-tier": "Large Standard", "currency": "USD",
         "expected-fulfillment-fee-per-unit": "4.55"}
        for s, f, a, p in items
    ])  # fmt: skip
    _write(folder / "storage.txt", h["storage"], [
        {"asin": a, "fnsku": f, "fulfillment_center": "ONT8", "country_code": "US",
         "item_volume": "0.12", "volume_units": "cubic feet", "product_size_tier": "Standard",
         "average_quantity_on_hand": "10", "estimated_total_item_volume": "1.2",
         "month_of_charge": "2026-10", "storage_rate": "0.78", "currency": "USD",
         "estimated_monthly_storage_fee": "0.94"}
        for s, f, a, p in items
    ])  # fmt: skip
    (folder / ".done").write_text("", encoding="utf-8")
    return folder


def bare_pass(folder: Path) -> float:
    started = time.process_time()
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        with path.open("r", encoding="utf-8-sig", newline="") as fh:
            for _row in csv.reader(fh, delimiter="," if path.suffix == ".csv" else "\t"):
                pass
    return time.process_time() - started


def health_pass(folder: Path) -> tuple[float, int]:
    from casewriter.engine import Catalog
    from casewriter.health.review import build_review
    from casewriter.health.targets import Targets
    from casewriter.paths import AppPaths

    catalog = Catalog.load(AppPaths.under(OUT / "home"))
    started = time.process_time()
    review = build_review([folder], [], catalog=catalog, targets=Targets(),
                          as_of=date(2026, 11, 5), marketplace="US")  # fmt: skip
    return time.process_time() - started, len(review.actions)


_PEAK = """
import resource, sys
from datetime import date
from pathlib import Path
from casewriter.engine import Catalog
from casewriter.health.review import build_review
from casewriter.health.targets import Targets
from casewriter.paths import AppPaths
catalog = Catalog.load(AppPaths.under(Path(sys.argv[2])))
build_review([Path(sys.argv[1])], [], catalog=catalog, targets=Targets(),
             as_of=date(2026, 11, 5), marketplace="US")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_kib(folder: Path) -> int:
    proc = subprocess.run([sys.executable, "-c", _PEAK, str(folder), str(OUT / "home")],
                          capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    return int(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT))
    year, quarter = generate(52), generate(13)
    bare = min(bare_pass(year) for _ in range(3))
    runs = [health_pass(year) for _ in range(3)]
    best = min(t for t, _ in runs)
    ratio = best / bare
    mem_small, mem_big = peak_kib(quarter), peak_kib(year)
    growth = mem_big / mem_small
    size = sum(p.stat().st_size for p in year.iterdir()) >> 20
    print(f"bare csv pass {bare:.2f}s; health {best:.2f}s ({runs[0][1]} actions); peak RSS "
          f"13 weeks {mem_small / 1024:.1f} MiB, 52 weeks {mem_big / 1024:.1f} MiB")  # fmt: skip
    rows = [
        {"name": "health 52 weekly snapshots x 5,000 SKUs", "value": round(ratio, 2),
         "unit": "x baseline", "bar": 2.0, "ok": ratio <= 2.0,
         "detail": f"health {best:.2f}s vs bare csv {bare:.2f}s ({size} MiB, 57 files)"},
        {"name": "health peak memory 52 vs 13 weeks", "value": round(growth, 2),
         "unit": "x baseline", "bar": 1.25, "ok": growth <= 1.25,
         "detail": f"{mem_big / 1024:.1f} MiB vs {mem_small / 1024:.1f} MiB (ru_maxrss)"},
    ]  # fmt: skip
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
