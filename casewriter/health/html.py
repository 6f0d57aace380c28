"""The review as one self-contained HTML page (``format_html(review, lang)``): no network, no
script, no external font, style sheet or image; the charts inline SVG (``charts.py``); a print
style sheet so it reads on paper (A4, charts kept whole, links not needed).

Every text that comes from a report, the log or the user is escaped (``html.escape``); nothing
is inserted as markup, and terminal controls and bidi overrides are shown as visible escapes
(``safetext.escape_controls``, as ``render --out`` writes them). The page's sections mirror the text review: account, inventory, actions,
sources, notes.
"""

from __future__ import annotations

from html import escape

from casewriter.health.charts import inventory_chart, metric_chart
from casewriter.health.model import Figure, HealthReview
from casewriter.health.text import H, amount_and_date, case_state, item_notes, status_word
from casewriter.health.words import number, target_text
from casewriter.safetext import escape_controls

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC",
  "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 60rem; color: #111;
  line-height: 1.45; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem;
  margin-top: 2rem; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid #ddd;
  vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.miss { color: #b00020; font-weight: 600; }
.warning { color: #a15c00; font-weight: 600; }
.ok { color: #1b7a1b; }
.no-data, .absent { color: #666; }
.sub { color: #555; font-size: 0.85rem; }
.charts { display: flex; flex-wrap: wrap; gap: 0.5rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
ol.actions > li { margin-bottom: 0.8rem; break-inside: avoid; page-break-inside: avoid; }
.case { background: #f3f6fa; padding: 0.3rem 0.5rem; border-left: 3px solid #1f5fa8; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  @page { size: A4; margin: 14mm; }
}
"""


def _e(text: object) -> str:
    return escape(escape_controls(str(text)), quote=True)


def _cls(status: str) -> str:
    return _e(status)


def _figure_rows(fig: Figure, lang: str) -> list[str]:
    label = _e(fig.label.get(lang))
    if fig.value is None:
        why = _e(fig.absent.get(lang)) if fig.absent else ""
        return [f'<tr class="figure" data-key="{_e(fig.key)}"><td>{label}</td>'
                f'<td class="num">–</td><td></td><td class="absent">{why}</td></tr>']  # fmt: skip
    goal = _e(target_text(fig.target, lang)) if fig.target else ""
    src = ""
    if fig.source is not None:
        src = _e(
            fig.source.report + (f", {fig.source.date.isoformat()}" if fig.source.date else "")
        )
    how = f'<div class="sub">{_e(fig.how.get(lang))}</div>' if fig.how else ""
    rows = [
        f'<tr class="figure" data-key="{_e(fig.key)}"><td>{label}{how}</td>'
        f'<td class="num">{_e(number(fig.value, fig.unit, fig.currency))}</td><td>{goal}</td>'
        f'<td><span class="{_cls(fig.status)}">{_e(status_word(fig.status, lang))}</span> '
        f'<span class="sub">{src}</span></td></tr>'
    ]  # fmt: skip
    for part in fig.parts:
        amount = number(part.amount, "money", part.currency) if part.amount is not None else ""
        units = number(part.units, "units") if part.units is not None else ""
        rows.append(f'<tr class="part"><td class="sub">&nbsp;&nbsp;{_e(part.label.get(lang))}</td>'
                    f'<td class="num sub">{_e(units)}</td><td class="sub">{_e(amount)}</td>'
                    "<td></td></tr>")  # fmt: skip
    for item in fig.items:
        bits = item_notes(item, lang)
        who = item.sku or item.fnsku or item.asin
        units = number(item.units, "units") if item.units is not None else ""
        rows.append(f'<tr class="item"><td class="sub">&nbsp;&nbsp;· {_e(who)}</td>'
                    f'<td class="num sub">{_e(units)}</td><td class="sub" colspan="2">'
                    f"{_e(' · '.join(bits))}</td></tr>")  # fmt: skip
    if fig.more_items:
        rows.append(f'<tr class="item"><td class="sub" colspan="4">… {fig.more_items} '
                    f"{_e(H['more'].get(lang))}</td></tr>")  # fmt: skip
    return rows


def format_html(review: HealthReview, lang: str = "en") -> str:
    def t(key: str) -> str:
        return _e(H[key].get(lang))

    acc, inv = review.account, review.inventory
    title = f"{H['title'].get(lang)} · {review.marketplace} · {review.as_of.isoformat()}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hans" if lang == "zh" else "en"}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        '<section id="account">',
        f"<h2>{t('account')}</h2>",
    ]
    if acc.absent is not None:
        out.append(f'<p class="absent">{_e(acc.absent.get(lang))}</p>')
    else:
        out.append("<table><tbody>")
        for m in acc.metrics:
            unit = m.target.unit if m.target else "count"
            value = number(m.value, unit) if m.value is not None else "–"
            goal = target_text(m.target, lang) if m.target else ""
            notes = [a.get(lang) for a in m.alerts] + ([m.absent.get(lang)] if m.absent else [])
            note_html = "".join(f'<div class="sub">{_e(n)}</div>' for n in notes)
            out.append(f'<tr class="metric" data-key="{_e(m.key)}"><td>{_e(m.label.get(lang))}'
                       f'{note_html}</td><td class="num">{_e(value)}</td><td>{_e(goal)}</td>'
                       f'<td class="{_cls(m.status)}">{_e(status_word(m.status, lang))}</td></tr>')  # fmt: skip
        out.append("</tbody></table>")
        charts = [c for c in (metric_chart(m, lang) for m in acc.metrics) if c]
        out.append('<div class="charts">')
        out += [f"<figure>{c}</figure>" for c in charts]
        out.append("</div>")
    out += ["</section>", '<section id="inventory">',
            f"<h2>{t('inventory')}" + (f" · {_e(inv.snapshot.isoformat())}" if inv.snapshot else "")
            + "</h2>"]  # fmt: skip
    if inv.absent is not None:
        out.append(f'<p class="absent">{_e(inv.absent.get(lang))}</p>')
    out.append("<table><tbody>")
    for fig in inv.figures:
        out += _figure_rows(fig, lang)
    out.append("</tbody></table>")
    inv_charts = [c for c in (inventory_chart(review, k, lang) for k in ("sell_through",
                                                                         "excess_share")) if c]  # fmt: skip
    if inv_charts:
        out.append('<div class="charts">')
        out += [f"<figure>{c}</figure>" for c in inv_charts]
        out.append("</div>")
    out += ["</section>", '<section id="actions">', f"<h2>{t('actions')}</h2>"]
    if not review.actions:
        out.append(f"<p>{t('none')}</p>")
    out.append('<ol class="actions">')
    for a in review.actions:
        head = _e(a.title.get(lang))
        extra = amount_and_date(a.amount, a.currency, a.deadline, lang)
        li = [f'<li data-key="{_e(a.key)}"><strong>{head}</strong>'
              + (f" · {_e(' · '.join(extra))}" if extra else "")]  # fmt: skip
        if a.where:
            li.append(f'<div class="sub">{t("where")}: {_e(a.where.get(lang))}</div>')
        li.append(f"<div>{_e(a.steps.get(lang))}</div>")
        if a.case is not None:
            state = case_state(a.case, lang, _e)
            li.append(f'<div class="case">{t("case")}: {_e(a.case.title.get(lang))} '
                      f"(<code>{_e(a.case.case_type)}</code>) — {state}</div>")  # fmt: skip
        li.append("</li>")
        out.append("".join(li))
    out += ["</ol>", "</section>", '<section id="sources">', f"<h2>{t('sources')}</h2>",
            "<table><tbody>"]  # fmt: skip
    for s in review.sources:
        dates = ", ".join(d.isoformat() for d in s.dates[:3]) + (" …" if len(s.dates) > 3 else "")
        out.append(f"<tr><td>{_e(s.status)}</td><td>{_e(s.type or '')}</td>"
                   f'<td class="num">{s.rows}</td><td>{_e(dates)}</td>'
                   f"<td>{_e(s.path)}{(' — ' + _e(s.reason)) if s.reason else ''}</td></tr>")  # fmt: skip
    if acc.records:
        out.append(f"<tr><td>read</td><td>account-record</td><td class=\"num\">{len(acc.records)}"
                   f"</td><td>{acc.records[0].date.isoformat()} … {acc.records[-1].date.isoformat()}"
                   "</td><td></td></tr>")  # fmt: skip
    out += ["</tbody></table>", "</section>"]
    if review.notes:
        out += ['<section id="notes">', f"<h2>{t('notes')}</h2>", "<ul>"]
        out += [f"<li>{_e(n.get(lang))}</li>" for n in review.notes]
        out += ["</ul>", "</section>"]
    out += ["</body>", "</html>"]
    return escape_controls("\n".join(out) + "\n")
