"""``casewriter scan`` speaks the UI language (issue 14 F9; product.md "Language": ``--lang``,
config ``lang``, or the ``LANG`` environment): the report list, the status groups, the table
header, the notes, the totals, the money at stake, the ``--draft`` summary and the warnings on
stderr, in Simplified Chinese with ``zh``. Rule ids, identifiers, amounts and dates stay as
they are; ``--json`` is the same in both languages; ``en`` is what it always was.

The app's scan screen takes its rule and status names and its money-at-stake words from the
same core table (``casewriter.scan_words``)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from casewriter.paths import AppPaths
from casewriter.reports.findings import RULE_CASE_TYPES
from casewriter.reports.signatures import TITLES
from casewriter.scan_words import RULE_NAMES, STATUS_NAMES, WORDS, sw
from tests.conftest import SAMPLES

Cli = Callable[..., Any]
DATA = Path(__file__).resolve().parent / "data" / "reports"
HARBORLINE = DATA / "sellers" / "harborline"
BRIGHTPEAK = DATA / "sellers2" / "brightpeak"
AS_OF = "2026-09-01"

#: harborline as of 2026-09-01 in Chinese: the lines a seller reads, exactly.
ZH_LINES = [
    "扫描截至 2026-09-01（US）",
    "报告：",
    "  ledger-detail                   24 行  " + str(HARBORLINE / "Inventory_Ledger_Feb-Jun.csv"),
    "可索赔 — 现在提交（3 项）",
    "  规则                      编号                                    件数  事件日期    截止"
    "            估算金额",
    "  inbound-shortfall         FBA18HLCLOSE1 X004HLA001                   3  2026-03-10  "
    "2026-12-10    119.97 USD",
    "  合计：3 项发现，5 件，估算 148.97 USD",
    "为时过早 — 请等待（1 项）",
    "      说明：货件状态为 RECEIVING：仍在接收中，请等货件关闭后再处理",
    "  合计：1 项发现，20 件，估算 199.80 USD",
    "已过期 — 索赔期已结束（9 项）",
    "      说明：已有 1 件获得赔偿",
    "  合计：9 项发现，11 件，估算 272.42 USD",
    "备注：",
    "  库存分类账原因代码 'Z' 出现 1 次：不是已知代码，不会索赔；请手动核对这些行",
    "涉及金额（估算）",
    "  现在可索赔：148.97 USD",
    "    inbound-shortfall                119.97 USD  （1 项发现，3 件）",
    "  未到索赔期：199.80 USD",
    "          199.80 USD  货件关闭或等待期结束后可索赔（1 项发现）",
    "  已过期（因等待而损失）：272.42 USD",
    "    warehouse-damaged                 88.46 USD  （5 项发现）",
    "  金额最高（请先提交这些）：",
    "    1. inbound-shortfall（入库少件）FBA18HLCLOSE1 X004HLA001：119.97 USD，2026-12-10 截止",
    "    3. warehouse-lost（仓库丢失）X004HLD004 30010000000011：14.50 USD，2026-09-03 截止",
]

#: The same scan in English, as it has always printed it.
EN_LINES = [
    "Scan as of 2026-09-01 (US)",
    "Reports:",
    "CLAIMABLE — file now (3)",
    "  rule                      ids                                    units  event       closes"
    "             value",
    "  total: 3 finding(s), 5 unit(s), estimated 148.97 USD",
    "TOO EARLY — wait (1)",
    "      note: shipment status RECEIVING: still receiving, wait until it is closed",
    "EXPIRED — window closed (9)",
    "Notes:",
    "MONEY AT STAKE (estimates)",
    "  claimable now: 148.97 USD",
    "    inbound-shortfall                119.97 USD  (1 finding(s), 3 unit(s))",
    "          199.80 USD  claimable once the shipment is closed or the wait ends (1 finding(s))",
    "  expired (lost by waiting): 272.42 USD",
    "  worth the most (file these first):",
    "    1. inbound-shortfall FBA18HLCLOSE1 X004HLA001: 119.97 USD, closes 2026-12-10",
]


def scan_text(cli: Cli, *args: str, env: dict[str, str] | None = None) -> str:
    res = cli(*args, env=env)
    assert res.code == 0, res.err
    assert "Traceback" not in res.err
    return str(res.out)


def lang_config(paths: AppPaths, lang: str) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(f'lang = "{lang}"\n', encoding="utf-8")


def test_lang_zh_prints_the_scan_in_chinese(cli: Cli) -> None:
    out = scan_text(cli, "--lang", "zh", "scan", str(HARBORLINE), "--as-of", AS_OF)
    lines = out.splitlines()
    for line in ZH_LINES:
        assert line in lines, (line, out)
    assert "CLAIMABLE" not in out and "total:" not in out and "MONEY AT STAKE" not in out


def test_config_lang_zh_and_the_locale_choose_chinese_too(cli: Cli, paths: AppPaths) -> None:
    by_flag = scan_text(cli, "--lang", "zh", "scan", str(HARBORLINE), "--as-of", AS_OF)
    by_locale = scan_text(
        cli, "scan", str(HARBORLINE), "--as-of", AS_OF, env={"LANG": "zh_CN.UTF-8"}
    )
    lang_config(paths, "zh")
    by_config = scan_text(cli, "scan", str(HARBORLINE), "--as-of", AS_OF)
    assert by_config == by_flag == by_locale
    assert "可索赔 — 现在提交（3 项）" in by_config.splitlines()
    # --lang beats the config
    assert "CLAIMABLE — file now (3)" in scan_text(
        cli, "--lang", "en", "scan", str(HARBORLINE), "--as-of", AS_OF
    )


def test_english_is_unchanged(cli: Cli, paths: AppPaths) -> None:
    default = scan_text(cli, "scan", str(HARBORLINE), "--as-of", AS_OF)
    lines = default.splitlines()
    for line in EN_LINES:
        assert line in lines, (line, default)
    assert not re.search(r"[\u3400-\u9fff]", default)
    assert scan_text(cli, "--lang", "en", "scan", str(HARBORLINE), "--as-of", AS_OF) == default
    lang_config(paths, "en")
    zh_locale = {"LANG": "zh_CN.UTF-8"}  # the config's lang beats the locale
    assert scan_text(cli, "scan", str(HARBORLINE), "--as-of", AS_OF, env=zh_locale) == default


def test_json_is_the_same_in_both_languages(cli: Cli) -> None:
    """Machine output: keys, values and the notes' English kept whatever the language."""
    en = scan_text(cli, "scan", str(BRIGHTPEAK), "--as-of", AS_OF, "--json")
    zh = scan_text(cli, "--lang", "zh", "scan", str(BRIGHTPEAK), "--as-of", AS_OF, "--json")
    assert en == zh
    data = json.loads(zh)
    notes = [n for f in data["findings"] for n in f["notes"]]
    assert "shipment status RECEIVING: still receiving, wait until it is closed" in notes
    assert not re.search(r"[\u3400-\u9fff]", zh)


def test_no_english_left_in_the_chinese_scan(cli: Cli) -> None:
    """Every worded part of a busy scan (all four groups, leads, fee notes, the summary, the
    drafts) is Chinese; what is left in Latin letters is data: rule and report type ids,
    identifiers, currencies, Amazon's own words from the reports, paths and commands."""
    from tests.tui.test_zh_walk import english_words

    out = scan_text(
        cli, "--lang", "zh", "scan", str(BRIGHTPEAK), "--as-of", AS_OF, "--draft",
        "--draft-stranded",
    )  # fmt: skip
    data = json.loads(scan_text(cli, "scan", str(BRIGHTPEAK), "--as-of", AS_OF, "--json"))
    from_reports = [
        "Amazon's 2024 US FBA fulfilment fees (items $10 and over, non-peak; unchanged in 2025)",
        "Seller Central help G4FKT5KQWFFJ7LDN (an entry can stay Researching up to 60 days)",
        "casewriter heuristic: no Amazon page gives the basis of a customer-return or service "
        "reimbursement",
        "Large Standard", "Small standard-size", "Create removal order", "Listing removed",
        "Relist", "Closed listing", "RECEIVING", "USD", "casewriter log list --status draft",
        "sku,cost,currency",  # the header of the cost CSV
    ]  # fmt: skip
    ids = [
        *RULE_CASE_TYPES,
        *TITLES,
        *(str(v) for f in data["findings"] for v in f["ids"].values()),
    ]
    assert english_words(out, from_reports + ids) == []
    for heading in ("可索赔 — 现在提交（3 项）", "为时过早 — 请等待（4 项）",
                    "已过期 — 索赔期已结束（4 项）",
                    "待核实 — 请先核对（线索，以及没有公开索赔期的索赔）（13 项）"):  # fmt: skip
        assert heading in out.splitlines()
    assert "  合计：4 项发现，4 件，估算 84.99 USD；9 条线索待核实；各项金额分别估算" in out
    assert "    inbound-shortfall                    无估算  （1 项发现，2 件）" in out
    assert (
        "  待核实：1,338.08 USD，1 项无估算，共 13 项发现（9 条线索待核实，4 项索赔没有公开的"
        "索赔期）" in out
    )
    assert "      说明：赔偿比平均售价低 5% 以上：提出异议前请先核实亚马逊的估价方式" in out
    assert "已保存草稿：9 个；已跳过（日志中已有未结案的 Case）：0 个" in out


def test_the_draft_summary_and_its_skips_in_chinese(cli: Cli) -> None:
    """The second ``--draft`` skips each finding the log already holds, saying why in the
    language asked: open, declined (denied) or closed."""
    first = scan_text(cli, "scan", str(HARBORLINE), "--as-of", AS_OF, "--draft")
    assert "  new drafts: CW-000001, CW-000002, CW-000003" in first.splitlines()
    assert cli("log", "status", "CW-000001", "denied").code == 0
    assert cli("log", "status", "CW-000002", "closed").code == 0
    zh = scan_text(cli, "--lang", "zh", "scan", str(HARBORLINE), "--as-of", AS_OF, "--draft")
    lines = zh.splitlines()
    assert "已保存草稿：0 个；已跳过（日志中已有未结案的 Case）：3 个" in lines
    assert ("  已跳过 inbound-shortfall FBA18HLCLOSE1 X004HLA001：Case CW-000001（被拒）：被拒的"
            "请求不要重新提交；请在该 Case 中回复") in lines  # fmt: skip
    assert ("  已跳过 refund-not-returned 114-1000004-0000004 HL-CORD-04：Case CW-000002（已关闭）："
            "请重新打开该 Case，不要新开 Case") in lines  # fmt: skip
    assert "  已跳过 warehouse-lost X004HLD004 30010000000011：已有未结案的 Case CW-000003" in lines
    en = scan_text(cli, "scan", str(HARBORLINE), "--as-of", AS_OF, "--draft").splitlines()
    assert ("  skipped inbound-shortfall FBA18HLCLOSE1 X004HLA001: denied case CW-000001: do not "
            "resubmit a declined request; reply in it") in en  # fmt: skip
    assert ("  skipped refund-not-returned 114-1000004-0000004 HL-CORD-04: closed case CW-000002: "
            "reopen it instead of opening a new case") in en  # fmt: skip
    assert "  skipped warehouse-lost X004HLD004 30010000000011: open case CW-000003" in en


def _ledger(folder: Path, last_row: str) -> Path:
    folder.mkdir()
    rows = (SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv").read_text(encoding="utf-8").splitlines()
    path = folder / "ledger.tsv"
    path.write_text("\n".join(rows[:3]) + "\n" + last_row, encoding="utf-8")
    return path


def test_warnings_on_stderr_in_chinese(cli: Cli, tmp_path: Path) -> None:
    """A row skipped (text mode) and a file cut mid-row (``--json``: the JSON keeps English,
    the warning a person reads is in the language asked)."""
    bad = "\t".join(["06/01/2026", "X00ABCDEFG", "B0C7QX2M4K", "SKU-1", "Mug", "Adjustments",
                     "2008000001", "lots", "ONT8", "DEFECTIVE", "E", "US", "0", "1",
                     "2026-06-01T00:00:00-0700", ""]) + "\n"  # fmt: skip
    ledger = _ledger(tmp_path / "bad_row", bad)
    res = cli("--lang", "zh", "scan", str(ledger), "--as-of", "2026-06-30")
    assert res.code == 0
    assert f"casewriter: warning: {ledger}:4：不是金额：“lots”（已跳过此行）\n" in res.err
    cut = _ledger(tmp_path / "cut", "06/01/2026\tX00ABCDEFG\tB0C7QX2M4K\tSKU-1\tMug")
    res = cli("--lang", "zh", "scan", str(cut), "--as-of", "2026-06-30", "--json")
    assert res.code == 1
    assert (f"casewriter: warning: 仅读取了一部分：{cut}:4：文件在此行中间结束（其后没有换行）："
            "下载不完整：请重新下载该报告") in res.err  # fmt: skip
    assert json.loads(res.out)["skipped"][0]["reason"].endswith("download the report again")
    en = cli("scan", str(cut), "--as-of", "2026-06-30", "--json")
    assert f"casewriter: warning: read only in part: {cut}:4: the file ends" in en.err


def test_a_folder_with_nothing_readable_names_each_file_in_chinese(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "none"
    folder.mkdir()
    shutil.copyfile(DATA / "not_a_report.csv", folder / "not_a_report.csv")
    (folder / "notes.txt").write_text("hello\n", encoding="utf-8")
    res = cli("--lang", "zh", "scan", str(folder))
    assert res.code == 2
    assert f"casewriter: warning: 未读取：{folder / 'notes.txt'}：不是已知的卖家后台报告" in res.err


def test_scan_help_stays_english(cli: Cli) -> None:
    res = cli("--lang", "zh", "scan", "--help")
    assert res.code == 0
    assert 'rules (the "rule" of each finding):' in res.out
    assert not re.search(r"[\u3400-\u9fff]", res.out)


# the one table both UIs use


def test_every_rule_and_status_is_named_in_both_languages() -> None:
    assert set(RULE_NAMES) == set(RULE_CASE_TYPES)
    assert set(STATUS_NAMES) == {"claimable", "too-early", "expired", "to-review"}
    for table in (RULE_NAMES, STATUS_NAMES, WORDS):
        for key, (en, zh) in table.items():
            assert en and zh, key
            assert not re.search(r"[\u3400-\u9fff]", en), key
            fields = {m for m in re.findall(r"{(\w+)}", en)}
            assert {m for m in re.findall(r"{(\w+)}", zh)} <= fields | {"name"}, key


def test_the_app_uses_the_same_words() -> None:
    """No copy: the app's scan screen keys are the core table's entries."""
    from casewriter.tui import i18n
    from casewriter.tui.strings import CATALOG

    for rule, names in RULE_NAMES.items():
        assert CATALOG[f"scan.rule.{rule}"] == names
    for status, names in STATUS_NAMES.items():
        assert CATALOG[f"scan.status.{status}"] == names
    for key, word in (("scan.money", "money.line"), ("scan.money_top", "money.top"),
                      ("scan.money_none", "money.none"), ("scan.money_unknown", "money.unknown"),
                      ("scan.not_read", "not_read"), ("scan.partial", "warn.partial")):  # fmt: skip
        assert CATALOG[key] == WORDS[word]
    try:
        i18n.set_language("zh")
        assert i18n.rule_name("fee-overcharge") == "费用多收"
        assert i18n.status_name("too-early") == "为时过早"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_format_a_said_in_the_language_asked(lang: str) -> None:
    from casewriter.reports.note_words import wn

    note = wn("note.reimbursed", n=2)
    said = sw("note", lang, note=note)
    assert said == (
        "note: 2 unit(s) already reimbursed" if lang == "en" else "说明：已有 2 件获得赔偿"
    )


def test_the_error_of_a_scan_that_reads_nothing_in_chinese_by_config(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """The closing error line (and the count of files not named) in the config's language;
    ``--lang en`` and English unchanged."""
    empty, folders, many = tmp_path / "empty", tmp_path / "folders", tmp_path / "many"
    for folder in (empty, folders, many):
        folder.mkdir()
    for name in ("a", "b", "c", "d"):
        (folders / name).mkdir()
    for i in range(22):
        (many / f"n{i:02d}.csv").write_text("hello,world\n", encoding="utf-8")
    english = {
        empty: f"no Seller Central report found in {empty}: no files in it",
        folders: f"no Seller Central report found in {folders}: only folders in it (a, b, c and "
        "1 more); name a folder to read its reports",
        many: f"no Seller Central report found in {many}: 22 file(s), none readable (why: above)",
    }
    chinese = {
        empty: f"在 {empty} 中没有找到卖家后台报告：其中没有文件",
        folders: f"在 {folders} 中没有找到卖家后台报告：其中只有文件夹（a, b, c 等，另有 1 个）；"
        "要读取文件夹中的报告，请直接指定该文件夹",
        many: f"在 {many} 中没有找到卖家后台报告：共 22 个文件，均无法读取（原因见上）",
    }
    for folder, line in english.items():
        res = cli("scan", str(folder))
        assert (res.code, res.err.splitlines()[-1]) == (2, f"casewriter: error: {line}")
    assert "casewriter: warning: ... and 2 more files not read" in cli("scan", str(many)).err
    lang_config(paths, "zh")
    for folder, line in chinese.items():
        res = cli("scan", str(folder))
        assert (res.code, res.err.splitlines()[-1]) == (2, f"casewriter: error: {line}")
    assert "casewriter: warning: ……另有 2 个文件未读取" in cli("scan", str(many)).err
    res = cli("--lang", "en", "scan", str(empty))
    assert res.err.splitlines()[-1] == f"casewriter: error: {english[empty]}"
