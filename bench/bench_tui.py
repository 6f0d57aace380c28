"""TUI benchmark: time to the home screen drawn ≤ 1.3× a bare Textual app drawing one label
(both measured in fresh subprocesses in this run, medians), and, with 100,000 cases in the log,
every home-screen keypress (cursor down, page down, filter change, search) shows its result in
≤ 100 ms.

The 100k log is built once through the store's bulk import (``bench_store.build``) and cached
as ``bench/out/tui_home/cases.db``. Prints a JSON list of rows as its last stdout line.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "bench" / "out"
BIG_HOME = OUT / "tui_home"
RUNS = 7

BARE = """
from textual.app import App
from textual.widgets import Label
class Bare(App[None]):
    def compose(self):
        yield Label("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)
Bare().run(headless=True, size=(100, 32))
"""

HOME = """
import sys
from casewriter.commands import Context
from casewriter.tui.launch import build_services
from casewriter.tui.app import CasewriterApp
from casewriter.tui.screens.home import HomeScreen
class Bench(CasewriterApp):
    def on_mount(self):
        self.set_interval(0.001, self._drawn)
    def _drawn(self):
        if isinstance(self.screen, HomeScreen) and self.screen.is_mounted:
            self.call_after_refresh(self.exit)
services = build_services(Context(home=sys.argv[1]))
services.store
Bench(services).run(headless=True, size=(100, 32))
"""


def spawn(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT, timeout=120)
    return (time.perf_counter() - start) * 1000


def startup(home: Path) -> tuple[float, float]:
    spawn(BARE)
    spawn(HOME, str(home))  # warm the file cache
    bare, cw = [], []
    for _ in range(RUNS):
        bare.append(spawn(BARE))
        cw.append(spawn(HOME, str(home)))
    return statistics.median(bare), statistics.median(cw)


def small_home() -> Path:
    from casewriter.paths import AppPaths
    from casewriter.store import CaseStore, NewCase

    home = Path(tempfile.mkdtemp(prefix="cw-bench-tui-"))
    with CaseStore.open(AppPaths.under(home)) as store:
        for i in range(30):
            store.save_new(
                NewCase("p", "US", "warehouse-lost", f"Lost unit {i} 仓库丢失", "body", {}, [])
            )
    return home


def big_home() -> Path:
    if not (BIG_HOME / "cases.db").exists():
        from bench_store import build

        BIG_HOME.mkdir(parents=True, exist_ok=True)
        build(BIG_HOME)
    return BIG_HOME


async def keypresses(home: Path) -> dict[str, tuple[float, float]]:
    from textual.widgets import Input

    from casewriter.commands import Context
    from casewriter.tui.app import make_app
    from casewriter.tui.launch import build_services
    from casewriter.tui.widgets.case_table import CaseTable

    services = build_services(Context(home=str(home)))
    services.deep_check = False
    app = make_app(services)
    worst: dict[str, list[float]] = {}

    async def timed(name: str, *keys: str, done: Any = None) -> None:
        start = time.perf_counter()
        await pilot.press(*keys)
        if done is not None:
            while not done():
                await asyncio.sleep(0.001)
        await pilot.pause()
        worst.setdefault(name, []).append((time.perf_counter() - start) * 1000)

    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CaseTable)
        assert table.total >= 100_000, table.total
        for _ in range(150):  # crosses page boundaries: lazy loads included
            await timed("cursor down", "down")
        for _ in range(10):
            await timed("page down", "pagedown")
        for _ in range(8):
            await timed("filter change", "f")
        search = app.screen.query_one("#search", Input)
        for query in ("FBA15", "X00", "仓库", "lost"):
            search.focus()
            search.value = query
            app.screen.query_one(CaseTable).clear()
            await timed(
                f"search ({query})",
                "enter",
                done=lambda: app.screen.query_one(CaseTable).row_count > 0,
            )
            search.value = ""
            await pilot.pause()
            table.focus()
    return {name: (max(v), statistics.median(v)) for name, v in worst.items()}


def main() -> None:
    rows: list[dict[str, Any]] = []
    bare, cw = startup(small_home())
    ratio = cw / bare
    rows.append(
        {
            "name": "tui home drawn vs bare textual app",
            "value": round(ratio, 2),
            "unit": "x baseline",
            "bar": 1.3,
            "ok": ratio <= 1.3,
            "detail": f"home {cw:.0f} ms, bare {bare:.0f} ms (median of {RUNS})",
        }
    )
    results = asyncio.run(keypresses(big_home()))
    for name, (ms, median) in results.items():
        rows.append(
            {
                "name": f"home keypress, 100k cases: {name} (worst)",
                "value": round(ms, 1),
                "unit": "ms",
                "bar": 100,
                "ok": ms <= 100,
                "detail": f"press to result shown; median {median:.1f} ms",
            }
        )
    for row in rows:
        print(
            f"{row['name']}: {row['value']} {row['unit']} (bar {row['bar']}) {'ok' if row['ok'] else 'FAIL'}"
        )
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
