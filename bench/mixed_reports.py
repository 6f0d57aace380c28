"""A benchmark folder mixing every report type ``scan`` reads, in realistic proportions.

``generate_mixed(rows)`` writes ``bench/out/mixed_<rows>_v<VERSION>/`` (reused when present): one
file per report type, sized by ``SHARES`` — the ledger about half of all rows, settlements (both
layouts) a quarter, the order reports a sixth, returns, reimbursements, removals, inbound,
snapshots and legacy files the rest — for a seller with 400 SKUs over 18 months (2025-01-01 to
2026-06-30). The rows come from ``mixed_shop.py`` (the seller and its sales reports: six
Settlement V2 amounts per order, about 5 % of orders refunded, returns of several dispositions,
reimbursements of every reason, payments inside settlements) and ``mixed_stock.py`` (removal
orders and packages, inbound, ledger, researching units, Fee Preview, storage fees, stranded
inventory, the seller's cost and measurement CSVs: every rule has something to read). Headers
come from ``tests/report_headers.py`` (the documented ones).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from bench.mixed_shop import SKUS, Shop, sales_makers
from bench.mixed_stock import stock_makers

OUT = Path(__file__).resolve().parent / "out"
VERSION = 2  # of what the folder holds: a new version is generated afresh

#: report file → share of all rows (the ledger takes what is left)
SHARES: dict[str, float] = {
    "settlement_v2.txt": 0.20, "settlement_flat.txt": 0.04, "all_orders.txt": 0.08,
    "fulfilled_shipments.txt": 0.08, "customer_returns.txt": 0.03, "reimbursements.txt": 0.01,
    "ledger_summary.txt": 0.015, "removal_order_detail.txt": 0.005,
    "removal_shipment_detail.txt": 0.005, "inbound_shipment_items.txt": 0.005,
    "storage_fees.txt": 0.005, "inventory_planning.txt": 0.005, "seller_returns.txt": 0.005,
    "legacy_adjustments.txt": 0.005, "legacy_inventory_events.txt": 0.005,
    "legacy_receipts.txt": 0.002, "stranded_inventory.txt": 0.00005,
}  # fmt: skip
#: snapshot reports: one row per SKU
PER_SKU = ("fee_preview.txt", "manage_inventory.txt", "restock.txt", "afn_inventory.txt",
           "costs.csv", "measurements.csv")  # fmt: skip


def _rows(
    header: list[str], make: Callable[[int], dict[str, object]], count: int, sep: str = "\t"
) -> Iterator[str]:
    yield sep.join(header)
    for n in range(count):
        cells = make(n)
        yield sep.join(str(cells.get(h, "")) for h in header)


def _write(path: Path, lines: Iterator[str]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        for line in lines:
            fh.write(line + "\r\n")
    tmp.replace(path)


def generate_mixed(rows: int) -> Path:
    folder = OUT / f"mixed_{rows}_v{VERSION}"
    if (folder / "ledger_detail.txt").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    shop = Shop(rows)
    counts = {name: max(1, int(rows * share)) for name, share in SHARES.items()}
    counts["ledger_detail.txt"] = rows - sum(counts.values()) - SKUS * len(PER_SKU)
    makers = sales_makers(shop, counts) | stock_makers(shop, counts)
    for name, count in counts.items():
        header, make = makers[name]
        _write(folder / name, _rows(header, make, count))
    for name in PER_SKU:
        header, make = makers[name]
        _write(folder / name, _rows(header, make, SKUS, "," if name.endswith(".csv") else "\t"))
    return folder
