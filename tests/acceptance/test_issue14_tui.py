"""Acceptance, issue 14 in the TUI (Textual Pilot) at 80×24 and 120×40, in English and Chinese:
the scan screen (F3) reads the new reports, names the new rules, shows the money at stake of
§3 and keeps the findings in view; a folder's files that are no report are named with their
reason (§1) without hiding the findings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from casewriter.tui.screens.scan import ScanScreen
from tests.acceptance.test_issue10_tui import to_language
from tests.acceptance.test_issue14_fees import _stranded
from tests.acceptance.test_issue14_removals import _removals
from tests.tui.conftest import calm
from tests.tui.test_hostile_tui import drawn

MONEY = {
    "en": ("Money at stake (estimates): claimable now 12.00 USD", "Worth the most: "
           "Removal incomplete RMV-A X00RMV000A 12.00 USD"),
    "zh": ("涉及金额（估算）：现在可索赔 12.00 USD", "金额最高：移除订单缺件 RMV-A X00RMV000A 12.00 USD"),
}  # fmt: skip
FIRST_ROW = {"en": ("claimable", "Removal incomplete"), "zh": ("可索赔", "移除订单缺件")}
RULE_NAMES = {
    "en": ("Removal incomplete", "Removal lost in transit", "Stranded inventory"),
    "zh": ("移除订单缺件", "移除货件运输丢失", "无在售信息库存"),
}


async def _scan(pilot: Any, app: Any, paths: str) -> ScanScreen:
    await pilot.press("f3")
    await calm(pilot)
    screen = app.screen
    assert isinstance(screen, ScanScreen)
    screen.query_one("#scan-paths", Input).value = paths
    screen.query_one("#scan-as-of", Input).value = "2026-06-01"
    await pilot.press("enter")
    await calm(pilot)
    return screen


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_scan_screen_shows_new_findings_and_the_money_at_stake(
    app_factory: Callable[..., Any], tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    _removals(tmp_path / "removals")
    _stranded(tmp_path / "stranded")
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await _scan(pilot, app, f"{tmp_path / 'removals'} {tmp_path / 'stranded'}")
        assert sorted(f.rule for f in screen.findings) == [
            "removal-incomplete", "removal-lost", "removal-lost", "stranded-inventory",
            "stranded-inventory"]  # fmt: skip
        money = str(screen.query_one("#scan-money", Static).render())
        for part in MONEY[lang]:
            assert part in money, money
        text = drawn(app, f"scan {lang} {size}")
        status, rule = FIRST_ROW[lang]
        assert any(status in x and rule in x and "RMV-A" in x for x in text.splitlines()), text
        if size == (120, 40):  # room for every row
            for name in RULE_NAMES[lang]:
                assert name in text, name


async def test_files_not_read_do_not_hide_the_findings(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    """A Downloads folder holds more than reports: the reasons for the files not read are shown
    (§1), and the first finding stays visible in the table."""
    folder = tmp_path / "downloads"
    _removals(folder)
    for n in range(3):
        (folder / f"note-{n:02}.txt").write_text(f"shopping list {n}\n", "utf-8")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(folder))
        assert len(screen.findings) == 3
        text = drawn(app, "scan 80x24")
        assert "note-00.txt" in "".join(text.split())
        assert any("Removal incomplete" in x and "claimable" in x for x in text.splitlines())


async def test_every_file_not_read_is_named_or_counted(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    _removals(folder)
    for n in range(12):
        (folder / f"note-{n:02}.txt").write_text(f"shopping list {n}\n", "utf-8")
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(folder))
        assert len(screen.findings) == 3
        flat = "".join(drawn(app, "scan 120x40").split())
        assert "note-00.txt" in flat
        # every file named, or the ones named plus "(+N more)" counting the rest
        named = sum(f"note-{n:02}.txt" in flat for n in range(12))
        assert named == 12 or f"(+{12 - named}more)" in flat
