"""The scan screen's details of a finding at 80×24, in English and Chinese: each note on its own
line, a fee finding's two tiers, measurements and charges (fee charged a unit, the fee of the
seller's tier, the units), every line reachable from the keyboard (``d`` focuses the details,
the arrows and End scroll them) while the findings stay in view, the form out of the way on a
short terminal and back with ``p``; a yen amount written in whole yen.

The seller of ``test_issue14_final_fees`` (SKU BAND): Amazon's Fee Preview says Large Standard
(10.2 x 8.1 x 1 in, 0.45 lb) and each unit paid 3.90 USD; the seller's 10 x 8 x 0.5 in, 6 oz box
is Small standard-size. As of 2026-06-01 the four open charges of ``BANDS`` are orders 2 to 5:
1 unit each at 3.45, 3.45 and 3.71 for the seller's tier, then 3 units at 2.56 — 4 orders,
6 units. A charge of 2026-10-15 falls in the holiday peak, for which no fee table is held: the
fee of the seller's tier, and the amount, are unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.widgets.finding_details import DetailsPanel
from casewriter.tui.widgets.findings_table import FindingsTable
from tests.acceptance.test_issue10_tui import to_language
from tests.acceptance.test_issue14_final_fees import BANDS, order, seller
from tests.acceptance.test_issue14_final_summary import refunds
from tests.tui.conftest import calm
from tests.tui.test_hostile_tui import drawn

WORDS = {
    "en": {
        "tiers": "Size tier charged: Large Standard · your tier: Small standard-size",
        "amazon": "Amazon's measurement: 10.2 x 8.1 x 1 in, 0.45 lb (Fee Preview)",
        "mine": "Your measurement: 10 x 8 x 0.5 in, 6 oz",
        "charges": "Fees charged (4 order(s), 6 unit(s)): units × fee charged a unit, and the "
        "fee for your tier",
        "first": "113-0000002-0000002 2026-03-03: 1 unit(s) × 3.90 USD, your tier 3.45 USD",
        "last": "113-0000005-0000005 2026-03-06: 3 unit(s) × 3.90 USD, your tier 2.56 USD",
        "unknown": "113-0000001-0000001 2026-10-15: 1 unit(s) × 3.90 USD, your tier fee unknown "
        "(no fee table held)",
        "row": ("claimable", "Fee overcharge"),
        "key": "d Details",
    },
    "zh": {
        "tiers": "收费的尺寸分段：Large Standard · 您的尺寸分段：Small standard-size",
        "amazon": "亚马逊的测量：10.2 x 8.1 x 1 in, 0.45 lb（费用预览）",
        "mine": "您的测量：10 x 8 x 0.5 in, 6 oz",
        "charges": "所收费用（4 个订单，6 件）：件数 × 每件所收费用，以及您所在分段的费用",
        "first": "113-0000002-0000002 2026-03-03：1 件 × 3.90 USD，您的分段 3.45 USD",
        "last": "113-0000005-0000005 2026-03-06：3 件 × 3.90 USD，您的分段 2.56 USD",
        "unknown": "113-0000001-0000001 2026-10-15：1 件 × 3.90 USD，您的分段 费用未知（没有相应的费用表）",
        "row": ("可索赔", "费用多收"),
        "key": "d 详情",
    },
}


async def scan_at(pilot: Any, app: Any, paths: str, as_of: str) -> ScanScreen:
    await pilot.press("f3")
    await calm(pilot)
    screen = app.screen
    assert isinstance(screen, ScanScreen)
    screen.query_one("#scan-paths", Input).value = paths
    screen.query_one("#scan-as-of", Input).value = as_of
    await pilot.press("enter")
    await calm(pilot)
    return screen


def details_text(screen: ScanScreen) -> str:
    return str(screen.query_one("#scan-details", Static).render())


def form_shown(screen: ScanScreen) -> bool:
    return screen.query_one("#scan-form").styles.display != "none"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_fee_details_name_tiers_and_charges_and_scroll_at_80x24(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    seller(tmp_path, BANDS)
    words = WORDS[lang]
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await scan_at(pilot, app, str(tmp_path), "2026-06-01")
        lines = details_text(screen).splitlines()
        for key in ("tiers", "amazon", "mine", "charges"):
            assert words[key] in lines, (key, lines)
        charges = [x.strip() for x in lines[lines.index(words["charges"]) + 1 :]]
        assert len(charges) == 4 and charges[0] == words["first"] and charges[3] == words["last"]
        # the table is focused, the last charge is below the fold, the row and the key in view
        assert app.focused is screen.table
        before = drawn(app, f"details {lang}")
        status, rule = words["row"]
        assert any(status in x and rule in x and "2026-06-01" in x for x in before.splitlines())
        assert words["key"] in before
        assert words["last"][:19] not in before
        await pilot.press("d")
        await calm(pilot)
        assert isinstance(app.focused, DetailsPanel)
        await pilot.press("end")
        await calm(pilot)
        after = drawn(app, f"details scrolled {lang}")
        assert flat(words["last"]) in flat(after), after
        assert any(status in x and rule in x for x in after.splitlines())  # the row stays
        await pilot.press("d")
        await calm(pilot)
        assert app.focused is screen.table


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_amount_unknown_the_details_still_name_tiers_fee_and_units(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """The issue: with no fee table, "the finding names the two tiers, the fee charged and the
    units, with the amount unknown"."""
    seller(tmp_path, [(order(1), "19.99", 1, "2026-10-15")])
    words = WORDS[lang]
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await scan_at(pilot, app, str(tmp_path), "2026-11-01")
        (finding,) = screen.findings
        assert (finding.rule, finding.amount, finding.quantity) == ("fee-overcharge", None, 1)
        lines = [x.strip() for x in details_text(screen).splitlines()]
        assert words["tiers"] in lines and words["unknown"] in lines, lines


async def test_the_form_steps_aside_on_a_short_terminal_and_p_brings_it_back(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await scan_at(pilot, app, str(tmp_path), "2026-06-01")
        paths = screen.query_one("#scan-paths", Input)
        assert not form_shown(screen)  # reviewing the findings: the details get the room
        assert "Report files or folders" not in drawn(app, "compact")
        await pilot.press("p")
        await calm(pilot)
        assert form_shown(screen) and app.focused is paths
        assert "Report files or folders" in drawn(app, "form back")
        screen.table.focus()
        await calm(pilot)
        assert not form_shown(screen)
        await pilot.press("p")
        await calm(pilot)
        assert not screen.query_one(DetailsPanel).display  # the findings get the room left
        screen.query_one("#btn-scan").focus()  # from the form, d goes to the details
        await calm(pilot)
        await pilot.press("d")
        await calm(pilot)
        assert isinstance(app.focused, DetailsPanel) and not form_shown(screen)
        assert "Size tier charged: Large Standard" in drawn(app, "details from the form")


async def test_a_tall_terminal_keeps_the_form(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await calm(pilot)
        screen = await scan_at(pilot, app, str(tmp_path), "2026-06-01")
        assert app.focused is screen.query_one(FindingsTable)
        assert form_shown(screen)
        text = flat(drawn(app, "120x40"))
        assert flat(WORDS["en"]["last"]) in text  # room for every line without scrolling


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_yen_in_whole_yen_on_the_scan_screen(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """A ¥1980 refund of 2026-02-01 not returned, claimable as of 06-01 (JP: 45 days to 18
    months): the table, the details and the money at stake say 1,980 JPY, never 1980.00."""
    refunds(tmp_path, ["1980"], refunded="2026-02-01", currency="JPY", market="Amazon.co.jp",
            prefix="503")  # fmt: skip
    app = app_factory()
    async with app.run_test(size=(140, 40)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await scan_at(pilot, app, str(tmp_path), "2026-06-01")
        (finding,) = screen.findings
        assert (finding.marketplace, finding.status, str(finding.amount)) == (
            "JP", "claimable", "1980")  # fmt: skip
        text = drawn(app, f"yen {lang}")
        assert "1980.00" not in text and "1,980.00" not in text
        assert "1,980 JPY" in details_text(screen)
        money = str(screen.query_one("#scan-money", Static).render())
        assert "1,980 JPY" in money, money
        row = next(x for x in text.splitlines() if "503-0000001-0000001" in x and "JPY" in x)
        assert "1,980 JPY" in row
