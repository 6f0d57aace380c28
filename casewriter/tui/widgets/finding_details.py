"""Everything about the finding highlighted on the scan screen, under the findings table.

* ``details(finding, outcome)``: the finding in words — rule, status, ids, units, value; the
  claim window; what drafting did; a fee finding's two size tiers (Amazon's and the seller's);
  each note on a line of its own; then a fee finding's measurements and the charges behind it
  (per order: the units, the fee charged a unit, the fee of the seller's tier), read from the
  finding's ``details`` as ``scan --json`` prints them, in the UI's language.
* ``value_text(finding)``: its estimated value as every screen writes money
  (``marketplaces.amount_text``: ``1,980 JPY``, ``5.11 USD``).
* ``DetailsPanel``: the box that shows it — it scrolls when the text is taller than the room
  left under the table, and takes the focus (``d`` on the scan screen, or tab) so the arrows
  and page keys reach every line at 80×24.

All text from reports goes out as plain ``Text`` (never markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import VerticalScroll

from casewriter.marketplaces import amount_text
from casewriter.tui.i18n import local, rule_name, status_name, t
from casewriter.tui.safe import plain

if TYPE_CHECKING:
    from casewriter.reports import Finding

_SOURCES = {"Fee Preview": "report.fee-preview", "storage fees report": "report.storage-fees"}
"""Where Amazon's tier was read (``details["amazon_tier_from"]``), by the report's name."""


def _day(value: Any) -> str:
    return value.isoformat() if value else ""


def _money(amount: object, currency: str, unknown: str = "scan.fee_unknown") -> str:
    """An amount from a finding's details (``"3.90"``) with its currency, or ``unknown``'s
    words."""
    from decimal import Decimal, InvalidOperation

    if amount is None or amount == "":
        return t(unknown)
    try:
        number = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    return f"{amount_text(number, currency, grouped=True)} {currency}".strip()


def value_text(finding: Finding) -> str:
    """The finding's estimated value with its currency; empty when it has none."""
    if finding.amount is None:
        return ""
    return _money(finding.amount, finding.currency)


def _tier(name: object) -> str:
    return t("scan.fee_unknown") if name in (None, "", "unknown") else str(name)


def _fee_head(data: dict[str, Any]) -> list[str]:
    """A fee finding's two tiers in one line (the tier charged first)."""
    if "your_tier" not in data:
        return []
    return [t("scan.fee_tiers", amazon=_tier(data.get("amazon_tier")),
              yours=_tier(data.get("your_tier")))]  # fmt: skip


def _fee_tail(data: dict[str, Any], currency: str) -> list[str]:
    """A fee finding's measurements and its charges, one line each."""
    if "your_tier" not in data:
        return []
    lines: list[str] = []
    theirs = ", ".join(str(x) for x in (data.get("amazon_dimensions"), data.get("amazon_weight"))
                       if x)  # fmt: skip
    source = str(data.get("amazon_tier_from") or "")
    if theirs:
        key = _SOURCES.get(source)
        lines.append(t("scan.fee_amazon_size", size=theirs, source=t(key) if key else source))
    mine = ", ".join(str(x) for x in (data.get("your_dimensions"), data.get("your_weight")) if x)
    if mine:
        lines.append(t("scan.fee_your_size", size=mine))
    orders = [o for o in data.get("orders") or [] if isinstance(o, dict)]
    if orders:
        units = sum(int(o.get("units") or 0) for o in orders)
        lines.append(t("scan.fee_charges", n=len(orders), units=units))
    for o in orders:
        lines.append(
            t(
                "scan.fee_charge",
                order=str(o.get("order_id") or "-"),
                day=str(o.get("charged_on") or "-"),
                units=o.get("units", "?"),
                paid=_money(o.get("fee_per_unit"), currency),
                yours=_money(o.get("fee_for_your_tier"), currency, "scan.fee_unknown_fee"),
            )
        )
    if data.get("more_orders"):
        lines.append(t("scan.fee_more_orders", n=data["more_orders"]))
    return lines


def details(finding: Finding, outcome: str = "") -> Text:
    """The highlighted finding in words (see the module's docstring for the order)."""
    out = Text()
    ids = " ".join(str(v) for v in finding.ids.values() if v)
    head = f"{rule_name(finding.rule)} · {status_name(finding.status)} · {ids} · "
    head += t("scan.units", n=finding.quantity)
    value = value_text(finding)
    out.append_text(plain(head + (f" · {value}" if value else ""), "bold"))
    window = finding.window
    parts = [t("scan.event", date=_day(finding.event_date))] if finding.event_date else []
    if window.opens:
        parts.append(t("scan.opens", date=_day(window.opens)))
    if window.closes:
        parts.append(t("scan.closes", date=_day(window.closes)))
    if window.safe_by:
        parts.append(t("scan.safe_by", date=_day(window.safe_by)))
    lines: list[tuple[str, str]] = [(" · ".join(parts), "")] if parts else []
    if outcome:
        lines.append((outcome, "bold"))
    data = finding.to_json()["details"] if finding.details else {}
    lines += [(line, "") for line in _fee_head(data)]
    lines += [(t("scan.note", note=local(note)), "") for note in finding.notes]
    lines += [(line, "") for line in _fee_tail(data, finding.currency)]
    for line, style in lines:  # each its own line: a note never runs into the next
        out.append("\n")
        out.append_text(plain(line, style, end=""))
    return out


class DetailsPanel(VerticalScroll):
    """The details of the highlighted finding, scrollable and focusable."""

    DEFAULT_CSS = """
    DetailsPanel {
        height: 1fr;
        min-height: 3;
        padding: 0 1;
        border-top: solid $secondary;
        scrollbar-size-vertical: 1;
    }
    DetailsPanel:focus {
        border-top: heavy $accent;
        background-tint: $foreground 4%;
    }
    DetailsPanel > Static {
        height: auto;
    }
    """
