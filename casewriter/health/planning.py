"""Reading the planning reports (``GET_FBA_INVENTORY_PLANNING_DATA``) for the review, fast: a
year of weekly snapshots of thousands of SKUs is the bulk of what a review reads.

- ``read_planning(info, data, done, marketplace, progress)``: one file; a file holding only
  snapshots older than the newest one (``InventoryData.newest``, known before reading) goes
  through ``_trend_only_file`` — one tight ``csv.reader`` loop keeping only the trend's sums
  (available, sell-through, excess) — else through ``iter_cells`` with every column the figures
  use. The tight loop gives up on anything unusual before keeping anything, and the file is
  then read the ordinary way (which warns about each bad row).
- Cells parse at C speed when plain (``int``, ``Numbers``' own fast path), repeated values once
  (``_Cells``), and always as ``Fields`` would read them.

Size: ~320 lines: the ordinary per-row reader and the tight trend-only loop read the same
columns with the same cell rules (``_Cells``), and are kept together so they cannot drift.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from casewriter.health.inventory_data import (
    AGED,
    COARSE,
    FINE,
    FileRead,
    InventoryData,
    SkuLine,
    Snapshot,
    cut_short,
    same_market,
)
from casewriter.reports.fields import Fields
from casewriter.reports.readers import Progress, iter_cells
from casewriter.reports.row_words import in_column, rw
from casewriter.reports.row_words import missing as no_columns
from casewriter.reports.sniff import ReportInfo
from casewriter.reports.values import parse_date


class _Cells:
    """Fast typed reads of one file's cells by index (the planning reports are the bulk of a
    review: a year of weekly snapshots). Plain cells parse at C speed (``int``, the numbers'
    own fast path); anything else goes through ``Numbers`` exactly as ``Fields`` reads it."""

    def __init__(self, f: Fields) -> None:
        self.f = f
        self.numbers = f.numbers
        self.days: dict[str, date | None] = {}
        self.decs: dict[str, Decimal] = {}

    def count(self, cell: str, name: str) -> int | None:
        """A count of units: none negative, none above the report bound (a row warning)."""
        if len(cell) <= 9 and cell.isdigit() and cell.isascii():  # the usual cell, at C speed
            return int(cell)
        text = cell.strip().strip('"').strip()
        if text.lower() in _EMPTY:
            return None
        try:
            value = self.numbers.whole(text)
        except ValueError as exc:
            raise ValueError(in_column(name, exc)) from None
        if value is not None and value < 0:
            raise ValueError(
                rw("cell.in_column", column=name, problem=rw("cell.negative", number=value))
            )
        return value

    def positive(self, cell: str, name: str) -> Decimal | None:
        """A ratio (sell-through) or an amount that cannot be negative."""
        value = self.dec(cell, name)
        if value is not None and value < 0:
            raise ValueError(
                rw("cell.in_column", column=name, problem=rw("cell.negative_value", number=value))
            )
        return value

    def dec(self, cell: str, name: str) -> Decimal | None:
        got = self.decs.get(cell)
        if got is not None:
            return got
        try:
            value = self.numbers.dec(cell)  # plain cells at C speed; "", spaces, quotes: None
        except ValueError as exc:
            if cell.strip().strip('"').strip().lower() in _EMPTY:
                return None
            raise ValueError(in_column(name, exc)) from None
        if value is not None and len(self.decs) < 8192 and _CACHEABLE.fullmatch(cell):
            self.decs[cell] = value  # sell-through ratios and prices repeat row after row
        return value

    def day(self, cell: str) -> date | None:
        try:
            return self.days[cell]
        except KeyError:
            pass
        text = cell.strip().strip('"').strip()
        value = None if text.lower() in _EMPTY else parse_date(text)
        if len(self.days) < 4096:
            self.days[cell] = value
        return value


_EMPTY = frozenset({"", "-", "--", "n/a", "na", "none", "null", "not applicable"})
#: cells whose value never depends on the file's decimal style (no grouping, no 3-digit tail)
_CACHEABLE = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,2})?")
_NONE = 1 << 30  # the index of a column the file does not have: reads as ""


def read_planning(info: ReportInfo, data: InventoryData, done: FileRead, marketplace: str,
              progress: Progress | None) -> None:  # fmt: skip
    if _trend_only_file(info, data, done, marketplace):
        return
    f = Fields(info)
    c = _Cells(f)

    def at(name: str) -> int:
        i = f.index(name)
        return i if i >= 0 else _NONE

    i_mp, i_day, i_sku, i_fnsku, i_asin, i_cur = (at(n) for n in (
        "marketplace", "snapshot-date", "sku", "fnsku", "asin", "currency"))  # fmt: skip
    i_avail, i_st, i_ex, i_price = (at(n) for n in (
        "available", "sell-through", "estimated-excess-quantity", "your-price"))  # fmt: skip
    i_q11, i_q12, i_ltsf, i_sto, i_unf, i_dos, i_t30 = (at(n) for n in (
        "qty-to-be-charged-ltsf-11-mo", "qty-to-be-charged-ltsf-12-mo",
        "estimated-ltsf-next-charge", "estimated-storage-cost-next-month",
        "unfulfillable-quantity", "days-of-supply", "units-shipped-t30"))  # fmt: skip
    buckets = COARSE if all(f.has(x) for x in COARSE) else tuple(x for x in FINE if f.has(x))
    bucket_idx = [(x, f.index(x), x in AGED) for x in buckets]
    missing = {x for x in ("sell-through", "estimated-excess-quantity",
                           "estimated-ltsf-next-charge", "estimated-storage-cost-next-month",
                           "your-price") if not f.has(x)}  # fmt: skip
    if not buckets:
        missing.add("inv-age-*")
    has_ltsf = any(i != _NONE for i in (i_q11, i_q12, i_ltsf))
    markets: dict[str, bool] = {}
    newest, until = data.newest, data.until
    latest_day: date | None = data.latest.day if data.latest else None
    snap: Snapshot | None = None
    width = len(info.header)
    for line, r in iter_cells(info, data.warnings, progress):
        n = len(r)
        if n < width:  # an interrupted download: its missing cells would read as empty
            data.warnings.row(info, line, cut_short(n, width))
            continue
        try:
            cell = r[i_mp] if i_mp < n else ""
            same = markets.get(cell)
            if same is None:
                same = markets[cell] = same_market(cell.strip().strip('"'), marketplace)
            if not same:
                done.other_marketplace += 1
                continue
            day = c.day(r[i_day]) if i_day < n else None
            if until is not None and day is not None and day > until:
                done.after_as_of += 1  # a snapshot after the review's date
                continue
            if snap is None or snap.day != day:
                cur = r[i_cur].strip().upper() if i_cur < n else ""
                f.numbers.hint(cur or marketplace)
            older = day is not None and newest is not None and day < newest
            sku = r[i_sku].strip() if i_sku < n else ""
            fnsku = r[i_fnsku].strip().upper() if i_fnsku < n else ""
            if not sku and not fnsku:
                data.warnings.row(info, line, no_columns("sku", "fnsku"))
                continue
            available = (c.count(r[i_avail], "available") if i_avail < n else None) or 0
            st = c.positive(r[i_st], "sell-through") if i_st < n else None
            excess = c.count(r[i_ex], "estimated-excess-quantity") if i_ex < n else None
            if not older:
                price = c.positive(r[i_price], "your-price") if i_price < n else None
                ages = [(x, c.count(r[i], x) or 0 if i < n else 0, old)
                        for x, i, old in bucket_idx]  # fmt: skip
                q11 = q12 = None
                ltsf = None
                if has_ltsf:
                    q11 = c.count(r[i_q11], "qty-to-be-charged-ltsf-11-mo") if i_q11 < n else None
                    q12 = c.count(r[i_q12], "qty-to-be-charged-ltsf-12-mo") if i_q12 < n else None
                    ltsf = (
                        c.positive(r[i_ltsf], "estimated-ltsf-next-charge") if i_ltsf < n else None
                    )
                storage = (c.positive(r[i_sto], "estimated-storage-cost-next-month")
                           if i_sto < n else None)  # fmt: skip
                unful = c.count(r[i_unf], "unfulfillable-quantity") if i_unf < n else None
        except ValueError as exc:
            data.warnings.row(info, line, exc)
            continue
        if day is not None:
            done.dates.add(day)
        if snap is None or snap.day != day:
            snap = _snapshot(data, day, info, r[i_cur] if i_cur < n else "", missing)
        snap.add_row(available, st, excess)
        if older:  # an older snapshot: only the trend's figures
            continue
        aged = 0
        buckets_sum = snap.buckets
        for col, units, old in ages:
            buckets_sum[col] = buckets_sum.get(col, 0) + units
            if price is not None:
                snap.bucket_value[col] = snap.bucket_value.get(col, _ZERO) + price * units
                snap.bucket_priced[col] = snap.bucket_priced.get(col, 0) + units
            if old:
                aged += units
        if q11 is not None or q12 is not None or ltsf is not None:
            snap.ltsf_rows += 1
            snap.ltsf_units += (q11 or 0) + (q12 or 0)
            snap.ltsf_amount += ltsf or 0
        if storage is not None:
            snap.storage_rows += 1
            snap.storage_next += storage
        if unful is not None:
            snap.unfulfillable = (snap.unfulfillable or 0) + unful
        if latest_day is None or (day is not None and day >= latest_day):
            if day is not None and latest_day is not None and day > latest_day:
                for old_snap in data.snapshots.values():  # a newer snapshot: older lines go
                    old_snap.lines = []
            latest_day = day if day is not None else latest_day
            try:
                dos = c.dec(r[i_dos], "days-of-supply") if i_dos < n else None
                t30 = c.count(r[i_t30], "units-shipped-t30") if i_t30 < n else None
            except ValueError:
                dos = t30 = None
            if aged or (ltsf or 0) > 0 or dos is not None:
                asin = r[i_asin].strip().upper() if i_asin < n else ""
                snap.lines.append(SkuLine(sku, fnsku, asin, available, aged,
                                          (q11 or 0) + (q12 or 0), ltsf or _ZERO, dos, t30,
                                          snap.currency))  # fmt: skip


_ZERO = Decimal(0)
_BIG_FILE_ROWS = 1 << 15  # rows between progress calls


def _trend_only_file(info: ReportInfo, data: InventoryData, done: FileRead,
                     marketplace: str) -> bool:  # fmt: skip
    """A whole file of older snapshots read for the trend alone (available, sell-through,
    excess), in one tight loop over ``csv.reader``. Anything unusual — a row of the newest
    snapshot, a repeated header, a row of another width, a bad cell, a decoding error — gives
    up (False) before anything is kept, and the file is read the ordinary way
    (``iter_cells``, which warns about each row). True when the file was read this way."""
    import csv

    newest = data.newest
    f = Fields(info)
    need = [f.index(n) for n in ("snapshot-date", "available", "marketplace", "sku", "fnsku",
                                  "sell-through", "estimated-excess-quantity", "currency")]  # fmt: skip
    i_day, i_avail, i_mp, i_sku, i_fnsku, i_st, i_ex, i_cur = need
    if newest is None or i_day < 0 or i_avail < 0 or info.encoding != "utf-8-sig":
        return False
    width = len(info.header)
    c = _Cells(f)
    days = c.days
    hundredths: dict[str, int] = {}  # a sell-through cell -> its value x 100 (exact)
    sums: dict[date, list[Any]] = {}
    markets: dict[str, bool] = {}
    rows = other = 0
    plain = info.delimiter == "\t" and not info.quoted
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_NONE if plain else csv.QUOTE_MINIMAL
    try:
        with info.path.open("r", encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=info.delimiter, quoting=quoting, strict=False)
            next(reader, None)
            for row in reader:
                if len(row) != width:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    return False
                day = days.get(row[i_day]) or c.day(row[i_day])
                if day is None or day >= newest:
                    return False
                cell = row[i_mp] if i_mp >= 0 else ""
                same = markets.get(cell)
                if same is None:
                    same = markets[cell] = same_market(cell.strip().strip('"'), marketplace)
                if not same:
                    other += 1
                    continue
                if not ((i_sku >= 0 and row[i_sku]) or (i_fnsku >= 0 and row[i_fnsku])):
                    return False
                acc = sums.get(day)
                if acc is None:
                    cur = row[i_cur] if i_cur >= 0 else ""
                    f.numbers.hint(cur.strip().upper() or marketplace)
                    acc = sums[day] = [0, 0, _ZERO, 0, 0, 0, 0, 0, cur, 0]
                cell = row[i_avail]
                if len(cell) <= 9 and cell.isdigit() and cell.isascii():
                    available = int(cell)
                else:  # a bad or out-of-bound cell raises: the file is read the ordinary way
                    available = c.count(cell, "available") or 0
                acc[0] += 1
                acc[1] += available
                if i_st >= 0:
                    cell = row[i_st]
                    cents = hundredths.get(cell)
                    if cents is not None:  # exact in whole hundredths: integer arithmetic
                        acc[9] += cents * available
                        acc[3] += available
                        acc[4] += 1
                    else:
                        st = c.positive(cell, "sell-through")
                        if st is not None:
                            if _CACHEABLE.fullmatch(cell) and len(hundredths) < 8192:
                                hundredths[cell] = int(st * 100)
                            acc[2] += st * available
                            acc[3] += available
                            acc[4] += 1
                if i_ex >= 0:
                    cell = row[i_ex]
                    excess: int | None
                    if len(cell) <= 9 and cell.isdigit() and cell.isascii():
                        excess = int(cell)
                    else:
                        excess = c.count(cell, "estimated-excess-quantity")
                    if excess is not None:
                        acc[5] += excess
                        acc[6] += available
                        acc[7] += 1
                rows += 1
    except (ValueError, csv.Error, OSError):  # UnicodeDecodeError is a ValueError
        return False
    missing = {x for x in ("sell-through", "estimated-excess-quantity") if not f.has(x)}
    for day, acc in sums.items():
        snap = _snapshot(data, day, info, str(acc[8]), missing)
        snap.skus += acc[0]
        snap.available += acc[1]
        snap.sell_weighted += acc[2] + Decimal(acc[9]) / 100
        snap.sell_available += acc[3]
        snap.sell_rows += acc[4]
        snap.excess += acc[5]
        snap.excess_available += acc[6]
        snap.excess_rows += acc[7]
        done.dates.add(day)
    done.other_marketplace += other
    data.warnings.rows += rows + other
    return True


def _snapshot(data: InventoryData, day: date | None, info: ReportInfo, cur: str,
              missing: set[str]) -> Snapshot:  # fmt: skip
    snap = data.snapshots.get(day)
    if snap is None:
        snap = data.snapshots[day] = Snapshot(day, str(info.path), cur.strip().upper())
    snap.missing |= missing
    return snap
