"""**researching-units**: units Amazon still researches long after their shipment closed.

Manage FBA Inventory's ``afn-researching-quantity`` above zero for an FNSKU whose latest inbound
shipment closed at least ``[researching] min_days_after_close`` days ago (``data/money.toml``),
with no Found row in the ledger (reason F, or a ledger-summary Found count) since it closed, is
a lead, never a claim: Amazon has not recorded the units as lost yet, so no claim window has
started. When the scan already has an inbound-shortfall finding for that FNSKU, the units are
noted on it instead (the same units, most likely). Otherwise the lead points at a warehouse-lost
claim, whose window starts when the ledger records the units as lost (M or 5).

Never flagged: no researching units; no closed shipment of the FNSKU in the reports (still
receiving: researching is normal then); a shipment closed less than the delay ago; units found
in the ledger on or after the close.
"""

from __future__ import annotations

from datetime import date

from casewriter.reports.findings import Finding, Window
from casewriter.reports.money_data import money_rules
from casewriter.reports.note_words import wn
from casewriter.reports.rules import Paid
from casewriter.reports.state import Collected
from casewriter.reports.valuation import estimate, unit_value

NO_WINDOW_YET = ("no claim window yet: a warehouse-lost claim's window starts when the ledger "
                 "records the units as lost (reason M or 5)")  # fmt: skip


def _closed(data: Collected) -> dict[str, tuple[date, str, str]]:
    """FNSKU → (close date, shipment id, SKU) of its latest closed inbound shipment."""
    out: dict[str, tuple[date, str, str]] = {}
    for (shipment, _item), r in data.inbound.items():
        if r.status not in ("CLOSED", ""):
            continue
        fnsku = r.fnsku or data.sku_fnsku.get(r.sku.upper(), "")
        day = r.closed or r.delivered or data.first_receipt.get(shipment) or r.shipped_on
        if not fnsku or day is None:
            continue
        old = out.get(fnsku)
        if old is None or day > old[0]:
            out[fnsku] = (day, shipment, r.sku)
    return out


def researching(data: Collected, paid: Paid, found: list[Finding], today: date) -> list[Finding]:
    rules = money_rules()
    closed = _closed(data)
    shortfalls = {f.ids.get("fnsku"): f for f in found if f.rule == "inbound-shortfall"}
    out: list[Finding] = []
    for key, (units, sku) in sorted(data.money.researching.items()):
        fnsku = key if key in closed else data.sku_fnsku.get(key, key)
        if fnsku not in closed:
            continue
        day, shipment, inbound_sku = closed[fnsku]
        waited = (today - day).days
        if waited < rules.researching_days:
            continue
        seen = data.money.found.get(fnsku)
        if seen is not None and seen >= day:
            continue
        text = wn("note.researching", n=units, fnsku=fnsku, waited=waited, shipment=shipment,
                  day=day.isoformat())  # fmt: skip
        short = shortfalls.get(fnsku)
        if short is not None:
            short.notes.append(text)
            continue
        f = Finding(
            rule="researching-units",
            ids={"fnsku": fnsku, "shipment_id": shipment},
            quantity=units,
            event_date=None,
            marketplace="",
            lead=True,
            details={
                "sku": sku or inbound_sku,
                "shipment_closed": day,
                "days_since_close": waited,
                "researching": units,
                "last_found": seen,
            },  # fmt: skip
        )
        f.window = Window(None, None, None, NO_WINDOW_YET, "to-review")
        f.notes.append(wn("note.researching_lead", text=text, days=rules.researching_days,
                          source=rules.researching_source))  # fmt: skip
        estimate(f, unit_value(data, paid, sku or inbound_sku, fnsku), units, f"FNSKU {fnsku}")
        out.append(f)
    return out
