"""Dates as sellers write them in messages and fields (issue 13 §3): Chinese and English forms,
day/month order by marketplace, a year-less date as the latest such date on or before the
case's "as of" date, said back; one module (``casewriter.dates``) for the CLI, case files and
the wizard."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.dates import find_dates, latest_on_or_before, parse_as_of, parse_date
from casewriter.errors import UsageError
from casewriter.marketplaces import get

US, UK, DE, JP, SE = get("US"), get("UK"), get("DE"), get("JP"), get("SE")
AS_OF = date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "mp", "expected", "inferred"),
    [
        ("3月2号", US, date(2026, 3, 2), True),
        ("3月2日", UK, date(2026, 3, 2), True),
        ("３月２号", US, date(2026, 3, 2), True),  # full-width digits
        ("2026年3月2日", US, date(2026, 3, 2), False),
        ("2026年3月2号", US, date(2026, 3, 2), False),
        ("2026-03-02", US, date(2026, 3, 2), False),
        ("2026/3/2", JP, date(2026, 3, 2), False),
        ("March 2", US, date(2026, 3, 2), True),
        ("march 2", UK, date(2026, 3, 2), True),
        ("2 March 2026", UK, date(2026, 3, 2), False),
        ("Mar 2nd", US, date(2026, 3, 2), True),
        ("Mar. 2, 2026", US, date(2026, 3, 2), False),
        ("2nd of March", UK, date(2026, 3, 2), True),
        ("Sept 3rd", US, date(2026, 9, 3), True),
        ("3/2", US, date(2026, 3, 2), True),  # month first on Amazon.com
        ("3/2", UK, date(2026, 2, 3), True),  # day first on Amazon.co.uk
        ("3/2", DE, date(2026, 2, 3), True),
        ("3/2", JP, date(2026, 3, 2), True),  # year first in Japan: month, then day
        ("2/3", SE, date(2026, 3, 2), True),  # Sweden writes day first without the year
        ("12月20日", US, date(2025, 12, 20), True),  # after 6 December: last year's
        ("12/11", US, date(2025, 12, 11), True),
        ("12/11", UK, date(2026, 11, 12), True),
        ("2月29日", US, date(2024, 2, 29), True),  # the last 29 February on or before as-of
        ("12月6日", US, date(2026, 12, 6), True),  # the as-of day itself
    ],
)
def test_field_forms(text: str, mp: Any, expected: date, inferred: bool) -> None:
    parsed = parse_date(text, mp, "facts.delivered_date", as_of=AS_OF)
    assert parsed.value == expected
    assert parsed.year_inferred is inferred
    if inferred:
        assert parsed.note is not None and "year from the as-of date 2026-12-06" in parsed.note


def test_the_read_back_names_the_order_and_the_year() -> None:
    us = parse_date("12/11", US, "facts.delivered_date", as_of=AS_OF)
    assert us.order == "month first"
    assert us.note == (
        "facts.delivered_date: 12/11 read as 2025-12-11 "
        "(month first, as on Amazon.com; year from the as-of date 2026-12-06)"
    )
    assert parse_date("3月2号", US, as_of=AS_OF).order is None


@pytest.mark.parametrize("text", ["2月30日", "13/13", "Feb 30", "31/04"])
def test_no_such_day_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match=r"^d: .* is not a real date"):
        parse_date(text, UK, "d", as_of=AS_OF)


def test_a_year_is_needed_where_one_must_be_given() -> None:
    with pytest.raises(UsageError, match="has no year"):
        parse_date("3月2号", US, "--as-of", need_year=True)
    with pytest.raises(UsageError, match="^--as-of: '3月2号' has no year"):
        parse_as_of("3月2号")
    assert parse_as_of("2026-12-06") == AS_OF


def test_without_as_of_the_year_is_from_today() -> None:
    parsed = parse_date("1月1日", US)  # the latest 1 January: this year's, always passed
    assert parsed.year_inferred and parsed.value.month == 1 and parsed.value.day == 1
    assert parsed.value <= date.today().replace(year=date.today().year + 1)


def test_latest_on_or_before() -> None:
    assert latest_on_or_before(3, 2, date(2026, 3, 2)) == date(2026, 3, 2)
    assert latest_on_or_before(3, 2, date(2026, 3, 1)) == date(2025, 3, 2)
    assert latest_on_or_before(2, 29, date(2028, 2, 28)) == date(2024, 2, 29)
    with pytest.raises(ValueError):
        latest_on_or_before(2, 30, AS_OF)


def test_find_dates_in_a_message() -> None:
    text = "shipped 2/20, delivered mar 2nd; 2026-03-05 closed; 2月30日; ratio 3/5 of boxes; 1900-01-01"
    hits = find_dates(text, US, AS_OF)
    got = [(h.text, h.value, h.year_inferred, h.bare) for h in hits]
    assert got == [
        ("2/20", date(2026, 2, 20), True, True),
        ("mar 2nd", date(2026, 3, 2), True, False),
        ("2026-03-05", date(2026, 3, 5), False, False),
        ("2月30日", None, False, False),
        ("3/5", date(2026, 3, 5), True, True),  # bare: the message reader asks for a word
        ("1900-01-01", None, False, False),
    ]
    assert hits[3].note == "2月30日: not a real date"
    assert hits[5].note == "1900-01-01: out of range"
    for h in hits:
        assert text[h.start : h.end] == h.text


def test_a_case_file_takes_a_year_less_date(tmp_path: Path, cli: Any) -> None:
    case = tmp_path / "case.toml"
    case.write_text(
        'case_type = "inbound-missing-units"\n'
        "[facts]\n"
        "units_shipped = 240\n"
        "units_received = 228\n"
        'delivered_date = "3月2号"\n'
        "[evidence]\n"
        'shipment_id = "FBA17XKQ9M2Z"\n'
        'fnsku = ["X003KQ7ZP1"]\n',
        encoding="utf-8",
    )
    result = cli("render", str(case), "--as-of", "2026-12-06", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    note = "facts.delivered_date: 3月2号 read as 2026-03-02 (year from the as-of date 2026-12-06)"
    assert note in data["warnings"]
    assert "was delivered on 2026-03-02" in data["body"]
