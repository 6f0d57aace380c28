"""The planning reader's two ways through older snapshots agree: a whole file of older snapshots
goes through the tight trend-only loop (``planning._trend_only_file``), and older rows the loop
gives up on (one file holding several snapshots, an unusual file) through the ordinary reader,
which counts them into the trend's sums with the newest snapshot's own rows
(``Snapshot.add_row``). Either way the snapshots, the trend and the latest snapshot's lines are
the same, and a bad older row is a warning, not a count.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from casewriter.health import planning
from casewriter.health.inventory import read_inventory
from casewriter.health.inventory_data import InventoryData
from casewriter.reports.sniff import sniff
from tests.conftest import REPO

WEEKS = sorted((REPO / "tests" / "data" / "health" / "cedarpine").glob("FBA_Inventory_*.txt"))


def _read(paths: list[Path]) -> InventoryData:
    return read_inventory([sniff(p) for p in paths], "US")


def _sums(data: InventoryData) -> dict[Any, dict[str, Any]]:
    """Each snapshot's sums and lines, without the file it came from."""
    return {day: {k: v for k, v in asdict(s).items() if k != "path"}
            for day, s in data.snapshots.items()}  # fmt: skip


def test_the_older_weeks_read_by_either_path_give_the_same_snapshots(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert len(WEEKS) == 3
    tight = _read(WEEKS)
    monkeypatch.setattr(planning, "_trend_only_file", lambda *args: False)
    ordinary = _read(WEEKS)
    assert _sums(ordinary) == _sums(tight)
    assert len(tight.snapshots) == 3 and tight.latest is not None and tight.latest.lines
    for snap in tight.snapshots.values():
        assert snap.skus == 4 and snap.sell_rows == 4 and snap.excess_rows == 4
    older = [s for s in tight.snapshots.values() if s is not tight.latest]
    assert all(not s.lines and not s.buckets and not s.storage_rows for s in older)
    assert [f.dates for f in ordinary.files] == [f.dates for f in tight.files]
    assert ordinary.warnings.rows == tight.warnings.rows == 12


def test_one_file_of_three_weeks_counts_each_older_row_once(tmp_path: Path) -> None:
    """Newest week first (its first row tells the reader which date is the newest), so the
    tight loop gives up at once and the older weeks' rows go through the ordinary reader."""
    lines = [p.read_text(encoding="utf-8").splitlines() for p in reversed(WEEKS)]
    header = lines[0][0]
    rows = [row for week in lines for row in week[1:]]
    bad = rows[-1].split("\t")
    bad[header.split("\t").index("available")] = "lots"  # an older row that cannot count
    rows.append("\t".join(bad))
    one = tmp_path / "FBA_Inventory_all.txt"
    one.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    apart = _read(WEEKS)
    together = _read([one])
    assert _sums(together) == _sums(apart)
    assert [f.dates for f in together.files] == [set().union(*(f.dates for f in apart.files))]
    assert together.warnings.rows == 13 and together.warnings.count == 1
    assert "available" in together.warnings.messages[0]


@pytest.mark.parametrize(
    ("column", "cell", "says"),
    [
        ("available", "2000000000", "quantity too large"),
        ("available", "-5", "is negative"),
        ("sell-through", "-0.4", "sell-through: -0.4 is negative"),
        ("estimated-excess-quantity", "9" * 40, "estimated-excess-quantity"),
    ],
)
def test_an_impossible_cell_of_an_older_week_is_a_row_warning(
    tmp_path: Path, column: str, cell: str, says: str
) -> None:
    """The tight loop never counts an out-of-bound or negative cell: it gives up, and the
    ordinary reader leaves that row out with a warning (the other rows still count)."""
    header, *rows = WEEKS[0].read_text(encoding="utf-8").splitlines()
    cells = rows[0].split("\t")
    cells[header.split("\t").index(column)] = cell
    older = tmp_path / WEEKS[0].name
    older.write_text("\n".join([header, "\t".join(cells), *rows[1:]]) + "\n", encoding="utf-8")
    data = _read([older, *WEEKS[1:]])
    assert data.warnings.count == 1 and says in data.warnings.messages[0], data.warnings.messages
    first = data.snapshots[min(d for d in data.snapshots if d is not None)]
    assert first.skus == 3  # the bad row left out, the other three counted


def test_snapshots_after_the_review_date_are_left_out() -> None:
    """``until`` (``--as-of``) between the second and third week: the third week's rows are
    counted as left out, the second week is the latest snapshot with its own lines."""
    from datetime import date

    data = read_inventory([sniff(p) for p in WEEKS], "US", until=date(2026, 11, 5))
    assert sorted(d for d in data.snapshots if d is not None) == [date(2026, 10, 26),
                                                                  date(2026, 11, 2)]  # fmt: skip
    assert data.latest is not None and data.latest.day == date(2026, 11, 2) and data.latest.lines
    assert [f.after_as_of for f in data.files] == [0, 0, 4]
    assert _sums(data)[date(2026, 11, 2)] == _sums(_read(WEEKS[:2]))[date(2026, 11, 2)]
