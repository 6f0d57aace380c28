"""Seller identifiers: normalize, detect the kind, validate with real check digits, extract.

The public API (docs/architecture.md): ``KINDS``, ``TRACKING_KINDS`` (``tracking`` and every
carrier kind: the one list of them), ``IdCheck``, ``Found``, ``normalize()``,
``check()`` (never raises; fast enough for every keystroke) and ``extract()`` (never raises).
Pure Python and stdlib only. This module is the front; the rules live in the internal modules
beside it (``kinds``, ``amazon``, ``carriers``, ``nearmiss``, ``quick``, ``extractor``, …), which
never import the front back. Facts and algorithms come from ``design/identifiers.md``.

Policies: look-alike letters (O for 0, I/l for 1) are never fixed silently: the value is
invalid and the fix is offered as ``suggestion``. Digits NFKC does not map (Arabic-Indic) are
rejected with the ASCII form as suggestion.

Near misses (``identifiers/nearmiss.py``): a value that resembles a shaped kind but fails it (an
order ID's dashed 3-7-7 shape with a digit missing, ``FBB…`` for ``FBA…``, an S10 number with
8 digits) is an invalid value of that kind, with the reason and a suggestion; it is never a
valid reference ID, SKU or "some tracking number". Asked as another kind, a value that looks
like a shaped kind (a near miss or a valid one) is invalid with "this looks like …", or, for
SKUs and removal order IDs (user data), unverified with that warning.

Placeholders (identifiers.md §2: "warn on repeated digits or runs"): a value that is *nothing
but* a placeholder (only digits, all one digit or a plain ``1234567890…`` run, e.g.
``000000000000``, a "valid" FedEx 12) is invalid: TND lists ``000000000000`` and
``000000000000000`` as invalid test numbers. A known prefix followed by a placeholder serial
(``TBA000000000000``, ``TBC 000000000000``: TND's published *valid* test numbers, also the
spec's own Amazon Logistics example) keeps the rule's status and gets a warning in ``reason``,
so the published test sets pass and the seller is still told to double-check.
"""

from __future__ import annotations

from casewriter.identifiers import amazon, carriers
from casewriter.identifiers.amazon import gtin_name
from casewriter.identifiers.carriers import impb_routing
from casewriter.identifiers.kinds import KINDS, LABELS, NAMES, TRACKING_KINDS, detect, guard, rule
from casewriter.identifiers.lazyre import LazyRe
from casewriter.identifiers.model import INVALID, UNVERIFIED, VALID, Found, IdCheck, Verdict, bad
from casewriter.identifiers.quick import bare_placeholder, placeholder
from casewriter.identifiers.text import FREE_TEXT_KINDS, clean
from casewriter.identifiers.text import normalize as _normalize
from casewriter.identifiers.wording import join, pair, w

__all__ = ["KINDS", "LABELS", "TRACKING_KINDS", "Found", "IdCheck", "check", "detect", "extract"]
__all__ += ["normalize", "NAMES", "gtin_name", "impb_routing"]
__all__ += ["VALID", "INVALID", "UNVERIFIED"]

_SPLIT = LazyRe(r"[\s,;|/、，；]+")
_HARD_SPLIT = LazyRe(r"[,;|/、，；]")
_LOOKALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Kinds whose value is all digits, and how many leading/trailing characters keep their letters.
_NUMERIC_PARTS = {
    "order_id": (0, 0), "case_id": (0, 0), "reimbursement_id": (0, 0), "reference_id": (0, 0),
    "gtin": (0, 0), "isbn10": (0, 1), "dhl": (0, 0), "usps": (0, 0), "fedex": (0, 0),
    "amazon_logistics": (3, 0), "yunexpress": (2, 0), "s10": (2, 2),
}  # fmt: skip
_PLACEHOLDER_NOTE = w("id.placeholder")
_STRONG = frozenset({"order_id", "asin", "fnsku", "shipment_id", "lpn", "tracking"})


def normalize(text: str, kind: str | None = None) -> str:
    """The canonical form of ``text`` for ``kind`` (identifiers.md §4); idempotent."""
    return _normalize(text, kind)


def _non_ascii(value: str, label: str) -> Verdict | None:
    if value.isascii():
        return None
    odd = [c for c in value if not c.isascii()]
    if all(c.isdecimal() for c in odd):
        fixed = "".join(str(int(c)) if c.isdecimal() else c for c in value)
        return bad(w("id.non_ascii_digits"), w("id.did_you_mean", value=fixed))
    return bad(w("id.odd_char", char=odd[0], label=label))


def _lookalike(kind: str, value: str) -> Verdict | None:
    """Letters O/I/L where digits belong: reject, and suggest the fix if it then validates."""
    parts = _NUMERIC_PARTS.get(kind)
    if kind == "tracking":
        candidates = [(k, p) for k, p in _NUMERIC_PARTS.items() if k in carriers.RULES]
    elif parts is not None:
        candidates = [(kind, parts)]
    else:
        return None
    for which, (head, tail) in candidates:
        end = len(value) - tail
        if kind == "order_id" and value[:1] in ("D", "S"):
            head = 1
        middle = value[head:end]
        if not any(c in "OIL" for c in middle):
            continue
        fixed = value[:head] + middle.translate(_LOOKALIKE) + value[end:]
        if which == "order_id" and len(fixed) == 17 and fixed.isdigit():
            fixed = f"{fixed[:3]}-{fixed[3:10]}-{fixed[10:]}"  # typed without dashes
        if rule(kind if kind != "tracking" else which, fixed).status == VALID:
            letters = sorted({c for c in middle if c in "OIL"})
            what = join(" and ", [w("id.letter", c=c) for c in letters], "、")
            hint = ", ".join("0" if c == "O" else "1" for c in letters)
            return bad(
                w("id.lookalike", letters=what, hint=hint), w("id.did_you_mean", value=fixed)
            )
    return None


def _two_ids(cleaned: str, kind: str | None, value: str) -> Verdict | None:
    if not _SPLIT.search(cleaned):
        return None
    if not _HARD_SPLIT.search(cleaned):
        # Only spaces between the pieces: spaces inside one number are normal (TND prints
        # ``420 22153 9101026837331000039521``), so a whole that validates is one identifier.
        whole = kind or detect(value)
        if whole is not None and value.isascii() and rule(whole, value).status == VALID:
            return None
    tokens = [t for t in _SPLIT.split(cleaned) if t]
    if len(tokens) < 2:
        return None
    good: list[str] = []
    for token in tokens:
        norm = _normalize(token, kind)
        k = kind or detect(norm)
        if len(norm) >= 8 and k is not None and rule(k, norm).status == VALID:
            good.append(norm)
    if len(good) >= 2:
        return bad(w("id.two_ids"), join(" or ", good[:3], " 或 "))
    if len(good) == 1 and kind is not None:
        return bad(w("id.extra_text", label=LABELS[kind]), w("id.did_you_mean", value=good[0]))
    return None


def _wrong_kind(kind: str, value: str) -> Verdict | None:
    other = detect(value)
    if other is None or other == kind or other not in _STRONG:
        return None
    if other == "tracking" and value.isdigit() and len(value) < 17:
        return None
    verdict = rule(other, value)
    if verdict.status != VALID:
        return None
    if kind in TRACKING_KINDS and other in TRACKING_KINDS:
        return None  # carrier_rule already names the other carrier
    shown = verdict.kind if other == "tracking" and verdict.kind else other
    label = LABELS.get(shown, LABELS[other])
    return bad(w("id.looks_like", label=label, kind=LABELS[kind]), w("id.use_as", label=label))


def _result(text: str, kind: str | None, value: str | None, verdict: Verdict) -> IdCheck:
    carrier = verdict.carrier if (kind in TRACKING_KINDS or kind is None) else None
    return IdCheck(text, kind, verdict.status, value, carrier, verdict.reason, verdict.suggestion)


def _check(text: str, kind: str | None) -> IdCheck:
    if kind is not None and kind not in KINDS:
        return IdCheck(text, kind, INVALID, None, reason=w("id.unknown_kind", kind=kind))
    if kind in FREE_TEXT_KINDS:
        value = _normalize(text, kind)
        verdict = amazon.RULES[kind](value)
        if verdict.status != INVALID:
            verdict = guard(kind, text, verdict)
        return _result(text, kind, value or None, verdict)
    value = _normalize(text, kind)
    if not value:
        return IdCheck(text, kind, INVALID, None, reason=w("id.empty"))
    label = LABELS.get(kind or "", pair("an identifier", "编号"))
    split = _two_ids(clean(text), kind, value) if _SPLIT.search(text) else None
    if split is not None:
        return _result(text, kind, value, split)
    odd = _non_ascii(value, label)
    if odd is not None:
        return _result(text, kind, value, odd)
    asked = kind
    if kind is None:
        kind = detect(value, clean(text).upper())
        if kind is None:
            return _result(text, None, value, _fallback(value))
        value = _normalize(text, kind) or value  # e.g. an order id keeps its 3-7-7 dashes
    verdict = rule(kind, value)
    if verdict.status == INVALID:
        better = _lookalike(kind, value) or (_wrong_kind(kind, value) if asked else None)
        if better is None and asked is not None:
            better = guard(asked, text, verdict)  # "looks like an order ID with a mistake"
        elif better is not None and better.kind is None:  # keep the carrier the rule found
            better = better._replace(kind=verdict.kind, carrier=better.carrier or verdict.carrier)
        verdict = better or verdict
    elif asked is not None and (guarded := guard(asked, text, verdict)) is not verdict:
        verdict = guarded
    elif bare_placeholder(value):
        verdict = bad(w("id.bare_placeholder"))._replace(carrier=verdict.carrier, kind=verdict.kind)
    elif placeholder(value):
        verdict = verdict._replace(reason=verdict.reason or _PLACEHOLDER_NOTE)
    shown = kind
    if asked is None and kind == "tracking" and verdict.kind:
        shown = verdict.kind
    return _result(text, shown, value, verdict)


def _fallback(value: str) -> Verdict:
    if amazon.PLAN_ID.fullmatch(value):
        return amazon.shipment_rule(value)
    return bad(w("id.unknown"))


def check(text: str, kind: str | None = None) -> IdCheck:
    """Normalize and validate ``text`` as ``kind`` (detected when None). Never raises."""
    if not isinstance(text, str):
        return IdCheck(repr(text), kind, INVALID, None, reason=w("id.not_text"))
    try:
        return _check(text, kind)
    except Exception as exc:  # a bug must not crash a keystroke handler
        reason = w("id.crashed", name=type(exc).__name__)
        return IdCheck(text, kind, INVALID, None, reason=reason)


def extract(text: str) -> list[Found]:
    """Every identifier in free text, first occurrence of each (kind, value). Never raises."""
    from casewriter.identifiers.extractor import extract as _extract

    try:
        return _extract(text if isinstance(text, str) else "")
    except Exception:
        return []
