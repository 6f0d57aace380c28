"""What ``scan --draft`` puts in a fee-overcharge case (``fee-dimension-weight``): the rule's
facts and evidence (``Finding.draft_facts`` / ``draft_evidence``), every figure one the finding
holds.

The fee charged and the fee of the seller's tier are stated per unit only when every charge
claimed shares them; otherwise the charges are listed by their (fee paid, fee of the tier) pair
with their orders, dates and units (``charges``), so that the lines add up to the finding's
amount (``fee_difference``). A charge whose fee for the tier is unknown (no fee table held for
its date, price or tier) is listed with the fee paid only, never with a difference; when any is
unknown, the case asks for the difference without an amount. ``overcharged_by`` says what the
charge got wrong: the size tier, or (same tier) the shipping weight band; else neither is
claimed, only that the fee is above the one of the seller's measurement.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from casewriter.reports.fee_pricing import Priced
from casewriter.reports.findings import Finding
from casewriter.reports.measurements import Measurement
from casewriter.reports.tiers import Classified

#: orders named on one line of ``charges`` (all are in the case's order list)
SHOWN_ORDERS = 10
_WHOLE = frozenset({"JPY"})  # currencies written without decimals


def money_text(amount: Decimal, currency: str) -> str:
    """``USD 1,234.50`` (``JPY 1,980``), as the case text writes an amount."""
    pattern = "{:,.0f}" if currency.upper() in _WHOLE else "{:,.2f}"
    return f"{currency} {pattern.format(amount)}"


def _units(n: int) -> str:
    return f"{n:,} unit" + ("" if n == 1 else "s")


def _dates(charges: list[Priced]) -> str:
    """``charged 2026-03-02``, ``charged 2026-03-02 and 2026-03-06``, ``charged 2026-03-02 to
    2026-04-30`` (the first and last of more than three days)."""
    days = [d.isoformat() for d in sorted({x.charge.posted for x in charges if x.charge.posted})]
    if len(days) > 3:
        return f"charged {days[0]} to {days[-1]}"
    if len(days) > 1:
        return f"charged {', '.join(days[:-1])} and {days[-1]}"
    return f"charged {days[0]}" if days else ""


def charge_lines(chosen: list[Priced], currency: str) -> list[str]:
    """One line per (fee paid, fee of the seller's tier) pair, in the order of its first charge:
    its orders, dates, units and, where the fee of the tier is known, the difference."""
    groups: dict[tuple[Decimal, Decimal | None], list[Priced]] = {}
    for x in sorted(chosen, key=lambda x: (x.charge.posted or date.min, x.charge.order_id)):
        groups.setdefault((x.per_unit, x.expected), []).append(x)
    lines = []
    for (paid, due), charges in groups.items():
        orders = list(dict.fromkeys(x.charge.order_id for x in charges if x.charge.order_id))
        named = ", ".join(orders[:SHOWN_ORDERS])
        if len(orders) > SHOWN_ORDERS:
            named += f" and {len(orders) - SHOWN_ORDERS:,} more orders"
        when = _dates(charges)
        units = sum(x.units for x in charges)
        head = f"Order{'s' if len(orders) > 1 else ''} {named}" if orders else "Orders"
        line = f"{head}{f' ({when})' if when else ''}: {_units(units)} at "
        line += f"{money_text(paid, currency)} per unit"
        if due is not None:
            gap = paid - due
            line += (f"; fee for the correct tier {money_text(due, currency)}; difference "
                     f"{money_text(gap, currency)} × {units:,} = "
                     f"{money_text(gap * units, currency)}")  # fmt: skip
        lines.append(line)
    return lines


def set_draft_facts(f: Finding, m: Measurement, mine: Classified,
                    theirs: tuple[str, str, str] | None, chosen: list[Priced],
                    overcharged_by: str) -> None:  # fmt: skip
    """The finding's ``draft_facts`` and ``draft_evidence`` (None unsets a fact the draft would
    otherwise derive from the finding, such as a "fee expected" taken for the amount).
    ``theirs``: Amazon's tier as written, its dimensions and weight ('' when not given)."""
    dims, weight = m.text()
    facts: dict[str, Any] = {"our_dimensions": dims, "our_weight": weight,
                             "tier_expected": mine.tier.name, "fee_charged": None,
                             "fee_expected": None, "fee_difference": None, "charges": None,
                             "overcharged_by": overcharged_by or None,
                             "units_charged": None}  # fmt: skip
    if theirs is not None:
        facts["tier_charged"], their_dims, their_weight = theirs
        if their_dims:
            facts["amazon_dimensions"] = their_dims
        if their_weight:
            facts["amazon_weight"] = their_weight
    if chosen:
        paid = {x.per_unit for x in chosen}
        pairs = {(x.per_unit, x.expected) for x in chosen}
        if len(paid) == 1:
            facts["fee_charged"] = str(next(iter(paid)))
        if len(pairs) == 1 and chosen[0].expected is not None:
            facts["fee_expected"] = str(chosen[0].expected)
        if len(pairs) > 1:
            facts["charges"] = "\n".join(charge_lines(chosen, f.currency))
        if f.amount is not None:
            facts["fee_difference"] = str(f.amount)
        facts["units_charged"] = sum(x.units for x in chosen)
        if f.event_date:
            facts["charge_date"] = f.event_date.isoformat()
    f.draft_facts = facts
    f.draft_evidence = {
        "order_id": list(dict.fromkeys(x.charge.order_id for x in chosen if x.charge.order_id))
    }
