"""Is the text a seller wrote for Amazon in the case language? Case text is written in English
(the templates are), so letters of another script (Chinese, Japanese, Cyrillic, Arabic …) in a
narrative, a free-text fact, an evidence note, an attachment description or the store name are
pasted into the case as they are: the checklist warns, naming each field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from casewriter.engine.drafts import Draft
from casewriter.engine.models import CaseType
from casewriter.engine.values import FactValue
from casewriter.engine.warning_words import ws
from casewriter.messages import Said, join

#: The language case text is written in (the built-in templates are English).
CASE_LANGUAGE = Said("English", "英文")
#: How much of the foreign text a warning quotes.
QUOTE = 24


def foreign(text: str) -> str | None:
    """The text from its first letter of a non-Latin script (quoted in a warning), or None
    when every letter is Latin (full-width Latin included)."""
    for i, ch in enumerate(text):
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            part = " ".join(text[i:].split())
            return part if len(part) <= QUOTE else part[:QUOTE] + "…"
    return None


def texts_for_amazon(
    ct: CaseType, draft: Draft, facts: Mapping[str, FactValue], seller: Mapping[str, str]
) -> list[tuple[Said, str]]:
    """(where, text) of everything the seller wrote that goes into the case text; ``where``
    is the key a case file uses in English, the field as the app names it in Chinese."""
    out: list[tuple[Said, str]] = [(ws("lang.store_name"), seller.get("name", "")),
                                   (ws("lang.signature"), seller.get("signature", ""))]  # fmt: skip
    narrative = draft.narrative
    out += [(ws("lang.what_happened"), narrative.what_happened or ""),
            (ws("lang.request"), narrative.request or "")]  # fmt: skip
    out += [(ws("lang.checked", i=i), text) for i, text in enumerate(narrative.checked, 1)]
    for spec in ct.facts:
        value = facts.get(spec.key)
        if spec.type == "text" and isinstance(value, str):
            out.append((Said(f"facts.{spec.key}", spec.label.get("zh")), value))
    for slot in ct.evidence:
        if slot.kind == "text":
            where = Said(f"evidence.{slot.key}", slot.label.get("zh"))
            out += [(where, v) for v in draft.evidence.get(slot.key, [])]
    out += [(ws("lang.attachment", name=a.name), a.description) for a in draft.attachments]
    out += [(ws("lang.item", i=i), line.fulfillment_center or "")
            for i, line in enumerate(draft.items, 1)]  # fmt: skip
    return out


def language_warnings(
    ct: CaseType, draft: Draft, facts: Mapping[str, FactValue], seller: Mapping[str, str]
) -> list[str]:
    """One warning naming every field whose text is not in the case language, or none."""
    found = [ws("lang.found", where=where, part=part)
             for where, text in texts_for_amazon(ct, draft, facts, seller)
             if text and (part := foreign(text))]  # fmt: skip
    if not found:
        return []
    return [ws("lang.not_english", language=CASE_LANGUAGE, found=join("; ", found, "；"))]
