"""Issue 15 acceptance: the review's outputs. ``--json`` keeps the README's contract (``as_of``,
``account``, ``inventory``, ``actions``, ``sources``; decimals as strings, the seller's text in
both languages); ``--out review.html`` is one self-contained page (no script, no network, no
external font or style, charts as inline SVG, a print style) and ``--out review.md`` a Markdown
review, both in either language; text from report cells is data in every output (markup
escaped, terminal controls never written raw); a failed ``--out`` writes nothing, not even the
remembered run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance.issue15_files import RIDGEWAY, STRANDED, write_report
from tests.acceptance.test_issue15_review import AS_OF, import_records
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


class Page(HTMLParser):
    """Every tag and attribute of a page, the ids of its SVGs and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.svg_ids: list[str] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag == "svg":
            self.svg_ids.append(dict(attrs).get("id") or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.style if self._in_style else self.text).append(data)


def page(path: Path) -> Page:
    parsed = Page()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


@pytest.fixture
def seller(cli: Cli, tmp_path: Path) -> Cli:
    import_records(cli, tmp_path)
    return cli


def test_json_keeps_the_readme_contract(seller: Cli) -> None:
    got = seller("health", str(RIDGEWAY), "--as-of", AS_OF, "--json", "--no-record")
    assert got.code == 0, got.err
    data = json.loads(got.out)
    assert {"as_of", "account", "inventory", "actions", "sources"} <= set(data)
    metric = data["account"]["metrics"][0]
    assert {"value", "target", "status", "trend", "alerts", "absent"} <= set(metric)
    assert {"comparison", "value", "window", "source", "as_of", "belief", "rule_of_thumb",
            "advisory"} <= set(metric["target"])  # fmt: skip
    assert isinstance(metric["value"], str) and isinstance(metric["target"]["value"], str)
    figure = data["inventory"]["figures"][0]
    assert {"value", "absent", "source", "parts", "items"} <= set(figure)
    assert {"report", "path", "date"} <= set(figure["source"])
    assert isinstance(figure["value"], str)
    assert {"trend"} <= set(data["inventory"])
    action = next(a for a in data["actions"] if a["case"])
    assert {"key", "kind", "title", "steps", "where", "amount", "currency", "deadline",
            "case"} <= set(action)  # fmt: skip
    assert {"case_type", "draft", "ready", "missing"} <= set(action["case"])
    assert set(action["title"]) == {"en", "zh"} and action["title"]["zh"]
    source = data["sources"][0]
    assert {"status", "rows", "dates", "reason"} <= set(source)
    assert all(s["status"] in ("read", "partial", "unreadable", "unused") for s in data["sources"])


def test_html_page_is_self_contained_and_complete(seller: Cli, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    got = seller("health", str(RIDGEWAY), "--as-of", AS_OF, "--out", str(out), "--no-record")
    assert got.code == 0 and got.out == f"wrote the review to {out}\n", got.err
    html = out.read_text(encoding="utf-8")
    doc = page(out)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert not {"script", "link", "iframe", "img", "object", "embed", "base"} & set(doc.tags)
    style = " ".join(doc.style)
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    assert "@media print" in style
    for tag, name, value in doc.attrs:
        assert not name.startswith("on"), (tag, name)  # no event handler
        if name in ("href", "src", "xlink:href", "action"):
            raise AssertionError(f"{tag} {name}={value}: a page must not load or link anything")
    # one inline chart per recorded metric (never-recorded ones have none), plus inventory
    charts = [i for i in doc.svg_ids if i]
    recorded = ("odr", "lsr_10", "cancel", "vtr", "ahr", "violations")
    for key in recorded:
        assert any(i.endswith(f"-{key}") for i in charts), key
    assert not any(i.endswith(("-lsr_30", "-otdr")) for i in charts)
    assert len(doc.svg_ids) > len(recorded)  # the sell-through / excess trend too
    text = " ".join(doc.text)
    for words in ("Sell-through", "Excess inventory share", "Units older than 180 days",
                  "Next aged-inventory surcharge", "Storage cost next month", "Stranded units",
                  "Unsellable units to remove", "Units Amazon is researching",
                  "SKUs below their days of supply", "Fee-tier mismatches",
                  "Late Shipment Rate (10 days)", "RW-CLOCK", "200.00 USD", "2026-12-10",
                  "FBA_Inventory_2026-11-30.txt"):  # fmt: skip
        assert words in text, words


def test_html_and_markdown_in_chinese(seller: Cli, tmp_path: Path) -> None:
    html, md = tmp_path / "review.html", tmp_path / "review.md"
    for out in (html, md):
        got = seller("health", str(RIDGEWAY), "--as-of", AS_OF, "--out", str(out), "--lang",
                     "zh", "--no-record")  # fmt: skip
        assert got.code == 0, got.err
    text = " ".join(page(html).text)
    markdown = md.read_text(encoding="utf-8")
    for words in ("售出率", "冗余库存占比", "订单缺陷率", "未达标", "待办事项"):
        assert words in text and words in markdown, words
    assert "Sell-through" not in text and "Sell-through" not in markdown


def test_markdown_review_has_every_section_and_figure(seller: Cli, tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    assert seller("health", str(RIDGEWAY), "--as-of", AS_OF, "--out", str(out),
                  "--no-record").code == 0  # fmt: skip
    md = out.read_text(encoding="utf-8")
    headings = [line for line in md.splitlines() if line.startswith("#")]
    assert headings[0] == "# Health review · US · 2026-12-01"
    assert {"## ACCOUNT (weekly)", "## ACTIONS", "## SOURCES"} <= set(headings)
    assert any(h.startswith("## INVENTORY (monthly)") and "2026-11-30" in h for h in headings)
    row = next(line for line in md.splitlines() if line.startswith("| Sell-through |"))
    assert "0.7" in row and "0.6" in row and "inventory-planning, 2026-11-30" in row
    assert re.search(r"^\d+\. \*\*Late Shipment Rate \(10 days\) 4\.5%: off target\*\*", md, re.M)


def _hostile_stranded(folder: Path, sku: str, reason: str, fix: str) -> Path:
    return write_report(folder / "stranded.csv", STRANDED, [{
        "primary-action": fix, "date-stranded": "2026-11-20T08:00:00+00:00",
        "Date-to-take-auto-removal": "2026-12-20T08:00:00+00:00", "status-primary": "Stranded",
        "stranded-reason": reason, "asin": "B0HOSTILE1", "sku": sku, "fnsku": "X00HOSTIL1",
        "fulfilled-by": "Amazon", "fulfillable-qty": 5, "your-price": "10.00",
        "unfulfillable-qty": 1}], sep=",")  # fmt: skip


def test_markup_in_report_cells_is_escaped_in_html_and_markdown(cli: Cli, tmp_path: Path) -> None:
    sku = "SKU|<img src=x onerror=alert(1)>"
    reason = "reason | <b>bold</b> *x* &amp;"
    fix = "<script>alert(1)</script> [click](javascript:alert(1))"
    folder = _hostile_stranded(tmp_path / "r", sku, reason, fix).parent
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    for out in (html, md):
        got = cli("health", str(folder), "--as-of", AS_OF, "--out", str(out), "--no-record")
        assert got.code == 0, got.err
    doc = page(html)
    assert not {"script", "img", "b"} & set(doc.tags)
    assert "onerror" not in {name for _, name, _ in doc.attrs}
    text = "".join(doc.text)
    assert sku in text and fix in text and reason in text  # shown as the text it is
    markdown = md.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<(script|img|b)\b", markdown)  # no live HTML tag
    assert not re.search(r"(?<!\\)\]\(javascript", markdown)  # no live link
    table_rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert all(line.count("|") - line.count("\\|") == table_rows[0].count("|") -
               table_rows[0].count("\\|") for line in table_rows)  # fmt: skip  # no cell split


def test_terminal_output_shows_controls_as_escapes(cli: Cli, tmp_path: Path) -> None:
    folder = _hostile_stranded(tmp_path / "r", "SKU-\x1b]52;c;ZXZpbA==\x07-1",
                               "reason \u202eevil", "Relist \x1b[2J").parent  # fmt: skip
    got = cli("health", str(folder), "--as-of", AS_OF, "--no-record")
    assert got.code == 0, got.err
    assert "\x1b" not in got.out and "\u202e" not in got.out and "\x07" not in got.out
    assert "SKU-\\x1b]52;c;ZXZpbA==\\x07-1" in got.out and "\\u202eevil" in got.out


@pytest.mark.parametrize("name", ["review.md", "review.html"])
def test_files_never_hold_raw_terminal_controls(cli: Cli, tmp_path: Path, name: str) -> None:
    folder = _hostile_stranded(tmp_path / "r", "SKU-\x1b]52;c;ZXZpbA==\x07-1",
                               "reason \u202eevil", "Relist \x1b[2J").parent  # fmt: skip
    out = tmp_path / name
    assert cli("health", str(folder), "--as-of", AS_OF, "--out", str(out), "--no-record").code == 0
    written = out.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written and "\u202e" not in written


def test_a_failed_out_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "review.html"
    got = cli("health", str(RIDGEWAY), "--as-of", AS_OF, "--out", str(target))
    assert got.code == 2 and got.err.count("\n") == 1 and "does not exist" in got.err
    assert not target.parent.exists()
    exported = json.loads(cli("log", "export").out)
    assert exported.get("review_runs", []) == []  # the run is not remembered either
    got = cli("health", str(RIDGEWAY), "--out", str(tmp_path / "review.pdf"))
    assert got.code == 2 and "name a .md (Markdown) or .html file" in got.err


def test_json_with_out_writes_the_page_and_prints_the_json(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "review.md"
    got = cli("health", str(RIDGEWAY), "--as-of", AS_OF, "--out", str(out), "--json",
              "--no-record")  # fmt: skip
    assert got.code == 0, got.err
    assert json.loads(got.out)["as_of"] == AS_OF and out.read_text(encoding="utf-8").startswith("#")


def test_an_unreadable_file_named_is_exit_1_and_the_rest_is_reviewed(
    cli: Cli, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("not a report\n", encoding="utf-8")
    got = cli("health", str(RIDGEWAY), str(bad), "--as-of", AS_OF, "--json", "--no-record")
    assert got.code == 1
    assert got.err.startswith("casewriter: warning: not read: ") and str(bad) in got.err
    data: dict[str, Any] = json.loads(got.out)
    assert next(f for f in data["inventory"]["figures"] if f["key"] == "stranded")["value"] == "30"
    assert [s["status"] for s in data["sources"] if s["path"] == str(bad)] == ["unreadable"]
