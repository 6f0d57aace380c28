"""A rendered case as text or Markdown: the case text first (subject, body, OER: the paste text
of ``paste.py``, exactly what the wizard copies and the log keeps) so it can be copied as it
is, then a report after a separator (checklist, deadline, urgency, warnings)."""

from __future__ import annotations

from casewriter.engine.deadline_text import deadline_line
from casewriter.engine.drafts import RenderedCase
from casewriter.engine.paste import PasteText

SEPARATOR = "-" * 72
_MARKS = {"provided": "ok", "missing": "missing", "invalid": "INVALID", "unverified": "unverified"}


def _report(case: RenderedCase, bullet: str) -> list[str]:
    # ready_reasons name a closed or not yet open claim window; a period that is not a claim
    # window (stranded units) is never one of them
    if case.ready:
        lines = ["Checklist: ready to file"]
    else:
        lines = ["Checklist: NOT ready to file:"]
        lines += [f"{bullet}{r.text} [{r.code}]" for r in case.ready_reasons]
        lines.append("")
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
    """The paste text, then the report after a separator line."""
    report = "\n".join([SEPARATOR, *_report(case, "  ")])
    return f"{PasteText.of(case).text()}\n{report}\n"


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
