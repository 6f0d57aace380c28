"""The review as Markdown a seller can keep (``format_markdown(review, lang)``): the same
sections as the text review, as tables and lists.

Text from reports, the log and the user is escaped (``md``): what can start markup inline
(backslash, backtick, ``* _ [ ] < > | ~ &``) gets a backslash and line breaks become spaces,
so a SKU or a reason can never become a link, an image, HTML, an entity or a new table cell;
every escaped text follows a prefix (``| ``, ``- ``), so nothing starts a line. Terminal
controls and bidi overrides become visible escapes first (``safetext.escape_controls``, as
``render --out`` writes them), and the whole page once more before it is returned.
"""

from __future__ import annotations

import re

from casewriter.health.model import Figure, HealthReview
from casewriter.health.text import H, amount_and_date, case_state, item_notes, status_word
from casewriter.health.words import number, target_text
from casewriter.safetext import escape_controls

#: what can start markup inline (every escaped text follows a prefix, never starts a line)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md(text: object) -> str:
    """``text`` as literal Markdown (inline): specials escaped, one line."""
    flat = " ".join(escape_controls(str(text)).split())
    return _SPECIAL.sub(r"\\\1", flat)


def _figure(fig: Figure, lang: str) -> list[str]:
    label = md(fig.label.get(lang))
    if fig.value is None:
        why = md(fig.absent.get(lang)) if fig.absent else ""
        return [f"| {label} | – | | {why} |"]
    goal = md(target_text(fig.target, lang)) if fig.target else ""
    src = ""
    if fig.source is not None:
        src = md(
            fig.source.report + (f", {fig.source.date.isoformat()}" if fig.source.date else "")
        )
    return [f"| {label} | {md(number(fig.value, fig.unit, fig.currency))} | {goal} | "
            f"{md(status_word(fig.status, lang))} {src} |"]  # fmt: skip


def format_markdown(review: HealthReview, lang: str = "en") -> str:
    def t(key: str) -> str:
        return md(H[key].get(lang))

    acc, inv = review.account, review.inventory
    out = [f"# {t('title')} · {md(review.marketplace)} · {review.as_of.isoformat()}", ""]
    out += [f"## {t('account')}", ""]
    if acc.absent is not None:
        out += [md(acc.absent.get(lang)), ""]
    else:
        out += ["| | | | |", "|---|---:|---|---|"]
        for m in acc.metrics:
            unit = m.target.unit if m.target else "count"
            value = number(m.value, unit) if m.value is not None else "–"
            goal = target_text(m.target, lang) if m.target else ""
            out.append(f"| {md(m.label.get(lang))} | {md(value)} | {md(goal)} | "
                       f"{md(status_word(m.status, lang))} |")  # fmt: skip
        out.append("")
        for m in acc.metrics:
            for note in [a.get(lang) for a in m.alerts] + (
                [m.absent.get(lang)] if m.absent else []
            ):
                out.append(f"- {md(m.label.get(lang))}: {md(note)}")
        out.append("")
    out += [f"## {t('inventory')}" + (f" · {inv.snapshot.isoformat()}" if inv.snapshot else ""), ""]
    if inv.absent is not None:
        out += [md(inv.absent.get(lang)), ""]
    out += ["| | | | |", "|---|---:|---|---|"]
    for fig in inv.figures:
        out += _figure(fig, lang)
    out.append("")
    for fig in inv.figures:
        if not (fig.parts or fig.items):
            continue
        out.append(f"**{md(fig.label.get(lang))}**")
        out.append("")
        for part in fig.parts:
            amount = (
                f" · {md(number(part.amount, 'money', part.currency))}"
                if part.amount is not None
                else ""
            )
            units = md(number(part.units, "units")) if part.units is not None else ""
            out.append(f"- {md(part.label.get(lang))}: {units}{amount}")
        for item in fig.items:
            bits = [number(item.units, "units")] if item.units is not None else []
            bits += item_notes(item, lang)
            out.append(f"- {md(item.sku or item.fnsku or item.asin)}: {md(' · '.join(bits))}")
        if fig.more_items:
            out.append(f"- … {fig.more_items} {t('more')}")
        out.append("")
    out += [f"## {t('actions')}", ""]
    if not review.actions:
        out += [t("none"), ""]
    for n, a in enumerate(review.actions, 1):
        extra = amount_and_date(a.amount, a.currency, a.deadline, lang)
        out.append(
            f"{n}. **{md(a.title.get(lang))}**" + (f" · {md(' · '.join(extra))}" if extra else "")
        )
        if a.where:
            out.append(f"   - {t('where')}: {md(a.where.get(lang))}")
        out.append(f"   - {md(a.steps.get(lang))}")
        if a.case is not None:
            state = case_state(a.case, lang, md)
            out.append(f"   - {t('case')}: {md(a.case.case_type)} ({state})")
    out += ["", f"## {t('sources')}", ""]
    for s in review.sources:
        dates = f" {s.dates[0].isoformat()} … {s.dates[-1].isoformat()}" if s.dates else ""
        reason = f" — {md(s.reason)}" if s.reason else ""
        out.append(
            f"- {md(s.status)} · {md(s.type or '-')} · {s.rows}{dates} · {md(s.path)}{reason}"
        )
    if acc.records:
        out.append(f"- read · account-record · {len(acc.records)} · "
                   f"{acc.records[0].date.isoformat()} … {acc.records[-1].date.isoformat()}")  # fmt: skip
    if review.notes:
        out += ["", f"## {t('notes')}", ""] + [f"- {md(n.get(lang))}" for n in review.notes]
    return escape_controls("\n".join(out) + "\n")
