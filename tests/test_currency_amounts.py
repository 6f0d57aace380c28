"""One rule for writing an amount of a currency (``marketplaces.amount_text``): the currency's
own decimals (JPY none, the others two), in a case, the scan's JSON, text and summary, the log
and the review.

A Japanese seller (JP): a ¥1980 refund of 2026-02-01 not returned, claimable as of 2026-04-01
(refund-not-returned in JP: 45 days to 18 months). ``scan --draft`` logs it as a draft with the
finding's amount as the amount expected; a ¥2500.00 typed later is still whole yen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from casewriter.engine import Money
from casewriter.health.words import money as review_money
from casewriter.marketplaces import amount_text, in_currency
from casewriter.reports.summary_text import money as summary_money
from tests.acceptance.test_issue14_final_summary import refunds

Cli = Callable[..., Any]


@pytest.mark.parametrize(
    ("amount", "currency", "plain", "grouped"),
    [
        ("1980.00", "JPY", "1980", "1,980"),
        ("1980", "jpy", "1980", "1,980"),
        ("1980.5", "JPY", "1981", "1,981"),  # half up: a yen has no cents
        ("3", "USD", "3.00", "3.00"),
        ("1234.5", "EUR", "1234.50", "1,234.50"),
        ("0.125", "GBP", "0.13", "0.13"),
        ("24.9", "", "24.90", "24.90"),  # no currency known: two decimals
    ],
)
def test_amount_text(amount: str, currency: str, plain: str, grouped: str) -> None:
    value = Decimal(amount)
    assert amount_text(value, currency) == plain
    assert amount_text(value, currency, grouped=True) == grouped
    assert str(in_currency(value, currency)) == plain
    # every writer of money says the same
    assert Money(value, currency).text() == plain
    assert summary_money(amount, currency) == f"{grouped} {currency}".rstrip()
    assert review_money(value, currency) == f"{grouped} {currency}".strip()


def test_a_yen_refund_is_whole_yen_in_the_json_the_text_the_case_and_the_log(
    cli: Cli, tmp_path: Path
) -> None:
    refunds(tmp_path, ["1980"], refunded="2026-02-01", currency="JPY", market="Amazon.co.jp",
            prefix="503")  # fmt: skip
    res = cli("scan", str(tmp_path), "--as-of", "2026-04-01", "--draft", "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    (f,) = data["findings"]
    assert f["estimated_value"] == {"amount": "1980", "currency": "JPY"}
    assert data["summary"]["claimable"]["total"] == [{"currency": "JPY", "amount": "1980"}]
    assert [t["amount"] for t in data["summary"]["top"]] == ["1980"]
    (case_id,) = data["drafts"]["drafted"]
    shown = json.loads(cli("log", "show", case_id, "--json").out)
    assert shown["expected"] == {"amount": "1980", "currency": "JPY"}
    assert "JPY 1980 refunded" in shown["body"]
    text = cli("log", "show", case_id).out.splitlines()
    assert "expected: 1980 received: - JPY" in text
    assert cli("log", "status", case_id, "filed", "--expected", "2500.00").code == 0
    assert "expected: 2500 received: - JPY" in cli("log", "show", case_id).out.splitlines()
    # the text output: the row, its total and the money at stake, without cents
    out = cli("scan", str(tmp_path), "--as-of", "2026-04-01").out
    assert "1980.00" not in out and "1,980.00" not in out
    assert "estimated 1,980 JPY" in out and "  claimable now: 1,980 JPY" in out


def test_dollars_keep_their_cents_in_the_log(cli: Cli, tmp_path: Path) -> None:
    """The same rule for a two-decimal currency: a refund of 20 USD is 20.00 everywhere."""
    refunds(tmp_path, ["20"], refunded="2026-02-01")
    data = json.loads(cli("scan", str(tmp_path), "--as-of", "2026-04-15", "--draft",
                          "--json").out)  # fmt: skip
    (f,) = data["findings"]
    assert f["estimated_value"] == {"amount": "20.00", "currency": "USD"}
    (case_id,) = data["drafts"]["drafted"]
    assert "expected: 20.00 received: - USD" in cli("log", "show", case_id).out.splitlines()
