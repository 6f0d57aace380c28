"""Rules for Amazon and product identifiers: order ID, ASIN, ISBN-10, FNSKU, FBA shipment ID,
GTIN, case, reimbursement and reference IDs, removal order ID, LPN and SKU.

Each rule takes the normalized value and returns a ``Verdict``. Lenient kinds follow
identifiers.md §2: a case ID of 10 digits is valid, 11 digits valid with a note (reported but
unconfirmed), 7–9 or 12–13 digits ``unverified`` with a warning (never blocks); reimbursement
IDs of 6–15 digits are valid (other digit counts unverified); reference IDs are 8–20 digits
or an FBA shipment ID.

Size: ~340 lines, one short rule per kind (twelve) gathered in ``RULES``; the order ID's rule
and its diagnosis helpers (``_order_parts_reason``, ``_group_lost``, ``_extra_groups``, ~70
lines) could move to their own module.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from casewriter.identifiers import checksums as cs
from casewriter.identifiers.lazyre import ALNUM, DIGITS, LazyRe
from casewriter.identifiers.model import Verdict, bad, maybe, ok
from casewriter.identifiers.nearmiss import HINTS, prefix_fix
from casewriter.identifiers.wording import Said, count_chars, join, w

ORDER_ID = LazyRe(r"(?:[0-9]{3}|[DS][0-9]{2})-[0-9]{7}-[0-9]{7}", re.ASCII)
ASIN_B = LazyRe(r"B[0-9A-Z]{9}", re.ASCII)
ISBN10 = LazyRe(r"[0-9]{9}[0-9X]", re.ASCII)
FNSKU_X0 = LazyRe(r"X0[0-9A-Z]{8}", re.ASCII)
SHIPMENT = LazyRe(r"FBA[0-9A-Z]{8,10}", re.ASCII)
BOX_LABEL = LazyRe(r"(FBA[0-9A-Z]{8,10})U[0-9]{3,6}", re.ASCII)
LPN = LazyRe(r"LPN[0-9A-Z]{10}", re.ASCII)
PLAN_ID = LazyRe(r"(?:SH|WF)[0-9A-Z]{20,40}", re.ASCII)


def _count(v: str) -> Said:
    return count_chars(len(v))


def _punct(v: str) -> Said | None:
    odd = next((c for c in v if not ("0" <= c <= "9" or "A" <= c <= "Z" or c == "-")), None)
    if odd is None:
        return None
    name = w("id.underscore") if odd == "_" else w("id.space") if odd == " " else None
    return w("id.punct", what=name or w("id.quoted", c=odd))


_PART_NAMES = ("id.part_first", "id.part_middle", "id.part_last")
_ORDER_LENGTHS = (3, 7, 7)


def _letters(chars: list[str]) -> Said:
    shown = (
        w("id.a_letter", chars=chars[0])
        if len(chars) == 1
        else w("id.letters", chars=join(", ", chars, "、"))
    )
    alike = [
        w("id.for", c=c, d="0" if c == "O" else "1") for c in dict.fromkeys(chars) if c in "OIL"
    ]
    note = w("id.alike_note", alike=join(", ", alike, "、")) if alike else ""
    return w("id.only_digits", shown=shown, note=note)


def _order_parts_reason(parts: list[str]) -> Said:
    problems: list[Said] = []
    for index, (name, part, want) in enumerate(
        zip(_PART_NAMES, parts, _ORDER_LENGTHS, strict=True)
    ):
        body = part[1:] if index == 0 and part[:1] in ("D", "S") else part
        letters = [c for c in body if not ("0" <= c <= "9")]
        unit = w("id.unit_digits" if part.isdigit() else "id.unit_chars")
        size = w("id.part_size", n=len(part), unit=unit, want=want) if len(part) != want else ""
        odd = _letters(letters) if letters else ""
        if size or odd:
            said = join(", and ", [x for x in (size, odd) if x], "，且")
            problems.append(w("id.part_has", name=w(name), problems=said))
    return join("; ", problems, "；")


def _group_lost(parts: list[str]) -> Said | None:
    """``902-3159896`` / ``3159896-1390916``: two of the three groups, the other not copied."""
    digits = [p[1:] if i == 0 and p[:1] in ("D", "S") else p for i, p in enumerate(parts)]
    if len(parts) != 2 or not all(p.isdigit() for p in digits):
        return None
    lengths = (len(parts[0]), len(parts[1]))
    if lengths == (3, 7):
        which = w("id.last_missing")
    elif lengths == (7, 7):
        which = w("id.first_missing")
    else:
        return None
    return w("id.order_lost", which=which, a=lengths[0])


def _extra_groups(parts: list[str]) -> Verdict:
    """``902-3159896-1390916-1``: more than three groups; name the order ID inside, if any."""
    for i in range(len(parts) - 2):
        inside = "-".join(parts[i : i + 3])
        if ORDER_ID.fullmatch(inside):
            extra = "-".join(parts[:i] + parts[i + 3 :])
            return bad(
                w("id.order_extra", n=len(parts), extra=extra, inside=inside),
                w("id.did_you_mean", value=inside),
            )
    return bad(w("id.order_parts", n=len(parts)), HINTS["order_id"])


def order_rule(v: str) -> Verdict:
    if ORDER_ID.fullmatch(v):
        return ok()
    digits = sum(c.isdigit() and c.isascii() for c in v)
    punct = _punct(v)
    if punct:
        return bad(w("id.order_punct", punct=punct), HINTS["order_id"])
    parts = v.split("-")
    if len(parts) == 3 and all(parts):
        reason = _order_parts_reason(parts)
        if reason:
            return bad(reason, HINTS["order_id"])
    lost = _group_lost(parts)
    if lost is not None:
        return bad(lost, HINTS["order_id"])
    if len(parts) > 3 and all(parts):
        return _extra_groups(parts)
    if digits != 17:
        return bad(w("id.order_digits", n=digits), HINTS["order_id"])
    return bad(w("id.order_not"), HINTS["order_id"])


def isbn10_rule(v: str) -> Verdict:
    if not ISBN10.fullmatch(v):
        if DIGITS.fullmatch(v) and len(v) == 13 and v[:3] in ("978", "979"):
            suggestion = None
            if v.startswith("978"):
                body = v[3:12]
                check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
                suggestion = w("id.isbn_is", value=f"{body}{'X' if check == 10 else check}")
            return bad(w("id.isbn13"), suggestion)
        return bad(w("id.isbn_len", count=_count(v)), HINTS["isbn10"])
    if not cs.isbn10_ok(v):
        return bad(w("id.isbn_check"), HINTS["isbn10"])
    return ok()


def asin_rule(v: str) -> Verdict:
    if ASIN_B.fullmatch(v):
        return ok()
    if FNSKU_X0.fullmatch(v):
        return bad(w("id.asin_fnsku"), w("id.asin_use_fnsku"))
    if ISBN10.fullmatch(v):
        if cs.isbn10_ok(v):
            return ok()
        return bad(w("id.asin_isbn"), HINTS["asin"])
    if len(v) == 10 and ALNUM.fullmatch(v):
        return bad(w("id.asin_shape"), HINTS["asin"])
    return bad(w("id.asin_len", count=_count(v)), HINTS["asin"])


def fnsku_rule(v: str) -> Verdict:
    if FNSKU_X0.fullmatch(v):
        return ok()
    if ASIN_B.fullmatch(v) or (ISBN10.fullmatch(v) and cs.isbn10_ok(v)):
        return ok(reason=w("id.fnsku_asin"))
    if LPN.fullmatch(v):
        return bad(w("id.fnsku_lpn"))
    if v.startswith("XO") and FNSKU_X0.fullmatch("X0" + v[2:]):
        return bad(w("id.fnsku_o"), w("id.did_you_mean", value=f"X0{v[2:]}"))
    if len(v) == 10 and ALNUM.fullmatch(v):  # the right length: the prefix is what is wrong
        fixed = "X0" + v[2:]
        return bad(
            w("id.fnsku_prefix", start=v[:2]),
            w("id.did_you_mean", value=fixed) if v[0] == "X" and v[1].isdigit() else HINTS["fnsku"],
        )
    return bad(w("id.fnsku_len", count=_count(v)), HINTS["fnsku"])


def shipment_rule(v: str) -> Verdict:
    if SHIPMENT.fullmatch(v):
        return ok()
    box = BOX_LABEL.fullmatch(v)
    if box:
        return bad(w("id.box_label"), w("id.shipment_is", value=box.group(1)))
    if PLAN_ID.fullmatch(v):
        which = w("id.plan_sh" if v.startswith("SH") else "id.plan_wf")
        return bad(w("id.long_id", which=which), w("id.use_box_label"))
    if v.startswith("FBA"):
        problem = _punct(v)
        if problem:
            bare = "".join(c for c in v if c.isalnum())
            fixed = (
                w("id.did_you_mean", value=bare)
                if SHIPMENT.fullmatch(bare)
                else HINTS["shipment_id"]
            )
            return bad(problem, fixed)
        return bad(w("id.shipment_len", n=len(v) - 3), HINTS["shipment_id"])
    fix = prefix_fix(v, "shipment_id")
    if fix is not None:
        return bad(w("id.shipment_prefix", how=fix[1]), w("id.did_you_mean", value=fix[0]))
    return bad(w("id.shipment_shape"), HINTS["shipment_id"])


def gtin_rule(v: str) -> Verdict:
    if not DIGITS.fullmatch(v):
        return bad(w("id.gtin_digits"))
    if len(v) not in (8, 12, 13, 14):
        return bad(w("id.gtin_len", n=len(v)))
    if not cs.gs1_ok(v):
        return bad(w("id.gtin_check"))
    return ok()


#: GS1 Japan's EAN-13 prefixes: a code issued in Japan is a JAN (Japanese Article Number).
JAN_PREFIXES = ("45", "49")


def gtin_name(v: str, marketplace: str = "") -> str:
    """What a valid GTIN is called where it is sold: ``UPC`` (12 digits), ``EAN`` (8 or 13),
    ``JAN`` (a 45/49 EAN-13 on amazon.co.jp, ``JP``), ``GTIN`` (14)."""
    n = len(v)
    if n == 12:
        return "UPC"
    if n == 13 and marketplace.upper() == "JP" and v.startswith(JAN_PREFIXES):
        return "JAN"
    return "EAN" if n in (8, 13) else "GTIN"


def case_rule(v: str) -> Verdict:
    if not DIGITS.fullmatch(v):
        return bad(w("id.case_digits"))
    if len(v) == 10:
        return ok()
    if len(v) == 11:
        return ok(reason=w("id.case_11"))
    if 7 <= len(v) <= 13:
        return maybe(w("id.case_usually", n=len(v)), suggestion=HINTS["case_id"])
    return bad(w("id.case_len", n=len(v)))


def reimbursement_rule(v: str) -> Verdict:
    if not DIGITS.fullmatch(v):
        return bad(w("id.reimb_digits"))
    if 6 <= len(v) <= 15:
        return ok()
    if 4 <= len(v) <= 20:
        return maybe(w("id.reimb_usually", n=len(v)), suggestion=HINTS["reimbursement_id"])
    return bad(w("id.reimb_len", n=len(v)))


def reference_rule(v: str) -> Verdict:
    if SHIPMENT.fullmatch(v):
        return ok(reason=w("id.ref_shipment"))
    if not DIGITS.fullmatch(v):
        return bad(w("id.ref_shape"))
    if 8 <= len(v) <= 20:
        return ok()
    return bad(w("id.ref_len", n=len(v)))


def lpn_rule(v: str) -> Verdict:
    if LPN.fullmatch(v):
        return ok()
    if v.startswith("LPN"):
        return bad(w("id.lpn_len", n=len(v) - 3), HINTS["lpn"])
    fix = prefix_fix(v, "lpn")
    if fix is not None:
        return bad(w("id.lpn_prefix", how=fix[1]), w("id.did_you_mean", value=fix[0]))
    return bad(w("id.lpn_shape"), HINTS["lpn"])


def _free_text(v: str, what: Said, limit: int) -> Verdict:
    if not v:
        return bad(w("id.free_empty", what=what))
    if any(not c.isprintable() for c in v):
        return bad(w("id.free_control", what=what))
    if len(v) > limit:
        return bad(w("id.free_long", what=what, limit=limit, n=len(v)))
    return ok()


def sku_rule(v: str) -> Verdict:
    verdict = _free_text(v, Said("SKU"), 255)
    if verdict.status == "valid" and len(v) > 40:
        return maybe(w("id.sku_long", n=len(v)))
    return verdict


def removal_rule(v: str) -> Verdict:
    return _free_text(v, Said("removal order ID", "移除订单编号"), 40)


RULES: dict[str, Callable[[str], Verdict]] = {
    "order_id": order_rule,
    "asin": asin_rule,
    "isbn10": isbn10_rule,
    "fnsku": fnsku_rule,
    "shipment_id": shipment_rule,
    "gtin": gtin_rule,
    "case_id": case_rule,
    "reimbursement_id": reimbursement_rule,
    "reference_id": reference_rule,
    "removal_order_id": removal_rule,
    "lpn": lpn_rule,
    "sku": sku_rule,
}
