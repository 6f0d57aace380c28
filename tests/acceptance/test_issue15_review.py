"""Issue 15 acceptance: ``casewriter health`` over inventory report folders, every figure checked
against a hand derivation (``tests/data/acceptance_issue15/ridgeway/README.md``), with the
report and date it came from; the account metrics against their targets; the actions in order
with their drafted cases; and the traps of real downloads (file forms, encodings, repeated
headers, other marketplaces, seller-fulfilled rows, bad and huge cells, dates in the
marketplace's forms, the same file twice, empty files).

A test that shows a defect stays, marked ``xfail(strict=True, reason="F<n>: …")``.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue15_files import (
    FEE_PREVIEW_US,
    MEASUREMENTS,
    PLANNING,
    RESTOCK,
    RIDGEWAY,
    SETTLEMENT_FLAT,
    STORAGE,
    planning_row,
    report_text,
    write_report,
)
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
AS_OF = "2026-12-01"

#: What the seller read on Performance → Account Health (README: the account part).
RECORDS: list[dict[str, str]] = [
    {"marketplace": "US", "date": "2026-11-09", "odr": "0.30", "lsr_10": "1.0", "cancel": "0.5",
     "vtr": "99.0", "ahr": "400", "violations": "0"},
    {"marketplace": "US", "date": "2026-11-16", "odr": "0.40", "lsr_10": "2.0", "cancel": "0.6",
     "vtr": "97.0", "ahr": "300", "violations": "0"},
    {"marketplace": "US", "date": "2026-11-23", "odr": "0.60", "lsr_10": "3.0", "cancel": "0.4",
     "vtr": "96.5", "ahr": "250", "violations": "0"},
    {"marketplace": "US", "date": "2026-11-30", "odr": "0.85", "lsr_10": "4.5", "cancel": "0.3",
     "vtr": "96.0", "ahr": "210", "violations": "2"},
    {"marketplace": "UK", "date": "2026-11-30", "odr": "5.0"},  # another marketplace
    {"marketplace": "US", "date": "2026-12-03", "odr": "9.0"},  # after the as-of date
]  # fmt: skip


def import_records(cli: Cli, tmp_path: Path, records: list[dict[str, str]] = RECORDS) -> None:
    doc = {"format": "casewriter-log", "version": 1, "cases": [], "health_records": records}
    path = tmp_path / "records.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    got = cli("log", "import", str(path))
    assert got.code == 0, got.err


def review_json(cli: Cli, *args: str, code: int = 0) -> dict[str, Any]:
    got = cli("health", *args, "--json", "--no-record")
    assert got.code == code, got.err
    data: dict[str, Any] = json.loads(got.out)
    return data


def figures(review: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["key"]: f for f in review["inventory"]["figures"]}


@pytest.fixture
def ridgeway(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    import_records(cli, tmp_path)
    return review_json(cli, str(RIDGEWAY), "--as-of", AS_OF)


# -- the whole review, by hand --------------------------------------------------------------


def test_inventory_figures_match_the_hand_derivation(ridgeway: dict[str, Any]) -> None:
    assert ridgeway["as_of"] == AS_OF and ridgeway["marketplace"] == "US"
    inv = ridgeway["inventory"]
    assert inv["snapshot"] == "2026-11-30" and inv["read"] is True
    got = {k: (Decimal(f["value"]) if f["value"] is not None else None, f["status"])
           for k, f in figures(ridgeway).items()}  # fmt: skip
    assert got == {
        "sell_through": (Decimal("0.70"), "ok"),
        "excess_share": (Decimal("25"), "miss"),
        "aged_units": (Decimal(120), "info"),
        "aged_surcharge_next": (Decimal("42.50"), "info"),
        "storage_next_month": (Decimal("46.50"), "info"),
        "stranded": (Decimal(30), "miss"),
        "unsellable": (Decimal(6), "miss"),
        "researching": (Decimal(5), "miss"),
        "restock": (Decimal(2), "miss"),
        "fee_tier": (Decimal(1), "miss"),
    }
    figs = figures(ridgeway)
    # sell-through is Amazon's ratio against 0.6, labelled a rule of thumb; excess < 10 %
    st = figs["sell_through"]["target"]
    assert (st["comparison"], Decimal(st["value"]), st["rule_of_thumb"]) == ("above", Decimal("0.6"), True)  # fmt: skip
    ex = figs["excess_share"]["target"]
    assert (ex["comparison"], Decimal(ex["value"]), ex["rule_of_thumb"]) == ("below", Decimal(10), True)  # fmt: skip
    assert st["source"] and st["as_of"]  # a target carries its source and date
    parts = {p["key"]: (p["units"], p["amount"] and Decimal(p["amount"]))
             for p in figs["aged_units"]["parts"]}  # fmt: skip
    assert parts == {
        "inv-age-0-to-90-days": (190, Decimal("5850.00")),
        "inv-age-91-to-180-days": (90, Decimal("1950.00")),
        "inv-age-181-to-270-days": (70, Decimal("1650.00")),
        "inv-age-271-to-365-days": (30, Decimal("450.00")),
        "inv-age-365-plus-days": (20, Decimal("300.00")),
    }
    surcharge = figs["aged_surcharge_next"]
    assert surcharge["currency"] == "USD" and [p["units"] for p in surcharge["parts"]] == [50]
    assert [(i["sku"], i["units"], Decimal(i["amount"])) for i in surcharge["items"]] == [
        ("RW-TOWEL", 50, Decimal("42.50"))
    ]
    stranded = figs["stranded"]
    assert [(i["sku"], i["units"], Decimal(i["amount"]), i["deadline"])
            for i in stranded["items"]] == [
        ("RW-CLOCK", 10, Decimal("200.00"), "2026-12-10"),
        ("RW-SOAP", 20, Decimal("90.00"), "2026-12-20"),
    ]  # fmt: skip  # the Merchant row and the empty row are not counted
    assert {p["key"]: (p["units"], Decimal(p["amount"])) for p in stranded["parts"]} == {
        "Closed listing": (10, Decimal("200.00")), "Listing error": (20, Decimal("90.00"))}  # fmt: skip
    assert [(i["sku"], i["units"]) for i in figs["unsellable"]["items"]] == [
        ("RW-LAMP", 4), ("RW-KETTLE", 2)]  # fmt: skip
    assert [(i["sku"], i["units"]) for i in figs["researching"]["items"]] == [("RW-TOWEL", 5)]
    assert [(i["sku"], i["units"], i["deadline"]) for i in figs["restock"]["items"]] == [
        ("RW-KETTLE", 150, "2026-12-05"), ("RW-LAMP", 40, "2026-12-12")]  # fmt: skip
    assert [i["sku"] for i in figs["fee_tier"]["items"]] == ["RW-LAMP"]
    # the planning figures name the report and the snapshot date they came from
    for key in ("sell_through", "excess_share", "aged_units", "aged_surcharge_next",
                "storage_next_month"):  # fmt: skip
        src = figs[key]["source"]
        assert src["report"] == "inventory-planning" and src["date"] == "2026-11-30", key
        assert src["path"].endswith("FBA_Inventory_2026-11-30.txt"), key
    assert [(t["date"], Decimal(t["sell_through"]), Decimal(t["excess_share"]), t["available"])
            for t in inv["trend"]] == [
        ("2026-11-16", Decimal("1.30"), Decimal(5), 200),
        ("2026-11-23", Decimal("0.80"), Decimal(15), 400),
        ("2026-11-30", Decimal("0.70"), Decimal(25), 400),
    ]  # fmt: skip


def test_account_metrics_against_their_targets(ridgeway: dict[str, Any]) -> None:
    account = ridgeway["account"]
    # the UK record and the record after the as-of date are left out
    assert [r["date"] for r in account["records"]] == [
        "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"]  # fmt: skip
    assert account["last_record"] == "2026-11-30" and account["due"] is False
    got = {m["key"]: (m["value"] and Decimal(m["value"]), m["status"]) for m in account["metrics"]}
    assert got == {
        "odr": (Decimal("0.85"), "warning"),  # worse twice, 85 % of the margin used
        "lsr_10": (Decimal("4.5"), "miss"),
        "lsr_30": (None, "no-data"),
        "cancel": (Decimal("0.3"), "ok"),
        "vtr": (Decimal("96"), "ok"),  # worse twice but exactly 80 %: not "more than 80 %"
        "otdr": (None, "no-data"),
        "ahr": (Decimal("210"), "warning"),
        "violations": (Decimal("2"), "miss"),
    }
    metric = {m["key"]: m for m in account["metrics"]}
    assert Decimal(metric["odr"]["margin_used"]) == Decimal("0.85")
    assert Decimal(metric["vtr"]["margin_used"]) == Decimal("0.8")
    assert Decimal(metric["ahr"]["margin_used"]) == Decimal("0.9875")
    assert [(p["date"], p["value"] and Decimal(p["value"])) for p in metric["odr"]["trend"]] == [
        ("2026-11-09", Decimal("0.30")), ("2026-11-16", Decimal("0.40")),
        ("2026-11-23", Decimal("0.60")), ("2026-11-30", Decimal("0.85"))]  # fmt: skip
    odr = metric["odr"]["target"]
    assert (odr["comparison"], Decimal(odr["value"]), odr["window"]["en"]) == ("below", Decimal(1), "60 days")  # fmt: skip
    assert metric["ahr"]["target"]["belief"] is True  # no Amazon page: said so
    assert metric["odr"]["source"] == {"report": "account-record", "path": None,
                                       "date": "2026-11-30"}  # fmt: skip
    assert metric["lsr_30"]["absent"]["en"].startswith("never recorded")
    assert metric["lsr_10"]["alerts"] and metric["cancel"]["alerts"] == []


def test_actions_account_first_then_deadline_then_money(ridgeway: dict[str, Any]) -> None:
    actions = ridgeway["actions"]
    keys = [a["key"] for a in actions]
    assert keys[:9] == [
        "metric-miss:lsr_10", "violations", "metric-warning:ahr", "metric-warning:odr",
        "restock", "stranded:RW-CLOCK", "stranded:RW-SOAP", "aged-surcharge",
        "storage-fee:X00RWTOW02:2026-10",
    ]  # fmt: skip
    assert set(keys[9:]) == {"excess", "fee-tier:RW-LAMP", "researching", "unsellable"}
    by = {a["key"]: a for a in actions}
    assert [(by[k]["deadline"], by[k]["amount"]) for k in keys[4:9]] == [
        ("2026-12-05", None), ("2026-12-10", "200.00"), ("2026-12-20", "90.00"),
        (None, "42.50"), (None, "3.00")]  # fmt: skip
    for a in actions:  # each says what to do and where in Seller Central
        assert a["steps"]["en"] and a["steps"]["zh"] and a["where"], a["key"]
    poa = by["metric-miss:lsr_10"]["case"]
    assert poa["case_type"] == "performance-metric-poa" and poa["ready"] is False
    facts = poa["draft"]["facts"]
    assert facts["metric"] == "Late Shipment Rate" and facts["period_end"] == "2026-11-30"
    assert 4.5 in facts.values() or "4.5" in facts.values()  # the rate as recorded
    assert any("Shipments" in m["en"] for m in poa["missing"])  # the order counts to add
    clock = by["stranded:RW-CLOCK"]["case"]
    assert clock["case_type"] == "stranded-inventory"
    assert clock["draft"]["facts"]["units_stranded"] == 8
    assert by["fee-tier:RW-LAMP"]["case"]["case_type"] == "fee-dimension-weight"
    assert by["restock"]["case"]["case_type"] == "capacity-limit-exception"
    assert by["restock"]["case"]["draft"]["evidence"]["asin"] == ["B0RWKET001", "B0RWLMP003"]
    assert by["violations"]["case"] is None  # fixed in Seller Central, no case drafted


def test_sources_every_file_with_its_type_rows_and_dates(ridgeway: dict[str, Any]) -> None:
    sources = {Path(s["path"]).name: s for s in ridgeway["sources"]}
    assert {n: (s["type"], s["status"], s["rows"]) for n, s in sources.items()} == {
        "FBA_Inventory_2026-11-16.txt": ("inventory-planning", "read", 2),
        "FBA_Inventory_2026-11-23.csv": ("inventory-planning", "read", 3),
        "FBA_Inventory_2026-11-30.txt": ("inventory-planning", "read", 4),
        "Manage_FBA_Inventory.txt": ("manage-inventory", "read", 4),
        "stranded.csv": ("stranded-inventory", "read", 4),
        "restock.txt": ("restock", "read", 4),
        "storage_fees.txt": ("storage-fees", "read", 2),
        "fee_preview.txt": ("fee-preview", "read", 1),
        "my_measurements.csv": ("seller-measurements", "read", 1),
    }
    assert sources["FBA_Inventory_2026-11-30.txt"]["dates"] == ["2026-11-30"]
    notes = " | ".join(n["en"] for n in ridgeway["notes"])
    assert "README.md" in notes  # a file that is no report is named, not silently dropped
    assert "FBA_Inventory_2026-11-30.txt: 1 row(s) of another marketplace left out" in notes
    assert "restock.txt: 1 row(s) of another marketplace left out" in notes


def test_text_review_in_english_and_chinese(cli: Cli, tmp_path: Path) -> None:
    import_records(cli, tmp_path)
    got = cli("health", str(RIDGEWAY), "--as-of", AS_OF, "--no-record")
    assert got.code == 0, got.err
    lines = got.out.splitlines()

    def line(label: str) -> str:
        found = [x for x in lines if x.strip().startswith(label)]
        assert found, label
        return found[0]

    assert lines[0] == "Health review · US · 2026-12-01"
    assert re.search(r"Sell-through\s+0\.7\b.*> 0\.6.*rule of thumb.*ok.*inventory-planning, 2026-11-30", line("Sell-through"))  # fmt: skip
    assert re.search(r"Excess inventory share\s+25%.*< 10%.*MISS", line("Excess inventory share"))
    assert re.search(r"Late Shipment Rate \(10 days\)\s+4\.5%.*< 4% \(10 days\).*MISS", line("Late Shipment Rate (10 days)"))  # fmt: skip
    assert re.search(r"Valid Tracking Rate\s+96%.*\bok\b", line("Valid Tracking Rate"))
    assert "never recorded: Late Shipment Rate (30 days), On-time Delivery Rate" in got.out
    assert "42.50 USD" in line("Next aged-inventory surcharge")
    assert "act by 2026-12-10" in got.out and "200.00 USD" in got.out
    zh = cli("health", str(RIDGEWAY), "--as-of", AS_OF, "--no-record", "--lang", "zh")
    assert zh.code == 0, zh.err
    for word in ("售出率", "冗余库存占比", "订单缺陷率", "迟发率（10天）", "未达标", "经验值",
                 "无在售信息的库存件数", "需移除的不可售件数"):  # fmt: skip
        assert word in zh.out, word
    assert "Sell-through" not in zh.out and "rule of thumb" not in zh.out


def test_every_figure_names_the_file_it_came_from(ridgeway: dict[str, Any]) -> None:
    for fig in ridgeway["inventory"]["figures"]:
        if fig["value"] is None:
            assert fig["absent"], fig["key"]
            continue
        src = fig["source"]
        assert src and src["report"] and src["path"], fig["key"]


def test_an_unknown_overcharge_is_not_called_zero(ridgeway: dict[str, Any]) -> None:
    fee = figures(ridgeway)["fee_tier"]
    assert [i["amount"] for i in fee["items"]] == [None]  # no settlement: amount unknown
    assert "0 USD" not in fee["how"]["en"] and "0 USD" not in fee["how"]["zh"]


# -- file forms, encodings, dates ------------------------------------------------------------

#: One US snapshot: available 100 + 300 = 400; sell-through (1.5×100 + 0.2×300)/400 = 0.525;
#: excess 150/400 = 37.5 %; older than 180 days 100 + 60 + 40 = 200; 0-90 days 80×10 + 50×20 =
#: 1,800.00; surcharge 30.00 on 50 units; storage 45.00; the CA row left out.
SNAPSHOT = [
    planning_row("2026-11-30", "A1", "X00000AA01", product_name="Crème brûlée set",
                 available=100, sell_through="1.5", estimated_excess_quantity=0,
                 inv_age_0_to_90_days=80, inv_age_91_to_180_days=20, inv_age_181_to_270_days=0,
                 inv_age_271_to_365_days=0, inv_age_365_plus_days=0, your_price="10.00",
                 qty_to_be_charged_ltsf_11_mo=0, qty_to_be_charged_ltsf_12_mo=0,
                 estimated_ltsf_next_charge="0.00", estimated_storage_cost_next_month="5.00"),
    planning_row("2026-11-30", "A2", "X00000AA02", product_name="Towel, large",
                 available=300, sell_through="0.2", estimated_excess_quantity=150,
                 inv_age_0_to_90_days=50, inv_age_91_to_180_days=50, inv_age_181_to_270_days=100,
                 inv_age_271_to_365_days=60, inv_age_365_plus_days=40, your_price="20.00",
                 qty_to_be_charged_ltsf_11_mo=40, qty_to_be_charged_ltsf_12_mo=10,
                 estimated_ltsf_next_charge="30.00", estimated_storage_cost_next_month="40.00"),
    planning_row("2026-11-30", "A3", "X00000AA03", marketplace="CA", currency="CAD",
                 available=1000, sell_through="5.0", estimated_excess_quantity=900,
                 inv_age_365_plus_days=1000, your_price="99.00",
                 estimated_storage_cost_next_month="500.00"),
]  # fmt: skip
SNAPSHOT_FIGURES = {
    "sell_through": Decimal("0.525"), "excess_share": Decimal("37.5"),
    "aged_units": Decimal(200), "aged_surcharge_next": Decimal("30.00"),
    "storage_next_month": Decimal("45.00"),
}  # fmt: skip


def snapshot_figures(review: dict[str, Any]) -> dict[str, Decimal | None]:
    figs = figures(review)
    return {k: figs[k]["value"] and Decimal(figs[k]["value"]) for k in SNAPSHOT_FIGURES}


FORMS: dict[str, dict[str, Any]] = {
    "tab": {},
    "quoted-csv-bom-crlf": {"sep": ",", "quote_all": True, "crlf": True, "bom": True},
    "cp1252": {"encoding": "cp1252"},
    "repeated-header": {"repeat_header_after": 1},
    "quoted-tab": {"quote_all": True},
}


@pytest.mark.parametrize("form", list(FORMS))
def test_the_same_figures_whatever_form_the_file_comes_in(
    cli: Cli, tmp_path: Path, form: str
) -> None:
    path = write_report(tmp_path / "r" / "download.txt", PLANNING, SNAPSHOT, **FORMS[form])
    review = review_json(cli, str(path), "--as-of", AS_OF)
    assert review["marketplace"] == "US" and review["inventory"]["snapshot"] == "2026-11-30"
    assert snapshot_figures(review) == SNAPSHOT_FIGURES
    assert [s["status"] for s in review["sources"]] == ["read"]
    assert figures(review)["aged_units"]["parts"][0]["amount"] == "1800.00"


@pytest.mark.parametrize(
    ("written", "marketplace"),
    [("11/30/2026", "US"), ("2026-11-30T07:00:00+00:00", "US"), ("30.11.2026", "DE"),
     ("2026/11/30", "JP"), ("2026-11-30 07:00:00 UTC", "US")],
)  # fmt: skip
def test_snapshot_dates_in_the_marketplace_forms(
    cli: Cli, tmp_path: Path, written: str, marketplace: str
) -> None:
    rows = [dict(r, **{"snapshot-date": written, "marketplace": marketplace}) for r in SNAPSHOT[:2]]
    path = write_report(tmp_path / "planning.txt", PLANNING, rows)
    review = review_json(cli, str(path), "--as-of", AS_OF, "--marketplace", marketplace)
    assert review["inventory"]["snapshot"] == "2026-11-30"
    assert figures(review)["sell_through"]["source"]["date"] == "2026-11-30"


def test_a_date_in_no_known_form_skips_the_row_and_says_so(cli: Cli, tmp_path: Path) -> None:
    rows = [dict(r, **{"snapshot-date": "Nov 30th"}) for r in SNAPSHOT[:2]]
    path = write_report(tmp_path / "planning.txt", PLANNING, rows)
    review = review_json(cli, str(path), "--as-of", AS_OF)
    assert review["inventory"]["snapshot"] is None
    notes = " ".join(n["en"] for n in review["notes"])
    assert "2 row(s) skipped" in notes and "not a date: 'Nov 30th'" in notes


def test_eu_decimal_commas_and_gb_rows(cli: Cli, tmp_path: Path) -> None:
    rows = [
        planning_row("30.11.2026", "E1", "X00000EE01", marketplace="DE", currency="EUR",
                     available=100, sell_through="0,5", estimated_excess_quantity=10,
                     inv_age_0_to_90_days=100, your_price="12,50",
                     estimated_storage_cost_next_month="1,25"),
        planning_row("30.11.2026", "E2", "X00000EE02", marketplace="DE", currency="EUR",
                     available=300, sell_through="1,1", estimated_excess_quantity=0,
                     inv_age_0_to_90_days=300, your_price="1.234,50",
                     estimated_storage_cost_next_month="2,75"),
        planning_row("30.11.2026", "G1", "X00000GG01", marketplace="GB", currency="GBP",
                     available=50, sell_through="0.1", estimated_excess_quantity=50,
                     inv_age_0_to_90_days=50, your_price="9.99",
                     estimated_storage_cost_next_month="0.50"),
    ]  # fmt: skip
    path = write_report(tmp_path / "Inventar.txt", PLANNING, rows)
    de = figures(review_json(cli, str(path), "--as-of", AS_OF, "--marketplace", "DE"))
    # (0.5×100 + 1.1×300)/400 = 0.95; 10/400 = 2.5 %; 100×12.50 + 300×1,234.50 = 371,600.00
    assert Decimal(de["sell_through"]["value"]) == Decimal("0.95")
    assert Decimal(de["excess_share"]["value"]) == Decimal("2.5")
    assert de["aged_units"]["parts"][0]["amount"] == "371600.00"
    assert (de["storage_next_month"]["value"], de["storage_next_month"]["currency"]) == ("4.00", "EUR")  # fmt: skip
    uk = figures(review_json(cli, str(path), "--as-of", AS_OF, "--marketplace", "UK"))
    assert Decimal(uk["sell_through"]["value"]) == Decimal("0.1")
    assert (uk["storage_next_month"]["value"], uk["storage_next_month"]["currency"]) == ("0.50", "GBP")  # fmt: skip


def test_a_bad_cell_skips_its_row_and_says_so(cli: Cli, tmp_path: Path) -> None:
    rows = [dict(SNAPSHOT[0], available="abc"), *SNAPSHOT[1:]]
    path = write_report(tmp_path / "planning.txt", PLANNING, rows)
    review = review_json(cli, str(path), "--as-of", AS_OF)
    # only A2 is left: 0.2 sell-through, 150/300 = 50 % excess
    got = snapshot_figures(review)
    assert (got["sell_through"], got["excess_share"]) == (Decimal("0.2"), Decimal(50))
    notes = " ".join(n["en"] for n in review["notes"])
    assert "planning.txt:2: available: not a number: 'abc'" in notes


@pytest.mark.parametrize("out", ["", "review.md", "review.html"])
def test_a_huge_count_is_a_row_warning_not_a_crash(cli: Cli, tmp_path: Path, out: str) -> None:
    rows = [dict(SNAPSHOT[0], **{"inv-age-365-plus-days": "9" * 40}), *SNAPSHOT[1:]]
    path = write_report(tmp_path / "planning.txt", PLANNING, rows)
    args = ["--out", str(tmp_path / out)] if out else []
    got = cli("health", str(path), "--as-of", AS_OF, "--no-record", *args)
    assert "internal error" not in got.err and "Traceback" not in got.err
    assert got.code == 0, got.err
    if out:
        assert (tmp_path / out).is_file()


def test_impossible_values_are_row_warnings(cli: Cli, tmp_path: Path) -> None:
    negative = write_report(tmp_path / "a" / "planning.txt", PLANNING, [
        dict(SNAPSHOT[0], **{"sell-through": "-3"}), SNAPSHOT[1]])  # fmt: skip
    review = review_json(cli, str(negative), "--as-of", AS_OF)
    value = figures(review)["sell_through"]["value"]  # (-3×100 + 0.2×300)/400 = -0.6 if taken
    assert value is None or Decimal(value) >= 0, value
    assert "1 row(s) skipped" in " ".join(n["en"] for n in review["notes"])
    huge = write_report(tmp_path / "b" / "planning.txt", PLANNING, [
        SNAPSHOT[0], dict(SNAPSHOT[1], available="2000000000")])  # fmt: skip
    review = review_json(cli, str(huge), "--as-of", AS_OF)
    assert "1 row(s) skipped" in " ".join(n["en"] for n in review["notes"])


def test_a_row_cut_short_is_not_counted_silently(cli: Cli, tmp_path: Path) -> None:
    text = report_text(PLANNING, SNAPSHOT)  # the last row is the CA one
    last = text.rstrip("\n").split("\n")[-1].split("\t")
    cut = "\t".join(last[: PLANNING.index("sell-through") + 1])  # the download stopped here
    path = tmp_path / "planning.txt"
    path.write_text(text.rstrip("\n").rsplit("\n", 1)[0] + "\n" + cut, encoding="utf-8")
    got = cli("health", str(path), "--as-of", AS_OF, "--json", "--no-record")
    review = json.loads(got.out)
    assert snapshot_figures(review) == SNAPSHOT_FIGURES
    said = " ".join(n["en"] for n in review["notes"]) + got.err
    assert "planning.txt:4" in said


def test_an_empty_file_named_is_said_and_the_rest_reviewed(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    path = write_report(tmp_path / "planning.txt", PLANNING, SNAPSHOT)
    got = cli("health", str(empty), str(path), "--as-of", AS_OF, "--no-record", "--json")
    assert got.code == 1  # a file named could not be read: said, the rest reviewed
    assert got.err.startswith("casewriter: warning: not read: ") and "empty" in got.err
    assert got.err.count("\n") == 1
    review = json.loads(got.out)
    assert snapshot_figures(review) == SNAPSHOT_FIGURES
    assert [(Path(s["path"]).name, s["status"]) for s in review["sources"]][-1] == (
        "empty.txt",
        "unreadable",
    )


def test_absent_figures_give_the_true_reason(cli: Cli, tmp_path: Path) -> None:
    header_only = write_report(tmp_path / "a" / "planning.txt", PLANNING, [])
    figs = figures(review_json(cli, str(header_only), "--as-of", AS_OF))
    why = figs["sell_through"]["absent"]["en"]
    assert "no inventory planning report given" not in why, why
    sold_out = write_report(tmp_path / "b" / "planning.txt", PLANNING, [
        planning_row("2026-11-30", "Z1", "X00000ZZ01", available=0, sell_through="3.2",
                     estimated_excess_quantity=0, estimated_ltsf_next_charge="")])  # fmt: skip
    figs = figures(review_json(cli, str(sold_out), "--as-of", AS_OF))
    for key in ("sell_through", "aged_surcharge_next"):
        why = figs[key]["absent"]["en"]
        assert "has no" not in why or "column" not in why, why


def test_the_same_file_given_twice_counts_once(cli: Cli, tmp_path: Path) -> None:
    path = write_report(tmp_path / "r" / "planning.txt", PLANNING, SNAPSHOT)
    review = review_json(cli, str(path.parent), str(path), "--as-of", AS_OF)
    assert snapshot_figures(review) == SNAPSHOT_FIGURES


def test_restock_rows_fulfilled_by_the_merchant_are_left_out(cli: Cli, tmp_path: Path) -> None:
    def row(sku: str, by: str, days: int, ship: str) -> dict[str, object]:
        return {"Country": "US", "Merchant SKU": sku, "FNSKU": f"X00{sku}", "ASIN": f"B0{sku}",
                "Fulfilled by": by, "Currency code": "USD",
                "Total Days of Supply (including units from open shipments)": days,
                "Recommended replenishment qty": 10, "Recommended ship date": ship}  # fmt: skip

    path = write_report(tmp_path / "restock.txt", RESTOCK, [
        row("FBA0001", "Amazon", 12, "12/10/2026"), row("FBM0002", "Merchant", 3, "12/02/2026")])  # fmt: skip
    review = review_json(cli, str(path), "--as-of", AS_OF)
    restock = figures(review)["restock"]
    assert [i["sku"] for i in restock["items"]] == ["FBA0001"]
    assert next(a for a in review["actions"] if a["key"] == "restock")["deadline"] == "2026-12-10"


def test_storage_rows_of_another_marketplace_are_left_out(cli: Cli, tmp_path: Path) -> None:
    def row(fc: str, country: str, cur: str, fee: str) -> dict[str, object]:
        return {"asin": "B0RWTOW002", "fnsku": "X00RWTOW02", "fulfillment_center": fc,
                "country_code": country, "item_volume": "0.25", "volume_units": "cubic feet",
                "average_quantity_on_hand": "20", "estimated_total_item_volume": "5.0000",
                "month_of_charge": "2026-10", "storage_rate": "0.7800", "currency": cur,
                "estimated_monthly_storage_fee": fee, "total_incentive_fee_amount": "0"}  # fmt: skip

    path = write_report(tmp_path / "storage.txt", STORAGE, [
        row("LGB8", "US", "USD", "6.90"), row("LTN4", "GB", "GBP", "9.90")])  # fmt: skip
    review = review_json(cli, str(path), "--as-of", AS_OF, "--marketplace", "US")
    fees = [(a["amount"], a["currency"]) for a in review["actions"] if a["kind"] == "storage-fee"]
    assert fees == [("3.00", "USD")]


def test_snapshots_after_the_as_of_date_are_left_out(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "weeks"
    older = [dict(r, **{"snapshot-date": "2026-11-16"}) for r in SNAPSHOT[:1]]
    write_report(folder / "w1.txt", PLANNING, older)
    write_report(folder / "w3.txt", PLANNING, SNAPSHOT)
    review = review_json(cli, str(folder), "--as-of", "2026-11-20")
    assert review["inventory"]["snapshot"] == "2026-11-16"


def test_a_folder_of_subfolders_is_said(cli: Cli, tmp_path: Path) -> None:
    write_report(tmp_path / "inventory" / "2026-11" / "planning.txt", PLANNING, SNAPSHOT)
    review = review_json(cli, str(tmp_path / "inventory"), "--as-of", AS_OF)
    said = " ".join(n["en"] for n in review["notes"]) + " ".join(
        s["reason"] for s in review["sources"]
    )
    assert "2026-11" in said


def test_the_older_settlement_layout_prices_a_fee_tier_mismatch(cli: Cli, tmp_path: Path) -> None:
    """Fee Preview (Large Standard, 4.55), the seller's measurements (small standard) and the
    older settlement flat file (a repeated header, an MFN order): 2 + 1 FBA units charged 4.55
    where small standard is 3.43 → 3 × 1.12 = 3.36 USD, claim by 2025-09-10 + 90 days."""
    folder = tmp_path / "fees"
    write_report(folder / "fee_preview.txt", FEE_PREVIEW_US, [{
        "sku": "BP-LAMP-01", "fnsku": "X00BPLAMP1", "asin": "B0BPLAMP01", "fulfilled-by": "Amazon",
        "your-price": "19.99", "sales-price": "19.99", "longest-side": "12.10",
        "median-side": "8.60", "shortest-side": "1.20", "length-and-girth": "31.70",
        "unit-of-dimension": "inches", "item-package-weight": "0.62", "unit-of-weight": "pounds",
        "product-size-tier": "Large Standard", "currency": "USD", "estimated-fee-total": "7.55",
        "estimated-referral-fee-per-unit": "3.00", "expected-fulfillment-fee-per-unit": "4.55"}])  # fmt: skip
    (folder / "sizes.csv").write_text(",".join(MEASUREMENTS) + "\nBP-LAMP-01,8.5,11.8,0.6,in,8.8,oz\n",
                                      encoding="utf-8")  # fmt: skip
    rows: list[dict[str, object]] = [{"settlement-id": "1", "settlement-start-date": "2025-09-01 00:00:00 UTC",
             "settlement-end-date": "2025-09-29 00:00:00 UTC", "total-amount": "50.00",
             "currency": "USD"}]  # fmt: skip
    for oid, qty, day, channel in [("113-3000001-0000001", 2, "2025-09-10", "AFN"),
                                   ("113-3000002-0000002", 1, "2025-09-20", "AFN"),
                                   ("113-3000003-0000003", 1, "2025-09-21", "MFN")]:  # fmt: skip
        base = {"settlement-id": "1", "transaction-type": "Order", "order-id": oid,
                "marketplace-name": "Amazon.com", "fulfillment-id": channel, "posted-date": day,
                "sku": "BP-LAMP-01", "quantity-purchased": qty}  # fmt: skip
        rows.append(dict(base, **{"price-type": "Principal", "price-amount": f"{19.99 * qty:.2f}"}))
        if channel == "AFN":  # a seller-fulfilled order has no FBA fee
            rows.append(dict(base, **{"item-related-fee-type": "FBAPerUnitFulfillmentFee",
                                      "item-related-fee-amount": f"{-4.55 * qty:.2f}"}))  # fmt: skip
    write_report(folder / "settlement.txt", SETTLEMENT_FLAT, rows, repeat_header_after=2)
    review = review_json(cli, str(folder), "--as-of", "2025-10-01", "--marketplace", "US")
    fee = figures(review)["fee_tier"]
    assert fee["value"] == "1"
    assert [(i["sku"], i["units"], i["amount"], i["deadline"]) for i in fee["items"]] == [
        ("BP-LAMP-01", 3, "3.36", "2025-12-09")]  # fmt: skip
    action = next(a for a in review["actions"] if a["kind"] == "fee-tier")
    assert (action["amount"], action["deadline"]) == ("3.36", "2025-12-09")
    facts = action["case"]["draft"]["facts"]
    assert (facts["tier_charged"], facts["tier_expected"], facts["units_charged"]) == (
        "Large Standard",
        "Small standard-size",
        3,
    )
    assert {Path(s["path"]).name: s["type"] for s in review["sources"]}["settlement.txt"] == (
        "settlement-flat"
    )


def test_a_report_is_recognised_by_its_header_not_its_name(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "restock.txt").write_text(report_text(PLANNING, SNAPSHOT), encoding="utf-8")
    shutil.copy(RIDGEWAY / "restock.txt", folder / "planning.txt")
    review = review_json(cli, str(folder), "--as-of", AS_OF)
    assert {Path(s["path"]).name: s["type"] for s in review["sources"]} == {
        "restock.txt": "inventory-planning", "planning.txt": "restock"}  # fmt: skip
    assert snapshot_figures(review) == SNAPSHOT_FIGURES
