"""The one way a rendered case becomes a case-log record (``NewCase``), and is saved.

``render --save``, ``scan --draft``, the wizard and the demo all log what the engine rendered;
they differ only in what they add (edited texts, an expected amount from a report finding).
Works on the engine's ``Draft`` or on its JSON dict (the wizard's state, an autosave).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from casewriter.errors import UsageError
from casewriter.store.model import LoggedCase, NewCase

if TYPE_CHECKING:
    from casewriter.engine import Draft, RenderedCase
    from casewriter.store import CaseStore


def profile_key(draft: Mapping[str, Any], default: str = "") -> str:
    """Which seller account a draft belongs to: its profile id, else its name, else ``default``."""
    profile = draft.get("profile")
    if isinstance(profile, Mapping):
        return str(profile.get("id") or profile.get("name") or default)
    return str(profile or default)


def logged_body(body: str, oer_request: str) -> str:
    """The body kept in the log: the case body, then the OER request if there is one."""
    if not oer_request.strip():
        return body.rstrip() + "\n"
    return f"{body.rstrip()}\n\n{oer_request.rstrip()}\n"


def new_case_from_render(
    draft: Draft | Mapping[str, Any],
    rendered: RenderedCase,
    *,
    profile: str | None = None,
    default_profile: str = "",
    subject: str | None = None,
    body: str | None = None,
    oer_request: str | None = None,
    expected_amount: Decimal | None = None,
    currency: str | None = None,
    deadline_closes: date | None = None,
) -> NewCase:
    """A ``NewCase`` from the engine's draft (model or JSON dict) and its ``RenderedCase``.

    ``subject``/``body``/``oer_request`` replace the rendered texts (the wizard's edits);
    ``deadline_closes`` replaces the rendered deadline (a report finding's own window). The OER
    request, when there is one, is logged inside the body, where it is pasted (product.md).
    """
    data: dict[str, Any] = (
        dict(draft) if isinstance(draft, Mapping) else draft.model_dump(mode="json")
    )
    marketplace = str(rendered.marketplace or data.get("marketplace") or "")
    if currency is None:
        from casewriter.marketplaces import get as get_marketplace

        try:
            currency = get_marketplace(marketplace).currency
        except UsageError:
            currency = ""
    deadline = rendered.deadline
    return NewCase(
        profile=profile if profile is not None else profile_key(data, default_profile),
        marketplace=marketplace,
        case_type=str(rendered.case_type),
        subject=" ".join((subject if subject is not None else rendered.subject).split()),
        body=logged_body(
            body if body is not None else rendered.body,
            oer_request
            if oer_request is not None
            else (rendered.oer.request if rendered.oer else ""),
        ),
        draft=data,
        identifiers=[(str(k), str(v)) for k, v in rendered.identifiers],
        urgency=str(rendered.urgency or "routine"),
        deadline_closes=deadline_closes or (deadline.closes if deadline is not None else None),
        expected_amount=expected_amount,
        currency=currency,
    )


def save_rendered(
    store: CaseStore,
    draft: Draft | Mapping[str, Any],
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
