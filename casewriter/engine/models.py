"""Pydantic models of the case-type catalog: ``CaseType`` and its parts (evidence slots, facts,
item lines, deadline rules (``casewriter.deadline_rule``), calculator thresholds, readiness,
duplicate and urgency rules), as read from the built-in and user TOML files. A case itself (the
user's ``Draft``, and the ``RenderedCase`` rendering returns) is ``drafts.py``.

Size: ~390 lines of declarations: one model per catalog table, each validated with its
neighbours (a deadline rule against its facts, an item spec against its slots); splitting them
would scatter the cross-checks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The deadline-rule model is shared with config.toml's overrides, so it lives below both.
from casewriter.deadline_rule import DeadlineRule as DeadlineRule
from casewriter.messages import Said, pair

ATTACHMENT_KINDS = ("file", "photo", "invoice", "pod")
VALUE_KINDS = ("date", "quantity", "money", "text")
FACT_TYPES = ("quantity", "money", "date", "text", "percent", "choice", "bool")
GROUPS = ("inbound", "inventory", "returns", "orders", "account")
URGENCIES = ("routine", "high", "urgent")
Urgency = Literal["routine", "high", "urgent"]
#: What one item line may hold: the product (FNSKU, ASIN or SKU), its LPN and ledger reference
#: (identifiers, checked like evidence), and its own quantity, event date and fulfilment centre.
ITEM_ID_FIELDS = ("fnsku", "asin", "sku", "lpn", "reference_id")
ITEM_PRODUCT_FIELDS = ("fnsku", "asin", "sku")
ITEM_VALUE_FIELDS = ("quantity", "date", "fulfillment_center")
ITEM_FIELDS = (*ITEM_ID_FIELDS, *ITEM_VALUE_FIELDS)
#: Item fields that stand for a case-level fact: the total (sum of the lines), the earliest date,
#: the one fulfilment centre they share; and the fact type each must have.
ITEM_FACT_TYPES = {"quantity": "quantity", "date": "date", "fulfillment_center": "text"}
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in English and Simplified Chinese (Chinese falls back to English)."""

    en: str
    zh: str = ""

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" and self.zh else self.en

    def both(self) -> Said:
        """This text as a ``Said``: English, and Chinese where the catalog has it."""
        return pair(self.en, self.zh or self.en)


class TextList(_Strict):
    en: list[str] = Field(default_factory=list)
    zh: list[str] = Field(default_factory=list)

    def get(self, lang: str) -> list[str]:
        return self.zh if lang == "zh" and self.zh else self.en


#: The file types of an ordinary Contact Us case: Amazon documents none (domain.md §5), so this
#: list of common document, image and spreadsheet types is a belief, and says so.
CONTACT_US_TYPES = ("pdf", "png", "jpg", "jpeg", "gif", "csv", "tsv", "txt", "xlsx", "xls", "docx")


class AttachmentRules(_Strict):
    accepted: list[str] = Field(default_factory=lambda: list(CONTACT_US_TYPES))
    max_mb: float = 10
    allowed: bool = True
    basis: Literal["belief", "documented"] = "belief"
    """Whether ``accepted`` is Amazon's documented list (IP forms: images) or casewriter's
    belief (ordinary cases: Amazon publishes no list)."""

    @field_validator("accepted")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [e.lower().lstrip(".") for e in v]


class RequiredWhen(_Strict):
    """A conditional requirement: the slot or fact is required when the draft's ``fact`` has
    one of the values ``in`` (a choice fact's choices, or ``true`` for a yes/no fact), e.g.
    supplier invoices for inauthentic and condition complaints:
    ``required_when = { fact = "complaint_type", in = ["inauthentic item complaints"] }``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    fact: str
    values: list[str | bool] = Field(alias="in", min_length=1)

    def holds(self, facts: Mapping[str, object]) -> bool:
        value = facts.get(self.fact)
        return value is not None and any(
            value is v if isinstance(v, bool) else value == v for v in self.values
        )


class EvidenceSlot(_Strict):
    key: str
    kind: str
    required: bool = False
    required_when: RequiredWhen | None = None
    min: int = Field(default=1, ge=0)
    max: int = Field(default=1, ge=0)  # 0 = unlimited
    label: Text
    help: Text = Text(en="")
    term: str = ""
    """What the case text (sent to Amazon) calls this slot's values or documents, when the
    label (the wizard's question) would not do: ``Return tracking``, ``Letter of authorisation
    from the rights owner``. Default: Amazon's name for the identifier kind, else the label."""
    term_plural: str = ""
    """The term for two or more values (``Ledger Reference IDs``). Default: the term."""

    @field_validator("key")
    @classmethod
    def _key(cls, v: str) -> str:
        if not _KEY.match(v):
            raise ValueError("must be snake_case (a-z, 0-9, _)")
        return v

    def required_for(self, facts: Mapping[str, object]) -> bool:
        """Required for a draft with these facts: always, or when ``required_when`` holds."""
        return self.required or (self.required_when is not None and self.required_when.holds(facts))

    @property
    def is_attachment(self) -> bool:
        return self.kind in ATTACHMENT_KINDS

    @property
    def kind_is_identifier(self) -> bool:
        """An identifier kind (not a document or a date/quantity/money/text value)."""
        return self.kind not in ATTACHMENT_KINDS and self.kind not in VALUE_KINDS


class FactSpec(_Strict):
    key: str
    type: Literal["quantity", "money", "date", "text", "percent", "choice", "bool"]
    required: bool = False
    required_when: RequiredWhen | None = None
    label: Text
    help: Text = Text(en="")
    choices: list[str] = Field(default_factory=list)
    computed: bool = False
    term: str = ""
    """What the case text calls this fact where a generic template lists it (``Units
    stranded``), when the label (the wizard's question) would not do. Default: the label."""

    def required_for(self, facts: Mapping[str, object]) -> bool:
        """Required for a draft with these facts: always, or when ``required_when`` holds."""
        return self.required or (self.required_when is not None and self.required_when.holds(facts))

    @model_validator(mode="after")
    def _choices(self) -> FactSpec:
        if not _KEY.match(self.key):
            raise ValueError(f"fact key {self.key!r} must be snake_case")
        if self.type == "choice" and not self.choices:
            raise ValueError("a choice fact needs a non-empty 'choices' list")
        return self


def _empty_to_none(v: object) -> object:
    return None if v == "" else v


class Threshold(_Strict):
    """An account-health target or alert level a calculator checks a rate against; the rate is
    ``numerator / denominator`` (fact keys) or given directly in ``rate_fact``."""

    key: str
    label: Text
    numerator: str | None = None
    denominator: str | None = None
    rate_fact: str | None = None
    target_pct: float = Field(ge=0, le=100)
    target_fact: str | None = None
    """A fact that, when given (e.g. the level named in Amazon's notice), replaces ``target_pct``."""
    comparison: Literal["below", "at_least"]
    kind: Literal["target", "alert"] = "target"
    window: str = ""
    """The measuring window as the source words it (``"10 and 30 days"``)."""
    window_days: list[int] = Field(default_factory=list)
    """The windows the source documents, in days (``[10, 30]``); empty when it names none."""
    window_fact: str | None = None
    """A fact holding the seller's period in days for this metric's counts; without it, the only
    documented window (``window_days`` of one value) is the period."""
    unit: str = ""
    """What the denominator counts, for the text (``orders``, ``shipments``, ``units``)."""
    norm_low_pct: float | None = Field(default=None, ge=0, le=100)
    norm_high_pct: float | None = Field(default=None, ge=0, le=100)
    source: str = Field(min_length=1)
    as_of: date
    note: str = ""

    _none = field_validator(
        "numerator", "denominator", "rate_fact", "target_fact", "norm_low_pct", "norm_high_pct",
        "window_fact", mode="before",
    )(_empty_to_none)  # fmt: skip

    @model_validator(mode="after")
    def _inputs(self) -> Threshold:
        if not _KEY.match(self.key):
            raise ValueError(f"threshold key {self.key!r} must be snake_case")
        if self.key in ("metrics", "failing"):
            raise ValueError(f"threshold key {self.key!r} is reserved (calc.{self.key})")
        if (self.numerator is None) != (self.denominator is None):
            raise ValueError("give both numerator and denominator (fact keys), or neither")
        if self.numerator is None and self.rate_fact is None:
            raise ValueError("give numerator and denominator, or rate_fact (fact keys)")
        if any(not 0 < d <= 366 for d in self.window_days):
            raise ValueError("window_days: each window is 1 to 366 days")
        if (self.norm_low_pct is None) != (self.norm_high_pct is None):
            raise ValueError("give both norm_low_pct and norm_high_pct, or neither")
        if self.norm_low_pct is not None and self.norm_high_pct is not None:
            if self.norm_low_pct > self.norm_high_pct:
                raise ValueError("norm_low_pct is above norm_high_pct")
        return self

    @property
    def fact_keys(self) -> dict[str, str]:
        """field name → fact key, for the fields that name a fact."""
        fields = {
            "numerator": self.numerator,
            "denominator": self.denominator,
            "rate_fact": self.rate_fact,
            "target_fact": self.target_fact,
            "window_fact": self.window_fact,
        }
        return {k: v for k, v in fields.items() if v is not None}


class ItemsSpec(_Strict):
    """Evidence given as item lines (``[[items]]`` in a case file): one product per line with
    its own quantity and, where the case type uses them, ledger Reference ID, date and
    fulfilment centre. ``facts`` names the case-level fact an item field stands for: the
    quantities add up to the total fact, the earliest date is the clock fact, a fulfilment
    centre all lines share fills that fact."""

    fields: list[str] = Field(default_factory=lambda: ["fnsku", "quantity"])
    required: list[str] = Field(default_factory=lambda: ["quantity"])
    """Fields every line must have (besides a product: FNSKU, ASIN or SKU)."""
    min: int = Field(default=1, ge=0)
    """How many lines a case needs (0: items are optional)."""
    facts: dict[str, str] = Field(default_factory=dict)
    label: Text = Text(en="Items (product and quantity)", zh="商品明细（商品及数量）")
    help: Text = Text(en="")

    @model_validator(mode="after")
    def _fields(self) -> ItemsSpec:
        unknown = [f for f in [*self.fields, *self.required, *self.facts] if f not in ITEM_FIELDS]
        if unknown:
            raise ValueError(
                f"unknown item field {unknown[0]!r} (fields: {', '.join(ITEM_FIELDS)})"
            )
        if not any(f in self.fields for f in ITEM_PRODUCT_FIELDS):
            raise ValueError(f"fields must include a product: {', '.join(ITEM_PRODUCT_FIELDS)}")
        missing = [f for f in [*self.required, *self.facts] if f not in self.fields]
        if missing:
            raise ValueError(f"{missing[0]!r} is not one of this case type's item fields")
        stray = [f for f in self.facts if f not in ITEM_FACT_TYPES]
        if stray:
            raise ValueError(
                f"facts: {stray[0]!r} stands for no fact (one of {', '.join(ITEM_FACT_TYPES)})"
            )
        return self


class CountCheck(_Strict):
    """Counts that must add up: the ``total`` fact (the units claimed; the item lines' total
    where they stand for it) equals the ``equals`` facts added up, a key starting with ``-``
    subtracted (removal lost in transit: ``units_lost`` = ``units_shipped`` −
    ``units_received``). Checked when the total and every term are given (a figure not given is
    never taken as 0) and ``unless`` does not hold; a total that does not add up is a warning,
    never a reason the case is not ready (the seller may claim less on purpose)."""

    total: str
    equals: list[str] = Field(min_length=1)
    unless: RequiredWhen | None = None

    @property
    def terms(self) -> list[tuple[int, str]]:
        """(sign, fact key) of each term: ``[(1, "units_shipped"), (-1, "units_received")]``."""
        return [(-1, t[1:].strip()) if t.startswith("-") else (1, t.strip()) for t in self.equals]


class UrgencyWhen(_Strict):
    """A structured fact that sets the suggested urgency by itself: a choice fact with this
    ``value`` (``impact = "selling privileges removed"`` → urgent) or a yes/no fact that is
    ``true``."""

    fact: str
    value: str | bool
    level: Urgency


class UrgencySpec(_Strict):
    """Which facts say what is at stake, for the urgency suggestion (``engine/urgency.py``):
    units, an amount, an amount per unit (times the units), and facts that set a level."""

    units: list[str] = Field(default_factory=list)
    amount: list[str] = Field(default_factory=list)
    per_unit: list[str] = Field(default_factory=list)
    when: list[UrgencyWhen] = Field(default_factory=list)


class CaseType(_Strict):
    id: str
    group: Literal["inbound", "inventory", "returns", "orders", "account"]
    title: Text
    problem: str
    summary: Text = Text(en="")
    keywords: TextList = TextList()
    """Problem words sellers search with (丢件, 少件, refund): case-type search and the log."""
    filed_at: Text
    contact_us: bool = False
    oer: bool = False
    max_items: int | None = Field(default=None, ge=0)
    items_slot: str | None = None
    items: ItemsSpec | None = None
    """Evidence as item lines with their own quantities (multi-item cases)."""
    counts: list[CountCheck] = Field(default_factory=list)
    """Counts that must add up (shipped − received = claimed), each a warning when not."""
    ready_requires_one_of: list[list[str]] = Field(default_factory=list)
    """Readiness rules: each group lists slot or fact keys, at least one of which must be
    given (IP appeal: invoice, authorisation or licence)."""
    duplicate_keys: list[list[str]] | None = None
    """Identifier kinds that together name one problem (``[["fnsku", "reference_id"]]``): an
    open case of this type sharing all kinds of one group is a duplicate; the Seller Central
    case id always is. None: the case log's general rule."""
    claim_window: bool = True
    """False: this type's deadlines are not claim windows (acting on a notice), never block."""
    urgency: UrgencySpec = UrgencySpec()
    main_identifier: str
    subject: str
    template: str
    oer_template: str | None = None
    attachments: AttachmentRules = AttachmentRules()
    tips: TextList = TextList()
    evidence: list[EvidenceSlot] = Field(default_factory=list)
    facts: list[FactSpec] = Field(default_factory=list)
    deadlines: list[DeadlineRule] = Field(default_factory=list)
    thresholds: list[Threshold] = Field(default_factory=list)
    vars: dict[str, str] = Field(default_factory=dict)
    """Words and keys a template shared by several case types reads as ``ct.vars.<key>``."""
    origin: Literal["builtin", "user"] = "builtin"
    source_file: str = ""

    _none = field_validator("items_slot", "oer_template", "max_items", mode="before")(
        _empty_to_none
    )

    @field_validator("ready_requires_one_of", "duplicate_keys")
    @classmethod
    def _groups(cls, v: list[list[str]] | None) -> list[list[str]] | None:
        if v is not None and any(not group for group in v):
            raise ValueError("each group lists at least one key")
        return v

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be kebab-case (a-z, 0-9, -)")
        return v

    @field_validator("vars")
    @classmethod
    def _var_keys(cls, v: dict[str, str]) -> dict[str, str]:
        bad = next((k for k in v if not _KEY.match(k)), None)
        if bad is not None:
            raise ValueError(f"key {bad!r} must be snake_case (a-z, 0-9, _)")
        return v

    def slot(self, key: str) -> EvidenceSlot | None:
        return next((s for s in self.evidence if s.key == key), None)

    def fact(self, key: str) -> FactSpec | None:
        return next((f for f in self.facts if f.key == key), None)

    @property
    def required_slots(self) -> list[EvidenceSlot]:
        return [s for s in self.evidence if s.required]
