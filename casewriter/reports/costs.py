"""The seller's manufacturing costs: a CSV the seller keeps, ``sku,cost,currency``.

Recognised by its header like any report (``manufacturing-costs``: in a scanned folder, on the
command line, or named with ``scan --costs FILE``). One ``Cost`` per row; the cost is per unit,
sourcing only (what Amazon's "Manage Your Manufacturing Cost" page asks for: no freight or
duty), with decimal commas accepted. A row without a SKU, with a cost that is not a positive
amount, or without a three-letter currency is skipped with a warning naming the file and line;
a SKU listed twice keeps its later cost, with a warning.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from casewriter.reports.fields import Fields, typed_rows
from casewriter.reports.readers import Progress, Warnings
from casewriter.reports.row_words import cell, missing, rw
from casewriter.reports.sniff import ReportInfo

HEADER = "sku,cost,currency"


@dataclass(frozen=True)
class Cost:
    """One line of the seller's manufacturing-cost CSV."""

    sku: str
    cost: Decimal
    currency: str
    line: int = 0


def read_costs(
    info: ReportInfo, warnings: Warnings, progress: Progress | None = None
) -> Iterator[Cost]:
    seen: dict[str, int] = {}

    def build(f: Fields, r: list[str], line: int) -> Cost | str:
        sku, currency = f.text(r, "sku"), f.upper(r, "currency")
        if not sku:
            return missing("sku")
        if len(currency) != 3 or not currency.isalpha():
            return cell("cell.not_currency", currency[:12])
        f.numbers.hint(currency)
        cost = f.dec(r, "cost")
        if cost is None or cost <= 0:
            return rw("row.no_cost")
        first = seen.setdefault(sku.upper(), line)
        if first != line:
            warnings.add(rw("row.sku_twice", where=f"{info.path}:{line}", sku=sku, first=first))
        return Cost(sku, cost, currency, line)

    return typed_rows(info, warnings, progress, build)
