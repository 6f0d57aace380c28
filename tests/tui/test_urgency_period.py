"""The wizard's deadline block words a period that is not a claim window (stranded units) as a
period to act, never "claimable" or "too early to file" (issue 12 §2), in English and Chinese."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casewriter.config import Settings
from casewriter.engine.casefile import load_case_file
from casewriter.engine.rendering import Engine
from casewriter.paths import AppPaths
from casewriter.tui.i18n import set_language
from casewriter.tui.wizard.steps.urgency_step import deadline_text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(AppPaths.under(tmp_path_factory.mktemp("home")), Settings())


@pytest.mark.parametrize(
    ("as_of", "en", "zh"),
    [
        ("2026-04-10", "not a claim window: a period to act", "不是索赔期限：处理期限"),
        ("2026-05-10", "not a claim window: a period to act", "不是索赔期限：处理期限"),
        ("2026-06-30", "not a claim window: the period has ended", "处理期限已结束"),
    ],
)
def test_stranded_deadline_is_a_period_to_act(engine: Engine, as_of: str, en: str, zh: str) -> None:
    example = REPO / "templates" / "examples" / "stranded-inventory.toml"
    draft = load_case_file(example, engine.catalog)
    draft = draft.model_copy(update={"facts": {**draft.facts, "stranded_date": date(2026, 4, 20)}})
    case = engine.render(draft, as_of=date.fromisoformat(as_of))
    try:
        text = deadline_text(case).plain
        assert en in text and "claimable" not in text and "too early" not in text, text
        set_language("zh")
        text = deadline_text(case).plain
        assert zh in text and "可索赔" not in text and "尚未到可提交时间" not in text, text
    finally:
        set_language("en")


def test_a_claim_window_keeps_its_status(engine: Engine) -> None:
    example = REPO / "templates" / "examples" / "warehouse-lost.toml"
    case = engine.render(load_case_file(example, engine.catalog), as_of=date(2026, 6, 10))
    assert "claimable" in deadline_text(case).plain
