"""Identifier kinds: their names and labels, the rule for each, detection of the most
plausible kind of a value, and the guard that keeps a value resembling one shaped kind from
being accepted as another (``casewriter.identifiers`` re-exports the public names).
"""

from __future__ import annotations

from casewriter.identifiers import amazon, carriers, nearmiss
from casewriter.identifiers import checksums as cs
from casewriter.identifiers.lazyre import ALNUM, DIGITS
from casewriter.identifiers.model import INVALID, VALID, Verdict, bad, maybe
from casewriter.identifiers.text import FREE_TEXT_KINDS, clean, normalize

KINDS: tuple[str, ...] = (
    "order_id", "asin", "isbn10", "fnsku", "shipment_id", "tracking", "ups", "usps", "fedex",
    "dhl", "amazon_logistics", "s10", "yunexpress", "gtin", "case_id", "reimbursement_id",
    "reference_id", "removal_order_id", "lpn", "sku",
)  # fmt: skip

LABELS = {
    "order_id": "an order ID",
    "asin": "an ASIN",
    "isbn10": "an ISBN-10",
    "fnsku": "an FNSKU",
    "shipment_id": "an FBA shipment ID",
    "tracking": "a tracking number",
    "ups": "a UPS tracking number",
    "usps": "a USPS tracking number",
    "fedex": "a FedEx tracking number",
    "dhl": "a DHL tracking number",
    "amazon_logistics": "an Amazon Logistics (TBA) tracking number",
    "s10": "an international postal (S10) number",
    "yunexpress": "a YunExpress tracking number",
    "gtin": "a GTIN (UPC/EAN)",
    "case_id": "a case ID",
    "reimbursement_id": "a reimbursement ID",
    "reference_id": "a reference ID",
    "removal_order_id": "a removal order ID",
    "lpn": "an LPN",
    "sku": "a SKU",
}

#: What a case text calls each kind, one value and several (case-writing.md §3: "Identifiers
#: labelled (Shipment ID, FNSKU, SKU, ASIN, Order ID, Tracking, Reference ID)").
NAMES: dict[str, tuple[str, str]] = {
    "order_id": ("Order ID", "Order IDs"),
    "asin": ("ASIN", "ASINs"),
    "isbn10": ("ISBN", "ISBNs"),
    "fnsku": ("FNSKU", "FNSKUs"),
    "shipment_id": ("Shipment ID", "Shipment IDs"),
    "gtin": ("UPC/EAN", "UPC/EAN"),
    "case_id": ("Case ID", "Case IDs"),
    "reimbursement_id": ("Reimbursement ID", "Reimbursement IDs"),
    "reference_id": ("Reference ID", "Reference IDs"),
    "removal_order_id": ("Removal order ID", "Removal order IDs"),
    "lpn": ("LPN", "LPNs"),
    "sku": ("SKU", "SKUs"),
    **{k: ("Tracking", "Tracking") for k in ("tracking", *carriers.CARRIER_KINDS)},
}

TRACKING_KINDS = frozenset(carriers.CARRIER_KINDS) | {"tracking"}
_LOOKALIKE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def rule(kind: str, value: str) -> Verdict:
    """The verdict of ``kind``'s rule on an already-normalized value."""
    if kind == "tracking":
        return carriers.tracking_rule(value)
    if kind in carriers.RULES:
        return carriers.carrier_rule(kind, value)
    return amazon.RULES[kind](value)


def detect(value: str, cleaned: str | None = None) -> str | None:
    """The most plausible kind of an already-normalized value, or None.

    ``cleaned`` is the input before separators were dropped (``clean(text).upper()``): in an
    order ID's dashed shape it is an order ID, valid or not. A near miss of a shaped kind
    (``FBB…``, ``X0`` one character short, ``RR12345678CN``) is that kind, so its rule says
    what is wrong, rather than a looser kind (reference ID, "some tracking number").
    """
    v = value
    if amazon.ORDER_ID.fullmatch(v):
        return "order_id"
    if cleaned is not None and nearmiss.order_parts(cleaned) is not None:
        return "order_id"
    if v.startswith("FBA") or amazon.PLAN_ID.fullmatch(v):
        return "shipment_id"
    if amazon.FNSKU_X0.fullmatch(v):
        return "fnsku"
    if amazon.ASIN_B.fullmatch(v):
        if v[1] != "0" and nearmiss.prefix_fix(v, "shipment_id") is not None:
            return "shipment_id"  # BA… is FBA… with the F lost (ASINs in use start B0)
        return "asin"
    if v.startswith("LPN"):
        return "lpn"
    if len(v) == 17 and not v.isdigit() and v.translate(_LOOKALIKE).isdigit():
        return "order_id"  # an order id typed with O/I/L for digits: say so, don't guess a carrier
    if DIGITS.fullmatch(v):
        n = len(v)
        if n in (9, 10, 11):
            return "case_id"  # 9 digits: a case ID one digit short, unverified with a warning
        if n in (8, 13) or (n == 12 and cs.gs1_ok(v)):
            return "gtin"
        if n == 14:
            return "reference_id" if v.startswith("2") else "gtin"
        if n in (12, 15, 18, 20, 22, 26, 34) or (n >= 28 and v.startswith("420")):
            return "tracking"
        return "reference_id" if 8 <= n <= 20 else None
    if amazon.ISBN10.fullmatch(v):
        return "isbn10"
    verdict = carriers.tracking_rule(v)
    if verdict.status == VALID or verdict.kind not in (None, "tracking") or verdict.carrier:
        return "tracking"
    near = nearmiss.amazon_kind(v)
    if near is not None:
        return near
    return "tracking" if verdict.status != INVALID else None


#: Kinds with a shape of their own: a value that resembles one of them (a near miss or a
#: valid one) is not silently accepted as another kind.
_SHAPED = frozenset(
    {"order_id", "shipment_id", "fnsku", "asin", "lpn", "ups", "amazon_logistics", "s10"}
    | {"yunexpress"}
)
_ALSO_ACCEPTS = {
    "reference_id": frozenset({"shipment_id"}),  # a Receipts row's reference is the FBA… ID
    "fnsku": frozenset({"asin"}),  # stickerless stock: the FNSKU is the ASIN
}


def resembles(text: str, free: bool) -> tuple[str, Verdict] | None:
    """The shaped kind ``text`` looks like (valid or a near miss), and its verdict."""
    cleaned = clean(text).upper()
    if nearmiss.order_parts(cleaned) is not None:
        return "order_id", amazon.order_rule(normalize(text, "order_id"))
    if free:  # user data: only a value that is one token as typed, never a squeezed one
        if not ALNUM.fullmatch(cleaned):
            return None
        value = cleaned
    else:
        value = normalize(text, None)
    kind = detect(value)
    if kind == "tracking":
        verdict = carriers.tracking_rule(value)
        shaped = verdict.kind
        return (shaped, verdict) if shaped is not None and shaped in _SHAPED else None
    if kind not in _SHAPED or kind == "order_id":  # bare 17 digits: only the dashed shape counts
        return None
    return kind, rule(kind, value)


def guard(asked: str, text: str, verdict: Verdict) -> Verdict:
    """A valid/unverified value of ``asked`` that resembles another shaped kind: say so.

    Invalid for identifier kinds; unverified for SKUs and removal order IDs (user data is
    never blocked, but the seller is told what it looks like).
    """
    found = resembles(text, asked in FREE_TEXT_KINDS)
    if found is None:
        return verdict
    other, other_verdict = found
    if other == asked or other in _ALSO_ACCEPTS.get(asked, ()):
        return verdict
    if asked in TRACKING_KINDS and other in TRACKING_KINDS:
        return verdict  # the carrier rules already name the carrier
    label = LABELS[other]
    suggestion: str | None
    if other_verdict.status == VALID:
        what, suggestion = label, f"use it as {label}"
    else:
        what, suggestion = (
            f"{label} with a mistake ({other_verdict.reason})",
            other_verdict.suggestion,
        )
    if asked in FREE_TEXT_KINDS:
        return maybe(
            f"this looks like {what}: is it really {LABELS[asked]}?", suggestion=suggestion
        )
    return bad(f"this looks like {what}, not {LABELS[asked]}", suggestion)
