"""The seller's own CSVs saved by Excel in a European locale (semicolons, decimal commas) read
exactly as the comma-separated ones (issue 14, finding F16)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.test_issue14_money import _underpaid

FILES = {
    "--costs": ("sku,cost,currency\nUP-A,5.00,USD\n", "sku;cost;currency\r\nUP-A;5,00;USD\r\n"),
    "--measurements": (
        "sku,length,width,height,dimension_unit,weight,weight_unit\nUP-A,24,18.5,3,cm,0.4,kg\n",
        "sku;length;width;height;dimension_unit;weight;weight_unit\r\nUP-A;24;18,5;3;cm;0,4;kg\r\n",
    ),
}


@pytest.mark.parametrize("option", sorted(FILES))
def test_semicolons_and_decimal_commas_read_as_commas_and_points(
    cli: Any, tmp_path: Path, option: str
) -> None:
    _underpaid(tmp_path / "reports")
    got = []
    for n, text in enumerate(FILES[option]):
        own = tmp_path / f"mine{n}.csv"
        own.write_text(text, "utf-8")
        res = cli("scan", str(tmp_path / "reports"), option, str(own), "--as-of", "2026-06-01",
                  "--json")  # fmt: skip
        assert res.code == 0, res.err
        data = json.loads(res.out)
        own_rows = [r["rows"] for r in data["reports"] if r["path"] == str(own)]
        got.append((data["findings"], data["notes"], data["warnings"], own_rows))
    assert got[0] == got[1]
    assert got[0][3] == [1]  # the one row of the seller's file read
    if option == "--costs":  # the cost 5,00 is 5.00: UP-A paid 2 x 2.00 below it
        assert any(f["rule"] == "reimbursement-underpaid" for f in got[0][0])
