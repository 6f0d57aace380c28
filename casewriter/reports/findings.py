"""What a scan returns: ``Finding`` (one claimable discrepancy), ``ReportSummary``,
``Skipped`` (a file not read, or read only in part, and why) and ``ScanResult`` with
``to_contract_json()`` (the ``scan --json`` shape of product.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from casewriter.reports.note_words import wn

#: scan rule → catalog case type
RULE_CASE_TYPES = {
    "inbound-shortfall": "inbound-missing-units",
    "warehouse-lost": "warehouse-lost",
    "warehouse-damaged": "warehouse-damaged",
    "refund-not-returned": "customer-return-not-received",
    "fee-overcharge": "fee-dimension-weight",
    "storage-fee-check": "general",
    "stranded-inventory": "stranded-inventory",
    "removal-incomplete": "removal-damaged-or-incomplete",
    "removal-lost": "removal-lost-in-transit",
    "return-damaged": "customer-return-wrong-or-damaged",
    "refund-over-charge": "general",
    "reimbursement-underpaid": "reimbursement-underpaid",
    "reimbursement-below-price": "reimbursement-underpaid",
    "researching-units": "warehouse-lost",
}
#: ``to-review``: the seller's judgement is needed: a lead (``Finding.lead``: a figure to verify
#: or an event to confirm; ``scan --draft`` drafts one only when asked, ``--draft-stranded``), or
#: a claim with no documented window (drafted by ``--draft``)
STATUSES = ("claimable", "too-early", "expired", "to-review")
#: identifiers a finding's case is filed on, checked before it may be a claim (``check_ids``);
#: Amazon fixes their shapes (an FBA shipment ID, an FNSKU, an ASIN, an order ID)
CHECKED_KINDS = frozenset({"shipment_id", "fnsku", "asin", "order_id"})


@dataclass
class Window:
    """A claim window (both days included) and where it came from."""

    opens: date | None
    closes: date | None
    safe_by: date | None = None
    source: str = ""
    status: str = "claimable"

    def to_json(self) -> dict[str, Any]:
        return {
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "safe_by": self.safe_by.isoformat() if self.safe_by else None,
            "source": self.source,
        }


@dataclass
class Finding:
    """One discrepancy: the rule, its ids, units, the event date and its claim window."""

    rule: str
    ids: dict[str, str | None]
    quantity: int
    event_date: date | None
    marketplace: str
    window: Window = field(default_factory=lambda: Window(None, None))
    status: str = "claimable"
    amount: Decimal | None = None
    currency: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # evidence: sku, asin, fc, rows …
    notes: list[str] = field(default_factory=list)
    #: False when a report the rule reads was read only in part (no draft is saved for it)
    complete: bool = True
    #: a lead for the seller to check (never drafted by itself), not a claim
    lead: bool = False
    #: the case type when the rule's usual one does not fit this finding
    case_type_id: str = ""
    #: what ``--draft`` puts in the case beyond what ``draft_from_finding`` derives from ids and
    #: details: fact key → value (None unsets a derived one), evidence slot key → values (not in
    #: ``--json``: the details carry the same figures)
    draft_facts: dict[str, Any] = field(default_factory=dict)
    draft_evidence: dict[str, list[str]] = field(default_factory=dict)
    #: item lines for a case type that takes them: one table per product (fnsku, sku, asin,
    #: quantity, …), each holding the units of that product the report shows (not in ``--json``)
    draft_items: list[dict[str, Any]] = field(default_factory=list)
    #: identifiers from the report that fail their check (``check_ids``): the finding is
    #: ``to-review`` and never drafted, whatever else asks for it
    bad_ids: list[str] = field(default_factory=list)

    @property
    def case_type(self) -> str:
        return self.case_type_id or RULE_CASE_TYPES[self.rule]

    def sort_key(self) -> tuple[int, str, str, str]:
        return (
            STATUSES.index(self.status),
            self.event_date.isoformat() if self.event_date else "",
            self.rule,
            "|".join(str(v) for v in self.ids.values()),
        )

    def check_ids(self) -> None:
        """Check every identifier the finding names (its ids and the evidence a draft would
        cite) as the ``check`` command does: one that fails (a cell cut short or changed by a
        spreadsheet) makes the finding ``to-review`` with the reason, never a claim citing a
        wrong id."""
        from casewriter.identifiers import NAMES

        named = [(k, v) for k, v in self.ids.items() if v] + [
            (k, v) for k, values in self.draft_evidence.items() for v in values if v
        ]
        for kind, value in named:
            if kind not in CHECKED_KINDS:
                continue
            reason = _invalid(str(value), kind)
            if reason is None or str(value) in self.bad_ids:
                continue
            self.bad_ids.append(str(value))
            name = NAMES.get(kind, (kind, kind))[0]
            reason = reason or wn("note.not_valid", name=name)
            cut = str(value)[:60]
            self.notes.append(wn("note.bad_id", name=name, value=repr(cut), raw=cut, reason=reason))
        if self.bad_ids:
            self.status = "to-review"

    def to_json(self) -> dict[str, Any]:
        value = (
            {"amount": str(self.amount), "currency": self.currency}
            if self.amount is not None
            else None
        )
        return (
            {
                "rule": self.rule,
                "status": self.status,
                "ids": dict(self.ids),
                "quantity": self.quantity,
                "event_date": self.event_date.isoformat() if self.event_date else None,
                "window": self.window.to_json(),
                "estimated_value": value,
                "case_type": self.case_type,
                "marketplace": self.marketplace,
                "details": {k: _plain(v) for k, v in self.details.items()},
                "notes": list(self.notes),
            }
            | ({} if self.complete else {"complete": False})
            | ({"lead": True} if self.lead else {})
        )


@lru_cache(maxsize=8192)  # the findings of a scan name the same FNSKUs and ASINs again and again
def _invalid(value: str, kind: str) -> str | None:
    """None when ``value`` passes the ``check`` command's check as ``kind``, else its reason
    ('' when the check gives none)."""
    from casewriter.identifiers import check

    result = check(value, kind)
    return None if result.status != "invalid" else result.reason or ""


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@dataclass
class Skipped:
    """A report file not read (``partial`` False) or read only up to a break (True)."""

    path: Path
    reason: str  # one line, naming the file
    partial: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "reason": self.reason, "partial": self.partial}


@dataclass
class ReportSummary:
    path: Path
    type: str
    rows: int
    encoding: str = ""
    variant: str = ""
    used: bool = True

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": str(self.path), "type": self.type, "rows": self.rows}
        out["encoding"] = self.encoding
        if self.variant:
            out["variant"] = self.variant
        if not self.used:
            out["used"] = False
        return out


@dataclass
class ScanResult:
    as_of: date
    marketplace: str
    reports: list[ReportSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    #: ``--confirm-removal-lost`` values that matched no removal package in the reports
    unconfirmed: list[str] = field(default_factory=list)
    #: money at stake (``reports.summary.summarize``), set by ``scan``
    summary: dict[str, Any] = field(default_factory=dict)

    def by_status(self, status: str) -> list[Finding]:
        return [f for f in self.findings if f.status == status]

    def to_contract_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "marketplace": self.marketplace,
            "reports": [r.to_json() for r in self.reports],
            "findings": [f.to_json() for f in self.findings],
            "notes": list(self.notes),
            "warnings": list(self.warnings),
            "skipped": [s.to_json() for s in self.skipped],
            "summary": self.summary,
        }
