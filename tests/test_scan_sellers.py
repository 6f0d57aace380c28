"""Three fictional sellers' report sets (tests/data/reports/sellers/<name>/), each scanned by the
real CLI and compared with its hand-derived ``expected.json``: every finding (rule, ids, status,
quantity, event date, window opens/closes/safe_by) and nothing else — no missing finding, no
false positive. Harborline (US: quoted-CSV ledger + an overlapping TSV download, cp1252
reimbursements), Thamesfold (UK: BOM + CRLF ledger, EU-style settlement with decimal commas and
DD.MM.YYYY, a seller's own inbound CSV, All Orders with ``url``), Rheinwerk (DE: cp1252
reimbursements and returns, legacy 2022 files, the same settlement downloaded twice)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casewriter.engine.catalog import Catalog
from casewriter.paths import AppPaths
from casewriter.reports import scan
from tests.conftest import CliResult

SELLERS = Path(__file__).parent / "data" / "reports" / "sellers"
NAMES = ("harborline", "thamesfold", "rheinwerk")

Key = tuple[str, tuple[tuple[str, Any], ...]]


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SELLERS / name / "expected.json").read_text("utf-8"))
    return data


def reports(name: str) -> list[Path]:
    return sorted(p for p in (SELLERS / name).iterdir() if p.name != "expected.json")


def key(f: dict[str, Any]) -> Key:
    return f["rule"], tuple(sorted(f["ids"].items()))


def compared(f: dict[str, Any]) -> dict[str, Any]:
    w = f["window"]
    return {
        "status": f["status"],
        "quantity": f["quantity"],
        "event_date": f["event_date"],
        "window": {"opens": w["opens"], "closes": w["closes"], "safe_by": w.get("safe_by")},
    }


@pytest.mark.parametrize("name", NAMES)
def test_cli_scan_matches_expected(name: str, cli) -> None:  # type: ignore[no-untyped-def]
    want = expected(name)
    res: CliResult = cli("scan", *map(str, reports(name)), "--as-of", want["as_of"], "--json")
    assert res.code == 0, res.err
    got = json.loads(res.out)
    assert got["as_of"] == want["as_of"] and got["marketplace"] == want["marketplace"]
    assert got["warnings"] == []
    got_findings = {key(f): compared(f) for f in got["findings"]}
    want_findings = {key(f): compared(f) for f in want["findings"]}
    assert len(got_findings) == len(got["findings"])  # one finding per event
    assert sorted(got_findings.keys() - want_findings.keys()) == []  # no false positive
    assert sorted(want_findings.keys() - got_findings.keys()) == []  # no missing finding
    for k, v in want_findings.items():
        assert got_findings[k] == v, k
    for f in got["findings"]:
        assert f["case_type"] and (f["estimated_value"] is None or f["estimated_value"]["amount"])


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    return Catalog.load(AppPaths.under(tmp_path_factory.mktemp("home")))


@pytest.mark.parametrize("name", NAMES)
def test_file_order_does_not_matter(name: str, catalog: Catalog) -> None:
    from datetime import date

    as_of = date.fromisoformat(expected(name)["as_of"])
    forward = scan(reports(name), as_of=as_of, catalog=catalog)
    backward = scan(reports(name)[::-1], as_of=as_of, catalog=catalog)
    assert [f.to_json() for f in forward.findings] == [f.to_json() for f in backward.findings]


def test_report_types_encodings_and_notes(catalog: Catalog) -> None:
    from datetime import date

    h = scan(reports("harborline"), as_of=date(2026, 7, 15), catalog=catalog)
    kinds = {p.path.name: (p.type, p.encoding) for p in h.reports}
    assert kinds["Inventory_Ledger_Feb-Jun.csv"] == ("ledger-detail", "utf-8-sig")
    assert kinds["reimbursements.txt"] == ("reimbursements", "cp1252")
    assert any("'Z'" in n and "never claimed" in n for n in h.notes)  # unknown code: a note
    t = scan(reports("thamesfold"), as_of=date(2026, 8, 20), catalog=catalog)
    ledger = next(p for p in t.reports if p.type == "ledger-detail")
    assert ledger.rows == 22 and any(p.variant == "with-url" for p in t.reports)
    assert not [f for f in t.findings if f.ids.get("shipment_id") == "FBA15UKWRK003"]  # WORKING
    r = scan(reports("rheinwerk"), as_of=date(2026, 9, 10), catalog=catalog)
    assert {p.type for p in r.reports} >= {"legacy-adjustments", "legacy-receipts"}
    assert [p.encoding for p in r.reports if p.type == "customer-returns"] == ["cp1252"]
    assert any("retired Inventory Adjustments" in n for n in r.notes)
    assert not [f for f in r.findings if f.event_date and f.event_date.year < 2026]


@pytest.mark.parametrize(
    ("day", "stamp", "value"),
    [("05/18/2026", "2026-05-19T02:00:00+0000", "2026-05-18"),  # the ledger Date, not a UTC stamp
     ("01/07/2026", "2026-07-01T00:00:00+0100", "2026-07-01"),  # day first, as the stamp shows
     ("07/01/2026", "2026-07-01T00:00:00+0100", "2026-07-01"),
     ("", "2026-05-13T00:00:00-0700", "2026-05-13"), ("05/18/2026", "", "2026-05-18")],
)  # fmt: skip
def test_ledger_date(day: str, stamp: str, value: str) -> None:
    from casewriter.reports.values import ledger_date

    result = ledger_date(day, stamp)
    assert result is not None and result.isoformat() == value
