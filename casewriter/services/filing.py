"""Filing a logged case: readiness re-checked as of the filing day. ``log file`` (and the case
detail screen's "mark filed") re-render the case's stored draft with today's date, so a claim
window that closed while it waited, an attachment that has gone, or an open case on the same
problem saved since, is caught before the seller records it as filed.

``recheck`` says why the case is not ready (``ReadyReason``s, duplicates included, cases it
is or will be linked to left out), or that readiness could not be checked (no stored draft, a
case type that no longer exists): a note, never a refusal. ``forced_text`` is what the log's
``forced`` event keeps when the seller files anyway (``--force``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from casewriter.errors import CasewriterError

if TYPE_CHECKING:
    from casewriter.engine import Engine, ReadyReason
    from casewriter.store import CaseStore, LoggedCase
    from casewriter.store.model import DuplicateKeys


class NotReadyError(CasewriterError):
    """Filing a case that is not ready, without ``--force`` (nothing written)."""

    exit_code = 1


@dataclass
class Recheck:
    """A logged case's readiness as of the filing day."""

    reasons: list[ReadyReason] = field(default_factory=list)
    note: str | None = None
    """Why readiness could not be checked (then ``reasons`` is empty)."""
    keys: DuplicateKeys | None = None
    """The case type's duplicate rule, for the store's guard."""


def recheck(
    store: CaseStore,
    engine: Engine,
    case: LoggedCase,
    *,
    linked: Iterable[str] = (),
    as_of: date | None = None,
) -> Recheck:
    """Re-render ``case``'s stored draft as of ``as_of`` (the filing day in its marketplace by
    default) and look for open cases on the same problem not in ``linked``."""
    from pydantic import ValidationError

    from casewriter.engine import Draft, with_duplicates
    from casewriter.services.duplicates import keys_of, same_problem

    if not case.draft:
        return Recheck(note=f"{case.id} has no stored draft, so its readiness was not checked")
    try:
        draft = Draft.model_validate(case.draft)
        ct = engine.catalog.get(draft.case_type)
        rendered = engine.render(draft, as_of=as_of)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return Recheck(note=f"{case.id}'s stored draft cannot be read ({where}: {first['msg']}), "
                            "so its readiness was not checked")  # fmt: skip
    except CasewriterError as exc:
        return Recheck(note=f"{case.id}'s readiness was not checked: {exc.message}")
    # the identifiers the draft names and those the log holds for the case (its Seller
    # Central case id, identifiers saved from a draft that no longer names them)
    idents = list(dict.fromkeys([*rendered.identifiers, *case.identifiers]))
    found = same_problem(store, ct, idents, exclude=case.id, linked=[*case.links, *linked])
    with_duplicates(rendered, found)
    return Recheck(reasons=list(rendered.ready_reasons), keys=keys_of(ct))


def not_ready_message(case_id: str, reasons: list[ReadyReason]) -> str:
    """The one-line refusal: each reason, then what to do."""
    why = " ".join(r.text for r in reasons)
    dups = [r.key for r in reasons if r.code == "duplicate-open" and r.key]
    link = f"; --link {dups[0]} if they are different claims" if dups else ""
    return (f"{case_id} is not ready to file: {why} Fix the draft and save it again{link}; or "
            "run again with --force to file it anyway (the log records that it was forced)")  # fmt: skip


def forced_text(reasons: list[ReadyReason]) -> str:
    """What the ``forced`` event keeps: each reason's code and sentence."""
    return "filed although not ready: " + " ".join(f"[{r.code}] {r.text}" for r in reasons)
