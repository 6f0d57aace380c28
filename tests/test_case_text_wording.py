"""The case text in the marketplace's words (issue 12 §2, §5): US spelling on Amazon.com and
Amazon.com.mx, British spelling elsewhere, the seller's own words untouched (and a warning
when they use the other spelling); identifiers named as Amazon names them (never the wizard's
label; JAN on amazon.co.jp); an IMpb read with its 420 + ZIP prefix shown as the tracking
number, the ZIP in the delivery details; evidence lines that say what each document is; an OER
that never gives the safer date; a period that is not a claim window never called one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from casewriter.__main__ import main
from casewriter.config import Settings
from casewriter.engine import wording
from casewriter.engine.case_report import format_text
from casewriter.engine.casefile import draft_from_data, load_case_file
from casewriter.engine.rendering import Engine
from casewriter.identifiers import gtin_name, impb_routing
from casewriter.marketplaces import MARKETPLACES
from casewriter.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "templates" / "examples").glob("*.toml"))
AS_OF = date(2026, 6, 30)
IMPB = "420221539101026837331000039521"  # 420 + ZIP 22153 + the 22-digit IMpb


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(AppPaths.under(tmp_path_factory.mktemp("home")), Settings())


def run(home: Path, capsys: pytest.CaptureFixture[str], case: Path, as_of: str) -> Any:
    capsys.readouterr()
    code = main(["--home", str(home), "render", str(case), "--format", "json", "--as-of", as_of])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


# -- spelling ---------------------------------------------------------------------------------


def test_marketplaces_spelling() -> None:
    us = {code for code, m in MARKETPLACES.items() if m.spelling == "US"}
    assert us == {"US", "MX"}
    assert {m.spelling for m in MARKETPLACES.values()} == {"US", "UK"}


def test_respell_keeps_case_words_and_the_sellers_own_text(engine: Engine) -> None:
    sp = engine.spelling
    text = "Fulfilment centre ONT8 (fulfilment-centre); SKU COLOUR-FULFILMENT; refulfilment."
    assert wording.respell(text, sp, "US") == (
        "Fulfillment center ONT8 (fulfillment-center); SKU COLOUR-FULFILMENT; refulfilment."
    )
    assert wording.respell("the fulfillment center", sp, "UK") == "the fulfilment centre"
    own = "our colour-coded labelled box"
    assert wording.respell(f"Labelled units. {own}.", sp, "US", keep=[own]) == (
        f"Labeled units. {own}."
    )
    assert wording.respell("cancelled orders", sp, "US") == "cancelled orders"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("market", ["US", "UK", "MX", "DE", "CA", "JP"])
def test_every_type_in_one_spelling(engine: Engine, example: Path, market: str) -> None:
    """Subject, body and OER in the marketplace's spelling; only the seller's words may differ."""
    draft = load_case_file(example, engine.catalog)
    case = engine.render(draft.model_copy(update={"marketplace": market, "oer": True}), as_of=AS_OF)
    assert case.oer is not None
    own = [draft.narrative.what_happened or "", draft.narrative.request or "",
           *draft.narrative.checked, *(a.description for a in draft.attachments),
           *(Path(a.path).name for a in draft.attachments),
           *(v for v in draft.facts.values() if isinstance(v, str))]  # fmt: skip
    to = MARKETPLACES[market].spelling
    for text in (case.subject, case.body, case.oer.title, case.oer.request):
        for value in sorted((o for o in own if o), key=len, reverse=True):
            text = text.replace(value, "")
        assert wording.other_spelling([text], engine.spelling, to) == [], (example.stem, text)


def test_uk_case_says_fulfilment_centre_and_us_case_fulfillment_center(engine: Engine) -> None:
    base = {"case_type": "inbound-missing-units", "facts": {"units_shipped": 10,
            "units_received": 8, "delivered_date": "2026-04-02"},
            "evidence": {"shipment_id": "FBA17XKQ9M2Z", "fnsku": "X003KQ7ZP1"}}  # fmt: skip
    for market, want, other in (
        ("UK", "fulfilment centre", "center"),
        ("US", "fulfillment center", "centre"),
    ):
        draft = draft_from_data({**base, "marketplace": market}, engine.catalog, "case.toml")
        tip = wording.respell(
            "the fulfilment centre", engine.spelling, MARKETPLACES[market].spelling
        )
        assert tip == f"the {want}"
        case = engine.render(draft, as_of=AS_OF)
        assert other not in case.body


def test_sellers_text_in_the_other_spelling_is_kept_and_warned(engine: Engine) -> None:
    draft = draft_from_data(
        {"case_type": "warehouse-lost", "marketplace": "UK",
         "facts": {"ledger_date": "2026-06-01", "units_lost": 2},
         "evidence": {"fnsku": "X001ZZ9K3Q", "reference_id": "79315640218731"},
         "narrative": {"what_happened": "Two units were lost at the fulfillment center LTN1."}},
        engine.catalog, "case.toml",
    )  # fmt: skip
    case = engine.render(draft, as_of=AS_OF)
    assert "lost at the fulfillment center LTN1" in case.body
    note = next(w for w in case.warnings if "spelling" in w)
    assert "'fulfillment', 'center'" in note and "Amazon.co.uk" in note and "British" in note


# -- identifiers in the text -----------------------------------------------------------------


def test_impb_routing_prefix_and_gtin_names() -> None:
    assert impb_routing(IMPB) == ("9101026837331000039521", "22153")
    assert impb_routing("9101026837331000039521") is None
    assert impb_routing("1Z12345E6605272234") is None
    assert gtin_name("4901234567894", "JP") == "JAN"
    assert gtin_name("4901234567894", "US") == "EAN"
    assert gtin_name("036000291452", "JP") == "UPC"
    assert gtin_name("4006381333931", "JP") == "EAN"  # a German EAN sold in Japan


USER_TYPE = """id = "parcel-check"
group = "orders"
title = { en = "Parcel check" }
problem = "Parcel Check"
filed_at = { en = "Contact Us" }
main_identifier = "tracking"
subject = "Parcel {{ ev.tracking }}"
template = "case_types/parcel-check.md.j2"

[[evidence]]
key = "tracking"
kind = "tracking"
required = true
max = 0
label = { en = "Tracking number(s) you want us to look at" }

[[evidence]]
key = "gtin"
kind = "gtin"
max = 0
label = { en = "UPC/EAN on the box" }

[[evidence]]
key = "asin"
kind = "asin"
max = 0
label = { en = "ASIN(s) you need to send" }

[[evidence]]
key = "loa"
kind = "file"
max = 0
label = { en = "LOA (as an image)" }
term = "Letter of authorisation from the rights owner"

[[evidence]]
key = "invoice"
kind = "invoice"
max = 0
label = { en = "Proof of ownership (supplier invoice)" }

[[facts]]
key = "units_sent"
type = "quantity"
label = { en = "How many units did you send?" }
term = "Units sent"

[[facts]]
key = "delivered_date"
type = "date"
label = { en = "Delivery date" }

[[deadlines]]
marketplaces = ["*"]
clock = "delivery"
clock_fact = "delivered_date"
max_days = 90
source = "A help page"
as_of = 2026-06-01

[[deadlines]]
marketplaces = ["*"]
clock = "delivery"
clock_fact = "delivered_date"
max_days = 60
source = "A seller article with a shorter figure"
as_of = 2026-06-01
"""


@pytest.fixture
def user_home(home: Path) -> Path:
    folder = home / "templates" / "case_types"
    folder.mkdir(parents=True)
    (folder / "parcel-check.toml").write_text(USER_TYPE, encoding="utf-8")
    (folder / "parcel-check.md.j2").write_text('{% extends "_base.md.j2" %}\n', encoding="utf-8")
    return home


def user_case(tmp_path: Path, market: str, **extra: str) -> Path:
    (tmp_path / "loa.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "inv.pdf").write_bytes(b"%PDF fake")
    case = tmp_path / f"case-{market}.toml"
    case.write_text(
        f'case_type = "parcel-check"\nmarketplace = "{market}"\n'
        '[profile]\nname = "Northbay Goods"\n'
        "[facts]\nunits_sent = 12\n"
        f'[evidence]\ntracking = ["{IMPB}", "1Z12345E6605272234"]\n'
        f'gtin = "{extra.get("gtin", "4901234567894")}"\nasin = ["B0C7QX2M4K", "B0CQ7WN3KD"]\n'
        'invoice = "Invoice INV-7 from Harbor Lane, 12 units"\n'
        '[[attachments]]\nslot = "loa"\npath = "loa.png"\n'
        '[[attachments]]\nslot = "invoice"\npath = "inv.pdf"\n'
        'description = "Supplier invoice INV-9 for 12 units"\n',
        encoding="utf-8",
    )
    return case


def test_generic_text_names_things_in_amazons_words(
    user_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = run(user_home, capsys, user_case(tmp_path, "JP"), "2026-06-30")
    body = data["body"]
    assert "- Tracking: 9101026837331000039521, 1Z12345E6605272234\n" in body
    assert "- Delivery ZIP code: 22153\n" in body and IMPB not in body
    assert "- JAN: 4901234567894\n" in body and "UPC/EAN" not in body
    assert "- ASINs: B0C7QX2M4K, B0CQ7WN3KD\n" in body
    assert "- Units sent: 12\n" in body
    for label in ("you want us to look at", "you need to send", "How many units"):
        assert label not in body
    # each document says what it is; a document only described is "available on request"
    assert "- Letter of authorisation from the rights owner (attached: loa.png)\n" in body
    assert "- Supplier invoice INV-9 for 12 units (attached: inv.pdf)\n" in body
    assert (
        "- Proof of ownership (supplier invoice): Invoice INV-7 from Harbor Lane, 12 units "
        "(available on request)\n" in body
    )
    # the checklist keeps what the seller pasted
    tracking = next(c for c in data["checklist"] if c["slot"] == "tracking")
    assert IMPB in tracking["values"] and tracking["status"] == "provided"


def test_generic_oer_names_things_in_amazons_words(
    user_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = user_case(tmp_path, "US", gtin="036000291452")
    case.write_text(case.read_text(encoding="utf-8").replace("[profile]", "oer = true\n[profile]"))
    data = run(user_home, capsys, case, "2026-06-30")
    request = data["oer"]["request"]
    assert "- ASINs: B0C7QX2M4K, B0CQ7WN3KD\n" in request and "you need to send" not in request
    assert "- UPC: 036000291452\n" in request
    assert "- Letter of authorization from the rights owner (attached: loa.png)" in request
    assert "- Units sent: 12" in request
    assert "authorisation" not in data["body"] + request  # US spelling throughout


# -- what is said to Amazon about time -------------------------------------------------------


def test_oer_never_gives_the_safer_date(
    user_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two readings (90 and 60 days): the OER names the longest window's closing date only;
    the safer date stays in the warnings and the deadline the seller reads."""
    case = user_case(tmp_path, "US")
    text = case.read_text(encoding="utf-8").replace("[profile]", "oer = true\n[profile]")
    text = text.replace("units_sent = 12", 'units_sent = 12\ndelivered_date = "2026-06-01"')
    case.write_text(text, encoding="utf-8")
    data = run(user_home, capsys, case, "2026-06-30")
    assert (
        data["deadline"]["closes"] == "2026-08-30" and data["deadline"]["safe_by"] == "2026-07-31"
    )
    request = data["oer"]["request"]
    assert "2026-07-31" not in request and "2026-07-31" not in data["body"]
    assert "some sources" not in request.lower()
    assert "closes on 2026-08-30" in request
    assert any("2026-07-31" in w for w in data["warnings"])  # the seller still sees it


@pytest.mark.parametrize("as_of", ["2026-04-10", "2026-05-10", "2026-05-19", "2026-06-30"])
def test_a_period_to_act_is_never_called_a_claim_window(engine: Engine, as_of: str) -> None:
    draft = load_case_file(REPO / "templates/examples/stranded-inventory.toml", engine.catalog)
    draft = draft.model_copy(update={"oer": True, "facts": {**draft.facts,
                                     "stranded_date": date(2026, 4, 20)}})  # fmt: skip
    case = engine.render(draft, as_of=date.fromisoformat(as_of))
    assert case.deadline is not None and case.deadline.claim_window is False
    assert case.oer is not None
    for text in (*case.warnings, case.body, case.oer.request, *case.urgency_reasons):
        assert "claim window" not in text, text
    # the checklist's verdict too (before the stranded date it used to say "the claim window is
    # too early"): only a claim window makes a case early or late
    assert "Checklist: ready to file\n" in format_text(case)
    if as_of == "2026-04-10":
        assert case.warnings == []
    elif as_of == "2026-06-30":
        assert any("ended on 2026-05-20" in w for w in case.warnings)
    else:
        assert any("ends on 2026-05-20" in w for w in case.warnings)
