"""Per-kind tables for ``casewriter.identifiers.check``: public valid examples, near-misses,
wrong length/prefix, and messy-but-valid input that must normalize."""

from __future__ import annotations

import pytest

from casewriter.identifiers import KINDS, check, normalize
from casewriter.identifiers import checksums as cs

# (kind, value) pairs that must be valid. Sources: identifiers.md (SP-API models, SC help,
# UPS developer guide, python-stdnum docs), TND test numbers (jkeen/tracking_number_data),
# the synthetic report samples, and numbers computed here with the check-digit algorithms.
VALID = [
    ("order_id", "902-3159896-1390916"),
    ("order_id", "058-3718414-0463502"),
    ("order_id", "S01-3718414-0463502"),
    ("order_id", "D01-3718414-0463502"),
    ("order_id", "113-7746201-5580934"),
    ("asin", "B0000COYXD"),
    ("asin", "B0C7QX3N5L"),
    ("asin", "0306406152"),
    ("asin", "080442957X"),
    ("isbn10", "0306406152"),
    ("isbn10", "080442957X"),
    ("fnsku", "X00000E5TX"),
    ("fnsku", "X0014BIZ8T"),
    ("fnsku", "X003KQ7ZP1"),
    ("fnsku", "B0C7QX3N5L"),
    ("shipment_id", "FBA1234ABCD"),
    ("shipment_id", "FBA15DJ9S3J5"),
    ("shipment_id", "FBA17XKQ9M2Z"),
    ("amazon_logistics", "TBA502887274000"),
    ("amazon_logistics", "TBM502887274000"),
    ("amazon_logistics", "TBC123450987654"),
    ("ups", "1Z12345E6605272234"),
    ("ups", "1Z648616E192760718"),
    ("ups", "1ZWX0692YP40636269"),
    ("ups", "1Z6A34Y60369738804"),
    ("ups", "1Z5R89390357567127"),
    ("ups", "1Z879E930346834440"),
    ("ups", "1Z410E7W0392751591"),
    ("ups", "1Z8V92A70367203024"),
    ("usps", "9400111201080805483016"),
    ("usps", "9361289878700317633795"),
    ("usps", "9505511069605048600624"),
    ("usps", "9405803699300124287899"),
    ("usps", "92748931507708513018050063"),
    ("usps", "03071790000523483741"),
    ("usps", "71969010756003077385"),
    ("usps", "420221539101026837331000039521"),
    ("usps", "4201002334249200190132607600833457"),
    ("usps", "RB123456785US"),
    ("fedex", "449044304137821"),
    ("fedex", "122816215025810"),
    ("fedex", "797615467620"),
    ("fedex", "771613423732"),
    ("fedex", "986578788855"),
    ("fedex", "041441760228964"),
    ("fedex", "9611020987654312345672"),
    ("fedex", "000123450000000027"),
    ("fedex", "1001921334250001000300779017972697"),
    ("fedex", "61299998820821171811"),
    ("fedex", "DT102938475612"),
    ("dhl", "3318810025"),
    ("dhl", "73891051146"),
    ("dhl", "8487135506"),
    ("dhl", "1099255990"),
    ("dhl", "JJD0099999999"),
    ("dhl", "GM2951173225174494"),
    ("s10", "RB123456785GB"),
    ("s10", "RR123456785CN"),
    ("s10", "LX123456785CN"),
    ("s10", "EA123456785US"),
    ("s10", "RR123456785TW"),
    ("s10", "RR123456785MO"),
    ("s10", "CP123456785CW"),
    ("s10", "TT123456785GB"),
    ("yunexpress", "YT2229521272164446"),
    ("gtin", "036000291452"),
    ("gtin", "4006381333931"),
    ("gtin", "98412345678908"),
    ("gtin", "96385074"),
    ("gtin", "9780306406157"),
    ("case_id", "1723459876"),
    ("case_id", "17234598761"),
    ("reimbursement_id", "29377120448"),
    ("reimbursement_id", "29381044917"),
    ("reference_id", "20081126439781"),
    ("reference_id", "18911630245"),
    ("reference_id", "FBA17XKQ9M2Z"),
    ("removal_order_id", "my-order"),
    ("removal_order_id", "RMV-NB-0412"),
    ("lpn", "LPNRR9K2X7Q4T"),
    ("sku", "CW-MUG-11OZ-BLK"),
    ("sku", "cw mug 11oz (black)"),
    ("tracking", "1Z12345E6605272234"),
    ("tracking", "TBA502887274000"),
    ("tracking", "9400111201080805483016"),
    ("tracking", "RR123456785CN"),
]


@pytest.mark.parametrize(("kind", "value"), VALID)
def test_valid(kind: str, value: str) -> None:
    result = check(value, kind)
    assert result.status == "valid", result
    assert result.kind == kind
    assert result.normalized == normalize(value, kind)


CARRIERS = [
    ("1Z12345E6605272234", "ups", "UPS"),
    ("TBA502887274000", "amazon_logistics", "Amazon Logistics"),
    ("9400111201080805483016", "usps", "USPS"),
    ("797615467620", "fedex", "FedEx"),
    ("3318810025", "dhl", "DHL"),
    ("RR123456785CN", "s10", "China Post"),
    ("RR123456785GB", "s10", "Royal Mail"),
    ("YT2229521272164446", "yunexpress", "YunExpress"),
]


@pytest.mark.parametrize(("value", "carrier_kind", "carrier"), CARRIERS)
def test_tracking_detects_the_carrier(value: str, carrier_kind: str, carrier: str) -> None:
    asked = check(value, "tracking")
    assert (asked.status, asked.kind, asked.carrier) == ("valid", "tracking", carrier)
    assert check(value, carrier_kind).carrier == carrier
    if not value.isdigit() or len(value) > 12:  # short digit runs are ambiguous (case ID?)
        assert check(value).kind == carrier_kind


UNVERIFIED = [
    ("tracking", "UG123456789YP", "Yanwen"),
    ("s10", "UG123456789YP", "Yanwen"),
    ("tracking", "LP00987654321012", "Cainiao"),
    ("tracking", "CNUSUP00012345678", "Cainiao"),
    ("tracking", "4PX3001234567890CN", "4PX"),
    ("tracking", "SF1387264509183", None),
    ("dhl", "340434188193", "DHL"),
    ("case_id", "123456781", None),
    ("sku", "X" * 60, None),
]


@pytest.mark.parametrize(("kind", "value", "carrier"), UNVERIFIED)
def test_unverified_never_blocks(kind: str, value: str, carrier: str | None) -> None:
    result = check(value, kind)
    assert result.status == "unverified", result
    assert result.carrier == carrier
    assert result.reason


# Near-misses: one digit changed, adjacent digits swapped (ones the algorithm catches), wrong
# length, wrong prefix, and the published examples that fail their own check digits.
INVALID = [
    ("order_id", "902-3159896-139091"),
    ("order_id", "902-3159896-13909161"),
    ("order_id", "A02-3159896-1390916"),
    ("order_id", "902-3159896_1390916"),
    ("asin", "B0000COYX"),
    ("asin", "C0000COYXD"),
    ("asin", "0306406153"),
    ("asin", "0306406125"),
    ("asin", "X00000E5TX"),
    ("isbn10", "0306406125"),
    ("isbn10", "030640615"),
    ("fnsku", "X0000E5TX"),
    ("fnsku", "LPNRR9K2X7Q4T"),
    ("shipment_id", "FBA1234ABC"[:10]),
    ("shipment_id", "FBA15DJ9S3_J5"),
    ("shipment_id", "FBA15DJ9S3J5U000001"),
    ("shipment_id", "shABCDEFGHIJ0123456789abcdefghij012345"),
    ("shipment_id", "wf0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
    ("shipment_id", "FBB15DJ9S3J5"),
    ("amazon_logistics", "TBA50288727400"),
    ("amazon_logistics", "TBB502887274000"),
    ("amazon_logistics", "TBA50288727400A"),
    ("ups", "1Z12345E0205271688"),
    ("ups", "1Z12345E1305277940"),
    ("ups", "1Z6A34Y60369738805"),
    ("ups", "1Z12345E6605272235"),
    ("ups", "1Z12345E6650272234"),
    ("ups", "1Z12345E660527223"),
    ("ups", "TBA502887274000"),
    ("ups", "2Z5R89390357567127"),
    ("usps", "9400111201080805483017"),
    ("usps", "9400111201080805843016"),
    ("usps", "03071790000523483742"),
    ("usps", "940011120108080548301"),
    ("fedex", "996578788855"),
    ("fedex", "797615467621"),
    ("fedex", "568283610012732"),
    ("fedex", "9611020987654312345673"),
    ("fedex", "000000000000000001"),
    ("fedex", "1001901781990001000300617767839438"),
    ("fedex", "79761546762"),
    ("dhl", "3318810010"),
    ("dhl", "3318810034"),
    ("dhl", "331881002"),
    ("s10", "EA123456789US"),
    ("s10", "RR123456789CN"),
    ("s10", "LX123456789CN"),
    ("s10", "RB123456786US"),
    ("s10", "RB123456785XX"),
    ("s10", "RR123456785UK"),
    ("s10", "RR12345678CN"),
    ("yunexpress", "YT222952127216444"),
    ("gtin", "036000291453"),
    ("gtin", "036000921452"),
    ("gtin", "4006381333932"),
    ("gtin", "40063813339311"[:11]),
    ("case_id", "12345"),
    ("case_id", "17234A9876"),
    ("reimbursement_id", "2937712044X"),
    ("reference_id", "1234567"),
    ("removal_order_id", "x" * 41),
    ("lpn", "LPNRR9K2X7Q4"),
    ("lpn", "RR9K2X7Q4TAB"),
    ("sku", "   "),
    ("tracking", "1Z12345E6605272235"),
    ("tracking", "hello"),
]


@pytest.mark.parametrize(("kind", "value"), INVALID)
def test_invalid_has_a_reason(kind: str, value: str) -> None:
    result = check(value, kind)
    assert result.status == "invalid", result
    assert result.reason and len(result.reason) > 10


MESSY = [
    ("order_id", "\u3000902-3159896-1390916 ", "902-3159896-1390916"),
    ("order_id", "９０２－３１５９８９６－１３９０９１６", "902-3159896-1390916"),
    ("order_id", "902-3159896-1390916\u200b", "902-3159896-1390916"),
    ("order_id", "\ufeff902\u20133159896\u20141390916", "902-3159896-1390916"),
    ("order_id", "902——3159896——1390916", "902-3159896-1390916"),
    ("order_id", "902ー3159896ー1390916", "902-3159896-1390916"),
    ("order_id", "902\u22123159896\u22121390916", "902-3159896-1390916"),
    ("order_id", "90231598961390916", "902-3159896-1390916"),
    ("order_id", "9023-159896-1390916", "902-3159896-1390916"),
    ("order_id", "【902-3159896-1390916】。", "902-3159896-1390916"),
    ("order_id", "Order #902-3159896-1390916", "902-3159896-1390916"),
    ("order_id", "订单号：902-3159896-1390916", "902-3159896-1390916"),
    ("order_id", '"902-3159896-1390916",', "902-3159896-1390916"),
    ("order_id", "s01 3718414 0463502", "S01-3718414-0463502"),
    ("ups", "1Z 12345E 66 0527 2234", "1Z12345E6605272234"),
    ("ups", "1zwx0692yp40636269", "1ZWX0692YP40636269"),
    ("ups", "\u00a01Z12345E6605272234\u00a0", "1Z12345E6605272234"),
    ("usps", "9400 1112 0108 0805 4830 16", "9400111201080805483016"),
    ("fedex", "7976-1546-7620", "797615467620"),
    ("isbn10", "080442957x", "080442957X"),
    ("isbn10", "0-306-40615-2", "0306406152"),
    ("gtin", "4-006381-333931", "4006381333931"),
    ("asin", "ＡＳＩＮ：Ｂ０Ｃ７ＱＸ３Ｎ５Ｌ", "B0C7QX3N5L"),
    ("asin", "「b0c7qx3n5l」", "B0C7QX3N5L"),
    ("shipment_id", "货件FBA17XKQ9M2Z", "FBA17XKQ9M2Z"),
    ("shipment_id", "(fba15dj9s3j5)", "FBA15DJ9S3J5"),
    ("s10", "rr 123 456 785 cn", "RR123456785CN"),
    ("case_id", "Case ID: 1723459876.", "1723459876"),
    ("sku", "  cw-Mug-11oz\u200b ", "cw-Mug-11oz"),
    ("removal_order_id", " my order ", "my order"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), MESSY)
def test_messy_but_valid(kind: str, value: str, expected: str) -> None:
    result = check(value, kind)
    assert (result.status, result.normalized) == ("valid", expected), result
    assert normalize(value, kind) == expected


def test_lookalikes_are_rejected_with_the_fix() -> None:
    result = check("9O2-3159896-1390916", "order_id")
    assert result.status == "invalid"
    assert "did you mean 0" in (result.reason or "")
    assert result.suggestion == "did you mean 902-3159896-1390916?"
    result = check("33l881OO25", "dhl")
    assert result.status == "invalid" and "3318810025" in (result.suggestion or "")
    result = check("TBA5O2887274OOO", "amazon_logistics")
    assert result.suggestion == "did you mean TBA502887274000?"


def test_wrong_kind_is_named() -> None:
    assert "FNSKU" in (check("X00000E5TX", "asin").reason or "")
    assert "Amazon Logistics" in (check("TBA502887274000", "ups").reason or "")
    assert "sh" in (check("sh" + "a1" * 18, "shipment_id").reason or "")
    assert "GB" in (check("RR123456785UK", "s10").reason or "")


def test_two_identifiers_in_one_field() -> None:
    result = check("1Z12345E6605272234, 1ZWX0692YP40636269", "tracking")
    assert result.status == "invalid"
    assert "two identifiers" in (result.reason or "")
    assert "1ZWX0692YP40636269" in (result.suggestion or "")
    assert check("113-7746201-5580934 和 111-6620481-3398215").status == "invalid"


def test_placeholders_are_not_real_numbers() -> None:
    for kind, value in [("fedex", "000000000000"), ("case_id", "1234567890"), ("gtin", "00000000")]:
        result = check(value, kind)
        assert result.status == "invalid" and "placeholder" in (result.reason or "")


def test_arabic_indic_digits_are_rejected_with_the_ascii_form() -> None:
    result = check("١٢٣-٤٥٦٧٨٩١-١٢٣٤٥٦٧", "order_id")
    assert result.status == "invalid"
    assert result.suggestion == "did you mean 123-4567891-1234567?"


def test_unknown_kind_and_empty() -> None:
    assert check("X", "nope").status == "invalid"
    assert check("", "order_id").status == "invalid"
    assert check("\u200b \u3000").normalized is None


def test_every_kind_is_checkable() -> None:
    for kind in KINDS:
        assert check("B0C7QX3N5L", kind).kind == kind


def test_check_digit_transpositions_are_caught() -> None:
    """Adjacent swaps outside the documented blind spots are rejected (identifiers.md §5)."""
    gtin = "4006381333931"
    for i in range(len(gtin) - 2):
        a, b = gtin[i], gtin[i + 1]
        if a != b and abs(int(a) - int(b)) != 5:
            swapped = gtin[:i] + b + a + gtin[i + 2 :]
            assert check(swapped, "gtin").status == "invalid", swapped
    isbn = "0306406152"
    for i in range(9):
        if isbn[i] != isbn[i + 1]:
            assert not cs.isbn10_ok(isbn[:i] + isbn[i + 1] + isbn[i] + isbn[i + 2 :])
    ups = "1Z12345E6605272234"
    for i in range(2, 16):  # data positions only: a last-data/check swap is a blind spot
        a, b = ups[i], ups[i + 1]
        if a != b and a.isdigit() and b.isdigit():
            assert check(ups[:i] + b + a + ups[i + 2 :], "ups").status == "invalid"


def test_the_last_data_and_check_digit_swap_is_a_known_ups_blind_spot() -> None:
    assert check("1Z12345E6605272243", "ups").status == "valid"


@pytest.mark.parametrize("raw", ["9O2-3159896-1390916", "9O231598961390916", "l13 7746201 5580934"])
def test_order_id_with_lookalike_letters_is_detected_without_kind(raw: str) -> None:
    """Without --kind, an order id typed with O/l for digits is an invalid order id with the
    fix suggested, not an unknown tracking number."""
    result = check(raw)
    assert result.kind == "order_id"
    assert result.status == "invalid"
    assert result.suggestion is not None and "-" in result.suggestion


def test_the_shared_digit_and_alphanumeric_patterns_take_ascii_only() -> None:
    """``lazyre.DIGITS`` / ``ALNUM``, one pair for every rule (Amazon, carriers, near misses):
    normalized values are ASCII, so full-width or other scripts' digits, lower case, spaces and
    an empty value never pass."""
    from casewriter.identifiers.lazyre import ALNUM, DIGITS

    assert DIGITS.fullmatch("0123456789") and ALNUM.fullmatch("FBA15DJ9S3J5")
    for value in ("", "１２３", "١٢٣", "12 3", "12-3", "12a"):
        assert DIGITS.fullmatch(value) is None, value
    for value in ("", "fba15dj9s3j5", "ＦＢＡ１", "FBA 1", "FBA-1", "ÄB1"):
        assert ALNUM.fullmatch(value) is None, value
