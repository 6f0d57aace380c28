"""Find identifiers in free text (emails, copied Seller Central pages, Chinese text).

One compiled regex with alternation scans a "shadow" of the text: full-width ASCII mapped to
ASCII, dash variants to ``-``, ideographic/no-break spaces to a space, one character for one
(so offsets carry over), and zero-width characters deleted (offsets mapped back with a
bisect table). Reported offsets index the ORIGINAL text, and the original span normalizes to
the reported value.

A dashed value shaped like an order ID but not one (a group too short or too long, lettered,
an extra group after it) is reported as an invalid order ID; one with a whole group missing
(``902-3159896``) only right after "order"/"订单", since ``400-8208820`` is a phone number.

Policy for bare digit runs (a 10-digit number may be a case ID, a DHL waybill or an ISBN):
nothing is reported unless a context word sits shortly before it ("case", "案例", "DHL",
"ISBN", "reimbursement", "reference", "tracking", "UPC"…). The exceptions are 17 digits
(an order ID) and 20–34-digit numbers whose USPS/FedEx check digit passes. A match never
starts or ends inside a longer run of letters and digits, so no piece of a longer number is
reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from casewriter.identifiers.carriers import CARRIER_KINDS, tracking_rule
from casewriter.identifiers.countries import ISO_COUNTRIES
from casewriter.identifiers.model import Found
from casewriter.identifiers.nearmiss import amazon_kind, order_parts
from casewriter.identifiers.quick import bare_placeholder, quick_status
from casewriter.identifiers.text import DASHES, INVISIBLE

_SHADOW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_SHADOW.update({ord(c): ord("-") for c in DASHES + "\u30fc\uff70"})
_SHADOW.update({0x3000: 0x20, 0xA0: 0x20, 0x2007: 0x20, 0x202F: 0x20})
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_SHADOW_CHARS = {chr(k): chr(v) for k, v in _SHADOW.items()}
_SHADOW_RE = re.compile("[" + "".join(re.escape(c) for c in _SHADOW_CHARS) + "]")


def _to_shadow(text: str) -> str:
    """Same length as ``text``; a regex sub beats ``str.translate`` on mostly-unmapped text."""
    return _SHADOW_RE.sub(lambda m: _SHADOW_CHARS[m.group()], text)


_A = "0-9A-Za-z"
_PATTERN = rf"""
(?=[{_A}移])(?<![{_A}])(?<![{_A}]-)(?:
  (?i:removal\s+order(?:\s*id\s*[:#]?|\s*[:#])|移除订单(?:号|编号|ID)?\s*[:#]?)\s*
      (?P<removal>(?=[A-Za-z._-]*[0-9])[A-Za-z0-9](?:[A-Za-z0-9._-]{{0,38}}[A-Za-z0-9])?)
| (?i:seller\s+sku|m?sku)\s*:\s*(?P<sku>[^\s,;。、，；]{{0,39}}[^\s,;。、，；.:!?)\]】」])
| (?P<order_id>(?:[0-9]{{3}}|[DdSs][0-9]{{2}})(?:-{{1,2}}|\ )?[0-9]{{7}}(?:-{{1,2}}|\ )?[0-9]{{7}})
| (?P<order_near>[{_A}]{{1,12}}(?:-[{_A}]{{1,16}}){{1,5}})
| (?P<ups>1[Zz][{_A}]{{16}})
| (?P<upsspaced>1[Zz](?:\ ?[{_A}]){{16}})
| (?P<amazon_logistics>(?i:TB[ACM])[0-9]{{12}})
| (?P<shipment_id>(?i:FBA)(?=[A-Za-z]{{0,9}}[0-9])[{_A}]{{8,10}})
| (?P<fnsku>[Xx]0[{_A}]{{8}})
| (?P<asin>[Bb]0[{_A}]{{8}})
| (?P<lpn>(?i:LPN)(?=[A-Za-z]{{0,9}}[0-9])[{_A}]{{10}})
| (?P<yunexpress>(?i:YT)[0-9]{{16}})
| (?P<unknown>(?i:LP[0-9]{{14}}|CNUSUP[0-9]{{8,11}}|(?:4PX|FPXE)[0-9A-Z]{{10,16}}|JJD[0-9]{{9,20}}|JVGL[0-9]{{9,20}}|GM[0-9]{{10,39}}|DT[0-9]{{12}}))
| (?P<s10>[A-Za-z]{{2}}[0-9]{{9}}[A-Za-z]{{2}})
| (?P<near>(?i:FBA)(?=[A-Za-z]{{0,6}}[0-9])(?:[{_A}]{{6,7}}|[{_A}]{{11,12}})
    | [Xx]0(?=[A-Za-z]{{0,6}}[0-9])(?:[{_A}]{{6,7}}|[{_A}]{{9,10}})
    | [Bb]0(?=[A-Za-z]{{0,6}}[0-9])(?:[{_A}]{{6,7}}|[{_A}]{{9,10}})
    | (?i:LPN)(?=[A-Za-z]{{0,8}}[0-9])(?:[{_A}]{{8,9}}|[{_A}]{{11,12}})
    | 1[Zz](?:[{_A}]{{14,15}}|[{_A}]{{17,18}})
    | (?i:TB[ACM])(?:[0-9]{{10,11}}|[0-9]{{13,14}})
    | (?i:YT)(?:[0-9]{{14,15}}|[0-9]{{17,18}})
    | [A-Za-z]{{2}}(?:[0-9]{{8}}|[0-9]{{10}})[A-Za-z]{{2}}
    | [A-Za-z]{{2}}(?=[A-Za-z]{{0,2}}[0-9])[0-9OoIiLlSsBbZz]{{9}}[A-Za-z]{{2}})
| (?P<waybill>[AHJKTV][0-9]{{10}})
| (?P<order_spaced>[0-9]{{2,4}}\ [0-9]{{5,9}}\ [0-9]{{5,9}})
| (?P<spaced>[0-9]{{4}}(?:\ [0-9]{{4}}){{2,8}}(?:\ [0-9]{{1,3}})?)
| (?P<isbnx>[0-9]{{9}}[Xx])
| (?P<digits>[0-9]{{8,40}})
)(?![{_A}]|-[{_A}])
"""

_CONTEXT = re.compile(
    r"(?i)(case|案例|工单|dhl|isbn|reimbursement|赔偿|报销|reference|ref\b|参考|transaction|"
    r"fedex|联邦|usps|tracking|运单|快递|物流|跟踪|追踪|upc|ean|gtin|barcode|条码|条形码)"
)
_CONTEXT_KIND = {
    "case": "case_id", "案例": "case_id", "工单": "case_id", "dhl": "dhl", "isbn": "isbn",
    "reimbursement": "reimbursement_id", "赔偿": "reimbursement_id", "报销": "reimbursement_id",
    "reference": "reference_id", "ref": "reference_id", "参考": "reference_id",
    "transaction": "reference_id", "fedex": "fedex", "联邦": "fedex", "usps": "usps",
    "upc": "gtin", "ean": "gtin", "gtin": "gtin", "barcode": "gtin", "条码": "gtin", "条形码": "gtin",
}  # fmt: skip
_WINDOW = 40
_ORDER_WORD = re.compile(r"(?i)(?:order|订单)[^0-9]{0,20}$")
#: Kinds with no check digit whose scanner pattern is exactly the validation pattern.
_SHAPE_ONLY = frozenset({"asin", "fnsku", "shipment_id", "lpn", "amazon_logistics", "yunexpress"})
_CANONICAL = re.compile(r"[0-9A-Z]+", re.ASCII)
_ORDER = re.compile(r"[0-9]{3}-[0-9]{7}-[0-9]{7}", re.ASCII)
_DIGIT = re.compile("[0-9]")
_GAP = 25


@lru_cache(maxsize=1)
def _scanner() -> re.Pattern[str]:
    return re.compile(_PATTERN, re.VERBOSE)


def _digits_kind(digits: str, context: str | None) -> str | None:
    """The kind of a bare digit run (spaces removed), given the nearest context word."""
    n = len(digits)
    if context is None or context in ("tracking", "usps", "fedex"):
        if n >= 20 or context is not None:
            verdict = tracking_rule(digits)
            if verdict.status == "valid" or (context is not None and verdict.kind in CARRIER_KINDS):
                return verdict.kind if verdict.kind in CARRIER_KINDS else "tracking"
            if context is not None and verdict.status == "unverified":
                return "tracking"
        return None
    if context == "case_id":
        return "case_id" if 7 <= n <= 13 else None
    if context == "dhl":
        return "dhl" if n in (10, 11, 12, 20) else None
    if context == "isbn":
        return "isbn10" if n == 10 else "gtin" if n == 13 else None
    if context == "reimbursement_id":
        return "reimbursement_id" if 6 <= n <= 15 else None
    if context == "reference_id":
        return "reference_id" if 8 <= n <= 20 else None
    if context == "gtin":
        return "gtin" if n in (8, 12, 13, 14) else None
    return None


def _context(shadow: str, start: int) -> str | None:
    window = shadow[max(0, start - _WINDOW) : start]
    last = None
    for last in _CONTEXT.finditer(window):  # noqa: B007 - the last hit is the nearest word
        pass
    if last is None:
        return None
    gap = window[last.end() :]
    if len(gap) > _GAP or _DIGIT.search(gap):
        return None  # the word belongs to something else
    word = last.group(1).lower()
    return _CONTEXT_KIND.get(word, "tracking")


def _near_kind(value: str) -> str | None:
    verdict = tracking_rule(value)
    if verdict.kind in CARRIER_KINDS and verdict.status == "invalid":
        return verdict.kind if verdict.kind != "s10" or verdict.carrier else None
    return (
        amazon_kind(value)
        or ("shipment_id" if value.startswith("FBA") else None)
        or ("lpn" if value.startswith("LPN") else None)
    )


def _kind_of(match: re.Match[str], shadow: str) -> str | None:
    group = match.lastgroup
    text = match.group(group or 0)
    if group in ("order_id", "ups", "amazon_logistics", "shipment_id", "fnsku", "asin", "lpn"):
        return group
    if group in ("yunexpress", "removal", "sku"):
        return {"removal": "removal_order_id"}.get(group, group)
    if group == "upsspaced":  # ``1Z 12345E 66 0527 2234``: only when the check digit passes
        return "ups" if tracking_rule(text.replace(" ", "").upper()).status == "valid" else None
    if group == "order_near":  # dashed like an order ID but not one: an invalid order ID
        parts = order_parts(text.upper())
        if parts is None:
            return None
        if len(parts) == 2 and "-" in text and len(text) < 17:  # 3-7 / 7-7: a group lost...
            start = max(0, match.start() - _WINDOW)  # ...or a phone number (400-8208820)
            return "order_id" if _ORDER_WORD.search(shadow, start, match.start()) else None
        return "order_id"
    if group == "order_spaced":  # spaces, not dashes: only right after "order" / "订单"
        if not _ORDER_WORD.search(shadow, max(0, match.start() - _WINDOW), match.start()):
            return None
        return "order_id" if order_parts(text) is not None else None
    if group == "near":  # one character off a shaped kind: that kind, invalid
        return _near_kind(text.upper())
    if group in ("unknown", "waybill"):
        verdict = tracking_rule(text.upper())
        if group == "waybill" and verdict.status != "valid":
            return None
        return verdict.kind if verdict.kind in CARRIER_KINDS else "tracking"
    if group == "s10":
        suffix = text[-2:].upper()
        if suffix == "YP":
            return "tracking"
        return "s10" if suffix in ISO_COUNTRIES or suffix == "UK" else None
    context = _context(shadow, match.start())
    if group == "isbnx":
        return "isbn10" if context == "isbn" else None
    return _digits_kind(text.replace(" ", ""), context)


def extract(text: str) -> list[Found]:
    """Every identifier in ``text``; offsets into ``text``; each (kind, value) once."""
    keys: list[int] = []
    if _INVISIBLE_RE.search(text):
        removed = [m.start() for m in _INVISIBLE_RE.finditer(text)]
        keys = [pos - rank for rank, pos in enumerate(removed)]
        shadow = _to_shadow(_INVISIBLE_RE.sub("", text))
    else:
        shadow = _to_shadow(text)
    found: list[Found] = []
    seen: set[tuple[str, str]] = set()
    checked: dict[tuple[str, str], tuple[str, str | None]] = {}
    for match in _scanner().finditer(shadow):
        kind = _kind_of(match, shadow)
        if kind is None:
            continue
        group = match.lastgroup or 0
        start, end = match.start(group), match.end(group)
        if keys:
            start += bisect_right(keys, start)
            end = end - 1 + bisect_right(keys, end - 1) + 1
        span = text[start:end]
        key = (kind, span)
        if key in checked:
            status, value = checked[key]
        elif (
            (kind == group and kind in _SHAPE_ONLY and _CANONICAL.fullmatch(span))
            or (group == "order_id" and _ORDER.fullmatch(span))
        ) and not bare_placeholder(span):
            status, value = "valid", span  # the scanner's pattern is the whole rule
        else:
            status, value = checked[key] = quick_status(span, kind)
        if value is None or (kind, value) in seen:
            continue
        seen.add((kind, value))
        found.append(Found(kind, value, status, start, end))
    return found
