"""Audit table, DHL, S10 postal, YunExpress, Amazon Logistics and carrier detection: (kind, input, status, normalized, carrier).

Used by ``tests/test_identifiers_audit.py``. Expected values were decided from
``design/identifiers.md`` and ``design/product.md``, not from the code. Real numbers come
from the public sources named in each group's comment (TND = jkeen/tracking_number_data
v2.0.0 ``couriers/*.json`` test numbers, MIT); near misses change one digit, swap adjacent
digits (only where the algorithm catches it) or use a wrong length, prefix or kind; rows marked
"shape" are synthetic values of the documented shape. ``None`` in the normalized or carrier
column means "not asserted".
"""

from __future__ import annotations

Row = tuple[str, str, str, "str | None", "str | None"]

POSTAL_ROWS: list[Row] = [
    # === amazon_logistics: TND = jkeen/tracking_number_data v2.0.0 couriers/amazon.json test_numbers (valid and invalid)
    # TND amazon.json valid
    ("amazon_logistics", "TBA000000000000", "valid", "TBA000000000000", "Amazon Logistics"),
    ("amazon_logistics", "TBA010000000000", "valid", "TBA010000000000", "Amazon Logistics"),
    (
        "amazon_logistics",
        " T B A 0 0 0 0 0 0 0 0 0 0 0 0 ",
        "valid",
        "TBA000000000000",
        "Amazon Logistics",
    ),
    ("amazon_logistics", "TBA502887274000", "valid", "TBA502887274000", "Amazon Logistics"),
    # TND v2 amazon.json
    ("amazon_logistics", "TBM502887274000", "valid", "TBM502887274000", "Amazon Logistics"),
    ("amazon_logistics", "TBC 000000000000", "valid", "TBC000000000000", "Amazon Logistics"),
    # TND README
    ("amazon_logistics", "TBA 487064622 000", "valid", "TBA487064622000", "Amazon Logistics"),
    # TND fixtures
    ("amazon_logistics", "TBA305938274011", "valid", "TBA305938274011", "Amazon Logistics"),
    # TND issue 2
    ("amazon_logistics", "TBA333656997000", "valid", "TBA333656997000", "Amazon Logistics"),
    # lowercase
    ("amazon_logistics", "tba502887274000", "valid", "TBA502887274000", "Amazon Logistics"),
    # full-width
    (
        "amazon_logistics",
        "ＴＢＡ５０２８８７２７４０００",
        "valid",
        "TBA502887274000",
        "Amazon Logistics",
    ),
    # zero-width
    ("amazon_logistics", "TBA502887274000\u200b", "valid", "TBA502887274000", "Amazon Logistics"),
    # TND amazon.json invalid / near miss
    ("amazon_logistics", "TBA50288727400A", "invalid", None, None),
    ("amazon_logistics", "000000000000000", "invalid", None, None),
    ("amazon_logistics", "000000000000", "invalid", None, None),
    ("amazon_logistics", "TBB000000000000", "invalid", None, None),
    ("amazon_logistics", "TBA50288727400", "invalid", None, None),
    ("amazon_logistics", "TBA5028872740001", "invalid", None, None),
    ("amazon_logistics", "1Z5R89390357567127", "invalid", None, None),
    ("amazon_logistics", "TBX502887274000", "invalid", None, None),
    ("amazon_logistics", "TBA5O2887274000", "invalid", None, None),
    # === dhl: TND couriers/dhl.json test_numbers (DHL Express, Express Air); JJD/GM shapes (TND)
    # TND dhl
    ("dhl", "3318810025", "valid", "3318810025", None),
    # TND
    ("dhl", "8487135506", "valid", "8487135506", None),
    ("dhl", "3318810036", "valid", "3318810036", None),
    ("dhl", " 3 3 1 8 8 1 0 0 3 6 ", "valid", "3318810036", None),
    ("dhl", "3318810014", "valid", "3318810014", None),
    # TND express air
    ("dhl", "73891051146", "valid", "73891051146", None),
    # DHL piece id
    ("dhl", "JJD0099999999", "valid", "JJD0099999999", None),
    # TND DHL eCommerce
    ("dhl", "GM2951173225174494", "valid", "GM2951173225174494", None),
    # spaces
    ("dhl", "331 881 0025", "valid", "3318810025", None),
    # full-width
    ("dhl", "３３１８８１００２５", "valid", "3318810025", None),
    # TND invalid / near miss
    ("dhl", "3318810010", "invalid", None, None),
    ("dhl", "3318810034", "invalid", None, None),
    ("dhl", "3318810011", "invalid", None, None),
    ("dhl", "73891051149", "invalid", None, None),
    ("dhl", "73891051147", "invalid", None, None),
    ("dhl", "3318810026", "invalid", None, None),
    ("dhl", "331881002", "invalid", None, None),
    ("dhl", "1Z5R89390357567127", "invalid", None, None),
    ("dhl", "33188100A5", "invalid", None, None),
    # === s10: TND couriers/s10.json test_numbers; identifiers.md §6 (EA/RR/LX123456789.. fail: the check digit is 5); TW/MO added in-house
    # TND s10
    ("s10", "RB123456785GB", "valid", "RB123456785GB", "Royal Mail"),
    ("s10", "RB123456785US", "valid", "RB123456785US", "USPS"),
    ("s10", "RB123456785CV", "valid", "RB123456785CV", None),
    ("s10", "RB123456785CF", "valid", "RB123456785CF", None),
    ("s10", " R B 1 2 3 4 5 6 7 8 5 C F ", "valid", "RB123456785CF", None),
    # corrected S10 example
    ("s10", "RR123456785CN", "valid", "RR123456785CN", "China Post"),
    # corrected
    ("s10", "LX123456785CN", "valid", "LX123456785CN", "China Post"),
    ("s10", "EA123456785US", "valid", "EA123456785US", "USPS"),
    # TW added in-house
    ("s10", "RB123456785TW", "valid", "RB123456785TW", "Chunghwa Post"),
    # MO added in-house
    ("s10", "RB123456785MO", "valid", "RB123456785MO", "Macau Post"),
    # HK
    ("s10", "RB123456785HK", "valid", "RB123456785HK", None),
    # parcel
    ("s10", "CP123456785CN", "valid", "CP123456785CN", "China Post"),
    # EMS
    ("s10", "EE123456785CN", "valid", "EE123456785CN", "China Post"),
    # Royal Mail domestic TT
    ("s10", "TT123456785GB", "valid", "TT123456785GB", "Royal Mail"),
    # Deutsche Post
    ("s10", "RB123456785DE", "valid", "RB123456785DE", None),
    # lowercase
    ("s10", "rr123456785cn", "valid", "RR123456785CN", "China Post"),
    # spaces
    ("s10", "RR 123 456 785 CN", "valid", "RR123456785CN", "China Post"),
    # full-width
    ("s10", "ＲＲ１２３４５６７８５ＣＮ", "valid", "RR123456785CN", "China Post"),
    # territory GI
    ("s10", "RB123456785GI", "valid", "RB123456785GI", None),
    # territory JE
    ("s10", "RB123456785JE", "valid", "RB123456785JE", None),
    # TND invalid / §6 failing examples / near miss
    ("s10", "RB123456786US", "invalid", None, None),
    ("s10", "RB123456785XX", "invalid", None, None),
    ("s10", "EA123456789US", "invalid", None, None),
    ("s10", "RR123456789CN", "invalid", None, None),
    ("s10", "LX123456789CN", "invalid", None, None),
    ("s10", "RB123456785UK", "invalid", None, None),
    ("s10", "RR12345678CN", "invalid", None, None),
    ("s10", "RR1234567855CN", "invalid", None, None),
    ("s10", "R1123456785CN", "invalid", None, None),
    ("s10", "RR12345678SCN", "invalid", None, None),
    ("s10", "1Z5R89390357567127", "invalid", None, None),
    # Yanwen pseudo-S10 (unverified)
    ("s10", "UG123456785YP", "unverified", None, None),
    ("s10", "UG123456789YP", "unverified", None, None),
    # one digit changed
    ("s10", "RR023456785CN", "invalid", None, None),
    ("s10", "RR103456785CN", "invalid", None, None),
    ("s10", "RR120456785CN", "invalid", None, None),
    ("s10", "RR123056785CN", "invalid", None, None),
    ("s10", "RR123406785CN", "invalid", None, None),
    ("s10", "RR123450785CN", "invalid", None, None),
    ("s10", "RR123456085CN", "invalid", None, None),
    ("s10", "RR123456705CN", "invalid", None, None),
    ("s10", "RR123456780CN", "invalid", None, None),
    # adjacent swap
    ("s10", "RR213456785CN", "invalid", None, None),
    ("s10", "RR132456785CN", "invalid", None, None),
    ("s10", "RR124356785CN", "invalid", None, None),
    ("s10", "RR123546785CN", "invalid", None, None),
    ("s10", "RR123465785CN", "invalid", None, None),
    ("s10", "RR123457685CN", "invalid", None, None),
    ("s10", "RR123456875CN", "invalid", None, None),
    ("s10", "RR123456758CN", "invalid", None, None),
    # === yunexpress: TND couriers/yunexpress.json test_numbers
    # TND yunexpress.json
    ("yunexpress", "YT2229521272164446", "valid", "YT2229521272164446", "YunExpress"),
    ("yunexpress", "YT2229521272164447", "valid", "YT2229521272164447", "YunExpress"),
    (
        "yunexpress",
        " Y T 2 2 2 9 5 2 1 2 7 2 1 6 4 4 4 7 ",
        "valid",
        "YT2229521272164447",
        "YunExpress",
    ),
    ("yunexpress", "yt2229521272164446", "valid", "YT2229521272164446", "YunExpress"),
    (
        "yunexpress",
        "ＹＴ２２２９５２１２７２１６４４４６",
        "valid",
        "YT2229521272164446",
        "YunExpress",
    ),
    ("yunexpress", "YT2229521272164446\u200b", "valid", "YT2229521272164446", "YunExpress"),
    # TND invalid / near miss
    ("yunexpress", "YT123456789012345", "invalid", None, None),
    ("yunexpress", "YT22295212721644461", "invalid", None, None),
    ("yunexpress", "YT222952127216444A", "invalid", None, None),
    ("yunexpress", "YX2229521272164446", "invalid", None, None),
    ("yunexpress", "1Z5R89390357567127", "invalid", None, None),
    # === tracking: each carrier's published numbers above, detected without a stated carrier
    # each carrier's published numbers
    ("tracking", "1Z5R89390357567127", "valid", None, "UPS"),
    ("tracking", "1ZWX0692YP40636269", "valid", None, "UPS"),
    ("tracking", "K2479825491", "valid", None, "UPS"),
    ("tracking", "9400111201080805483016", "valid", None, "USPS"),
    ("tracking", "03071790000523483741", "valid", None, "USPS"),
    ("tracking", "92748931507708513018050063", "valid", None, "USPS"),
    ("tracking", "420 22153 9101026837331000039521", "valid", None, "USPS"),
    ("tracking", "986578788855", "valid", None, "FedEx"),
    ("tracking", "449044304137821", "valid", None, "FedEx"),
    ("tracking", "9611020987654312345672", "valid", None, "FedEx"),
    ("tracking", "000123450000000027", "valid", None, "FedEx"),
    ("tracking", "1001921334250001000300779017972697", "valid", None, "FedEx"),
    ("tracking", "61299998820821171811", "valid", None, "FedEx"),
    ("tracking", "3318810025", "valid", None, "DHL"),
    ("tracking", "73891051146", "valid", None, "DHL"),
    ("tracking", "TBA502887274000", "valid", None, "Amazon Logistics"),
    ("tracking", "TBM502887274000", "valid", None, "Amazon Logistics"),
    ("tracking", "TBA000000000000", "valid", None, "Amazon Logistics"),
    ("tracking", "RR123456785CN", "valid", None, "China Post"),
    ("tracking", "RB123456785GB", "valid", None, "Royal Mail"),
    ("tracking", "RB123456785TW", "valid", None, "Chunghwa Post"),
    ("tracking", "YT2229521272164446", "valid", None, "YunExpress"),
    ("tracking", "JJD0099999999", "valid", None, "DHL"),
    ("tracking", "1z 5r8 939 03 5756 712 7", "valid", None, "UPS"),
    # no public format: unverified
    ("tracking", "UG123456785YP", "unverified", None, "Yanwen"),
    ("tracking", "LP00123456789012", "unverified", None, "Cainiao"),
    ("tracking", "CNUSUP00012345678", "unverified", None, "Cainiao"),
    ("tracking", "4PX3001234567890CN", "unverified", None, "4PX"),
    # near miss
    ("tracking", "1Z5R89390357567128", "invalid", None, None),
    ("tracking", "2Z5R89390357567127", "invalid", None, None),
    ("tracking", "TBB000000000000", "invalid", None, None),
    ("tracking", "RB123456785UK", "invalid", None, None),
    ("tracking", "EA123456789US", "invalid", None, None),
    ("tracking", "3318810010", "invalid", None, None),
    ("tracking", "9400111206206406260788", "invalid", None, None),
    ("tracking", "hello", "invalid", None, None),
    ("tracking", "", "invalid", None, None),
    ("tracking", "986578788856", "invalid", None, None),
]
