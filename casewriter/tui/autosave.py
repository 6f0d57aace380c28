"""Crash-safe autosave of wizard drafts: one private JSON file per wizard session.

The wizard calls ``save()`` at every step change and (debounced) on field edits; each write is
atomic (temporary file, fsync, ``os.replace``) so a SIGKILL leaves either the previous file or
the new one, never a torn one. On start the app lists ``list_pending()`` and offers them back;
finishing a wizard (saved to the log) or discarding removes the file. A draft holding a lone
surrogate (a ``"\\ud800"`` escape in a hand-edited file) is resumed with each replaced by the
text of its escape and a note saying so; nothing written ever holds one.

File shape (``<paths.autosave_dir>/<key>.json``, mode 0600)::

    {"version": 1, "key": str, "step": str, "updated": ISO datetime, "case_id": str | null,
     "draft": {...engine Draft dict...}}

Lives in the TUI beside its only users (the wizard and the resume dialog) but imports no
textual and no pydantic.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casewriter.errors import UsageError
from casewriter.files import read_user_file, write_atomic
from casewriter.paths import AppPaths
from casewriter.safetext import storable_data, surrogate_fields, surrogate_problem

FORMAT_VERSION = 1
#: An autosaved draft is a few KB (pasted messages included); more is not ours.
MAX_AUTOSAVE = 8 * 1024 * 1024
_SAFE_KEY = re.compile(r"[^A-Za-z0-9._-]+")


class AutosaveWarning(UserWarning):
    """An autosave file that could not be read (skipped, left on disk untouched)."""


@dataclass(frozen=True)
class AutosaveEntry:
    """One pending (unfinished) wizard draft."""

    path: Path
    case_type: str
    updated: datetime
    summary: str
    step: str
    case_id: str | None = None
    """Local id (``CW-000123``) when the wizard was editing a logged case's draft."""
    key: str = ""


def _file_for(paths: AppPaths, key: str) -> Path:
    safe = _SAFE_KEY.sub("_", key).strip("._") or "draft"
    return paths.autosave_dir / f"{safe[:80]}.json"


def save(
    paths: AppPaths,
    key: str,
    draft: dict[str, Any],
    *,
    step: str,
    case_id: str | None = None,
    now: datetime | None = None,
) -> Path:
    """Write ``draft`` for session ``key`` atomically; returns the autosave file's path."""
    folder = paths.autosave_dir
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = _file_for(paths, key)
    stamp = (now or datetime.now(UTC)).isoformat()
    payload = {
        "version": FORMAT_VERSION,
        "key": key,
        "step": step,
        "updated": stamp,
        "case_id": case_id,
        "draft": draft,
    }
    # A lone surrogate (from a resumed draft's "\\ud800") cannot be UTF-8: its escape's text.
    text = json.dumps(storable_data(payload), ensure_ascii=False, indent=1, default=str)
    write_atomic(target, text)
    return target


def _read(path: Path) -> dict[str, Any]:
    """The whole autosave payload; UsageError when the file is unreadable or malformed."""
    from casewriter.documents import decode_text, parse_json

    where = f"autosave {path}"
    raw = read_user_file(path, "autosave file", max_bytes=MAX_AUTOSAVE)
    data = parse_json(decode_text(raw, where), where)
    if not isinstance(data, dict) or not isinstance(data.get("draft"), dict):
        raise UsageError(f"autosave {path} has no draft")
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        raise UsageError(f"autosave {path} has an unknown format version")
    return data


def load(path: Path) -> dict[str, Any]:
    """The draft dict saved in ``path`` (UsageError when unreadable)."""
    return load_checked(path)[0]


def load_checked(path: Path) -> tuple[dict[str, Any], str | None]:
    """The draft dict saved in ``path`` and, when it held lone surrogates (a ``"\\ud800"``
    escape: not text, and no file or log can store one), what was replaced by the text of
    its escape (UsageError when unreadable)."""
    draft: dict[str, Any] = _read(path)["draft"]
    bad_text = surrogate_fields(draft)
    if not bad_text:
        return draft, None
    note = f"autosave {path.name}: {surrogate_problem(bad_text)}; kept as the text of its escape"
    return storable_data(draft), note


def load_meta(path: Path) -> AutosaveEntry:
    """The entry describing ``path`` (UsageError when unreadable)."""
    data = _read(path)
    draft = data["draft"]
    try:
        updated = datetime.fromisoformat(str(data.get("updated")))
    except ValueError:
        updated = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    case_id = data.get("case_id")
    return AutosaveEntry(
        path=path,
        case_type=str(draft.get("case_type") or ""),
        updated=updated,
        summary=summarize(draft),
        step=str(data.get("step") or ""),
        case_id=case_id if isinstance(case_id, str) and case_id else None,
        key=str(data.get("key") or path.stem),
    )


def summarize(draft: dict[str, Any]) -> str:
    """A one-line description: the marketplace and the first identifiers typed, item lines'
    products included (the case type is shown apart, by its title in the UI language)."""
    parts: list[str] = []
    market = draft.get("marketplace")
    if market:
        parts.append(str(market))
    values: list[str] = []
    evidence = draft.get("evidence")
    if isinstance(evidence, dict):
        for raw in evidence.values():
            items = raw if isinstance(raw, list) else [raw]
            values.extend(str(v).strip() for v in items if str(v).strip())
    lines = draft.get("items")
    for line in lines if isinstance(lines, list) else []:  # item lines: their products
        product = next((line.get(k) for k in ("fnsku", "asin", "sku") if isinstance(line, dict) and line.get(k)), None)  # fmt: skip
        if product is not None and str(product).strip() not in values:
            values.append(str(product).strip())
    if values:
        shown = ", ".join(values[:3])
        parts.append(shown + (f" (+{len(values) - 3})" if len(values) > 3 else ""))
    return " · ".join(parts) or "?"


def list_pending(paths: AppPaths) -> list[AutosaveEntry]:
    """Every readable autosave, newest first; corrupt files are skipped with a warning."""
    folder = paths.autosave_dir
    try:
        candidates = sorted(folder.glob("*.json"))
    except OSError:
        return []
    entries: list[AutosaveEntry] = []
    for path in candidates:
        try:
            entries.append(load_meta(path))
        except (UsageError, OSError) as exc:
            warnings.warn(f"skipping autosave: {exc}", AutosaveWarning, stacklevel=2)
    entries.sort(key=lambda e: e.updated, reverse=True)
    return entries


def discard(path: Path) -> None:
    """Remove an autosave file (no error when it is already gone)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
