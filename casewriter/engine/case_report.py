"""A rendered case as text or Markdown: the case text first (subject, body, OER) so it can be
copied as it is, then a report after a separator (checklist, deadline, urgency, warnings)."""

from __future__ import annotations

from casewriter.engine.models import Deadline, RenderedCase

SEPARATOR = "-" * 72
_MARKS = {"provided": "ok", "missing": "missing", "invalid": "INVALID", "unverified": "unverified"}


def deadline_line(d: Deadline) -> str:
    src = f"{d.source}, as of {d.as_of.isoformat()}" if d.as_of else d.source
    if d.status == "too-early":
        head = f"too early – opens {d.opens.isoformat()}, closes {d.closes.isoformat()}"
    elif d.status == "expired":
        head = f"expired – closed {d.closes.isoformat()}"
    else:
        head = f"claimable – closes {d.closes.isoformat()} ({d.days_left} days left)"
    safe = f"; to be safe file by {d.safe_by.isoformat()}" if d.safe_by else ""
    clock = f"; clock: {d.clock} on {d.event_date.isoformat()}" if d.event_date and d.clock else ""
    return f"{head}{safe}{clock} [source: {src}]"


def _report(case: RenderedCase, bullet: str) -> list[str]:
    window = case.deadline.status if case.deadline else "claimable"
    if not case.ready:
        verdict = "NOT ready to file (required evidence missing or invalid)"
    elif window != "claimable":
        verdict = f"evidence complete, but the claim window is {window.replace('-', ' ')}"
    else:
        verdict = "ready to file"
    lines = [f"Checklist: {verdict}"]
    for item in case.checklist:
        req = "required" if item.required else "recommended"
        values = ", ".join(item.values)
        text = f"{bullet}[{_MARKS[item.status]}] {item.label} ({req})"
        text += f": {values}" if values else ""
        text += f" – {item.reason}" if item.reason else ""
        lines.append(text)
    lines.append("")
    lines.append(
        f"Deadline: {deadline_line(case.deadline)}" if case.deadline else "Deadline: none applies"
    )
    suggestion = f"suggested {case.urgency_suggestion}: " + "; ".join(case.urgency_reasons)
    lines.append(f"Urgency: {case.urgency} ({suggestion})")
    if case.warnings:
        lines += ["", "Warnings:"] + [f"{bullet}{w}" for w in case.warnings]
    return lines


def format_text(case: RenderedCase) -> str:
    out = [f"Subject: {case.subject}", "", case.body, ""]
    if case.oer:
        out += ["", f"OER title: {case.oer.title}", "", case.oer.request, ""]
    out += [SEPARATOR, *_report(case, "  ")]
    return "\n".join(out) + "\n"


def format_markdown(case: RenderedCase) -> str:
    out = [f"# {case.subject}", "", "```text", case.body, "```", ""]
    if case.oer:
        out += [f"## {case.oer.title}", "", "```text", case.oer.request, "```", ""]
    out += [
        "---",
        "",
        *(line if not line.endswith(":") else f"**{line}**" for line in _report(case, "- ")),
    ]
    return "\n".join(out) + "\n"
