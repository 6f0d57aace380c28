"""The removal rules: ``removal-incomplete`` and ``removal-lost`` (see ``removals.py`` for the
reports, what each rule flags and what it never flags).

``removal_findings(data, paid, confirmed)`` returns the findings and the confirmations that
matched a package (``scan --confirm-removal-lost`` takes a removal order id, meaning every
package of it, or one tracking number).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from casewriter.reports.findings import RULE_CASE_TYPES, Finding
from casewriter.reports.money_data import money_rules
from casewriter.reports.note_words import wn
from casewriter.reports.removals import RemovalPackage
from casewriter.reports.rules import Paid
from casewriter.reports.state import Collected
from casewriter.reports.valuation import CENT, estimate, market_for_currency, unit_value


def _paid_units(data: Collected) -> dict[tuple[str, str], int]:
    """Units the Reimbursements report paid per (order id, FNSKU), reversals netted."""
    out: dict[tuple[str, str], int] = defaultdict(int)
    for key, n in data.reimbursements.items():
        r = data.reimbursement_rows[key]
        if r.order_id:
            out[(r.order_id, r.fnsku or data.sku_fnsku.get(r.sku.upper(), ""))] += r.quantity * n
    return out


def _packages(data: Collected) -> dict[str, list[RemovalPackage]]:
    by_order: dict[str, list[RemovalPackage]] = defaultdict(list)
    for p in data.money.removal_packages.values():
        by_order[p.order_id].append(p)
    return by_order


def _currencies(data: Collected) -> dict[str, str]:
    """Removal order id → the currency its order lines name."""
    out: dict[str, str] = {}
    for line in data.money.removal_lines.values():
        if line.currency:
            out.setdefault(line.order_id, line.currency)
    return out


def removal_findings(
    data: Collected,
    paid: Paid,
    main: str,
    confirmed: Iterable[str] = (),
    is_open: Callable[[str, str, date | None], bool] | None = None,
    notes: list[str] | None = None,
) -> tuple[list[Finding], set[str]]:
    """``notes``: the scan's notes, where a confirmed package that is not made a claim says why.
    ``is_open(case type, marketplace, event date)``: False for a removal-lost lead the scan
    would drop (its window not open); such a package is not made a finding at all (a seller
    with many removals has thousands of packages, most of them long delivered)."""
    packages = _packages(data)
    wanted = {c.strip().upper(): c for c in confirmed if c.strip()}
    found = _incomplete(data, paid, packages, main)
    lost, matched = _lost(data, paid, packages, wanted, main, is_open,
                          notes if notes is not None else [])  # fmt: skip
    return found + lost, matched


def _incomplete(
    data: Collected, paid: Paid, packages: dict[str, list[RemovalPackage]], main: str
) -> list[Finding]:
    rules = money_rules()
    paid_units = _paid_units(data)
    out: list[Finding] = []
    for line in sorted(data.money.removal_lines.values(), key=lambda r: (r.order_id, r.key)):
        if (
            line.order_type not in rules.removal_return_types
            or line.status not in rules.removal_done
        ):
            continue
        fnsku = line.fnsku or data.sku_fnsku.get(line.sku.upper(), "")
        already = max(0, paid_units.get((line.order_id, fnsku), 0))
        if line.order_id in data.settlement_paid_orders:
            already = line.missing  # a settlement payment names the removal order
        units = line.missing - already
        if units <= 0:
            continue
        shipped = packages.get(line.order_id, [])
        days = [p.shipped_on for p in shipped if p.shipped_on is not None]
        event = max(days) if days else line.updated
        f = Finding(
            rule="removal-incomplete",
            ids={"removal_order_id": line.order_id, "fnsku": fnsku or None},
            quantity=units,
            event_date=event,
            marketplace=market_for_currency(line.currency, main),
            details={
                "sku": line.sku,
                "disposition": line.disposition,
                "order_status": line.status,
                "request_date": line.requested_on,
                "requested": line.requested,
                "cancelled": line.cancelled,
                "disposed": line.disposed,
                "shipped": line.shipped,
                "in_process": line.in_process,
                "packages": [
                    {
                        "tracking_number": p.tracking,
                        "carrier": p.carrier,
                        "shipment_date": p.shipped_on,
                        "quantity": p.quantity,
                    }
                    for p in sorted(shipped, key=lambda p: (p.tracking, p.fnsku))
                ],
            },  # fmt: skip
        )
        if already:
            f.notes.append(wn("note.removal_reimbursed", n=already))
        start = wn("note.last_ship", day=event.isoformat()) if event else wn("note.unknown_day")
        f.notes.append(wn("note.removal_no_delivery", start=start))
        # what arrived is for the seller to count: the case states the claimed units, the
        # narrative what the report shows (requested, shipped); no delivery date is known
        f.draft_facts = {"issue": "incomplete", "units_affected": units,
                         "packages": len({p.tracking for p in shipped}) or None,
                         "units_expected": None, "units_received": None, "units_damaged": None,
                         "delivered_date": None}  # fmt: skip
        f.draft_evidence = {"tracking": sorted({p.tracking for p in shipped if p.tracking})}
        estimate(f, unit_value(data, paid, line.sku, fnsku, currency=line.currency), units,
                 f"SKU {line.sku}")  # fmt: skip
        out.append(f)
    return out


def _lost(
    data: Collected,
    paid: Paid,
    packages: dict[str, list[RemovalPackage]],
    wanted: dict[str, str],
    main: str,
    is_open: Callable[[str, str, date | None], bool] | None,
    notes: list[str],
) -> tuple[list[Finding], set[str]]:
    out: list[Finding] = []
    matched: set[str] = set()  # the confirmations as typed
    currencies = _currencies(data)
    paid_units: dict[tuple[str, str], int] | None = None
    case_type = RULE_CASE_TYPES["removal-lost"]
    for order, items in sorted(packages.items()):
        by_tracking: dict[str, list[RemovalPackage]] = defaultdict(list)
        for p in items:
            if p.tracking and p.order_type != "DISPOSAL":
                by_tracking[p.tracking].append(p)
        currency = currencies.get(order, "")
        market = market_for_currency(currency, main)
        for tracking, parts in sorted(by_tracking.items()):
            hits = {k for k in (order.upper(), tracking.upper()) if k in wanted}
            matched |= {wanted[k] for k in hits}
            confirmed = bool(hits)
            if order in paid.orders:  # a reimbursement names the removal order
                if not confirmed:
                    continue
                if paid_units is None:
                    paid_units = _paid_units(data)
                beyond = _paid_beyond_unshipped(data, order, paid_units)
                if beyond is None or beyond > 0:  # it may pay for this package: say so
                    n = "?" if beyond is None else str(beyond)
                    notes.append(wn("scan.removal_confirmed_paid", tracking=tracking,
                                    order=order, n=n))  # fmt: skip
                    continue
            if (
                not confirmed
                and is_open is not None
                and not is_open(case_type, market, _event(parts))
            ):
                continue  # a lead out of its window: the scan would drop it
            f = _lost_finding(data, paid, order, tracking, parts, currency, confirmed)
            if order in paid.orders and paid_units is not None:  # paid for the unshipped ones
                paid_n = sum(v for (o, _f), v in paid_units.items() if o == order)
                f.notes.append(wn("note.removal_reimbursed", n=paid_n))
            f.marketplace = market
            out.append(f)
    return out, matched


def _paid_beyond_unshipped(
    data: Collected, order: str, paid_units: dict[tuple[str, str], int]
) -> int | None:
    """Units the Reimbursements report paid for ``order`` beyond the units it never shipped
    (those a reimbursement of a removal order pays first); None when a settlement payment names
    the order (its units unknown)."""
    if order in data.settlement_paid_orders:
        return None
    paid_n = sum(n for (o, _f), n in paid_units.items() if o == order)
    unshipped = sum(
        max(0, line.missing) for line in data.money.removal_lines.values() if line.order_id == order
    )
    return max(0, paid_n - unshipped)


def _event(parts: list[RemovalPackage]) -> date | None:
    """A package's clock: its earliest ship date (else request date)."""
    days = [p.shipped_on or p.requested_on for p in parts]
    return min((d for d in days if d is not None), default=None)


def _lost_finding(
    data: Collected,
    paid: Paid,
    order: str,
    tracking: str,
    parts: list[RemovalPackage],
    currency: str,
    confirmed: bool,
) -> Finding:
    units = sum(p.quantity for p in parts)
    event = _event(parts)
    fnskus = sorted({p.fnsku or data.sku_fnsku.get(p.sku.upper(), "") for p in parts} - {""})
    f = Finding(
        rule="removal-lost",
        ids={"removal_order_id": order, "tracking": tracking},
        quantity=units,
        event_date=event,
        marketplace="",
        lead=not confirmed,
        details={
            "carrier": parts[0].carrier,
            "fnskus": fnskus,
            "skus": sorted({p.sku for p in parts if p.sku}),
            "request_date": min((p.requested_on for p in parts if p.requested_on), default=None),
            "shipment_date": event,
            "confirmed_not_delivered": confirmed,
            "shipped": units,
        },  # fmt: skip
    )
    if confirmed:
        f.details["received"] = 0
    else:
        f.notes.append(wn("note.removal_unconfirmed", tracking=tracking))
    total, cur = Decimal(0), currency
    bases: list[str] = []
    for p in parts:
        fnsku = p.fnsku or data.sku_fnsku.get(p.sku.upper(), "")
        value = unit_value(data, paid, p.sku, fnsku, currency=currency)
        if value is None or (cur and value.currency != cur):
            bases = []
            break
        total += value.per_unit * p.quantity
        cur = value.currency
        bases.append(value.basis)
    if bases:
        f.amount, f.currency = total.quantize(CENT), cur
        f.details["value_basis"] = "; ".join(dict.fromkeys(bases))
    else:
        estimate(f, None, units, wn("note.removal_order", order=order))
    cost_based = f.details.get("value_basis") == "your manufacturing cost (cost CSV)"
    f.draft_facts = {
        "units_shipped": units,
        "units_received": 0,
        "shipment_created_date": event.isoformat() if event else None,
        "shipped_date": event.isoformat() if event else None,
        "carrier": parts[0].carrier or None,
        "last_scan_date": None,  # no report gives the carrier's scans
        "units_value": str(f.amount) if cost_based and f.amount is not None else None,
    }
    f.draft_evidence = {"tracking": [tracking], "fnsku": fnskus}
    f.draft_items = _package_items(data, parts)
    return f


def _package_items(data: Collected, parts: list[RemovalPackage]) -> list[dict[str, object]]:
    """The package's units per product (its FNSKU, else its SKU), in the report's order: the
    item lines of the draft, whose total is the units claimed (shipped, none received)."""
    units: dict[tuple[str, str], int] = {}
    for p in parts:
        fnsku = p.fnsku or data.sku_fnsku.get(p.sku.upper(), "")
        key = (fnsku, "" if fnsku else p.sku)
        units[key] = units.get(key, 0) + p.quantity
    return [
        {"fnsku": fnsku, "quantity": n} if fnsku else {"sku": sku, "quantity": n}
        for (fnsku, sku), n in units.items()
        if fnsku or sku
    ]
