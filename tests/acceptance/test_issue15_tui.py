"""Issue 15 acceptance: the Health screen with Textual Pilot at 80×24 and 120×40, in English and
Chinese. Behaviour, not layout (the screen's layout is being reworked): the key shown on home and
in the palette, the screen opening on the last review run, the tabs' keys, the actions in the
review's order with ``Enter`` opening the drafted case in the wizard with its facts filled, the
seller's text shown whole, reading a new report path (remembered in the log, home's reminder
gone), an empty home, and home's due panel.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from casewriter.config import Settings
from casewriter.health import run_review
from casewriter.paths import AppPaths
from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp
from casewriter.tui.screens.health import HealthScreen
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen
from tests.acceptance.issue15_files import RIDGEWAY
from tests.acceptance.test_issue15_review import RECORDS
from tests.tui.conftest import RunApp, calm

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
LANGS = ["en", "zh"]


def now() -> datetime:
    return NOW


def record(services: Services, records: list[dict[str, str]] = RECORDS) -> None:
    for row in records:
        row = dict(row)
        mp, day = row.pop("marketplace"), date.fromisoformat(row.pop("date"))
        services.store.record_health(mp, day, row, NOW)


def review_ridgeway(services: Services, path: Path | str = RIDGEWAY) -> None:
    """What ``casewriter health RIDGEWAY --as-of 2026-12-01`` does: review, remember the run."""
    run_review(services.store, [str(path)], catalog=services.engine.catalog,
               settings=services.settings, as_of=NOW.date(), marketplace="US")  # fmt: skip


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    svc = Services(paths=paths, settings=settings, clock=now)
    yield svc
    svc.close()


@pytest.fixture
def run_app(app_factory: Callable[..., CasewriterApp]) -> RunApp:
    """``async with run_app(size=...) as pilot``: the app on ``services``, calm."""

    @asynccontextmanager
    async def run(size: tuple[int, int] = (120, 40)) -> AsyncIterator[Pilot[int]]:
        app = app_factory()
        async with app.run_test(size=size) as pilot:
            await calm(pilot)
            yield pilot

    return run


def screen_text(pilot: Pilot[Any]) -> str:
    """Everything the terminal shows now, one string (from the app's own screenshot)."""
    svg = pilot.app.export_screenshot()
    rows: dict[float, list[str]] = {}
    for m in re.finditer(r'<text[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).replace("\xa0", " ")
        rows.setdefault(float(m.group(1)), []).append(text)
    return "\n".join("".join(parts) for _, parts in sorted(rows.items()))


async def start(pilot: Pilot[Any], lang: str) -> None:
    if lang == "zh":
        await pilot.press("f4")  # the app's own language switch
        await calm(pilot)
        assert i18n.get_language() == "zh"


async def open_health(pilot: Pilot[Any]) -> HealthScreen:
    await pilot.press("h")
    await calm(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, HealthScreen)
    return screen


def field(screen: HealthScreen, hint: str) -> Input:
    """The input whose placeholder says ``hint`` (the paths: "F5"; the date: "As of"/"截至")."""
    found = [i for i in screen.query(Input) if hint in str(i.placeholder)]
    assert len(found) == 1, [str(i.placeholder) for i in screen.query(Input)]
    return found[0]


def option_texts(listed: OptionList, width: int) -> list[str]:
    """Each option as the list draws it at ``width`` columns."""
    out = []
    for i in range(listed.option_count):
        console = Console(width=width, record=True, color_system=None, file=io.StringIO())
        console.print(listed.get_option_at_index(i).prompt)
        out.append(console.export_text())
    return out


def actions_list(screen: HealthScreen) -> OptionList:
    """The list of actions (not a drop-down's own option list)."""
    found = [w for w in screen.query(OptionList) if type(w) is OptionList]
    assert len(found) == 1
    return found[0]


def squeeze(text: str) -> str:
    """The text without spaces, line breaks and the box's side lines (wrapping differs by size)."""
    return re.sub(r"[\s│▊▎]+", "", text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
async def test_the_key_opens_the_last_review_and_enter_opens_the_drafted_case(
    services: Services, run_app: RunApp, size: tuple[int, int], lang: str
) -> None:
    record(services)
    review_ridgeway(services)
    async with run_app(size=size) as pilot:
        await start(pilot, lang)
        footer = screen_text(pilot).splitlines()[-1]
        assert ("h Health" if lang == "en" else "h 健康检查") in footer  # shown on home
        screen = await open_health(pilot)
        assert screen.opened is not None
        review = screen.opened.review
        assert (review.as_of, review.marketplace) == (date(2026, 12, 1), "US")
        assert review.inventory.figure("stranded").value == 30  # type: ignore[union-attr]
        shown = screen_text(pilot)
        assert "2026-12-01" in shown and "US" in shown
        assert ("Order Defect Rate" if lang == "en" else "订单缺陷率") in shown  # account tab
        await pilot.press("2")
        await calm(pilot)
        shown = screen_text(pilot)
        assert ("Sell-through" if lang == "en" else "售出率") in shown and "0.7" in shown
        await pilot.press("3")
        await calm(pilot)
        listed = actions_list(screen)
        assert listed.has_focus
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            a.key for a in review.actions
        ]
        await pilot.press("enter")  # the first action: the late shipment rate's plan of action
        await calm(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.state.case_type == "performance-metric-poa"
        assert wizard.state.facts["metric"] == "Late Shipment Rate"
        assert wizard.state.facts["period_end"] == "2026-11-30"
        assert "4.5" in {str(v) for v in wizard.state.facts.values()}
        pilot.app.pop_screen()
        await calm(pilot)
        assert pilot.app.screen is screen
        await pilot.press("4")
        await calm(pilot)
        assert "fee_preview.txt" in squeeze(screen_text(pilot))  # the files read


@pytest.mark.parametrize(("size", "lang"), [((120, 40), "zh")], ids=["120x40-zh"])
async def test_every_drafted_case_opens_with_its_facts(
    services: Services, run_app: RunApp, size: tuple[int, int], lang: str
) -> None:
    record(services)
    review_ridgeway(services)
    async with run_app(size=size) as pilot:
        await start(pilot, lang)
        screen = await open_health(pilot)
        await pilot.press("3")
        await calm(pilot)
        listed = actions_list(screen)
        assert screen.opened is not None
        opened = set()
        actions = screen.opened.review.actions
        plain = next(i for i, a in enumerate(actions) if a.case is None)
        drafted = [i for i, a in enumerate(actions) if a.case is not None]
        for index in [plain, *drafted]:
            action = actions[index]
            listed.highlighted = index
            await calm(pilot)
            await pilot.press("enter")
            await calm(pilot)
            if action.case is None:  # done in Seller Central: said, the screen stays
                assert pilot.app.screen is screen, action.key
                continue
            wizard = pilot.app.screen
            assert isinstance(wizard, WizardScreen), action.key
            assert wizard.state.case_type == action.case.case_type
            for key, value in action.case.draft.get("facts", {}).items():
                assert str(wizard.state.facts.get(key)) == str(value), (action.key, key)
            opened.add(action.case.case_type)
            pilot.app.pop_screen()
            await calm(pilot)
        assert opened == {"performance-metric-poa", "capacity-limit-exception",
                          "stranded-inventory", "fee-dimension-weight"}  # fmt: skip


@pytest.mark.parametrize(
    ("size", "lang"),
    [pytest.param((80, 24), "en", id="80x24-en"),
     pytest.param((80, 24), "zh", id="80x24-zh"),
     pytest.param((120, 40), "zh", id="120x40-zh")],
)  # fmt: skip
async def test_the_actions_are_shown_whole(
    services: Services, run_app: RunApp, size: tuple[int, int], lang: str
) -> None:
    record(services)
    review_ridgeway(services)
    async with run_app(size=size) as pilot:
        await start(pilot, lang)
        screen = await open_health(pilot)
        await pilot.press("3")
        await calm(pilot)
        listed = actions_list(screen)
        width = listed.scrollable_content_region.width
        drawn = option_texts(listed, width)
        assert screen.opened is not None
        for text, action in zip(drawn, screen.opened.review.actions, strict=True):
            assert squeeze(action.steps.get(lang)) in squeeze(text), (action.key, text)
            assert "…" not in text, (action.key, text)


@pytest.mark.parametrize("lang", ["zh"])
async def test_reading_a_new_path_is_remembered_and_home_stops_reminding(
    services: Services, run_app: RunApp, lang: str
) -> None:
    record(services)
    async with run_app(size=(120, 40)) as pilot:
        await start(pilot, lang)
        home_text = screen_text(pilot)
        assert ("Monthly inventory health due" if lang == "en" else "每月库存") in home_text
        screen = await open_health(pilot)
        assert screen.opened is not None and screen.opened.review.inventory.read is False
        field(screen, "F5").value = str(RIDGEWAY)
        field(screen, "As of" if lang == "en" else "截至").value = "2026-12-01"
        await pilot.press("f5")
        await calm(pilot)
        assert screen.opened is not None and screen.opened.review.inventory.read
        stranded = screen.opened.review.inventory.figure("stranded")
        assert stranded is not None and stranded.value == 30
        runs = services.store.review_runs()
        assert len(runs) == 1 and runs[0].inventory and runs[0].marketplace == "US"
        await pilot.press("escape")
        await calm(pilot)
        after = screen_text(pilot)
        assert "Monthly inventory health" not in after and "每月库存" not in after


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SIZES)
async def test_an_empty_home_says_how_to_start(
    services: Services, run_app: RunApp, size: tuple[int, int], lang: str
) -> None:
    async with run_app(size=size) as pilot:
        await start(pilot, lang)
        screen = await open_health(pilot)
        assert screen.opened is None
        assert squeeze("casewriter health record --marketplace US") in squeeze(screen_text(pilot))
        paths = field(screen, "F5")
        assert paths.has_focus  # typing a folder is the next thing to do
        await pilot.press("3")  # no review: no tab to show, nothing breaks
        await calm(pilot)
        assert pilot.app.screen is screen and screen.opened is None


@pytest.mark.parametrize("reviewed", [False, True], ids=["empty", "with-review"])
async def test_a_bad_path_is_said_on_screen(
    services: Services, run_app: RunApp, tmp_path: Path, reviewed: bool
) -> None:
    if reviewed:
        record(services)
        review_ridgeway(services)
    async with run_app(size=(80, 24)) as pilot:
        screen = await open_health(pilot)
        field(screen, "F5").value = str(tmp_path / "nowhere")
        await pilot.press("f5")
        await calm(pilot)
        assert "No such file" in screen_text(pilot)
        assert services.store.review_runs() == (
            [] if not reviewed else services.store.review_runs()
        )


@pytest.mark.parametrize("lang", LANGS)
async def test_home_due_panel_names_the_reviews_due(
    services: Services, run_app: RunApp, lang: str
) -> None:
    services.store.record_health("US", date(2026, 11, 20), {"odr": "0.3"}, NOW)
    async with run_app(size=(80, 24)) as pilot:
        await start(pilot, lang)
        shown = squeeze(screen_text(pilot))
        if lang == "en":
            assert squeeze("Weekly account review due (US)") in shown
            assert "2026-11-20" in shown
        else:
            assert "每周账户检查" in shown and "2026-11-20" in shown


async def test_the_last_run_opens_from_another_folder(
    services: Services, run_app: RunApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    work = tmp_path / "work"
    shutil.copytree(RIDGEWAY, work / "reports")
    monkeypatch.chdir(work)
    record(services)
    review_ridgeway(services, "reports")  # as `casewriter health reports` typed in work/
    monkeypatch.chdir(tmp_path)  # the app started later from elsewhere
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        assert screen.opened is not None
        bad = [s.path for s in screen.opened.review.sources if s.status == "unreadable"]
        assert bad == []
        assert screen.opened.review.inventory.read


async def test_switching_language_relabels_every_field(services: Services, run_app: RunApp) -> None:
    record(services)
    async with run_app(size=(120, 40)) as pilot:
        await open_health(pilot)
        await pilot.press("f4")
        await calm(pilot)
        assert "Marketplace" not in screen_text(pilot)


async def test_palette_opens_health(services: Services, run_app: RunApp) -> None:
    record(services)
    async with run_app(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await calm(pilot)
        for ch in "Health":
            await pilot.press(ch)
        await calm(pilot)
        await pilot.press("enter")
        await calm(pilot)
        assert isinstance(pilot.app.screen, HealthScreen)


async def test_the_as_of_date_in_the_marketplace_form(services: Services, run_app: RunApp) -> None:
    record(services)
    async with run_app(size=(120, 40)) as pilot:
        screen = await open_health(pilot)
        field(screen, "F5").value = str(RIDGEWAY)
        field(screen, "As of").value = "12/01/2026"
        await pilot.press("f5")
        await calm(pilot)
        assert screen.opened is not None and screen.opened.origin == "read"
        assert screen.opened.review.as_of == date(2026, 12, 1)
