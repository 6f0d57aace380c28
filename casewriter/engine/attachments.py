"""Attachments: the one rule for where an attachment path points, which file types a slot takes
(the image extensions live here and nowhere else), and the check of one file against its slot
(existence, type, size). Used by the checklist, the case-file fixups and the wizard.

Where a path points (``attachment_path``): ``~`` is the user's home; a relative path is relative
to the case file's folder (``Draft.base_dir``) for a case file, else to the current folder. The
wizard resolves what the user types once, with this same rule, and stores the absolute path, so
the file it checked is the file that is rendered and logged, wherever casewriter runs next.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from casewriter.engine.models import CaseType, EvidenceSlot

#: File name extensions of images (a ``photo`` slot takes only these).
IMAGE_EXTENSIONS: tuple[str, ...] = (
    "jpeg", "jpg", "pjpeg", "gif", "png", "tiff", "tif", "webp", "heic",
)  # fmt: skip
#: Extensions that make a typed evidence value a file name rather than a description.
FILE_EXTENSIONS = frozenset(
    {*IMAGE_EXTENSIONS, "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip", "bmp"}
)


_FILE_NAME = re.compile(r"^[^\s]+\.([A-Za-z0-9]{2,5})$")


def is_image(name: str) -> bool:
    """Whether a file name has an image extension."""
    return extension(name) in IMAGE_EXTENSIONS


def extension(name: str) -> str:
    """``Invoice.PDF`` → ``pdf``; ``""`` when the name has none."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def attachment_path(raw: str, base_dir: str | os.PathLike[str] | None = None) -> Path:
    """The absolute path an attachment names (see the module docstring for the rule)."""
    path = Path(raw.strip()).expanduser()
    if path.is_absolute():
        return path
    if base_dir:
        return Path(base_dir).expanduser() / path
    try:
        return Path.cwd() / path
    except OSError:  # the current folder was removed under us: leave it relative
        return path


def accepted(ct: CaseType, slot: EvidenceSlot) -> list[str]:
    """The extensions a slot takes: the case type's list (only its images for a photo)."""
    allowed = list(ct.attachments.accepted)
    if slot.kind == "photo":
        allowed = [e for e in allowed if e in IMAGE_EXTENSIONS] or list(IMAGE_EXTENSIONS)
    return allowed


def accepted_text(ct: CaseType, slot: EvidenceSlot) -> str:
    """``accepted: pdf, png, …``, saying when the list is casewriter's belief (domain.md §5:
    Amazon documents no file types for ordinary cases) rather than Amazon's own."""
    text = f"accepted: {', '.join(accepted(ct, slot))}"
    if ct.attachments.basis == "belief":
        text += "; Amazon documents no list for this kind of case, so this is casewriter's belief"
    return text


def file_name_problem(ct: CaseType, slot: EvidenceSlot, value: str) -> str | None:
    """A file name typed as an evidence value (``invoice = "inv.pdf"``) must still be a type
    the slot accepts; descriptions of documents are taken as they are."""
    m = _FILE_NAME.match(value.strip())
    if not m or m.group(1).lower() not in FILE_EXTENSIONS:
        return None
    ext, allowed = m.group(1).lower(), accepted(ct, slot)
    if ext in allowed:
        return None
    return f".{ext} files are not accepted here ({accepted_text(ct, slot)})"


def check_attachment(ct: CaseType, slot: EvidenceSlot, path: Path) -> str | None:
    """Why this file breaks the slot's rules, or None."""
    ext = path.suffix.lower().lstrip(".")
    allowed = accepted(ct, slot)
    if ext not in allowed:
        return f"{path.name}: .{ext or '(no extension)'} files are not accepted here ({accepted_text(ct, slot)})"
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return f"{path.name}: file not found ({path})"
    except OSError as exc:
        return f"{path.name}: cannot read ({exc.strerror})"
    if not path.is_file():
        return f"{path.name}: not a file ({path})"
    if size > ct.attachments.max_mb * 1024 * 1024:
        return (
            f"{path.name}: {size / 1048576:.1f} MB is over the {ct.attachments.max_mb:g} MB limit"
        )
    if size == 0:
        return f"{path.name}: the file is empty"
    return None
