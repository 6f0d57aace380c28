"""What a user's copy of a built-in template was copied from, so ``templates check`` can say
when the built-in has changed since (and what), and nobody keeps old text unknowingly.

``templates copy`` records, beside the copies, the built-in file exactly as it was copied
(``<templates>/.casewriter-copies/<name>.builtin``) and a manifest (``copies.json``: the
casewriter version, the day, the file's SHA-256). ``templates check`` compares each user file
that shadows a built-in one: with a record, the recorded built-in against today's (a unified
diff summary when they differ); without one, a copy made before casewriter recorded versions,
to compare by hand with ``templates show builtin/NAME``. ``templates accept NAME`` records
today's built-in as the one the copy now follows. The record folder's files end in
``.builtin`` and ``.json``, so no template listing or check ever takes them for templates.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from casewriter.errors import CasewriterError

RECORDS = ".casewriter-copies"
MANIFEST = "copies.json"
#: How many changed lines a warning quotes, and how much of each.
SHOWN_LINES = 4
SHOWN_CHARS = 80


def _records(user_templates: Path) -> Path:
    return user_templates / RECORDS


def read_manifest(user_templates: Path) -> dict[str, dict[str, str]]:
    """The manifest (``{}`` when there is none or it cannot be read: then nothing is recorded)."""
    path = _records(user_templates) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def record(user_templates: Path, copied: dict[str, bytes], today: date | None = None) -> None:
    """Record the built-in files just copied (name → their bytes). Written before the copies
    themselves, atomically, each file: a failure leaves at most an unused record."""
    from casewriter import __version__
    from casewriter.files import os_reason, write_atomic

    folder = _records(user_templates)
    manifest = read_manifest(user_templates)
    when = (today or date.today()).isoformat()
    for name, data in copied.items():
        target = folder / f"{name}.builtin"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CasewriterError(f"cannot create {target.parent}: {os_reason(exc)}") from None
        write_atomic(target, data, mode=0o644)
        manifest[name] = {"version": __version__, "copied": when,
                          "sha256": hashlib.sha256(data).hexdigest()}  # fmt: skip
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(folder / MANIFEST, text, mode=0o644)


@dataclass
class CopyState:
    """One user file that shadows a built-in one, compared with it."""

    name: str
    status: str
    """``current`` (the built-in has not changed since the copy), ``builtin-changed`` or
    ``unrecorded`` (copied before casewriter recorded copies, and different from the built-in)."""
    copied: str | None = None
    version: str | None = None
    added: int = 0
    removed: int = 0
    changes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "copied": self.copied,
                "version": self.version, "added": self.added, "removed": self.removed,
                "changes": list(self.changes)}  # fmt: skip

    def warning(self) -> str | None:
        show = f"casewriter templates show builtin/{self.name}"
        if self.status == "unrecorded":
            return (f"{self.name}: copied before casewriter recorded versions, and different from "
                    f"today's built-in; compare with `{show}`, then run "
                    f"`casewriter templates accept {self.name}`")  # fmt: skip
        if self.status != "builtin-changed":
            return None
        since = f" on {self.copied}" if self.copied else ""
        by = f" (casewriter {self.version})" if self.version else ""
        lines = "; ".join(self.changes)
        return (f"{self.name}: the built-in has changed since you copied it{since}{by}: "
                f"{self.added} line(s) added, {self.removed} removed ({lines}). Your copy keeps "
                f"the old text: compare with `{show}`, bring your copy up to date, then run "
                f"`casewriter templates accept {self.name}`")  # fmt: skip


def _text(data: bytes) -> list[str]:
    return data.decode("utf-8", errors="replace").splitlines()


def _quote(sign: str, line: str) -> str:
    text = " ".join(line.split())
    text = text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"
    return f'{sign} "{text}"'


def diff_summary(old: bytes, new: bytes) -> tuple[int, int, list[str]]:
    """(lines added, lines removed, the first few changed lines quoted ``- "…"`` / ``+ "…"``)."""
    added = removed = 0
    quoted: list[str] = []
    for line in difflib.unified_diff(_text(old), _text(new), lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        if line.startswith("+"):
            added += 1
        elif line.startswith("-"):
            removed += 1
        else:
            continue
        if len(quoted) < SHOWN_LINES and line[1:].strip():
            quoted.append(_quote(line[0], line[1:]))
    return added, removed, quoted


def compare(user_templates: Path, builtin_templates: Path, names: list[str]) -> list[CopyState]:
    """Each user file in ``names`` that has a built-in of the same name, compared with it."""
    manifest = read_manifest(user_templates)
    out: list[CopyState] = []
    for name in names:
        builtin = builtin_templates / name
        user = user_templates / name
        if not builtin.is_file() or not user.is_file():
            continue
        try:
            now = builtin.read_bytes()
            mine = user.read_bytes()
        except OSError:
            continue
        entry = manifest.get(name)
        then = _recorded(user_templates, name) if entry else None
        if then is None:
            status = "current" if mine == now else "unrecorded"
            out.append(CopyState(name, status))
            continue
        state = CopyState(name, "current", copied=entry.get("copied") if entry else None,
                          version=entry.get("version") if entry else None)  # fmt: skip
        if then != now:
            state.status = "builtin-changed"
            state.added, state.removed, state.changes = diff_summary(then, now)
        out.append(state)
    return out


def _recorded(user_templates: Path, name: str) -> bytes | None:
    try:
        return (_records(user_templates) / f"{name}.builtin").read_bytes()
    except OSError:
        return None
