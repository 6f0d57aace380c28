"""``scan(paths, ...)``: sniff every report, stream each once, apply the rules, add windows.

Files are read in dependency order (inbound, reimbursements, returns, settlement, All Orders,
legacy files, ledger) so that each large file is filtered against what the small ones already
told us and nothing but keyed candidate events is kept. The marketplace is ``--marketplace``
when given, else what the rows show (ledger Country, settlement marketplace name, currency),
else the settings' default. "Today" is ``as_of`` or the date in that marketplace's time zone.
Claim windows come only from the case-type catalog (``windows.py``), so a user's rules apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from casewriter.marketplaces import find as find_marketplace
from casewriter.marketplaces import for_currency
from casewriter.reports import records as rec
from casewriter.reports.findings import Finding, ReportSummary, ScanResult
from casewriter.reports.readers import Progress, Warnings, iter_cells
from casewriter.reports.rules import Paid, inbound, refunds, warehouse
from casewriter.reports.sniff import ReportInfo, sniff
from casewriter.reports.state import Collected
from casewriter.reports.windows import window_for

if TYPE_CHECKING:
    from casewriter.engine import Catalog

#: Amazon auto-reimburses warehouse losses: younger ledger rows wait (a heuristic).
AUTO_REIMBURSE_DAYS = 14

_ORDER = ("inbound-shipment-items", "reimbursements", "customer-returns", "settlement-v2",
          "all-orders", "legacy-receipts", "legacy-adjustments", "ledger-detail")  # fmt: skip


def _read(info: ReportInfo, data: Collected, warnings: Warnings, progress: Progress | None,
          want_receipts: bool) -> None:  # fmt: skip
    t = info.type
    if t == "inbound-shipment-items":
        for r in rec.read_inbound(info, warnings, progress):
            data.inbound_row(r)
    elif t == "reimbursements":
        seen: Counter[tuple[str, ...]] = Counter()
        for m in rec.read_reimbursements(info, warnings, progress):
            data.reimbursement(m, seen)
        data.reimbursement_file(seen)
    elif t == "customer-returns":
        for ret in rec.read_returns(info, warnings, progress):
            data.returned.add((ret.order_id, ret.sku.upper()))
            data.returned_orders.add(ret.order_id)
            if ret.sku and ret.fnsku:
                data.sku_fnsku.setdefault(ret.sku.upper(), ret.fnsku)
    elif t == "settlement-v2":
        rows: Counter[tuple[object, ...]] = Counter()
        for s in rec.read_settlement(info, warnings, progress):
            data.refund_row(s, rows)
        data.settlement_file(rows)
    elif t == "all-orders":
        for o in rec.read_orders(info, warnings, progress):
            data.order(o)
    elif t == "legacy-receipts":
        receipts: Counter[tuple[object, ...]] = Counter()
        for r2 in rec.read_legacy_receipts(info, warnings, progress):
            data.legacy_receipt(r2, receipts)
        data.merge_receipts(receipts)
    elif t in ("legacy-adjustments", "ledger-detail"):
        counter: Counter[tuple[object, ...]] = Counter()
        if t == "legacy-adjustments":
            rows_in = rec.read_legacy_adjustments(info, warnings, progress)
        else:
            rows_in = rec.read_ledger(info, warnings, progress, receipts=want_receipts)
        legacy = t == "legacy-adjustments"
        for row in rows_in:
            data.ledger_row(row, counter, legacy)
        data.merge_receipts(counter)
    else:  # removal reports and the ledger summary: counted, not used by the rules
        for _ in iter_cells(info, warnings, progress):
            pass


def _detect_marketplace(data: Collected, refund_names: list[str], default: str) -> str:
    votes: Counter[str] = Counter()
    for country, n in data.countries.items():
        if code := find_marketplace(country):
            votes[code] += n
    for name in refund_names:
        if code := find_marketplace(name):
            votes[code] += 1
    if not votes:
        for currency, n in data.currencies.items():
            if code := for_currency(currency):
                votes[code] += n
    return votes.most_common(1)[0][0] if votes else default


def scan(
    paths: Sequence[Path | ReportInfo],
    *,
    as_of: date | None = None,
    marketplace: str | None = None,
    catalog: Catalog,
    progress: Progress | None = None,
    default_marketplace: str = "US",
) -> ScanResult:
    """Scan the reports; ReportError when a file is not a known report or cannot be read.
    Claim windows come from ``catalog`` (the rules of the case type each finding maps to)."""
    from casewriter.dates import today_in
    from casewriter.marketplaces import get

    infos = [p if isinstance(p, ReportInfo) else sniff(Path(p)) for p in paths]
    rank = {t: i for i, t in enumerate(_ORDER)}
    ordered = sorted(range(len(infos)), key=lambda i: (rank.get(infos[i].type, 99), i))
    data, warnings = Collected(), Warnings()
    want_receipts = any(i.type == "inbound-shipment-items" for i in infos)
    summaries: dict[int, ReportSummary] = {}
    for i in ordered:
        info = infos[i]
        if info.type == "all-orders":
            data.finish_refunds()
        before = warnings.rows
        _read(info, data, warnings, progress, want_receipts)
        summaries[i] = ReportSummary(info.path, info.type, warnings.rows - before,
                                     info.encoding, info.variant, info.used)  # fmt: skip
    data.finish_refunds()
    data.finish_receipts()
    paid = Paid(data)
    found = warehouse(data, paid) + inbound(data, paid) + refunds(data, paid)
    names = [r.marketplace_name for r in data.refunds.values()]
    explicit = get(marketplace).code if marketplace else ""
    main = explicit or _detect_marketplace(data, names, get(default_marketplace).code)
    today = today_in(get(main), as_of)
    result = ScanResult(as_of=today, marketplace=main, warnings=warnings.all())
    result.reports = [summaries[i] for i in range(len(infos))]
    for f in found:
        _finish(f, explicit or find_marketplace(f.marketplace) or main, today, catalog)
    result.findings = sorted(found, key=Finding.sort_key)
    for code, n in sorted(data.unknown_codes.items()):
        result.notes.append(
            f"ledger reason code {code!r} seen {n} time(s): not a known code, never claimed; "
            "check those rows by hand"
        )
    result.notes += _unverifiable_notes(data)
    for s in result.reports:
        if not s.used:
            result.notes.append(f"{s.path}: {s.type} recognised, not used by the scan rules")
    return result


def _unverifiable_notes(data: Collected) -> list[str]:
    """Claim-coded rows that cannot be findings: no Unreconciled Quantity to show they are open."""
    notes = []
    if n := len(data.unverifiable.get("legacy", ())):
        notes.append(
            f"{n} lost/damaged row(s) in the retired Inventory Adjustments report (before "
            "2023) not flagged: that report has no Unreconciled Quantity, so nothing shows the "
            "units are still unpaid, and their claim windows closed long ago"
        )
    if n := len(data.unverifiable.get("ledger", ())):
        notes.append(
            f"{n} lost/damaged ledger row(s) with no Unreconciled Quantity not flagged; "
            "download the ledger detail with its reconciliation columns to check them"
        )
    return notes


def _finish(f: Finding, code: str, today: date, catalog: Catalog) -> None:
    from casewriter.marketplaces import get

    f.marketplace = code
    preset = f.status
    f.window = window_for(f.case_type, code, f.event_date, today, catalog)
    f.status = f.window.status
    if preset == "too-early" and f.status == "claimable":
        f.status = "too-early"
    if f.rule.startswith("warehouse-") and f.event_date is not None and f.status == "claimable":
        wait_until = f.event_date + timedelta(days=AUTO_REIMBURSE_DAYS)
        f.details["file_from"] = wait_until
        if today < wait_until:
            f.status = "too-early"
            f.notes.append(
                f"under {AUTO_REIMBURSE_DAYS} days old: Amazon usually finds or reimburses it "
                f"by itself; check again on {wait_until.isoformat()}"
            )
    if f.amount is not None and not f.currency:
        f.currency = get(code).currency
