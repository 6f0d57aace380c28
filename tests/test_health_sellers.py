"""Three fictional sellers (US, EU with DE + UK rows, JP) reviewed through the real CLI, their
key figures and actions asserted exactly against hand-derived expectations
(``tests/data/health/<seller>/expected.json``, each with its derivation).

Traps: a metric never recorded by an FBA-only seller (absent, not guessed); a file in the folder
that is not a report, and one named that cannot be read (exit 1, listed with the reason); a
figure the files cannot give (the JP planning report has no estimated-excess-quantity column);
sell-through exactly 0.6 (not above the 0.6 rule of thumb); a stranded unit past its
auto-removal date; rows of another marketplace left out; a Merchant-fulfilled stranded row never
counted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "health"
SELLERS = {
    "cedarpine": ("US", "2026-11-12"),
    "lindqvist": ("DE", "2026-11-20"),
    "hanamori": ("JP", "2026-11-05"),
}


def review(cli: Any, seller: str, *extra: str) -> tuple[dict[str, Any], Any]:
    folder = DATA / seller
    account = folder / "account.json"
    if account.exists():
        assert cli("log", "import", str(account)).code == 0
    mp, as_of = SELLERS[seller]
    got = cli("health", str(folder), *extra, "--marketplace", mp, "--as-of", as_of, "--json")
    return json.loads(got.out), got


@pytest.mark.parametrize("seller", sorted(SELLERS))
def test_review_matches_the_hand_derived_one(cli: Any, seller: str) -> None:
    want = json.loads((DATA / seller / "expected.json").read_text(encoding="utf-8"))
    data, got = review(cli, seller)
    assert got.code == 0, got.err
    assert set(data) == {"as_of", "marketplace", "account", "inventory", "actions", "sources",
                         "notes"}  # fmt: skip
    assert data["as_of"] == want["as_of"] and data["marketplace"] == want["marketplace"]
    figures = {f["key"]: f for f in data["inventory"]["figures"]}
    assert {k: {"value": f["value"], "status": f["status"]} for k, f in figures.items()} == want[
        "figures"
    ]
    for key, fig in figures.items():  # every figure says where it came from, or why it is absent
        assert (fig["source"] is not None) == (fig["value"] is not None), key
        assert (fig["absent"] is None) == (fig["value"] is not None), key
    parts = {p["key"]: [p["units"], p["amount"]] for p in figures["aged_units"]["parts"]}
    assert parts == want["aged_parts"]
    trend = [[p["date"], p["sell_through"], p["excess_share"]] for p in data["inventory"]["trend"]]
    assert trend == want["trend"]
    metrics = {m["key"]: m for m in data["account"]["metrics"]}
    assert {k: {"value": m["value"], "status": m["status"], "worse_twice": m["worse_twice"]}
            for k, m in metrics.items()} == want["metrics"]  # fmt: skip
    actions = [
        {"key": a["key"], "amount": a["amount"], "deadline": a["deadline"],
         "case": a["case"]["case_type"] if a["case"] else None,
         "ready": a["case"]["ready"] if a["case"] else None}
        for a in data["actions"]
    ]  # fmt: skip
    assert actions == want["actions"]
    for a in data["actions"]:  # each says what to do in Seller Central, in both languages
        assert a["steps"]["en"] and a["steps"]["zh"] and a["title"]["zh"]


def test_us_seller_account_and_drafts(cli: Any) -> None:
    data, _ = review(cli, "cedarpine")
    metrics = {m["key"]: m for m in data["account"]["metrics"]}
    odr = metrics["odr"]
    assert odr["margin_used"] == "0.9" and odr["change"] == "0.2"
    assert [p["value"] for p in odr["trend"]] == ["0.5", "0.6", "0.7", "0.9"]
    assert odr["target"]["source"].startswith("sellercentral-europe.amazon.com help 200370550")
    assert odr["target"]["as_of"] == "2026-06-01" and odr["target"]["window"]["en"] == "60 days"
    assert metrics["otdr"]["target"]["advisory"] is True
    assert metrics["ahr"]["target"]["belief"] is True
    assert "never recorded" in metrics["lsr_30"]["absent"]["en"]
    poa = next(a for a in data["actions"] if a["key"] == "metric-miss:lsr_10")["case"]
    assert poa["draft"]["facts"] == {"metric": "Late Shipment Rate", "lsr_period_days": 10,
                                     "period_end": "2026-11-09", "lsr_percent": 4.2}  # fmt: skip
    missing = [m["en"] for m in poa["missing"]]
    assert poa["ready"] is False  # the order counts are still needed
    assert "Orders shipped late (Late Shipment Rate window)" in missing
    assert "Shipments in the Late Shipment Rate window" in missing
    stranded = next(a for a in data["actions"] if a["kind"] == "stranded")["case"]["draft"]
    assert stranded["facts"]["units_stranded"] == 12
    assert stranded["evidence"]["sku"] == ["CP-CLOCK-06"]
    sell = next(f for f in data["inventory"]["figures"] if f["key"] == "sell_through")
    assert sell["target"]["rule_of_thumb"] is True and sell["target"]["value"] == "0.6"
    assert sell["source"] == {"report": "inventory-planning", "date": "2026-11-09",
                              "path": str(DATA / "cedarpine" / "FBA_Inventory_2026-11-09.txt")}  # fmt: skip
    paths = {Path(s["path"]).name: s for s in data["sources"]}
    assert paths["FBA_Inventory_2026-11-02.txt"]["dates"] == ["2026-11-02"]
    assert paths["FBA_Inventory_2026-11-02.txt"]["rows"] == 4
    assert "CP-SEED-07" not in json.dumps(data["inventory"])  # Merchant-fulfilled: never stranded


def test_eu_traps_other_marketplace_and_a_passed_auto_removal(cli: Any) -> None:
    data, _ = review(cli, "lindqvist")
    notes = " ".join(n["en"] for n in data["notes"])
    assert "1 row(s) of another marketplace left out (this review is for DE)" in notes
    assert "Notizen.txt: not a known Seller Central report" in notes
    stranded = next(a for a in data["actions"] if a["kind"] == "stranded")
    assert stranded["deadline"] == "2026-11-10" and "has passed" in stranded["steps"]["en"]
    metrics = {m["key"]: m for m in data["account"]["metrics"]}
    assert "FBA-only" in metrics["vtr"]["absent"]["en"]
    assert data["account"]["due"] is True
    research = next(f for f in data["inventory"]["figures"] if f["key"] == "researching")
    assert research["absent"]["en"] == "no Manage FBA Inventory report given"


def test_an_unreadable_file_named_is_listed_and_the_rest_read(cli: Any, tmp_path: Path) -> None:
    broken = tmp_path / "planning.txt"
    broken.write_bytes(b"\x00\x01 not a report at all\n")
    data, got = review(cli, "hanamori", str(broken))
    assert got.code == 1
    assert got.err.startswith("casewriter: error: ") is False
    assert "not read:" in got.err and "planning.txt" in got.err and "Traceback" not in got.err
    bad = [s for s in data["sources"] if s["status"] == "unreadable"]
    assert [Path(s["path"]).name for s in bad] == ["planning.txt"] and bad[0]["reason"]
    excess = next(f for f in data["inventory"]["figures"] if f["key"] == "excess_share")
    assert "no estimated-excess-quantity column" in excess["absent"]["en"]
    assert "estimated-excess-quantity" in excess["absent"]["zh"]


def test_the_review_run_is_remembered_and_the_monthly_review_no_longer_due(cli: Any) -> None:
    assert any(r["kind"] == "inventory-review"
               for r in json.loads(cli("log", "due", "--json").out)["reviews"])  # fmt: skip
    folder = DATA / "hanamori"
    assert cli("health", str(folder), "--marketplace", "JP").code == 0
    due = json.loads(cli("log", "due", "--json").out)["reviews"]
    assert [r["kind"] for r in due] == ["account-review"]
