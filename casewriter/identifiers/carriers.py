"""Carrier tracking numbers: shapes and check digits per carrier, and carrier detection.

Each ``*_rule(v)`` takes a normalized value and returns a ``Verdict`` when the value has that
carrier's shape (valid, or invalid with the reason), or ``None`` when it is not that carrier's
shape at all. ``tracking_rule`` tries them all; carriers with no public format (Yanwen, 4PX,
Cainiao) and plausible unknown shapes come back ``unverified`` so a seller is never blocked.
No UPS service-code or S10 service-indicator whitelists.

Size: ~315 lines, one short rule per carrier (seven, none over 30 lines) kept beside the
detection order (``_ORDER``) and ``carrier_rule``'s cross-checks, which need them all; no part
stands apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casewriter.identifiers import checksums as cs
from casewriter.identifiers.countries import ISO_COUNTRIES, post_name
from casewriter.identifiers.lazyre import ALNUM, DIGITS, LazyRe
from casewriter.identifiers.model import Verdict, bad, maybe, ok
from casewriter.identifiers.nearmiss import HINTS, near_miss_rule, s10_near

CARRIER_KINDS = ("ups", "usps", "fedex", "dhl", "s10", "amazon_logistics", "yunexpress")
CARRIER_NAMES = {
    "ups": "UPS",
    "usps": "USPS",
    "fedex": "FedEx",
    "dhl": "DHL",
    "s10": "Postal (UPU S10)",
    "amazon_logistics": "Amazon Logistics",
    "yunexpress": "YunExpress",
}

_S10 = LazyRe(r"([A-Z]{2})([0-9]{9})([A-Z]{2})", re.ASCII)
WRONG_CHECK = "the check digit doesn't match: a digit is probably mistyped or two are swapped"
RETYPE = "check each character against the label, or copy the number again from the carrier's email"


def _digits(v: str) -> bool:
    return DIGITS.fullmatch(v) is not None


def _checked(passes: bool, kind: str, what: str) -> Verdict:
    carrier = CARRIER_NAMES[kind]
    if passes:
        return ok(carrier, kind=kind)
    return Verdict("invalid", f"{what}: {WRONG_CHECK}", RETYPE, carrier, kind)


def ups_rule(v: str) -> Verdict | None:
    if v.startswith("1Z"):
        if len(v) != 18:
            return Verdict(
                "invalid",
                f"a UPS 1Z number has 18 characters; this has {len(v)}",
                HINTS["ups"],
                "UPS",
                "ups",
            )
        if not ALNUM.fullmatch(v):
            return Verdict(
                "invalid", "a UPS 1Z number has only letters and digits", HINTS["ups"], "UPS", "ups"
            )
        return _checked(cs.ups_ok(v), "ups", "UPS 1Z number")
    if len(v) == 11 and v[0] in "AHJKTV" and _digits(v[1:]):
        return _checked(cs.ups_ok(v), "ups", "UPS waybill number")
    return None


def _impb_shape(v: str) -> bool:
    """20 digits (legacy), or 22/26 digits starting with application identifier 91–95.

    Pub 199 / TND: an IMpb of 22 or 26 digits begins with ``9[1-5]``; TND's invalid
    ``420000000000000000000000000000`` has an all-zero 22-digit tail that passes GS1 alone.
    """
    n = len(v)
    return n == 20 or (n in (22, 26) and v[0] == "9" and "1" <= v[1] <= "5")


def _usps_digits(v: str) -> Verdict | None:
    n = len(v)
    if n == 22 and v.startswith("96"):
        return None  # FedEx Ground 96
    if n in (22, 26) and not _impb_shape(v):
        return Verdict(
            "invalid",
            f"a {n}-digit USPS number starts with 91–95 (like 9400 1112 …)",
            None,
            "USPS",
            "usps",
        )
    if n in (20, 22, 26):
        return _checked(cs.usps_ok(v), "usps", f"USPS {n}-digit number")
    if v.startswith("420") and n in (28, 30, 32, 34, 38):
        tails = [v[cut:] for cut in (8, 12) if _impb_shape(v[cut:])]
        return _checked(
            any(cs.usps_ok(t) for t in tails), "usps", "USPS number with 420+ZIP prefix"
        )
    return None


def impb_routing(v: str) -> tuple[str, str] | None:
    """A USPS barcode read with its ``420`` + ZIP (or ZIP+4) routing prefix, split into the
    tracking number (20, 22 or 26 digits, as USPS Tracking shows it) and the ZIP code; None for
    any other value. The tail whose check digit holds wins (ZIP+4 first, as Pub 199 prints it)."""
    if not (v.startswith("420") and _digits(v) and len(v) in (28, 30, 32, 34, 38)):
        return None
    for cut in (12, 8):
        tail = v[cut:]
        if _impb_shape(tail) and cs.usps_ok(tail):
            return tail, v[3:cut]
    return None


def usps_rule(v: str) -> Verdict | None:
    if _digits(v):
        return _usps_digits(v)
    if _S10.fullmatch(v) and v.endswith("US"):
        return _checked(cs.s10_ok(v), "usps", "USPS international (S10) number")
    return None


def fedex_rule(v: str) -> Verdict | None:
    if v.startswith("DT") and len(v) == 14 and _digits(v[2:]):
        return ok("FedEx", kind="fedex")  # door tag: no public check digit
    if not _digits(v):
        return None
    n = len(v)
    if n == 12:
        return _checked(cs.fedex12_ok(v), "fedex", "FedEx Express 12-digit number")
    if n == 15:
        return _checked(cs.gs1_ok(v), "fedex", "FedEx Ground 15-digit number")
    if n == 22 and v.startswith("96"):
        return _checked(cs.gs1_ok(v[-15:]), "fedex", "FedEx Ground 96 number")
    if n == 18 and v.startswith("00"):
        return _checked(cs.gs1_ok(v), "fedex", "SSCC-18 number")
    if n == 34:
        return _checked(cs.fedex_serial_ok(v), "fedex", "FedEx 34-digit barcode number")
    if n == 20:
        passes = cs.gs1_ok(v) or cs.gs1_ok("92" + v)
        return _checked(passes, "fedex", "FedEx SmartPost 20-digit number")
    if n == 22 and v.startswith("92"):
        return _checked(cs.gs1_ok(v), "fedex", "FedEx SmartPost 22-digit number")
    return None


def dhl_rule(v: str) -> Verdict | None:
    if _digits(v) and len(v) in (10, 11):
        return _checked(cs.dhl_ok(v), "dhl", f"DHL Express {len(v)}-digit waybill")
    if re.fullmatch(r"(?:JJD|JVGL)[0-9]{9,20}", v, re.ASCII):
        return ok("DHL", kind="dhl")  # piece IDs: no check digit
    if re.fullmatch(r"GM[0-9]{10,39}", v, re.ASCII):
        return ok("DHL eCommerce", kind="dhl")
    return None


def amazon_rule(v: str) -> Verdict | None:
    if v[:3] in ("TBA", "TBC", "TBM"):
        if len(v) == 15 and _digits(v[3:]):
            return ok("Amazon Logistics", kind="amazon_logistics")
        rest = v[3:]
        problem = (
            f"this has {len(rest)} characters after {v[:3]}"
            if len(rest) != 12
            else f"this has a letter among the 12 digits after {v[:3]}"
        )
        return Verdict(
            "invalid",
            f"an Amazon Logistics number is {v[:3]} + 12 digits; {problem}",
            HINTS["amazon_logistics"],
            "Amazon Logistics",
            "amazon_logistics",
        )
    return None


def yunexpress_rule(v: str) -> Verdict | None:
    if v.startswith("YT") and _digits(v[2:]) and len(v) > 8:
        if len(v) == 18:
            return ok("YunExpress", kind="yunexpress")
        problem = f"this has {len(v) - 2}"
    elif v.startswith("YT") and 16 <= len(v) <= 20 and ALNUM.fullmatch(v):
        letters = sum(not c.isdigit() for c in v[2:])
        if letters > 2:
            return None
        problem = f"this has {len(v) - 2} characters, {letters} of them not digits"
    else:
        return None
    return Verdict(
        "invalid",
        f"a YunExpress number is YT + 16 digits; {problem}",
        HINTS["yunexpress"],
        "YunExpress",
        "yunexpress",
    )


def s10_rule(v: str) -> Verdict | None:
    match = _S10.fullmatch(v)
    if not match:
        return s10_near(v)
    country = match.group(3)
    if country == "YP":
        return maybe(
            "Yanwen number: Yanwen publishes no format or check digit", "Yanwen", "tracking"
        )
    if country == "UK":
        fixed = v[:-2] + "GB"
        return Verdict(
            "invalid",
            "'UK' is not a postal country code: the United Kingdom is GB",
            f"did you mean {fixed}?",
            "Royal Mail",
            "s10",
        )
    if country not in ISO_COUNTRIES:
        return Verdict(
            "invalid",
            f"'{country}' is not a country code, so this is not an international postal (S10) number",
            None,
            None,
            "s10",
        )
    return _checked(cs.s10_ok(v), "s10", f"{post_name(country)} (S10) number")._replace(
        carrier=post_name(country)
    )


def unknown_rule(v: str) -> Verdict | None:
    """Carriers with no public format, then any plausible shape: unverified, never blocking."""
    if re.fullmatch(r"LP[0-9]{14}|CNUSUP[0-9]{8,11}", v, re.ASCII):
        return maybe("Cainiao number: Cainiao publishes no check digit", "Cainiao", "tracking")
    if re.fullmatch(r"(?:4PX|FPXE)[0-9A-Z]{10,16}", v, re.ASCII):
        return maybe("4PX number: 4PX publishes no format or check digit", "4PX", "tracking")
    if re.fullmatch(r"[A-Z]{2}[0-9]{7}|[A-Z]{4}[0-9]{10}", v, re.ASCII):
        return maybe("Parcelforce number: no public check digit", "Parcelforce", "tracking")
    if 8 <= len(v) <= 40 and ALNUM.fullmatch(v) and sum(c.isdigit() for c in v) >= 4:
        return maybe("not a format we know: check it on the carrier's website", None, "tracking")
    return None


RULES: dict[str, Callable[[str], Verdict | None]] = {
    "ups": ups_rule,
    "usps": usps_rule,
    "fedex": fedex_rule,
    "dhl": dhl_rule,
    "s10": s10_rule,
    "amazon_logistics": amazon_rule,
    "yunexpress": yunexpress_rule,
}
_ORDER = (amazon_rule, ups_rule, yunexpress_rule, s10_rule, dhl_rule, usps_rule, fedex_rule)
#: A bare 22-digit ``926129…`` passes both USPS IMpb and FedEx SmartPost: TND lists it under
#: FedEx SmartPost (``9261292700768711948021``), so FedEx is tried first for that shape only
#: (the ``420``+ZIP barcode form stays USPS, as in TND's ``usps.json``).
_SMARTPOST_FIRST = (fedex_rule, *_ORDER[:-1])


def tracking_rule(v: str) -> Verdict:
    """Detect the carrier: the first valid shape wins, else the first matching shape's reason."""
    first_bad: Verdict | None = None
    smartpost = len(v) == 22 and v.startswith("926129")
    for rule in _SMARTPOST_FIRST if smartpost else _ORDER:
        verdict = rule(v)
        if verdict is None:
            continue
        if verdict.status != "invalid":
            return verdict
        first_bad = first_bad or verdict
    if first_bad is not None:
        return first_bad
    near = near_miss_rule(v)
    if near is not None:
        return near
    unknown = unknown_rule(v)
    if unknown is not None:
        return unknown
    if not v:
        return bad("empty: paste the tracking number")
    return bad("not a tracking number: expected 8–40 letters and digits, with at least 4 digits")


def carrier_rule(kind: str, v: str) -> Verdict:
    """A value given as one carrier's tracking number."""
    name = CARRIER_NAMES[kind]
    verdict = RULES[kind](v)
    if (
        kind == "dhl"
        and _digits(v)
        and len(v) in (12, 20)
        and (verdict is None or verdict.status != "valid")
    ):
        return maybe("DHL Paket number: its check digit is not public", "DHL", "dhl")
    if verdict is not None:
        return verdict._replace(kind=kind)
    other = tracking_rule(v)
    if other.status == "valid" and other.kind != kind:
        article = "an" if (other.carrier or "x")[0] in "AEIOU" else "a"
        return bad(
            f"this looks like {article} {other.carrier} tracking number, not {name}",
            f"use it as {article} {other.carrier} number",
            name,
        )
    if other.carrier in ("Yanwen", "4PX", "Cainiao"):
        return other._replace(kind=kind)
    return bad(f"not a {name} tracking number: {SHAPES[kind]}", None, name)


SHAPES = {
    "ups": "UPS numbers are 1Z + 16 letters/digits, or a waybill letter + 10 digits",
    "usps": "USPS numbers are 20, 22 or 26 digits (or S10 ending in US)",
    "fedex": "FedEx numbers are 12, 15, 20, 22 (96…) or 34 digits, SSCC 00… (18) or DT + 12",
    "dhl": "DHL Express waybills are 10 or 11 digits",
    "s10": "postal numbers are 2 letters + 9 digits + a 2-letter country code (RR123456785CN)",
    "amazon_logistics": "Amazon Logistics numbers are TBA, TBC or TBM + 12 digits",
    "yunexpress": "YunExpress numbers are YT + 16 digits",
}
