"""Saving the review's text to a file, without any UI: the default file name and the write.
Pure (no textual). The text itself is the engine's paste text (``casewriter.engine.PasteText``,
the same for the clipboard, the file and the log); the record handed to the case log is
``casewriter.services.saving.new_case_from_render``'s.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from casewriter.errors import CasewriterError, UsageError
from casewriter.files import check_output_target, expand_user, os_reason, write_atomic


def default_file(case_type: str, now: datetime, home: Path | None = None) -> str:
    """``~/casewriter-<type>-<YYYYMMDD-HHMM>.txt``."""
    folder = home or Path.home()
    stamp = now.strftime("%Y%m%d-%H%M")
    return str(folder / f"casewriter-{case_type or 'case'}-{stamp}.txt")


def write_text_file(raw_path: str, text: str) -> Path:
    """Write ``text`` to the user's path (``~`` expanded, folders created); UsageError on failure."""
    if not raw_path.strip():
        raise UsageError("no file name given")
    path = expand_user(raw_path.strip())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {path.parent}: {os_reason(exc)}") from None
    except ValueError:  # a NUL pasted into the name
        raise UsageError(f"{raw_path.strip()!r} is not a valid file name") from None
    target = check_output_target(path, "file")
    if target is None:
        raise UsageError("give a file name, not '-'")
    try:
        write_atomic(target, text)
    except CasewriterError as exc:
        raise UsageError(exc.message) from None
    return target
