"""Check-digit algorithms for identifiers (identifiers.md §5), on ASCII digit strings only.

Every function takes an already-normalized string and returns ``bool``; none raises on a
well-shaped input. Callers check the shape (length, ``[0-9]``) first.
"""

from __future__ import annotations

S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
FEDEX12_WEIGHTS = (3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1)
FEDEX_SERIAL_WEIGHTS = (1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1)


def gs1_check_digit(data: str) -> int:
    """GS1 mod 10 over the data digits: rightmost data digit weighs 3, then 1, 3, 1…"""
    total = 0
    for i, ch in enumerate(reversed(data)):
        total += (ord(ch) - 48) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def gs1_ok(number: str) -> bool:
    """GTIN-8/12/13/14, SSCC-18, USPS IMpb, FedEx Ground 15: last digit is the GS1 check."""
    return len(number) >= 2 and gs1_check_digit(number[:-1]) == ord(number[-1]) - 48


def isbn10_ok(number: str) -> bool:
    """ISBN-10: sum of (10 - i) * d_i over all ten characters is 0 mod 11 (final X = 10)."""
    total = 0
    for i, ch in enumerate(number):
        value = 10 if ch == "X" and i == 9 else ord(ch) - 48
        total += (10 - i) * value
    return total % 11 == 0


def _ups_value(ch: str) -> int:
    if "0" <= ch <= "9":
        return ord(ch) - 48
    return (ord(ch) - 3) % 10


def ups_ok(number: str) -> bool:
    """UPS ``1Z`` + 15 data + check, or waybill ``[AHJKTV]`` + 9 data + check (weights 1, 2)."""
    if number.startswith("1Z"):
        data, check = number[2:17], number[17]
    else:
        data, check = number[1:10], number[10]
    if not "0" <= check <= "9":
        return False
    total = 0
    for i, ch in enumerate(data):
        total += _ups_value(ch) * (1 if i % 2 == 0 else 2)
    return (10 - total % 10) % 10 == ord(check) - 48


def fedex12_ok(number: str) -> bool:
    """FedEx Express 12: weights 3,1,7… over 11 digits; check = (sum mod 11) mod 10."""
    total = sum((ord(c) - 48) * w for c, w in zip(number[:11], FEDEX12_WEIGHTS, strict=True))
    return total % 11 % 10 == ord(number[11]) - 48


def fedex_serial_ok(number: str) -> bool:
    """FedEx 34 / Ground GSN: the last 14 digits are a 13-digit serial (weights 1,7,3…) + check."""
    tail = number[-14:]
    total = sum((ord(c) - 48) * w for c, w in zip(tail[:13], FEDEX_SERIAL_WEIGHTS, strict=True))
    return total % 11 % 10 == ord(tail[13]) - 48


def dhl_ok(number: str) -> bool:
    """DHL Express 10/11 digits: check = int(all but last digit) mod 7."""
    return int(number[:-1]) % 7 == ord(number[-1]) - 48


def s10_check_digit(serial: str) -> int:
    """UPU S10 check digit for an 8-digit serial (weights 8,6,4,2,3,5,9,7; 10 → 0, 11 → 5)."""
    total = sum((ord(c) - 48) * w for c, w in zip(serial, S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    return 0 if check == 10 else 5 if check == 11 else check


def s10_ok(number: str) -> bool:
    """``AA`` + 8-digit serial + check + ``CC``: the check digit only (the caller checks CC)."""
    return s10_check_digit(number[2:10]) == ord(number[10]) - 48


def usps_ok(digits: str) -> bool:
    """USPS 20/22/26 digits (after any 420+ZIP prefix): GS1, or GS1 over an implied ``91``."""
    if gs1_ok(digits):
        return True
    return len(digits) == 20 and gs1_ok("91" + digits)
