"""Audit table, UPS, USPS and FedEx: (kind, input, status, normalized, carrier).

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

PARCEL_ROWS: list[Row] = [
    # === ups: TND couriers/ups.json test_numbers; UPS Tracking Web Service Developer Guide (identifiers.md §6: only 3 pass); SP-API 1Z6A34Y60369738804/805
    # TND ups.json
    ("ups", "1Z5R89390357567127", "valid", "1Z5R89390357567127", "UPS"),
    # TND
    ("ups", "1Z879E930346834440", "valid", "1Z879E930346834440", "UPS"),
    ("ups", "1Z410E7W0392751591", "valid", "1Z410E7W0392751591", "UPS"),
    ("ups", "1Z8V92A70367203024", "valid", "1Z8V92A70367203024", "UPS"),
    ("ups", "1ZXX3150YW44070023", "valid", "1ZXX3150YW44070023", "UPS"),
    # UPS dev guide (passes)
    ("ups", "1Z12345E6605272234", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "1Z648616E192760718", "valid", "1Z648616E192760718", "UPS"),
    ("ups", "1ZWX0692YP40636269", "valid", "1ZWX0692YP40636269", "UPS"),
    # UPS public example
    ("ups", "1Z999AA10123456784", "valid", "1Z999AA10123456784", "UPS"),
    # SP-API example (804 passes)
    ("ups", "1Z6A34Y60369738804", "valid", "1Z6A34Y60369738804", "UPS"),
    # TND UPS waybill
    ("ups", "K2479825491", "valid", "K2479825491", "UPS"),
    ("ups", "V0490119172", "valid", "V0490119172", "UPS"),
    # UPS waybill fixture
    ("ups", "A1506235620", "valid", "A1506235620", "UPS"),
    # messy / documented last-digit swap blind spot
    ("ups", " 1 Z 8 V 9 2 A 7 0 3 6 7 2 0 3 0 2 4 ", "valid", "1Z8V92A70367203024", "UPS"),
    ("ups", "1zwx0692yp40636269", "valid", "1ZWX0692YP40636269", "UPS"),
    ("ups", "1Z 12345E 66 0527 2234", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "1Z12345E6605272234\u200b", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "１Ｚ１２３４５Ｅ６６０５２７２２３４", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "【1Z12345E6605272234】", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "1Z-12345E-66-0527-2234", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "UPS tracking: 1Z12345E6605272234", "valid", "1Z12345E6605272234", "UPS"),
    ("ups", "1Z12345E6605272243", "valid", "1Z12345E6605272243", "UPS"),
    # TND invalid / dev guide failing / near miss
    ("ups", "2Z5R89390357567127", "invalid", None, None),
    ("ups", "1A5R89390357567127", "invalid", None, None),
    ("ups", "1Z1111111111111111", "invalid", None, None),
    ("ups", "1Z12345E0205271688", "invalid", None, None),
    ("ups", "1Z12345E1305277940", "invalid", None, None),
    ("ups", "1Z6A34Y60369738805", "invalid", None, None),
    ("ups", "1Z5R89390357567128", "invalid", None, None),
    ("ups", "K2479825492", "invalid", None, None),
    ("ups", "A1506235621", "invalid", None, None),
    ("ups", "1Z5R8939035756712", "invalid", None, None),
    ("ups", "1Z5R893903575671277", "invalid", None, None),
    ("ups", "TBA502887274000", "invalid", None, None),
    ("ups", "1Z5R8939035756712#", "invalid", None, None),
    ("ups", "1Z12345E6605272234, 1ZWX0692YP40636269", "invalid", None, None),
    ("ups", "986578788855", "invalid", None, None),
    # one digit changed
    ("ups", "1Z0R89390357567127", "invalid", None, None),
    ("ups", "1Z5R80390357567127", "invalid", None, None),
    ("ups", "1Z5R89391357567127", "invalid", None, None),
    ("ups", "1Z5R89390350567127", "invalid", None, None),
    ("ups", "1Z5R89390357560127", "invalid", None, None),
    # adjacent swap
    ("ups", "1Z5R98390357567127", "invalid", None, None),
    ("ups", "1Z5R83990357567127", "invalid", None, None),
    ("ups", "1Z5R89930357567127", "invalid", None, None),
    ("ups", "1Z5R89309357567127", "invalid", None, None),
    ("ups", "1Z5R89393057567127", "invalid", None, None),
    ("ups", "1Z5R89390537567127", "invalid", None, None),
    ("ups", "1Z5R89390375567127", "invalid", None, None),
    ("ups", "1Z5R89390355767127", "invalid", None, None),
    ("ups", "1Z5R89390357657127", "invalid", None, None),
    ("ups", "1Z5R89390357576127", "invalid", None, None),
    ("ups", "1Z5R89390357561727", "invalid", None, None),
    ("ups", "1Z5R89390357567217", "invalid", None, None),
    # one digit changed
    ("ups", "1Z079E930346834440", "invalid", None, None),
    ("ups", "1Z879E931346834440", "invalid", None, None),
    ("ups", "1Z879E930340834440", "invalid", None, None),
    ("ups", "1Z879E930346830440", "invalid", None, None),
    # adjacent swap
    ("ups", "1Z789E930346834440", "invalid", None, None),
    ("ups", "1Z897E930346834440", "invalid", None, None),
    ("ups", "1Z879E390346834440", "invalid", None, None),
    ("ups", "1Z879E903346834440", "invalid", None, None),
    ("ups", "1Z879E933046834440", "invalid", None, None),
    ("ups", "1Z879E930436834440", "invalid", None, None),
    ("ups", "1Z879E930364834440", "invalid", None, None),
    ("ups", "1Z879E930348634440", "invalid", None, None),
    ("ups", "1Z879E930346384440", "invalid", None, None),
    ("ups", "1Z879E930346843440", "invalid", None, None),
    # === usps: TND couriers/usps.json test_numbers (USPS 20, 34v2, 91); USPS Pub 199 example 9212391234567812345670
    # TND usps.json
    ("usps", "0307 1790 0005 2348 3741", "valid", "03071790000523483741", "USPS"),
    # TND
    (
        "usps",
        " 0 3 0 7   1 7 9 0   0 0 0 5   2 3 4 8   3 7 4 1 ",
        "valid",
        "03071790000523483741",
        "USPS",
    ),
    ("usps", "7112 3456 7891 2345 6787", "valid", "71123456789123456787", "USPS"),
    # TND 34v2
    ("usps", "4201002334249200190132607600833457", "valid", None, "USPS"),
    ("usps", "4201028200009261290113185417468510", "valid", None, "USPS"),
    # TND USPS 91
    ("usps", "420 22153 9101026837331000039521", "valid", None, "USPS"),
    ("usps", "7196 9010 7560 0307 7385", "valid", "71969010756003077385", "USPS"),
    # TND
    ("usps", "9505 5110 6960 5048 6006 24", "valid", "9505511069605048600624", "USPS"),
    ("usps", "9101 1234 5678 9000 0000 13", "valid", "9101123456789000000013", "USPS"),
    # TND IMpb 26
    ("usps", "92748931507708513018050063", "valid", "92748931507708513018050063", "USPS"),
    # TND
    ("usps", "9400 1112 0108 0805 4830 16", "valid", "9400111201080805483016", "USPS"),
    ("usps", "9361 2898 7870 0317 6337 95", "valid", "9361289878700317633795", "USPS"),
    ("usps", "9405803699300124287899", "valid", "9405803699300124287899", "USPS"),
    # TND fixtures
    ("usps", "9400111206206406260787", "valid", "9400111206206406260787", "USPS"),
    # USPS Pub 199 example
    ("usps", "9212391234567812345670", "valid", "9212391234567812345670", "USPS"),
    # 420+ZIP5
    ("usps", "420787459400111206206406260787", "valid", None, "USPS"),
    ("usps", "420902459261290336128704042634", "valid", None, "USPS"),
    # TND s10 (US)
    ("usps", "RB123456785US", "valid", "RB123456785US", "USPS"),
    # dashes
    ("usps", "9400-1112-0108-0805-4830-16", "valid", "9400111201080805483016", "USPS"),
    # full-width
    (
        "usps",
        "９４００１１１２０１０８０８０５４８３０１６",
        "valid",
        "9400111201080805483016",
        "USPS",
    ),
    # TND invalid / near miss
    ("usps", "0307 1790 0005 2348 3742", "invalid", None, None),
    ("usps", "4201028200009261290113185417468511", "invalid", None, None),
    ("usps", "61299998820821171811", "invalid", None, None),
    ("usps", "9200000000000000000000", "invalid", None, None),
    ("usps", "420000000000000000000000000000", "invalid", None, None),
    ("usps", "420000009200000000000000000000", "invalid", None, None),
    ("usps", "9400111206206406260788", "invalid", None, None),
    ("usps", "9101123456789000000014", "invalid", None, None),
    ("usps", "RB123456786US", "invalid", None, None),
    ("usps", "940011120108080548301", "invalid", None, None),
    ("usps", "94001112010808054830166", "invalid", None, None),
    ("usps", "1Z5R89390357567127", "invalid", None, None),
    ("usps", "TBA502887274000", "invalid", None, None),
    # one digit changed
    ("usps", "9410111201080805483016", "invalid", None, None),
    ("usps", "9400110201080805483016", "invalid", None, None),
    ("usps", "9400111201180805483016", "invalid", None, None),
    ("usps", "9400111201080815483016", "invalid", None, None),
    ("usps", "9400111201080805480016", "invalid", None, None),
    # adjacent swap
    ("usps", "9400111201800805483016", "invalid", None, None),
    ("usps", "9400111201088005483016", "invalid", None, None),
    ("usps", "9400111201080805843016", "invalid", None, None),
    ("usps", "9400111201080805480316", "invalid", None, None),
    # one digit changed
    ("usps", "9301289878700317633795", "invalid", None, None),
    ("usps", "9361280878700317633795", "invalid", None, None),
    ("usps", "9361289878000317633795", "invalid", None, None),
    ("usps", "9361289878700307633795", "invalid", None, None),
    ("usps", "9361289878700317630795", "invalid", None, None),
    # adjacent swap
    ("usps", "9361289878070317633795", "invalid", None, None),
    ("usps", "9361289878703017633795", "invalid", None, None),
    ("usps", "9361289878700371633795", "invalid", None, None),
    ("usps", "9361289878700317363795", "invalid", None, None),
    ("usps", "9361289878700317637395", "invalid", None, None),
    # === fedex: TND couriers/fedex.json test_numbers; FedEx published mock numbers (identifiers.md §6)
    # TND fedex 12
    ("fedex", "986578788855", "valid", "986578788855", "FedEx"),
    # TND
    ("fedex", "477179081230", "valid", "477179081230", "FedEx"),
    ("fedex", "799531274483", "valid", "799531274483", "FedEx"),
    ("fedex", " 7 9 0 5 3 5 3 1 2 3 1 7 ", "valid", "790535312317", "FedEx"),
    ("fedex", "974367662710", "valid", "974367662710", "FedEx"),
    # FedEx mock
    ("fedex", "797615467620", "valid", "797615467620", "FedEx"),
    ("fedex", "771613423732", "valid", "771613423732", "FedEx"),
    # FedEx mock 15
    ("fedex", "449044304137821", "valid", "449044304137821", "FedEx"),
    ("fedex", "122816215025810", "valid", "122816215025810", "FedEx"),
    # TND ground
    ("fedex", "0414 4176 0228 964", "valid", "041441760228964", "FedEx"),
    ("fedex", "5682 8361 0012 000", "valid", "568283610012000", "FedEx"),
    ("fedex", "5682 8361 0012 734", "valid", "568283610012734", "FedEx"),
    # TND SSCC
    ("fedex", "00 0123 4500 0000 0027", "valid", "000123450000000027", "FedEx"),
    # TND ground 96
    ("fedex", "9611020987654312345672", "valid", "9611020987654312345672", "FedEx"),
    # TND express 34
    ("fedex", "1001921334250001000300779017972697", "valid", None, "FedEx"),
    ("fedex", "1002297871540001000300790695517286", "valid", None, "FedEx"),
    # TND GSN
    ("fedex", "9622001560001234567100794808390594", "valid", None, "FedEx"),
    ("fedex", "9632001560123456789900794808390594", "valid", None, "FedEx"),
    # TND SmartPost 20
    ("fedex", "61299998820821171811", "valid", "61299998820821171811", "FedEx"),
    # TND SmartPost 22
    ("fedex", "9261292700768711948021", "valid", "9261292700768711948021", "FedEx"),
    # dashes
    ("fedex", "7976-1546-7620", "valid", "797615467620", "FedEx"),
    # full-width
    ("fedex", "９８６５７８７８８８５５", "valid", "986578788855", "FedEx"),
    # TND invalid / near miss
    ("fedex", "996578788855", "invalid", None, None),
    ("fedex", "986578788856", "invalid", None, None),
    ("fedex", "1001901781990001000300617767839438", "invalid", None, None),
    ("fedex", "9261292700768711948020", "invalid", None, None),
    ("fedex", "5682 8361 0012 732", "invalid", None, None),
    ("fedex", "000000000000000001", "invalid", None, None),
    ("fedex", "9600000000000000000001", "invalid", None, None),
    ("fedex", "9622001560001234567100794808390595", "invalid", None, None),
    ("fedex", "9622001560001234567100794808390597", "invalid", None, None),
    ("fedex", "041441760228965", "invalid", None, None),
    ("fedex", "9611020987654312345673", "invalid", None, None),
    ("fedex", "98657878885", "invalid", None, None),
    ("fedex", "1Z5R89390357567127", "invalid", None, None),
    ("fedex", "TBA502887274000", "invalid", None, None),
    # one digit changed
    ("fedex", "086578788855", "invalid", None, None),
    ("fedex", "986078788855", "invalid", None, None),
    ("fedex", "986578088855", "invalid", None, None),
    ("fedex", "986578788055", "invalid", None, None),
    ("fedex", "097615467620", "invalid", None, None),
    ("fedex", "797015467620", "invalid", None, None),
    ("fedex", "797615167620", "invalid", None, None),
    ("fedex", "797615467020", "invalid", None, None),
    ("fedex", "049044304137821", "invalid", None, None),
    ("fedex", "449144304137821", "invalid", None, None),
    ("fedex", "449044004137821", "invalid", None, None),
    ("fedex", "449044304037821", "invalid", None, None),
    ("fedex", "449044304137021", "invalid", None, None),
]
