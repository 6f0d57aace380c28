"""What the rules keep of one settlement file (either layout), in one loop per file.

``read_settlement_file(info, data, warnings, progress)`` streams the amounts a rule reads
(``settlement_wanted``; once the seller's measurements are read, the FBA fulfilment fee rows
too: ``fee_rows_wanted``) and keeps, row by row:

- the settlement's currency (from its totals row) and the currencies seen (the marketplace);
- refunds (Refund / ItemPrice rows of an order) for the refund rules (``Collected``);
- payments inside the settlement (``REVERSAL_REIMBURSEMENT`` …) (``Collected``);
- for the money rules (``MoneyState``): the principal charged per settlement, order and SKU,
  each SKU's selling price per settlement, currency and month (quantity > 0, a posted date and
  a positive amount), and the storefront of the orders they watch;
- for the fee rule (``FeeData``): the fee, principal and quantity rows of orders of measured
  SKUs, and the orders a fee correction (``INCORRECT_FEES_ITEMS``) refunded.

Each of these is tallied per file and merged by the larger count at the end (overlapping
downloads count once), also when the file breaks part way: the rows before the break are used.
Seller Central offers each settlement in two layouts (Flat File and Flat File V2) whose rows
differ, so a settlement already read from a file of the other layout is recognised by its
settlement id and the orders it counts: this file's rows of it are dropped before the merge
(the first copy read, V2's, counts) and a note names both files
(``Collected.settlement_copies``, ``Collected.notes``; only when both layouts are scanned:
``Collected.both_layouts``).
One loop with everything bound once, because a settlement has hundreds of thousands of rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any

from casewriter.reports.fee_state import FEE_CORRECTIONS, ChargeKey
from casewriter.reports.money_state import Charges, Prices
from casewriter.reports.note_words import wn
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.records import SettlementRow
from casewriter.reports.settlement import read_settlement
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.state import Collected

_ZERO = Decimal(0)
_NOTHING = (_ZERO, 0)  # no sale yet: total, units


def settlement_wanted(transaction: str, amount_type: str, description: str) -> bool:
    """The settlement amounts a rule reads (besides payments and the totals row, always read):
    item prices — refunds (refund-not-returned, return-damaged, refund-over-charge) and order
    principal (refund-over-charge, reimbursement-below-price). Fee rows are skipped unread."""
    return amount_type == "ITEMPRICE" and (transaction == "REFUND" or description == "PRINCIPAL")


def fee_rows_wanted(fee_types: frozenset[str]) -> Callable[[str, str, str], bool]:
    """``settlement_wanted`` plus what the fee-overcharge rule reads once the seller's own
    measurements are known: the FBA fulfilment fee rows (charged or reversed), whose SKU
    ``read_settlement_file`` then checks."""

    def wanted(transaction: str, amount_type: str, description: str) -> bool:
        return description in fee_types or settlement_wanted(transaction, amount_type, description)

    return wanted


def read_settlement_file(
    info: ReportInfo, data: Collected, warnings: Warnings, progress: Progress | None
) -> None:
    """Stream one settlement file into ``data`` (see the module docstring)."""
    refunds: Counter[tuple[object, ...]] = Counter()
    paid: Counter[SettlementRow] = Counter()
    charges: Charges = {}
    prices: Prices = {}
    fee_rows: dict[ChargeKey, int] = {}
    fees, money = data.fees, data.money
    measurements, fee_types, fee_paid = fees.measurements, fees.fee_types(), fees.fee_paid
    currency_of, currencies = data.settlement_currency, data.currencies
    watch, order_market = money.watch_orders, money.order_market
    wanted = fee_rows_wanted(fee_types) if measurements else settlement_wanted
    sids: set[str] = set()  # the settlements of this file with a totals row
    try:
        for s in read_settlement(info, warnings, progress, wanted):
            (_line, sid, currency, ttype, order, atype, desc, amount, fid, posted, sku, qty,
             mname, payment) = s  # fmt: skip
            # the settlement's currency (its totals row has no transaction type), the refunds
            if sid and currency and not ttype:
                currency_of[sid] = currency
                sids.add(sid)
            if currency:
                currencies[currency] += 1
            if ttype == "REFUND" and atype == "ITEMPRICE" and order:
                refunds[(sid, order, sku, desc, amount, posted, fid, qty, currency, mname)] += 1
            # the money rules: an order's principal and the SKU's selling price
            principal = desc == "PRINCIPAL" and ttype == "ORDER"
            if principal or order in watch:
                if mname and order in watch:
                    order_market.setdefault(order, mname)
                if principal and amount is not None and atype == "ITEMPRICE" and order:
                    upper = sku.upper()
                    key = (sid, order, upper)
                    charges[key] = charges.get(key, _ZERO) + amount
                    if qty and qty > 0 and posted is not None and amount > 0:
                        cur = currency or currency_of.get(sid, "")
                        pkey = (sid, upper, cur, posted.year * 12 + posted.month - 1)
                        total, units = prices.get(pkey, _NOTHING)
                        prices[pkey] = (total + amount, units + qty)
            # payments, and the fee rule's rows of a measured SKU's order
            if payment:
                paid[s._replace(line=0)] += 1
                if payment in FEE_CORRECTIONS and order:
                    fee_paid.add((order, sku.upper()))
            elif measurements and order:
                upper = sku.upper()
                if upper not in measurements:
                    continue
                fee = desc in fee_types
                price = atype == "ITEMPRICE" and desc == "PRINCIPAL"
                if fee or price or qty:
                    kind = "FEE" if fee else "PRINCIPAL" if price else "OTHER"
                    # a V2 file writes its currency on the settlement's first row only
                    cur = currency or currency_of.get(sid, "")
                    fkey: ChargeKey = (sid, order, upper, ttype, kind, amount, posted, qty,
                                       cur, mname)  # fmt: skip
                    fee_rows[fkey] = fee_rows.get(fkey, 0) + 1
    finally:
        # the (settlement, kind, order, SKU) this file counts, in file order (charges first; a
        # fee row's order and SKU are those of its charge or refund)
        items = chain(
            ((sid, "charge", order, sku) for sid, order, sku in charges),
            ((str(k[0]), "refund", str(k[1]), str(k[2]).upper()) for k in refunds),
            ((p.settlement_id, "payment", p.order_id, p.sku.upper()) for p in paid),
        )
        if data.both_layouts and (twins := _read_in_other_layout(info, data, sids, items)):
            for tally in (refunds, charges, prices, fee_rows):
                _drop(tally, twins)
            for row in [r for r in paid if r.settlement_id in twins]:
                del paid[row]
        data.settlement_file(refunds, paid)
        money.settlement_file(charges, prices)
        fees.settlement_file(fee_rows)


#: a settlement layout as Seller Central names it (its download choice)
_LAYOUT_NAMES = {"settlement-v2": "Flat File V2", "settlement-flat": "Flat File"}
#: the items (kind, order, SKU) of a settlement kept to recognise its copy in the other layout
_SAMPLE = 32


def _read_in_other_layout(
    info: ReportInfo, data: Collected, sids: set[str], items: Iterable[tuple[str, str, str, str]]
) -> set[str]:
    """The settlements of this file already read from a file of the other layout, whose rows
    here are not counted again (each noted once per pair of files). A copy is the same
    settlement id with one of the first ``_SAMPLE`` items (kind, order, SKU: a charge, refund
    or payment) counted from the copy read first: settlement ids are Amazon's and unique,
    but files made by hand may reuse one for other rows, which then still count. A settlement
    not read before is recorded as read from this file, with its first items."""
    copies = data.settlement_copies
    samples: dict[str, set[tuple[str, str, str]]] = {s: set() for s in sids if s not in copies}
    other = {sid: kept[2] for sid, kept in copies.items() if kept[0] != info.type}
    twins: set[str] = set()
    done: set[str] = set()  # settlements whose sample is full, or known to be copies
    for sid, kind, order, sku in items:
        if sid in done:
            continue
        if sid in other:
            if (kind, order, sku) in other[sid]:
                twins.add(sid)
                done.add(sid)
        elif sid not in copies:
            sample = samples.setdefault(sid, set())
            sample.add((kind, order, sku))
            if len(sample) >= _SAMPLE:
                done.add(sid)
    for sid, sample in samples.items():
        if sid:
            copies[sid] = (info.type, info.path, frozenset(sample))
    by_file: dict[Path, list[str]] = {}
    for sid in sorted(twins):
        by_file.setdefault(copies[sid][1], []).append(sid)
    for kept, ids in by_file.items():
        data.notes.append(wn("scan.settlement_layouts", path=info.path, other=kept,
                             ids=", ".join(ids), layout=_LAYOUT_NAMES.get(info.type, info.type),
                             kept=_LAYOUT_NAMES.get(copies[ids[0]][0], "")))  # fmt: skip
    return twins


def _drop(tally: dict[Any, Any], sids: set[str]) -> None:
    """Remove the keys of ``sids`` (a key starts with its settlement id) from ``tally``."""
    for key in [k for k in tally if k[0] in sids]:
        del tally[key]
