"""CLI start-up and extract speed (product.md "Bars").

- ``casewriter --version`` and ``casewriter check ID`` wall time as a ratio to
  ``python -c pass`` measured in the same run (bars 3x and 5x). Runs are interleaved and the
  median of each is used, so a busy machine shifts all three alike.
- ``extract`` on 1 MB of mixed text (English emails, Seller Central copies, Chinese text,
  full-width forms; about one identifier per 60 bytes, most of them distinct): best of 5,
  in process (bar 300 ms): the identifiers alone, and what the command does since issue 13
  (``engine.read_message``: identifiers, quantities, dates, carriers, amounts).
- A pasted message of 2,000 characters read by the paste box (``read_message``): best of 50,
  in process (bar 10 ms: "well under" it, issue 13 §3).

Prints a JSON list of rows as its last stdout line (bench/README.md).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 21


# An installed casewriter has bytecode; a PYTHONDONTWRITEBYTECODE inherited from a dev shell
# would make every run recompile the package from source and measure that instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _wall(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT, env=ENV
    )
    return time.perf_counter() - started


def startup_rows() -> list[dict[str, object]]:
    script = Path(sys.executable).with_name("casewriter")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "casewriter"]
    commands = {
        "baseline": [sys.executable, "-c", "pass"],
        "version": [*cli, "--version"],
        "check": [*cli, "check", "113-7746201-5580934"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():  # warm the page cache and write .pyc files
        _wall(argv)
    for _ in range(RUNS):
        for name, argv in commands.items():
            times[name].append(_wall(argv))
    base = statistics.median(times["baseline"])
    rows: list[dict[str, object]] = []
    for name, bar in (("version", 3.0), ("check", 5.0)):
        median = statistics.median(times[name])
        ratio = median / base
        rows.append(
            {
                "name": f"cli {name}" if name == "version" else "cli check ID",
                "value": round(ratio, 2),
                "unit": "x baseline",
                "bar": bar,
                "ok": ratio <= bar,
                "detail": f"median {median * 1000:.1f} ms vs python -c pass {base * 1000:.1f} ms ({RUNS} runs)",
            }
        )
    return rows


def mixed_text(size: int = 1_000_000, seed: int = 7) -> str:
    from casewriter.identifiers import checksums as cs

    rnd = random.Random(seed)

    def d(n: int) -> str:
        return "".join(rnd.choice("0123456789") for _ in range(n))

    def a(n: int) -> str:
        return "".join(rnd.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(n))

    def ups() -> str:
        body = a(6) + d(9)
        return "1Z" + body + str(next(c for c in range(10) if cs.ups_ok(f"1Z{body}{c}")))

    def full(s: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)

    gens = [
        lambda: f"Hello, my order #{d(3)}-{d(7)}-{d(7)} (ASIN B0{a(8)}) arrived damaged. ",
        lambda: f"订单号：{d(3)}-{d(7)}-{d(7)}，货件FBA{a(9)}少了{rnd.randint(1, 9)}件，请核实。",
        lambda: (
            f"Shipment ID\tFBA{a(9)}\nMSKU\tCW-{a(4)}\nFNSKU\tX0{a(8)}\nUnits\t{rnd.randint(1, 500)}\n"
        ),
        lambda: f"Tracking: {ups()} / TBA{d(12)}. Case ID: {d(10)}; reference ID {d(14)}. ",
        lambda: f"订单号 {full(d(3) + '-' + d(7) + '-' + d(7))} 已退款但未退货。",
        lambda: "We reconciled the inventory ledger and the reimbursements report before filing. ",
        lambda: "亚马逊仓库丢件，我们已经提交了发票和装箱单，请尽快处理索赔，谢谢！",
        lambda: (
            f"Invoice INV-2026-{d(4)}: {rnd.randint(1, 99)} units at ${rnd.randint(1, 99)}.99 on 2026-04-{rnd.randint(10, 28)}. "
        ),
    ]
    parts: list[str] = []
    total = 0
    while total < size:
        piece = rnd.choice(gens)()
        parts.append(piece)
        total += len(piece.encode("utf-8"))
    return "".join(parts)


def extract_row() -> dict[str, object]:
    from casewriter.identifiers import extract

    text = mixed_text()
    size = len(text.encode("utf-8"))
    best = float("inf")
    count = 0
    for _ in range(5):
        started = time.perf_counter()
        count = len(extract(text))
        best = min(best, time.perf_counter() - started)
    ms = best * 1000
    return {
        "name": "extract 1 MB",
        "value": round(ms, 1),
        "unit": "ms",
        "bar": 300.0,
        "ok": ms <= 300.0,
        "detail": f"{size / 1e6:.2f} MB, {count} distinct identifiers, best of 5",
    }


def _best(run: Callable[[], object], times: int) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def message_rows() -> list[dict[str, object]]:
    from datetime import date

    from casewriter.engine import read_message
    from casewriter.marketplaces import get

    us, as_of = get("US"), date(2026, 12, 6)
    big = mixed_text()
    found = read_message(big, us, as_of)
    big_ms = _best(lambda: read_message(big, us, as_of), 5)
    counts = f"{len(found.quantities)} quantities, {len(found.dates)} dates, {len(found.amounts)} amounts"
    message = mixed_text(2_000, seed=11)[:2_000]
    while len(message) < 2_000:
        message += message[: 2_000 - len(message)]
    small_ms = _best(lambda: read_message(message, us, as_of), 50)
    return [
        {
            "name": "extract cmd 1 MB",
            "value": round(big_ms, 1),
            "unit": "ms",
            "bar": 300.0,
            "ok": big_ms <= 300.0,
            "detail": f"identifiers and {counts}, best of 5",
        },
        {
            "name": "message 2,000 ch",
            "value": round(small_ms, 2),
            "unit": "ms",
            "bar": 10.0,
            "ok": small_ms <= 10.0,
            "detail": "the paste box's read_message, best of 50",
        },
    ]


def main() -> None:
    rows = [*startup_rows(), extract_row(), *message_rows()]
    for row in rows:
        print(
            f"{row['name']:<14} {row['value']:>8} {row['unit']:<11} bar {row['bar']}  {row['detail']}"
        )
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
