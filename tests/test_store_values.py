"""Every date, time and amount is checked before it is written, and written in one form.

``values.py`` unit tests (zero-padded years, the 1970–2100 range, amounts), then every writer
of the log refusing a bad value with one line (exit 2 through the CLI) while the log stays
exactly as it was (compared as a full SQL dump)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, values
from casewriter.store.model import ts_text
from tests.test_store import make_case

T0 = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


def dump(path: Path) -> list[str]:
    """The whole log as SQL statements (what "nothing was written" is checked against)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# -- values.py -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "text"),
    [
        (datetime(1970, 1, 1, tzinfo=UTC), "1970-01-01T00:00:00Z"),
        (datetime(2026, 5, 1, 9, 0, 7, 999, tzinfo=UTC), "2026-05-01T09:00:07Z"),
        (datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC), "2100-12-31T23:59:59Z"),
        (datetime(2026, 5, 1, 17, 0, tzinfo=timezone(timedelta(hours=8))), "2026-05-01T09:00:00Z"),
    ],
)
def test_times_are_written_in_one_zero_padded_form(when: datetime, text: str) -> None:
    assert ts_text(when) == text
    assert values.parse_ts(text) == when.astimezone(UTC).replace(microsecond=0)


@pytest.mark.parametrize(
    "when",
    [
        datetime(226, 5, 1, 9, 0, tzinfo=UTC),  # the typo: strftime wrote "226-05-01"
        datetime(1969, 12, 31, 23, 59, tzinfo=UTC),
        datetime(2101, 1, 1, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),  # overflows in UTC
        datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=5))),
    ],
)
def test_times_out_of_range_are_refused_in_one_line(when: datetime) -> None:
    with pytest.raises(UsageError) as err:
        ts_text(when, "follow-up")
    assert "out of range" in err.value.message and "1970 and 2100" in err.value.message
    assert f"{when.year:04d}-" in err.value.message  # the year as typed, zero-padded


@pytest.mark.parametrize(
    "text",
    [
        "226-05-01T09:00:00Z",
        "0226-05-01T09:00:00Z",
        "9999-12-31T00:00:00Z",
        "garbage",
        "2026-05-01T09:00:00",
    ],
)
def test_stored_times_out_of_range_or_malformed_do_not_parse(text: str) -> None:
    with pytest.raises(ValueError):
        values.parse_ts(text)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("24.99", "24.99"),
        ("24.990", "24.990"),
        ("1,234.50", "1234.50"),
        ("1e3", "1000"),
        ("0", "0"),
        ("-0", "0"),
        ("１２.５", "12.5"),
    ],
)
def test_amounts_are_written_in_plain_decimal_notation(typed: str, stored: str) -> None:
    amount = values.parse_amount(typed)
    assert amount is not None and values.amount_text(amount) == stored


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("1e308", "too large"),
        ("1000000000000", "too large"),
        ("-5", "must not be negative"),
        ("-0.01", "must not be negative"),
        ("NaN", "not a received amount: "),
        ("Infinity", "not a received amount: "),
        ("24,99", "with a point"),
        ("12.34567", "decimal places"),
        ("lots", "not a received amount: "),
        ("0x10", "not a received amount: "),
    ],
)
def test_bad_amounts_are_refused(typed: str, words: str) -> None:
    with pytest.raises(UsageError) as err:
        values.parse_amount(typed, "received amount")
    assert words in err.value.message


def test_amount_errors_use_the_right_article() -> None:
    """Cosmetic (issue 10 acceptance): "not an received amount" read wrong."""
    for what, says in (
        ("amount", "not an amount: 'lots'"),
        ("expected amount", "not an expected amount: 'lots'"),
        ("received amount", "not a received amount: 'lots'"),
    ):
        with pytest.raises(UsageError) as err:
            values.parse_amount("lots", what)
        assert err.value.message.startswith(says)


def test_codes() -> None:
    assert values.check_currency("usd") == "USD" and values.check_currency("") == ""
    assert values.check_marketplace("jp") == "JP"
    for bad, fn in (("=1+1", values.check_currency), ("XX", values.check_marketplace)):
        with pytest.raises(UsageError):
            fn(bad)
    with pytest.raises(UsageError, match="unknown urgency"):
        values.check_urgency("asap")


# -- every writer: a bad value is refused and nothing is written --------------------------------


@pytest.fixture
def logged(paths: AppPaths) -> CaseStore:
    store = CaseStore.open(paths, clock=lambda: T0)
    store.save_new(make_case(expected_amount=Decimal("10"), currency="USD"))
    store.save_new(make_case(subject="other", identifiers=[]))
    return store


BAD_WRITES = {
    "follow-up 0226": lambda s: s.set_follow_up(1, datetime(226, 5, 1, 9, tzinfo=UTC)),
    "follow-up 9999": lambda s: s.set_follow_up(1, datetime(9999, 12, 31, 9, tzinfo=UTC)),
    "reply at 0226": lambda s: s.add_event(
        1, "amazon-replied", "x", now=datetime(226, 5, 1, tzinfo=UTC)
    ),
    "reply at 2100-12-31 (follow-up after 2100)": lambda s: s.add_event(
        1, "amazon-replied", "x", now=datetime(2100, 12, 31, 12, tzinfo=UTC)
    ),
    "note at 1969": lambda s: s.add_event(1, "note", "x", now=datetime(1969, 7, 20, tzinfo=UTC)),
    "file, follow-up hours overflow": lambda s: s.file(1, "7261849305", follow_up_hours=10**12),
    "file at 0226": lambda s: s.file(1, "7261849305", now=datetime(226, 1, 1, tzinfo=UTC)),
    "status with 1e308": lambda s: s.set_status(1, "resolved", received=Decimal("1e308")),
    "status with NaN": lambda s: s.set_status(1, "resolved", expected=Decimal("NaN")),
    "status with negative": lambda s: s.set_status(1, "resolved", expected=Decimal("-1")),
    "status with bad currency": lambda s: s.set_status(1, "resolved", currency="=1+1"),
    "amounts with infinity": lambda s: s.set_amounts(1, received=Decimal("Infinity")),
    "save with deadline 0226": lambda s: s.save_new(make_case(deadline_closes=date(226, 5, 1))),
    "save with amount 1e308": lambda s: s.save_new(make_case(expected_amount=Decimal("1e308"))),
    "save with unknown marketplace": lambda s: s.save_new(make_case(marketplace="XX")),
    "save with unknown currency": lambda s: s.save_new(make_case(currency="ABC")),
    "save with unknown urgency": lambda s: s.save_new(make_case(urgency="asap")),
    "save linked to a missing case": lambda s: s.save_new(make_case(), link="CW-000099"),
    "update with deadline 2101": lambda s: s.update_case(
        1, make_case(deadline_closes=date(2101, 1, 1))
    ),
    "file linked to a missing case": lambda s: s.file(1, "7261849305", link=["CW-000099"]),
}


@pytest.mark.parametrize("name", list(BAD_WRITES))
def test_a_refused_write_changes_nothing(logged: CaseStore, name: str) -> None:
    before = dump(logged.path)
    with pytest.raises(UsageError) as err:
        BAD_WRITES[name](logged)
    assert "\n" not in err.value.message
    assert dump(logged.path) == before
    assert [c.id for c in logged.list()] == ["CW-000002", "CW-000001"]  # still readable


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("log", "follow-up", "CW-000001", "0226-05-01"), "out of range"),
        (("log", "follow-up", "CW-000001", "9999-12-31"), "out of range"),
        (("log", "follow-up", "CW-000001", "9999-12-31T23:59:59-05:00"), "out of range"),
        (("log", "reply", "1", "--from", "amazon", "--at", "0226-05-01", "hi"), "out of range"),
        (("log", "status", "1", "resolved", "--received", "1e308"), "too large"),
        (("log", "status", "1", "resolved", "--received", "-3"), "must not be negative"),
        (("log", "status", "1", "resolved", "--received", "nan"), "not a received amount"),
        (("log", "status", "1", "resolved", "--currency", "=1+1"), "unknown currency"),
        (
            ("log", "file", "1", "--case-id", "7261849305", "--link", "CW-000099"),
            "no case CW-000099",
        ),
        (("log", "file", "1", "--case-id", "7261849305", "--link", "CW-000001"), "to itself"),
    ],
)
def test_cli_bad_values_are_one_line_exit_2_and_write_nothing(
    cli, logged: CaseStore, args: tuple[str, ...], words: str
) -> None:  # type: ignore[no-untyped-def]
    logged.close()
    before = dump(logged.path)
    r = cli(*args)
    assert r.code == 2, r
    assert r.err.count("\n") == 1 and r.err.startswith("casewriter: error: ") and words in r.err
    assert "internal error" not in r.err
    assert dump(logged.path) == before
    assert cli("log", "list").code == 0
