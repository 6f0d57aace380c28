"""Ready means ready: why a rendered case may not be filed yet, each reason a short code and an
English sentence (``ReadyReason``; the TUI words the code in its own language).

A case is not ready when a required slot, item or fact is missing (``missing-evidence``,
``missing-fact``); when anything provided is invalid, an optional attachment Amazon would refuse
included (``invalid-evidence``); when its claim window is closed or not open yet
(``window-closed``, ``window-not-open``: only claim windows, never a deadline the catalog marks
as not one); when a readiness rule of its case type is not met (``needs-one-of``); when the
text still holds placeholders (``placeholders``); or when an open case on the same problem is
in the log (``duplicate-open``, added by the service layer through ``with_duplicates``).

Warnings, never reasons: unverified identifiers, past the safer ``safe_by`` date, no documented
window for the marketplace, more items than the suggested cap, a closed or denied case on the
same problem (reopen it; do not resubmit a declined request: Amazon's support guidelines).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from casewriter.engine.deadline_text import source_text
from casewriter.engine.drafts import (
    ChecklistItem,
    Deadline,
    DuplicateCase,
    ReadyReason,
    RenderedCase,
)
from casewriter.engine.models import ITEM_PRODUCT_FIELDS, CaseType
from casewriter.engine.values import FactValue
from casewriter.engine.warning_words import ws
from casewriter.messages import Said, said

#: Every reason code, in the order reasons are listed.
CODES = ("missing-evidence", "invalid-evidence", "missing-fact", "needs-one-of", "window-closed",
         "window-not-open", "duplicate-open", "placeholders")  # fmt: skip


def _given(item: ChecklistItem | None) -> bool:
    return item is not None and item.status in ("provided", "unverified")


def reasons(
    ct: CaseType,
    checklist: list[ChecklistItem],
    facts: Mapping[str, FactValue],
    deadline: Deadline | None,
    placeholders: Iterable[str] = (),
) -> list[ReadyReason]:
    """Why the case is not ready (empty: ready), duplicates aside."""
    out: list[ReadyReason] = []
    by_slot = {c.slot: c for c in checklist}
    product_missing = any(
        by_slot[s.key].status == "missing" and s.required
        for s in ct.evidence
        if s.kind in ITEM_PRODUCT_FIELDS and s.key in by_slot
    )
    for item in checklist:
        if item.status == "missing" and item.required:
            if item.slot == "items" and product_missing:
                continue  # the product slot's own reason says it
            out.append(ReadyReason(code="missing-evidence", key=item.slot,
                                   text=said("ready.missing_evidence", label=item.label)))  # fmt: skip
        elif item.status == "invalid":
            fix = said("ready.fix" if item.required else "ready.fix_or_remove")
            text = said("ready.invalid_evidence", label=item.label, reason=item.reason, fix=fix)
            out.append(ReadyReason(code="invalid-evidence", key=item.slot, text=text))
    for spec in ct.facts:
        if spec.required_for(facts) and not spec.computed and spec.key not in facts:
            out.append(ReadyReason(code="missing-fact", key=spec.key,
                                   text=said("ready.missing_fact", label=spec.label.both())))  # fmt: skip
    for group in ct.ready_requires_one_of:
        if any(_given(by_slot.get(k)) or facts.get(k) not in (None, False) for k in group):
            continue
        names = [_name(ct, k) for k in group]
        listed = Said(
            ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0],
            "或".join(n.zh for n in names),
        )
        out.append(ReadyReason(code="needs-one-of", key=",".join(group),
                               text=ws("ready.needs_one_of", listed=listed)))  # fmt: skip
    if deadline is not None and deadline.claim_window:
        if deadline.status == "expired":
            out.append(ReadyReason(code="window-closed", key=None,
                                   text=said("ready.window_closed", closes=deadline.closes.isoformat(), src=source_text(deadline))))  # fmt: skip
        elif deadline.status == "too-early":
            out.append(ReadyReason(code="window-not-open", key=None,
                                   text=said("ready.window_not_open", opens=deadline.opens.isoformat(), src=source_text(deadline))))  # fmt: skip
    held = list(dict.fromkeys(placeholders))
    if held and not any(r.code.startswith("missing") for r in out):
        out.append(ReadyReason(code="placeholders", key=None,
                               text=ws("ready.placeholders", names=placeholder_names(ct, held))))  # fmt: skip
    return out


#: What the rest of a template's data is called in Chinese (``seller.name``: the store name).
_DATA_ZH = {"seller.name": "lang.store_name", "seller.signature": "lang.signature",
            "narrative.what_happened": "lang.what_happened", "narrative.request": "lang.request"}  # fmt: skip


def placeholder_names(ct: CaseType, names: Iterable[str]) -> Said:
    """The data a text's placeholders stand for: the template's names in English
    (``facts.root_cause, ev.shipment_id``), the fields' labels in Chinese (``根本原因、FBA货件编号``)."""
    shown = list(dict.fromkeys(names))
    zh: list[str] = []
    for name in shown:
        section, _, key = name.partition(".")
        spec = ct.fact(key) if section == "facts" else None
        slot = ct.slot(key) if section in ("ev", "evs") else None
        if spec is not None:
            zh.append(spec.label.get("zh"))
        elif slot is not None:
            zh.append(slot.label.get("zh"))
        elif name in _DATA_ZH:
            zh.append(ws(_DATA_ZH[name]).zh)
        else:
            zh.append(name)
    return Said(", ".join(shown), "、".join(dict.fromkeys(zh)))


def _name(ct: CaseType, key: str) -> Said:
    slot = ct.slot(key)
    if slot is not None:
        return slot.label.both()
    spec = ct.fact(key)
    return spec.label.both() if spec else Said(key)


def _shared(case: DuplicateCase) -> Said:
    shared = ", ".join(f"{k} {v}" for k, v in case.matched)
    return Said(shared) if shared else ws("dup.its_ids")


def duplicate_text(case: DuplicateCase) -> Said:
    """The sentence for an open case on the same problem (the app words these itself, from
    the case: ``tui.wizard.readiness.duplicate_line``)."""
    filed = ws("dup.filed", sc=case.sc_case_id) if case.sc_case_id else ""
    return ws("dup.open", case_id=case.id, status=case.status, filed=filed,
              shared=_shared(case))  # fmt: skip


def closed_text(case: DuplicateCase) -> Said:
    """The sentence for a resolved, closed or denied case on the same problem: reopen it, or
    (denied) do not resubmit (Amazon's support guidelines, domain.md §4 and §8)."""
    where = ws("dup.sc_case", sc=case.sc_case_id) if case.sc_case_id else ws("dup.no_sc")
    code = "dup.denied" if case.status == "denied" else "dup.closed"
    return ws(code, case_id=case.id, status=case.status, shared=_shared(case), where=where)


def with_duplicates(rendered: RenderedCase, cases: Iterable[DuplicateCase]) -> RenderedCase:
    """Add the log's cases on the same problem to a rendered case (in place, returned): an open
    one is a reason not to file, a closed or denied one a warning saying what to do instead."""
    for case in cases:
        if case.is_open:
            rendered.duplicates.append(case)
            text = duplicate_text(case)
            rendered.ready_reasons.append(
                ReadyReason(code="duplicate-open", key=case.id, text=text)
            )
            rendered.warnings.append(text)
        else:
            rendered.closed_matches.append(case)
            rendered.warnings.append(closed_text(case))
    rendered.ready = not rendered.ready_reasons
    return rendered
