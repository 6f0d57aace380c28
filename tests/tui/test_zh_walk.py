"""Issue 13 §4: 简体中文 everywhere. Walks screens in Chinese and fails on an English word
outside a whitelist (identifiers, Amazon's own acronyms, user data), and in English on any CJK
outside user data; the string tables, README and tips never say 案件; plurals and signed days
through one helper."""

from __future__ import annotations

import re

import pytest

from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp
from casewriter.tui.services import Services
from casewriter.tui.strings import CATALOG
from tests.conftest import REPO
from tests.tui.conftest import RunApp, add_case, calm
from tests.tui.test_hostile_tui import drawn

#: Words allowed in a Chinese screen: the product name, Amazon's and carriers' own names and
#: acronyms, units and keys as printed on a keyboard.
WHITELIST = {
    "casewriter",
    "case",
    "asin",
    "fnsku",
    "sku",
    "fba",
    "oer",
    "ups",
    "usps",
    "fedex",
    "dhl",
    "amazon",
    "seller",
    "central",
    "id",
    "ids",
    "us",
    "uk",
    "de",
    "fr",
    "it",
    "es",
    "jp",
    "ca",
    "mx",
    "nl",
    "se",
    "pl",
    "au",
    "in",
    "ae",
    "sa",
    "sg",
    "tr",
    "br",
    "eg",
    "be",
    "ie",
    "com",
    "co",
    "mcf",
    "poa",
    "odr",
    "safe",
    "t",
    "a",
    "to",
    "z",
    "ip",
    "english",
    "ctrl",
    "esc",
    "enter",
    "tab",
    "shift",
    "f1",
    "f2",
    "f3",
    "f4",
    "f5",
    "f6",
    "f7",
    "f8",
    "f9",
    "f10",
    "yyyy",
    "mm",
    "dd",
    "d",
    "n",
    "s",
    "q",
    "r",
    "f",
    "e",
    "c",
    "b",
    "v",
    "o",
    "x",
    "y",
    "pdf",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "csv",
    "tsv",
    "txt",
    "lsr",
    "vtr",
    "otdr",
    "rca",
    "pod",
    "bol",
    "ltl",
    "ftl",
    "gtin",
    "upc",
    "ean",
    "isbn",
    "cw",
    "sc",
    "wf",
    "sh",
    "url",
    "mb",
    "kg",
    "lb",
    "cm",
    "nf",
    "ok",
    "listing",
    "atoz",
    "northbay",
    "shipment",
    "short",
    "by",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def english_words(text: str, user_data: list[str]) -> list[str]:
    for data in user_data:
        text = text.replace(data, " ")
    text = re.sub(r"[A-Z0-9]*\d[A-Z0-9-]*", " ", text)  # identifiers (FBA17XKQ9M2Z, CW-000001)
    return sorted({w for w in _WORD.findall(text) if w.lower() not in WHITELIST})


def cjk_chars(text: str, user_data: list[str]) -> list[str]:
    for data in user_data:
        text = text.replace(data, " ")
    text = text.replace("中文", " ")  # the language key's label
    return sorted(set(_CJK.findall(text)))


def test_no_table_readme_or_tip_says_anjian() -> None:
    """domain.md §7: sellers say 开Case / Case 编号; casewriter's log is "Case 记录"."""
    offenders = [key for key, (_en, zh) in CATALOG.items() if "案件" in zh]
    assert offenders == []
    for path in [REPO / "README.md", *sorted((REPO / "templates").rglob("*.toml"))]:
        assert "案件" not in path.read_text(encoding="utf-8"), path
    assert i18n.CATALOG["home.title"][1] == "Case 记录"


def test_plurals_and_signed_days() -> None:
    i18n.set_language("en")
    try:
        assert i18n.tn("home.search_count", 1, q="x") == "1 match for “x”"
        assert i18n.tn("home.search_count", 2, q="x") == "2 matches for “x”"
        assert i18n.tn("home.count", 1, shown=1) == "1 of 1 case"
        assert i18n.tn("home.count", 3, shown=2) == "2 of 3 cases"
        assert i18n.days_text(-3) == "3 days overdue"
        assert i18n.days_text(-1) == "1 day overdue"
        assert i18n.days_text(0) == "closes today"
        assert i18n.days_text(1) == "1 day left"
        assert i18n.days_text(9) == "9 days left"
        i18n.set_language("zh")
        assert i18n.days_text(-3) == "已过期 3 天"
        assert i18n.days_text(5) == "剩余 5 天"
        assert i18n.tn("home.count", 1, shown=1) == "共 1 个 Case，已显示 1 个"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_home_and_wizard_speak_one_language(
    run_app: RunApp, services: Services, lang: str
) -> None:
    subject = "Shipment FBA17XKQ9M2Z short by 12"
    add_case(services, subject)
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app, CasewriterApp)
        if i18n.get_language() != lang:
            await pilot.press("f4")
            await calm(pilot)
        home = drawn(app, "home")
        data = [subject, *subject.split(), "northbay", "Northbay"]
        if lang == "zh":
            assert "FBA入库少件" in home, home  # the type title, never its id
            assert english_words(home, data) == [], home
        else:
            assert cjk_chars(home, data) == [], home
