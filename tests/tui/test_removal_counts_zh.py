"""The counts warning where the app shows it: a removal lost in transit whose item lines claim
30 units while 60 were shipped and 24 received, typed in the wizard in Chinese; the review's
warnings say the whole sentence in Chinese (engine/counts.py's ``count.mismatch``)."""

from __future__ import annotations

import re

from tests.tui.conftest import RunApp, calm, fill, next_step, wizard
from tests.tui.test_wizard_items import add_line, shown_now

MISMATCH_ZH = (
    "数量对不上：移除订单发出数量 60 − 实际收到数量 24 = 36，但索赔数量为 30（商品明细合计）。"
    "提交前请核对。"
)


def _flat(text: str) -> str:
    """The screen's text without spaces, line breaks or box lines (a sentence wraps)."""
    return re.sub(r"[\s│┃║▌▐▎▊▕▏|]", "", text)


async def test_the_review_warns_in_chinese_when_the_counts_do_not_add_up(run_app: RunApp) -> None:
    async with run_app(size=(200, 60), start_case_type="removal-lost-in-transit") as pilot:
        await pilot.press("f4")  # 简体中文
        await calm(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, {
            "slot-removal_order_id": "RMV-NB-0519",
            "slot-tracking": "1Z8V72E40392186509\n",
            "fact-units_shipped": "60",
            "fact-units_received": "24",
            "fact-shipment_created_date": "2026-05-04",
            "item-fnsku": "X003KQ7ZP1",
            "item-quantity": "20",
        })  # fmt: skip
        await add_line(pilot)
        await fill(pilot, {"item-asin": "B0C7QX2M4K", "item-quantity": "10"})
        await next_step(pilot)
        await next_step(pilot)
        assert wz.state.step == "review"
        shown = _flat(shown_now(pilot, "review zh"))
        assert _flat(MISMATCH_ZH) in shown, shown
        assert "countsdonotaddup" not in shown
