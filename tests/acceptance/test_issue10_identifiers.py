"""Acceptance, issue 10 §6: identifier near-misses are invalid ids of the kind they resemble,
with the reason, never a valid (or "unverified", exit 0) id of another kind.

Driven through the real ``check`` and ``extract`` commands. Each value is a typo a seller
makes when copying an id (a digit dropped or doubled, a group lost, a letter for a digit);
the expected kind and reason come from identifiers.md (§2 shapes, §4 "reject, suggest the
fix"), not from the code under test.
"""

from __future__ import annotations

import json
from typing import Any

from tests.conftest import CliResult


def check_one(cli: Any, value: str, *extra: str) -> dict[str, Any]:
    res: CliResult = cli("check", "--json", *extra, "--", value)
    assert "Traceback" not in res.err and "internal error" not in res.err, res.err
    (result,) = json.loads(res.out)
    assert res.code == (0 if result["status"] in ("valid", "unverified") else 2), res
    return dict(result)


# (value, kind it resembles, words the reason must hold)
NEAR_MISSES_HELD = [
    ("113-7746201-558093", "order_id", "6 digits, 7 expected"),  # the example
    ("113-7746201-55809312", "order_id", "8 digits, 7 expected"),
    ("11-7746201-5580931", "order_id", "2 digits, 3 expected"),
    ("113-774620-5580931", "order_id", "6 digits, 7 expected"),
    ("113–7746201–558093", "order_id", "6 digits"),  # en dashes from a web page
    ("１１３－７７４６２０１－５５８０９３", "order_id", "6 digits"),  # full-width IME input
    ("S01-3718414-046350", "order_id", "6 digits"),
    ("9O2-3159896-1390916", "order_id", "letter O"),
    ("B0C7QX2M4", "asin", "9 characters"),
    ("B0C7QX2M4KK", "asin", "11 characters"),
    ("X003KQ7ZP", "fnsku", "9 characters"),
    ("XO0000E5TX", "fnsku", "letter O"),
    ("FBA17XKQ", "shipment_id", "5 after FBA"),
    ("FBA17XKQ9M2ZAB", "shipment_id", "11 after FBA"),
    ("FBA15DJ9S3_J5", "shipment_id", "underscore"),
    ("TBA00000000000", "amazon_logistics", "11 characters"),
    ("TBX000000000000", "amazon_logistics", "'TBX'"),
    ("1Z12345E660527223", "ups", "17"),
    ("1Z12345E6605272235", "ups", "check digit"),
    ("EA12345678US", "s10", "8 digits"),
    ("RR123456785UK", "s10", "GB"),
    ("LPNRR9K2X7Q4", "lpn", "9 after LPN"),
    ("YT123456789012345", "yunexpress", "15"),
    ("4006381333932", "gtin", "check digit"),
]


def test_near_misses_are_invalid_ids_of_their_kind(cli: Any) -> None:
    res = cli("check", "--json", "--", *[value for value, _kind, _says in NEAR_MISSES_HELD])
    assert res.code == 2 and "Traceback" not in res.err, res
    results = json.loads(res.out)
    assert len(results) == len(NEAR_MISSES_HELD)
    wrong = [
        (value, result["status"], result["kind"], result["reason"])
        for (value, kind, says), result in zip(NEAR_MISSES_HELD, results, strict=True)
        if (result["status"], result["kind"]) != ("invalid", kind)
        or says not in (result["reason"] or "")
    ]
    assert wrong == []


def test_order_id_missing_its_last_group_is_not_a_valid_case_id(cli: Any) -> None:
    """``902-3159896``: an order id whose last 7 digits were not copied. Answered as a valid
    Seller Central case id (the dashes dropped), the same fall-through as the issue's
    ``113-7746201-558093`` → "valid reference_id"."""
    result = check_one(cli, "902-3159896")
    assert result["status"] == "invalid" and result["kind"] == "order_id", result


def test_order_id_missing_its_first_group_is_an_invalid_order_id(cli: Any) -> None:
    result = check_one(cli, "3159896-1390916")
    assert result["status"] == "invalid" and result["kind"] == "order_id", result


def test_order_id_with_an_extra_group_is_not_an_unverified_tracking_number(cli: Any) -> None:
    result = check_one(cli, "902-3159896-1390916-1")
    assert result["status"] == "invalid" and result["kind"] == "order_id", result


def test_s10_with_a_look_alike_letter_is_invalid_with_the_fix(cli: Any) -> None:
    """identifiers.md §4: letter O for 0, l/I for 1 in numeric parts: reject, suggest the fix.
    With ``--kind s10`` casewriter does exactly that; detection should too."""
    assert "RR123456785CN" in check_one(cli, "RRI23456785CN", "--kind", "s10")["suggestion"]
    result = check_one(cli, "RRI23456785CN")
    assert result["status"] == "invalid" and result["kind"] == "s10", result
    assert "RR123456785CN" in (result["suggestion"] or "")


def test_fnsku_with_a_wrong_prefix_names_the_prefix(cli: Any) -> None:
    result = check_one(cli, "X103KQ7ZP1", "--kind", "fnsku")
    assert result["status"] == "invalid"
    assert "10 characters" not in result["reason"], result  # 10 is the right length
    assert "X0" in result["reason"]


def test_valid_ids_of_each_kind_stay_valid(cli: Any) -> None:
    """The near-miss rules must not reject the real thing (identifiers.md public examples)."""
    values = [
        "902-3159896-1390916",
        "D01-3718414-0463502",
        "B0000COYXD",
        "X00000E5TX",
        "FBA15DJ9S3J5",
        "1Z12345E6605272234",
        "RR123456785CN",
        "TBM502887274000",
        "4006381333931",
        "0306406152",
    ]
    res = cli("check", "--json", *values)
    assert res.code == 0, res
    assert [r["status"] for r in json.loads(res.out)] == ["valid"] * len(values)


def test_extract_reports_near_misses_as_invalid_with_offsets(cli: Any) -> None:
    text = "订单号：１１３－７７４６２０１－５５８０９３ 货件 FBA17XKQ9M2ZAB，FNSKU X003KQ7ZP。"
    res = cli("extract", "--json", "-", stdin=text)
    assert res.code == 0, res
    found = {(i["kind"], i["value"], i["status"]) for i in json.loads(res.out)["identifiers"]}
    assert ("order_id", "113-7746201-558093", "invalid") in found
    assert ("shipment_id", "FBA17XKQ9M2ZAB", "invalid") in found
    assert ("fnsku", "X003KQ7ZP", "invalid") in found
    for item in json.loads(res.out)["identifiers"]:
        assert text[item["start"] : item["end"]].strip(), item  # offsets point into the text
