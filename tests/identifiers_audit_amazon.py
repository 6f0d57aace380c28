"""Audit table, Amazon and product identifiers: (kind, input, status, normalized, carrier).

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

AMAZON_ROWS: list[Row] = [
    # === order_id: SP-API models/orders-api-model/ordersV0.json (902-3159896-1390916), SP-API sandbox getOrders (902-1845936-5435065, 902-8745147-1934268), SC help 200453120 (058-/S01-3718414-0463502); D0x digital orders (identifiers.md §2)
    # SP-API ordersV0 example
    ("order_id", "902-3159896-1390916", "valid", "902-3159896-1390916", None),
    # SP-API sandbox getOrders
    ("order_id", "902-1845936-5435065", "valid", "902-1845936-5435065", None),
    ("order_id", "902-8745147-1934268", "valid", "902-8745147-1934268", None),
    # SC help 200453120
    ("order_id", "058-3718414-0463502", "valid", "058-3718414-0463502", None),
    ("order_id", "S01-3718414-0463502", "valid", "S01-3718414-0463502", None),
    # shape: D0x digital order
    ("order_id", "D01-3718414-0463502", "valid", "D01-3718414-0463502", None),
    # shape 3-7-7
    ("order_id", "113-7645221-0937065", "valid", "113-7645221-0937065", None),
    ("order_id", "249-1111111-1111111", "valid", "249-1111111-1111111", None),
    # shape S0x
    ("order_id", "S02-1234567-7654321", "valid", "S02-1234567-7654321", None),
    # messy form of SP-API example
    ("order_id", "９０２－３１５９８９６－１３９０９１６", "valid", "902-3159896-1390916", None),
    ("order_id", "902-3159896-1390916\u200b", "valid", "902-3159896-1390916", None),
    ("order_id", "\u200b902\u200d-3159896-1390916\ufeff", "valid", "902-3159896-1390916", None),
    ("order_id", "902——3159896——1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902–3159896–1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902—3159896—1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902−3159896−1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902ー3159896ー1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "【902-3159896-1390916】。", "valid", "902-3159896-1390916", None),
    ("order_id", "「902-3159896-1390916」", "valid", "902-3159896-1390916", None),
    ("order_id", "（902-3159896-1390916）", "valid", "902-3159896-1390916", None),
    ("order_id", "Order #902-3159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "order # 902-3159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "#902-3159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "Order ID: 902-3159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "订单号：902-3159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "\u3000902-3159896-1390916 ", "valid", "902-3159896-1390916", None),
    ("order_id", "\t902-3159896-1390916\n", "valid", "902-3159896-1390916", None),
    ("order_id", '"902-3159896-1390916"', "valid", "902-3159896-1390916", None),
    ("order_id", "'902-3159896-1390916'", "valid", "902-3159896-1390916", None),
    ("order_id", "902-3159896-1390916。", "valid", "902-3159896-1390916", None),
    ("order_id", "902-3159896-1390916，", "valid", "902-3159896-1390916", None),
    ("order_id", "90231598961390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902 3159896 1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "9023-159896-1390916", "valid", "902-3159896-1390916", None),
    ("order_id", "902-31598961390916", "valid", "902-3159896-1390916", None),
    ("order_id", "９０２３１５９８９６１３９０９１６", "valid", "902-3159896-1390916", None),
    ("order_id", "902\xa03159896\xa01390916", "valid", "902-3159896-1390916", None),
    # lowercase S0x
    ("order_id", "s01-3718414-0463502", "valid", "S01-3718414-0463502", None),
    # lowercase D0x
    ("order_id", "d01-3718414-0463502", "valid", "D01-3718414-0463502", None),
    # bare S0x
    ("order_id", "S0137184140463502", "valid", "S01-3718414-0463502", None),
    # near miss
    ("order_id", "902-3159896-139091", "invalid", None, None),
    ("order_id", "902-3159896-13909166", "invalid", None, None),
    ("order_id", "902-315989-1390916", "invalid", None, None),
    ("order_id", "9023159896139091", "invalid", None, None),
    ("order_id", "902315989613909166", "invalid", None, None),
    ("order_id", "9O2-3159896-1390916", "invalid", None, None),
    ("order_id", "902-3159896-139O916", "invalid", None, None),
    ("order_id", "902-3l59896-1390916", "invalid", None, None),
    ("order_id", "902_3159896_1390916", "invalid", None, None),
    ("order_id", "A02-3159896-1390916", "invalid", None, None),
    ("order_id", "X01-3718414-0463502", "invalid", None, None),
    ("order_id", "902-3159896-1390916, 058-3718414-0463502", "invalid", None, None),
    ("order_id", "FBA15DJ9S3J5", "invalid", None, None),
    ("order_id", "1Z12345E6605272234", "invalid", None, None),
    ("order_id", "", "invalid", None, None),
    ("order_id", "902-3159896-139091A", "invalid", None, None),
    ("order_id", "B0000COYXD", "invalid", None, None),
    ("order_id", "٩٠٢-٣١٥٩٨٩٦-١٣٩٠٩١٦", "invalid", None, None),
    ("order_id", "902.3159896.1390916x", "invalid", None, None),
    # === asin: SC help G4FKT5KQWFFJ7LDN (B0000COYXD); numeric ASINs are ISBN-10s (identifiers.md §2)
    # SC help G4FKT5KQWFFJ7LDN
    ("asin", "B0000COYXD", "valid", "B0000COYXD", None),
    # public sandbox ASIN
    ("asin", "B00551Q3CS", "valid", "B00551Q3CS", None),
    # shape B+9
    ("asin", "B0GTMNFLM3", "valid", "B0GTMNFLM3", None),
    ("asin", "B07N4M94X4", "valid", "B07N4M94X4", None),
    ("asin", "B09XYZ0001", "valid", "B09XYZ0001", None),
    # messy SC help ASIN
    ("asin", "b0000coyxd", "valid", "B0000COYXD", None),
    ("asin", " B0000COYXD ", "valid", "B0000COYXD", None),
    ("asin", "B0000COYXD\u200b", "valid", "B0000COYXD", None),
    ("asin", "【B0000COYXD】", "valid", "B0000COYXD", None),
    ("asin", "ASIN: B0000COYXD", "valid", "B0000COYXD", None),
    ("asin", "Ｂ００００ＣＯＹＸＤ", "valid", "B0000COYXD", None),
    ("asin", '"B0000COYXD"', "valid", "B0000COYXD", None),
    ("asin", "B0000COYXD。", "valid", "B0000COYXD", None),
    # numeric ASIN = valid ISBN-10
    ("asin", "0306406152", "valid", "0306406152", None),
    ("asin", "080442957X", "valid", "080442957X", None),
    ("asin", "080442957x", "valid", "080442957X", None),
    ("asin", "0471958697", "valid", "0471958697", None),
    ("asin", "1566199093", "valid", "1566199093", None),
    ("asin", "0321146530", "valid", "0321146530", None),
    # near miss / wrong kind
    ("asin", "0306406153", "invalid", None, None),
    ("asin", "0306406125", "invalid", None, None),
    ("asin", "0471958679", "invalid", None, None),
    ("asin", "X00000E5TX", "invalid", None, None),
    ("asin", "X0014BIZ8T", "invalid", None, None),
    ("asin", "B0000COYX", "invalid", None, None),
    ("asin", "B0000COYXD1", "invalid", None, None),
    ("asin", "A0000COYXD", "invalid", None, None),
    ("asin", "B0000COY_XD", "invalid", None, None),
    ("asin", "FBA15DJ9S3J5", "invalid", None, None),
    ("asin", "", "invalid", None, None),
    ("asin", "1234567890123", "invalid", None, None),
    ("asin", "B0000COYXD B00551Q3CS", "invalid", None, None),
    # === isbn10: Wikipedia / python-stdnum examples (0-306-40615-2, 0-8044-2957-X)
    # ISBN-10 (Wikipedia/stdnum examples)
    ("isbn10", "0306406152", "valid", "0306406152", None),
    ("isbn10", "0-306-40615-2", "valid", "0306406152", None),
    ("isbn10", "080442957X", "valid", "080442957X", None),
    ("isbn10", "080442957x", "valid", "080442957X", None),
    ("isbn10", "0-8044-2957-X", "valid", "080442957X", None),
    ("isbn10", "0471958697", "valid", "0471958697", None),
    ("isbn10", "0 471 95869 7", "valid", "0471958697", None),
    ("isbn10", "1566199093", "valid", "1566199093", None),
    ("isbn10", "1-56619-909-3", "valid", "1566199093", None),
    ("isbn10", "0321146530", "valid", "0321146530", None),
    ("isbn10", "０３０６４０６１５２", "valid", "0306406152", None),
    ("isbn10", "ISBN 0-306-40615-2", "valid", "0306406152", None),
    ("isbn10", "0306406152\u200b", "valid", "0306406152", None),
    # one digit changed
    ("isbn10", "1306406152", "invalid", None, None),
    ("isbn10", "0006406152", "invalid", None, None),
    ("isbn10", "0316406152", "invalid", None, None),
    ("isbn10", "0300406152", "invalid", None, None),
    ("isbn10", "0306006152", "invalid", None, None),
    ("isbn10", "0306416152", "invalid", None, None),
    ("isbn10", "0306400152", "invalid", None, None),
    ("isbn10", "0306406052", "invalid", None, None),
    ("isbn10", "0306406102", "invalid", None, None),
    # adjacent swap
    ("isbn10", "3006406152", "invalid", None, None),
    ("isbn10", "0036406152", "invalid", None, None),
    ("isbn10", "0360406152", "invalid", None, None),
    ("isbn10", "0304606152", "invalid", None, None),
    ("isbn10", "0306046152", "invalid", None, None),
    ("isbn10", "0306460152", "invalid", None, None),
    ("isbn10", "0306401652", "invalid", None, None),
    ("isbn10", "0306406512", "invalid", None, None),
    ("isbn10", "0306406125", "invalid", None, None),
    # wrong length/kind
    ("isbn10", "030640615", "invalid", None, None),
    ("isbn10", "03064061522", "invalid", None, None),
    ("isbn10", "9780306406157", "invalid", None, None),
    ("isbn10", "B0000COYXD", "invalid", None, None),
    ("isbn10", "03O6406152", "invalid", None, None),
    ("isbn10", "080442957Y", "invalid", None, None),
    # === fnsku: SC help 200989100 (X00000E5TX), SP-API getShipmentItems example (X0014BIZ8T)
    # SC help 200989100
    ("fnsku", "X00000E5TX", "valid", "X00000E5TX", None),
    # SP-API getShipmentItems example
    ("fnsku", "X0014BIZ8T", "valid", "X0014BIZ8T", None),
    # shape X0+8
    ("fnsku", "X0051OGUDR", "valid", "X0051OGUDR", None),
    ("fnsku", "X001ABC123", "valid", "X001ABC123", None),
    # messy FNSKU
    ("fnsku", "x0014biz8t", "valid", "X0014BIZ8T", None),
    ("fnsku", " X0014BIZ8T\u200b", "valid", "X0014BIZ8T", None),
    ("fnsku", "FNSKU: X00000E5TX", "valid", "X00000E5TX", None),
    ("fnsku", "【X00000E5TX】", "valid", "X00000E5TX", None),
    ("fnsku", "Ｘ０００００Ｅ５ＴＸ", "valid", "X00000E5TX", None),
    # ASIN as FNSKU (stickerless)
    ("fnsku", "B0000COYXD", "valid", "B0000COYXD", None),
    # near miss
    ("fnsku", "X0014BIZ8", "invalid", None, None),
    ("fnsku", "X0014BIZ8TT", "invalid", None, None),
    ("fnsku", "X1014BIZ8T", "invalid", None, None),
    ("fnsku", "LPNRR9K2X7Q4T", "invalid", None, None),
    ("fnsku", "FBA15DJ9S3J5", "invalid", None, None),
    ("fnsku", "X0014BIZ_8", "invalid", None, None),
    ("fnsku", "", "invalid", None, None),
    ("fnsku", "902-3159896-1390916", "invalid", None, None),
    # === shipment_id: SP-API fulfillmentInbound models (FBA15DJ9S3J5, FBA1234ABCD); sh…/wf… IDs of the 2024-03-20 Inbound model
    # SP-API
    ("shipment_id", "FBA15DJ9S3J5", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "FBA1234ABCD", "valid", "FBA1234ABCD", None),
    # shape
    ("shipment_id", "FBA15G7TJQNF", "valid", "FBA15G7TJQNF", None),
    ("shipment_id", "FBA15J7NWV27", "valid", "FBA15J7NWV27", None),
    ("shipment_id", "FBA15HW9S335", "valid", "FBA15HW9S335", None),
    # product.md
    ("shipment_id", "FBA17XKQ9M2Z", "valid", "FBA17XKQ9M2Z", None),
    # shape
    ("shipment_id", "FBA15KYVTSMJ", "valid", "FBA15KYVTSMJ", None),
    # shape 8
    ("shipment_id", "FBA12345678", "valid", "FBA12345678", None),
    # shape 10
    ("shipment_id", "FBA1234567890", "valid", "FBA1234567890", None),
    # messy SP-API shipment id
    ("shipment_id", "fba15dj9s3j5", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", " FBA15DJ9S3J5 ", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "FBA15DJ9S3J5\u200b", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "【FBA15DJ9S3J5】", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "Shipment ID: FBA15DJ9S3J5", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "货件号：FBA15DJ9S3J5", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "ＦＢＡ１５ＤＪ９Ｓ３Ｊ５", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", "FBA15DJ9S3J5。", "valid", "FBA15DJ9S3J5", None),
    ("shipment_id", '"FBA15DJ9S3J5"', "valid", "FBA15DJ9S3J5", None),
    # near miss / wrong kind
    ("shipment_id", "FBA15DJ9S3_J5", "invalid", None, None),
    ("shipment_id", "FBA1234567", "invalid", None, None),
    ("shipment_id", "FBA12345678901", "invalid", None, None),
    ("shipment_id", "sh1234abcd-1234-abcd-5678-1234abcd5678", "invalid", None, None),
    ("shipment_id", "wf1234abcd-1234-abcd-5678-1234abcd5678", "invalid", None, None),
    ("shipment_id", "FBA15DJ9S3J5U000001", "invalid", None, None),
    ("shipment_id", "FBB15DJ9S3J5", "invalid", None, None),
    ("shipment_id", "15DJ9S3J5", "invalid", None, None),
    ("shipment_id", "1A2B3C4D", "invalid", None, None),
    ("shipment_id", "FBA15DJ9S3J5 FBA15G7TJQNF", "invalid", None, None),
    ("shipment_id", "", "invalid", None, None),
    ("shipment_id", "902-3159896-1390916", "invalid", None, None),
    # === gtin: GS1 / Wikipedia / python-stdnum docs examples (identifiers.md §2)
    # UPC-A (Wikipedia)
    ("gtin", "036000291452", "valid", "036000291452", None),
    # EAN-13 (Wikipedia)
    ("gtin", "4006381333931", "valid", "4006381333931", None),
    # GTIN-14 (stdnum docs)
    ("gtin", "98412345678908", "valid", "98412345678908", None),
    # EAN-8
    ("gtin", "73513537", "valid", "73513537", None),
    # UPC-A
    ("gtin", "012345678905", "valid", "012345678905", None),
    # ISBN-13 as GTIN
    ("gtin", "9780306406157", "valid", "9780306406157", None),
    # EAN-13 GS1 example
    ("gtin", "5901234123457", "valid", "5901234123457", None),
    # spaces
    ("gtin", "4 006381 333931", "valid", "4006381333931", None),
    # hyphens
    ("gtin", "0-36000-29145-2", "valid", "036000291452", None),
    # full-width
    ("gtin", "０３６０００２９１４５２", "valid", "036000291452", None),
    # label
    ("gtin", "UPC: 036000291452", "valid", "036000291452", None),
    # near miss
    ("gtin", "036000291453", "invalid", None, None),
    ("gtin", "4006381333932", "invalid", None, None),
    ("gtin", "036000291425", "invalid", None, None),
    ("gtin", "12345", "invalid", None, None),
    ("gtin", "03600029145", "invalid", None, None),
    ("gtin", "O36000291452", "invalid", None, None),
    ("gtin", "B0000COYXD", "invalid", None, None),
    ("gtin", "4006381333931 036000291452", "invalid", None, None),
    # one digit changed
    ("gtin", "0006381333931", "invalid", None, None),
    ("gtin", "4000381333931", "invalid", None, None),
    ("gtin", "4006380333931", "invalid", None, None),
    ("gtin", "4006381330931", "invalid", None, None),
    # === case_id: 10 digits, 11 reported (identifiers.md §2; product.md)
    # case id 10 (11 reported)
    ("case_id", "7234567891", "valid", "7234567891", None),
    ("case_id", "Case ID: 7234567891", "valid", "7234567891", None),
    ("case_id", "案例编号：7234567891", "valid", "7234567891", None),
    ("case_id", "７２３４５６７８９１", "valid", "7234567891", None),
    ("case_id", "18012345678", "valid", "18012345678", None),
    ("case_id", " 7234567891\u200b", "valid", "7234567891", None),
    # not digits
    ("case_id", "72345678A1", "invalid", None, None),
    ("case_id", "", "invalid", None, None),
    ("case_id", "72345-67891x", "invalid", None, None),
    # 9 digits: warn, don't hard-reject
    ("case_id", "723456789", "unverified", None, None),
    # 12 digits: warn, don't hard-reject
    ("case_id", "723456789012", "unverified", None, None),
    # === reimbursement_id: lenient 6–15 digits (identifiers.md §2)
    # lenient 6-15 digits
    ("reimbursement_id", "58214930176", "valid", "58214930176", None),
    ("reimbursement_id", "98765432109", "valid", "98765432109", None),
    ("reimbursement_id", "123456", "valid", "123456", None),
    ("reimbursement_id", "402918375564012", "valid", "402918375564012", None),
    ("reimbursement_id", "31557820941", "valid", "31557820941", None),
    # judgement: nothing but a placeholder run
    ("reimbursement_id", "12345678901", "invalid", None, None),
    ("reimbursement_id", "123456789012345", "invalid", None, None),
    ("reimbursement_id", "00000000000", "invalid", None, None),
    # letters
    ("reimbursement_id", "ABC123", "invalid", None, None),
    ("reimbursement_id", "R-12345678901x", "invalid", None, None),
    # === reference_id: 14-digit ledger adjustment ID or FBA shipment ID (reports.md)
    # judgement: nothing but a placeholder run
    ("reference_id", "12345678901234", "invalid", None, None),
    # ledger reference (reports.md)
    ("reference_id", "20293458172374", "valid", "20293458172374", None),
    ("reference_id", "FBA15DJ9S3J5", "valid", "FBA15DJ9S3J5", None),
    ("reference_id", "48213907654", "valid", "48213907654", None),
    # near miss
    ("reference_id", "ABCDEFG", "invalid", None, None),
    ("reference_id", "12", "invalid", None, None),
    # === removal_order_id: free text, 1–40 printable (SC help 200989110: my-order)
    # SC help 200989110 (free text)
    ("removal_order_id", "my-order", "valid", "my-order", None),
    ("removal_order_id", "  my-order  ", "valid", "my-order", None),
    ("removal_order_id", "Removal 2026-03 batch A", "valid", "Removal 2026-03 batch A", None),
    ("removal_order_id", "R1234567", "valid", "R1234567", None),
    (
        "removal_order_id",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "valid",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        None,
    ),
    ("removal_order_id", "退货-0312", "valid", "退货-0312", None),
    # empty / >40
    ("removal_order_id", "", "invalid", None, None),
    ("removal_order_id", "   ", "invalid", None, None),
    ("removal_order_id", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "invalid", None, None),
    # === lpn: LPN + 10 characters (reports.md)
    # reports.md: LPN + 10
    ("lpn", "LPNRR9K2X7Q4T", "valid", "LPNRR9K2X7Q4T", None),
    ("lpn", "lpnrr9k2x7q4t", "valid", "LPNRR9K2X7Q4T", None),
    ("lpn", "LPN1234567890", "valid", "LPN1234567890", None),
    # near miss
    ("lpn", "LPNRR9K2X7Q4", "invalid", None, None),
    ("lpn", "LPNRR9K2X7Q4TT", "invalid", None, None),
    ("lpn", "X0014BIZ8T", "invalid", None, None),
    # === sku: user data, trimmed only (identifiers.md §2, §4)
    # SKU: trim only
    ("sku", "my-sku_01", "valid", "my-sku_01", None),
    ("sku", "  my-sku_01  ", "valid", "my-sku_01", None),
    ("sku", "SEMI-SWC-18-BLKRED-STKLS", "valid", "SEMI-SWC-18-BLKRED-STKLS", None),
    ("sku", "蓝色-XL/2件装", "valid", "蓝色-XL/2件装", None),
    ("sku", "ＳＫＵ－１", "valid", "ＳＫＵ－１", None),
    ("sku", "a b c", "valid", "a b c", None),
    ("sku", "NABetaASINB00551Q3CS", "valid", "NABetaASINB00551Q3CS", None),
    ("sku", "sku#1 (red)", "valid", "sku#1 (red)", None),
    (
        "sku",
        "ssssssssssssssssssssssssssssssssssssssss",
        "valid",
        "ssssssssssssssssssssssssssssssssssssssss",
        None,
    ),
    ("sku", "【SKU】", "valid", "【SKU】", None),
    # empty
    ("sku", "", "invalid", None, None),
]
