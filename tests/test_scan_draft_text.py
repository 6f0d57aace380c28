"""A case drafted from a scan finding says only what the reports and the seller's files back,
in the marketplace's spelling: the fee-overcharge draft compares Amazon's tier with the seller's
own measurement (the measurements CSV says nothing of how a unit was measured, so the draft
never claims "original packaging"), dates several charges by the first one, and is spelt
"fulfillment" on Amazon.com like the rest of the case."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.acceptance.test_issue14_fees import _us_fees

Cli = Callable[..., Any]


def test_fee_overcharge_draft_says_only_what_is_backed(cli: Cli, tmp_path: Path) -> None:
    _us_fees(tmp_path, ("2026-03-01", "2026-04-01", "2026-04-15", "2026-04-20"))
    res = cli("scan", str(tmp_path), "--as-of", "2026-05-10", "--draft")
    assert res.code == 0, res.err
    listed = json.loads(cli("log", "list", "--json").out)
    cases = listed["cases"] if isinstance(listed, dict) else listed
    assert len(cases) == 1
    body = cli("log", "show", str(cases[0]["id"])).out
    assert (
        "were charged the FBA fulfillment fee of a larger size tier than our own measurement "
        "of the unit gives." in body
    )
    assert "- We compared Amazon's size tier with our own measurement of the unit" in body
    assert "- The settlement reports show the fulfillment fee charged for these orders." in body
    assert "- Fee first charged on: 2026-03-01" in body
    assert "The fee was first charged on 2026-03-01, inside the claim window" in body
    assert "original packaging" not in body and "fulfilment" not in body


def test_a_draft_counts_its_units_in_words_amazon_reads(cli: Cli, tmp_path: Path) -> None:
    """One unit is "1 unit … was", several "3 units … were": never "unit(s)" in the case text
    (the acceptance recheck's R5)."""
    _us_fees(tmp_path, ("2026-03-01", "2026-04-01", "2026-04-15", "2026-04-20"))
    cli("scan", str(tmp_path), "--as-of", "2026-05-10", "--draft")
    listed = json.loads(cli("log", "list", "--json").out)
    cases = listed["cases"] if isinstance(listed, dict) else listed
    body = cli("log", "show", str(cases[0]["id"])).out
    assert "Since 2026-03-01, 4 units of ASIN B00FEE0001 (SKU FEE-1, FNSKU X00FEE0001) were" in body
    assert "unit(s)" not in body
