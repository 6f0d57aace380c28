"""The one way a rendered case becomes a case-log record (``NewCase``), and is saved.

``render --save``, ``scan --draft``, the wizard and the demo all log what the engine rendered;
they differ only in what they add (edited texts, an expected amount from a report finding).
The subject and body logged are the paste text's (``casewriter.engine.PasteText``: the body,
then the OER title and request), the same text ``render`` prints and the wizard copies; the
draft is logged as ``Draft.model_dump(mode="json")`` (its typed facts in their JSON form).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from casewriter.errors import UsageError
from casewriter.store.model import LoggedCase, NewCase

if TYPE_CHECKING:
    from casewriter.engine import Draft, PasteText, RenderedCase
    from casewriter.store import CaseStore


def profile_key(draft: Draft, default: str = "") -> str:
    """Which seller account a draft belongs to: its profile id, else its name, else ``default``."""
    profile = draft.profile
    if profile is None or isinstance(profile, str):
        return profile or default
    return profile.id or profile.name or default


def new_case_from_render(
    draft: Draft,
    rendered: RenderedCase,
    *,
    profile: str | None = None,
    default_profile: str = "",
    text: PasteText | None = None,
    expected_amount: Decimal | None = None,
    currency: str | None = None,
    deadline_closes: date | None = None,
) -> NewCase:
    """A ``NewCase`` from the engine's draft and its ``RenderedCase``.

    ``text`` replaces the rendered paste text (the wizard's edits); ``deadline_closes``
    replaces the rendered deadline (a report finding's own window). The OER request, when there
    is one, is logged inside the body after its title, where it is pasted (product.md).
    """
    from casewriter.engine import PasteText

    data: dict[str, Any] = draft.model_dump(mode="json")
    marketplace = str(rendered.marketplace or data.get("marketplace") or "")
    if currency is None:
        from casewriter.marketplaces import get as get_marketplace

        try:
            currency = get_marketplace(marketplace).currency
        except UsageError:
            currency = ""
    paste = text if text is not None else PasteText.of(rendered)
    deadline = rendered.deadline
    return NewCase(
        profile=profile if profile is not None else profile_key(draft, default_profile),
        marketplace=marketplace,
        case_type=str(rendered.case_type),
        subject=paste.subject_line(),
        body=paste.body_text(),
        draft=data,
        identifiers=[(str(k), str(v)) for k, v in rendered.identifiers],
        urgency=str(rendered.urgency or "routine"),
        deadline_closes=deadline_closes or (deadline.closes if deadline is not None else None),
        expected_amount=expected_amount,
        currency=currency,
        duplicate_keys=None
        if rendered.duplicate_keys is None
        else tuple(tuple(g) for g in rendered.duplicate_keys),
    )


def save_rendered(
    store: CaseStore,
    draft: Draft,
    rendered: RenderedCase,
    *,
    default_profile: str = "",
    link: str | None = None,
    now: datetime | None = None,
) -> LoggedCase:
    """Log a rendered case as a new draft (with its ``link``, in one transaction).

    Saving never blocks on a duplicate: ``.duplicates`` on the result lists the open cases it
    shares identifiers with, for the caller to warn about (filing is what the guard refuses).
    """
    new = new_case_from_render(draft, rendered, default_profile=default_profile)
    return store.save_new(new, link=link, now=now)
