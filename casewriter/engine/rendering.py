"""The case engine: ``Engine`` (catalog + Jinja environment, built once) renders a ``Draft`` into
a ``RenderedCase`` — subject, body, OER title and request, checklist, warnings, deadline and the
urgency suggestion. See docs/architecture.md (Engine API, render context).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from jinja2 import Template

from casewriter.config import Settings
from casewriter.engine import jinja_env, wording
from casewriter.engine.catalog import Catalog
from casewriter.engine.checklist import check_evidence, fact_warnings
from casewriter.engine.context import build_context
from casewriter.engine.drafts import Draft, OerText, RenderedCase
from casewriter.engine.models import CaseType
from casewriter.engine.readiness import placeholder_names
from casewriter.engine.readiness import reasons as ready_reasons
from casewriter.engine.sandbox.budget import RenderState
from casewriter.engine.warning_words import ws
from casewriter.errors import TemplateError, UsageError
from casewriter.marketplaces import get as get_marketplace
from casewriter.messages import Said, join
from casewriter.paths import AppPaths

DASH = "\u2013"
_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+$", re.M)


def tidy(text: str) -> str:
    """Strip trailing spaces, collapse 3+ newlines to one blank line, trim the ends."""
    return _BLANKS.sub("\n\n", _TRAILING.sub("", text)).strip()


def oer_title(problem: str, main_identifier: str, urgency: str) -> str:
    """``URGENT: <Problem> – OER Request – <id>``; no prefix unless urgent."""
    title = f"{problem} {DASH} OER Request {DASH} {main_identifier}"
    return f"URGENT: {title}" if urgency == "urgent" else title


class Engine:
    """Catalog and Jinja environment, built once and reused for every render."""

    def __init__(self, paths: AppPaths, settings: Settings, catalog: Catalog) -> None:
        self.paths = paths
        self.settings = settings
        self.catalog = catalog
        self.env = jinja_env.build_environment(paths)
        self.spelling = wording.load_spelling(paths.builtin_templates)
        self._subjects: dict[str, Template] = {}

    @classmethod
    def load(cls, paths: AppPaths, settings: Settings, *, strict: bool = True) -> Engine:
        """Build the catalog (with ``settings.deadline_overrides``) and the environment once
        (``strict=False``: skip broken case types)."""
        return cls(paths, settings, Catalog.load(paths, strict=strict, settings=settings))

    # -- templates -----------------------------------------------------------------------
    def _template(self, name: str) -> Template:
        try:
            return self.env.get_template(name)
        except Exception as exc:  # syntax errors, missing files: one clear line
            jinja_env.render_checked(name, _raise(exc), RenderState())
            raise  # pragma: no cover - render_checked always raises here

    def _subject_template(self, ct: CaseType) -> Template:
        key = f"{ct.id}:{ct.source_file}"
        if key not in self._subjects:
            try:
                self._subjects[key] = self.env.from_string(ct.subject)
            except Exception as exc:  # a syntax error in the subject pattern
                jinja_env.render_checked(f"{ct.source_file} subject", _raise(exc), RenderState())
                raise
        return self._subjects[key]

    def oer_template_name(self, ct: CaseType) -> str:
        own = f"case_types/{ct.id}.oer.md.j2"
        if jinja_env.exists(self.env, own):
            return own
        return ct.oer_template or "_oer.md.j2"

    # -- rendering -----------------------------------------------------------------------
    def render(
        self, draft: Draft, *, as_of: date | None = None, strict: bool = False
    ) -> RenderedCase:
        """Render a draft. ``strict``: a template reading absent draft data is an error
        (``templates check``); otherwise it shows ``[missing: …]`` and a warning."""
        ct = self.catalog.get(draft.case_type)
        mp = get_marketplace(draft.marketplace)
        built = build_context(ct, mp, draft, as_of, self.settings)
        ctx, warnings = built.context, built.warnings
        urgency = draft.urgency or built.suggestion
        if draft.urgency is None and built.suggestion == "urgent":
            # The user decides on "urgent" (product.md): a draft that names no urgency gets at
            # most "high", so an URGENT: subject only ever comes from an explicit choice.
            urgency = "high"
            warnings.append(ws("render.suggests_urgent", reasons=join("; ", built.reasons, "；")))
        ctx["urgency"] = urgency
        tpl = self._template(ct.template)
        subject_tpl = self._subject_template(ct)
        oer_name = self.oer_template_name(ct) if draft.oer else ""
        oer_tpl = self._template(oer_name) if oer_name else None
        # one time budget for the whole case, from when its templates are compiled
        state = self.env.new_state(lenient=not strict)
        body = tidy(jinja_env.render_checked(ct.template, tpl.generate(ctx), state))
        subject_raw = jinja_env.render_checked(f"{ct.id} subject", subject_tpl.generate(ctx), state)
        subject = " ".join(subject_raw.split())
        main_id = built.main_id
        main_slot = ct.slot(ct.main_identifier)
        # an optional main identifier the seller does not have (performance-metric-poa without a
        # notification reference): the subject names the problem without a placeholder
        left_out = main_slot is not None and not main_slot.required
        left_out = left_out and not draft.evidence.get(ct.main_identifier)
        if main_id and main_id not in subject:
            subject = f"{subject} {DASH} {main_id}"
        elif not main_id and not left_out:
            # the main identifier is missing or invalid: a visible, readable placeholder
            placeholder = f"[{built.main_label}]"
            subject = subject.replace(f"[missing: ev.{ct.main_identifier}]", placeholder)
            if "[" not in subject:
                subject = f"{subject} {DASH} {placeholder}"
        oer: OerText | None = None
        if oer_tpl is not None:
            request = tidy(jinja_env.render_checked(oer_name, oer_tpl.generate(ctx), state))
            oer = OerText(
                title=oer_title(ct.problem, main_id or f"[{built.main_label}]", urgency),
                request=request,
            )
            if not ct.oer:
                title = Said(ct.id, ct.title.get("zh"))
                warnings.append(ws("render.oer_unusual", case_type=title))
        # the marketplace's spelling ("fulfilment centre" / "fulfillment center"), the seller's
        # own words and identifiers untouched (engine/wording.py, templates/spelling.toml)
        body, subject, oer = self._respell(mp.spelling, built.keep, body, subject, oer)
        note = wording.spelling_warning(built.own_text, self.spelling, mp.spelling, mp.name)
        if note:
            warnings.append(note)
        if urgency == "urgent":
            # case-writing.md §1: an urgent case with an OER carries exactly the OER title as
            # its subject; an urgent case without one is only prefixed.
            if oer is not None:
                subject = oer.title
            elif not subject.startswith("URGENT:"):
                subject = f"URGENT: {subject}"
        if state.missing:
            missing = placeholder_names(ct, state.missing)
            warnings.append(ws("render.placeholders", names=missing))
        why_not = ready_reasons(
            ct, built.evidence.items, built.facts, built.deadline, state.missing
        )
        limits = self.settings.limits
        if len(subject) > limits.subject_max:
            warnings.append(ws("render.subject_long", n=len(subject), limit=limits.subject_max))
        if len(body) > limits.body_max:
            warnings.append(ws("render.body_long", n=len(body), limit=limits.body_max))
        if draft.urgency == "urgent":
            warnings.append(ws("render.urgent_tick"))
            if built.suggestion != "urgent":
                level = ws(f"urgency.{built.suggestion}")
                warnings.append(ws("render.urgent_rare", level=Said(built.suggestion, level.zh)))
        return RenderedCase(
            case_type=ct.id,
            marketplace=mp.code,
            urgency=urgency,
            subject=subject,
            body=body,
            oer=oer,
            checklist=built.evidence.items,
            ready=not why_not,
            ready_reasons=why_not,
            items=built.items.lines,
            warnings=list(dict.fromkeys(warnings)),
            deadline=built.deadline,
            urgency_suggestion=built.suggestion,
            urgency_reasons=built.reasons,
            identifiers=built.evidence.identifiers,
            calc=built.calc,
            duplicate_keys=ct.duplicate_keys,
        )

    def _respell(
        self, to: str, keep: list[str], body: str, subject: str, oer: OerText | None
    ) -> tuple[str, str, OerText | None]:
        def fix(text: str) -> str:
            return wording.respell(text, self.spelling, to, keep)

        if oer is not None:
            oer = OerText(title=fix(oer.title), request=fix(oer.request))
        return fix(body), fix(subject), oer


def _raise(exc: BaseException) -> Any:
    raise exc
    yield ""  # pragma: no cover


def render_draft(
    paths: AppPaths, settings: Settings, draft: Draft, as_of: date | None = None
) -> RenderedCase:
    """One-shot helper (builds an Engine each call; reuse ``Engine`` for repeated renders)."""
    return Engine.load(paths, settings).render(draft, as_of=as_of)


__all__ = [
    "Engine",
    "render_draft",
    "oer_title",
    "tidy",
    "TemplateError",
    "UsageError",
    "fact_warnings",
    "check_evidence",
]
