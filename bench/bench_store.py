"""Case-log benchmark: 100,000 cases — a list page ≤ 20 ms, full-text search ≤ 60 ms, due ≤ 20 ms.

The 100k log is built once through the bulk import path (plain inserts, then one rebuild of
both full-text indexes) and cached as ``bench/out/bench_store_v<schema>_d<data>.db``
(gitignored): a new schema version or a new ``DATA_VERSION`` of the generated cases builds a new
one (older caches are deleted); delete it to rebuild. Chinese queries — common, rare (~0.1 % of
cases), absent, one character, mixed with Latin terms — are held to the same 60 ms bar. Each
figure is the median of repeated warm runs. Prints a JSON list of rows as its last stdout line.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from casewriter.paths import AppPaths  # noqa: E402
from casewriter.store import STATUSES, CaseStore  # noqa: E402
from casewriter.store.migrations import LATEST  # noqa: E402

N_CASES = 100_000
OUT = Path(__file__).resolve().parent / "out"
DATA_VERSION = 2  # bump when _rows changes
CACHE = OUT / f"bench_store_v{LATEST}_d{DATA_VERSION}.db"  # rebuilt when schema or data change
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TYPES = ["inbound-missing-units", "warehouse-lost", "warehouse-damaged", "customer-return-not-received", "reimbursement-underpaid", "removal-lost-in-transit"]  # fmt: skip
WORDS = "shipment units received carton label invoice warehouse fulfillment center reconcile investigation reimbursement inventory ledger adjustment damaged lost missing tracking carrier delivered signed proof quantity discrepancy please review attached".split()  # fmt: skip
CHINESE = ["订单未收到，请退款。", "入库少件，请调查。", "仓库丢失库存，申请赔偿。", "买家退货未退回仓库。", "货件已签收但数量不符。"]  # fmt: skip
RARE_CHINESE = "已上传发票和签收证明。"  # in ~0.1 % of the cases
ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"


def _ts(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _rows(rng: random.Random) -> Iterator[dict[str, Any]]:
    for n in range(1, N_CASES + 1):
        shipment = "FBA1" + "".join(rng.choice(ALNUM) for _ in range(8))
        order = f"11{rng.randint(1, 9)}-{rng.randint(0, 9999999):07d}-{rng.randint(0, 9999999):07d}"
        fnsku = "X00" + "".join(rng.choice(ALNUM) for _ in range(7))
        case_type = rng.choice(TYPES)
        created = NOW - timedelta(days=rng.uniform(0, 720))
        status = rng.choices(STATUSES, weights=[10, 5, 10, 3, 55, 7, 10])[0]
        body = " ".join(rng.choice(WORDS) for _ in range(150)) + " " + rng.choice(CHINESE)
        if rng.random() < 0.001:
            body += RARE_CHINESE
        filed = created + timedelta(hours=rng.uniform(1, 48)) if status != "draft" else None
        open_ = status not in ("resolved", "denied", "closed")
        follow_up = None
        if open_ and filed is not None:
            follow_up = NOW + timedelta(hours=rng.uniform(-24 * 10, 24 * 20))
        events = [{"kind": "created", "at": _ts(created), "text": ""}]
        if filed:
            events.append({"kind": "filed", "at": _ts(filed), "text": ""})
        if rng.random() < 0.3:
            events.append(
                {"kind": "note", "at": _ts(created), "text": "Called support, 客服说等待调查"}
            )
        yield {
            "id": f"CW-{n:06d}",
            "profile": rng.choice(["northbay", "eastwind", "sunrise"]),
            "marketplace": rng.choice(["US", "UK", "DE", "JP"]),
            "case_type": case_type,
            "status": status,
            "sc_case_id": f"{rng.randint(10**9, 10**10 - 1)}" if filed else None,
            "subject": f"Missing units in shipment {shipment} – order {order}",
            "body": body,
            "urgency": "routine",
            "follow_up": _ts(follow_up) if follow_up else None,
            "deadline_closes": (NOW.date() + timedelta(days=rng.randint(-30, 300))).isoformat()
            if status == "draft"
            else None,
            "expected": {
                "amount": f"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}",
                "currency": "USD",
            },
            "received": None,
            "created_at": _ts(created),
            "updated_at": _ts(filed or created),
            "filed_at": _ts(filed) if filed else None,
            "resolved_at": _ts(filed + timedelta(days=5)) if filed and not open_ else None,
            "identifiers": [
                {"kind": "shipment_id", "value": shipment},
                {"kind": "order_id", "value": order},
                {"kind": "fnsku", "value": fnsku},
            ],
            "links": [],
            "events": events,
            "draft": {"case_type": case_type, "evidence": {"shipment_id": [shipment]}},
        }


def build(home: Path) -> float:
    start = time.perf_counter()
    store = CaseStore.open(AppPaths.under(home))
    store.import_rows(_rows(random.Random(7)))
    store.close()
    return time.perf_counter() - start


def timed(fn: Callable[[], object], runs: int = 25) -> float:
    fn()  # warm
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    home = OUT / "home"
    build_detail = f"cached {CACHE.name}"
    for stale in OUT.glob("bench_store_v*.db"):
        if stale != CACHE:
            stale.unlink()
    if not CACHE.exists():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        seconds = build(home)
        store = CaseStore.open(AppPaths.under(home))
        store.backup(CACHE)
        store.close()
        build_detail = f"built 100k cases in {seconds:.1f} s (bulk import + FTS rebuilds)"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    shutil.copyfile(CACHE, home / "cases.db")
    t = time.perf_counter()
    store2 = CaseStore.open(AppPaths.under(home), clock=lambda: NOW, deep_check=True)
    open_deep_ms = (time.perf_counter() - t) * 1000
    store2.close()
    t = time.perf_counter()
    store = CaseStore.open(AppPaths.under(home), clock=lambda: NOW)
    open_ms = (time.perf_counter() - t) * 1000
    assert store.count() == N_CASES
    rows: list[dict[str, Any]] = []

    def row(name: str, value: float, bar: float | None, detail: str) -> None:
        ok = True if bar is None else value <= bar
        rows.append(
            {
                "name": name,
                "value": round(value, 2),
                "unit": "ms",
                "bar": bar,
                "ok": ok,
                "detail": detail,
            }
        )

    row("store: list page (50)", timed(lambda: store.list(limit=50)), 20, build_detail)
    row(
        "store: list page filtered",
        timed(lambda: store.list(status="needs-reply", limit=50, offset=50)),
        20,
        "status=needs-reply, page 2",
    )
    row(
        "store: list page + count",
        timed(lambda: (store.list(limit=50), store.count())),
        20,
        "what the TUI home needs",
    )
    queries = ["reimbursement", "FBA1", "仓库丢失", "客服说等待", "x00", "proof quantity"]
    fts = [timed(lambda q=q: store.search(q), runs=9) for q in queries]  # type: ignore[misc]
    row(
        "store: full-text search (median)",
        statistics.median(fts),
        60,
        ", ".join(f"{q}={v:.0f}" for q, v in zip(queries, fts, strict=True)),
    )
    row("store: full-text search (worst)", max(fts), 60, "worst of the queries above")
    one_id = store.list(limit=1)[0].subject.split()[4]
    row("store: search by shipment id", timed(lambda: store.search(one_id.lower())), 60, one_id)
    chinese = {
        "common": ["退款", "少件", "仓库丢失", "退"],
        "rare": ["发票", "签收证明", "发票 FBA1"],
        "absent": ["无此", "保险理赔", "无此货件", "退款 nothing-like-this"],
        "mixed": ["仓库丢失 reimbursement", "退款 FBA1", "客服 x00"],
    }
    for kind, words in chinese.items():
        ms = [timed(lambda q=q: store.search(q), runs=9) for q in words]  # type: ignore[misc]
        found = [len(store.search(q, limit=500)) for q in words]
        row(
            f"store: Chinese search, {kind} (worst)",
            max(ms),
            60,
            ", ".join(f"{q}={v:.1f} ms/{n} hits" for q, v, n in zip(words, ms, found, strict=True)),
        )
    row(
        "store: due",
        timed(lambda: store.due(NOW, horizon_days=7)),
        20,
        f"{len(store.due(NOW).follow_ups)} follow-ups due",
    )
    row(
        "store: open",
        open_ms,
        None,
        f"header + schema checks; with a full quick_check {open_deep_ms:.0f} ms",
    )
    store.close()
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
