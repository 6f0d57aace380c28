"""Amazon's side of a measured unit for the fee-overcharge rule: its tier and measurements as
the Fee Preview (else the storage fees report) gives them (``amazon_side``), and what the charges
got wrong against the seller's own measurement (``overcharged_by``): the size tier, or within the
same tier a heavier shipping weight (a heavier fee band).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from casewriter.reports.fee_pricing import classify
from casewriter.reports.fee_state import StorageTier
from casewriter.reports.fees import FeePreview
from casewriter.reports.measurements import Measurement
from casewriter.reports.tiers import Classified, TierTable


def sides_text(sides: tuple[Decimal | None, ...], unit: str) -> str:
    return " x ".join(format(s.normalize(), "f") for s in sides if s is not None) + f" {unit}"


@dataclass
class Side:
    """One side's view of a unit: where it came from, its tier (rank range) and measures."""

    tier: str  # as the report writes it, or the tier computed
    low: int
    high: int
    dimensions: str = ""
    weight: str = ""
    classified: Classified | None = None


def amazon_side(table: TierTable, p: FeePreview | None, s: StorageTier | None) -> Side | None:
    """Amazon's tier from the Fee Preview, else the storage report (as written, else computed)."""
    for row in (p, s):
        if row is None:
            continue
        dims, weight = row.dimensions, row.weight
        dims_t = sides_text((dims.longest, dims.median, dims.shortest), dims.unit) if dims else ""
        weight_t = f"{format(weight.value.normalize(), 'f')} {weight.unit}" if weight else ""
        read = table.read(row.size_tier) if row.size_tier else None
        if read is not None:
            return Side(row.size_tier, read[0], read[1], dims_t, weight_t)
        got = _measured(table, row)
        if got is not None:
            return Side(got.tier.name, got.rank, got.rank, dims_t, weight_t, got)
    return None


def overcharged_by(table: TierTable, mine: Classified, theirs: Side | None,
                   p: FeePreview | None, s: StorageTier | None) -> str:  # fmt: skip
    """What the charges got wrong: "size tier" (Amazon's tier is above the seller's), "shipping
    weight" (the same tier, Amazon's measurements heavier: a heavier weight band), else ""
    (only that the fee is above the one of the seller's measurement)."""
    if theirs is None:
        return ""
    if theirs.low > mine.rank:
        return "size tier"
    if theirs.low != mine.rank or theirs.high != mine.rank:
        return ""
    heavier = theirs.classified or next(
        (c for c in (_measured(table, x) for x in (p, s) if x is not None) if c is not None), None
    )
    return "shipping weight" if heavier and heavier.ship_weight > mine.ship_weight else ""


def _measured(table: TierTable, row: FeePreview | StorageTier) -> Classified | None:
    """Amazon's measurements of a row put through the seller's tier table (None if not given)."""
    dims, weight = row.dimensions, row.weight
    if dims is None or weight is None:
        return None
    a, b, c = dims.longest, dims.median, dims.shortest
    if a is None or b is None or c is None:
        return None
    return classify(table, Measurement(0, "", (a, b, c), dims.unit, weight.value, weight.unit))
