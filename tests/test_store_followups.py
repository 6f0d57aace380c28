"""Follow-up arithmetic across time zones and DST: follow-ups are absolute hours in UTC, shown
in local time; ``due`` compares in UTC and counts claim-deadline days in the user's zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewriter.commands.log_format import local, parse_when
from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore
from tests.test_store import make_case

LA = ZoneInfo("America/Los_Angeles")
SH = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run with a given local zone (TZ + tzset), restored afterwards."""
    yield
    monkeypatch.undo()
    time.tzset()


def _set_tz(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


def test_filing_across_spring_forward_is_48_real_hours(paths: AppPaths) -> None:
    filed_local = datetime(2026, 3, 7, 10, 0, tzinfo=LA)  # PST; clocks jump on 8 March
    with CaseStore.open(paths) as store:
        case = store.save_new(make_case())
        filed = store.file(case.id, "7261849305", now=filed_local)
    assert filed.follow_up == datetime(2026, 3, 9, 18, 0, tzinfo=UTC)
    assert filed.follow_up is not None
    assert filed.follow_up.astimezone(LA).hour == 11  # PDT: the wall clock moved an hour
    assert filed.follow_up - filed_local == timedelta(hours=48)


def test_amazon_reply_across_fall_back(paths: AppPaths) -> None:
    with CaseStore.open(paths, follow_up_hours=24) as store:
        case = store.save_new(make_case())
        store.file(case.id, "7261849305", now=datetime(2026, 10, 20, 9, 0, tzinfo=LONDON))
        reply = datetime(2026, 10, 24, 12, 30, tzinfo=LONDON)  # BST; clocks go back on 25 Oct
        replied = store.add_event(case.id, "amazon-replied", "need POD", now=reply)
    assert replied.follow_up == datetime(2026, 10, 25, 11, 30, tzinfo=UTC)  # 11:30Z + 24 h
    assert replied.follow_up is not None
    assert replied.follow_up.astimezone(LONDON).hour == 11  # GMT again: the wall clock fell back


def test_due_compares_instants_not_wall_clocks(paths: AppPaths) -> None:
    with CaseStore.open(paths) as store:
        case = store.save_new(make_case())
        store.file(case.id, "7261849305", now=datetime(2026, 5, 1, 9, 0, tzinfo=SH))  # 01:00Z
        due_at = datetime(2026, 5, 3, 1, 0, tzinfo=UTC)
        assert store.due(due_at - timedelta(seconds=1)).follow_ups == []
        assert [c.id for c in store.due(due_at).follow_ups] == [case.id]
        same_instant_la = due_at.astimezone(LA)
        assert [c.id for c in store.due(same_instant_la).follow_ups] == [case.id]
        assert store.count(due=True, now=due_at) == 1
        assert [c.id for c in store.list(due=True, now=due_at)] == [case.id]
        store.set_status(case.id, "resolved")
        assert store.due(due_at + timedelta(days=9)).follow_ups == []


def test_deadline_days_are_counted_in_the_users_zone(paths: AppPaths) -> None:
    now = datetime(2026, 3, 1, 3, 0, tzinfo=UTC)  # 1 March in Shanghai, 28 Feb in Los Angeles
    with CaseStore.open(paths) as store:
        a = store.save_new(make_case(identifiers=[], deadline_closes=date(2026, 2, 28)))
        b = store.save_new(make_case(identifiers=[], deadline_closes=date(2026, 3, 8)))
        c = store.save_new(make_case(identifiers=[], deadline_closes=date(2026, 3, 9)))
        filed = store.save_new(make_case(identifiers=[], deadline_closes=date(2026, 3, 2)))
        store.file(filed.id, "7261849305", now=now)
        la = store.due(now, horizon_days=7, tz=LA)
        sh = store.due(now, horizon_days=7, tz=SH)
    assert [(d.case.id, d.days_left) for d in la.deadlines] == [(a.id, 0)]  # b is 8 days away
    assert [(d.case.id, d.days_left) for d in sh.deadlines] == [(b.id, 7)]
    assert c.id not in {d.case.id for d in sh.deadlines}


def test_local_display_and_parse_when_follow_tz(monkeypatch: pytest.MonkeyPatch, tz: None) -> None:
    instant = datetime(2026, 3, 9, 18, 0, tzinfo=UTC)
    _set_tz(monkeypatch, "America/Los_Angeles")
    assert local(instant) == "2026-03-09 11:00"
    # A bare date means 09:00 local on that day — here on the day clocks spring forward.
    assert parse_when("2026-03-08", instant) == datetime(2026, 3, 8, 16, 0, tzinfo=UTC)
    _set_tz(monkeypatch, "Asia/Shanghai")
    assert local(instant) == "2026-03-10 02:00"
    assert parse_when("2026-03-08T09:00", instant) == datetime(2026, 3, 8, 1, 0, tzinfo=UTC)
    assert parse_when("+48h", instant) == instant + timedelta(hours=48)
    assert parse_when("+2d", instant) == instant + timedelta(days=2)
    assert parse_when("none", instant) is None


@pytest.mark.parametrize(
    "typed", ["2026-03-08", "20260308", "2026/3/8", "2026.03.08", "2026年3月8日", "２０２６-03-08"]
)
def test_every_way_of_writing_a_day_means_09_00_local(
    monkeypatch: pytest.MonkeyPatch, tz: None, typed: str
) -> None:
    """``20260308`` meant 00:00 UTC and ``2026-03-08`` 09:00 local (issue 10 acceptance,
    cosmetic): every date-only form is the same moment."""
    _set_tz(monkeypatch, "Asia/Shanghai")
    instant = datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_when(typed, instant) == datetime(2026, 3, 8, 1, 0, tzinfo=UTC)
    assert parse_when("20260308T1430", instant) == datetime(2026, 3, 8, 6, 30, tzinfo=UTC)
    for bad in ("2026-02-30", "2026/13/01", "19690101"):
        with pytest.raises(UsageError):
            parse_when(bad, instant)


@settings(max_examples=40, deadline=None)
@given(
    when=st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2090, 1, 1),
        timezones=st.sampled_from([LA, SH, LONDON, UTC]),
    ),
    hours=st.integers(min_value=1, max_value=1440),
)
def test_follow_up_is_always_exactly_n_hours(
    tmp_path_factory: pytest.TempPathFactory, when: datetime, hours: int
) -> None:
    paths = AppPaths.under(tmp_path_factory.mktemp("h"))
    with CaseStore.open(paths, follow_up_hours=hours) as store:
        case = store.save_new(make_case(identifiers=[]))
        filed = store.file(case.id, "7261849305", now=when)
    expected = when.astimezone(UTC).replace(microsecond=0) + timedelta(hours=hours)
    assert filed.follow_up == expected
