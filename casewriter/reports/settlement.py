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

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casewriter.errors import CasewriterError
from casewriter.reports.readers import Cells, Progress, Warnings, iter_cells
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


@lru_cache(maxsize=1)
def settlement_rules(path: Path = SETTLEMENT_DATA) -> SettlementRules:
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        types = frozenset(norm(str(t)) for t in data["payment_types"])
        days = int(data["match_days"])
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, KeyError, TypeError,
            ValueError) as exc:  # fmt: skip
        raise CasewriterError(f"cannot read the settlement rules {path}: {exc}") from None
    return SettlementRules(types, days, str(data.get("source", "")))


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


def read_settlement(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[SettlementRow]:
    """Every amount of a settlement report (either layout) as a ``SettlementRow``."""
    if info.type == "settlement-flat":
        yield from _read_flat(info, warnings, progress)
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
    for line, row in iter_cells(info, warnings, progress):
        n = len(row)
        v = [row[i].strip() if 0 <= i < n else "" for i in idx]
        if numbers.comma is None:
            numbers.hint(v[1] or v[9])
        try:
            amount = numbers.dec(c.get(row, i_amount))
            posted = _date(v[5]) or _date(v[6])
            qty = numbers.whole(v[8])
        except ValueError as exc:
            warnings.row(info, line, str(exc))
            continue
        ttype, desc = _norm(v[2]), _norm(c.get(row, i_desc))
        payment = ttype if ttype in payments else desc if desc in payments else ""
        yield SettlementRow(line, v[0], v[1].upper(), ttype, v[3], _norm(c.get(row, i_type)),
                            desc, amount, _norm(v[4]), posted, v[7], qty, v[9], payment)  # fmt: skip


def _read_flat(
    info: ReportInfo, warnings: Warnings, progress: Progress | None
) -> Iterator[SettlementRow]:
    c = Cells(info)
    payments = settlement_rules().payment_types
    idx = [c.index(n) for n in _COMMON]
    amounts = [(kind, c.index(t) if t else -1, c.index(a)) for kind, t, a in _FLAT_AMOUNTS]
    amounts = [a for a in amounts if a[2] >= 0]
    numbers = Numbers()
    for line, row in iter_cells(info, warnings, progress):
        n = len(row)
        v = [row[i].strip() if 0 <= i < n else "" for i in idx]
        if numbers.comma is None:
            numbers.hint(v[1] or v[9])
        ttype = _norm(v[2])
        try:
            posted = _date(v[5]) or _date(v[6])
            qty = numbers.whole(v[8])
            filled = []
            for kind, i_type, i_amount in amounts:
                cell = c.get(row, i_amount)
                if cell:
                    filled.append((kind, c.get(row, i_type), numbers.dec(cell)))
        except ValueError as exc:
            warnings.row(info, line, str(exc))
            continue
        if not filled:  # the totals row, or a row with no amount
            yield SettlementRow(line, v[0], v[1].upper(), ttype, v[3], "", "", None, norm(v[4]),
                                posted, v[7], qty, v[9], "")  # fmt: skip
            continue
        for kind, described, amount in filled:
            desc = norm(described) if described else ttype if kind == "OTHER_TRANSACTION" else ""
            payment = ttype if ttype in payments else desc if desc in payments else ""
            yield SettlementRow(line, v[0], v[1].upper(), ttype, v[3], kind, desc, amount,
                                norm(v[4]), posted, v[7], qty, v[9], payment)  # fmt: skip
