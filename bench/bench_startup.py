"""TUI start-up against a bare Textual app that draws one label, two ways, each the median of
``RUNS`` runs interleaved with the bare app's (a single run's ratio moves by ±0.05):

* **in-process first frame**: the clock starts before the child process is spawned and stops
  at the first frame Textual hands to its driver (``App.post_display_hook``) that shows the
  finished screen — the bare app's label; casewriter's home screen with its footer keys. Both
  run headless at 100×30 and write ``time.perf_counter()`` (CLOCK_MONOTONIC, shared across
  processes on Linux) at that frame, then exit.
* **tmux spawn to visible** (the bar, 1.3×): each app runs in a real terminal, a detached tmux
  session of 100×30 on a private tmux server. The session's shell waits on a FIFO; the pane's
  output is piped (``pipe-pane``) to a file. The clock starts when the FIFO is opened (the
  shell then ``exec``s the app) and stops when the pane's output holds the marker of the
  finished screen: the label's text, or the home screen's last footer key. Teardown is not
  timed for either.

Both use an **empty home** (a new, empty folder each run: the first start, the log created),
as a new user sees it. casewriter's bytecode is written first (an installed package has it).
Prints a JSON list of rows as its last stdout line.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 11
SIZE = (100, 30)
BAR = 1.3
SOCKET = f"cw-bench-{os.getpid()}"
BARE_MARKER = b"bare-label-drawn"
HOME_MARKER = b"palette"
"""The home screen's last footer key ("^p palette"): in the frame only once the whole screen,
table, search box and footer included, is drawn."""

BARE_HEADLESS = """
import os, time
from textual.app import App
from textual.widgets import Label
class Bare(App[None]):
    def compose(self):
        yield Label("bare-label-drawn")
    def post_display_hook(self):
        if self.screen.query(Label):
            os.write(1, f"{time.perf_counter()} {time.process_time()}\\n".encode())
            os._exit(0)
Bare().run(headless=True, size=(100, 30))
"""

HOME_HEADLESS = """
import os, sys, time
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.app import CasewriterApp
def post_display_hook(self):
    if isinstance(self.screen, HomeScreen) and self.screen.query("FooterKey") and (
        self.screen.first_start or self.screen.query("#cases").first().row_count > 0
    ):
        os.write(1, f"{time.perf_counter()} {time.process_time()}\\n".encode())
        os._exit(0)
CasewriterApp.post_display_hook = post_display_hook
_run = CasewriterApp.run
CasewriterApp.run = lambda self, **kw: _run(self, headless=True, size=(100, 30))
from casewriter.__main__ import main
sys.exit(main(["--home", sys.argv[1], "--lang", "en"]))
"""

BARE_TERMINAL = """
from textual.app import App
from textual.widgets import Label
class Bare(App[None]):
    def compose(self):
        yield Label("bare-label-drawn")
Bare().run()
"""


def compile_sources() -> None:
    """casewriter's bytecode, as an installed package has it (Textual's is already there)."""
    import compileall

    compileall.compile_dir(ROOT / "casewriter", quiet=1)


def new_home() -> Path:
    return Path(tempfile.mkdtemp(prefix="cw-bench-start-"))


# -- in-process first frame -----------------------------------------------------------------

Timing = tuple[float, float]
"""(wall ms from spawn to the first frame, CPU ms of the child up to it)."""


def headless(code: str, *args: str) -> Timing:
    """Wall milliseconds from spawning the child to the frame it reports, and the CPU time the
    child had used by then (``time.process_time``: robust to a busy machine)."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        cwd=ROOT,
        timeout=120,
        capture_output=True,
        text=True,
    ).stdout
    shown, cpu = (float(x) for x in out.strip().splitlines()[-1].split())
    return (shown - start) * 1000, cpu * 1000


def headless_bare() -> Timing:
    return headless(BARE_HEADLESS)


def headless_home() -> Timing:
    home = new_home()
    try:
        return headless(HOME_HEADLESS, str(home))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def small_home() -> Path:
    """A home with 30 cases (the first frame shows the table's first page)."""
    from casewriter.paths import AppPaths
    from casewriter.store import CaseStore, NewCase

    home = Path(tempfile.mkdtemp(prefix="cw-bench-start-30-"))
    with CaseStore.open(AppPaths.under(home)) as store:
        for i in range(30):
            store.save_new(
                NewCase("p", "US", "warehouse-lost", f"Lost unit {i} 仓库丢失", "body", {}, [])
            )
    return home


# -- tmux spawn to visible ------------------------------------------------------------------


def tmux(*args: str) -> None:
    subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, timeout=30)


def in_tmux(argv: list[str], marker: bytes) -> float:
    """Milliseconds from letting the pane's shell exec ``argv`` to ``marker`` in its output."""
    work = Path(tempfile.mkdtemp(prefix="cw-bench-tmux-"))
    go, out = work / "go", work / "out"
    os.mkfifo(go)
    out.touch()
    command = " ".join(_quote(a) for a in argv)
    shell = f"cat {_quote(str(go))} >/dev/null; exec {command}"
    width, height = SIZE
    try:
        tmux("new-session", "-d", "-s", "run", "-x", str(width), "-y", str(height), shell)
        tmux("pipe-pane", "-t", "run", f"cat >> {_quote(str(out))}")
        with out.open("rb") as seen:
            start = time.perf_counter()
            with go.open("w") as fifo:
                fifo.write("go\n")
            data = b""
            deadline = start + 30
            while marker not in data:
                chunk = seen.read()
                if chunk:
                    data += chunk
                    continue
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"{marker!r} never appeared: {data[-300:]!r}")
                time.sleep(0.0005)
            shown = time.perf_counter()
        return (shown - start) * 1000
    finally:
        subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True, timeout=30)
        time.sleep(0.2)  # let the killed app go before the next run starts
        shutil.rmtree(work, ignore_errors=True)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def tmux_bare() -> Timing:
    return in_tmux([sys.executable, "-c", BARE_TERMINAL], BARE_MARKER), 0.0


def tmux_home() -> Timing:
    home = new_home()
    try:
        script = Path(sys.executable).parent / "casewriter"  # what a user runs
        start = [str(script)] if script.exists() else [sys.executable, "-m", "casewriter"]
        cmd = [*start, "--home", str(home), "--lang", "en"]
        return in_tmux(cmd, HOME_MARKER), 0.0
    finally:
        shutil.rmtree(home, ignore_errors=True)


# -- both -----------------------------------------------------------------------------------


def interleaved(
    bare: Callable[[], Timing], home: Callable[[], Timing], runs: int
) -> tuple[list[Timing], list[Timing]]:
    """``runs`` timings of each, alternating (one warm-up of each first, not counted)."""
    bare()
    home()
    b: list[Timing] = []
    h: list[Timing] = []
    for _ in range(runs):
        b.append(bare())
        h.append(home())
    return b, h


def row(
    name: str, bare: list[Timing], home: list[Timing], bar: float | None, what: str
) -> dict[str, object]:
    b = statistics.median(x for x, _ in bare)
    h = statistics.median(x for x, _ in home)
    ratio = h / b
    ratios = sorted(x[0] / y[0] for x, y in zip(home, bare, strict=True))
    detail = (
        f"casewriter {h:.0f} ms, bare label {b:.0f} ms (medians of {len(home)} interleaved "
        f"runs; run ratios {ratios[0]:.2f}–{ratios[-1]:.2f}), {what}"
    )
    if all(cpu for _, cpu in bare + home):
        cb = statistics.median(cpu for _, cpu in bare)
        ch = statistics.median(cpu for _, cpu in home)
        detail += f"; CPU to the first frame {ch:.0f} ms vs {cb:.0f} ms ({ch / cb:.2f}x)"
    return {
        "name": name,
        "value": round(ratio, 2),
        "unit": "x baseline",
        "bar": bar,
        "ok": True if bar is None else ratio <= bar,
        "detail": detail,
    }


def main() -> None:
    runs = int(os.environ.get("CW_BENCH_RUNS", RUNS))
    compile_sources()
    rows = []
    bare, home = interleaved(headless_bare, headless_home, runs)
    rows.append(row("tui start, in-process first frame vs bare app", bare, home, BAR, "empty home"))
    filled = small_home()
    try:
        bare, home = interleaved(headless_bare, lambda: headless(HOME_HEADLESS, str(filled)), runs)
    finally:
        shutil.rmtree(filled, ignore_errors=True)
    rows.append(
        row(
            "tui start, in-process first frame vs bare app (30 cases)",
            bare,
            home,
            BAR,
            "a home of 30 cases (first page of the table drawn)",
        )
    )
    if shutil.which("tmux") is None:
        rows.append({"name": "tui start, tmux spawn to visible", "value": None, "unit": "",
                     "bar": BAR, "ok": False, "detail": "tmux is not installed"})  # fmt: skip
    else:
        bare, home = interleaved(tmux_bare, tmux_home, runs)
        rows.append(
            row("tui start, tmux spawn to visible vs bare app", bare, home, BAR, "empty home")
        )
    for r in rows:
        print(f"{r['name']}: {r['value']} {r['unit']} (bar {r['bar']}) — {r['detail']}")
    print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main()
