"""Properties of the identifier module (hypothesis): normalize is idempotent, check and
extract never raise, extract's offsets point at text that normalizes to the value, and our
GS1/ISBN check digits agree with python-stdnum."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import ean, isbn

from casewriter.identifiers import KINDS, check, extract, normalize
from casewriter.identifiers import checksums as cs

PIECES = [
    "113-7746201-5580934", "１１３－７７４６２０１－５５８０９３４", "90231598961390916", "FBA17XKQ9M2Z",
    "ＦＢＡ１７ＸＫＱ９Ｍ２Ｚ", "B0C7QX3N5L", "X003KQ7ZP1", "1Z12345E6605272234", "TBA502887274000",
    "9400 1112 0108 0805 4830 16", "RR123456785CN", "UG123456789YP", "LPNRR9K2X7Q4T",
    "Case ID: 1723459876", "DHL 3318810025", "ISBN 080442957X", "订单号：", "货件", "少了4件。",
    "\u200b", "\ufeff", "\u00ad", "\u3000", "\u00a0", "——", "－", "ー", "【", "】", "#", " ", "\n",
    "-", "Order #", "，", "Reference ID 20081126439781", "SKU: CW-MUG-11OZ", "١٢٣", "O", "l",
]  # fmt: skip
MIXED = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=12).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=60), MIXED)
KIND = st.one_of(st.none(), st.sampled_from(KINDS))


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT, kind=KIND)
def test_normalize_is_idempotent(text: str, kind: str | None) -> None:
    once = normalize(text, kind)
    assert normalize(once, kind) == once


@settings(max_examples=300, deadline=None)
@given(text=ANY_TEXT, kind=KIND)
def test_check_never_raises_and_is_consistent(text: str, kind: str | None) -> None:
    result = check(text, kind)
    assert result.status in ("valid", "invalid", "unverified")
    assert result.input == text
    if kind is not None:
        assert result.kind == kind
    if result.status != "invalid":
        assert result.normalized
    assert set(result.to_json()) == {
        "input",
        "kind",
        "status",
        "normalized",
        "carrier",
        "reason",
        "suggestion",
    }


@settings(max_examples=200, deadline=None)
@given(text=ANY_TEXT)
def test_extract_offsets_point_at_the_value(text: str) -> None:
    seen = set()
    for found in extract(text):
        assert 0 <= found.start < found.end <= len(text)
        assert normalize(text[found.start : found.end], found.kind) == found.value
        assert (found.kind, found.value) not in seen
        seen.add((found.kind, found.value))


@settings(max_examples=300, deadline=None)
@given(digits=st.text(alphabet="0123456789", min_size=8, max_size=14))
def test_gs1_agrees_with_stdnum(digits: str) -> None:
    if len(digits) in (8, 12, 13, 14):
        assert cs.gs1_ok(digits) == ean.is_valid(digits)


@settings(max_examples=300, deadline=None)
@given(
    body=st.text(alphabet="0123456789", min_size=9, max_size=9), last=st.sampled_from("0123456789X")
)
def test_isbn10_agrees_with_stdnum(body: str, last: str) -> None:
    number = body + last
    assert cs.isbn10_ok(number) == isbn.is_valid(number)
    if len(set(number)) > 1:  # 0000000000 passes the checksum but is a placeholder
        assert (check(number, "isbn10").status == "valid") == isbn.is_valid(number)
