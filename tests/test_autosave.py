"""Autosave: atomic private files, listing newest first, corrupt files skipped, discard."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casewriter.paths import AppPaths
from casewriter.tui import autosave

DRAFT = {
    "case_type": "inbound-missing-units",
    "marketplace": "US",
    "facts": {"units_shipped": 100, "units_received": 96},
    "evidence": {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1", "X003KQ7ZP2"]},
    "narrative": {"what_happened": "少了四件 — 4 units missing"},
}


def test_save_load_roundtrip_private_file(paths: AppPaths) -> None:
    path = autosave.save(paths, "session-1", DRAFT, step="evidence")
    assert path.parent == paths.autosave_dir
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert autosave.load(path) == DRAFT
    # no temporary files left behind
    assert [p.name for p in paths.autosave_dir.iterdir()] == [path.name]


def test_list_pending_newest_first_with_summary(paths: AppPaths) -> None:
    old = autosave.save(paths, "a", DRAFT, step="type", now=datetime(2026, 1, 1, tzinfo=UTC))
    new = autosave.save(
        paths,
        "b",
        {"case_type": "a-to-z-response", "evidence": {"order_id": "113-1234567-1234567"}},
        step="review",
        case_id="CW-000007",
        now=datetime(2026, 2, 1, tzinfo=UTC),
    )
    entries = autosave.list_pending(paths)
    assert [e.path for e in entries] == [new, old]
    assert entries[0].case_type == "a-to-z-response"
    assert entries[0].step == "review"
    assert entries[0].case_id == "CW-000007"
    assert "113-1234567-1234567" in entries[0].summary
    # the case type is shown apart, by its title (the resume dialog)
    assert entries[1].summary == "US · FBA17XKQ9M2Z, X003KQ7ZP1, X003KQ7ZP2"
    assert entries[1].updated == datetime(2026, 1, 1, tzinfo=UTC)


def test_same_key_overwrites(paths: AppPaths) -> None:
    first = autosave.save(paths, "k", {"case_type": "general"}, step="type")
    second = autosave.save(paths, "k", DRAFT, step="review")
    assert first == second
    assert autosave.load(second) == DRAFT
    assert len(autosave.list_pending(paths)) == 1


def test_hostile_key_stays_inside_folder(paths: AppPaths) -> None:
    path = autosave.save(paths, "../../etc/passwd", DRAFT, step="type")
    assert path.parent == paths.autosave_dir


def test_corrupt_files_are_skipped_with_warning(paths: AppPaths) -> None:
    good = autosave.save(paths, "good", DRAFT, step="type")
    (paths.autosave_dir / "torn.json").write_text('{"version": 1, "draft": {', encoding="utf-8")
    (paths.autosave_dir / "nodraft.json").write_text('{"version": 1}', encoding="utf-8")
    (paths.autosave_dir / "future.json").write_text(
        '{"version": 99, "draft": {}}', encoding="utf-8"
    )
    (paths.autosave_dir / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.warns(autosave.AutosaveWarning):
        entries = autosave.list_pending(paths)
    assert [e.path for e in entries] == [good]
    # the corrupt files are left untouched for the user to inspect
    assert (paths.autosave_dir / "torn.json").exists()


def test_list_pending_without_folder(paths: AppPaths) -> None:
    assert autosave.list_pending(paths) == []


def test_discard(paths: AppPaths) -> None:
    path = autosave.save(paths, "x", DRAFT, step="type")
    autosave.discard(path)
    autosave.discard(path)  # already gone: no error
    assert autosave.list_pending(paths) == []


def test_sigkill_during_saves_never_leaves_a_torn_file(paths: AppPaths, tmp_path: Path) -> None:
    """A child process saves in a loop; SIGKILL it; the file on disk is always whole."""
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from casewriter.tui import autosave
        from casewriter.paths import AppPaths
        paths = AppPaths.under(Path({str(paths.data_dir)!r}))
        i = 0
        while True:
            draft = {{"case_type": "general", "facts": {{"n": i}}, "pad": "x" * 20000}}
            autosave.save(paths, "loop", draft, step="evidence")
            if i == 3:
                print("ready", flush=True)
            i += 1
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    proc.kill()
    proc.wait(timeout=10)
    entries = autosave.list_pending(paths)
    assert len(entries) == 1
    draft = autosave.load(entries[0].path)
    assert draft["facts"]["n"] >= 3
    assert os.path.getsize(entries[0].path) > 20000
