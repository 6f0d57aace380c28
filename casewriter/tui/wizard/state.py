"""The wizard's state: everything the user typed, independent of any widget.

Pure Python (no textual): the step widgets read from and write to a ``WizardState``; going back
and forward rebuilds widgets from it, autosave serialises it, and ``to_draft()`` turns it into
the engine's ``Draft`` dict (``case_type``, ``marketplace``, ``profile``, ``facts``,
``evidence``, ``items``, ``attachments``, ``narrative``, ``urgency``, ``oer``).

Facts are kept as the raw text typed (so nothing typed is ever lost, even when it does not
parse yet) and read into typed values (``casewriter.engine.FactValue``) by ``convert_fact``,
once per distinct text (and "as of" date: a year-less date is the latest such date on or before
it, today in the case's marketplace): the field's check, the render and the save share that one
reading, and
the typed values go into the draft as they are (``to_draft``; ``to_autosave`` writes their JSON
form). Attachment paths are stored absolute, resolved once with the engine's rule
(``casewriter.engine.attachment_path``) when typed or when a logged draft is reopened. The
autosave dict is a Draft dict plus a ``_wizard`` key (step, raw facts and item lines, edited
texts) that ``from_dict`` reads back; ``to_draft()`` never includes it. Item lines are kept as
typed too (``item_lines.py``) and read into the draft's ``items`` the same way as facts.

Size: ~340 lines: one dataclass and its conversions (typed facts, the draft dict, the
autosave form), which must change together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from casewriter.config import Settings
from casewriter.errors import UsageError
from casewriter.tui.wizard.item_lines import Line, is_blank, item_spec, line_texts

if TYPE_CHECKING:
    from casewriter.engine import FactSpec, FactValue

STEPS: tuple[str, ...] = ("type", "evidence", "urgency", "review")
URGENCIES: tuple[str, ...] = ("routine", "high", "urgent")
EDIT_KEYS: tuple[str, ...] = ("subject", "body", "oer_request")


#: One reading per (fact, text, marketplace, as of): the value, the read-back note, or why not.
_Reading = tuple["FactValue | None", "str | None", "str | None"]
_READINGS: dict[tuple[str, str, tuple[str, ...], str, str, date | None], _Reading] = {}
_MAX_READINGS = 1024


def convert_fact(
    spec: FactSpec | None, raw: str, marketplace: str, as_of: date | None = None
) -> tuple[FactValue, str | None]:
    """A fact's typed text as its typed value, and a read-back note (dates).

    Read by ``casewriter.engine.coerce_fact`` (one source of truth), once per distinct text,
    marketplace and ``as_of`` (a year-less date is the latest one on or before it); UsageError
    with the reason when the text does not parse.
    """
    if spec is None:
        return raw.strip(), None
    key = (spec.key, spec.type, tuple(spec.choices), raw, marketplace, as_of)
    reading = _READINGS.get(key)
    if reading is None:
        from casewriter.engine import coerce_fact
        from casewriter.marketplaces import get

        try:
            market = get(marketplace or "US")
        except UsageError:
            market = get("US")
        try:
            reading = (*coerce_fact(spec, raw, market, as_of), None)
        except UsageError as exc:
            reading = (None, None, exc.message)
        if len(_READINGS) >= _MAX_READINGS:
            _READINGS.clear()
        _READINGS[key] = reading
    value, note, error = reading
    if value is None:
        raise UsageError(error or f"facts.{spec.key}: no value")
    return value, note


def attachment_path(raw: str, base_dir: str | None = None) -> str:
    """What the user typed for an attachment, as the absolute path the engine will read."""
    from casewriter.engine import attachment_path as resolve

    return str(resolve(raw, base_dir)) if raw.strip() else ""


def split_lines(text: str) -> list[str]:
    """One value per non-empty line (a repeatable slot's TextArea)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass
class WizardState:
    """What the user has entered so far, step by step."""

    case_type: str = ""
    marketplace: str = "US"
    profile: str = ""
    """Profile id from settings ("" when the install has no profiles)."""
    facts: dict[str, str] = field(default_factory=dict)
    """Fact key -> text as typed."""
    evidence: dict[str, list[str]] = field(default_factory=dict)
    """Identifier/text slot key -> values as typed."""
    items: list[Line] = field(default_factory=list)
    """Item lines (a case type with an ``[items]`` spec): field -> text as typed, per line."""
    item_cursor: int = field(default=0, repr=False, compare=False)
    """The item line the evidence step edits (kept across its rebuilds; never saved)."""
    attachments: dict[str, list[str]] = field(default_factory=dict)
    """File-like slot key (file, photo, invoice, pod) -> absolute paths."""
    descriptions: dict[str, str] = field(default_factory=dict)
    """Absolute path -> the description a reopened draft gave that file (kept, not asked)."""
    narrative: dict[str, str] = field(default_factory=dict)
    """``what_happened``, ``request``, ``checked`` (one item per line)."""
    urgency: str | None = None
    """None: accept the engine's suggestion."""
    oer: bool = False
    step: str = "type"
    edits: dict[str, str] = field(default_factory=dict)
    """Review texts the user edited (``subject``, ``body``, ``oer_request``)."""
    inline_profile: dict[str, str] = field(default_factory=dict)
    """A draft's inline profile that matches no configured profile (kept as is)."""
    clock: Callable[[], datetime] | None = field(default=None, repr=False, compare=False)
    """What time it is (the app's clock; never saved). None: the system's."""

    def as_of(self) -> date:
        """The case's "as of" date: today in its marketplace (a year-less date typed or pasted
        is the latest such date on or before it)."""
        from casewriter.dates import today_in
        from casewriter.marketplaces import get

        try:
            market = get(self.marketplace or "US")
        except UsageError:
            market = get("US")
        return today_in(market, now=self.clock() if self.clock else None)

    # ----------------------------------------------------------------- construction
    @classmethod
    def new(cls, settings: Settings, case_type: str | None = None) -> WizardState:
        """A fresh state with the settings' default marketplace and profile."""
        profile = settings.profile(None)
        market = settings.default_marketplace or "US"
        return cls(
            case_type=case_type or "", marketplace=market, profile=profile.id if profile else ""
        )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], settings: Settings) -> WizardState:
        """Rebuild from a Draft dict or an autosave dict (tolerant: unknown shapes are skipped)."""
        state = cls.new(settings)
        state.case_type = str(data.get("case_type") or "")
        state.marketplace = str(data.get("marketplace") or state.marketplace).upper()
        _read_profile(state, data.get("profile"), settings)
        for key, value in _mapping(data.get("facts")).items():
            state.facts[str(key)] = _fact_text(value)
        for key, value in _mapping(data.get("evidence")).items():
            values = value if isinstance(value, list) else [value]
            state.evidence[str(key)] = [str(v) for v in values if v is not None and str(v) != ""]
        state.items = line_texts(data.get("items"))
        base_dir = data.get("base_dir") if isinstance(data.get("base_dir"), str) else None
        for item in data.get("attachments") or []:
            if isinstance(item, Mapping) and item.get("path"):
                slot = str(item.get("slot") or "file")
                path = attachment_path(str(item["path"]), base_dir)
                state.attachments.setdefault(slot, []).append(path)
                if isinstance(item.get("description"), str) and item["description"].strip():
                    state.descriptions[path] = item["description"]
        narrative = _mapping(data.get("narrative"))
        for key in ("what_happened", "request"):
            if narrative.get(key):
                state.narrative[key] = str(narrative[key])
        checked = narrative.get("checked")
        if isinstance(checked, list) and checked:
            state.narrative["checked"] = "\n".join(str(c) for c in checked)
        elif isinstance(checked, str) and checked:
            state.narrative["checked"] = checked
        urgency = data.get("urgency")
        state.urgency = urgency if urgency in URGENCIES else None
        state.oer = bool(data.get("oer"))
        wizard = _mapping(data.get("_wizard"))
        if wizard.get("step") in STEPS:
            state.step = str(wizard["step"])
        for key, value in _mapping(wizard.get("facts")).items():
            state.facts[str(key)] = str(value)
        if isinstance(wizard.get("items"), list):
            state.items = line_texts(wizard["items"])
        for key, value in _mapping(wizard.get("edits")).items():
            if key in EDIT_KEYS and isinstance(value, str):
                state.edits[key] = value
        return state

    # ----------------------------------------------------------------- output
    def profile_value(self, settings: Settings) -> dict[str, str] | None:
        """The Draft's inline profile (name, merchant token, signature) or None."""
        if self.inline_profile:
            return dict(self.inline_profile)
        profile = settings.profile(self.profile or None)
        if profile is None:
            return None
        return {
            "id": profile.id,
            "name": profile.name,
            "merchant_token": profile.merchant_token,
            "signature": profile.signature,
        }

    def to_draft(
        self,
        settings: Settings,
        fact_specs: Mapping[str, FactSpec] | None = None,
        item_fields: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """The engine's Draft dict; facts and item values that do not parse are left out
        (``fact_errors`` and the item fields say why); ``item_fields``: the case type's item
        fields (None: every field typed; empty: the type takes no item lines)."""
        specs = fact_specs or {}
        facts: dict[str, FactValue] = {}
        as_of = self.as_of()
        for key, raw in self.facts.items():
            if not raw.strip():
                continue
            try:
                facts[key] = convert_fact(specs.get(key), raw, self.marketplace, as_of)[0]
            except UsageError:
                continue
        narrative: dict[str, Any] = {
            k: v.strip() for k, v in self.narrative.items() if k != "checked" and v.strip()
        }
        checked = split_lines(self.narrative.get("checked", ""))
        if checked:
            narrative["checked"] = checked
        draft: dict[str, Any] = {
            "case_type": self.case_type,
            "marketplace": self.marketplace,
            "profile": self.profile_value(settings),
            "facts": facts,
            "evidence": {
                k: [v.strip() for v in vs if v.strip()] for k, vs in self.evidence.items()
            },
            "attachments": [
                {"slot": slot, "path": p.strip(), "description": self.descriptions.get(p, "")}
                for slot, ps in self.attachments.items()
                for p in ps
                if p.strip()
            ],
            "narrative": narrative,
            "urgency": self.urgency,
            "oer": self.oer,
        }
        draft["evidence"] = {k: v for k, v in draft["evidence"].items() if v}
        items = self.draft_items(item_fields, as_of)
        if items:
            draft["items"] = items
        if draft["profile"] is None:
            del draft["profile"]
        return draft

    def draft_items(
        self, item_fields: Sequence[str] | None = None, as_of: date | None = None
    ) -> list[dict[str, Any]]:
        """The item lines as the Draft's ``items``: identifiers and the fulfilment centre as
        typed (checked at render, like evidence), quantities and dates read as facts are."""
        out: list[dict[str, Any]] = []
        as_of = as_of or self.as_of()
        for line in self.items:
            typed: dict[str, Any] = {}
            for key, raw in line.items():
                if not raw.strip() or (item_fields is not None and key not in item_fields):
                    continue
                spec = item_spec(key)
                if spec is None:
                    typed[key] = raw.strip()
                    continue
                try:
                    typed[key] = convert_fact(spec, raw, self.marketplace, as_of)[0]
                except UsageError:
                    continue
            if typed:
                out.append(typed)
        return out

    def fact_errors(self, fact_specs: Mapping[str, FactSpec]) -> dict[str, str]:
        """Fact key -> why its typed text does not parse."""
        errors: dict[str, str] = {}
        as_of = self.as_of()
        for key, raw in self.facts.items():
            if raw.strip():
                try:
                    convert_fact(fact_specs.get(key), raw, self.marketplace, as_of)
                except UsageError as exc:
                    errors[key] = str(exc)
        return errors

    def to_autosave(
        self,
        settings: Settings,
        fact_specs: Mapping[str, FactSpec] | None = None,
        item_fields: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """The Draft dict plus ``_wizard`` (step, raw facts and item lines, edits): nothing
        typed is lost."""
        from casewriter.engine import fact_json

        data = self.to_draft(settings, fact_specs, item_fields)
        data["facts"] = {k: fact_json(v) for k, v in data["facts"].items()}
        if "items" in data:
            data["items"] = [{k: fact_json(v) for k, v in i.items()} for i in data["items"]]
        data["_wizard"] = {"step": self.step, "facts": dict(self.facts), "edits": dict(self.edits)}
        lines = [dict(line) for line in self.items if not is_blank(line)]
        if lines:
            data["_wizard"]["items"] = lines
        return data

    def step_index(self) -> int:
        return STEPS.index(self.step) if self.step in STEPS else 0


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _fact_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _read_profile(state: WizardState, value: Any, settings: Settings) -> None:
    if isinstance(value, str):
        if settings.profile(value) is not None:
            state.profile = value
        return
    if isinstance(value, Mapping):
        wanted_id = str(value.get("id") or "")
        for p in settings.profiles:
            if (wanted_id and p.id == wanted_id) or (not wanted_id and p.name == value.get("name")):
                state.profile = p.id
                return
        if value.get("name"):
            state.inline_profile = {str(k): str(v) for k, v in value.items() if v is not None}
