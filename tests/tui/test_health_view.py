"""The Health screen's action lines as Rich draws them (issue 15 F15): Chinese has no spaces
between words, so a title, the steps and the drafted case's line fold at the column's edge
and are shown whole at any width, never cut with "…"."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from casewriter.health.model import Action, CaseProposal, Text
from casewriter.tui.widgets.health_view import action_text

TITLE = Text(en="Fix the stranded listing", zh="修复滞留库存的商品信息并重新发布以免被自动移除" * 2)
STEPS = Text(
    en="Open Fix stranded inventory, choose Relist or Create removal order for each SKU.",
    zh="打开“修复无在售信息的亚马逊库存”页面，为每个SKU选择重新上架或创建移除订单，"
    "并在自动移除日期之前完成；如果商品信息被禁止显示，先修复商品详情页的问题。",
)
CASE = CaseProposal(
    case_type="stranded-inventory",
    title=Text(en="Stranded inventory", zh="滞留库存无法重新上架的申诉案例，需要卖家支持协助处理"),
    draft={},
    ready=False,
    missing=[Text(en="the order counts", zh="订单数量与受影响订单的完整清单")],
)
ACTION = Action(key="stranded:X", kind="stranded", title=TITLE, steps=STEPS, case=CASE)


def drawn(width: int, lang: str) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(action_text(12, ACTION, lang))
    return console.export_text()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("width", [24, 40, 76, 116])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_action_lines_fold_whole_at_any_width(width: int, lang: str) -> None:
    text = drawn(width, lang)
    assert "…" not in text
    for whole in (
        TITLE.get(lang),
        STEPS.get(lang),
        CASE.title.get(lang),
        CASE.missing[0].get(lang),
    ):
        assert squeeze(whole) in squeeze(text), (width, whole)
    assert all(len(line) <= width for line in text.splitlines())
    # wrapped under the title, never under the number
    assert all(line.startswith("    ") for line in text.splitlines()[1:] if line.strip())
