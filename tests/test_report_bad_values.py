"""Report cells that cannot be what they claim (issue 10, F19).

- A negative count where counts cannot be negative (units shipped, received, ordered, on
  hand) skips its row with the same "file:line: column: … (row skipped)" warning as any other
  bad cell; columns of movements (ledger summary, inventory events) stay signed.
- An identifier a finding's case would be filed on (Shipment ID, FNSKU, ASIN, order ID) that
  fails its check makes the finding ``to-review`` with the reason, and it is never drafted: the
  units may well be missing, but a claim must not cite a wrong id (a cell cut short or changed
  by a spreadsheet). The seller sees it, with its window, and checks the id first.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.reports import Warnings, scan, sniff
from casewriter.reports.collect import READERS
from tests.builtin_catalog import builtin_catalog
from tests.conftest import SAMPLES
from tests.test_reports_readers import FORMATS

INBOUND = SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv"
AS_OF = "2026-05-01"


def _edited(source: Path, target: Path, line: int, old: str, new: str) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _read(path: Path) -> tuple[list[Any], list[str]]:
    info = sniff(path)
    warnings = Warnings()
    rows = list(READERS[info.type](info, warnings, None))
    return rows, warnings.all()


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [("\t100\t96\t", "\t-100\t96\t", "QuantityShipped"), ("\t100\t96\t", "\t100\t-96\t", "QuantityReceived")],
    ids=["shipped", "received"],
)  # fmt: skip
def test_a_negative_inbound_count_skips_its_row_with_a_warning(
    tmp_path: Path, old: str, new: str, column: str
) -> None:
    path = _edited(INBOUND, tmp_path / "inbound.tsv", 2, old, new)
    rows, warnings = _read(path)
    assert len(rows) == len(INBOUND.read_text().splitlines()) - 2
    (message,) = warnings
    value = new.split("\t")[1] if column == "QuantityShipped" else new.split("\t")[2]
    assert message == (
        f"{path}:2: {column}: {value} is negative (a count of units cannot be) (row skipped)"
    )


def test_negative_counts_in_orders_and_received_inventory_are_warned_about(tmp_path: Path) -> None:
    orders = SAMPLES / "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL.tsv"
    header = orders.read_text(encoding="utf-8").splitlines()[0].split("\t")
    line = orders.read_text(encoding="utf-8").splitlines()[1].split("\t")
    line[header.index("quantity")] = "-2"
    bad = tmp_path / "orders.tsv"
    bad.write_text("\t".join(header) + "\n" + "\t".join(line) + "\n", encoding="utf-8")
    rows, warnings = _read(bad)
    assert rows == [] and warnings == [
        f"{bad}:2: quantity: -2 is negative (a count of units cannot be) (row skipped)"
    ]
    receipts = SAMPLES / "GET_FBA_FULFILLMENT_INVENTORY_RECEIPTS_DATA.tsv"
    header = receipts.read_text(encoding="utf-8").splitlines()[0].split("\t")
    line = receipts.read_text(encoding="utf-8").splitlines()[1].split("\t")
    line[header.index("quantity")] = "-72"
    bad = tmp_path / "receipts.tsv"
    bad.write_text("\t".join(header) + "\n" + "\t".join(line) + "\n", encoding="utf-8")
    rows, warnings = _read(bad)
    assert rows == [] and len(warnings) == 1 and ":2: quantity: -72 is negative" in warnings[0]


def test_a_negative_stock_count_skips_its_row_but_movements_stay_signed(tmp_path: Path) -> None:
    path = _edited(FORMATS / "manage_inventory.txt", tmp_path / "myi.txt", 3,
                   "\t118\t118\t", "\t118\t-118\t")  # fmt: skip
    rows, warnings = _read(path)
    assert len(rows) == 1
    (message,) = warnings
    assert message.startswith(f"{path}:3: afn-fulfillable-quantity: -118 is negative")
    summary, warnings = _read(FORMATS / "ledger_summary.csv")  # Customer Shipments -52, Lost -2
    assert warnings == [] and summary[0].customer_shipments == -52 and summary[0].lost == -2
    events, warnings = _read(SAMPLES / "GET_FBA_FULFILLMENT_INVENTORY_SUMMARY_DATA.tsv")
    assert warnings == [] and any(e.quantity < 0 for e in events)  # shipments leave stock


def test_the_cli_scan_warns_and_still_scans_the_rest(cli: Any, tmp_path: Path) -> None:
    path = _edited(INBOUND, tmp_path / "inbound.tsv", 2, "\t100\t96\t", "\t-100\t96\t")
    res = cli("scan", str(path), "--as-of", AS_OF, "--json")
    assert res.code == 0, res
    doc = json.loads(res.out)
    assert any("inbound.tsv:2: QuantityShipped: -100" in w for w in doc["warnings"])
    assert doc["findings"], "the other rows are still scanned"


def _bad_ids(tmp_path: Path) -> Path:
    """The sample's first row (100 shipped, 96 received: a claimable shortfall) with its
    Shipment ID and FNSKU damaged."""
    return _edited(INBOUND, tmp_path / "inbound.tsv", 2, "FBA17XKQ9M2Z\t", "FBA17XKQ9M2Z[/]\t")


def test_an_id_that_fails_its_check_makes_the_finding_to_review(tmp_path: Path) -> None:
    result = scan([_bad_ids(tmp_path)], as_of=date(2026, 5, 1), catalog=builtin_catalog())
    (bad,) = [f for f in result.findings if f.ids["shipment_id"] == "FBA17XKQ9M2Z[/]"]
    assert bad.status == "to-review" and bad.quantity == 4
    assert bad.bad_ids == ["FBA17XKQ9M2Z[/]"]
    assert any(n.startswith("the Shipment ID 'FBA17XKQ9M2Z[/]' in the report fails its check")
               for n in bad.notes)  # fmt: skip
    assert bad.window.closes is not None  # the window is still shown: the seller can act
    fine = [f for f in result.findings if f.ids["shipment_id"] != "FBA17XKQ9M2Z[/]"]
    assert fine and all(not f.bad_ids for f in fine)


def test_a_short_fnsku_is_caught_too(tmp_path: Path) -> None:
    path = _edited(INBOUND, tmp_path / "inbound.tsv", 2, "\tX003KQ7ZP1\t", "\tX003KQ7Z\t")
    result = scan([path], as_of=date(2026, 5, 1), catalog=builtin_catalog())
    (bad,) = [f for f in result.findings if f.ids["fnsku"] == "X003KQ7Z"]
    assert bad.status == "to-review" and "8 characters" in " ".join(bad.notes)


def test_scan_draft_never_drafts_a_finding_with_a_bad_id(cli: Any, tmp_path: Path) -> None:
    path = _bad_ids(tmp_path)
    res = cli("scan", str(path), "--as-of", AS_OF, "--json")
    doc = json.loads(res.out)
    (bad,) = [f for f in doc["findings"] if f["ids"]["shipment_id"] == "FBA17XKQ9M2Z[/]"]
    assert bad["status"] == "to-review" and "fails its check" in " ".join(bad["notes"])
    res = cli("scan", str(path), "--as-of", AS_OF, "--draft", "--draft-stranded")
    assert res.code == 0, res
    listed = cli("log", "list", "--json")
    subjects = " ".join(c["subject"] for c in json.loads(listed.out)["cases"])
    assert "FBA17XKQ9M2Z" not in subjects and "FBA16WPL3R8D" in subjects
