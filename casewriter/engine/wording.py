"""Case text in the marketplace's own words: its spelling (``templates/spelling.toml``: US
spelling on Amazon.com and Amazon.com.mx, British elsewhere), what the text calls each evidence
slot (``terms``: Amazon's names for identifiers, ``JAN`` on amazon.co.jp, never a wizard
label), tracking numbers as the carrier shows them (an IMpb read with its ``420`` + ZIP routing
prefix is the 22/26-digit number; the ZIP goes to the delivery details) and what each document
of the evidence is ("Supplier invoice … (attached: invoice.pdf)").

The seller's own words (narrative, descriptions, free-text facts, identifiers) are never
respelt: ``respell`` leaves every occurrence of them as it is, and ``spelling_warning`` tells
the seller when their text uses the other spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from casewriter.engine.models import CaseType, EvidenceSlot
from casewriter.engine.warning_words import ws
from casewriter.errors import CatalogError
from casewriter.identifiers import NAMES, TRACKING_KINDS, gtin_name, impb_routing
from casewriter.messages import Said

SPELLING_FILE = "spelling.toml"


@dataclass(frozen=True)
class Spelling:
    """The word pairs of ``templates/spelling.toml`` and one pattern per direction."""

    to_us: dict[str, str]
    to_uk: dict[str, str]
    source: str
    as_of: str

    def table(self, spelling: str) -> dict[str, str]:
        return self.to_us if spelling == "US" else self.to_uk

    def found(self, text: str, spelling: str) -> set[str]:
        """The words of ``text`` (as written) that the ``spelling`` table changes."""
        table = self.table(spelling)
        return {w for w in set(_WORD.findall(text)) if w.lower() in table}


#: A word: letters on either side make a pair word part of another word (no match inside
#: "refulfilment"); digits, hyphens and apostrophes end it ("fulfilment-centre", "centre's").
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![A-Za-z])(?:{alternatives})(?![A-Za-z])")


@lru_cache(maxsize=8)
def load_spelling(templates: Path) -> Spelling:
    """The word pairs (British form = US form) of the built-in ``spelling.toml``."""
    from casewriter.documents import parse_toml

    path = templates / SPELLING_FILE
    if not path.is_file():  # a templates folder of its own (tests): the packaged table
        from casewriter.paths import builtin_templates_dir

        path = builtin_templates_dir() / SPELLING_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read the spelling table ({exc.strerror})") from None
    data = parse_toml(text, str(path), CatalogError)
    words = data.get("words")
    if not isinstance(words, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.islower() and v.islower()
        for k, v in words.items()
    ):
        raise CatalogError(f"{path}: [words] must map lower-case British forms to US forms")
    return Spelling(
        to_us=dict(words),
        to_uk={us: uk for uk, us in words.items()},
        source=str(data.get("source", "")),
        as_of=str(data.get("as_of", "")),
    )


def _spans(text: str, keep: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for value in keep:
        if len(value) < 3:
            continue
        start = text.find(value)
        while start >= 0:
            spans.append((start, start + len(value)))
            start = text.find(value, start + len(value))
    return spans


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return like  # ALL-CAPS text (an SKU, a heading) is left as it is
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def respell(text: str, spelling: Spelling, to: str, keep: Iterable[str] = ()) -> str:
    """``text`` in the ``to`` spelling (``US`` or ``UK``), every occurrence of a ``keep``
    string (the seller's own words and identifiers) left untouched."""
    table = spelling.table(to)
    words = spelling.found(text, to)  # most texts have a few such words, many have none
    if not words:
        return text
    pattern = _pattern(tuple(sorted(words, key=len, reverse=True)))
    spans = _spans(text, keep)

    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        if any(a <= m.start() < b for a, b in spans):
            return word
        return _cased(table[word.lower()], word)

    return pattern.sub(swap, text)


def respell_builtin(text: str, to: str, keep: Iterable[str] = ()) -> str:
    """``respell`` by the built-in spelling table (text casewriter writes outside a render,
    such as a scan draft's narrative)."""
    from casewriter.paths import builtin_templates_dir

    return respell(text, load_spelling(builtin_templates_dir()), to, keep)


def other_spelling(texts: Iterable[str], spelling: Spelling, to: str) -> list[str]:
    """The words of the other spelling found in ``texts`` (lower-case, first seen first)."""
    found: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text):
            if word.lower() in spelling.table(to) and not (word.isupper() and len(word) > 1):
                found[word.lower()] = None
    return list(found)


def spelling_warning(texts: Iterable[str], spelling: Spelling, to: str, market: str) -> str | None:
    """A warning when the seller's own text uses the other spelling, else None."""
    words = other_spelling(texts, spelling, to)
    if not words:
        return None
    style, other = ("US", "British") if to == "US" else ("British", "US")
    shown = ", ".join(f"'{w}'" for w in words[:5])
    return ws(
        "render.spelling",
        other=ws(f"spelling.{other}"),
        shown=Said(shown, "、".join(f"“{w}”" for w in words[:5])),
        market=market,
        style=ws(f"spelling.{style}"),
    )


# -- what the text calls each slot -------------------------------------------------------------


def _gtin_term(values: Sequence[str], marketplace: str) -> str:
    names = list(dict.fromkeys(gtin_name(v, marketplace) for v in values))
    if names:
        return "/".join(names)
    return "JAN" if marketplace.upper() == "JP" else NAMES["gtin"][0]


def terms(ct: CaseType, evs: Mapping[str, Sequence[str]], marketplace: str) -> dict[str, str]:
    """slot key → what the case text calls its values: the slot's ``term``, else Amazon's name
    of its identifier kind (singular or plural by the values given; UPC, EAN or JAN by the
    value and marketplace), else the slot's label when two slots would share a name."""
    base: dict[str, tuple[str, str]] = {}
    for slot in ct.evidence:
        if slot.term:
            base[slot.key] = (slot.term, slot.term_plural or slot.term)
        elif slot.kind == "gtin":
            name = _gtin_term(evs.get(slot.key, []), marketplace)
            base[slot.key] = (name, name)
        elif slot.kind in NAMES:
            base[slot.key] = NAMES[slot.kind]
        else:
            base[slot.key] = (slot.label.en, slot.label.en)
    taken: dict[str, int] = {}
    for one, _ in base.values():
        taken[one] = taken.get(one, 0) + 1
    out: dict[str, str] = {}
    for slot in ct.evidence:
        one, many = base[slot.key]
        if taken[one] > 1 and not slot.term:
            one = many = slot.label.en
        out[slot.key] = many if len(evs.get(slot.key, [])) > 1 else one
    return out


# -- identifiers as the carrier shows them -----------------------------------------------------


def shown_values(
    ct: CaseType, evs: Mapping[str, list[str]]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(evs with every IMpb tracking number shown without its ``420`` + ZIP prefix, slot key →
    the ZIP codes those prefixes named)."""
    shown: dict[str, list[str]] = {}
    zips: dict[str, list[str]] = {}
    for key, values in evs.items():
        slot = ct.slot(key)
        if slot is None or slot.kind not in TRACKING_KINDS and slot.kind != "tracking":
            shown[key] = list(values)
            continue
        out: list[str] = []
        for value in values:
            routed = impb_routing(value)
            if routed is not None:
                value, zip_code = routed
                zips.setdefault(key, [])
                if zip_code not in zips[key]:
                    zips[key].append(zip_code)
            if value not in out:
                out.append(value)
        shown[key] = out
    return shown, zips


# -- what each document is ---------------------------------------------------------------------


def document_name(slot: EvidenceSlot) -> str:
    """What the case calls a document slot's files: its ``term``, else its label."""
    return slot.term or slot.label.en


def document_text(document: str, description: str) -> str:
    """ "<what it is>: <the seller's description>", or only one of them when the description
    already says what the document is (``UPS proof of delivery …`` for a proof of delivery)."""
    description = description.strip()
    if not description:
        return document
    said = description.lower()
    # "Proof of ownership (supplier invoice)": either part said in the description is enough
    parts = [p.strip(" )").lower() for p in document.split(" (")]
    if any(p and p in said for p in parts):
        return description
    first = parts[0].split(" ")[0].rstrip("s") if parts[0] else ""  # "Photos…" / "Photo of…"
    if first and said.split(" ")[0].rstrip("s") == first:
        return description
    return f"{document}: {description}"


def documents(
    ct: CaseType, attachments: Sequence[Mapping[str, str]], evs: Mapping[str, Sequence[str]]
) -> list[dict[str, Any]]:
    """Every document of the evidence, in slot order: attached files (``attached`` true,
    ``name`` the file name) and documents described without a file (``attached`` false).
    Each has ``slot``, ``document`` (what it is) and ``text`` (what it is + the description)."""
    out: list[dict[str, Any]] = []
    for slot in ct.evidence:
        if not slot.is_attachment:
            continue
        doc = document_name(slot)
        files = [a for a in attachments if a.get("slot") == slot.key]
        for att in files:
            out.append({
                "slot": slot.key, "document": doc, "name": att.get("name", ""), "attached": True,
                "description": att.get("description", ""),
                "text": document_text(doc, att.get("description", "")),
            })  # fmt: skip
        described = {str(a.get("description", "")) for a in files} | {
            str(a.get("name", "")) for a in files
        }
        for value in evs.get(slot.key, []):
            if value in described:
                continue
            out.append({
                "slot": slot.key, "document": doc, "name": "", "attached": False,
                "description": value, "text": document_text(doc, value),
            })  # fmt: skip
    return out


def with_documents(ct: CaseType, attachments: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """The attachments list templates see, each with ``document`` and ``text`` added."""
    out: list[dict[str, str]] = []
    for att in attachments:
        slot = ct.slot(att.get("slot", ""))
        doc = document_name(slot) if slot else att.get("name", "")
        out.append({**att, "document": doc, "text": document_text(doc, att.get("description", ""))})
    return out
