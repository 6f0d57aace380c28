"""The core's bilingual messages (issue 13 §4): every code in both languages with the same
parameters; value errors, checklist warnings, deadline warnings and urgency reasons said in
Chinese for the app while their ``str`` stays the English the CLI prints."""

from __future__ import annotations

import pickle
import string
from datetime import date

import pytest

from casewriter.dates import parse_date
from casewriter.engine.deadline_text import WORDING, deadline_warnings, urgency_reason
from casewriter.engine.drafts import Deadline
from casewriter.engine.facts import parse_money, parse_quantity
from casewriter.errors import UsageError
from casewriter.marketplaces import get
from casewriter.messages import MESSAGES, Said, missing_translations, said, say


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_in_both_languages_with_known_parameters() -> None:
    assert missing_translations() == [] and missing_translations(WORDING) == []
    for code, (en, zh) in [*MESSAGES.items(), *WORDING.items()]:
        # Chinese quotes the raw value (“ten”) where English shows its repr ('ten')
        assert _fields(zh) <= _fields(en) | {"raw"}, code


def test_a_value_error_is_english_for_the_cli_and_chinese_for_the_app() -> None:
    with pytest.raises(UsageError) as caught:
        parse_quantity("ten", "facts.units_shipped")
    assert str(caught.value) == "facts.units_shipped: 'ten' is not a whole number"
    assert say(caught.value.message, "zh") == "facts.units_shipped：“ten”不是整数"
    with pytest.raises(UsageError) as caught:
        parse_money("abc", "facts.unit_cost")
    assert "不是金额" in say(caught.value.message, "zh")
    with pytest.raises(UsageError) as caught:
        parse_date("32/13", get("US"), "facts.delivered_date")
    assert say(caught.value.message, "zh").startswith("facts.delivered_date：“32/13”")


def test_deadline_warnings_and_urgency_reasons_in_both_languages() -> None:
    d = Deadline(
        opens=date(2026, 3, 2),
        closes=date(2026, 5, 10),
        days_left=6,
        status="claimable",
        source="Seller Central help",
        as_of=date(2026, 6, 1),
        clock="shipment delivery",
        clock_zh="货件签收",
        today=date(2026, 5, 4),
    )
    (warning,) = deadline_warnings(d)
    assert warning.startswith("6 days left: the claim window closes on 2026-05-10")
    assert say(warning, "zh").startswith("剩余 6 天：索赔期于 2026-05-10 截止")
    expired = d.model_copy(update={"status": "expired"})
    assert "自货件签收起算" in say(deadline_warnings(expired)[0], "zh")
    reason = urgency_reason(1, only=True)
    assert reason == "only 1 day left in the claim window"
    assert say(reason, "zh") == "索赔期仅剩余 1 天"


def test_said_is_a_str_that_keeps_its_chinese() -> None:
    text = said("fact.missing", label=Said("Units shipped", "发货数量"))
    assert text == "Missing fact: Units shipped." and isinstance(text, str)
    copy = pickle.loads(pickle.dumps(text))
    assert say(copy, "zh") == "缺少信息：发货数量。" and copy.code == "fact.missing"
    assert say("plain user text", "zh") == "plain user text"
