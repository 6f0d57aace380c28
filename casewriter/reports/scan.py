"""``scan(paths, ...)``: sniff every report, read each once, apply the rules, add windows.

Reading is ``collect.collect`` (dependency order, one pass per file). The marketplace is
``--marketplace`` when given, else what the rows show (ledger Country, settlement marketplace
name, currency), else the settings' default. A finding whose own rows name another marketplace
than ``--marketplace`` (a settlement row of Amazon.co.uk under ``--marketplace US``) gets the
flag's window and a note naming the row's marketplace, never silently. "Today" is ``as_of`` or the date in that
marketplace's time zone.

A path that is not a readable report is skipped and listed in ``ScanResult.skipped`` with the
reason, and the rest are scanned; only when no file at all can be read does ``scan`` raise
``ReportError``. A report that breaks part way is listed too (``partial``): its rows before the
break are used, and every finding of a rule that reads that kind of report is marked
``complete = False`` (``scan --draft`` saves no draft for it).
Claim windows come only from the case-type catalog (``windows.py``), so a user's rules apply.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from casewriter.errors import ReportError
from casewriter.marketplaces import find as find_marketplace
from casewriter.marketplaces import for_currency, in_currency
from casewriter.messages import join
from casewriter.reports.collect import collect, gc_paused
from casewriter.reports.fee_rules import overcharges
from casewriter.reports.findings import Finding, ReportSummary, ScanResult, Skipped, Window
from casewriter.reports.inventory_rules import storage_checks, stranded
from casewriter.reports.money import MONEY_RULES, lead_open, money_findings
from casewriter.reports.money import finish as finish_money
from casewriter.reports.note_words import wn
from casewriter.reports.readers import Progress
from casewriter.reports.rules import Paid, inbound, refunds, warehouse
from casewriter.reports.sniff import ReportInfo, sniff
from casewriter.reports.state import Collected
from casewriter.reports.summary import summarize
from casewriter.reports.windows import Memo, finding_window

if TYPE_CHECKING:
    from casewriter.engine import Catalog

#: Amazon auto-reimburses warehouse losses: younger ledger rows wait (a heuristic).
AUTO_REIMBURSE_DAYS = 14

_SETTLEMENTS = frozenset({"settlement-v2", "settlement-flat"})
_WAREHOUSE_INPUTS = frozenset({"ledger-detail", "legacy-adjustments", "reimbursements",
                               "all-orders", "fulfilled-shipments"})  # fmt: skip
_REMOVALS = frozenset({"removal-order-detail", "removal-shipment-detail"})
#: what a money rule's value and "already paid" check read
_VALUE = _SETTLEMENTS | {"reimbursements", "all-orders", "manufacturing-costs"}
#: rule → the report types it reads (a finding is incomplete when one of them was read in part);
#: a rule not listed here depends on every report.
RULE_INPUTS: dict[str, frozenset[str]] = {
    "warehouse-lost": _WAREHOUSE_INPUTS,
    "warehouse-damaged": _WAREHOUSE_INPUTS,
    "inbound-shortfall": frozenset({"inbound-shipment-items", "ledger-detail", "legacy-receipts",
                                    "reimbursements", "all-orders", "fulfilled-shipments"}),
    "refund-not-returned": _SETTLEMENTS | {"customer-returns", "reimbursements", "all-orders",
                                           "fulfilled-shipments", "ledger-detail"},
    "fee-overcharge": _SETTLEMENTS | {"seller-measurements", "fee-preview", "storage-fees"},
    "storage-fee-check": frozenset({"storage-fees", "seller-measurements", "fee-preview"}),
    "stranded-inventory": frozenset({"stranded-inventory"}),
    "removal-incomplete": _REMOVALS | _VALUE,
    "removal-lost": _REMOVALS | _VALUE,
    "return-damaged": _VALUE | {"customer-returns", "fulfilled-shipments"},
    "refund-over-charge": _VALUE | {"fulfilled-shipments"},
    "reimbursement-underpaid": _VALUE,
    "reimbursement-below-price": _VALUE,
    "researching-units": _VALUE | {"manage-inventory", "inbound-shipment-items", "ledger-detail",
                                   "ledger-summary", "legacy-receipts"},
}  # fmt: skip
_FEE_REPORTS = frozenset({"fee-preview", "storage-fees"})


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
    confirm_removal_lost: Sequence[str] = (),
    relabel: bool = True,
) -> ScanResult:
    """Scan the reports. Unreadable ones are listed in ``skipped``; ReportError only when no
    file at all can be read. ``confirm_removal_lost``: removal order ids or tracking numbers
    the seller says never arrived (those packages become claims; the ones matching no package
    are listed in ``ScanResult.unconfirmed``). ``relabel=False``: a finding keeps the
    marketplace its rows name (``marketplace`` only where they name none), so a caller can
    leave another marketplace's findings out (the health review) instead of relabelling them."""

    infos: list[ReportInfo] = []
    skipped: list[Skipped] = []
    for p in paths:
        if isinstance(p, ReportInfo):
            infos.append(p)
            continue
        try:
            infos.append(sniff(Path(p)))
        except ReportError as exc:
            skipped.append(Skipped(Path(p), exc.message))
    if not infos:
        if len(skipped) == 1:
            raise ReportError(skipped[0].reason)
        reasons = join("; ", [s.reason for s in skipped], "；")
        raise ReportError(wn("file.none_readable", n=len(skipped), reasons=reasons))
    with gc_paused():
        return _scan(infos, skipped, as_of, marketplace, catalog, progress, default_marketplace,
                     confirm_removal_lost, relabel)  # fmt: skip


def _scan(
    infos: list[ReportInfo],
    skipped: list[Skipped],
    as_of: date | None,
    marketplace: str | None,
    catalog: Catalog,
    progress: Progress | None,
    default_marketplace: str,
    confirm_removal_lost: Sequence[str],
    relabel: bool = True,
) -> ScanResult:
    from casewriter.dates import today_in
    from casewriter.marketplaces import get

    got = collect(infos, progress)
    data, warnings = got.data, got.warnings
    paid = Paid(data)
    found = warehouse(data, paid) + inbound(data, paid) + refunds(data, paid)
    names = [r.marketplace_name for r in data.refunds.values()]
    explicit = get(marketplace).code if marketplace else ""
    main = explicit or _detect_marketplace(data, names, get(default_marketplace).code)
    today = today_in(get(main), as_of)
    windows: dict[tuple[str, str, date], Window | None] = {}  # worked out once per scan

    def is_open(case_type: str, market: str, event: date | None) -> bool:
        code = explicit or find_marketplace(market) or main
        return lead_open(case_type, code, event, today, catalog, windows)

    more, money_notes, matched = money_findings(data, paid, found, main, today,
                                                confirm_removal_lost, is_open)  # fmt: skip
    found += more
    fee_notes: list[str] = []
    fee_found = overcharges(data.fees, data.sku_fnsku, explicit or main, today, catalog, fee_notes)
    found += fee_found + storage_checks(data.fees, explicit or main, fee_found, data.sku_fnsku)
    found += stranded(data.fees, explicit or main, today, catalog)
    _attach_shipments(found, data)
    result = ScanResult(as_of=today, marketplace=main, warnings=warnings.all())
    result.unconfirmed = [c for c in confirm_removal_lost if c not in matched]
    result.reports = [
        ReportSummary(
            i.path,
            i.type,
            got.rows.get(n, 0),
            warnings.encodings.get(i.path, i.encoding),
            i.variant,
            i.used,
        )
        for n, i in enumerate(infos)
    ]
    result.skipped = skipped + [Skipped(x.path, x.reason, partial=True) for x in got.partial]
    broken = {x.type for x in got.partial}
    kept: list[Finding] = []
    for f in found:
        own = find_marketplace(f.marketplace)
        flag = explicit if relabel else ""
        code = flag or own or main
        if flag and own and own != flag:  # the flag wins, never silently
            f.notes.append(wn("note.own_marketplace", name=f.marketplace, code=own,
                              flag=flag))  # fmt: skip
        if f.rule in MONEY_RULES:
            if not finish_money(f, code, today, catalog, windows):
                continue  # a lead out of its window: nothing to act on
        else:
            _finish(f, code, today, catalog, windows)
        f.check_ids()  # an id that fails its check: to-review, never a claim
        if f.amount is not None:  # as its currency is written: JPY 1980, never 1980.00
            f.amount = in_currency(f.amount, f.currency)
        kept.append(f)
        if broken and (broken & RULE_INPUTS.get(f.rule, broken)):
            f.complete = False
            f.notes.append(wn("note.read_in_part"))
    result.findings = sorted(kept, key=Finding.sort_key)
    result.summary = summarize(result.findings, today)
    for code, n in sorted(data.unknown_codes.items()):
        result.notes.append(wn("scan.unknown_code", code=repr(code), n=n))
    result.notes += data.notes + _unverifiable_notes(data) + money_notes + fee_notes
    if not data.fees.measurements and {i.type for i in infos} & _FEE_REPORTS:
        result.notes.append(wn("scan.no_measurements"))
    for s in result.reports:
        if not s.used:
            result.notes.append(wn("scan.not_used", path=s.path, type=s.type))
    return result


def _attach_shipments(found: list[Finding], data: Collected) -> None:
    """Amazon's shipment of a refunded order (Fulfilled Shipments) as the finding's proof."""
    for f in found:
        order, sku = f.ids.get("order_id"), (f.ids.get("sku") or "").upper()
        shipped = data.shipments.get(order or "", [])
        proof = [s for s in shipped if not sku or not s.sku or s.sku.upper() == sku]
        if proof:
            f.details["fulfilled_shipments"] = [
                {"shipment_id": s.shipment_id, "shipment_date": s.shipped,
                 "quantity_shipped": s.quantity, "carrier": s.carrier,
                 "tracking_number": s.tracking, "fulfillment_center": s.fulfillment_center}
                for s in proof
            ]  # fmt: skip


def _unverifiable_notes(data: Collected) -> list[str]:
    """Claim-coded rows that cannot be findings: no Unreconciled Quantity to show they are open."""
    notes: list[str] = []
    if n := len(data.unverifiable.get("legacy", ())):
        notes.append(wn("scan.legacy_rows", n=n))
    if n := len(data.unverifiable.get("ledger", ())):
        notes.append(wn("scan.ledger_rows", n=n))
    return notes


def _finish(f: Finding, code: str, today: date, catalog: Catalog, memo: Memo) -> None:
    from casewriter.marketplaces import get

    f.marketplace = code
    preset = f.status
    if preset == "to-review":  # a lead: its rule set the window (or none) itself
        if f.amount is not None and not f.currency:
            f.currency = get(code).currency
        return
    window = finding_window(f, code, today, catalog, memo)
    if window is None and f.status == "to-review":  # no documented window: marked so
        if f.amount is not None and not f.currency:
            f.currency = get(code).currency
        return
    f.window = window or Window(None, None, None, "no event date in the reports", "claimable")
    f.status = f.window.status
    if preset == "too-early" and f.status == "claimable":
        f.status = "too-early"
    if f.rule.startswith("warehouse-") and f.event_date is not None and f.status == "claimable":
        wait_until = f.event_date + timedelta(days=AUTO_REIMBURSE_DAYS)
        f.details["file_from"] = wait_until
        if today < wait_until:
            f.status = "too-early"
            f.notes.append(
                wn("note.auto_reimburse", days=AUTO_REIMBURSE_DAYS, day=wait_until.isoformat())
            )
    if f.amount is not None and not f.currency:
        f.currency = get(code).currency
