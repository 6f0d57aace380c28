"""The case engine: case types, case files, facts, deadlines, the evidence checklist and the
sandboxed Jinja rendering of a draft into the text a seller pastes into Seller Central.

This module is the engine's front: the rest of casewriter imports these names from
``casewriter.engine`` and never reaches into its modules (a test checks it). They are loaded on
first use, so importing the package costs nothing: ``casewriter check`` and ``--version`` stay
free of jinja2 and pydantic, and ``reports`` can use the deadline rules without the renderer.

- ``rendering``: ``Engine`` (catalog + Jinja environment, built once) renders a ``Draft`` into
  a ``RenderedCase``; ``context`` builds what templates see; ``case_report`` prints it.
- ``paste``: the paste text (subject, body, OER), one builder for render, the wizard and the log.
- ``catalog``, ``models``: case types (pydantic) from the built-in and user TOML files;
  ``drafts``: a case, the user's ``Draft`` and the ``RenderedCase``.
- ``casefile`` (+ ``casefile_fixups``): a TOML/JSON case file read into a ``Draft``.
- ``values``, ``facts``: typed fact values (``Money``…) and reading them once where they enter.
- ``message_facts`` (+ ``message_words``, ``message_model``, ``message_money``, ``message_map``):
  what a pasted message says beyond its identifiers (quantities, dates, carriers, amounts) and
  which facts of a case type it fills.
- ``checklist``, ``attachments``, ``deadlines`` (+ ``deadline_text``), ``urgency``,
  ``calculators``: the evidence checklist, attachment paths and types, claim windows and their
  wording, the urgency suggestion, account-health calculators.
- ``jinja_env`` and ``sandbox/``: the sandboxed environment and the render budget.
- ``template_check``: ``casewriter templates check``.
- ``type_search``: case types ranked for a query; the words the log indexes for each type.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~10 ms to import; mypy honours this name all the same
if TYPE_CHECKING:
    from casewriter.engine.attachments import attachment_path, check_attachment
    from casewriter.engine.case_report import format_markdown, format_text
    from casewriter.engine.casefile import (
        MAX_CASE_FILE,
        draft_from_data,
        load_case_file,
        parse_case_text,
    )
    from casewriter.engine.catalog import Catalog
    from casewriter.engine.checklist import check_identifier
    from casewriter.engine.deadline_text import days_left
    from casewriter.engine.deadlines import evaluate as evaluate_deadline
    from casewriter.engine.deadlines import rules_for
    from casewriter.engine.drafts import (
        CheckedItem,
        ChecklistItem,
        Deadline,
        Draft,
        DuplicateCase,
        ItemLine,
        Narrative,
        OerText,
        ReadyReason,
        RenderedCase,
    )
    from casewriter.engine.facts import coerce_fact
    from casewriter.engine.items import derived_lines as derived_item_lines
    from casewriter.engine.items import slot_for as item_slot
    from casewriter.engine.message_facts import read_message
    from casewriter.engine.message_map import Fill, Left
    from casewriter.engine.message_map import plan as plan_message
    from casewriter.engine.message_model import MessageFacts
    from casewriter.engine.models import CaseType, DeadlineRule, EvidenceSlot, FactSpec
    from casewriter.engine.paste import PasteText, oer_text
    from casewriter.engine.readiness import with_duplicates
    from casewriter.engine.rendering import Engine
    from casewriter.engine.template_check import check_all as check_templates
    from casewriter.engine.template_copies import compare as compare_template_copies
    from casewriter.engine.template_copies import record as record_template_copies
    from casewriter.engine.type_search import rank_types, type_titles, type_words
    from casewriter.engine.values import FactValue, Money, fact_json
    from casewriter.engine.wording import respell_builtin as respell_text

#: Exported name -> (module of this package, name there).
_EXPORTS: dict[str, tuple[str, str]] = {
    "Engine": ("rendering", "Engine"),
    "Catalog": ("catalog", "Catalog"),
    "MAX_CASE_FILE": ("casefile", "MAX_CASE_FILE"),
    "draft_from_data": ("casefile", "draft_from_data"),
    "load_case_file": ("casefile", "load_case_file"),
    "parse_case_text": ("casefile", "parse_case_text"),
    "format_markdown": ("case_report", "format_markdown"),
    "format_text": ("case_report", "format_text"),
    "attachment_path": ("attachments", "attachment_path"),
    "check_attachment": ("attachments", "check_attachment"),
    "check_identifier": ("checklist", "check_identifier"),
    "coerce_fact": ("facts", "coerce_fact"),
    "derived_item_lines": ("items", "derived_lines"),
    "item_slot": ("items", "slot_for"),
    "MessageFacts": ("message_model", "MessageFacts"),
    "read_message": ("message_facts", "read_message"),
    "Fill": ("message_map", "Fill"),
    "Left": ("message_map", "Left"),
    "plan_message": ("message_map", "plan"),
    "days_left": ("deadline_text", "days_left"),
    "PasteText": ("paste", "PasteText"),
    "oer_text": ("paste", "oer_text"),
    "with_duplicates": ("readiness", "with_duplicates"),
    "FactValue": ("values", "FactValue"),
    "Money": ("values", "Money"),
    "fact_json": ("values", "fact_json"),
    "evaluate_deadline": ("deadlines", "evaluate"),
    "rules_for": ("deadlines", "rules_for"),
    "check_templates": ("template_check", "check_all"),
    "compare_template_copies": ("template_copies", "compare"),
    "record_template_copies": ("template_copies", "record"),
    "rank_types": ("type_search", "rank_types"),
    "respell_text": ("wording", "respell_builtin"),
    "type_words": ("type_search", "type_words"),
    "type_titles": ("type_search", "type_titles"),
    **{name: ("models", name) for name in ("CaseType", "DeadlineRule", "EvidenceSlot", "FactSpec")},
    **{
        name: ("drafts", name)
        for name in (
            "CheckedItem",
            "ChecklistItem",
            "Deadline",
            "Draft",
            "DuplicateCase",
            "ItemLine",
            "Narrative",
            "OerText",
            "ReadyReason",
            "RenderedCase",
        )
    },
}

__all__ = [
    "MAX_CASE_FILE",
    "CaseType",
    "Catalog",
    "CheckedItem",
    "ChecklistItem",
    "Deadline",
    "DeadlineRule",
    "Draft",
    "DuplicateCase",
    "Engine",
    "EvidenceSlot",
    "FactSpec",
    "FactValue",
    "Fill",
    "ItemLine",
    "Left",
    "MessageFacts",
    "Money",
    "Narrative",
    "OerText",
    "PasteText",
    "ReadyReason",
    "RenderedCase",
    "attachment_path",
    "check_attachment",
    "check_identifier",
    "check_templates",
    "coerce_fact",
    "compare_template_copies",
    "days_left",
    "derived_item_lines",
    "draft_from_data",
    "evaluate_deadline",
    "fact_json",
    "format_markdown",
    "format_text",
    "item_slot",
    "load_case_file",
    "oer_text",
    "parse_case_text",
    "plan_message",
    "rank_types",
    "read_message",
    "record_template_copies",
    "respell_text",
    "rules_for",
    "type_titles",
    "type_words",
    "with_duplicates",
]

if not TYPE_CHECKING:
    from casewriter.lazy import lazy_getattr

    __getattr__ = lazy_getattr(__name__, _EXPORTS, globals())
