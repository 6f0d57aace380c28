"""Near misses: values that resemble a shaped identifier kind but fail it.

A value one typo away from a shaped kind (an order ID with a digit missing, ``FBB…`` for
``FBA…``, an FNSKU one character short, an S10 number with 8 digits…) must be reported as an
*invalid* value of the kind it resembles, with the reason and a suggestion, never accepted as
a valid value of a looser kind (reference ID, SKU, "some tracking number"). This module
decides which kind a value resembles; the per-kind rules (``amazon``, ``carriers``) explain
what is wrong with it. ``HINTS`` says where to copy each kind again when no single fix is
obvious.

Shapes (on the cleaned, uppercased text):

- Order ID: three groups separated by dashes or spaces, 2–4 / 5–9 / 5–9 characters, mostly
  digits (a 3-7-7 of the exact lengths may hold letters); or two groups where one dash of
  3-7-7 is missing (``113-7746201558093``) or a whole group was lost (``902-3159896``,
  ``3159896-1390916``, dashed as typed); or four or more groups, three of them an order ID's
  and the rest short digit groups (``902-3159896-1390916-1``). Dates (4-2-2), phone numbers
  (3-4-4), a spaced FedEx number (4-4-4) or EAN-13 as printed (1-6-6) are not this shape.
- Amazon prefixes with one character off (substituted, missing or extra): ``FBA`` (shipment
  ID), ``LPN``; ``X0`` and ``B0`` with a wrong length; ``XO``/``X1``… for ``X0``; an ISBN-10 ending in ``X`` with a wrong
  length (``amazon_kind``; the rules in ``amazon`` explain them, with ``prefix_fix``).
- Carrier shapes one character off, returned as invalid verdicts of that carrier
  (``carriers`` calls them before its catch-all "unverified, format unknown"): an S10 number
  with 8 or 10 digits or a letter missing or extra at either end, when its country code is
  real, or with a look-alike letter among its digits (``RRI23456785CN``) (``s10_near``); ``TB…``/``BA…`` for ``TBA…``, ``Z…`` or ``IZ…`` for ``1Z…``, ``T…``
  for ``YT…`` (``near_miss_rule``).

Size: ~325 lines, 27 of them the shape list above and 30 the ``HINTS`` table; the carrier near
misses (``_s10_lettered``, ``s10_near``, ``_prefix_slip``, ``near_miss_rule``, ~110 lines) could
move to their own module.
"""

from __future__ import annotations

import re

from casewriter.identifiers import checksums as cs
from casewriter.identifiers.carrier_wording import hint, wc
from casewriter.identifiers.countries import ISO_COUNTRIES, post_name
from casewriter.identifiers.lazyre import ALNUM, DIGITS, LazyRe
from casewriter.identifiers.model import Verdict
from casewriter.messages import join

_THREE = LazyRe(r"([0-9A-Z]{1,12})[\s\-]+([0-9A-Z]{1,12})[\s\-]+([0-9A-Z]{1,12})", re.ASCII)
_TWO = LazyRe(r"([0-9A-Z]{3}|[0-9A-Z]{7}|[0-9A-Z]{9,11})-([0-9A-Z]{5,16})", re.ASCII)
_MANY = LazyRe(r"[0-9A-Z]{1,12}(?:[\s\-]+[0-9A-Z]{1,12}){3,5}", re.ASCII)
_SEPARATORS = LazyRe(r"[\s\-]+", re.ASCII)
_S10_NEAR = LazyRe(r"([A-Z]{1,3})([0-9]{8,10})([A-Z]{1,3})", re.ASCII)
_S10_LETTERED = LazyRe(r"([A-Z]{2})([0-9A-Z]{9})([A-Z]{2})", re.ASCII)
#: Letters typed for the digits they resemble in a serial: O/I/L (identifiers.md §4), and S, B
#: and Z, which fonts on postal receipts make look like 5, 8 and 2. Only offered as a
#: suggestion when the result passes the S10 check digit.
_SERIAL_LOOKALIKES = {"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2"}
_DIGITS = "0123456789"
_LOOKALIKES = "OIL"

HINTS = {
    kind: hint(kind)
    for kind in ("order_id", "shipment_id", "fnsku", "asin", "isbn10", "lpn", "ups")
    + ("amazon_logistics", "s10", "yunexpress", "case_id", "reimbursement_id")
}


def _digits_only(v: str) -> bool:
    return DIGITS.fullmatch(v) is not None


def _count(chars: str, pool: str) -> int:
    return sum(c in pool for c in chars)


def _three_parts(parts: tuple[str, ...]) -> bool:
    """Three groups in an order ID's shape: 3-7-7 (letters allowed), or 2–4 / 5–9 / 5–9 and
    mostly digits."""
    lengths = tuple(len(p) for p in parts)
    joined = "".join(parts)
    digits = _count(joined, _DIGITS)
    if lengths == (3, 7, 7) and digits >= 7:
        return True  # 3-7-7 with letters in it
    numeric = digits + _count(joined, _LOOKALIKES)
    return (
        2 <= lengths[0] <= 4
        and 5 <= lengths[1] <= 9
        and 5 <= lengths[2] <= 9
        and digits >= 10
        and numeric >= len(joined) - 3
    )


def _mostly_digits(part: str) -> bool:
    return _count(part, _DIGITS) + _count(part, _LOOKALIKES) >= len(part) - 1 and any(
        c in _DIGITS for c in part
    )


def order_parts(cleaned: str) -> tuple[str, ...] | None:
    """The groups of ``cleaned`` (uppercased) when it has an order ID's dashed shape: three
    groups (``_three_parts``); two where one dash of 3-7-7 is missing (``113-7746201558093``)
    or a whole group was not copied (``902-3159896``, ``3159896-1390916``: dashes only, as
    typed); or four or more where three of them are an order ID's and the others are short
    digit groups (``902-3159896-1390916-1``)."""
    three = _THREE.fullmatch(cleaned)
    if three is not None:
        return three.groups() if _three_parts(three.groups()) else None
    two = _TWO.fullmatch(cleaned)
    if two is not None:
        head, tail = two.groups()
        joined = head + tail
        digits = _count(joined, _DIGITS)
        one_dash_missing = (len(head) == 3 and 12 <= len(tail) <= 16) or (
            9 <= len(head) <= 11 and 5 <= len(tail) <= 9
        )
        if one_dash_missing and 15 <= len(joined) <= 19 and digits >= len(joined) - 2:
            return two.groups()
        lost_group = (len(head), len(tail)) in ((3, 7), (7, 7))
        if lost_group and _mostly_digits(head) and _mostly_digits(tail) and digits >= 8:
            return two.groups()
        return None
    if _MANY.fullmatch(cleaned):
        parts = tuple(p for p in _SEPARATORS.split(cleaned) if p)
        windows = [parts[i : i + 3] for i in range(len(parts) - 2)]
        if all(_mostly_digits(p) for p in parts) and any(_three_parts(w) for w in windows):
            return parts
    return None


def _prefix_edits(v: str, prefix: str) -> list[tuple[str, str]]:
    """``(prefix + rest, what went wrong)`` for each way ``v`` is ``prefix`` one character off.

    In order of likelihood: a letter typed in place of a prefix letter (``FBB…``), a prefix
    letter missing (``FB15…``, ``BA15…``), a digit or symbol in place of one (``F8A…``), one
    character too many (``XFBA…``).
    """
    n = len(prefix)
    if v.startswith(prefix) or len(v) < n:
        return []
    edits: list[tuple[str, str]] = []  # (fixed value, what went wrong: a Said)
    diffs = [i for i in range(n) if v[i] != prefix[i]]
    substituted = (prefix + v[n:], wc("nm.starts", start=v[:n])) if len(diffs) == 1 else None
    if substituted is not None and v[diffs[0]].isalpha():
        edits.append(substituted)
    for i in range(n):
        if v.startswith(prefix[:i] + prefix[i + 1 :]):
            edits.append((prefix + v[n - 1 :], wc("nm.missing", c=prefix[i], prefix=prefix)))
    if substituted is not None and not v[diffs[0]].isalpha():
        edits.append(substituted)
    for i in range(n):
        if v[:i] + v[i + 1 : n + 1] == prefix:
            edits.append((prefix + v[n + 1 :], wc("nm.extra", start=v[: n + 1])))
    return edits


def _with_digits_only(rest: str) -> bool:
    return ALNUM.fullmatch(rest) is not None and _count(rest, _DIGITS) >= 2


_PREFIXED = {"shipment_id": ("FBA", 11, 13), "lpn": ("LPN", 13, 13)}


def prefix_fix(v: str, kind: str) -> tuple[str, str] | None:
    """``(fixed value, what went wrong)`` when repairing the ``FBA``/``LPN`` prefix of ``v``
    gives that kind's shape, else None."""
    prefix, shortest, longest = _PREFIXED[kind]
    edits = _prefix_edits(v, prefix)
    edits.sort(key=lambda edit: not edit[0][len(prefix) : len(prefix) + 1].isdigit())  # FBA1…
    for fixed, how in edits:
        if shortest <= len(fixed) <= longest and _with_digits_only(fixed[len(prefix) :]):
            return fixed, how
    return None


def amazon_kind(v: str) -> str | None:
    """The Amazon/product kind a compact value (no separators) is a near miss of, or None."""
    if not ALNUM.fullmatch(v):
        return None
    n = len(v)
    if v.startswith("X0") and 8 <= n <= 12 and n != 10:
        return "fnsku"
    if v.startswith("XO") and n == 10:
        return "fnsku"  # letter O for the zero
    if v[:1] == "X" and v[1:2] in "123456789" and n == 10 and _count(v, _DIGITS) >= 3:
        return "fnsku"  # another digit for the zero of X0
    if v.startswith("B0") and 8 <= n <= 12 and n != 10:
        return "asin"
    if n in (9, 11) and v.endswith("X") and v[:-1].isdigit():
        return "isbn10"
    for kind in _PREFIXED:
        if prefix_fix(v, kind) is not None:
            return kind
    return None


# Carrier shapes one character off (``carriers`` calls these before its catch-all).


def _s10_lettered(v: str) -> Verdict | None:
    """``RRI23456785CN``, ``RR12345678SCN``: an S10 number (real country code) with one or two
    look-alike letters among its 9 digits."""
    match = _S10_LETTERED.fullmatch(v)
    if not match:
        return None
    head, serial, country = match.groups()
    letters = [c for c in serial if not c.isdigit()]
    if not letters or len(letters) > 2 or any(c not in _SERIAL_LOOKALIKES for c in letters):
        return None
    if country not in ISO_COUNTRIES and country != "UK":
        return None
    fixed = head + "".join(_SERIAL_LOOKALIKES.get(c, c) for c in serial) + country
    shown = join(
        " and ",
        [wc("nm.for", c=c, d=_SERIAL_LOOKALIKES[c]) for c in dict.fromkeys(letters)],
        "、",
    )
    what = wc("nm.a_letter" if len(letters) == 1 else "nm.letters")
    return Verdict(
        "invalid",
        wc("nm.s10", problem=wc("nm.s10_letters", what=what, shown=shown)),
        wc("id.did_you_mean", value=fixed) if cs.s10_ok(fixed) else HINTS["s10"],
        post_name("GB" if country == "UK" else country),
        "s10",
    )


def s10_near(v: str) -> Verdict | None:
    """One character off an S10 shape whose country code is real: a typo, not a new carrier."""
    lettered = _s10_lettered(v)
    if lettered is not None:
        return lettered
    match = _S10_NEAR.fullmatch(v)
    if not match:
        return None
    head, digits, tail = match.groups()
    country = next((c for c in (tail[:2], tail[-2:]) if c in ISO_COUNTRIES), None)
    if tail == "UK":
        country = "GB"
    off = [len(head) != 2, len(digits) != 9, len(tail) != 2]
    if sum(off) != 1 or (country is None and len(tail) != 1):
        return None
    if off[0]:
        letters = wc("nm.letter" if len(head) == 1 else "nm.letter_s")
        problem = wc("nm.s10_head", n=len(head), letters=letters)
    elif off[1]:
        problem = wc("nm.s10_digits", n=len(digits))
    else:
        problem = wc("nm.s10_tail", tail=tail)
    carrier = post_name(country) if country else None
    return Verdict(
        "invalid",
        wc("nm.s10", problem=problem),
        HINTS["s10"],
        carrier,
        "s10",
    )


def _prefix_slip(v: str) -> Verdict | None:
    """A letter of ``TBA``, ``1Z`` or ``YT`` missing: ``TB…``/``BA…``, ``Z…``, ``T…``/``Y…``."""
    if len(v) == 14 and v[:2] in ("TB", "BA", "TA", "BC", "BM") and _digits_only(v[2:]):
        fixed = "TBA" + v[2:] if v[:2] in ("TB", "BA", "TA") else "T" + v
        return Verdict(
            "invalid",
            wc("nm.tba_start", start=v[:2]),
            wc("id.did_you_mean", value=fixed),
            "Amazon Logistics",
            "amazon_logistics",
        )
    if len(v) == 17 and v[0] == "Z" and ALNUM.fullmatch(v) and sum(c.isdigit() for c in v) >= 8:
        fixed = "1" + v
        return Verdict(
            "invalid",
            wc("nm.ups_z"),
            wc("id.did_you_mean", value=fixed) if cs.ups_ok(fixed) else HINTS["ups"],
            "UPS",
            "ups",
        )
    if len(v) == 17 and v[0] in "TY" and _digits_only(v[1:]):
        return Verdict(
            "invalid",
            wc("nm.yt_alone", c=v[0]),
            wc("id.did_you_mean", value=f"YT{v[1:]}"),
            "YunExpress",
            "yunexpress",
        )
    return None


def near_miss_rule(v: str) -> Verdict | None:
    """One character off a known prefix (``TBB…``, ``2Z…``, ``1A…``, ``TB…``, ``Z…``): a typo,
    not a new carrier."""
    if len(v) == 15 and v.startswith("TB") and _digits_only(v[3:]):
        return Verdict(
            "invalid",
            wc("nm.tba_prefix", start=v[:3]),
            wc("id.did_you_mean", value=f"TBA{v[3:]}"),
            "Amazon Logistics",
            "amazon_logistics",
        )
    slip = _prefix_slip(v)
    if slip is not None:
        return slip
    if len(v) == 18 and ALNUM.fullmatch(v) and (v[1] == "Z" or (v[0] == "1" and v[1].isalpha())):
        return Verdict(
            "invalid",
            wc("nm.ups_1z"),
            wc("id.did_you_mean", value=f"1Z{v[2:]}") if cs.ups_ok("1Z" + v[2:]) else HINTS["ups"],
            "UPS",
            "ups",
        )
    return None
