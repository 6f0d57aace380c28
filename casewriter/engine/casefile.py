"""Case files: read a TOML or JSON draft into a ``Draft``, checked against its case type.

Relative attachment paths are resolved against the case file's folder; facts are typed per the
case type's fact specs, and ``[[items]]`` lines per its item spec (``items.py``). A lone surrogate
(a JSON ``"\\ud800"`` escape, not a character) is kept as the text of its escape, with a note
naming the field, so the draft can always be saved. Common slips (an identifier under
``[facts]``, ``fnskus`` for ``fnsku`` …) are fixed with a note (casefile_fixups.py); keys still unknown are errors with a
did-you-mean. Every problem is a ``CaseFileError`` naming the file and the field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from casewriter.documents import decode_text, parse_json, parse_toml
from casewriter.engine.catalog import Catalog, did_you_mean, format_validation_error
from casewriter.engine.drafts import Draft
from casewriter.engine.facts import coerce_facts
from casewriter.errors import CaseFileError, CasewriterError
from casewriter.files import read_user_file
from casewriter.marketplaces import get as get_marketplace
from casewriter.safetext import storable_data, surrogate_fields, surrogate_problem

if TYPE_CHECKING:
    from casewriter.config import Settings

TOP_KEYS = (
    "case_type",
    "marketplace",
    "profile",
    "facts",
    "evidence",
    "items",
    "attachments",
    "narrative",
    "urgency",
    "oer",
)


#: The largest case file read (a real one is a few KB; this stops /dev/zero-like inputs).
MAX_CASE_FILE = 1024 * 1024


def parse_case_text(raw: bytes, where: str, json_hint: bool = False) -> dict[str, Any]:
    """Case-file bytes (TOML, or JSON when ``json_hint`` or it starts with ``{``) as a dict."""
    text = decode_text(raw, where, CaseFileError)
    if json_hint or text.lstrip().startswith("{"):
        data = parse_json(text, where, CaseFileError)
    else:
        data = parse_toml(text, where, CaseFileError)
    if not isinstance(data, dict):
        raise CaseFileError(f"{where}: expected a table/object at the top level")
    return data


def read_case_data(path: Path) -> dict[str, Any]:
    content = read_user_file(path, "case file", CaseFileError, max_bytes=MAX_CASE_FILE)
    return parse_case_text(content, str(path), path.suffix.lower() == ".json")


def draft_from_data(data: dict[str, Any], catalog: Catalog, where: str, base_dir: Path | None = None,
                    settings: Settings | None = None, as_of: date | None = None) -> Draft:  # fmt: skip
    """Validate parsed case data (TOML/JSON) into a Draft; CaseFileError naming ``where``. A
    date fact without a year is the latest such date on or before ``as_of`` (today if None)."""
    from casewriter.engine import casefile_fixups as fix

    fixes: list[str] = []
    bad_text = surrogate_fields(data)
    if bad_text:  # shown as \ud800 and kept so: a surrogate cannot be saved (UTF-8, SQLite)
        data = storable_data(data)
        fixes.append(
            f"{surrogate_problem(bad_text)}; each is kept as the text of its escape (as it is shown)."
        )
    data = fix.fix_top({k: v for k, v in data.items() if k != "base_dir"}, fixes)
    for key in data:
        if key not in TOP_KEYS:
            raise CaseFileError(f"{where}: unknown key {key!r}{did_you_mean(key, TOP_KEYS)}")
    if "case_type" not in data:
        raise CaseFileError(
            f'{where}: case_type: missing (e.g. case_type = "inbound-missing-units")'
        )
    try:
        ct = catalog.get(str(data["case_type"]))
        mp = get_marketplace(
            str(data.get("marketplace") or (settings.default_marketplace if settings else "US"))
        )
    except CasewriterError as exc:
        raise CaseFileError(f"{where}: {exc.message}") from None
    data["marketplace"] = mp.code
    for section in ("facts", "evidence", "narrative"):
        if section in data and not isinstance(data[section], dict):
            raise CaseFileError(f"{where}: {section}: expected a table")
    fix.fix_sections(data, ct, fixes)
    fix.fix_attachments(data, ct, fixes)
    fix.fix_choices(data, ct, fixes)
    slots = [s.key for s in ct.evidence]
    for key in data.get("evidence", {}):
        if key not in slots:
            raise CaseFileError(f"{where}: evidence.{key}: {ct.id} has no such slot"
                                f"{did_you_mean(key, slots)} (slots: {', '.join(slots)})")  # fmt: skip
    fact_keys = [f.key for f in ct.facts]
    for key in data.get("facts", {}):
        if key not in fact_keys:
            raise CaseFileError(f"{where}: facts.{key}: {ct.id} has no such fact"
                                f"{did_you_mean(key, fact_keys)} (facts: {', '.join(fact_keys)})")  # fmt: skip
    attachments = data.get("attachments", [])
    if not isinstance(attachments, list):
        raise CaseFileError(f"{where}: attachments: expected a list ([[attachments]])")
    for i, att in enumerate(attachments):
        slot = att.get("slot") if isinstance(att, dict) else None
        if slot is not None and not fix.attachment_slot_ok(str(slot), ct):
            raise CaseFileError(
                f"{where}: attachments.{i}.slot: {ct.id} has no slot {slot!r}{did_you_mean(str(slot), slots)}"
            )
    try:
        facts, notes, _ = coerce_facts(
            ct.facts, dict(data.get("facts", {})), mp, strict=True, as_of=as_of
        )
    except CasewriterError as exc:
        raise CaseFileError(f"{where}: {exc.message}") from None
    data["facts"] = facts
    if "items" in data:
        from casewriter.engine.items import read_items

        try:
            data["items"], item_notes = read_items(data["items"], ct, mp, where)
        except CasewriterError as exc:
            message = exc.message if exc.message.startswith(where) else f"{where}: {exc.message}"
            raise CaseFileError(message) from None
        notes = [*notes, *item_notes]
    profile = data.get("profile")
    if isinstance(profile, str) and settings is not None and settings.profile(profile) is None:
        known = ", ".join(p.id for p in settings.profiles) or "none configured"
        raise CaseFileError(f"{where}: profile: unknown profile {profile!r} (known: {known})")
    if base_dir is not None:
        data["base_dir"] = str(base_dir)
    try:
        draft = Draft.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(format_validation_error(where, exc)) from None
    draft._notes = [*fixes, *notes]
    return draft


def load_case_file(
    path: Path, catalog: Catalog, settings: Settings | None = None, as_of: date | None = None
) -> Draft:
    """Read a TOML or JSON case file into a Draft (CaseFileError on bad input); ``as_of`` as in
    ``draft_from_data``."""
    data = read_case_data(path)
    return draft_from_data(data, catalog, str(path), path.resolve().parent, settings, as_of)
