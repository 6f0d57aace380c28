"""A stranded draft states one unit count (issue 14, finding F5): its story, its list and its
request all say the fulfillable units the Fix stranded inventory page shows (the fact
``units_stranded``), never the finding's fulfillable + unfulfillable in one sentence and the
fulfillable in the others."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import STRANDED, write_report
from tests.acceptance.issue14_rows import stranded


def test_story_list_and_request_say_the_same_units(cli: Any, tmp_path: Path) -> None:
    write_report(tmp_path / "stranded.csv", STRANDED, [
        stranded("SC-1", "X00STRCNT1", "Amazon", "10", "2", "15.00", "2026-05-10", "2026-06-20"),
    ], "csv")  # fmt: skip
    res = cli("scan", str(tmp_path), "--as-of", "2026-06-01", "--json", "--draft-stranded")
    (case_id,) = json.loads(res.out)["drafts"]["drafted"]
    body = json.loads(cli("log", "show", case_id, "--json").out)["body"]
    assert "10 units of ASIN B00STRCNT1 (SKU SC-1, FNSKU X00STRCNT1) have been" in body
    assert "Units stranded: 10" in body and "the 10 units become sellable" in body
    assert "12" not in body
