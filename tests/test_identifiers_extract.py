"""``extract()`` on realistic text: emails, Seller Central copies, Chinese text."""

from __future__ import annotations

from casewriter.identifiers import extract, normalize


def _pairs(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value, f.status) for f in extract(text)]


def test_chinese_text_with_full_width_punctuation() -> None:
    text = "订单号：113-7746201-5580934，货件FBA17XKQ9M2Z少了4件"
    found = extract(text)
    assert [(f.kind, f.value) for f in found] == [
        ("order_id", "113-7746201-5580934"),
        ("shipment_id", "FBA17XKQ9M2Z"),
    ]
    assert text[found[0].start : found[0].end] == "113-7746201-5580934"
    assert text[found[1].start : found[1].end] == "FBA17XKQ9M2Z"


def test_email_from_a_seller() -> None:
    text = (
        "Hello,\n\nOrder #111-6620481-3398215 (ASIN B0C7QX3N5L, FNSKU X003KQ7ZP1) came back "
        "via UPS 1Z12345E6605272234 and USPS 9400 1112 0108 0805 4830 16.\n"
        "Case ID: 1723459876. Reimbursement ID 29377120448, reference ID 20081126439781.\n"
        "Return LPN: LPNRR9K2X7Q4T. Removal order ID: RMV-NB-0412.\n"
    )
    assert _pairs(text) == [
        ("order_id", "111-6620481-3398215", "valid"),
        ("asin", "B0C7QX3N5L", "valid"),
        ("fnsku", "X003KQ7ZP1", "valid"),
        ("ups", "1Z12345E6605272234", "valid"),
        ("usps", "9400111201080805483016", "valid"),
        ("case_id", "1723459876", "valid"),
        ("reimbursement_id", "29377120448", "valid"),
        ("reference_id", "20081126439781", "valid"),
        ("lpn", "LPNRR9K2X7Q4T", "valid"),
        ("removal_order_id", "RMV-NB-0412", "valid"),
    ]


def test_full_width_and_zero_width_offsets_are_into_the_original() -> None:
    text = "见 １１３－７７４６２０１－５５８０９３４ 和 113-7746\u200b201-5580934\u200b。"
    found = extract(text)
    assert len(found) == 1  # the same order twice: folded to the first occurrence
    only = found[0]
    assert (only.kind, only.value) == ("order_id", "113-7746201-5580934")
    assert text[only.start : only.end] == "１１３－７７４６２０１－５５８０９３４"
    text = "x 113-7746\u200b201-5580934\u200b y"
    only = extract(text)[0]
    assert text[only.start : only.end] == "113-7746\u200b201-5580934"
    assert normalize(text[only.start : only.end], "order_id") == only.value


def test_pieces_of_longer_tokens_are_never_reported() -> None:
    text = (
        "serial 12345678901234567890123 and 9023159896139091612 and xB0C7QX3N5L "
        "B0C7QX3N5L-2 SKU-X003KQ7ZP1 FBA17XKQ9M2Z9999"
    )
    assert extract(text) == []
    # One character too many: the whole token is an invalid UPS number, never a valid piece.
    assert _pairs("see 1Z12345E66052722345") == [("ups", "1Z12345E66052722345", "invalid")]


def test_bare_digit_runs_need_a_context_word() -> None:
    assert extract("we shipped 1723459876 units, invoice 3318810025") == []
    assert _pairs("DHL waybill 3318810025") == [("dhl", "3318810025", "valid")]
    assert _pairs("ISBN 080442957X") == [("isbn10", "080442957X", "valid")]
    assert _pairs("案例编号 1723459876") == [("case_id", "1723459876", "valid")]
    # a context word with another number in between does not count
    assert _pairs("ISBN 080442957X, qty 1723459876") == [("isbn10", "080442957X", "valid")]


def test_bad_and_unverified_identifiers_are_reported_with_their_status() -> None:
    assert _pairs("tracking 1Z12345E6605272235 or UG123456789YP, EA123456789US") == [
        ("ups", "1Z12345E6605272235", "invalid"),
        ("tracking", "UG123456789YP", "unverified"),
        ("s10", "EA123456789US", "invalid"),
    ]


def test_seller_central_page_copy() -> None:
    text = (
        "Shipment name\tFBA STA (03/24/2026 14:02)-ONT8\nShipment ID\tFBA17XKQ9M2Z\n"
        "MSKU\tCW-MUG-11OZ-BLK\nFNSKU\tX003KQ7ZP1\nASIN\tB0C7QX3N5L\nUnits expected\t100\n"
        "Amazon Reference ID\t2TQ8J7QZ\nTracking ID TBA502887274000"
    )
    assert _pairs(text) == [
        ("shipment_id", "FBA17XKQ9M2Z", "valid"),
        ("fnsku", "X003KQ7ZP1", "valid"),
        ("asin", "B0C7QX3N5L", "valid"),
        ("amazon_logistics", "TBA502887274000", "valid"),
    ]


def test_never_raises_on_odd_input() -> None:
    assert extract("") == []
    assert extract("\x00\udcff\ufffd" * 50) == []
    assert extract(None) == []  # type: ignore[arg-type]
