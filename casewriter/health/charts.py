"""The review's charts as inline SVG, drawn by pygal (a maintained SVG plotting library with no
dependency of its own beyond the standard library; matplotlib would add ~40 MB for a few lines).

``metric_chart(metric, lang)``: an account metric over the recorded weeks with its target as a
second line; ``inventory_chart(review, key, lang)``: sell-through or excess share per planning
snapshot with its target. Each returns one ``<svg>`` element as text, or "" when there is
nothing to draw (fewer than one value).

Made safe for a page that must run nothing: pygal's ``<script>`` (its tooltip config, which
would carry the labels) and its comments (with the date drawn) are removed from the tree before
it is written; labels are escaped by the XML writer; the chart's random id is replaced by a
stable one, so the same review gives the same page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

from casewriter.health.model import AccountMetric, HealthReview, Target

WIDTH, HEIGHT = 440, 220


def _strip(node: ET.Element) -> None:
    for child in list(node):
        if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] == "script":
            node.remove(child)
        else:
            _strip(child)


def _style() -> Any:
    from pygal.style import Style

    return Style(
        background="white", plot_background="white", foreground="#222",
        foreground_strong="#000", foreground_subtle="#666",
        colors=("#1f5fa8", "#c0392b", "#888888"), font_family="sans-serif",
        title_font_size=14, label_font_size=11, legend_font_size=11, major_label_font_size=11,
    )  # fmt: skip


def _render(title: str, labels: list[str], series: list[tuple[str, list[float | None]]],
            chart_id: str) -> str:  # fmt: skip
    import pygal

    chart = pygal.Line(
        js=[], disable_xml_declaration=True, width=WIDTH, height=HEIGHT, explicit_size=True,
        style=_style(), show_dots=True, dots_size=3, x_label_rotation=20, truncate_label=-1,
        legend_at_bottom=True, allow_interruptions=True, print_values=False,
        show_minor_y_labels=False,
    )  # fmt: skip
    chart.title = title
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    tree = chart.render_tree()
    _strip(tree)
    text = ET.tostring(tree, encoding="unicode")
    return text.replace(str(chart.uuid), chart_id)


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _target_name(target: Target, lang: str) -> str:
    from casewriter.health.words import target_text

    return ("目标 " if lang == "zh" else "target ") + target_text(target, lang).split(" (")[0]


def metric_chart(metric: AccountMetric, lang: str = "en") -> str:
    values = [_f(p.value) for p in metric.trend]
    if not any(v is not None for v in values):
        return ""
    labels = [p.date.isoformat() for p in metric.trend]
    series: list[tuple[str, list[float | None]]] = [(metric.label.get(lang), values)]
    if metric.target is not None:
        series.append((_target_name(metric.target, lang),
                       [float(metric.target.value)] * len(values)))  # fmt: skip
    return _render(metric.label.get(lang), labels, series, f"chart-{metric.key}")


def inventory_chart(review: HealthReview, key: str, lang: str = "en") -> str:
    """``key``: ``sell_through`` or ``excess_share``."""
    points = review.inventory.trend
    values = [_f(getattr(p, key)) for p in points]
    if not any(v is not None for v in values):
        return ""
    fig = review.inventory.figure(key)
    label = fig.label.get(lang) if fig else key
    series: list[tuple[str, list[float | None]]] = [(label, values)]
    if fig is not None and fig.target is not None:
        series.append((_target_name(fig.target, lang), [float(fig.target.value)] * len(values)))
    return _render(label, [p.date.isoformat() for p in points], series, f"chart-{key}")
