"""The planning reader's two ways through older snapshots agree: a whole file of older snapshots
goes through the tight trend-only loop (``planning._trend_only_file``), and older rows the loop
gives up on (one file holding several snapshots, an unusual file) through the ordinary reader,
which counts them into the trend's sums with the newest snapshot's own rows
(``Snapshot.add_row``). Either way the snapshots, the trend and the latest snapshot's lines are
the same, and a bad older row is a warning, not a count.

The planning figures built from those snapshots: each is its value (the rated ones compared with
their target) or absent with the reason (no planning report, or the column it needs missing),
through one helper each (``figures._rated``, ``figures_stock._unread``).
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


# --- the planning figures: a value rated against its target, or absent with the reason --------

PLANNING_FIGURES = {  # key -> (unit, the column whose absence the reason names)
    "sell_through": ("ratio", "sell-through"),
    "excess_share": ("percent", "estimated-excess-quantity"),
    "aged_units": ("units", "inv-age-*"),
    "aged_surcharge_next": ("money", "estimated-ltsf-next-charge"),
    "storage_next_month": ("money", "estimated-storage-cost-next-month"),
}


def _figures(data: InventoryData) -> dict[str, Any]:
    from casewriter.health.figures import inventory_review
    from casewriter.health.targets import Targets

    review = inventory_review(data, [], set(), "US", Targets())
    return {f.key: f for f in review.figures if f.key in PLANNING_FIGURES}


def test_each_planning_figure_says_why_it_is_absent() -> None:
    from datetime import date

    from casewriter.health.inventory_data import Snapshot

    none = _figures(InventoryData())
    empty = InventoryData()
    empty.snapshots[date(2026, 11, 9)] = Snapshot(date(2026, 11, 9), "planning.txt")
    lacking = _figures(empty)
    for key, (unit, column) in PLANNING_FIGURES.items():
        for fig in (none[key], lacking[key]):
            assert (fig.value, fig.status, fig.source, fig.unit) == (None, "no-data", None, unit)
            assert fig.absent is not None and fig.absent.zh
            rated = key in ("sell_through", "excess_share")
            assert (fig.target is not None) == rated, key
        assert none[key].absent.en.startswith("no inventory planning report given")
        assert none[key].absent.zh.startswith("未提供库存规划报告")
        assert lacking[key].absent.en == (
            f"the planning report of 2026-11-09 has no {column} column: this figure cannot be "
            "computed from it"
        )
        assert lacking[key].absent.zh == f"2026-11-09 的库存规划报告没有 {column} 列，无法计算此项"


def test_the_rated_planning_figures_compare_with_their_targets() -> None:
    figures = _figures(_read(WEEKS))
    for key in ("sell_through", "excess_share"):
        fig = figures[key]
        assert fig.value is not None and fig.target is not None and fig.absent is None
        assert fig.status == ("ok" if fig.target.met(fig.value) else "miss")
        assert fig.source is not None and fig.source.report == "inventory-planning"
        assert fig.how is not None and fig.how.en and fig.how.zh
