"""A case as the engine sees it: the user's ``Draft`` (everything said about one case, with its
facts typed and its item lines) and what rendering returns, ``RenderedCase`` with its checklist,
items, readiness reasons, duplicates, deadline and OER text. ``RenderedCase.to_contract_json()``
is the contract's ``render --format json`` shape; ``Draft.model_dump(mode="json")`` is what the
case log keeps (a draft logged before item lines existed reads back with none).
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SkipValidation,
    field_serializer,
    field_validator,
)

from casewriter.bounds import MAX_QUANTITY
from casewriter.engine.models import Urgency
from casewriter.engine.values import FactValue, JsonFact, fact_json


class DraftProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = ""
    name: str
    merchant_token: str = ""
    signature: str = ""


class Attachment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slot: str
    path: str
    description: str = ""

    @property
    def name(self) -> str:
        return re.split(r"[\\/]", self.path)[-1]


class Narrative(BaseModel):
    model_config = ConfigDict(extra="forbid")
    what_happened: str | None = None
    request: str | None = None
    checked: list[str] = Field(default_factory=list)

    @field_validator("checked", mode="before")
    @classmethod
    def _listify(cls, v: object) -> object:
        return [v] if isinstance(v, str) else v


class ItemLine(BaseModel):
    """One item of a multi-item case: a product (FNSKU, ASIN or SKU) with its own quantity and,
    where the case type uses them, LPN, ledger Reference ID, event date and fulfilment centre.
    Identifiers are kept as given (checked and normalized when rendered), like evidence."""

    model_config = ConfigDict(extra="forbid")
    fnsku: str | None = None
    asin: str | None = None
    sku: str | None = None
    lpn: str | None = None
    reference_id: str | None = None
    quantity: int | None = Field(default=None, ge=0, le=MAX_QUANTITY)
    date: dt.date | None = None
    fulfillment_center: str | None = None

    def given(self) -> dict[str, Any]:
        """The fields this line holds (absent ones left out)."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


class Draft(BaseModel):
    """Everything the user said about one case; ``model_dump(mode="json")`` is what is logged.

    ``facts`` hold typed values (``values.FactValue``), read where the draft was made (case
    file, wizard, scan finding); the log keeps their JSON form (``values.fact_json``)."""

    model_config = ConfigDict(extra="forbid")
    case_type: str
    marketplace: str = "US"
    profile: DraftProfile | str | None = None
    facts: dict[str, FactValue] = Field(default_factory=dict)
    evidence: dict[str, list[str]] = Field(default_factory=dict)
    items: list[ItemLine] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    narrative: Narrative = Field(default_factory=Narrative)
    urgency: Urgency | None = None
    oer: bool = False
    base_dir: str | None = None
    _notes: list[str] = PrivateAttr(default_factory=list)
    """How the case file's loose values were read (e.g. an ambiguous date); not stored."""

    @field_validator("evidence", mode="before")
    @classmethod
    def _evidence_lists(cls, v: object) -> object:
        if not isinstance(v, dict):
            return v
        out: dict[str, object] = {}
        for key, value in v.items():
            values = value if isinstance(value, list) else [value]
            out[key] = [str(x) if isinstance(x, int | float) else x for x in values]
        return out

    @field_validator("marketplace")
    @classmethod
    def _upper(cls, v: str) -> str:
        return v.strip().upper()

    @field_validator("facts", mode="before")
    @classmethod
    def _absent(cls, v: object) -> object:
        """A fact given as null (JSON) is absent, as in a case file that leaves it out."""
        return {k: x for k, x in v.items() if x is not None} if isinstance(v, dict) else v

    @field_serializer("facts", when_used="json")
    def _facts_json(self, facts: dict[str, FactValue]) -> dict[str, JsonFact]:
        return {key: fact_json(value) for key, value in facts.items()}

    @field_serializer("items", when_used="json")
    def _items_json(self, items: list[ItemLine]) -> list[dict[str, Any]]:
        return [{k: fact_json(v) for k, v in line.given().items()} for line in items]


class ChecklistItem(BaseModel):
    slot: str
    label: SkipValidation[str]
    """The slot's label: a ``casewriter.messages.Said`` (English, Chinese for the app)."""
    required: bool
    status: Literal["provided", "missing", "invalid", "unverified"]
    values: SkipValidation[list[str]] = Field(default_factory=list)
    """What was given, as the checklist shows it (an item line's summary is a ``Said``)."""
    reason: SkipValidation[str | None] = None
    """Why it is invalid, a ``Said`` like ``label``."""


class Deadline(BaseModel):
    opens: date
    closes: date
    safe_by: date | None = None
    days_left: int
    status: Literal["claimable", "too-early", "expired"]
    source: str
    as_of: date | None = None
    """When the (longest) rule's source was read or took effect."""
    clock: str = ""
    clock_zh: str = ""
    event_date: date | None = None
    today: date | None = None
    note: str = ""
    note_zh: str = ""
    safe_source: str = ""
    claim_window: bool = True
    """False: a period to act, not a claim window (``DeadlineRule.claim_window``)."""

    def contract_json(self) -> dict[str, Any]:
        source = f"{self.source} (as of {self.as_of.isoformat()})" if self.as_of else self.source
        return {
            "opens": self.opens.isoformat(),
            "closes": self.closes.isoformat(),
            "safe_by": self.safe_by.isoformat() if self.safe_by else None,
            "days_left": self.days_left,
            "source": source,
        }


class CheckedItem(BaseModel):
    """One item line as rendered: its fields (identifiers normalized), status and reason."""

    values: dict[str, str | int | None]
    status: Literal["provided", "invalid", "unverified"] = "provided"
    reason: SkipValidation[str | None] = None
    """Why it is invalid: a ``casewriter.messages.Said`` (Chinese for the app)."""
    derived: bool = False
    """Read from a case file's evidence list (no ``[[items]]``): no per-item quantity."""

    def contract_json(self) -> dict[str, Any]:
        return {**self.values, "status": self.status, "reason": self.reason}


class ReadyReason(BaseModel):
    """Why a case is not ready to file: a short code, a sentence (English; the TUI words the
    code in its own language) and the slot, fact or case it is about."""

    code: str
    text: SkipValidation[str]
    """English; a ``casewriter.messages.Said`` where it is worded in Chinese too."""
    key: str | None = None

    def contract_json(self) -> dict[str, str | None]:
        return {"code": self.code, "text": self.text, "key": self.key}


class DuplicateCase(BaseModel):
    """A logged case on the same problem (same type, sharing the identifiers that name it)."""

    id: str
    status: str
    case_type: str = ""
    subject: str = ""
    sc_case_id: str | None = None
    matched: list[tuple[str, str]] = Field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status not in ("resolved", "denied", "closed")

    def contract_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "matched": [{"kind": k, "value": v} for k, v in self.matched],
            "case_type": self.case_type,
            "sc_case_id": self.sc_case_id,
            "subject": self.subject,
        }


class OerText(BaseModel):
    title: str
    request: str


class RenderedCase(BaseModel):
    case_type: str
    marketplace: str
    urgency: Urgency
    subject: str
    body: str
    oer: OerText | None = None
    checklist: list[ChecklistItem] = Field(default_factory=list)
    ready: bool
    ready_reasons: list[ReadyReason] = Field(default_factory=list)
    items: list[CheckedItem] = Field(default_factory=list)
    duplicates: list[DuplicateCase] = Field(default_factory=list)
    """Open cases on the same problem (found in the log by the service layer)."""
    closed_matches: list[DuplicateCase] = Field(default_factory=list)
    """Resolved, denied or closed cases on the same problem: reopen, do not resubmit."""
    warnings: list[SkipValidation[str]] = Field(default_factory=list)
    """English strings; many are ``casewriter.messages.Said`` (Chinese too, for the app)."""
    deadline: Deadline | None = None
    urgency_suggestion: Urgency = "routine"
    urgency_reasons: list[SkipValidation[str]] = Field(default_factory=list)
    identifiers: list[tuple[str, str]] = Field(default_factory=list)
    calc: dict[str, Any] = Field(default_factory=dict)
    duplicate_keys: list[list[str]] | None = None
    """The case type's rule for what names one problem (the catalog's ``duplicate_keys``)."""

    def to_contract_json(self) -> dict[str, Any]:
        """Exactly the contract's keys (round 1, then round 2's ``items``, ``duplicates`` and
        ``ready_reasons``; then the urgency suggestion, identifiers and closed matches)."""
        return {
            "case_type": self.case_type,
            "marketplace": self.marketplace,
            "urgency": self.urgency,
            "subject": self.subject,
            "body": self.body,
            "oer": {"title": self.oer.title, "request": self.oer.request} if self.oer else None,
            "checklist": [
                {
                    "slot": c.slot,
                    "label": c.label,
                    "required": c.required,
                    "status": c.status,
                    "values": list(c.values),
                    "reason": c.reason,
                }
                for c in self.checklist
            ],
            "ready": self.ready,
            "warnings": list(self.warnings),
            "deadline": self.deadline.contract_json() if self.deadline else None,
            "items": [i.contract_json() for i in self.items],
            "duplicates": [d.contract_json() for d in self.duplicates],
            "ready_reasons": [r.contract_json() for r in self.ready_reasons],
            "urgency_suggestion": self.urgency_suggestion,
            "urgency_reasons": list(self.urgency_reasons),
            "identifiers": [[k, v] for k, v in self.identifiers],
            "closed_matches": [d.contract_json() for d in self.closed_matches],
        }
