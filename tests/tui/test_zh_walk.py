"""Issue 13 §4: 简体中文 everywhere. Walks screens in Chinese and fails on an English word
outside a whitelist (identifiers, Amazon's own acronyms, user data), and in English on any CJK
outside user data; the string tables, README and tips never say 案件; plurals and signed days
through one helper."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp
from casewriter.tui.services import Services
from casewriter.tui.strings import CATALOG
from tests.conftest import REPO
from tests.tui.conftest import RunApp, add_case, calm, fill, next_step, set_field
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
    "del",
    "insert",
    "space",
    "osc",
    "svg",
    "usd",
    # file types an attachment field accepts, as typed
    "xls",
    "xlsx",
    "docx",
    # Amazon's own words that its Chinese Seller Central shows in English: the ledger's event
    # type, a reimbursement reason, the electronic proof of delivery
    "receipts",
    "lost_inbound",
    "epod",
}
#: A word: letters, and underscores inside (an internal key such as ``units_received`` is one
#: word, never whitelisted by its parts).
_WORD = re.compile(r"[A-Za-z][A-Za-z_]*[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _drop(text: str, data: str) -> str:
    """``text`` without ``data`` where it stands as itself (``in`` of a subject is not the
    ``in`` of ``inbound``)."""
    if not data:
        return text
    return re.sub(rf"(?<![A-Za-z]){re.escape(data)}(?![A-Za-z])", " ", text)


def english_words(text: str, user_data: list[str]) -> list[str]:
    for data in sorted(user_data, key=len, reverse=True):
        text = _drop(text, data)
    text = re.sub(r"[\w.~-]*/[\w./~-]*", " ", text)  # paths the user typed (even wrapped)
    text = re.sub(r"[\w.-]+\.(?:txt|csv|tsv|json|toml|pdf|png)\b", " ", text)  # a file's name
    text = re.sub(r"--[a-z][a-z-]+", " ", text)  # a command-line option, typed as it is
    # a word cut by a dialog's or a field's border drawn over it (``█KU`` of ``FNSKU``)
    text = re.sub(r"(?<=[█▊▎▌▐│┃])[A-Za-z]+", " ", text)
    text = re.sub(r"[A-Z0-9-]*\d[A-Z0-9-]*", " ", text)  # ids (FBA17XKQ9M2Z, RMV-NB-0519)
    found: set[str] = set()
    for line in text.splitlines():
        for m in _WORD.finditer(line):
            word = m.group().lower()
            if word in WHITELIST or _cut(word, line[: m.start()], line[m.end() :]):
                continue
            found.add(m.group())
    return sorted(found)


_EDGE = " ▁▂▃▄▅▆▇█▔▊▎▌▐│┃"
"""What may stand between a word and the edge of a line: spaces, borders, a scrollbar."""


def _cut(word: str, before: str, after: str) -> bool:
    """A whitelisted word that wrapping cut at the end of a line (``AS`` of ``ASIN``, Chinese
    text folds anywhere) or that goes on at the start of the next."""
    if not after.strip(_EDGE) and any(w.startswith(word) for w in WHITELIST):
        return True
    return not before.strip(_EDGE) and any(w.endswith(word) for w in WHITELIST)


def cjk_chars(text: str, user_data: list[str]) -> list[str]:
    for data in sorted(user_data, key=len, reverse=True):
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


def test_every_scan_rule_and_status_has_a_name() -> None:
    """The scan table names each rule and status in both languages, never by its id."""
    from casewriter.reports.findings import RULE_CASE_TYPES, STATUSES

    keys = [f"scan.rule.{r}" for r in RULE_CASE_TYPES] + [f"scan.status.{s}" for s in STATUSES]
    assert [k for k in keys if k not in CATALOG or not all(CATALOG[k])] == []


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


SAMPLES = REPO / "tests" / "data" / "reports" / "samples"
#: What the samples folder holds besides reports: a scan names it as not read (as ``casewriter
#: scan`` does), quoting its first line — the folder's data, in its own language.
SAMPLES_README = ["README.md", (SAMPLES / "README.md").read_text(encoding="utf-8").splitlines()[0]]


class Walk:
    """Draws screen after screen and keeps what speaks the wrong language, per screen."""

    def __init__(self, app: CasewriterApp, lang: str, data: list[str]) -> None:
        self.app, self.lang, self.data = app, lang, data
        self.wrong: dict[str, list[str]] = {}
        self.seen: dict[str, str] = {}

    def look(self, where: str) -> str:
        text = drawn(self.app, where)
        self.seen[where] = text
        found = english_words(text, self.data) if self.lang == "zh" else cjk_chars(text, self.data)
        if found:
            self.wrong[where] = found
        return text


async def _walk(pilot: Pilot[int], services: Services, lang: str, tmp_path: Path) -> Walk:
    """Home, the wizard's four steps (a bad quantity, a missing invoice file, a missing fact),
    the palette, a case's detail and its note dialog, settings, scan with results, the resume
    dialog: every screen a first user meets."""
    app = pilot.app
    assert isinstance(app, CasewriterApp)
    if i18n.get_language() != lang:
        await pilot.press("f4")
        await calm(pilot)
    missing = tmp_path / "x.png"  # a short folder (``short_tmp``): the path never wraps
    subject = "Shipment FBA17XKQ9M2Z short by 12"
    # user data and sources' own names: a path typed, the profile, a help page's id
    data = [subject, str(missing), str(SAMPLES), "northbay", "Northbay", "[profile]"]
    data += ["Seller Central help GEYPWTSQRTXXXMVB", "superfuel.io", "CW-TUMBLER-"]
    walk = Walk(app, lang, data)
    walk.look("home")
    await pilot.press("n")
    await calm(pilot)
    walk.look("wizard: type list")
    await set_field(pilot, "type-search", "少件" if lang == "zh" else "missing units")
    await pilot.press("enter")
    await calm(pilot)
    walk.look("wizard: evidence (type chosen)")
    await fill(
        pilot,
        {
            "slot-shipment_id": "FBA17XKQ9M2Z",
            "slot-fnsku": "X003KQ7ZP1",
            "fact-units_shipped": "ten",
            "fact-delivered_date": "3月2号" if lang == "zh" else "March 2",
            "att-invoice": str(missing),
        },
    )
    walk.look("wizard: evidence (bad values)")
    await next_step(pilot)
    walk.look("wizard: urgency")
    await next_step(pilot)
    screen = app.screen
    rendered = getattr(screen, "rendered", None)
    assert rendered is not None
    # the case text stays in the case language
    walk.data += [rendered.subject, "Hello Seller Support"]
    walk.look("wizard: review")
    await pilot.press("ctrl+p")
    await calm(pilot)
    walk.look("palette (wizard)")
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("ctrl+w")
    await calm(pilot)
    await pilot.press("a")  # the autosave the wizard left: the resume dialog
    await calm(pilot)
    walk.look("resume dialog")
    await pilot.press("escape")
    await calm(pilot)
    add_case(services, subject, identifiers=[("fba_shipment_id", "FBA17XKQ9M2Z")])
    await pilot.press("r")
    await calm(pilot)
    await pilot.press("o")
    await calm(pilot)
    walk.look("case detail")
    await pilot.press("a")
    await calm(pilot)
    walk.look("note dialog")
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("f2")
    await calm(pilot)
    walk.look("settings")
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("f3")
    await calm(pilot)
    app.screen.query_one("#scan-paths", Input).value = str(SAMPLES)
    app.screen.query_one("#scan-as-of", Input).value = "2026-07-01"
    walk.data += SAMPLES_README
    await pilot.press("enter")
    await calm(pilot)
    walk.look("scan with results")
    return walk


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_screen_speaks_one_language(
    run_app: RunApp, services: Services, lang: str
) -> None:
    """Issue 13 §4: no English word outside the whitelist in Chinese mode (identifiers, Amazon's
    names, paths the user typed, the case text) and no CJK in English mode, on every screen."""
    folder = Path(tempfile.mkdtemp(prefix="cw"))
    try:
        async with run_app(size=(140, 45)) as pilot:
            walk = await _walk(pilot, services, lang, folder)
    finally:
        shutil.rmtree(folder)
    assert len(walk.seen) == 12, sorted(walk.seen)
    assert walk.wrong == {}, "\n\n".join(f"{k}: {v}\n{walk.seen[k]}" for k, v in walk.wrong.items())
    review = walk.seen["wizard: review"]
    if lang == "zh":
        assert "缺少信息：亚马逊接收数量。" in review, review
        assert "找不到文件" in review and "入库少件" in walk.seen["scan with results"]
        assert "可索赔" in walk.seen["scan with results"]
    else:
        assert "Missing fact: Units received by Amazon." in review, review
        assert "Inbound shortfall" in walk.seen["scan with results"]
    assert "units_received" not in review  # never the internal key, in either language
    assert "inbound-shortfall" not in walk.seen["scan with results"]
    assert "inbound-missing-units" not in walk.seen["resume dialog"]


def test_long_chinese_tips_wrap_under_their_text() -> None:
    """A tip longer than the pane wraps with a hanging indent: the bullet stands alone in its
    column, every continuation line starts under the tip's first character."""
    from rich.console import Console

    from casewriter.tui.wizard.steps.type_step import bulleted

    tip = "货件“内容/货件差异查询”标签中每个少件商品的FNSKU（X00…，无贴标混合库存则与ASIN相同）。"
    console = Console(width=30, record=True, color_system=None)
    console.print(bulleted([tip, "短"]))
    lines = [line.rstrip() for line in console.export_text().splitlines() if line.strip()]
    assert lines[0].startswith("• 货件") and lines[-1] == "• 短"
    continued = lines[1:-1]
    assert len(continued) >= 2
    assert all(line.startswith("  ") and not line.startswith("   ") for line in continued)
    assert "".join(line[2:] if i else line[2:] for i, line in enumerate(lines[:-1])) == tip
