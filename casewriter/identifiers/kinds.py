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
from casewriter.identifiers.wording import pair, w

KINDS: tuple[str, ...] = (
    "order_id", "asin", "isbn10", "fnsku", "shipment_id", "tracking", "ups", "usps", "fedex",
    "dhl", "amazon_logistics", "s10", "yunexpress", "gtin", "case_id", "reimbursement_id",
    "reference_id", "removal_order_id", "lpn", "sku",
)  # fmt: skip

LABELS = {
    "order_id": pair("an order ID", "订单编号"),
    "asin": pair("an ASIN", "ASIN"),
    "isbn10": pair("an ISBN-10", "ISBN-10"),
    "fnsku": pair("an FNSKU", "FNSKU"),
    "shipment_id": pair("an FBA shipment ID", "FBA货件编号"),
    "tracking": pair("a tracking number", "追踪号"),
    "ups": pair("a UPS tracking number", "UPS 追踪号"),
    "usps": pair("a USPS tracking number", "USPS 追踪号"),
    "fedex": pair("a FedEx tracking number", "FedEx 追踪号"),
    "dhl": pair("a DHL tracking number", "DHL 追踪号"),
    "amazon_logistics": pair(
        "an Amazon Logistics (TBA) tracking number", "亚马逊物流（TBA）追踪号"
    ),
    "s10": pair("an international postal (S10) number", "国际邮政（S10）单号"),
    "yunexpress": pair("a YunExpress tracking number", "云途追踪号"),
    "gtin": pair("a GTIN (UPC/EAN)", "GTIN（UPC/EAN）"),
    "case_id": pair("a case ID", "Case 编号"),
    "reimbursement_id": pair("a reimbursement ID", "赔偿编号"),
    "reference_id": pair("a reference ID", "参考编号"),
    "removal_order_id": pair("a removal order ID", "移除订单编号"),
    "lpn": pair("an LPN", "LPN"),
    "sku": pair("a SKU", "SKU"),
}
"""What each kind is called in a sentence ("this looks like an order ID"), in both languages."""

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
        what, suggestion = label, w("id.use_as", label=label)
    else:
        what = w("id.with_mistake", label=label, reason=other_verdict.reason)
        suggestion = other_verdict.suggestion
    if asked in FREE_TEXT_KINDS:
        return maybe(w("id.is_it_really", label=what, kind=LABELS[asked]), suggestion=suggestion)
    return bad(w("id.looks_like", label=what, kind=LABELS[asked]), suggestion)
