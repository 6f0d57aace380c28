"""The ranges user data must fall in before casewriter computes with it.

Checked where values enter (case files, the wizard, ``--as-of``, config, case types, report
cells), never at each use, so date arithmetic cannot overflow (``9999-12-31`` plus a 270-day
window is past the last date Python has) and a number cannot grow past what the output and the
calculators handle. These are sanity bounds on input, not Amazon's rules: claim windows and
thresholds themselves are data in the case types, each with its source and as-of date.
"""

from __future__ import annotations

from datetime import date

from casewriter.errors import UsageError
from casewriter.messages import said

#: Case facts, report cells and ``--as-of``: nothing in Amazon selling happened before 1970,
#: and 2100 leaves room for any deadline while keeping ``date + window`` far from year 9999.
EARLIEST_DATE = date(1970, 1, 1)
LATEST_DATE = date(2100, 12, 31)

#: A claim window (``min_days``/``max_days``/``max_months`` of a deadline rule): ten years is
#: longer than any window Amazon has published; more is a typo.
MAX_WINDOW_DAYS = 3660
MAX_WINDOW_MONTHS = 120

#: A quantity (units shipped, orders, defects): twelve digits, as typed forms already allow.
MAX_QUANTITY = 999_999_999_999

#: An amount of money (a report cell, a reimbursement in the log): a trillion in any currency.
MAX_AMOUNT = 10**12

#: Hours from filing (or a reply) to the follow-up reminder (config ``follow_up_hours``): at
#: least an hour, at most 60 days.
MIN_FOLLOW_UP_HOURS = 1
MAX_FOLLOW_UP_HOURS = 24 * 60

#: A soft text-length limit (config ``[limits]``): a box longer than a million characters is
#: not a Seller Central case.
MAX_TEXT_LIMIT = 1_000_000

#: A unit count or an amount in one report cell.
MAX_REPORT_UNITS = 10**9
MAX_REPORT_AMOUNT = MAX_AMOUNT


def date_in_range(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def date_range_text() -> str:
    """The dates accepted, in words (a ``Said``: English, and Chinese for the app)."""
    return said("date.range", first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat())


def check_date(value: date, field: str) -> date:
    """``value`` when it is between ``EARLIEST_DATE`` and ``LATEST_DATE``; else UsageError
    (``field`` may be a ``Said``: the message is said in both languages)."""
    if not date_in_range(value):
        raise UsageError(
            said("date.out_of_range", field=field, value=value.isoformat(), range=date_range_text())
        )
    return value
