"""Acceptance, issue 10 §5: files are written safely, names stay inside, and every odd file or
failure is one truthful line.

Traps beyond the builders' suite: attachment paths a case file names (NUL, ``~unknown-user``),
the log itself being a FIFO, ``log backup`` to ``-``/an empty name/links/devices, a write
command whose standard output is a full disk, and config deadline overrides that cannot be a
window (``min_days`` after ``max_days``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.conftest import NO_NETWORK_DIR, REPO, CliResult
from tests.test_store import make_case

EXAMPLE = REPO / "templates" / "examples" / "inbound-missing-units.toml"


def one_line_error(res: CliResult, code: int = 2) -> None:
    assert res.code == code, res
    assert res.err.startswith("casewriter: error: ") and res.err.count("\n") == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err, res.err


@pytest.fixture
def seeded(home: Path) -> Path:
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case(subject="Missing units FBA17XKQ9M2Z"))
    return home


def _case_with_attachment(folder: Path, path: str) -> Path:
    case = {
        "case_type": "inbound-missing-units",
        "marketplace": "US",
        "profile": {"name": "Northbay Goods", "merchant_token": "A2NBGOODS7XQ1"},
        "facts": {"units_shipped": 100, "units_received": 96, "delivered_date": "2026-04-02"},
        "evidence": {"shipment_id": "FBA17XKQ9M2Z", "fnsku": ["X003KQ7ZP1"]},
        "attachments": [{"slot": "invoice", "path": path, "description": "invoice"}],
    }
    target = folder / "case.json"
    target.write_text(json.dumps(case), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "path",
    ["/dev/zero", "/etc", "x" * 5000 + ".pdf", "/etc/shadow"],
    ids=["dev", "dir", "long", "abs"],
)
def test_odd_attachment_paths_are_checked_not_read(cli: Any, tmp_path: Path, path: str) -> None:
    res = cli("render", str(_case_with_attachment(tmp_path, path)), "--format", "json")
    assert res.code == 0, res
    (slot,) = [c for c in json.loads(res.out)["checklist"] if c["slot"] == "invoice"]
    assert slot["status"] == "invalid", slot


@pytest.mark.parametrize("path", ["a\x00b.pdf", "~no-such-user/invoice.pdf"], ids=["nul", "tilde"])
def test_unusable_attachment_path_is_one_line_or_an_invalid_slot(
    cli: Any, tmp_path: Path, path: str
) -> None:
    res = cli("render", str(_case_with_attachment(tmp_path, path)))
    assert "internal error" not in res.err and "Traceback" not in res.err, res.err
    assert res.code in (0, 2), res


def test_a_fifo_as_the_log_is_refused_at_once(home: Path) -> None:
    os.mkfifo(home / "cases.db")
    env = dict(os.environ, CASEWRITER_HOME=str(home), PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "casewriter", "log", "list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=2,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("log list waited on a FIFO")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc


def test_backup_targets(cli: Any, seeded: Path, tmp_path: Path) -> None:
    res = cli("log", "backup", str(tmp_path / "new" / "deeper") + "/")
    assert res.code == 0, res
    (made,) = (tmp_path / "new" / "deeper").iterdir()
    assert made.name.startswith("cases-") and made.stat().st_mode & 0o777 == 0o600
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (tmp_path / "link.db").symlink_to(victim)
    (tmp_path / "dangling.db").symlink_to(tmp_path / "nowhere" / "x")
    os.mkfifo(tmp_path / "fifo.db")
    for target in ("link.db", "dangling.db", "fifo.db"):
        one_line_error(cli("log", "backup", str(tmp_path / target)))
    one_line_error(cli("log", "backup", "/dev/full"))
    one_line_error(cli("log", "backup", str(tmp_path / "missing" / "x.db")))
    assert victim.read_text() == "keep me\n"
    assert not (tmp_path / "nowhere").exists() and not (tmp_path / "missing").exists()


def test_backup_to_dash_does_not_write_a_file_named_dash(seeded: Path, tmp_path: Path) -> None:
    env = dict(os.environ, CASEWRITER_HOME=str(seeded), PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}")
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", "log", "backup", "-"],
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert not (tmp_path / "-").exists(), proc.stderr
    assert proc.returncode == 2 or proc.stdout.startswith(b"SQLite format 3"), proc


def test_backup_to_an_empty_name_is_refused(seeded: Path, tmp_path: Path) -> None:
    env = dict(os.environ, CASEWRITER_HOME=str(seeded), PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}")
    cwd = tmp_path / "cwd"  # an empty folder of its own: tmp_path also holds the home
    cwd.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", "log", "backup", ""],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 2 and list(cwd.iterdir()) == [], proc


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_write_command_that_reports_failure_has_written_nothing(seeded: Path) -> None:
    env = dict(os.environ, CASEWRITER_HOME=str(seeded), PYTHONPATH=f"{NO_NETWORK_DIR}:{REPO}")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "casewriter", "log", "note", "1", "hello from a full disk"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    with CaseStore.open(AppPaths.under(seeded)) as store:
        saved = [e.text for e in store.get(1).events if e.kind == "note"]
    if proc.returncode != 0:  # a failure either wrote nothing or says what it did write
        assert saved == [] or "note" in proc.stderr.lower(), (saved, proc.stderr)


@pytest.mark.parametrize(
    ("window", "problem", "fix"),
    [
        ("min_days = 100\nmax_days = 10", "min_days = 100 is after max_days = 10",
         "make min_days at most 10"),
        ("min_days = 60\nmax_months = 1", "min_days = 60 is after max_months = 1 (28 days",
         "make min_days at most 28"),
        ("max_days = 60\nmax_months = 2", "give max_days or max_months, not both",
         "keep the one the source states"),
    ],
    ids=["min-after-max-days", "min-after-max-months", "days-and-months"],
)  # fmt: skip
def test_config_override_that_closes_before_it_opens_is_refused(
    cli: Any, home: Path, window: str, problem: str, fix: str
) -> None:
    """F13: an override whose window closes before it opens, or that gives both max_days and
    max_months, is refused in one line naming the file, the rule and the fix; nothing renders."""
    config = home / "config.toml"
    config.write_text(
        "[[deadline_overrides]]\n"
        'case_type = "inbound-missing-units"\nmarketplaces = ["US"]\n'
        'clock = "shipment delivery"\nclock_fact = "delivered_date"\n'
        f'{window}\nsource = "my notes"\nas_of = 2026-01-01\n',
        encoding="utf-8",
    )
    res = cli("render", str(EXAMPLE), "--as-of", "2026-05-01")
    one_line_error(res)
    assert res.out == ""
    assert res.err.startswith(f"casewriter: error: {config}: deadline_overrides[0]: {problem}")
    assert fix in res.err, res.err


def test_full_width_and_huge_numbers_in_config_are_one_line(cli: Any, home: Path) -> None:
    for line in (
        "follow_up_hours = 99999999999",
        "follow_up_hours = 1e308",
        "follow_up_hours = nan",
        "follow_up_hours = " + "9" * 5000,
        "[limits]\nbody_max = -1",
        "a = " + "[" * 5000 + "]" * 5000,
    ):
        (home / "config.toml").write_text(line + "\n", encoding="utf-8")
        one_line_error(cli("log", "file", "1", "--case-id", "7261849305"))


def test_a_log_with_a_foreign_trigger_is_refused_untouched(cli: Any, seeded: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(seeded / "cases.db")
    conn.execute(
        "CREATE TRIGGER foreign_t AFTER INSERT ON events BEGIN UPDATE cases SET subject = 'x'; END"
    )
    conn.commit()
    conn.close()
    before = (seeded / "cases.db").read_bytes()
    res = cli("log", "note", "1", "hello")
    assert res.code == 1 and "damaged" in res.err, res
    assert (seeded / "cases.db").read_bytes() == before


def test_a_negative_quantity_in_a_report_is_warned_about(cli: Any, tmp_path: Path) -> None:
    from tests.conftest import SAMPLES

    lines = (SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("\t100\t96\t", "\t-100\t96\t")
    report = tmp_path / "inbound.tsv"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = cli("scan", str(report), "--as-of", "2026-05-01")
    assert res.code == 0, res
    assert "inbound.tsv:2" in res.err and "-100" in res.err, res.err


def test_error_lines_stay_short_whatever_was_typed(cli: Any, seeded: Path) -> None:
    res = cli("log", "show", "CW-" + "9" * 100_000)
    one_line_error(res)
    assert len(res.err) < 2_000, len(res.err)
