"""The wizard's two ways into the case log, with what they ask first: ``save_draft`` (a case
on the same problem in the log: "save anyway?") and ``mark_filed`` (not ready, each reason
named, or a closed case on the same problem: "file anyway?", the override recorded as a
``forced`` event; then the Seller Central case ID, from its box or asked for). Both write
through ``WizardSession`` the text the review shows, announce the case (``cases_changed``)
and hand its id to ``done`` (the wizard closes); a store error is a notification.

The wizard screen calls them with itself as ``node`` (for dialogs and notifications).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from casewriter.errors import CasewriterError
from casewriter.tui.host import host
from casewriter.tui.i18n import local, t
from casewriter.tui.safe import Input
from casewriter.tui.wizard.readiness import duplicate_line, duplicate_lines, reason_lines
from casewriter.tui.wizard.session import WizardSession

if TYPE_CHECKING:
    from textual.screen import Screen

    from casewriter.engine import CaseType, PasteText, RenderedCase
    from casewriter.store import LoggedCase, NewCase

Done = Callable[[str], None]


def save_draft(
    node: Screen[Any], session: WizardSession, rendered: RenderedCase, text: PasteText, done: Done
) -> None:
    """Save the draft; when the log holds a case on the same problem, ask first."""

    def save() -> None:
        logged = _log(node, session, rendered, text, session.save)
        if logged is not None:
            node.notify(t("wz.rev.saved", case_id=logged.id))
            done(logged.id)

    same = duplicate_lines(rendered)
    if same:
        _confirm(node, t("dup.save_q"), same, t("dup.save_anyway"), save)
    else:
        save()


def mark_filed(
    node: Screen[Any],
    session: WizardSession,
    rendered: RenderedCase,
    text: PasteText,
    case_type: CaseType | None,
    box: Input,
    done: Done,
) -> None:
    """File the case. Not ready (each reason named) or a closed case on the same problem in
    the log: ask first; filing anyway is recorded with its reasons. Then the Seller Central
    case ID: the one in ``box``, or asked for."""
    reasons = list(rendered.ready_reasons)
    lines = reason_lines(rendered, case_type) if reasons else []
    lines += [duplicate_line(c) for c in rendered.closed_matches]
    forced = None
    if reasons:
        from casewriter.services.filing import forced_text

        forced = forced_text(reasons)

    def file_as(sc_case_id: str) -> None:
        def write(record: NewCase) -> LoggedCase:
            return session.save_filed(record, sc_case_id, forced=forced)

        logged = _log(node, session, rendered, text, write)
        if logged is not None:
            node.notify(t("wz.rev.filed", case_id=logged.id, sc_id=sc_case_id))
            done(logged.id)

    def file_it() -> None:
        _with_case_id(node, box, file_as)

    if lines:
        _confirm(node, t("wz.rev.file_q"), lines, t("wz.rev.file_anyway"), file_it)
    else:
        file_it()


def _confirm(
    node: Screen[Any], question: str, lines: list[str], yes: str, then: Callable[[], None]
) -> None:
    from casewriter.tui.dialogs.confirm import ConfirmDialog

    def answered(ok: bool | None) -> None:
        if ok:
            then()

    details = [f"• {line}" for line in lines]
    node.app.push_screen(ConfirmDialog(question, yes=yes, details=details), answered)


def _with_case_id(node: Screen[Any], box: Input, then: Callable[[str], None]) -> None:
    """Call ``then`` with the checked Seller Central case ID from ``box``, or ask for it."""
    from casewriter.identifiers import check

    raw = box.value.strip()
    if not raw:
        _ask_case_id(node, box, then)
        return
    result = check(raw, "case_id")
    if result.status != "valid" or not result.normalized:
        reason = local(result.reason) if result.reason else t("wz.rev.ask_sc_id")
        node.notify(t("wz.rev.bad_id", reason=reason), severity="error")
        box.focus()
        return
    then(result.normalized)


def _ask_case_id(node: Screen[Any], box: Input, then: Callable[[str], None]) -> None:
    from casewriter.tui.dialogs.prompt import PromptDialog
    from casewriter.tui.wizard.validators import case_id_problem

    def answered(value: str | None) -> None:
        if value:
            box.value = value
            _with_case_id(node, box, then)

    node.app.push_screen(
        PromptDialog(t("wz.rev.ask_sc_id"), check=case_id_problem, placeholder="12345678901"),
        answered,
    )


def _log(
    node: Screen[Any],
    session: WizardSession,
    rendered: RenderedCase,
    text: PasteText,
    write: Callable[[NewCase], LoggedCase],
) -> LoggedCase | None:
    """Write the case with the review's text; announce it, or show the store's error."""
    try:
        logged = write(session.record(rendered, text))
    except CasewriterError as exc:
        node.notify(t("wz.rev.store_error", error=local(exc.message)), severity="error")
        return None
    host(node).cases_changed.publish(logged.id)
    return logged
