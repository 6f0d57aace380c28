"""Issue 13 §4: what the core says is said in Chinese too, its English unchanged.

The identifier checks' reasons and suggestions (over the audit corpora, asked as every kind),
the engine's warnings, readiness reasons and checklist reasons (item lines, calculators, the
render's own warnings, the claim-window hint, the language warning, the date read back) and the
scan's notes and per-file errors are ``Said``: their ``str`` is the English the CLI prints
(``test_*_cli``, the golden files and ``tests/golden`` hold it byte for byte), their Chinese has
no English sentence left in it. What may stay in Latin letters in Chinese: the words of
``tests/tui/test_zh_walk.WHITELIST``, identifiers and their prefixes (all capitals: ``FBA``,
``TBA``, ``X0``, a country code), carriers' product names, and the data (values typed, report
values, sources' names).
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest

from casewriter.config import Settings
from casewriter.engine import Draft, Engine
from casewriter.engine.warning_words import WORDS as ENGINE_WORDS
from casewriter.identifiers import KINDS, check
from casewriter.identifiers.carrier_wording import CARRIER_WORDS
from casewriter.identifiers.wording import WORDS as ID_WORDS
from casewriter.messages import MESSAGES, Said, missing_translations, say
from casewriter.paths import AppPaths
from casewriter.reports.note_words import WORDS as NOTE_WORDS
from casewriter.reports.row_words import WORDS as ROW_WORDS
from tests.identifiers_audit_amazon import AMAZON_ROWS
from tests.tui.test_zh_walk import english_words

#: Carriers' product names, said as the carriers say them.
PRODUCTS = {"express", "ground", "smartpost", "paket", "ecommerce", "upu", "sscc", "parcelforce"}
SAMPLES = Path(__file__).resolve().parent / "data" / "reports" / "samples"


def left_in_english(text: str, data: list[str] = ()) -> list[str]:  # type: ignore[assignment]
    """English words left in ``text`` (a Chinese message), outside the whitelist, identifiers'
    prefixes and codes (all capitals), carriers' products and ``data``."""
    words = english_words(text, list(data))
    return [w for w in words if not (w.isupper() and len(w) <= 5) and w.lower() not in PRODUCTS]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(
    "table",
    [MESSAGES, ID_WORDS, CARRIER_WORDS, ENGINE_WORDS, NOTE_WORDS, ROW_WORDS],
    ids=["messages", "identifiers", "carriers", "engine", "reports", "report-rows"],
)
def test_every_code_in_both_languages_with_known_parameters(
    table: dict[str, tuple[str, str]],
) -> None:
    assert missing_translations(table) == []
    for code, (en, zh) in table.items():
        assert _fields(zh) <= _fields(en) | {"raw"}, code
        assert not re.search(r"[\u3400-\u9fff]", en), code  # English is English


def _corpus() -> list[str]:
    import tests.identifiers_audit_parcel as parcel
    import tests.identifiers_audit_postal as postal

    rows = list(AMAZON_ROWS)
    for module in (parcel, postal):
        rows += [r for name in dir(module) if name.endswith("ROWS") for r in getattr(module, name)]
    extra = ["", "abc", "FBA12", "X003KQ7ZP", "902-3159896", "O02-3159896-1390916",
             "902-3159896-1390916-1", "FBB15DJ9S3J5", "RR12345678CN", "RRI23456785CN",
             "TB123456789012", "Z12345E6605272234", "T1234567890123456", "LPN12",
             "PNLRR9K2X7Q4T", "9" * 41, "a\x00b", "SH" + "A" * 25, "FBA15DJ9S3J5U000001",
             "113-1234567-123456A", "X003KQ7ZP1 X001ZZ9K3Q", "١٢٣٤٥٦٧٨٩٠"]  # fmt: skip
    return sorted({r[1] for r in rows} | set(extra))


def test_every_identifier_reason_and_suggestion_has_its_chinese() -> None:
    """Every value of the audit corpora, asked as every kind and as none: the reason and the
    suggestion are Said, and their Chinese keeps no English sentence."""
    left: dict[str, tuple[str, str | None, str]] = {}
    checked = 0
    for value in _corpus():
        for kind in (None, *KINDS):
            result = check(value, kind)
            for part in (result.reason, result.suggestion):
                if not part:
                    continue
                checked += 1
                assert isinstance(part, Said), (value, kind, part)
                zh = say(part, "zh")
                data = [value, value.strip(), value.upper(), result.normalized or ""]
                words = left_in_english(zh, data)
                if words:
                    left.setdefault(" ".join(words), (value, kind, zh))
    assert checked > 5000
    assert left == {}


def test_a_bad_fnsku_said_in_both_languages() -> None:
    result = check("X003KQ7ZP", "fnsku")
    assert result.reason == (
        "an FNSKU is X0 + 8 letters/digits (or the ASIN for stickerless stock); this has 9 "
        "characters"
    )
    assert (
        say(result.reason, "zh")
        == "FNSKU 为 X0 + 8 位字母/数字（无贴标库存则为 ASIN）；这个有 9 个字符"
    )
    assert "管理库存" in say(result.suggestion, "zh")
    assert check("1234", "case_id").to_json()["reason"] == (
        "a Seller Central case ID has 10 digits; this has 4"
    )


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    return Engine.load(AppPaths.under(tmp_path_factory.mktemp("home")), Settings())


def _all_said(case: object) -> list[str]:
    out = [*case.warnings, *(r.text for r in case.ready_reasons)]
    out += [c.reason for c in case.checklist if c.reason]
    out += [v for c in case.checklist for v in c.values]
    return out


DRAFTS = {
    # a total that disagrees with its lines, an invalid item, a line dated before the clock
    "items": {
        "case_type": "warehouse-lost", "marketplace": "US", "urgency": "urgent",
        "profile": {"name": "Northbay Goods"},
        "facts": {"units_lost": 9, "ledger_date": "2026-05-25"},
        "items": [
            {"fnsku": "X003KQ7ZP1", "quantity": 4, "reference_id": "79315640218731",
             "date": "2026-05-20"},
            {"fnsku": "X001ZZ9K3", "quantity": 3},
        ],
        "narrative": {"what_happened": "仓库丢了三件"},
    },
    # a list of FNSKUs without quantities, no delivery date (the claim-window hint)
    "legacy": {
        "case_type": "inbound-missing-units", "marketplace": "US",
        "facts": {"units_shipped": 10, "units_received": "ten"},
        "evidence": {"shipment_id": ["FBA17XKQ9M2Z"], "fnsku": ["X003KQ7ZP1", "X001ZZ9K3Q"],
                     "tracking": ["1Z12345E6605272235"]},
    },
    # rates over their targets, counts over a window Amazon does not use
    "metrics": {
        "case_type": "performance-metric-poa", "marketplace": "UK",
        "facts": {"late_shipments": 41, "lsr_shipments": 612, "lsr_period_days": 45,
                  "order_defects": 14, "odr_orders": 1187, "notification_date": "2026-06-22"},
    },
}  # fmt: skip


@pytest.mark.parametrize("name", list(DRAFTS))
def test_engine_warnings_and_reasons_said_in_chinese(engine: Engine, name: str) -> None:
    case = engine.render(Draft.model_validate(DRAFTS[name]), as_of=date(2026, 6, 1))
    said = _all_said(case)
    assert said
    data = ["仓库丢了三件", "ten", "Northbay", "X001ZZ9K3", "Seller Central help", "help",
            "[profile]", case.subject]  # fmt: skip
    # the sources the catalog cites, by their own names
    data += [d.source for d in [case.deadline] if d is not None]
    data += [t.source for t in engine.catalog.get(case.case_type).thresholds]
    left = {say(s, "zh"): left_in_english(say(s, "zh"), data) for s in said}
    assert {k: v for k, v in left.items() if v} == {}
    zh = "\n".join(say(s, "zh") for s in said)
    expected = {
        "items": ["各商品合计为 7", "不是英文", "将问题标记为紧急", "最早的 2026-05-20 起算"],
        "legacy": ["没有各自的数量", "请填写", "“ten”不是整数"],
        "metrics": ["按 10 或 30 天统计", "（目标 < 4%） – 高于目标"],
    }[name]
    for words in expected:
        assert words in zh, (words, zh)
    assert "units_lost" not in zh and "(units_" not in zh  # Chinese never names a key


def test_scan_notes_and_file_errors_said_in_chinese(engine: Engine, tmp_path: Path) -> None:
    from casewriter.reports.scan import scan

    not_a_report = tmp_path / "notes.csv"
    not_a_report.write_text("hello,world\n1,2\n", encoding="utf-8")
    paths = [*sorted(p for p in SAMPLES.iterdir() if p.suffix == ".tsv"), not_a_report]
    result = scan(paths, as_of=date(2026, 7, 1), catalog=engine.catalog)
    notes = [n for f in result.findings for n in f.notes] + list(result.notes)
    notes += [s.reason for s in result.skipped]
    assert any("under 14 days old" in n for n in notes)
    assert any("not a known Seller Central report" in n for n in notes)
    # paths, a report's own values, the columns of a CSV the seller writes (as typed)
    data = [str(tmp_path), str(SAMPLES), "RECEIVING", "hello, world", "sku,cost,currency"]
    data += ["sku,length,width,height,dimension_unit,weight,weight_unit"]
    for note in notes:
        zh = say(note, "zh")
        assert left_in_english(zh, data) == [], (note, zh)
    zh = "\n".join(say(n, "zh") for n in notes)
    assert "不足 14 天" in zh and "仍在接收中" in zh and "不是已知的卖家后台报告" in zh
