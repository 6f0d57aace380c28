"""What a pasted message says, read from a corpus of real-looking messages (issue 13 §3):
``tests/data/paste_corpus/messages.toml`` holds WeChat chats, Seller Central e-mails, carrier
notices and forwarder messages in both languages, each with its extraction written by hand
(identifiers, quantities and the fact each fills, dates with the year inferred from the as-of
date, carriers, amounts, what is no date). Every message goes through the core function
(``read_message`` + ``plan_message``) and a sample through ``casewriter extract --json``."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casewriter.engine import CaseType, Catalog, MessageFacts, plan_message, read_message
from casewriter.marketplaces import get
from casewriter.paths import AppPaths
from tests.conftest import REPO

CORPUS = REPO / "tests" / "data" / "paste_corpus" / "messages.toml"
MESSAGES: list[dict[str, Any]] = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["message"]
REASONS = {"no_field", "taken", "currency", "no_word"}
#: What ``extract --type`` says for each reason a finding fills nothing.
SENTENCES = {
    "no_field": "no field for it in this case type",
    "taken": "already takes",
    "currency": "in ",
    "no_word": "no word says which",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(AppPaths.under(Path("/nonexistent-casewriter-home")))


def summary(found: MessageFacts, ct: CaseType, currency: str) -> dict[str, list[str]]:
    """The findings in the corpus' notation (see the head of messages.toml)."""
    fills, left = plan_message(ct.facts, found, currency)
    where = {(f.kind, f.index): f.fact for f in fills}
    where.update({(item.kind, item.index): item.reason for item in left})
    return {
        "ids": [
            f"{i.kind} {i.value}" + ("" if i.status == "valid" else f" {i.status}")
            for i in found.identifiers
        ],
        "quantities": [
            f"{q.value} {q.role} -> {where[('quantity', i)]}"
            for i, q in enumerate(found.quantities)
        ],
        "dates": [
            f"{d.value.isoformat()} {d.role or 'none'}{' inferred' if d.year_inferred else ''}"
            f" -> {where[('date', i)]}"
            for i, d in enumerate(found.dates)
        ],
        "carriers": [
            f"{c.name} {c.source} -> {where[('carrier', i)]}" for i, c in enumerate(found.carriers)
        ],
        "amounts": [
            f"{a.amount} {a.currency} {a.role or 'none'} -> {where[('amount', i)]}"
            for i, a in enumerate(found.amounts)
        ],
        "problems": [p.text for p in found.problems],
    }


def expected(message: dict[str, Any]) -> dict[str, list[str]]:
    keys = ("ids", "quantities", "dates", "carriers", "amounts", "problems")
    return {k: list(message[k]) for k in keys}


@pytest.mark.parametrize("message", MESSAGES, ids=[m["name"] for m in MESSAGES])
def test_each_message_reads_as_written_by_hand(message: dict[str, Any], catalog: Catalog) -> None:
    mp = get(message["marketplace"])
    found = read_message(message["text"], mp, message["as_of"])
    got = summary(found, catalog.get(message["case_type"]), mp.currency)
    assert got == expected(message)
    for item in [*found.quantities, *found.dates, *found.carriers, *found.amounts]:
        assert message["text"][item.start : item.end] == item.text  # offsets into the original


def test_the_corpus_covers_what_sellers_paste() -> None:
    assert len(MESSAGES) >= 30
    assert len({m["name"] for m in MESSAGES}) == len(MESSAGES)
    kinds = {m["kind"] for m in MESSAGES}
    assert kinds == {"wechat", "email", "carrier", "forwarder"}
    chinese = [m for m in MESSAGES if any("\u4e00" <= c <= "\u9fff" for c in m["text"])]
    english = [m for m in MESSAGES if m["text"].isascii()]
    assert len(chinese) >= 12 and len(english) >= 12
    text = "\n".join(m["text"] for m in MESSAGES)
    for carrier in ("UPS", "顺丰", "云途", "Royal Mail", "ヤマト", "USPS", "FedEx", "DHL"):
        assert carrier in text, carrier
    assert any(ord(c) >= 0x1F300 for c in text)  # emoji, as WeChat messages have them
    assert any(0xFF10 <= ord(c) <= 0xFF5A for c in text)  # full-width digits and letters
    markets = {m["marketplace"] for m in MESSAGES}
    assert {"US", "UK", "DE", "JP", "CA"} <= markets


def test_the_traps_are_in_the_corpus() -> None:
    by_name = {m["name"]: m for m in MESSAGES}
    assert "13800138000" in by_name["wechat-phone-numbers-are-no-quantity"]["text"]
    assert by_name["wechat-phone-numbers-are-no-quantity"]["quantities"] == ["3 lost -> units_lost"]
    assert by_name["order-total-is-no-quantity"]["quantities"] == ["1 damaged -> quantity"]
    us, uk = by_name["ambiguous-12-11-on-amazon-com"], by_name["ambiguous-12-11-on-amazon-co-uk"]
    assert us["text"] == uk["text"] and us["dates"] != uk["dates"]
    assert by_name["february-30-is-no-date"]["problems"] == ["2月30日"]
    late = by_name["a-date-after-as-of-is-last-year"]
    assert late["dates"][0].startswith(f"{late['as_of'].year - 1}-12-28")
    assert "件数：4" in by_name["wechat-receiving-table"]["text"]
    assert by_name["numbers-inside-identifiers"]["quantities"] == ["4 missing -> units_missing"]


#: A sample through the real command, one of each kind and language.
CLI_SAMPLE = [
    "issue-13-wechat",
    "seller-central-inbound-email",
    "sf-express-notice-with-a-pieces-table",
    "ambiguous-12-11-on-amazon-co-uk",
    "yuan-on-amazon-com",
    "forwarder-tracking-names-the-carrier",
]


@pytest.mark.parametrize("name", CLI_SAMPLE)
def test_extract_json_says_the_same(name: str, cli: Any) -> None:
    message = next(m for m in MESSAGES if m["name"] == name)
    args = ["extract", "--json", "--type", message["case_type"]]
    args += ["--marketplace", message["marketplace"], "--as-of", message["as_of"].isoformat()]
    result = cli(*args, stdin=message["text"])
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert (data["marketplace"], data["as_of"]) == (message["marketplace"], str(message["as_of"]))
    assert data["case_type"] == message["case_type"]

    def fact(item: dict[str, Any], want: str) -> bool:
        if want in REASONS:
            return item["fact"] is None and SENTENCES[want] in item["left"]
        return item["fact"] == want and item["left"] is None

    ids = [f"{i['kind']} {i['value']}" for i in data["identifiers"]]
    assert ids == message["ids"]
    got_q = [(f"{q['value']} {q['role']}", q) for q in data["quantities"]]
    want_q = [w.split(" -> ") for w in message["quantities"]]
    assert [g for g, _ in got_q] == [w for w, _ in want_q]
    assert all(fact(q, w) for (_, q), (_, w) in zip(got_q, want_q, strict=True))
    for d, want in zip(data["dates"], message["dates"], strict=True):
        head, target = want.split(" -> ")
        inferred = " inferred" if d["year_inferred"] else ""
        assert f"{d['value']} {d['role'] or 'none'}{inferred}" == head
        assert message["text"][d["start"] : d["end"]] == d["text"]
        assert fact(d, target)
    for c, want in zip(data["carriers"], message["carriers"], strict=True):
        head, target = want.split(" -> ")
        assert f"{c['name']} {c['source']}" == head and fact(c, target)
    for a, want in zip(data["amounts"], message["amounts"], strict=True):
        head, target = want.split(" -> ")
        assert f"{a['amount']} {a['currency']} {a['role'] or 'none'}" == head and fact(a, target)
    assert [p["text"] for p in data["problems"]] == message["problems"]
    assert len(data["dates"]) == len(message["dates"])
    assert len(data["carriers"]) == len(message["carriers"])
    assert len(data["amounts"]) == len(message["amounts"])


def test_extract_text_table_names_facts(cli: Any) -> None:
    message = MESSAGES[0]
    result = cli(
        "extract", "--type", "inbound-missing-units", "--as-of", "2026-12-06", stdin=message["text"]
    )
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert any(line.startswith("quantity") and "units_missing" in line for line in lines)
    date_line = next(line for line in lines if line.startswith("date"))
    assert "2026-03-02 (delivered; year from 2026-12-06)" in date_line
    assert "delivered_date" in date_line


def test_extract_refuses_bad_options_in_one_line(cli: Any) -> None:
    for args in (
        ["--type", "no-such-type"],
        ["--marketplace", "XX"],
        ["--as-of", "3月2号"],  # --as-of needs its year
    ):
        result = cli("extract", *args, stdin="FBA17XKQ9M2Z 少了3件")
        assert result.code == 2, (args, result.err)
        assert result.err.startswith("casewriter: error:") and result.err.count("\n") == 1


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789/-.年月日号件个少了缺收到发 $€¥USDMarch,：FBA1Z")),
        max_size=60,
    )
)
def test_any_text_reads_without_error(text: str) -> None:
    found = read_message(text, get("US"), date(2026, 12, 6))
    for item in [*found.quantities, *found.dates, *found.amounts, *found.problems]:
        assert 0 <= item.start < item.end <= len(text)
    for q in found.quantities:
        assert q.value >= 0


def test_the_readme_example_is_what_extract_prints(cli: Any) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme.index("`extract --json [--marketplace M] [--as-of DATE] [--type TYPE]` prints")
    message = readme[readme.index("`", readme.index("For\n`", head)) + 1 :]
    message = message[: message.index("`")]
    block = readme[readme.index("```json\n", head) + 8 :]
    shown = json.loads(block[: block.index("```")])
    result = cli("extract", "--json", "--as-of", shown["as_of"], stdin=message)
    assert result.code == 0, result.err
    assert json.loads(result.out) == shown


def test_every_kind_of_thing_found_is_written_as_json_field_by_field() -> None:
    """``MessageFacts.to_json`` writes each item's fields in the order declared (one writer for
    every kind): a date as ``YYYY-MM-DD``, an amount as its exact text, the rest as they are."""
    from decimal import Decimal

    from casewriter.engine.message_model import Amount, Carrier, MessageDate, Problem, Quantity

    found = MessageFacts(
        quantities=[Quantity(12, "missing", "少了", "少了12件", 0, 5)],
        dates=[
            MessageDate(date(2026, 3, 2), "delivered", "签收", "3月2号签收", 6, 12, True, "no year")
        ],
        carriers=[Carrier("UPS", "name", "UPS", 13, 16)],
        amounts=[Amount(Decimal("12.50"), "USD", None, None, "$12.50", 17, 23)],
        problems=[Problem("2月30日", 24, 29, "February has no 30th")],
    )
    data = found.to_json()
    assert json.loads(json.dumps(data)) == data  # plain JSON values only
    assert [list(x) for k, v in data.items() if k != "identifiers" for x in v] == [
        ["value", "role", "word", "text", "start", "end"],
        ["value", "role", "word", "text", "start", "end", "year_inferred", "note"],
        ["name", "source", "text", "start", "end"],
        ["amount", "currency", "role", "word", "text", "start", "end", "note"],
        ["text", "start", "end", "reason"],
    ]
    assert data == {
        "identifiers": [],
        "quantities": [{"value": 12, "role": "missing", "word": "少了", "text": "少了12件",
                        "start": 0, "end": 5}],
        "dates": [{"value": "2026-03-02", "role": "delivered", "word": "签收",
                   "text": "3月2号签收", "start": 6, "end": 12, "year_inferred": True,
                   "note": "no year"}],
        "carriers": [{"name": "UPS", "source": "name", "text": "UPS", "start": 13, "end": 16}],
        "amounts": [{"amount": "12.50", "currency": "USD", "role": None, "word": None,
                     "text": "$12.50", "start": 17, "end": 23, "note": None}],
        "problems": [{"text": "2月30日", "start": 24, "end": 29,
                      "reason": "February has no 30th"}],
    }  # fmt: skip
    assert list(data) == ["identifiers", "quantities", "dates", "carriers", "amounts", "problems"]
    assert MessageFacts().to_json() == {k: [] for k in data}
