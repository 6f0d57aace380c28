"""A file joining two different reports (issue 14, finding F1): the first is read up to the
second's header, the file is named as read in part at that line (exit 1), and the second report
is read too, as its own type (its rows counted, its bad rows named by their line in the file):
nothing is dropped without a word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue14_files import REIMBURSEMENTS, SETTLEMENT_V2, render
from tests.acceptance.issue14_rows import reimbursement, v2_row, v2_total

ORDER = "111-5100001-0000001"


@pytest.mark.parametrize("style", ["tab", "csv"])
def test_the_report_joined_after_another_is_read_as_its_own(
    cli: Any, tmp_path: Path, style: str
) -> None:
    joined = render(SETTLEMENT_V2, [
        v2_total("3001", "USD"),
        v2_row("3001", "Refund", ORDER, "JN-1", "ItemPrice", "Principal", "-20.00", "2026-02-20"),
    ], style) + render(REIMBURSEMENTS, [
        reimbursement("2026-03-01", "5100000001", "CustomerReturn", "JN-1", "X00JOINED1", "20.00",
                      "20.00", "1", order=ORDER),
        reimbursement("not a date", "5100000002", "CustomerReturn", "JN-2", "X00JOINED2",
                      "9.00", "9.00", "1"),
    ], style)  # fmt: skip
    (tmp_path / "joined.txt").write_bytes(joined)
    res = cli("scan", str(tmp_path), "--as-of", "2026-05-01", "--json")
    data = json.loads(res.out)
    assert res.code == 1
    (skipped,) = data["skipped"]
    assert skipped["partial"]
    assert (
        f"{tmp_path / 'joined.txt'}:4: the header of another report (reimbursements)"
        in (skipped["reason"])
    )
    # the reimbursement of the joined report paid the refunded order: no claim
    assert [f["ids"].get("order_id") for f in data["findings"]] == []
    (report,) = data["reports"]
    assert report["rows"] == 4  # 2 settlement rows and 2 reimbursement rows (header rows not)
    assert any("joined.txt:6" in w for w in data["warnings"]), data["warnings"]
