"""Pasted dates by marketplace, and "today" in the marketplace's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewriter.dates import parse_as_of, parse_date, today_in
from casewriter.errors import UsageError
from casewriter.marketplaces import MARKETPLACES, get

US, UK, DE, JP = get("US"), get("UK"), get("DE"), get("JP")


@pytest.mark.parametrize(
    ("text", "mp", "expected"),
    [
        ("2026-04-03", US, date(2026, 4, 3)),
        ("2026/4/3", UK, date(2026, 4, 3)),
        ("2026年4月3日", US, date(2026, 4, 3)),
        ("２０２６年４月３日", JP, date(2026, 4, 3)),  # full-width digits
        ("03.04.2026", US, date(2026, 4, 3)),  # dotted is day first everywhere
        ("03.04.2026", DE, date(2026, 4, 3)),
        ("04/03/2026", US, date(2026, 4, 3)),
        ("04/03/2026", UK, date(2026, 3, 4)),
        ("04/03/2026", DE, date(2026, 3, 4)),
        ("13/04/2026", US, date(2026, 4, 13)),  # unambiguous: day > 12
        ("04/13/2026", UK, date(2026, 4, 13)),
        ("3 Apr 2026", US, date(2026, 4, 3)),
        ("April 3, 2026", UK, date(2026, 4, 3)),
        (" 2026-04-03\u200b ", US, date(2026, 4, 3)),
    ],
)
def test_forms(text: str, mp: object, expected: date) -> None:
    assert parse_date(text, mp, "delivered_date").value == expected  # type: ignore[arg-type]


def test_ambiguous_is_shown_back() -> None:
    us = parse_date("04/03/2026", US, "delivered_date")
    assert (
        us.note == "delivered_date: 04/03/2026 read as 2026-04-03 (month first, as on Amazon.com)"
    )
    uk = parse_date("04/03/2026", UK, "delivered_date")
    assert (
        uk.note == "delivered_date: 04/03/2026 read as 2026-03-04 (day first, as on Amazon.co.uk)"
    )
    assert parse_date("2026-04-03", US).note is None
    assert parse_date("03/03/2026", US).note is None  # same either way


@pytest.mark.parametrize(
    "text", ["garbage", "", "31/02/2026", "2026-13-01", "April", "12345678901234567890"]
)
def test_garbage_names_the_field(text: str) -> None:
    with pytest.raises(UsageError, match="^facts.refund_date: "):
        parse_date(text, US, "facts.refund_date")


def test_today_in_marketplace_time_zone_at_day_boundary() -> None:
    moment = datetime(2026, 4, 3, 2, 30, tzinfo=UTC)  # 19:30 on the 2nd in Los Angeles
    assert today_in(US, now=moment) == date(2026, 4, 2)
    assert today_in(JP, now=moment) == date(2026, 4, 3)
    assert today_in(UK, now=moment) == date(2026, 4, 3)
    assert today_in(US, as_of=date(2026, 1, 1), now=moment) == date(2026, 1, 1)


def test_as_of_and_marketplace_table() -> None:
    assert parse_as_of("2026-04-03") == date(2026, 4, 3)
    with pytest.raises(UsageError, match="--as-of"):
        parse_as_of("soon")
    assert len(MARKETPLACES) == 16
    assert (get("uk").name, get("GB").code, get("JP").name, get("DE").name) == (
        "Amazon.co.uk", "UK", "Amazon.co.jp", "Amazon.de"
    )  # fmt: skip
    with pytest.raises(UsageError, match="unknown marketplace"):
        get("XX")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_random_text_never_crashes(text: str) -> None:
    try:
        parse_date(text, US, "d")
    except UsageError as exc:
        assert exc.message.startswith("d: ")
