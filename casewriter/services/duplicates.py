"""Cases on the same problem, found where they happen: ``render`` (read-only, with or without
a log), ``render --save``, ``log file``, ``scan --draft`` and the TUI all ask the log the same
question through here, with the case type's rule from the catalog (``CaseType.duplicate_keys``;
None: the log's general rule).

An open case on the same problem is a reason the new one is not ready (Amazon's support
guidelines: no second case while one is open); a resolved, closed or denied one a warning to
reopen it, or not to resubmit a declined request (``engine.with_duplicates`` words both).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from casewriter.errors import StoreError
from casewriter.paths import AppPaths

if TYPE_CHECKING:
    from casewriter.engine import CaseType, DuplicateCase, RenderedCase
    from casewriter.store import CaseStore, CaseSummary
    from casewriter.store.model import DuplicateKeys


def keys_of(ct: CaseType) -> DuplicateKeys | None:
    """The case type's duplicate rule as the store takes it."""
    if ct.duplicate_keys is None:
        return None
    return tuple(tuple(group) for group in ct.duplicate_keys)


def as_duplicate(summary: CaseSummary) -> DuplicateCase:
    from casewriter.engine import DuplicateCase

    return DuplicateCase(
        id=summary.id,
        status=summary.status,
        case_type=summary.case_type,
        subject=summary.subject,
        sc_case_id=summary.sc_case_id,
        matched=list(summary.matched),
    )


def same_problem(
    store: CaseStore,
    ct: CaseType,
    identifiers: Iterable[tuple[str, str]],
    *,
    exclude: str | None = None,
    linked: Iterable[str] = (),
) -> list[DuplicateCase]:
    """Logged cases on the same problem (open and closed), those ``linked`` to it left out."""
    skip = set(linked)
    found = store.duplicates(
        identifiers, exclude=exclude, case_type=ct.id, keys=keys_of(ct), include_closed=True
    )
    return [as_duplicate(s) for s in found if s.id not in skip]


def check_rendered(
    store: CaseStore | None,
    ct: CaseType,
    rendered: RenderedCase,
    *,
    exclude: str | None = None,
    linked: Iterable[str] = (),
) -> RenderedCase:
    """``rendered`` with the log's cases on the same problem added (in place): open ones make
    it not ready, closed ones warn. No log: nothing to add."""
    from casewriter.engine import with_duplicates

    if store is None:
        return rendered
    found = same_problem(store, ct, rendered.identifiers, exclude=exclude, linked=linked)
    return with_duplicates(rendered, found)


def check_in_log(paths: AppPaths, ct: CaseType, rendered: RenderedCase) -> RenderedCase:
    """``render``'s look at the log: read-only, and fine without one. A log that cannot be read
    is a warning on the rendered case, never a failed render."""
    from casewriter.store import CaseStore

    try:
        store = CaseStore.open_read_only(paths)
    except StoreError as exc:
        rendered.warnings.append(f"The case log could not be checked for duplicates: {exc.message}")
        return rendered
    if store is None:
        return rendered
    try:
        return check_rendered(store, ct, rendered)
    except StoreError as exc:
        rendered.warnings.append(f"The case log could not be checked for duplicates: {exc.message}")
        return rendered
    finally:
        store.close()
