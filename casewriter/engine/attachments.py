"""Attachments: the one rule for where an attachment path points, which file types a slot takes
(the image extensions live here and nowhere else), and the check of one file against its slot
(existence, type, size). Used by the checklist, the case-file fixups and the wizard.

A path that cannot name a file (``path_problem``: a NUL character, ``~name/`` of a user this
computer does not have, longer than ``MAX_PATH``) is the slot's problem, reported like a missing
file, never an exception.

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
from casewriter.messages import Said, pair, said

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


#: The longest attachment path taken (Linux's PATH_MAX; macOS allows 1024).
MAX_PATH = 4096


def path_problem(raw: str) -> str | None:
    """Why a typed attachment path cannot name a file, or None: a NUL character (no file
    system takes one), longer than ``MAX_PATH``, or ``~name/`` for a user
    this computer does not have. The one check of a path before anything opens it: the
    checklist (case files, logged drafts) and the wizard report it as the slot's problem."""
    text = raw.strip()
    if "\x00" in text:
        return said("file.nul")
    if len(text) > MAX_PATH:
        return said("file.path_long", n=f"{len(text):,}", limit=f"{MAX_PATH:,}")
    if text.startswith("~"):
        name = text[1:].split("/", 1)[0].split(os.sep, 1)[0]
        try:
            Path(text).expanduser()
        except RuntimeError:  # no such user, or no home folder at all
            if name:
                return said("file.no_user", name=name, quoted=repr(name))
            return said("file.no_home")
    return None


def attachment_path(raw: str, base_dir: str | os.PathLike[str] | None = None) -> Path:
    """The absolute path an attachment names (see the module docstring for the rule). A path
    with a ``path_problem`` is returned as typed (relative, not expanded): ``check_attachment``
    then reports the problem, and nothing fails on the way."""
    if path_problem(raw):
        return Path(raw.strip())
    path = Path(raw.strip()).expanduser()
    if path.is_absolute():
        return path
    if base_dir:
        try:
            return Path(base_dir).expanduser() / path
        except RuntimeError:  # a stored folder under an unknown user's "~": taken as written
            return Path(base_dir) / path
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


def accepted_text(ct: CaseType, slot: EvidenceSlot) -> Said:
    """``accepted: pdf, png, …``, saying when the list is casewriter's belief (domain.md §5:
    Amazon documents no file types for ordinary cases) rather than Amazon's own."""
    listed = ", ".join(accepted(ct, slot))
    if ct.attachments.basis == "belief":
        return said("file.accepted_belief", allowed=listed)
    return said("file.accepted", allowed=listed)


def file_name_problem(ct: CaseType, slot: EvidenceSlot, value: str) -> str | None:
    """A file name typed as an evidence value (``invoice = "inv.pdf"``) must still be a type
    the slot accepts; descriptions of documents are taken as they are."""
    m = _FILE_NAME.match(value.strip())
    if not m or m.group(1).lower() not in FILE_EXTENSIONS:
        return None
    ext, allowed = m.group(1).lower(), accepted(ct, slot)
    if ext in allowed:
        return None
    return said("file.type_value", ext=ext, allowed=accepted_text(ct, slot))


def check_attachment(ct: CaseType, slot: EvidenceSlot, path: Path) -> str | None:
    """Why this file breaks the slot's rules, or None."""
    problem = path_problem(str(path))
    if problem:
        return said("file.path_problem", name=path.name, problem=problem)
    ext = path.suffix.lower().lstrip(".")
    allowed = accepted(ct, slot)
    if ext not in allowed:
        shown = ext or pair("(no extension)", "（无扩展名）")
        return said("file.type", name=path.name, ext=shown, allowed=accepted_text(ct, slot))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return said("file.not_found", name=path.name, path=path)
    except OSError as exc:
        return said("file.unreadable", name=path.name, why=exc.strerror)
    if not path.is_file():
        return said("file.not_file", name=path.name, path=path)
    if size > ct.attachments.max_mb * 1024 * 1024:
        limit = f"{ct.attachments.max_mb:g}"
        return said("file.too_big", name=path.name, size=f"{size / 1048576:.1f}", limit=limit)
    if size == 0:
        return said("file.empty", name=path.name)
    return None
