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

ORDER_ID = LazyRe(r"(?:[0-9]{3}|[DS][0-9]{2})-[0-9]{7}-[0-9]{7}", re.ASCII)
ASIN_B = LazyRe(r"B[0-9A-Z]{9}", re.ASCII)
ISBN10 = LazyRe(r"[0-9]{9}[0-9X]", re.ASCII)
FNSKU_X0 = LazyRe(r"X0[0-9A-Z]{8}", re.ASCII)
SHIPMENT = LazyRe(r"FBA[0-9A-Z]{8,10}", re.ASCII)
BOX_LABEL = LazyRe(r"(FBA[0-9A-Z]{8,10})U[0-9]{3,6}", re.ASCII)
LPN = LazyRe(r"LPN[0-9A-Z]{10}", re.ASCII)
PLAN_ID = LazyRe(r"(?:SH|WF)[0-9A-Z]{20,40}", re.ASCII)


def _count(v: str) -> str:
    return f"{len(v)} character{'s' if len(v) != 1 else ''}"


def _punct(v: str) -> str | None:
    odd = next((c for c in v if not ("0" <= c <= "9" or "A" <= c <= "Z" or c == "-")), None)
    if odd is None:
        return None
    name = "an underscore" if odd == "_" else "a space" if odd == " " else f"'{odd}'"
    return f"contains {name}: only letters and digits belong in it"


_PART_NAMES = ("first", "middle", "last")
_ORDER_LENGTHS = (3, 7, 7)


def _letters(chars: list[str]) -> str:
    shown = f"a letter ({chars[0]})" if len(chars) == 1 else f"letters ({', '.join(chars)})"
    alike = [f"{c} for {'0' if c == 'O' else '1'}" for c in dict.fromkeys(chars) if c in "OIL"]
    note = f" ({', '.join(alike)}?)" if alike else ""
    return f"{shown} where only digits belong{note}"


def _order_parts_reason(parts: list[str]) -> str:
    problems = []
    for index, (name, part, want) in enumerate(
        zip(_PART_NAMES, parts, _ORDER_LENGTHS, strict=True)
    ):
        body = part[1:] if index == 0 and part[:1] in ("D", "S") else part
        letters = [c for c in body if not ("0" <= c <= "9")]
        unit = "digits" if part.isdigit() else "characters"
        size = f"{len(part)} {unit}, {want} expected" if len(part) != want else ""
        odd = _letters(letters) if letters else ""
        if size or odd:
            problems.append(f"the {name} part has " + ", and ".join(x for x in (size, odd) if x))
    return "; ".join(problems)


def _group_lost(parts: list[str]) -> str | None:
    """``902-3159896`` / ``3159896-1390916``: two of the three groups, the other not copied."""
    digits = [p[1:] if i == 0 and p[:1] in ("D", "S") else p for i, p in enumerate(parts)]
    if len(parts) != 2 or not all(p.isdigit() for p in digits):
        return None
    lengths = (len(parts[0]), len(parts[1]))
    if lengths == (3, 7):
        which = "the last part (7 digits) is missing"
    elif lengths == (7, 7):
        which = "the first part (3 digits) is missing"
    else:
        return None
    return (
        f"{which}: an order ID has 17 digits in 3-7-7 groups (123-1234567-1234567); "
        f"this is {lengths[0]}-7"
    )


def _extra_groups(parts: list[str]) -> Verdict:
    """``902-3159896-1390916-1``: more than three groups; name the order ID inside, if any."""
    for i in range(len(parts) - 2):
        inside = "-".join(parts[i : i + 3])
        if ORDER_ID.fullmatch(inside):
            extra = "-".join(parts[:i] + parts[i + 3 :])
            return bad(
                f"an order ID has 3 parts (123-1234567-1234567); this has {len(parts)}: "
                f"'{extra}' is not part of the order ID {inside}",
                f"did you mean {inside}?",
            )
    return bad(
        f"an order ID has 3 parts (123-1234567-1234567); this has {len(parts)}", HINTS["order_id"]
    )


def order_rule(v: str) -> Verdict:
    if ORDER_ID.fullmatch(v):
        return ok()
    digits = sum(c.isdigit() and c.isascii() for c in v)
    if _punct(v):
        return bad(f"{_punct(v)} (order IDs look like 123-1234567-1234567)", HINTS["order_id"])
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
        return bad(
            f"an order ID has 17 digits in 3-7-7 groups (123-1234567-1234567); this has {digits}",
            HINTS["order_id"],
        )
    return bad("not an order ID: it should look like 123-1234567-1234567", HINTS["order_id"])


def isbn10_rule(v: str) -> Verdict:
    if not ISBN10.fullmatch(v):
        if DIGITS.fullmatch(v) and len(v) == 13 and v[:3] in ("978", "979"):
            suggestion = None
            if v.startswith("978"):
                body = v[3:12]
                check = (11 - sum((10 - i) * int(c) for i, c in enumerate(body)) % 11) % 11
                suggestion = f"its ISBN-10 is {body}{'X' if check == 10 else check}"
            return bad("this is an ISBN-13, not an ISBN-10", suggestion)
        return bad(
            f"an ISBN-10 has 10 characters (digits, last may be X); this has {_count(v)}",
            HINTS["isbn10"],
        )
    if not cs.isbn10_ok(v):
        return bad(
            "the ISBN-10 check digit doesn't match: a digit is probably mistyped", HINTS["isbn10"]
        )
    return ok()


def asin_rule(v: str) -> Verdict:
    if ASIN_B.fullmatch(v):
        return ok()
    if FNSKU_X0.fullmatch(v):
        return bad(
            "this looks like an FNSKU (X0…), not an ASIN",
            "use it as the FNSKU; the ASIN starts with B0",
        )
    if ISBN10.fullmatch(v):
        if cs.isbn10_ok(v):
            return ok()
        return bad(
            "a numeric ASIN is a book's ISBN-10 and this one's check digit doesn't match: probably a typo",
            HINTS["asin"],
        )
    if len(v) == 10 and ALNUM.fullmatch(v):
        return bad("an ASIN is B + 9 letters/digits (or a book's ISBN-10)", HINTS["asin"])
    return bad(
        f"an ASIN has 10 characters (B0… or a book's ISBN-10); this has {_count(v)}", HINTS["asin"]
    )


def fnsku_rule(v: str) -> Verdict:
    if FNSKU_X0.fullmatch(v):
        return ok()
    if ASIN_B.fullmatch(v) or (ISBN10.fullmatch(v) and cs.isbn10_ok(v)):
        return ok(reason="same as an ASIN: fine for stickerless (commingled) inventory")
    if LPN.fullmatch(v):
        return bad("this is an LPN (return license plate), not an FNSKU")
    if v.startswith("XO") and FNSKU_X0.fullmatch("X0" + v[2:]):
        return bad(
            "the second character is the letter O: an FNSKU starts with X0 (zero)",
            f"did you mean X0{v[2:]}?",
        )
    if len(v) == 10 and ALNUM.fullmatch(v):  # the right length: the prefix is what is wrong
        fixed = "X0" + v[2:]
        return bad(
            f"an FNSKU starts with X0 (X, zero); this starts with {v[:2]}",
            f"did you mean {fixed}?" if v[0] == "X" and v[1].isdigit() else HINTS["fnsku"],
        )
    return bad(
        f"an FNSKU is X0 + 8 letters/digits (or the ASIN for stickerless stock); this has {_count(v)}",
        HINTS["fnsku"],
    )


def shipment_rule(v: str) -> Verdict:
    if SHIPMENT.fullmatch(v):
        return ok()
    box = BOX_LABEL.fullmatch(v)
    if box:
        return bad(
            "this is a box label ID (shipment ID + U + box number)",
            f"the shipment ID is {box.group(1)}",
        )
    if PLAN_ID.fullmatch(v):
        which = "shipment (sh…)" if v.startswith("SH") else "inbound plan (wf…)"
        return bad(
            f"this is the long {which} ID, not the FBA shipment ID",
            "use the FBA… ID printed on your box labels",
        )
    if v.startswith("FBA"):
        problem = _punct(v)
        if problem:
            bare = "".join(c for c in v if c.isalnum())
            fixed = f"did you mean {bare}?" if SHIPMENT.fullmatch(bare) else HINTS["shipment_id"]
            return bad(problem, fixed)
        return bad(
            f"an FBA shipment ID is FBA + 8–10 letters/digits; this has {len(v) - 3} after FBA",
            HINTS["shipment_id"],
        )
    fix = prefix_fix(v, "shipment_id")
    if fix is not None:
        return bad(f"an FBA shipment ID starts with FBA; {fix[1]}", f"did you mean {fix[0]}?")
    return bad("an FBA shipment ID starts with FBA (like FBA15DJ9S3J5)", HINTS["shipment_id"])


def gtin_rule(v: str) -> Verdict:
    if not DIGITS.fullmatch(v):
        return bad("a GTIN (UPC/EAN) has only digits")
    if len(v) not in (8, 12, 13, 14):
        return bad(f"a GTIN (UPC/EAN) has 8, 12, 13 or 14 digits; this has {len(v)}")
    if not cs.gs1_ok(v):
        return bad("the GTIN check digit doesn't match: a digit is probably mistyped")
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
        return bad("a Seller Central case ID has only digits (usually 10)")
    if len(v) == 10:
        return ok()
    if len(v) == 11:
        return ok(
            reason="case IDs are usually 10 digits; 11-digit ones are reported, double-check it"
        )
    if 7 <= len(v) <= 13:
        return maybe(
            f"case IDs are usually 10 digits; this has {len(v)}: double-check it",
            suggestion=HINTS["case_id"],
        )
    return bad(f"a Seller Central case ID has 10 digits; this has {len(v)}")


def reimbursement_rule(v: str) -> Verdict:
    if not DIGITS.fullmatch(v):
        return bad("a reimbursement ID has only digits (11 in current reports)")
    if 6 <= len(v) <= 15:
        return ok()
    if 4 <= len(v) <= 20:
        return maybe(
            f"reimbursement IDs are usually 11 digits; this has {len(v)}: double-check it",
            suggestion=HINTS["reimbursement_id"],
        )
    return bad(f"a reimbursement ID has about 11 digits; this has {len(v)}")


def reference_rule(v: str) -> Verdict:
    if SHIPMENT.fullmatch(v):
        return ok(reason="an FBA shipment ID (the reference of a Receipts row)")
    if not DIGITS.fullmatch(v):
        return bad(
            "a reference ID is digits (14 in the ledger, 11 for older transaction item IDs) or an FBA shipment ID"
        )
    if 8 <= len(v) <= 20:
        return ok()
    return bad(f"a reference ID has 8–20 digits (14 in the ledger); this has {len(v)}")


def lpn_rule(v: str) -> Verdict:
    if LPN.fullmatch(v):
        return ok()
    if v.startswith("LPN"):
        return bad(
            f"an LPN is LPN + 10 letters/digits; this has {len(v) - 3} after LPN", HINTS["lpn"]
        )
    fix = prefix_fix(v, "lpn")
    if fix is not None:
        return bad(f"an LPN starts with LPN; {fix[1]}", f"did you mean {fix[0]}?")
    return bad("an LPN (license plate number) starts with LPN, like LPNRR9K2X7Q4T", HINTS["lpn"])


def _free_text(v: str, what: str, limit: int) -> Verdict:
    if not v:
        return bad(f"empty: paste the {what}")
    if any(not c.isprintable() for c in v):
        return bad(f"the {what} contains an invisible or control character")
    if len(v) > limit:
        return bad(f"a {what} has at most {limit} characters; this has {len(v)}")
    return ok()


def sku_rule(v: str) -> Verdict:
    verdict = _free_text(v, "SKU", 255)
    if verdict.status == "valid" and len(v) > 40:
        return maybe(f"Seller Central SKUs have at most 40 characters; this has {len(v)}")
    return verdict


def removal_rule(v: str) -> Verdict:
    return _free_text(v, "removal order ID", 40)


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
