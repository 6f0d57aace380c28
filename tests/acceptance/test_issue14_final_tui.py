"""Acceptance (last round), issue 14 in the TUI (Textual Pilot, 80×24): the Scan screen (F3)
with the 2026 fee-overcharge finding of ``test_issue14_final_fees`` in English and Chinese, and
a Downloads folder holding a photo and a folder beside the reports.

Figures, as of 2026-06-01 (the scan screen helper's date), from ``BANDS``: the 03-02 charge
(1 unit, 1.34) closed on 05-31 and is lost; the other four orders are claimable: 0.45 + 0.45 +
0.19 + 3 x 1.34 = 5.11 USD for 6 units, dated 03-03, closing 06-01.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from tests.acceptance.test_issue10_tui import to_language
from tests.acceptance.test_issue14_final_fees import BANDS, seller
from tests.acceptance.test_issue14_tui import _scan
from tests.tui.conftest import calm
from tests.tui.test_hostile_tui import drawn

MONEY = {
    "en": ("claimable now 5.11 USD", "expired 1.34 USD",
           "Worth the most: Fee overcharge BAND B00BAND001 X00BAND001 5.11 USD"),
    "zh": ("现在可索赔 5.11 USD", "已过期 1.34 USD", "金额最高：费用多收 BAND B00BAND001 X00BAND001 5.11 USD"),
}  # fmt: skip
ROW = {"en": ("claimable", "Fee overcharge"), "zh": ("可索赔", "费用多收")}
NOTE = {"en": ("Note: 1 older charge(s), 1 unit(s), are past the 90-day window",
               "Note: fee for your tier from Amazon's 2026 US FBA fulfilment fees"),
        "zh": ("说明：有 1 笔较早的收费（1 件）已超过 90 天期限", "计算的您所在分段的费用［推测：请与费用预览核对］")}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_2026_fee_finding_on_the_scan_screen(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await _scan(pilot, app, str(tmp_path))
        assert [(f.rule, f.status, f.quantity, str(f.amount)) for f in screen.findings] == [
            ("fee-overcharge", "claimable", 6, "5.11")]  # fmt: skip
        money = " ".join(str(screen.query_one("#scan-money", Static).render()).split())
        for part in MONEY[lang]:
            assert part in money, money
        text = drawn(app, f"fees {lang}")
        status, rule = ROW[lang]
        assert any(status in x and rule in x and "2026-06-01" in x for x in text.splitlines())
        details = str(screen.query_one("#scan-details", Static).render())
        for part in NOTE[lang]:
            assert part in details, details


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_each_note_starts_its_own_line(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """The details panel reads "…can no longer be claimedNote: fee for your tier…" (Chinese:
    "…无法再索赔说明：按…"): four notes glued into one paragraph."""
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await _scan(pilot, app, str(tmp_path))
        details = str(screen.query_one("#scan-details", Static).render())
        lines = details.splitlines()
        label = "Note: " if lang == "en" else "说明："
        assert details.count(label) == 4
        assert sum(x.startswith(label) for x in lines) == 4, details


async def test_every_note_of_the_finding_can_be_read_at_80x24(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    """The last of the four notes (the items-below-$10 table, which priced 4 of the 6 units)
    is below the panel's 7 lines, and the panel neither scrolls nor opens."""
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await _scan(pilot, app, str(tmp_path))
        flat = " ".join(drawn(app, "fees 80x24").split())
        assert "items below $10" in flat, flat


async def test_the_details_name_both_tiers(app_factory: Callable[..., Any], tmp_path: Path) -> None:
    seller(tmp_path, BANDS)
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(tmp_path))
        details = str(screen.query_one("#scan-details", Static).render())
        assert "Large Standard" in details and "Small standard-size" in details, details


async def test_files_and_folders_not_read_are_named_in_the_tui(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    """The CLI names label.jpg with its reason; the Scan screen keeps only .txt/.csv/.tsv files
    of a folder and says nothing of the rest, nor of the folder inside it."""
    seller(tmp_path, BANDS)
    (tmp_path / "label.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (tmp_path / "2026-04").mkdir()
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(tmp_path))
        assert len(screen.findings) == 1
        said = " ".join(drawn(app, "downloads").split()) + " ".join(
            getattr(app, "_shown_toasts", []))  # fmt: skip
        assert "label.jpg" in said and "2026-04" in said, said
