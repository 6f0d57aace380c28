"""The scan screen and the report-reading messages left from issues 13 and 14, at 80×24 in
English and Chinese.

1. The "as of" field is read by ``casewriter scan --as-of``'s reader (``dates.read_as_of``), in
   the order of the marketplace chosen on the screen (auto: the default marketplace, as the CLI
   now does too); an ambiguous date is said back as it was read, a bad one is one line in the
   UI's language.
2. In Chinese, the rows a reader skips and the files refused (a FIFO, a folder) are said in
   Chinese on the scan screen and in the health review.
3. The screen takes the files a folder holds exactly as the CLI does (``reports.sniff.sniff_all``):
   the same reports in the same order, hidden files passed over, files that are not reports
   and folders inside it named as not read.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui.safe import Static
from casewriter.tui.services import Services
from tests.conftest import SAMPLES
from tests.tui.conftest import RunApp, calm, notifications
from tests.tui.health_data import CEDARPINE, now
from tests.tui.test_zh_walk import english_words

SMALL = (80, 24)
LEDGER_HEADER = (SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv").read_text().splitlines()[0]


async def _scan(
    pilot: Any, paths: str, as_of: str = "", market: str = "auto", lang: str = "en"
) -> Any:
    """Open the scan screen (in ``lang``), type the paths, the as-of date and the marketplace,
    press Enter; the screen when calm."""
    if lang == "zh":
        await pilot.press("f4")
        await calm(pilot)
    await pilot.press("f3")
    await calm(pilot)
    screen = pilot.app.screen
    screen.query_one("#scan-paths", Input).value = paths
    screen.query_one("#scan-as-of", Input).value = as_of
    screen.query_one("#scan-marketplace", Select).value = market
    await calm(pilot)
    screen.query_one("#scan-paths", Input).focus()
    await pilot.press("enter")
    await calm(pilot)
    return screen


def _status(screen: Any) -> list[str]:
    return str(screen.query_one("#scan-status", Static).render()).splitlines()


# -- 1. the as-of date ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("market", "typed", "day", "said"),
    [("UK", "03/04/2026", date(2026, 4, 3), "As of: 03/04/2026 read as 2026-04-03 (day first, as on Amazon.co.uk)"),
     ("auto", "03/04/2026", date(2026, 3, 4), "As of: 03/04/2026 read as 2026-03-04 (month first, as on Amazon.com)"),
     ("DE", "04.03.2026", date(2026, 3, 4), ""),
     ("JP", "2026/3/4", date(2026, 3, 4), ""),
     ("auto", "March 4, 2026", date(2026, 3, 4), ""),
     ("US", "2026-03-04", date(2026, 3, 4), "")],
)  # fmt: skip
async def test_as_of_is_read_as_the_cli_reads_it_in_the_chosen_marketplace(
    run_app: RunApp, cli: Any, market: str, typed: str, day: date, said: str
) -> None:
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(SAMPLES), typed, market)
        assert screen.result is not None and screen.result.as_of == day
        status = _status(screen)
        assert (said in status) if said else not any(" read as " in line for line in status)
    args = ["scan", str(SAMPLES), "--as-of", typed, "--json"]
    args += [] if market == "auto" else ["--marketplace", market]
    res = cli(*args)
    assert json.loads(res.out)["as_of"] == day.isoformat(), res.err


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [("en", "abc", "As of: 'abc' is not a date (try YYYY-MM-DD)"),
     ("zh", "abc", "截至日期：“abc”不是日期（请写成 YYYY-MM-DD）"),
     ("en", "3月2号", "As of: '3月2号' has no year (try YYYY-MM-DD)"),
     ("zh", "3月2号", "截至日期：“3月2号”缺少年份（请写成 YYYY-MM-DD）"),
     ("en", "2026-02-30", "As of: '2026-02-30' is not a real date"),
     ("zh", "2026-02-30", "截至日期：“2026-02-30”不是有效日期"),
     ("zh", "9999-12-31", "截至日期：9999-12-31 超出范围（可接受的日期为 1970-01-01 至 2100-12-31）")],
)  # fmt: skip
async def test_a_bad_as_of_is_one_line_in_the_ui_language(
    run_app: RunApp, lang: str, typed: str, said: str
) -> None:
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(SAMPLES), typed, lang=lang)
        assert _status(screen) == [said]
        assert screen.result is None  # nothing scanned


def test_the_cli_reads_as_of_in_the_default_marketplace_order(cli: Any, paths: AppPaths) -> None:
    """With no --marketplace, ``--as-of`` is read in the default marketplace's order, as the
    screen's "auto" reads it (and the scan falls back to that marketplace)."""
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('default_marketplace = "UK"\n', encoding="utf-8")
    res = cli("scan", str(SAMPLES), "--as-of", "03/04/2026", "--json")
    assert json.loads(res.out)["as_of"] == "2026-04-03", res.err
    bad = cli("scan", str(SAMPLES), "--as-of", "abc")
    assert bad.code == 2
    assert bad.err.strip() == "casewriter: error: --as-of: 'abc' is not a date (try YYYY-MM-DD)"


# -- 2. row problems and refusals in Chinese ------------------------------------------------


def _bad_ledger(folder: Path) -> Path:
    """A ledger whose only adjustment row has ``abc`` for its quantity."""
    header = LEDGER_HEADER.split("\t")
    row = dict.fromkeys(header, "")
    row |= {"Date": "05/01/2026", "FNSKU": "X003KQ7ZP1", "Event Type": "Adjustments",
            "Quantity": "abc", "Reason": "M", "Country": "US"}  # fmt: skip
    path = folder / "ledger.tsv"
    path.write_text(LEDGER_HEADER + "\n" + "\t".join(row[h] for h in header) + "\n")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_row_problems_and_a_fifo_are_said_in_the_ui_language(
    run_app: RunApp, tmp_path: Path, lang: str
) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    ledger = _bad_ledger(folder)
    shutil.copy(SAMPLES / "FBA_INBOUND_SHIPMENT_ITEMS.tsv", folder / "inbound.tsv")
    fifo = tmp_path / "p.tsv"
    os.mkfifo(fifo)
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, f"{folder} {fifo}", "2026-05-04", lang=lang)
        status = _status(screen)
        toasts = notifications(pilot)
    if lang == "zh":
        assert status == [
            "在 2 个报告中发现 3 项（2 项可索赔）",
            "未读取（1 个）：p.tsv",
            f"{ledger}:2：不是金额：“abc”（已跳过此行）",
        ]
        assert toasts[-1] == (
            f"未读取：{fifo}：不是普通文件（而是设备、管道或套接字），不能作为报告文件读取"
        )
        assert english_words("\n".join([*status, toasts[-1]]), [str(tmp_path), "abc"]) == []
    else:
        assert status == [
            "3 findings (2 claimable) in 2 reports",
            "Not read (1): p.tsv",
            f"{ledger}:2: not an amount: 'abc' (row skipped)",
        ]
        assert toasts[-1] == (
            f"not read: {fifo}: is not a regular file (a device, pipe or socket), not a report file"
        )


async def test_a_fifo_alone_is_one_line_in_chinese(run_app: RunApp, tmp_path: Path) -> None:
    fifo = tmp_path / "GET_LEDGER_DETAIL_VIEW_DATA.tsv"
    os.mkfifo(fifo)
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(fifo), lang="zh")
        assert _status(screen) == [
            f"{fifo}：不是普通文件（而是设备、管道或套接字），不能作为报告文件读取"
        ]


@pytest.fixture
def health_services(paths: AppPaths, settings: Settings) -> Any:
    svc = Services(paths=paths, settings=settings, clock=now)
    yield svc
    svc.close()


async def test_the_health_review_says_skipped_rows_and_refusals_in_chinese(
    health_services: Services, app_factory: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "c"
    shutil.copytree(CEDARPINE, folder)
    manage = folder / "manage_fba_inventory.txt"
    lines = manage.read_text().splitlines()
    lines[1] = lines[1].replace("\t202\t200\t2\t", "\t202\t200\tabc\t", 1)
    manage.write_text("\n".join(lines) + "\n")
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    from casewriter.tui.app import make_app

    app = make_app(health_services)
    async with app.run_test(size=SMALL) as pilot:
        await calm(pilot)
        await pilot.press("f4")
        await calm(pilot)
        await pilot.press("h")
        await calm(pilot)
        screen: Any = app.screen
        screen.query_one("#health-paths", Input).value = f"{folder} {fifo}"
        screen.query_one("#health-as-of", Input).value = "2026-11-12"
        await pilot.press("f5")
        await calm(pilot)
        await screen.action_tab("sources")
        await calm(pilot)
        text = str(screen.query_one("#health-sources", Static).render())
    lines = text.splitlines()
    refused = f"{fifo}：不是普通文件（而是设备、管道或套接字），不能作为报告文件读取"
    assert f"未读取 · - · 0 · {fifo} · {refused}" in lines
    skipped = f"{manage}:2：afn-unsellable-quantity：不是数字：“abc”（已跳过此行）"
    assert f"库存报告中跳过了 1 行：{skipped}" in lines
    assert english_words(text, [str(tmp_path), "afn-unsellable-quantity", "abc"]) == []


# -- 3. the same files as the CLI -----------------------------------------------------------


def _downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "dl"
    (folder / "older").mkdir(parents=True)
    for name in ("GET_LEDGER_DETAIL_VIEW_DATA.tsv", "GET_FBA_REIMBURSEMENTS_DATA.tsv",
                 "FBA_INBOUND_SHIPMENT_ITEMS.tsv"):  # fmt: skip
        shutil.copy(SAMPLES / name, folder / name.lower().replace("_", "-"))
    shutil.copy(SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv", folder / ".hidden.tsv")
    shutil.copy(SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv", folder / "older" / "ledger.tsv")
    (folder / "notes.csv").write_text("name,email\nx,y\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "ledger copy.txt").write_text(
        (SAMPLES / "GET_LEDGER_DETAIL_VIEW_DATA.tsv").read_text()
    )
    return folder


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_folder_gives_the_screen_the_files_the_cli_reads(
    run_app: RunApp, cli: Any, tmp_path: Path, lang: str
) -> None:
    folder = _downloads(tmp_path)
    res = cli("scan", str(folder), "--as-of", "2026-05-04", "--json")
    data = json.loads(res.out)
    cli_files = [r["path"] for r in data["reports"]]
    assert [Path(p).name for p in cli_files] == [
        "fba-inbound-shipment-items.tsv", "get-fba-reimbursements-data.tsv",
        "get-ledger-detail-view-data.tsv", "ledger copy.txt",
    ]  # fmt: skip
    skipped = [n for n in data["notes"] if n.startswith("skipped ")]
    assert skipped[:2] == [
        f"skipped {folder / 'older'}: a folder inside {folder} (name it to read its reports)",
        f"skipped {folder / 'notes.csv'}: not a known Seller Central report (header starts: "
        "name, email)",
    ]
    assert len(skipped) == 3 and skipped[2].startswith(f"skipped {folder / 'photo.jpg'}: not a ")
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(folder), "2026-05-04", lang=lang)
        assert [str(r.path) for r in screen.result.reports] == cli_files
        status = _status(screen)
        toasts = notifications(pilot)
    if lang == "zh":
        assert "未读取（3 个）：older/, notes.csv, photo.jpg" in status
        assert toasts[-1].splitlines()[0] == (
            f"未读取：{folder / 'older'}：{folder} 中的子文件夹（未读取；要读取其中的报告，请直接指定它）"
        )
    else:
        assert "Not read (3): older/, notes.csv, photo.jpg" in status
        assert toasts[-1].splitlines()[0] == (
            f"not read: {folder / 'older'}: a folder inside {folder} (name it to read its reports)"
        )


async def test_a_folder_with_nothing_readable_says_so_in_one_line(
    run_app: RunApp, cli: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "empty"
    (folder / "older").mkdir(parents=True)
    (folder / "notes.csv").write_text("name,email\nx,y\n")
    res = cli("scan", str(folder))
    assert res.code == 2
    assert res.err.splitlines() == [
        f"casewriter: warning: not read: {folder / 'notes.csv'}: not a known Seller Central "
        "report (header starts: name, email)",
        f"casewriter: warning: not read: {folder / 'older'}: a folder inside {folder} (name it "
        "to read its reports)",
        f"casewriter: error: no Seller Central report found in {folder}: 1 file(s), none "
        "readable (why: above)",
    ]
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(folder), lang="zh")
        assert _status(screen) == [
            "未找到卖家后台报告：2 个均未读取。",
            "未读取（2 个）：older/, notes.csv",
        ]
        assert screen.result is None


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", 'A quote in the paths is not closed: close it (quote a path with spaces: "my reports")'),
     ("zh", '路径中的引号没有闭合：请补上（含空格的路径请加引号："my reports"）')],
)  # fmt: skip
async def test_a_quote_left_open_is_said_in_the_ui_language(
    run_app: RunApp, lang: str, said: str
) -> None:
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, '"my reports', lang=lang)
        assert _status(screen) == [said]


async def test_the_status_line_is_said_again_after_a_language_switch(
    run_app: RunApp, tmp_path: Path
) -> None:
    folder = tmp_path / "r"
    (folder / "older").mkdir(parents=True)
    ledger = _bad_ledger(folder)
    async with run_app(size=SMALL) as pilot:
        screen = await _scan(pilot, str(folder), "03/04/2026", market="UK")
        assert _status(screen) == [
            "0 findings (0 claimable) in 1 report",
            "As of: 03/04/2026 read as 2026-04-03 (day first, as on Amazon.co.uk)",
            "Not read (1): older/",
            f"{ledger}:2: not an amount: 'abc' (row skipped)",
        ]
        await pilot.press("f4")
        await calm(pilot)
        assert _status(screen) == [
            "在 1 个报告中发现 0 项（0 项可索赔）",
            "截至日期：03/04/2026 读作 2026-04-03（按 Amazon.co.uk 的写法，日在前）",
            "未读取（1 个）：older/",
            f"{ledger}:2：不是金额：“abc”（已跳过此行）",
        ]
        screen.query_one("#scan-as-of", Input).value = "soon"
        screen.query_one("#scan-as-of", Input).focus()
        await pilot.press("enter")
        await calm(pilot)
        assert _status(screen) == ["截至日期：“soon”不是日期（请写成 YYYY-MM-DD）"]
        await pilot.press("f4")
        await calm(pilot)
        assert _status(screen) == ["As of: 'soon' is not a date (try YYYY-MM-DD)"]
