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
from casewriter.identifiers.carrier_wording import carrier_name, shape, wc
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
RETYPE = wc("tr.retype")


def _digits(v: str) -> bool:
    return DIGITS.fullmatch(v) is not None


def _checked(passes: bool, kind: str, what: str) -> Verdict:
    carrier = CARRIER_NAMES[kind]
    if passes:
        return ok(carrier, kind=kind)
    return Verdict("invalid", wc("tr.wrong_check", what=what), RETYPE, carrier, kind)


def ups_rule(v: str) -> Verdict | None:
    if v.startswith("1Z"):
        if len(v) != 18:
            return Verdict(
                "invalid",
                wc("tr.ups_len", n=len(v)),
                HINTS["ups"],
                "UPS",
                "ups",
            )
        if not ALNUM.fullmatch(v):
            return Verdict("invalid", wc("tr.ups_alnum"), HINTS["ups"], "UPS", "ups")
        return _checked(cs.ups_ok(v), "ups", wc("tr.ups_1z"))
    if len(v) == 11 and v[0] in "AHJKTV" and _digits(v[1:]):
        return _checked(cs.ups_ok(v), "ups", wc("tr.ups_waybill"))
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
            wc("tr.usps_prefix", n=n),
            None,
            "USPS",
            "usps",
        )
    if n in (20, 22, 26):
        return _checked(cs.usps_ok(v), "usps", wc("tr.usps_n", n=n))
    if v.startswith("420") and n in (28, 30, 32, 34, 38):
        tails = [v[cut:] for cut in (8, 12) if _impb_shape(v[cut:])]
        return _checked(any(cs.usps_ok(t) for t in tails), "usps", wc("tr.usps_420"))
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
        return _checked(cs.s10_ok(v), "usps", wc("tr.usps_s10"))
    return None


def fedex_rule(v: str) -> Verdict | None:
    if v.startswith("DT") and len(v) == 14 and _digits(v[2:]):
        return ok("FedEx", kind="fedex")  # door tag: no public check digit
    if not _digits(v):
        return None
    n = len(v)
    if n == 12:
        return _checked(cs.fedex12_ok(v), "fedex", wc("tr.fedex_12"))
    if n == 15:
        return _checked(cs.gs1_ok(v), "fedex", wc("tr.fedex_15"))
    if n == 22 and v.startswith("96"):
        return _checked(cs.gs1_ok(v[-15:]), "fedex", wc("tr.fedex_96"))
    if n == 18 and v.startswith("00"):
        return _checked(cs.gs1_ok(v), "fedex", wc("tr.sscc"))
    if n == 34:
        return _checked(cs.fedex_serial_ok(v), "fedex", wc("tr.fedex_34"))
    if n == 20:
        passes = cs.gs1_ok(v) or cs.gs1_ok("92" + v)
        return _checked(passes, "fedex", wc("tr.smartpost_20"))
    if n == 22 and v.startswith("92"):
        return _checked(cs.gs1_ok(v), "fedex", wc("tr.smartpost_22"))
    return None


def dhl_rule(v: str) -> Verdict | None:
    if _digits(v) and len(v) in (10, 11):
        return _checked(cs.dhl_ok(v), "dhl", wc("tr.dhl_n", n=len(v)))
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
            wc("tr.tba_after", n=len(rest), p=v[:3])
            if len(rest) != 12
            else wc("tr.tba_letter", p=v[:3])
        )
        return Verdict(
            "invalid",
            wc("tr.tba_shape", p=v[:3], problem=problem),
            HINTS["amazon_logistics"],
            "Amazon Logistics",
            "amazon_logistics",
        )
    return None


def yunexpress_rule(v: str) -> Verdict | None:
    if v.startswith("YT") and _digits(v[2:]) and len(v) > 8:
        if len(v) == 18:
            return ok("YunExpress", kind="yunexpress")
        problem = wc("tr.yt_has", n=len(v) - 2)
    elif v.startswith("YT") and 16 <= len(v) <= 20 and ALNUM.fullmatch(v):
        letters = sum(not c.isdigit() for c in v[2:])
        if letters > 2:
            return None
        problem = wc("tr.yt_letters", n=len(v) - 2, k=letters)
    else:
        return None
    return Verdict(
        "invalid",
        wc("tr.yt_shape", problem=problem),
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
        return maybe(wc("tr.yanwen"), "Yanwen", "tracking")
    if country == "UK":
        fixed = v[:-2] + "GB"
        return Verdict(
            "invalid",
            wc("tr.uk"),
            wc("id.did_you_mean", value=fixed),
            "Royal Mail",
            "s10",
        )
    if country not in ISO_COUNTRIES:
        return Verdict(
            "invalid",
            wc("tr.not_country", c=country),
            None,
            None,
            "s10",
        )
    what = wc("tr.post_s10", post=carrier_name(post_name(country)))
    return _checked(cs.s10_ok(v), "s10", what)._replace(carrier=post_name(country))


def unknown_rule(v: str) -> Verdict | None:
    """Carriers with no public format, then any plausible shape: unverified, never blocking."""
    if re.fullmatch(r"LP[0-9]{14}|CNUSUP[0-9]{8,11}", v, re.ASCII):
        return maybe(wc("tr.cainiao"), "Cainiao", "tracking")
    if re.fullmatch(r"(?:4PX|FPXE)[0-9A-Z]{10,16}", v, re.ASCII):
        return maybe(wc("tr.4px"), "4PX", "tracking")
    if re.fullmatch(r"[A-Z]{2}[0-9]{7}|[A-Z]{4}[0-9]{10}", v, re.ASCII):
        return maybe(wc("tr.parcelforce"), "Parcelforce", "tracking")
    if 8 <= len(v) <= 40 and ALNUM.fullmatch(v) and sum(c.isdigit() for c in v) >= 4:
        return maybe(wc("tr.unknown"), None, "tracking")
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
        return bad(wc("tr.empty"))
    return bad(wc("tr.not_tracking"))


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
        return maybe(wc("tr.dhl_paket"), "DHL", "dhl")
    if verdict is not None:
        return verdict._replace(kind=kind)
    other = tracking_rule(v)
    if other.status == "valid" and other.kind != kind:
        article = "an" if (other.carrier or "x")[0] in "AEIOU" else "a"
        carrier = carrier_name(other.carrier)
        return bad(
            wc("tr.other_carrier", article=article, carrier=carrier, name=carrier_name(name)),
            wc("tr.use_carrier", article=article, carrier=carrier),
            name,
        )
    if other.carrier in ("Yanwen", "4PX", "Cainiao"):
        return other._replace(kind=kind)
    return bad(wc("tr.not_carrier", name=carrier_name(name), shape=SHAPES[kind]), None, name)


SHAPES = {kind: shape(kind) for kind in CARRIER_KINDS}
