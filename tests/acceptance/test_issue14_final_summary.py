"""Acceptance (last round), issue 14 §3 money at stake, with figures derived by hand from fresh
inputs: seven refunds of one US settlement (top five, a tie, the total), refunds too early to
file with the date they become claimable (one written with a thousands separator), and a
Japanese seller's refund in yen (no decimals).

US refund-not-returned window (catalog): opens 60 days after the refund, closes after 120.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import SETTLEMENT_V2, write_report
from tests.acceptance.issue14_rows import v2_row, v2_total

Cli = Callable[..., Any]


def refunds(folder: Path, amounts: list[str], *, refunded: str, currency: str = "USD",
            market: str = "Amazon.com", prefix: str = "111") -> None:  # fmt: skip
    """One order and its full refund per amount (SKU T-n), nothing returned or reimbursed."""
    rows = [v2_total("7101", currency, "2026-01-01", "2026-03-31")]
    for n, amount in enumerate(amounts, 1):
        order = f"{prefix}-{n:07d}-{n:07d}"
        rows += [v2_row("7101", "Order", order, f"T-{n}", "ItemPrice", "Principal", amount,
                        "2026-01-02", market=market),
                 v2_row("7101", "Refund", order, f"T-{n}", "ItemPrice", "Principal",
                        "-" + amount, refunded, market=market)]  # fmt: skip
    write_report(folder / f"settlement_{currency}.txt", SETTLEMENT_V2, rows)


def summary(cli: Cli, *args: str) -> tuple[dict[str, Any], list[str]]:
    res = cli("scan", *args, "--json")
    assert res.code == 0, res.err
    text = cli("scan", *args)
    assert text.code == 0
    return json.loads(res.out), text.out.splitlines()


def test_the_five_worth_the_most_ranked_by_hand(cli: Cli, tmp_path: Path) -> None:
    """Refunds of 01-05 (claimable 03-06 to 05-05), as of 04-01: 15.00, 99.99, 7.50, 42.00,
    42.00, 120.10, 3.00 → total 329.59 USD; the top five are 120.10, 99.99, 42.00, 42.00, 15.00
    (the tie kept in order-id order); 7.50 and 3.00 are not listed."""
    refunds(tmp_path, ["15.00", "99.99", "7.50", "42.00", "42.00", "120.10", "3.00"],
            refunded="2026-01-05")  # fmt: skip
    data, text = summary(cli, str(tmp_path), "--as-of", "2026-04-01")
    s = data["summary"]
    assert s["claimable"]["total"] == [{"currency": "USD", "amount": "329.59"}]
    assert [(t["ids"]["order_id"], t["amount"], t["closes"]) for t in s["top"]] == [
        ("111-0000006-0000006", "120.10", "2026-05-05"),
        ("111-0000002-0000002", "99.99", "2026-05-05"),
        ("111-0000004-0000004", "42.00", "2026-05-05"),
        ("111-0000005-0000005", "42.00", "2026-05-05"),
        ("111-0000001-0000001", "15.00", "2026-05-05"),
    ]
    assert "  claimable now: 329.59 USD" in text
    top = text[text.index("  worth the most (file these first):") + 1 :]
    assert (
        top[0]
        == "    1. refund-not-returned 111-0000006-0000006 T-6: 120.10 USD, closes 2026-05-05"
    )
    assert len([x for x in top if x.startswith("    ")]) == 5


def test_too_early_money_with_the_date_it_becomes_claimable(cli: Cli, tmp_path: Path) -> None:
    """Refunds of 02-01 of 1,234.56 (a thousands separator) and 20.00, as of 03-01: both open on
    04-02 (02-01 + 60) and close on 06-01: 1254.56 USD too early, claimable from 04-02; nothing
    claimable now and nothing in the top list."""
    refunds(tmp_path, ["1,234.56", "20.00"], refunded="2026-02-01")
    data, text = summary(cli, str(tmp_path), "--as-of", "2026-03-01")
    s = data["summary"]
    assert [(f["status"], f["window"]["opens"], f["window"]["closes"],
             f["estimated_value"]["amount"]) for f in data["findings"]] == [
        ("too-early", "2026-04-02", "2026-06-01", "1234.56"),
        ("too-early", "2026-04-02", "2026-06-01", "20.00")]  # fmt: skip
    assert s["too_early"]["by_date"] == [{"claimable_from": "2026-04-02", "currency": "USD",
                                          "amount": "1254.56", "findings": 2}]  # fmt: skip
    assert (s["claimable"]["findings"], s["top"]) == (0, [])
    assert "  too early: 1,254.56 USD" in text
    assert any("1,254.56 USD  claimable from 2026-04-02 (2 finding(s))" in x for x in text)


def test_a_japanese_sellers_refund_is_in_whole_yen(cli: Cli, tmp_path: Path) -> None:
    """JP: a ¥1980 refund of 02-01 not returned (window 45 days to 18 months: claimable as of
    04-01). marketplaces.py writes JPY with no decimals (the drafted case says "JPY 1980"), but
    the finding, the summary and the text say 1980.00."""
    refunds(tmp_path, ["1980"], refunded="2026-02-01", currency="JPY", market="Amazon.co.jp",
            prefix="503")  # fmt: skip
    data, text = summary(cli, str(tmp_path), "--as-of", "2026-04-01")
    (f,) = data["findings"]
    assert (f["marketplace"], f["status"]) == ("JP", "claimable")
    assert f["estimated_value"] == {"amount": "1980", "currency": "JPY"}
    assert "  claimable now: 1,980 JPY" in text
