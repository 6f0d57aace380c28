"""``casewriter health`` as a user runs it: ``health record`` (optional metrics, replacing a day
after saying so, one-line errors naming the option, nothing written on error), ``history``,
``delete`` and ``export``; the review in both languages; ``--out review.md`` and
``--out review.html`` (one self-contained page: no script, no external link, source or font,
one inline SVG per chart, every figure present, hostile text escaped); targets overridden in
config.toml; the commands run without Textual."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.test_core_without_textual import imported_by

DATA = REPO / "tests" / "data" / "health"
US = DATA / "cedarpine"


def test_record_replace_history_delete_export(cli: Any) -> None:
    got = cli("health", "record", "--marketplace", "us", "--odr", "0.42", "--lsr-10", "1.2",
              "--date", "2026-11-09")  # fmt: skip
    assert got.code == 0, got.err
    assert got.out == "recorded US 2026-11-09: odr=0.42, lsr_10=1.2\n"
    got = cli("health", "record", "--marketplace", "US", "--ahr", "230", "--date", "2026-11-09")
    assert got.code == 0
    assert "replaced the US record of 2026-11-09 (was: odr=0.42, lsr_10=1.2)" in got.err
    assert cli("health", "record", "--marketplace", "US", "--odr", "0.5", "--violations", "1",
               "--date", "2026-11-16").code == 0  # fmt: skip
    rows = json.loads(cli("health", "history", "--json").out)
    assert [(r["date"], r["odr"], r["ahr"], r["violations"]) for r in rows] == [
        ("2026-11-09", None, "230", None),
        ("2026-11-16", "0.5", None, "1"),
    ]
    text = cli("health", "history").out
    assert "2026-11-16" in text and "LSR-10" in text
    data = cli("health", "export", "--format", "csv").out
    table = list(csv.reader(io.StringIO(data.lstrip("\ufeff"))))
    assert table[0][:4] == ["marketplace", "date", "odr", "lsr_10"]
    assert table[2][:3] == ["US", "2026-11-16", "0.5"]
    assert json.loads(cli("health", "export", "--format", "json").out)["health_records"][0][
        "ahr"] == "230"  # fmt: skip
    assert cli("health", "delete", "--marketplace", "US", "--date", "2026-11-09").code == 0
    got = cli("health", "delete", "--marketplace", "US", "--date", "2026-11-09")
    assert got.code == 2 and got.err == (
        "casewriter: error: no account record for US on 2026-11-09 in the log\n"
    )
    assert len(json.loads(cli("health", "history", "--json").out)) == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--odr", "1.5x"), "--odr: not a number: '1.5x'"),
        (("--lsr-10", "120"), "--lsr-10: must be between 0 and 100"),
        (("--ahr", "-3"), "--ahr: must be between 0 and 1000"),
        (("--violations", "0.5"), "--violations: must be a whole number"),
        ((), "give at least one metric: --odr"),
        (("--odr", "1", "--date", "tomorrow-ish"), "--date"),
        (("--odr", "1", "--date", "2099-01-01"), "--date: 2099-01-01 is in the future"),
        (("--odr", "0,42", "--marketplace", "US"), "--odr: not a number: '0,42'"),
        (("--odr", "1", "--marketplace", "ZZ"), "ZZ"),
    ],
)
def test_record_errors_are_one_line_and_write_nothing(
    cli: Any, args: tuple[str, ...], says: str
) -> None:
    got = cli("health", "record", *args)
    assert got.code == 2, got
    assert got.err.startswith("casewriter: error: ") and got.err.count("\n") == 1
    assert says in got.err and "Traceback" not in got.err
    assert json.loads(cli("health", "history", "--json").out) == []


def test_a_future_record_is_refused_by_log_import_too(cli: Any, tmp_path: Path) -> None:
    doc = {"format": "casewriter-log", "version": 1, "cases": [], "health_records": [
        {"marketplace": "US", "date": "2026-11-09", "odr": "0.3"},
        {"marketplace": "US", "date": "2099-01-01", "odr": "0.3"}]}  # fmt: skip
    path = tmp_path / "records.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    got = cli("log", "import", str(path))
    assert got.code == 2 and got.err.count("\n") == 1
    assert "health record #2 (US 2099-01-01): date: 2099-01-01 is in the future" in got.err
    assert json.loads(cli("health", "history", "--json").out) == []  # the import wrote nothing


def test_review_errors(cli: Any, tmp_path: Path) -> None:
    got = cli("health", str(tmp_path / "missing"))
    assert got.code == 2 and "no such file or folder" in got.err
    got = cli("health", str(US), "--out", str(tmp_path / "review.pdf"))
    assert got.code == 2 and "name a .md (Markdown) or .html file" in got.err
    got = cli("health", str(US), "--as-of", "someday")
    assert got.code == 2 and got.err.count("\n") == 1
    assert not (tmp_path / "review.pdf").exists()


def test_review_in_chinese_and_english(cli: Any) -> None:
    assert cli("log", "import", str(US / "account.json")).code == 0
    en = cli("health", str(US), "--as-of", "2026-11-12", "--marketplace", "US", "--no-record")
    zh = cli("health", str(US), "--as-of", "2026-11-12", "--marketplace", "US", "--no-record",
             "--lang", "zh")  # fmt: skip
    assert en.code == zh.code == 0
    assert "ACCOUNT (weekly)" in en.out and "Late Shipment Rate (10 days)" in en.out
    assert "账户（每周）" in zh.out and "迟发率（10天）" in zh.out and "待办事项" in zh.out
    assert "未达标" in zh.out and "经验值" in zh.out
    assert "1. Late Shipment Rate (10 days) 4.2%: off target" in en.out


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.svg_in_figure = 0
        self._figure = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
        if tag == "figure":
            self._figure += 1
        if tag == "svg" and self._figure:
            self.svg_in_figure += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._figure -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_page_is_self_contained_and_complete(cli: Any, tmp_path: Path) -> None:
    assert cli("log", "import", str(US / "account.json")).code == 0
    out = tmp_path / "review.html"
    got = cli("health", str(US), "--as-of", "2026-11-12", "--marketplace", "US", "--out", str(out))
    assert got.code == 0 and got.out == f"wrote the review to {out}\n"
    page = _Page()
    html = out.read_text(encoding="utf-8")
    page.feed(html)
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html.lower()
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), (tag, name)  # no event handlers
        if name in ("href", "src", "xlink:href"):
            raise AssertionError(f"external reference {tag} {name}={value}")
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    assert "@media print" in html
    # one chart per account metric recorded (7; LSR 30 days never recorded) + 2 inventory
    assert page.tags.count("svg") == page.svg_in_figure == 9
    keys = {v for t, k, v in page.attrs if k == "data-key"}
    assert {"sell_through", "excess_share", "aged_units", "aged_surcharge_next",
            "storage_next_month", "stranded", "unsellable", "researching", "restock",
            "fee_tier", "odr", "ahr", "metric-miss:lsr_10", "stranded:CP-CLOCK-06"} <= keys  # fmt: skip
    text = " ".join(page.text)
    assert "69.75 USD" in text and "0.62" in text and "CP-CLOCK-06" in text


def test_hostile_text_is_escaped_in_html_and_markdown(cli: Any, tmp_path: Path) -> None:
    from tests.report_headers import STRANDED

    evil = "<script>alert(1)</script> [x](http://evil.example) | *bold* &amp;"
    row = dict.fromkeys(STRANDED, "")
    row.update({"primary-action": evil, "date-stranded": "2026-10-20", "stranded-reason": evil,
                "sku": "EVIL-<b>-01", "fnsku": "X00EVIL001", "asin": "B0EVIL0001",
                "fulfilled-by": "Amazon", "fulfillable-qty": "3", "your-price": "10.00"})  # fmt: skip
    report = tmp_path / "stranded.txt"
    report.write_text("\t".join(STRANDED) + "\n" + "\t".join(row[h] for h in STRANDED) + "\n",
                      encoding="utf-8")  # fmt: skip
    html_out, md_out = tmp_path / "r.html", tmp_path / "r.md"
    for out in (html_out, md_out):
        got = cli("health", str(report), "--as-of", "2026-11-01", "--marketplace", "US",
                  "--out", str(out), "--no-record")  # fmt: skip
        assert got.code == 0, got.err
    html = html_out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "EVIL-&lt;b&gt;-01" in html and 'href="http' not in html
    md = md_out.read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    assert not re.search(r"(?<!\\)\]\(", md) and "\\[x\\](http://evil.example)" in md
    assert "\\| \\*bold\\* \\&amp;" in md and "EVIL-\\<b\\>-01" in md


def test_markdown_review_has_every_section(cli: Any, tmp_path: Path) -> None:
    assert cli("log", "import", str(US / "account.json")).code == 0
    out = tmp_path / "review.md"
    assert cli("health", str(US), "--as-of", "2026-11-12", "--marketplace", "US", "--out",
               str(out), "--lang", "zh").code == 0  # fmt: skip
    md = out.read_text(encoding="utf-8")
    for heading in ("# 账户与库存健康检查 · US · 2026-11-12", "## 账户（每周）", "## 库存（每月） · 2026-11-09",
                    "## 待办事项", "## 数据来源"):  # fmt: skip
        assert heading in md
    assert "| 售出率 | 0.62 | \\> 0.6 · 经验值 | 达标 inventory-planning, 2026-11-09 |" in md


def test_targets_from_config_override_the_builtin_ones(cli: Any, home: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        '[[health_targets]]\nkey = "sell_through"\nvalue = 0.5\nsource = "our own goal"\n'
        "as_of = 2026-10-01\n",
        encoding="utf-8",
    )
    data = json.loads(cli("health", str(DATA / "hanamori"), "--marketplace", "JP", "--as-of",
                          "2026-11-05", "--json").out)  # fmt: skip
    sell = next(f for f in data["inventory"]["figures"] if f["key"] == "sell_through")
    assert sell["status"] == "ok" and sell["target"]["value"] == "0.5"
    assert sell["target"]["overridden"] is True and sell["target"]["source"] == "our own goal"
    assert sell["target"]["rule_of_thumb"] is False
    (home / "config.toml").write_text('[[health_targets]]\nkey = "speed"\nvalue = 1\n'
                                      'source = "x"\nas_of = 2026-10-01\n', encoding="utf-8")  # fmt: skip
    got = cli("health", str(DATA / "hanamori"))
    assert got.code == 2 and "health_targets[0].key: unknown target 'speed'" in got.err


@pytest.mark.parametrize(
    "args",
    [
        ["health", str(US), "--as-of", "2026-11-12", "--no-record"],
        ["health", str(US), "--as-of", "2026-11-12", "--json"],
        ["health", "record", "--odr", "0.3"],
        ["health", "history"],
    ],
    ids=["review", "review-json", "record", "history"],
)
def test_health_commands_do_not_import_textual(args: list[str], home: Path) -> None:
    code, modules = imported_by(args, home)
    assert code == 0
    assert "textual" not in modules


def test_a_file_named_twice_or_a_copy_of_it_is_read_once(cli: Any, tmp_path: Path) -> None:
    import shutil

    def review(*paths: Path) -> dict[str, Any]:
        got = cli("health", *map(str, paths), "--as-of", "2026-11-10", "--json", "--no-record")
        assert got.code == 0, got.err
        data: dict[str, Any] = json.loads(got.out)
        return data

    week = US / "FBA_Inventory_2026-11-09.txt"
    once = review(week)["inventory"]["figures"]
    copy = tmp_path / "downloads" / "FBA_Inventory_2026-11-09 (1).txt"
    copy.parent.mkdir()
    shutil.copy(week, copy)
    twice = review(week, copy, US / "FBA_Inventory_2026-11-09.txt")
    assert twice["inventory"]["figures"] == once
    notes = [n["en"] for n in twice["notes"]]
    assert f"{copy}: the same content as {week}: read once" in notes
    assert f"{week}: named twice: read once" in notes
    assert [s["path"] for s in twice["sources"]] == [str(week)]


def test_storage_findings_of_another_marketplace_are_left_out_and_said(
    cli: Any, tmp_path: Path
) -> None:
    """A US and a GB row of one storage-fee report, each charged more than its rate gives:
    the US review keeps the US finding (6.90 charged, 20 × 0.25 ft³ × 0.78 = 3.90 due) and
    says the GB one was left out, never relabelling it as US."""
    from tests.report_headers import STORAGE_FEES

    def row(fc: str, country: str, cur: str, fee: str) -> dict[str, str]:
        return {"asin": "B0RWTOW002", "fnsku": "X00RWTOW02", "fulfillment_center": fc,
                "country_code": country, "item_volume": "0.25", "volume_units": "cubic feet",
                "average_quantity_on_hand": "20", "estimated_total_item_volume": "5.0000",
                "month_of_charge": "2026-10", "storage_rate": "0.7800", "currency": cur,
                "estimated_monthly_storage_fee": fee, "total_incentive_fee_amount": "0"}  # fmt: skip

    rows = [row("LGB8", "US", "USD", "6.90"), row("LTN4", "GB", "GBP", "9.90")]
    lines = ["\t".join(STORAGE_FEES)] + [
        "\t".join(r.get(h, "") for h in STORAGE_FEES) for r in rows
    ]
    path = tmp_path / "storage.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = cli("health", str(path), "--as-of", "2026-12-01", "--marketplace", "US", "--json",
              "--no-record")  # fmt: skip
    assert got.code == 0, got.err
    review = json.loads(got.out)
    fees = [(a["amount"], a["currency"]) for a in review["actions"] if a["kind"] == "storage-fee"]
    assert fees == [("3.00", "USD")]
    notes = [n["en"] for n in review["notes"]]
    assert "findings of another marketplace (UK) left out (this review is for US)" in notes
