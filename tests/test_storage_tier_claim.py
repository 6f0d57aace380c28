"""A storage tier the seller's measurements prove wrong (issue 14 §2 storage fee check, "to
review unless the tier is wrong"; finding F4): with no fulfilment fee charge in the reports it is
still a claim, dated by the month's storage charge, its amount unknown, with a note saying so."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import MANAGE_INVENTORY, MEASUREMENTS, STORAGE, write_report
from tests.acceptance.issue14_rows import manage_inventory, storage


def test_a_wrong_storage_tier_is_a_dated_claim(cli: Any, tmp_path: Path) -> None:
    write_report(tmp_path / "storage.txt", STORAGE, [storage(
        "X00STO0008", "ONT8", "1.2153", "10", "12.153", "0.56", "6.81", tier="Oversize",
        sides=("25", "14", "6"), weight="5")])  # fmt: skip
    write_report(tmp_path / "mine.csv", MEASUREMENTS,
                 [{"sku": "STO-8", "length": "17", "width": "13", "height": "5",
                   "dimension_unit": "in", "weight": "4", "weight_unit": "lb"}])  # fmt: skip
    write_report(
        tmp_path / "myi.txt", MANAGE_INVENTORY, [manage_inventory("STO-8", "X00STO0008", "0")]
    )
    res = cli("scan", str(tmp_path), "--as-of", "2026-06-01", "--json")
    (f,) = json.loads(res.out)["findings"]
    assert (f["rule"], f["status"], f.get("lead", False)) == ("fee-overcharge", "claimable", False)
    month = f["details"]["storage_month"]
    assert f["event_date"] == f"{month[:4]}-{int(month[5:]) + 1:02d}-01"  # charged the month after
    assert f["estimated_value"] is None
    assert any("the tier is wrong, ask Amazon to re-measure" in n for n in f["notes"])
