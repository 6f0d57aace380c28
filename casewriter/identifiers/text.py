"""Normalization of pasted identifiers (identifiers.md §4), in the documented order.

Zero-width characters, BOM and soft hyphen removed → NFKC → dash variants to ``-`` → trim
whitespace, wrappers and labels (``#``, ``Order #``, ``订单号：``, quotes, brackets, trailing
``。，；：!?.,;:``) → uppercase → order IDs rebuilt 3-7-7; other kinds lose internal spaces and
hyphens (an order ID that is not 17 digits keeps its groups, spaces becoming dashes, so a
near miss can be explained part by part). SKUs and removal order IDs are only cleaned of invisible characters and trimmed.
Look-alike letters are never changed here (``check`` rejects them with a suggestion), and
digits NFKC does not map (Arabic-Indic ``١٢٣``) are kept so ``check`` can reject them.
"""

from __future__ import annotations

import re
import unicodedata

from casewriter.identifiers.lazyre import LazyRe

#: Invisible characters removed everywhere: zero-width space/joiners, word joiner, BOM, soft
#: hyphen, Mongolian vowel separator, bidi marks and embeddings.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_INVISIBLE_TABLE = {ord(c): None for c in INVISIBLE}

#: Dash variants mapped to ``-`` (after NFKC; ``－`` is already ``-`` then).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d\u2e3a\u2e3b\ufe31\ufe32\u2500\u2501"
_DASH_TABLE = {ord(c): "-" for c in DASHES}
_CHOONPU = LazyRe(r"(?<=[0-9])[\u30fc\uff70]+(?=[0-9])")
_DASH_RUN = LazyRe(r"-{2,}")

#: Kinds that are user data: only invisible characters removed and whitespace trimmed.
FREE_TEXT_KINDS = frozenset({"sku", "removal_order_id"})

_OPEN = "#\"'`“”‘’«»‹›「」『』【】〔〕〖〗（）()[]{}<>《》〈〉"
_TRAIL = "。，、；：！？.,;:!?"
_LABEL = LazyRe(
    r"^(?:(?:amazon\s+)?(?:order(?:\s*(?:id|number|no\.?))?|(?:fba\s+)?shipment(?:\s*id)?|"
    r"tracking(?:\s*(?:id|number|no\.?))?|case(?:\s*id)?|asin|fnsku|isbn(?:-?1[03])?|upc|ean|gtin|"
    r"reference(?:\s*id)?|reimbursement(?:\s*id)?|(?:ups|usps|fedex|dhl)(?:\s+tracking(?:\s*(?:id|number|no\.?))?)?)(?:\s*(?:[#:]|no\.)\s*|\s+)|"
    r"(?:订单号?码?|订单编号|货件(?:编?号)?|运单号?码?|快递单号|物流单号|追踪号码?|跟踪号码?|"
    r"案例(?:编?号)?|索赔编?号)\s*[#:]?\s*|#\s*)",
    re.IGNORECASE,
)
_CANONICAL = LazyRe(r"[0-9A-Z]+|[0-9]{3}-[0-9]{7}-[0-9]{7}", re.ASCII)
_BARE_ORDER = LazyRe(r"(?:[0-9]{3}|[DS][0-9]{2})[0-9]{14}", re.ASCII)
_SPACE_DASH = LazyRe(r"[\s\-]+")
_ORDER_COMPACT = LazyRe(r"^([0-9]{3}|[DS][0-9]{2})([0-9]{7})([0-9]{7})$")


def clean(text: str) -> str:
    """Steps 1–4: invisible characters, NFKC, dashes, trim of whitespace/wrappers/labels."""
    text = text.translate(_INVISIBLE_TABLE)
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_DASH_TABLE)
    text = _CHOONPU.sub("-", text)
    text = _DASH_RUN.sub("-", text)
    return strip_wrappers(text)


def strip_wrappers(text: str) -> str:
    """Trim whitespace, labels, brackets, quotes and trailing punctuation until stable."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip()
        text = _LABEL.sub("", text, count=1) if text[:1] not in "0123456789" else text
        text = text.strip().lstrip(_OPEN).rstrip(_OPEN + _TRAIL)
    return text


def trim_free_text(text: str) -> str:
    """SKUs and removal order IDs: invisible characters removed, whitespace trimmed, nothing else."""
    return text.translate(_INVISIBLE_TABLE).strip()


def compact(text: str, kind: str | None) -> str:
    """Steps 5–6 on cleaned text: uppercase, then rebuild 3-7-7 or drop spaces and hyphens."""
    text = text.upper()
    squeezed = _SPACE_DASH.sub("", text)
    match = _ORDER_COMPACT.match(squeezed)
    if match and kind in (None, "order_id"):
        return "-".join(match.groups())
    if kind == "order_id":
        # Keep the group boundaries (spaces become dashes) so a near miss can say which part
        # is off: ``113 7746201 558093`` → ``113-7746201-558093``.
        return _SPACE_DASH.sub("-", text).strip("-")
    return squeezed


def normalize(text: str, kind: str | None = None) -> str:
    """The canonical form of ``text`` for ``kind`` (idempotent; never raises on a str)."""
    if kind in FREE_TEXT_KINDS:
        return trim_free_text(text)
    if _CANONICAL.fullmatch(text) and (
        kind not in (None, "order_id") or not _BARE_ORDER.fullmatch(text)
    ):
        return text  # fast path: already canonical (every keystroke, every extract hit)
    for _ in range(6):
        result = compact(clean(text), kind)
        if result == text:
            break
        text = result
    return text
