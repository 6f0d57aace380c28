"""``log import`` checks like the live commands and refuses the whole file at the first bad
case, naming it by number; it streams the export (any chunking gives the same cases) and says
what is wrong with a file that is not an export — a folder, broken JSON, another format."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest

from casewriter.errors import UsageError
from casewriter.paths import AppPaths
from casewriter.store import CaseStore, jsonstream
from casewriter.store.export import export_document
from tests.test_store import make_case
from tests.test_store_values import dump

GOOD: dict[str, Any] = {
    "id": "CW-000007",
    "status": "filed",
    "case_type": "inbound-missing-units",
    "marketplace": "US",
    "urgency": "high",
    "profile": "northbay",
    "sc_case_id": "7261849305",
    "subject": "Missing units FBA17XKQ9M2Z",
    "body": "订单未收到",
    "follow_up": "2026-05-01T09:00:00Z",
    "deadline_closes": "2026-12-28",
    "expected": {"amount": "24.99", "currency": "USD"},
    "received": None,
    "currency": "USD",
    "created_at": "2026-04-01T00:00:00Z",
    "updated_at": "2026-04-02T00:00:00Z",
    "filed_at": "2026-04-02T00:00:00Z",
    "resolved_at": None,
    "identifiers": [{"kind": "shipment_id", "value": "FBA17XKQ9M2Z"}],
    "links": [],
    "events": [{"kind": "created", "at": "2026-04-01T00:00:00Z", "text": ""}],
    "draft": {"case_type": "inbound-missing-units"},
}


def _with(**changes: Any) -> dict[str, Any]:
    row = copy.deepcopy(GOOD)
    for key, value in changes.items():
        row[key] = value
    return row


BAD_ROWS: dict[str, tuple[dict[str, Any], str]] = {
    "unknown case type": (_with(case_type="no-such-type"), "unknown case type"),
    "unknown marketplace": (_with(marketplace="XX"), "unknown marketplace"),
    "unknown urgency": (_with(urgency="asap"), "unknown urgency"),
    "unknown currency": (_with(currency="=1+1"), "unknown currency"),
    "unknown status": (_with(status="finished"), "unknown status"),
    "bad local id": (_with(id="CW-xyz"), "not a case id"),
    "missing id": ({k: v for k, v in GOOD.items() if k != "id"}, "not a case id"),
    "bad Seller Central id": (_with(sc_case_id="12ab"), "not a Seller Central case id"),
    "bad link": (_with(links=["nope"]), "not a case id"),
    "year 226": (_with(follow_up="226-05-01T09:00:00Z"), "'follow_up' is not a time"),
    "year 0226": (_with(created_at="0226-05-01T09:00:00Z"), "'created_at' is not a time"),
    "year 9999 deadline": (_with(deadline_closes="9999-12-31"), "'deadline_closes' is not a date"),
    "week-date deadline": (_with(deadline_closes="2026-W18-5"), "'deadline_closes' is not a date"),
    "event in 1969": (
        _with(events=[{"kind": "note", "at": "1969-07-20T20:17:00Z", "text": "moon"}]),
        "'at' is not a time",
    ),
    "negative amount": (
        _with(expected={"amount": "-5", "currency": "USD"}),
        "must not be negative",
    ),
    "huge amount": (_with(expected={"amount": "1e308", "currency": "USD"}), "too large"),
    "NaN amount": (_with(expected={"amount": "NaN", "currency": "USD"}), "not an"),
    "float infinity": (
        _with(received={"amount": float("inf"), "currency": "USD"}),
        "not a received amount",
    ),
    "mixed currencies": (_with(expected={"amount": "5", "currency": "EUR"}), "amounts in EUR"),
    "unknown identifier kind": (
        _with(identifiers=[{"kind": "password", "value": "x"}]),
        "unknown identifier kind",
    ),
    "subject not text": (_with(subject=["a list"]), "'subject' must be text"),
    "unknown event": (
        _with(events=[{"kind": "hacked", "at": "2026-01-01T00:00:00Z"}]),
        "unknown event",
    ),
    "draft not an object": (_with(draft="x"), "'draft' must be an object"),
}


def _write(path: Path, cases: list[dict[str, Any]]) -> Path:
    doc = {
        "format": "casewriter-log",
        "version": 1,
        "exported_at": "2026-06-01T00:00:00Z",
        "cases": cases,
    }
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_a_good_row_imports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("log", "import", str(_write(tmp_path / "ok.json", [GOOD])), "--json")
    assert r.code == 0, r.err
    case = json.loads(cli("log", "show", "7", "--json").out)
    assert case["urgency"] == "high" and case["expected"] == {"amount": "24.99", "currency": "USD"}


@pytest.mark.parametrize("name", list(BAD_ROWS))
def test_a_bad_row_refuses_the_whole_file_naming_it(
    cli, home: Path, tmp_path: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home)) as store:
        store.save_new(make_case())
    before = dump(home / "cases.db")
    row, words = BAD_ROWS[name]
    good_too = [_with(id="CW-000011"), _with(id="CW-000012"), row]
    r = cli("log", "import", str(_write(tmp_path / "bad.json", good_too)))
    assert r.code == 2, r
    assert r.err.count("\n") == 1 and r.err.startswith("casewriter: error: case #3")
    assert words in r.err and "internal error" not in r.err
    assert dump(home / "cases.db") == before  # the two good rows before it were not kept


def test_import_of_a_folder_or_a_non_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli("log", "import", str(tmp_path))
    assert r.code == 2 and "is a folder, not an export file" in r.err
    cases = [
        ("{nope", "not valid JSON"),
        ('{"format": "something-else", "cases": []}', "not a casewriter log export"),
        ('{"cases": []}', "not a casewriter log export"),
        ('{"format": "casewriter-log", "version": 9, "cases": []}', "newer casewriter"),
        ('{"format": "casewriter-log", "cases": [1]}', "case #1 is not an object"),
        ('{"format": "casewriter-log", "cases": []} trailing', "extra data"),
        ("", "empty"),
        (
            '{"format": "casewriter-log", "cases": [' + "[" * 100_000 + "]" * 100_000 + "]}",
            "nested too deeply",
        ),
    ]
    for n, (text, words) in enumerate(cases):
        path = tmp_path / f"bad{n}.json"
        path.write_text(text, encoding="utf-8")
        r = cli("log", "import", str(path))
        assert r.code == 2, (text[:40], r)
        assert words in r.err and r.err.count("\n") == 1, (text[:40], r.err)


def _reads(data: bytes, chunk: int, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    monkeypatch.setattr(jsonstream, "CHUNK", chunk)
    return list(jsonstream.iter_cases(io.BytesIO(data), "export.json"))


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_streaming_matches_a_whole_parse_at_any_chunk_size(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = [
        _with(id=f"CW-{n:06d}", body="少件 " * n + '"quoted" \\ back', subject=f"n={n} 12345")
        for n in range(1, 30)
    ]
    cases[3]["expected"] = {"amount": 12345678, "currency": "USD"}  # a number split across chunks
    doc = {"format": "casewriter-log", "version": 1, "cases": cases, "after": [1, 2, {"x": "y"}]}
    data = ("\ufeff" + json.dumps(doc, ensure_ascii=False, indent=1)).encode("utf-8")
    assert _reads(data, chunk, monkeypatch) == cases
    bare = json.dumps(cases, ensure_ascii=False).encode("utf-8")
    assert _reads(bare, chunk, monkeypatch) == cases
    reordered = json.dumps({"cases": cases[:2], "format": "casewriter-log"}).encode()
    assert _reads(reordered, chunk, monkeypatch) == cases[:2]


def test_errors_carry_the_line_number(monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{\n "format": "casewriter-log",\n "cases": [\n  {"id": "CW-1"},\n  {"id": oops}\n ]\n}'
    with pytest.raises(UsageError) as err:
        _reads(text.encode(), 5, monkeypatch)
    assert "line 5" in err.value.message and "case #2" in err.value.message


def test_store_level_import_checks_case_types_only_when_given(paths: AppPaths) -> None:
    row = _with(case_type="my-own-type")
    with CaseStore.open(paths) as store:
        with pytest.raises(UsageError, match="unknown case type"):
            store.import_rows([row], case_types=["inbound-missing-units"])
        assert store.import_rows([row])["imported"] == 1


def test_round_trip_through_the_file(cli, home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with CaseStore.open(AppPaths.under(home)) as store:
        for n in range(5):
            store.save_new(make_case(subject=f"case {n} 仓库丢失"))
        doc = export_document(store)
    path = tmp_path / "all.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "other"
    r = cli("log", "import", str(path), "--home", str(other), "--json")
    assert json.loads(r.out)["imported"] == 5
    again = json.loads(cli("log", "export", "--home", str(other)).out)
    assert again["cases"] == doc["cases"]
