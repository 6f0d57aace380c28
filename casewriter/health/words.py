"""How the review writes its numbers and targets, in English and Chinese: one place for the
text, Markdown, HTML outputs and the model's own alerts (the TUI may use it too).

``number(value, unit, currency)``: ``0.42%``, ``1.25`` (a ratio), ``230`` (points), ``1,234``
(units), ``1,234.50 USD`` (money; yen without decimals). ``target_text(target, lang)``:
``< 1%`` with its window, and the labels a target carries (rule of thumb, belief, advisory).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from casewriter.health.model import Target, Text, Unit

_SIGNS = {"below": "<", "at_most": "≤", "above": ">", "at_least": "≥"}


def _trim(value: Decimal, most: int) -> str:
    """Up to ``most`` decimals, trailing zeros dropped (``1.50`` → ``1.5``, ``2.00`` → ``2``)."""
    q = value.quantize(Decimal(1).scaleb(-most), rounding=ROUND_HALF_UP)
    text = f"{q:,.{most}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def money(amount: Decimal, currency: str) -> str:
    from casewriter.marketplaces import amount_text

    return f"{amount_text(amount, currency, grouped=True)} {currency}".strip()


def number(value: Decimal | int | None, unit: Unit, currency: str = "") -> str:
    """A value as the review writes it; ``-`` for None."""
    if value is None:
        return "-"
    v = Decimal(value)
    if unit == "percent":
        return f"{_trim(v, 2)}%"
    if unit == "ratio":
        return _trim(v, 2)
    if unit == "money":
        return money(v, currency)
    if unit == "days":
        return _trim(v, 1)
    return _trim(v, 0) if v == v.to_integral_value() else _trim(v, 2)


def target_text(target: Target, lang: str = "en") -> str:
    """``< 1% (60 days)``, with what kind of target it is."""
    text = f"{_SIGNS[target.comparison]} {number(target.value, target.unit)}"
    if target.window is not None:
        text += f" ({target.window.get(lang)})"
    kinds = [k.get(lang) for k in target_kinds(target)]
    if kinds:
        text += " · " + ", ".join(kinds)
    return text


RULE_OF_THUMB = Text(en="rule of thumb", zh="经验值")
BELIEF = Text(en="belief: no Amazon page found", zh="未经官方确认")
ADVISORY = Text(en="recommended, no penalty", zh="建议值，无处罚")
YOURS = Text(en="your target", zh="您设定的目标")


def target_kinds(target: Target) -> list[Text]:
    out = []
    if target.overridden:
        out.append(YOURS)
    if target.rule_of_thumb:
        out.append(RULE_OF_THUMB)
    if target.belief:
        out.append(BELIEF)
    if target.advisory:
        out.append(ADVISORY)
    return out


def pct(share: Decimal) -> str:
    """A share (0.85) as a percent (``85%``)."""
    return f"{_trim(share * 100, 0)}%"
