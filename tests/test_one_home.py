"""One home for every table and wording (issue 11): marketplaces and currencies, tracking
kinds, image extensions, case statuses and the deadline wording each live in one module, the
others use it, and no other module spells the table out again."""

from __future__ import annotations

import re

import pytest

from casewriter import marketplaces
from casewriter.engine import Deadline, deadline_text
from tests.conftest import REPO

PACKAGE = REPO / "casewriter"

#: (what, its home(s), a pattern that finds the table spelled out)
TABLES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("carrier kinds", ("identifiers/",),
     r'"(?:ups|usps|fedex|dhl|s10|amazon_logistics|yunexpress)",\s*"(?:usps|fedex|dhl|s10|amazon_logistics|yunexpress)"'),
    ("image extensions", ("engine/attachments.py",), r'"heic"'),
    ("case statuses", ("store/statuses.py",), r'"needs-reply",\s*"resolved"'),
    ("marketplace codes", ("marketplaces.py",), r'"US",\s*"CA",\s*"MX",\s*"UK"'),
    ("currency table", ("marketplaces.py",), r'"(?:USD|EUR|GBP|JPY)"\s*[:,]\s*"[A-Z]{2,3}"'),
    ("storefront names", ("marketplaces.py",), r'"amazon\.co\.uk"|"amazon\.de"'),
    ("deadline wording", ("engine/deadline_text.py", "tui/"), r"\{[^{}]*\} days? left"),
    ("claim windows", ("engine/",), r"max_days\s*=\s*\d|timedelta\(days=\d\d|relativedelta\(months=\d"),
)  # fmt: skip


def sources() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(PACKAGE)), path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


@pytest.mark.parametrize(("what", "homes", "pattern"), TABLES, ids=[t[0] for t in TABLES])
def test_each_table_is_spelled_out_only_at_home(
    what: str, homes: tuple[str, ...], pattern: str
) -> None:
    found = re.compile(pattern)
    elsewhere = [
        name for name, text in sources() if found.search(text) and not name.startswith(homes)
    ]
    assert elsewhere == [], f"{what} spelled out outside {homes}: {elsewhere}"


def test_everything_derives_from_the_marketplace_table() -> None:
    from casewriter.config import MARKETPLACE_CODES
    from casewriter.store import values

    assert MARKETPLACE_CODES == marketplaces.codes() == values.marketplace_codes()
    assert values.currencies() == marketplaces.CURRENCIES
    assert marketplaces.CURRENCIES[:3] == ("USD", "CAD", "MXN") and "CNY" in marketplaces.CURRENCIES
    assert len(set(marketplaces.CURRENCIES)) == len(marketplaces.CURRENCIES)
    for text, code in (("Amazon.co.uk", "UK"), ("www.amazon.de/", "DE"), ("https://amazon.co.jp", "JP"),
                       ("gb", "UK"), ("USA", "US"), ("us", "US"), ("amazon.example", ""), ("", "")):  # fmt: skip
        assert marketplaces.find(text) == code, text
    assert [marketplaces.for_currency(c) for c in ("EUR", "usd", "GBP", "CNY")] == [
        "DE",
        "US",
        "UK",
        "",
    ]
    assert marketplaces.currency_places("JPY") == 0 and marketplaces.currency_places("USD") == 2


def test_tracking_kinds_and_statuses_have_one_home() -> None:
    from casewriter.engine import casefile_fixups
    from casewriter.identifiers import TRACKING_KINDS
    from casewriter.identifiers.carriers import CARRIER_KINDS
    from casewriter.store import STATUSES
    from casewriter.tui.screens import case_detail, home
    from casewriter.tui.wizard import extraction

    assert {"tracking", *CARRIER_KINDS} == TRACKING_KINDS
    assert extraction.TRACKING_KINDS is TRACKING_KINDS is casefile_fixups.TRACKING_KINDS
    assert case_detail.STATUSES is STATUSES and home.FILTERS == ("all", *STATUSES)


def _deadline(days_left: int) -> Deadline:
    from datetime import date, timedelta

    today = date(2026, 5, 4)
    return Deadline(opens=date(2026, 4, 2), closes=today + timedelta(days=days_left),
                    days_left=days_left, status="claimable", source="help X", today=today)  # fmt: skip


def test_deadline_wording_counts_days_right() -> None:
    assert [deadline_text.days_left(n) for n in (0, 1, 2)] == [
        "0 days left",
        "1 day left",
        "2 days left",
    ]
    assert "(1 day left)" in deadline_text.deadline_line(_deadline(1))
    (warning,) = deadline_text.deadline_warnings(_deadline(1))
    assert warning.startswith("1 day left: the claim window closes on 2026-05-05 (help X)")
    (last,) = deadline_text.deadline_warnings(_deadline(0))
    assert last.startswith("Last day to file:")
    assert deadline_text.urgency_reason(1, only=True) == "only 1 day left in the claim window"
    assert deadline_text.deadline_warnings(_deadline(deadline_text.DAYS_LEFT_WARNING + 1)) == []


def test_log_due_says_one_day_left(cli, paths) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta

    from casewriter.store import CaseStore, NewCase

    today = datetime.now().astimezone().date()  # log due counts days in the local zone
    with CaseStore.open(paths) as store:
        store.save_new(NewCase(profile="", marketplace="US", case_type="warehouse-lost", subject="s",
                               body="b", draft={}, identifiers=[],
                               deadline_closes=today + timedelta(days=1)))  # fmt: skip
    out = cli("log", "due", "--days", "5").out
    assert "1 day left" in out and "1 days left" not in out
