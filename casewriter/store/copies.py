"""Where the log's safety copies live and what they are called: ``<log>-safety-<UTC time>-<why>.db``
beside the log, newest ``KEEP`` kept. Pure path work (no SQLite), shared by ``backup.py``, which
writes them, and ``failures.py``, which names the newest one when the log is corrupt.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

KEEP = 5
SAFETY = "-safety-"


def stamp(now: datetime | None = None) -> str:
    """``YYYYMMDD-HHMMSS`` in UTC: the time part of a copy's name."""
    t = (now or datetime.now(UTC)).astimezone(UTC)
    return f"{t.year:04d}{t.month:02d}{t.day:02d}-{t.hour:02d}{t.minute:02d}{t.second:02d}"


def safety_copies(log: Path) -> list[Path]:
    """The safety copies beside ``log``, newest first."""
    prefix = f"{log.stem}{SAFETY}"
    found: list[tuple[str, int, Path]] = []
    try:
        for p in log.parent.glob(f"{prefix}*.db"):
            info = p.stat()
            found.append((p.name[: len(prefix) + 15], info.st_mtime_ns, p))
    except OSError:
        return []
    return [p for _when, _mtime, p in sorted(found, reverse=True)]
