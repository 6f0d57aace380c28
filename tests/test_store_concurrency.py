"""Two processes writing at once, and a writer killed with SIGKILL mid-save."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from casewriter.paths import AppPaths
from casewriter.store import CaseStore

REPO = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from casewriter.paths import AppPaths
    from casewriter.store import CaseStore, NewCase

    home, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    store = CaseStore.open(AppPaths.under(home))
    i = 0
    while count == 0 or i < count:
        case = store.save_new(NewCase(
            profile=tag, marketplace="US", case_type="inbound-missing-units",
            subject=f"{tag} case {i} 入库少件", body="订单未收到，请退款。" * 20,
            draft={"i": i}, identifiers=[("order_id", f"114-{i:07d}-{int(tag[-1]):07d}")],
        ))
        print(case.id, flush=True)
        i += 1
    store.close()
    """
)


def _spawn(home: Path, tag: str, count: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(home), tag, str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_two_processes_save_1000_cases_each(tmp_path: Path) -> None:
    home = tmp_path / "home"
    procs = [_spawn(home, f"writer{n}", 1000) for n in (1, 2)]
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert err == ""
        assert len(out.split()) == 1000
    ids = [line for out, _ in outputs for line in out.split()]
    assert len(set(ids)) == 2000
    with CaseStore.open(AppPaths.under(home)) as store:
        assert store.count() == 2000
        assert store.count(profile="writer1") == 1000 and store.count(profile="writer2") == 1000
        assert len(store.search("入库少件", limit=500)) == 400  # capped at the candidate window
        with store._read() as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # The full-text index matches the content table exactly (raises if not).
            conn.execute("INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)")


def test_sigkill_mid_save_keeps_every_committed_case(tmp_path: Path) -> None:
    home = tmp_path / "home"
    proc = _spawn(home, "writer1", 0)
    assert proc.stdout is not None
    committed = []
    for line in proc.stdout:
        committed.append(line.strip())
        if len(committed) >= 300:
            break
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    committed += rest.split()
    assert proc.returncode == -signal.SIGKILL
    with CaseStore.open(AppPaths.under(home)) as store:
        for case_id in committed:
            assert store.get(case_id).profile == "writer1"
        assert store.count() >= len(committed)
    conn = sqlite3.connect(AppPaths.under(home).db_file)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO cases_fts(cases_fts, rank) VALUES ('integrity-check', 1)")
    conn.close()
