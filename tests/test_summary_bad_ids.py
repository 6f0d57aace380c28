"""The money summary and a finding naming an id that fails its check (issue 14, finding F15):
never "file these first", counted in ``to_review`` as such (``bad_ids``), not as a claim with no
documented window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.acceptance.issue14_files import SETTLEMENT_V2, write_report
from tests.acceptance.issue14_rows import v2_row, v2_total


def test_a_bad_id_is_counted_where_it_belongs(cli: Any, tmp_path: Path) -> None:
    write_report(tmp_path / "feb.txt", SETTLEMENT_V2, [
        v2_total("1001", "USD"),
        v2_row("1001", "Refund", "111-90000-01", "BI-1", "ItemPrice", "Principal", "-99.00",
               "2026-02-20"),
    ])  # fmt: skip
    data = json.loads(cli("scan", str(tmp_path), "--json", "--as-of", "2026-05-01").out)
    review = data["summary"]["to_review"]
    assert (review["findings"], review["leads"], review["bad_ids"]) == (1, 0, 1)
    assert data["summary"]["top"] == []
    text = cli("scan", str(tmp_path), "--as-of", "2026-05-01").out
    assert ("to review: 99.00 USD in 1 finding(s) (0 lead(s) to check, 1 with an id that fails "
            "its check, 0 claim(s) with no documented window)") in " ".join(text.split())  # fmt: skip
    assert "worth the most" not in text
