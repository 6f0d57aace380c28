"""The wizard header names the case type by its title in the room it has: cut between words
with "…", never mid-word, left out when no word fits (issue 13 §4 and §6: no raw ids; 80×24)."""

from __future__ import annotations

import pytest

from casewriter.tui.wizard.chrome import type_label

TITLE = "Missing units in an FBA inbound shipment"


@pytest.mark.parametrize(
    ("room", "expected"),
    [
        (80, f"   {TITLE} · US"),
        (30, "   Missing units in an… · US"),
        (20, "   Missing… · US"),
        (12, "   US"),  # "Miss…" would be part of a word
        (5, ""),
    ],
)
def test_the_type_title_is_cut_between_words(room: int, expected: str) -> None:
    assert type_label(TITLE, "US", room).plain == expected


def test_a_chinese_title_is_cut_where_it_must_be() -> None:
    label = type_label("FBA入库货件少件未赔偿", "JP", 16).plain
    assert label.endswith("… · JP") and label.startswith("   FBA")
