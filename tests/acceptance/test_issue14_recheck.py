"""Recheck of this afternoon's issue-14 fixes with fresh inputs (sellers and figures in
``issue14_recheck_files``): the drafted fee-dimension-weight case read line by line, ``--lang
zh`` (flag and config), settlements in both layouts, UTF-16, a download cut mid-amount, Excel
files under other names, and the Scan screen at 80×24. Passing tests are what held; each defect
is a strict xfail named R<n> (the report to the lead numbers them the same way).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from casewriter.paths import AppPaths
from tests.acceptance.issue14_files import finding as any_finding
from tests.acceptance.issue14_recheck_files import (
    flat_copy,
    jp_seller,
    uk_seller,
    us_seller,
)
from tests.acceptance.test_issue10_tui import to_language
from tests.acceptance.test_issue14_tui import _scan
from tests.tui.conftest import calm
from tests.tui.test_hostile_tui import drawn

Cli = Callable[..., Any]
DATA = Path(__file__).resolve().parent.parent / "data" / "acceptance_issue14_recheck"
O1, O2, O3 = "111-0000001-0000001", "111-0000002-0000002", "111-0000003-0000003"
#: 24.00 → $10-$50 (3.45): 0.45; 48.00 for 2 → 24.00 each: 2 x 0.45; 8.00 → below $10 (2.56):
#: 1.34. Total 0.45 + 0.90 + 1.34 = 2.69 USD for 4 units.
BANDS = [(O1, "24.00", 1, "2026-02-10", "3.90"), (O2, "48.00", 2, "2026-02-11", "3.90"),
         (O3, "8.00", 1, "2026-02-12", "3.90")]  # fmt: skip


def scan(cli: Cli, *args: str) -> dict[str, Any]:
    res = cli("scan", *args, "--json")
    assert res.code == 0, res.err
    return json.loads(res.out)  # type: ignore[no-any-return]


def finding(data: dict[str, Any], rule: str, **ids: str) -> dict[str, Any]:
    """The one finding of ``rule`` with ``ids`` (``issue14_files.finding``), typed for mypy."""
    return any_finding(data, rule, **ids)


def draft(cli: Cli, folder: Path, as_of: str) -> list[str]:
    """``scan --draft`` then ``log show`` of the one draft: the case text's lines."""
    res = cli("scan", str(folder), "--as-of", as_of, "--draft")
    assert res.code == 0 and "new drafts: CW-000001" in res.out, res.out + res.err
    shown = cli("log", "show", "CW-000001")
    assert shown.code == 0, shown.err
    body = str(shown.out).split("Hello Selling Partner Support,", 1)[1]
    assert "{{" not in body and "None" not in body and "\n\n\n" not in body
    for advice in ("you should", "we recommend", "please check your", "casewriter"):
        assert advice not in body.lower(), advice
    return body.splitlines()


def window_365(paths: AppPaths) -> None:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "fee_window_365_days.toml", paths.config_file)


# --- 1. the drafted fee-dimension-weight case ----------------------------------------------------


def test_three_2026_price_bands_in_one_draft_add_up(cli: Cli, tmp_path: Path) -> None:
    us_seller(tmp_path, BANDS)
    lines = draft(cli, tmp_path, "2026-03-20")
    assert ("  - Orders 111-0000001-0000001, 111-0000002-0000002 (charged 2026-02-10 and "
            "2026-02-11): 3 units at USD 3.90 per unit; fee for the correct tier USD 3.45; "
            "difference USD 0.45 × 3 = USD 1.35") in lines  # fmt: skip
    assert (
        "  - Order 111-0000003-0000003 (charged 2026-02-12): 1 unit at USD 3.90 per unit; "
        "fee for the correct tier USD 2.56; difference USD 1.34 × 1 = USD 1.34"
    ) in lines
    assert "- Overcharge in total: USD 2.69" in lines
    parts = [Decimal(x.rsplit("USD ", 1)[1]) for x in lines if "difference USD" in x]
    assert sum(parts) == Decimal("2.69")
    assert "- Size tier charged: Large Standard · correct tier: Small standard-size" in lines
    assert any("refund the fee difference of USD 2.69" in x for x in lines)


def test_a_weight_band_overcharge_in_the_same_tier(cli: Cli, tmp_path: Path) -> None:
    """Amazon weighed 10 oz, the seller 4 oz, both small standard. 19.99 for 2 units is 9.995 a
    unit → 2026 below $10, 4 oz: 2.49; paid 3.68: 2 x 1.19 = 2.38."""
    us_seller(tmp_path, [(O1, "19.99", 2, "2026-03-01", "3.68")], weight=("4", "oz"),
              amazon=(("10", "8", "0.5"), "0.625", "Small Standard"))  # fmt: skip
    lines = draft(cli, tmp_path, "2026-04-01")
    assert "- Fulfillment fee charged: USD 3.68 per unit · correct fee: USD 2.49" in lines
    assert "- Overcharge: USD 1.19 × 2 units = USD 2.38" in lines
    assert any("heavier shipping weight" in x for x in lines)


def test_different_fees_and_a_2026_peak_charge(cli: Cli, tmp_path: Path) -> None:
    """10-01 (non-peak, 3.90 → 0.45) and 10-20 (2026 peak, 4.40, no table): amount unknown;
    the draft prices what it can and asks for no figure."""
    us_seller(tmp_path, [(O1, "19.99", 1, "2026-10-01", "3.90"),
                         (O2, "19.99", 1, "2026-10-20", "4.40")])  # fmt: skip
    lines = draft(cli, tmp_path, "2026-11-01")
    assert (
        "  - Order 111-0000001-0000001 (charged 2026-10-01): 1 unit at USD 3.90 per unit; "
        "fee for the correct tier USD 3.45; difference USD 0.45 × 1 = USD 0.45"
    ) in lines
    assert (
        "  - Order 111-0000002-0000002 (charged 2026-10-20): 1 unit at USD 4.40 per unit" in lines
    )
    assert "- Units charged: 2" in lines
    assert not any("Overcharge in total" in x or "difference of USD" in x for x in lines)


def test_a_2026_large_bulky_unit_charged_as_extra_large(cli: Cli, tmp_path: Path) -> None:
    """30 x 20 x 10 in, 30 lb (dimensional 43.2 lb) is large bulky; no 2026 rate is held."""
    us_seller(tmp_path, [(O3, "89.00", 1, "2026-03-05", "80.00")], sides=("30", "20", "10"),
              weight=("30", "lb"), amazon=(("60", "20", "10"), "30", "Extra-large 70 to 150 lb"))  # fmt: skip
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-04-01"), "fee-overcharge", sku="MUG")
    assert (f["estimated_value"], f["details"]["your_tier"]) == (None, "Large bulky")
    lines = draft(cli, tmp_path, "2026-04-01")
    assert "- Size tier charged: Extra-large 70 to 150 lb · correct tier: Large bulky" in lines
    assert "- Fulfillment fee charged: USD 80.00 per unit" in lines


def test_a_2025_charge_below_10_dollars_is_not_priced(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    """The held 2024/2025 table is for items $10 and over: an $8.00 item of 2025 is unpriced."""
    window_365(paths)
    us_seller(tmp_path, [(O1, "8.00", 1, "2025-03-01", "3.90")])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-01-05"), "fee-overcharge", sku="MUG")
    assert f["estimated_value"] is None
    assert any("unit price (8.00) is outside the price range" in n for n in f["notes"])


def test_a_uk_draft_is_in_british_english(cli: Cli, tmp_path: Path) -> None:
    uk_seller(tmp_path)
    text = "\n".join(draft(cli, tmp_path, "2026-06-01"))
    for word in ("selling on Amazon.co.uk", "FBA fulfilment fee", "in your catalogue",
                 "- Fulfilment fee charged: GBP 2.75 per unit", "- Units charged: 3"):  # fmt: skip
        assert word in text, word
    assert "fulfillment" not in text.lower() and "catalog " not in text


def test_the_case_text_says_units_not_unit_s(cli: Cli, tmp_path: Path) -> None:
    uk_seller(tmp_path)
    text = "\n".join(draft(cli, tmp_path, "2026-06-01"))
    assert "unit(s)" not in text and "3 units of ASIN B0UKTEA001" in text


def test_a_price_taken_from_the_fee_preview_is_said(cli: Cli, tmp_path: Path) -> None:
    """No Principal row: the 2026 band (3.45, $10-$50) comes from the Fee Preview's current
    your-price (19.99), not the price paid on 2026-03-02; the finding should say so."""
    us_seller(tmp_path, [(O1, "-", 1, "2026-03-02", "3.90")])
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-04-05"), "fee-overcharge", sku="MUG")
    assert f["estimated_value"] == {"amount": "0.45", "currency": "USD"}
    assert any("Fee Preview" in n and "19.99" in n for n in f["notes"]), f["notes"]


# --- 2. Chinese ----------------------------------------------------------------------------------


def test_zh_by_flag_and_by_config_keeps_json_identical(
    cli: Cli, tmp_path: Path, paths: AppPaths
) -> None:
    uk_seller(tmp_path / "uk")
    jp_seller(tmp_path / "jp")
    args = ("scan", str(tmp_path / "uk"), str(tmp_path / "jp"), "--as-of", "2026-06-01", "--json")
    english = cli(*args).out
    assert cli("--lang", "zh", *args).out == english
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DATA / "lang_zh.toml", paths.config_file)
    assert cli(*args).out == english
    text = cli(*args[:-1]).out.splitlines()
    assert "可索赔 — 现在提交（2 项）" in text
    assert ("      说明：没有 UK 站点收费当日适用的费用表（收费日期 2026-05-06, 2026-05-09）：金额未知；"
            "此发现列出了两个尺寸分段、所收费用和件数") in text  # fmt: skip
    assert "  现在可索赔：2 项无估算" in text


@pytest.mark.parametrize("case", ["empty folder", "one unknown file", "only unreadable files"])
def test_zh_errors_of_a_scan_that_reads_nothing(cli: Cli, tmp_path: Path, case: str) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    target = folder
    if case == "one unknown file":
        target = folder / "random.csv"
        target.write_text("hello,world\n1,2\n", encoding="utf-8")
    elif case == "only unreadable files":
        (folder / "a.csv").write_text("hello,world\n1,2\n", encoding="utf-8")
        (folder / "b.xls").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    res = cli("--lang", "zh", "scan", str(target))
    assert res.code == 2
    last = res.err.strip().splitlines()[-1]
    assert last.startswith("casewriter: error: ")
    for english in ("no Seller Central report", "no files in it", "none readable",
                    "not a known Seller Central report"):  # fmt: skip
        assert english not in last, last


def test_zh_names_the_sellers_tier_in_chinese(cli: Cli, tmp_path: Path) -> None:
    """A 2026 peak charge (amount unknown): the note names both tiers."""
    us_seller(tmp_path, [(O1, "19.99", 1, "2026-10-20", "4.40")])
    out = cli("--lang", "zh", "scan", str(tmp_path), "--as-of", "2026-11-01").out
    assert "您的尺寸分段：" in out and "Small standard-size" not in out, out


# --- 3. files ------------------------------------------------------------------------------------


def test_one_settlement_in_both_layouts_counts_once_two_settlements_both(
    cli: Cli, tmp_path: Path
) -> None:
    """Settlement 7001 as V2 and as Flat File: 3 units, 1.35 USD, and a note. Settlement 7002
    (another, Flat File) adds order 3 (8.00 → 1.34): 4 units, 2.69 USD."""
    charges = BANDS[:2]
    us_seller(tmp_path, charges)
    flat_copy(tmp_path, charges)
    data = scan(cli, str(tmp_path), "--as-of", "2026-03-20")
    f = finding(data, "fee-overcharge", sku="MUG")
    assert (f["quantity"], f["estimated_value"]["amount"]) == (3, "1.35")
    assert any("settlement 7001 is also in" in n and "counted once" in n for n in data["notes"])
    flat_copy(tmp_path, BANDS[2:], sid="7002", name="settlement_next.txt")
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-03-20"), "fee-overcharge", sku="MUG")
    assert (f["quantity"], f["estimated_value"]["amount"]) == (4, "2.69")


def test_the_same_v2_file_downloaded_twice_counts_once(cli: Cli, tmp_path: Path) -> None:
    us_seller(tmp_path, BANDS)
    shutil.copyfile(tmp_path / "settlement.txt", tmp_path / "settlement (1).txt")
    f = finding(scan(cli, str(tmp_path), "--as-of", "2026-03-20"), "fee-overcharge", sku="MUG")
    assert (f["quantity"], f["estimated_value"]["amount"]) == (4, "2.69")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_a_utf16_settlement_reads_the_same(
    cli: Cli, tmp_path: Path, encoding: str, bom: bool
) -> None:
    us_seller(tmp_path, BANDS)
    path = tmp_path / "settlement.txt"
    text = path.read_bytes().decode("utf-8-sig")
    path.write_bytes(("\ufeff" if bom else "").encode(encoding) + text.encode(encoding))
    data = scan(cli, str(tmp_path), "--as-of", "2026-03-20")
    assert [(r["type"], r["rows"]) for r in data["reports"] if r["path"] == str(path)] == [
        ("settlement-v2", 7)]  # fmt: skip
    f = finding(data, "fee-overcharge", sku="MUG")
    assert (f["quantity"], f["estimated_value"]["amount"]) == (4, "2.69")


def cut_mid_amount(folder: Path) -> None:
    """The download stops inside the last fee amount ("-3.90" → "-3."): order 3 is not read."""
    us_seller(folder, BANDS)
    path = folder / "settlement.txt"
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.rfind(b"-3.90") + 3])


def test_a_download_cut_mid_amount_is_read_in_part_and_not_drafted(
    cli: Cli, tmp_path: Path
) -> None:
    cut_mid_amount(tmp_path)
    res = cli("scan", str(tmp_path), "--as-of", "2026-03-20", "--json", "--draft")
    assert res.code == 1 and "Traceback" not in res.err
    data = json.loads(res.out)
    assert [s["partial"] for s in data["skipped"]] == [True]
    f = finding(data, "fee-overcharge", sku="MUG")
    assert (f["quantity"], f["estimated_value"]["amount"]) == (3, "1.35")  # not "-3." read
    assert data["drafts"]["drafted"] == []
    assert cli("log", "list").out.strip() == "No cases."


def test_the_draft_summary_says_why_a_draft_was_held_back(cli: Cli, tmp_path: Path) -> None:
    cut_mid_amount(tmp_path)
    res = cli("scan", str(tmp_path), "--as-of", "2026-03-20", "--draft")
    assert res.code == 1
    assert "skipped (open case already in the log): 1" not in res.out, res.out


def test_excel_files_under_other_names_are_named_as_workbooks(cli: Cli, tmp_path: Path) -> None:
    book = tmp_path / "Settlement.XLSX"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    shutil.copyfile(book, tmp_path / "settlement_download.txt")
    (tmp_path / "old.xls").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    res = cli("scan", str(tmp_path))
    assert res.code == 2 and "Traceback" not in res.err
    for name, kind in (("Settlement.XLSX", "an Excel workbook (.xlsx)"),
                       ("settlement_download.txt", "an Excel workbook (.xlsx)"),
                       ("old.xls", "an Excel 97-2003 workbook (.xls)")):  # fmt: skip
        assert f"not read: {tmp_path / name}: {kind}, not a report file" in res.err, res.err


# --- 4. the Scan screen at 80×24 -----------------------------------------------------------------

LAST_ORDER = {"en": "503-8000002-0000002 2026-05-10: 1 unit(s) × 450 JPY, your tier fee unknown "
                    "(no fee table held)",
              "zh": "503-8000002-0000002 2026-05-10：1 件 × 450 JPY，您的分段 费用未知（没有相应的费用表）"}  # fmt: skip
NOTE = {"en": "Note: ", "zh": "说明："}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_details_scroll_with_d_and_p_brings_the_form_back(
    app_factory: Callable[..., Any], tmp_path: Path, lang: str
) -> None:
    """At 80×24 the English details run past the panel (the last order line is cut): ``d``
    focuses the panel and the arrow keys scroll it to its end; ``p`` goes back to the form."""
    jp_seller(tmp_path / "reports")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        screen = await _scan(pilot, app, str(tmp_path / "reports"))
        assert [(f.rule, f.quantity, f.amount) for f in screen.findings] == [
            ("fee-overcharge", 3, None)]  # fmt: skip
        details = str(screen.query_one("#scan-details", Static).render())
        lines = details.splitlines()
        assert sum(x.startswith(NOTE[lang]) for x in lines) == 2, details
        assert "434 JPY" in details and LAST_ORDER[lang] in details
        box = screen.query_one("#scan-details-box")
        if lang == "en":
            assert box.max_scroll_y > 0 and box.scroll_y == 0
            assert LAST_ORDER[lang] not in " ".join(drawn(app, "before d").split())
        await pilot.press("d")
        await calm(pilot)
        assert app.focused is box or (app.focused is not None and box in app.focused.ancestors)
        for _ in range(8):
            await pilot.press("down")
        await calm(pilot)
        assert box.scroll_y == box.max_scroll_y
        assert LAST_ORDER[lang] in " ".join(drawn(app, "after d").split())
        await pilot.press("p")
        await calm(pilot)
        assert app.focused is not None and app.focused.id == "scan-paths"


async def test_yen_are_whole_yen_everywhere(
    app_factory: Callable[..., Any], cli: Cli, tmp_path: Path
) -> None:
    jp_seller(tmp_path / "reports")
    f = finding(scan(cli, str(tmp_path / "reports"), "--as-of", "2026-06-01"), "fee-overcharge")
    assert [o["fee_per_unit"] for o in f["details"]["orders"]] == ["434", "450"]
    assert not any("434.00" in n for n in f["notes"])
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(tmp_path / "reports"))
        details = str(screen.query_one("#scan-details", Static).render())
        assert "434.00" not in details and "450.00" not in details, details


SAKURAYA = Path(__file__).resolve().parent.parent / "data" / "reports" / "sellers2" / "sakuraya"


async def test_yen_totals_on_the_zh_scan_screen_are_whole_yen(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, "zh")
        screen = await _scan(pilot, app, str(SAKURAYA))
        screen.query_one("#scan-as-of", Input).value = "2026-09-01"
        await pilot.press("f5")
        await calm(pilot)
        money = " ".join(str(screen.query_one("#scan-money", Static).render()).split())
        assert "未到索赔期 2,480 JPY" in money and "待核实 41,910 JPY" in money, money
        assert ".00 JPY" not in money


def test_zh_names_to_review_one_way(cli: Cli) -> None:
    out = cli("--lang", "zh", "scan", str(SAKURAYA), "--as-of", "2026-09-01").out
    assert "待核实 — 请先核对" in out
    assert "待核查" not in out, out


def test_one_way_of_writing_amounts_in_a_scan(cli: Cli) -> None:
    out = cli("scan", str(SAKURAYA), "--as-of", "2026-09-01").out
    assert "estimated 7080 JPY" not in out or "41,910 JPY" not in out


async def test_the_scan_screen_holds_back_a_draft_from_a_cut_download(
    app_factory: Callable[..., Any], tmp_path: Path
) -> None:
    cut_mid_amount(tmp_path / "reports")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        screen = await _scan(pilot, app, str(tmp_path / "reports"))
        screen.query_one("#scan-as-of", Input).value = "2026-03-20"
        await pilot.press("f5")
        await calm(pilot)
        assert [(f.quantity, str(f.amount)) for f in screen.findings] == [(3, "1.35")]
        await pilot.press("f6")
        await calm(pilot)
        await pilot.press("f7")
        await calm(pilot)
        flat = " ".join(drawn(app, "cut").split())
        assert "0 drafts saved, 1 skipped" in flat
        assert "a report it needs was read only in part" in flat
        assert app.services.store.count() == 0
