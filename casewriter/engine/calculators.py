"""Account-health calculators: every rate a case type declares in its ``[[thresholds]]`` table
(ODR, late shipment, pre-fulfilment cancel and valid tracking rates for
``performance-metric-poa``; a SKU's return rate against the alert level for ``return-rate-rca``)
computed from the facts the threshold names and checked against its target.

No figure lives here: targets, windows, norms, sources and as-of dates come from the case type
(so a user's case-type file changes them). A threshold whose facts are absent is left out.

``calculate(ct, facts)`` returns the render context's ``calc``:

- ``calc.metrics`` — one result per computed threshold, in the case type's order;
- ``calc.<key>`` — the same result by threshold key (``calc.odr``, ``calc.return_rate``);
- ``calc.failing`` — keys of the results that miss their target or reach their alert level.

A result: ``key``, ``name``/``label`` (English), ``label_zh``, ``value_pct``/``rate`` (2 dp),
``threshold_pct`` (the target or alert level in force), ``comparison`` (``below`` |
``at_least``), ``kind`` (``target`` | ``alert``), ``target`` (``"< 1%"``, ``"≥ 95%"``), ``ok``,
``numerator``, ``denominator``, ``unit`` (what the denominator counts), ``window`` (the source's
words), ``window_days`` (the documented windows), ``period_days`` (the period the counts cover: the
seller's ``window_fact``, else the one documented window, else None), ``window_warning`` (a period
the source does not document, else None), ``source``, ``as_of`` (ISO), ``text`` and, for an alert
with a usual range, ``alert``, ``alert_pct``, ``norm_low_pct``, ``norm_high_pct``, ``norm``.

Each metric is computed over its own counts and its own window (domain.md §3: ODR over 60 days of
orders, Late Shipment Rate over 10 or 30 days of shipments, …): the case type names the facts.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from casewriter.engine.models import CaseType, Threshold
from casewriter.engine.warning_words import ws
from casewriter.messages import Said


def _number(facts: Mapping[str, Any], key: str | None) -> float | None:
    value = facts.get(key) if key else None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    return float(value)


def pct(value: float) -> int | float:
    """A percentage as templates print it: ``1`` not ``1.0``, ``2.5`` stays."""
    rounded = round(value, 2)
    return int(rounded) if float(rounded).is_integer() else rounded


def cited(result: Mapping[str, Any]) -> str:
    """``source, as of YYYY-MM-DD`` of a calculator result."""
    return f"{result['source']}, as of {result['as_of']}"


def _period(t: Threshold, facts: Mapping[str, Any]) -> tuple[int | None, Said | None]:
    """(days the counts cover, a warning when the source documents no such window)."""
    given = _number(facts, t.window_fact)
    if given is None:
        return (t.window_days[0] if len(t.window_days) == 1 else None), None
    days = int(given)
    if t.window_days and days not in t.window_days:
        windows = Said(
            " or ".join(str(d) for d in t.window_days), " 或 ".join(str(d) for d in t.window_days)
        )
        return days, ws(
            "calc.window",
            label=t.label.both(),
            days=days,
            windows=windows,
            source=t.source,
            as_of=t.as_of.isoformat(),
        )
    return days, None


def evaluate(t: Threshold, facts: Mapping[str, Any]) -> dict[str, Any] | None:
    """One threshold's result, or None when its facts are absent."""
    n = _number(facts, t.numerator)
    d = _number(facts, t.denominator)
    if n is not None and d:
        rate = 100.0 * n / d
    else:
        n = d = None
        rate_given = _number(facts, t.rate_fact)
        if rate_given is None:
            return None
        rate = rate_given
    level = _number(facts, t.target_fact)
    target = t.target_pct if level is None else level
    below = t.comparison == "below"
    ok = rate < target if below else rate >= target
    sign = "<" if below else "≥"
    label = t.label.en
    period, window_warning = _period(t, facts)
    result: dict[str, Any] = {
        "key": t.key,
        "name": label,
        "label": label,
        "label_zh": t.label.get("zh"),
        "value_pct": round(rate, 2),
        "rate": round(rate, 2),
        "threshold_pct": pct(target),
        "comparison": t.comparison,
        "kind": t.kind,
        "target": f"{sign} {pct(target)}%",
        "ok": ok,
        "numerator": int(n) if n is not None else None,
        "denominator": int(d) if d is not None else None,
        "unit": t.unit,
        "window": t.window,
        "window_days": list(t.window_days),
        "period_days": period,
        "window_warning": window_warning,
        "source": t.source
        if level is None
        else f"level given in facts.{t.target_fact}; default {pct(t.target_pct)}%: {t.source}",
        "as_of": t.as_of.isoformat(),
        "note": t.note,
    }
    if t.kind == "alert":
        result["alert"] = not ok
        result["alert_pct"] = pct(target)
        words = f"alert level {pct(target)}%"
        if t.norm_low_pct is not None and t.norm_high_pct is not None:
            norm = f"{pct(t.norm_low_pct)}–{pct(t.norm_high_pct)}%"
            result.update(norm_low_pct=pct(t.norm_low_pct), norm_high_pct=pct(t.norm_high_pct))
            result["norm"] = norm
            words += f", usual {norm}"
            result["target"] = f"alert at {pct(target)}%, norm {norm}"
        result["text"] = f"{label}: {rate:.2f}% ({words})" + (
            "" if ok else " – at or above the alert level"
        )
    else:
        missed = " – above target" if below else " – below target"
        result["text"] = f"{label}: {rate:.2f}% (target {sign} {pct(target)}%)" + (
            "" if ok else missed
        )
    return result


def warnings(ct: CaseType, facts: Mapping[str, Any], calc: Mapping[str, Any]) -> list[Said]:
    """The render's warnings for ``calc`` (from ``calculate``): each rate that misses its target
    or reaches its alert level, with its source, and counts over a window the source does not
    document; English as ``text`` and ``cited`` say it, Chinese for the app."""
    out: list[Said] = []
    for t in ct.thresholds:
        res = calc.get(t.key)
        if not isinstance(res, dict):
            continue
        if not res["ok"]:
            out.append(_missed(t, res))
        window = _period(t, facts)[1]
        if window is not None:
            out.append(ws("calc.window_warning", warning=window))
    return out


def _missed(t: Threshold, res: Mapping[str, Any]) -> Said:
    """A rate that misses its target (or reaches its alert level): ``text (source: …)``."""
    source: object = res["source"]
    if res["source"] != t.source:  # the level was given in the facts
        source = ws("calc.level_given", key=t.target_fact, default=pct(t.target_pct),
                    source=t.source)  # fmt: skip
    common = {"label": t.label.both(), "rate": f"{res['rate']:.2f}", "source": source,
              "as_of": res["as_of"]}  # fmt: skip
    if t.kind == "alert":
        level = res["alert_pct"]
        norm = res.get("norm")
        words = (
            ws("calc.alert_norm", level=level, norm=norm)
            if norm
            else ws("calc.alert_level", level=level)
        )
        said = ws("calc.alert", words=words, missed=ws("calc.alert_reached"), **common)
    else:
        below = t.comparison == "below"
        missed = ws("calc.above" if below else "calc.below")
        said = ws("calc.target", sign="<" if below else "≥", target=res["threshold_pct"],
                  missed=missed, **common)  # fmt: skip
    # the English is exactly what ``text`` and ``cited`` say (the CLI's warning)
    return Said(f"{res['text']} (source: {cited(res)})", said.zh, code=said.code,
                params=said.params)  # fmt: skip


def calculate(ct: CaseType, facts: Mapping[str, Any]) -> dict[str, Any]:
    """Calculator results for the render context's ``calc`` (empty without thresholds)."""
    if not ct.thresholds:
        return {}
    metrics = [r for t in ct.thresholds if (r := evaluate(t, facts)) is not None]
    out: dict[str, Any] = {r["key"]: r for r in metrics}
    out["metrics"] = metrics
    out["failing"] = [r["key"] for r in metrics if not r["ok"]]
    return out
