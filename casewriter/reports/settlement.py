"""Settlement reports, both layouts, read into the same ``SettlementRow`` records.

- **V2** (``GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2``): one row per amount, typed by
  ``amount-type`` / ``amount-description`` (``ItemPrice`` / ``Principal``).
- **Older flat file** (``GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE``): one row per charge with the
  amount in one of several columns. Each filled amount becomes one record with the V2 names:
  ``price-type``/``price-amount`` → ``ITEMPRICE`` / the price type, ``item-related-fee-*`` →
  ``ITEMFEES``, ``shipment-fee-*`` → ``SHIPMENTFEES``, ``order-fee-*`` → ``ORDERFEES``,
  ``misc-fee-amount`` → ``MISCFEES``, ``other-fee-*`` → ``OTHERFEES`` (described by
  ``other-fee-reason-description``), ``direct-payment-*`` → ``DIRECTPAYMENT``,
  ``promotion-*`` → ``PROMOTION`` and ``other-amount`` → ``OTHER_TRANSACTION`` described by
  the transaction type. So a refund reads the same from either file.

Reimbursements inside settlements (``REVERSAL_REIMBURSEMENT``, ``WAREHOUSE_DAMAGE`` …, the list
is data: ``data/settlement.toml``) are payments: ``payment`` names the kind, else ``""``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from casewriter.errors import CasewriterError
from casewriter.reports.readers import Cells, Progress, Skip, Warnings, iter_cells
from casewriter.reports.records import SettlementRow
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.units import Numbers
from casewriter.reports.values import norm, parse_date

SETTLEMENT_DATA = Path(__file__).with_name("data") / "settlement.toml"


@dataclass(frozen=True)
class SettlementRules:
    """``data/settlement.toml``: which rows are payments, and how close a match must be."""

    payment_types: frozenset[str]
    match_days: int
    source: str
    #: settlement payment kind → the Reimbursements report reason it pays like (normalized)
    kinds: dict[str, str] = field(default_factory=dict)
    #: payment kinds that pay for no unit (a fee given back): never "this order was reimbursed"
    not_for_units: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def settlement_rules(path: Path = SETTLEMENT_DATA) -> SettlementRules:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        types = frozenset(norm(str(t)) for t in data["payment_types"])
        days = int(data["match_days"])
        kinds = {norm(str(k)): norm(str(v)) for k, v in data.get("payment_kinds", {}).items()}
        not_for_units = frozenset(norm(str(t)) for t in data.get("not_for_units", []))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError,
            ValueError, AttributeError) as exc:  # fmt: skip
        raise CasewriterError(f"cannot read the settlement rules {path}: {exc}") from None
    return SettlementRules(types, days, str(data.get("source", "")), kinds, not_for_units)


#: older flat file: (amount-type, type column or None, amount column)
_FLAT_AMOUNTS = (
    ("ITEMPRICE", "pricetype", "priceamount"),
    ("ITEMFEES", "itemrelatedfeetype", "itemrelatedfeeamount"),
    ("SHIPMENTFEES", "shipmentfeetype", "shipmentfeeamount"),
    ("ORDERFEES", "orderfeetype", "orderfeeamount"),
    ("MISCFEES", None, "miscfeeamount"),
    ("OTHERFEES", "otherfeereasondescription", "otherfeeamount"),
    ("DIRECTPAYMENT", "directpaymenttype", "directpaymentamount"),
    ("PROMOTION", "promotiontype", "promotionamount"),
    ("OTHER_TRANSACTION", None, "otheramount"),
)

#: dates, types and descriptions repeat row after row: parse each distinct cell once per run
_date = lru_cache(maxsize=4096)(parse_date)
_norm = lru_cache(maxsize=4096)(norm)

_COMMON = ("settlementid", "currency", "transactiontype", "orderid", "fulfillmentid",
           "posteddate", "posteddatetime", "sku", "quantitypurchased", "marketplacename")  # fmt: skip


#: ``want(transaction type, amount type, description)``, each normalized: False skips the amount
#: before its cells are parsed (a settlement is mostly fee rows no rule reads; a million rows
#: must scan in little more than the time it takes to split them). Payments and the totals row
#: are always read.
Want = Callable[[str, str, str], bool]


def read_settlement(
    info: ReportInfo,
    warnings: Warnings,
    progress: Progress | None = None,
    want: Want | None = None,
) -> Iterator[SettlementRow]:
    """Every amount of a settlement report (either layout) as a ``SettlementRow`` (with
    ``want``, only the amounts it accepts; their bad cells are warned about, the others' not)."""
    if info.type == "settlement-flat":
        yield from _read_flat(info, warnings, progress, want)
        return
    c = Cells(info)
    payments = settlement_rules().payment_types
    idx = [c.index(n) for n in _COMMON]
    i_type, i_desc, i_amount = (
        c.index("amounttype"),
        c.index("amountdescription"),
        c.index("amount"),
    )
    numbers = Numbers()
    # the cells a kept row is read for (its kind is known by then): settlement id, currency,
    # order id, fulfillment, posted date and time, SKU, quantity, marketplace, amount
    pick = c.picker([*idx[:2], *idx[3:], i_amount])
    counts: dict[str, int] = {}  # a quantity cell of digits → its count (a few distinct cells)
    # the row's kind is read first, raw (most rows stop there): transaction type, amount type
    # and description; the few distinct kinds are normalized and judged once each
    kind_columns = [idx[2], i_type, i_desc]
    kinds = c.picker(kind_columns)
    getter, need = itemgetter(*kind_columns), max(kind_columns)
    fast = min(kind_columns) >= 0
    seen: dict[tuple[str, ...], tuple[str, str, str, str, bool]] = {}

    def unread(cells: tuple[str, ...]) -> bool:  # what ``want`` turns down, dropped unparsed
        assert want is not None
        ttype, atype, desc = norm(cells[0]), norm(cells[1]), norm(cells[2])
        paid = ttype in payments or desc in payments
        return bool(ttype) and not paid and not want(ttype, atype, desc)

    drop = Skip(tuple(kind_columns), need + 1, unread) if want is not None and fast else None
    for line, row in iter_cells(info, warnings, progress, drop):
        raw = getter(row) if fast and len(row) > need else tuple(kinds(row))
        known = seen.get(raw)
        if known is None:
            ttype, atype, desc = norm(raw[0]), norm(raw[1]), norm(raw[2])
            payment = ttype if ttype in payments else desc if desc in payments else ""
            keep = not ttype or bool(payment) or want is None or want(ttype, atype, desc)
            known = (ttype, atype, desc, payment, keep)
            if len(seen) < 4096:
                seen[raw] = known
        ttype, atype, desc, payment, keep = known
        if not keep:
            continue
        sid, currency, order, fid, day, stamp, sku, qty_cell, market, amount_cell = pick(row)
        if numbers.comma is None:
            numbers.hint(currency or market)
        try:
            amount = numbers.dec(amount_cell)
            posted = _date(day) or _date(stamp)
            qty = counts.get(qty_cell) if qty_cell else None
            if qty is None and qty_cell:
                qty = numbers.whole(qty_cell)
                if qty is not None and qty_cell.isdigit() and len(counts) < 256:
                    counts[qty_cell] = qty  # digits only: no decimal style learnt from it
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        yield SettlementRow(line, sid, currency.upper(), ttype, order, atype, desc, amount,
                            _norm(fid), posted, sku, qty, market, payment)  # fmt: skip


def _read_flat(
    info: ReportInfo, warnings: Warnings, progress: Progress | None, want: Want | None
) -> Iterator[SettlementRow]:
    c = Cells(info)
    payments = settlement_rules().payment_types
    idx = [c.index(n) for n in _COMMON]
    amounts = [(kind, c.index(t) if t else -1, c.index(a)) for kind, t, a in _FLAT_AMOUNTS]
    amounts = [a for a in amounts if a[2] >= 0]
    common = c.picker(idx)
    # the transaction type and the amount columns' type cells make a row's shape: the amount
    # columns worth reading (kind, description, payment: a payment, or what ``want`` accepts)
    # are worked out once per shape, and only those cells are looked at; a row with none filled
    # is skipped unread (most rows are fees)
    typed = [t for _k, t, _a in amounts if t >= 0]
    types_of = _raw_picker([idx[2], *typed])
    plans: dict[tuple[str, ...], tuple[str, list[tuple[int, str, str, str]]]] = {}
    numbers = Numbers()
    for line, row in iter_cells(info, warnings, progress, _flat_skip(idx[2], amounts, want)):
        raw = types_of(row)
        plan = plans.get(raw)
        if plan is None:
            plan = _flat_plan(raw, typed, amounts, payments, want)
            if len(plans) < 4096:
                plans[raw] = plan
        ttype, candidates = plan
        width = len(row)
        wanted = [(kind, desc, cell, pay) for a, kind, desc, pay in candidates
                  if a < width and (cell := row[a].strip())]  # fmt: skip
        if ttype and not wanted and want is not None:
            continue  # only amounts no rule reads (a blank row stays: the totals row)
        v = common(row)
        if numbers.comma is None:
            numbers.hint(v[1] or v[9])
        try:
            posted = _date(v[5]) or _date(v[6])
            qty = numbers.whole(v[8]) if v[8] else None
            filled = [(kind, desc, numbers.dec(cell), pay) for kind, desc, cell, pay in wanted]
        except ValueError as exc:
            warnings.row(info, line, exc)
            continue
        if not filled:  # the totals row, or a row with no amount
            yield SettlementRow(line, v[0], v[1].upper(), ttype, v[3], "", "", None, _norm(v[4]),
                                posted, v[7], qty, v[9], "")  # fmt: skip
            continue
        for kind, desc, amount, payment in filled:
            yield SettlementRow(line, v[0], v[1].upper(), ttype, v[3], kind, desc, amount,
                                _norm(v[4]), posted, v[7], qty, v[9], payment)  # fmt: skip


def _raw_picker(columns: list[int]) -> Callable[[list[str]], tuple[str, ...]]:
    """The raw cells at ``columns`` as a tuple ('' for a missing column or a short row)."""
    present = [i if i >= 0 else 0 for i in columns]
    need = max(present)
    getter = itemgetter(*present)
    blank = [n for n, i in enumerate(columns) if i < 0]

    def pick(row: list[str]) -> tuple[str, ...]:
        if len(row) <= need or blank:
            return tuple(row[i] if 0 <= i < len(row) else "" for i in columns)
        got: tuple[str, ...] = getter(row) if len(present) > 1 else (getter(row),)
        return got

    return pick


def _flat_plan(
    raw: tuple[str, ...],
    typed: list[int],
    amounts: list[tuple[str, int, int]],
    payments: frozenset[str],
    want: Want | None,
) -> tuple[str, list[tuple[int, str, str, str]]]:
    """(transaction type, the amount columns to read if filled: (column, kind, description,
    payment)) for a row's raw transaction type and type cells (at ``typed``)."""
    ttype = norm(raw[0])
    cells = dict(zip(typed, raw[1:], strict=True))
    reads = []
    for kind, t, a in amounts:
        described = cells.get(t, "").strip()
        desc = norm(described) if described else ttype if kind == "OTHER_TRANSACTION" else ""
        payment = ttype if ttype in payments else desc if desc in payments else ""
        if payment or want is None or want(ttype, kind, desc):
            reads.append((a, kind, desc, payment))
    return ttype, reads


def _flat_skip(i_ttype: int, amounts: list[tuple[str, int, int]], want: Want | None) -> Skip | None:
    """The older flat file's rows no rule reads, told from the transaction type and the amount
    columns' type cells alone (a few distinct sets): a row is dropped unread when none of its
    amount columns, filled or not, could be a payment or an amount ``want`` accepts (the fee
    rows of most orders). The rows kept are judged cell by cell as before."""
    typed = [t for _kind, t, _a in amounts if t >= 0]
    if want is None or i_ttype < 0:
        return None
    payments = settlement_rules().payment_types

    def unread(cells: tuple[str, ...]) -> bool:
        ttype = norm(cells[0])
        if not ttype or ttype in payments:
            return False
        described = dict(zip(typed, cells[1:], strict=True))
        for kind, t, _a in amounts:
            cell = described.get(t, "")
            desc = norm(cell) if cell else ttype if kind == "OTHER_TRANSACTION" else ""
            if desc in payments or want(ttype, kind, desc):
                return False
        return True

    columns = (i_ttype, *typed)
    return Skip(columns, max(columns) + 1, unread)
