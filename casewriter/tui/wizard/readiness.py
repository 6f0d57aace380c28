"""Why a case is not ready to file, which logged cases are on the same problem, and the
render's warnings, in the UI's words: the engine gives each reason a code and the slot, fact or
case it is about (``RenderedCase.ready_reasons``: its sentence is English, for the CLI), and
the log's cases on the same problem (``duplicates``, ``closed_matches``); the app names the
field as the wizard shows it and what to do there, and advice written for a case file (its
keys) becomes advice about the app's controls. No textual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from casewriter.tui.i18n import get_language, local, t, tn
from casewriter.tui.strings import CATALOG
from casewriter.tui.wizard.item_lines import invalid_lines

if TYPE_CHECKING:
    from casewriter.engine import CaseType, RenderedCase


ENGINE_URGENT_ADVICE = 'casewriter suggests "urgent" ('
"""How the engine's advice for a case file starts when it suggests "urgent" and the draft names
no urgency ("set urgency = … in the case file")."""


def app_warnings(rendered: RenderedCase, chosen_urgency: str | None) -> list[str]:
    """The render's warnings as the app shows them: the case-file advice about urgency names
    the app's control instead; the log's cases on the same problem are said in the app's words
    (open ones are reasons it is not ready, closed ones follow the other warnings)."""
    same = [*getattr(rendered, "duplicates", []), *getattr(rendered, "closed_matches", [])]
    out: list[str] = []
    for warning in rendered.warnings:
        code = str(getattr(warning, "code", ""))
        if code == "item.line":
            continue  # the checklist names the line and what is wrong with it
        if code.startswith("item.") and f"wz.w.{code}" in CATALOG:
            params = getattr(warning, "params", {})
            out.append(t(f"wz.w.{code}", **{k: _param(k, v) for k, v in params.items()}))
        elif warning.startswith(ENGINE_URGENT_ADVICE) and chosen_urgency is None:
            reasons = t("list.semicolon").join(local(r) for r in rendered.urgency_reasons)
            out.append(t("wz.rev.urgent_advice", reasons=reasons))
        elif any(c.id in warning and "same problem" in warning for c in same):
            continue  # worded below (closed) or as a reason (open)
        else:
            out.append(local(warning))
    out += [duplicate_line(c) for c in getattr(rendered, "closed_matches", [])]
    return out


def _param(key: str, value: object) -> str:
    """A warning's parameter as the app says it: a fact named by its label alone (the engine's
    English adds the case-file key, ``Units lost (units_lost)``, for case-file users)."""
    text = local(value)
    return re.sub(r" \([a-z0-9_]+\)$", "", text) if key == "label" else text


def _slot_label(ct: CaseType | None, key: str) -> str:
    slot = ct.slot(key) if ct is not None else None
    return slot.label.get(get_language()) if slot is not None else key


def _fact_label(ct: CaseType | None, key: str) -> str:
    fact = ct.fact(key) if ct is not None else None
    return fact.label.get(get_language()) if fact is not None else key


def _label(ct: CaseType | None, key: str) -> str:
    """A slot's or a fact's label (the one-of groups mix both)."""
    if ct is not None and ct.slot(key) is not None:
        return _slot_label(ct, key)
    return _fact_label(ct, key)


def reason_line(reason: Any, ct: CaseType | None, rendered: RenderedCase | None = None) -> str:
    """One reason (``ReadyReason``: code, key, text) as the app says it; an unknown code keeps
    the engine's sentence."""
    code, key = reason.code, reason.key or ""
    deadline = rendered.deadline if rendered is not None else None
    if code == "missing-evidence":
        if key == "items":
            return t("ready.missing_items")
        return t("ready.missing_evidence", what=_slot_label(ct, key))
    if code == "invalid-evidence":
        if key == "items":  # the invalid lines named (none: too few lines)
            bad = invalid_lines(rendered.items) if rendered is not None else []
            if bad:
                return tn(
                    "ready.invalid_item_lines", len(bad), lines=t("wz.items.list_sep").join(bad)
                )
            return t("ready.invalid_items")
        return t("ready.invalid_evidence", what=_slot_label(ct, key))
    if code == "missing-fact":
        return t("ready.missing_fact", what=_fact_label(ct, key))
    if code == "needs-one-of":
        names = [_label(ct, k.strip()) for k in key.split(",") if k.strip()]
        return t("ready.needs_one_of", what=t("ready.or").join(names))
    if code == "window-closed" and deadline is not None:
        return t("ready.window_closed", date=deadline.closes.isoformat())
    if code == "window-not-open" and deadline is not None:
        return t("ready.window_not_open", date=deadline.opens.isoformat())
    if code == "duplicate-open":
        return t("ready.duplicate_open", case_id=key)
    if code == "placeholders":
        return t("ready.placeholders")
    return local(reason.text)


def reason_lines(rendered: RenderedCase, ct: CaseType | None) -> list[str]:
    """Every reason ``rendered`` is not ready, in the app's words (empty when it is ready)."""
    return [reason_line(r, ct, rendered) for r in getattr(rendered, "ready_reasons", [])]


def duplicate_line(case: Any) -> str:
    """A logged case on the same problem (``DuplicateCase``) and what to do about it."""
    status = t(f"status.{case.status}")
    sc = t("dup.sc", sc=case.sc_case_id) if case.sc_case_id else ""
    fields = {"case_id": case.id, "status": status, "sc": sc, "subject": case.subject}
    if case.is_open:
        return t("dup.open", **fields)
    return t("dup.denied" if case.status == "denied" else "dup.closed", **fields)


def duplicate_lines(rendered: RenderedCase) -> list[str]:
    """The open cases on the same problem first, then the closed ones."""
    found = [*getattr(rendered, "duplicates", []), *getattr(rendered, "closed_matches", [])]
    return [duplicate_line(c) for c in found]
