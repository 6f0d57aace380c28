"""Issue 13 §4, the last English in Chinese mode: what the app says about bad input, pasted
messages, scan findings and the health review, at 80×24 and 120×40.

A seller in Chinese mode types a bad value into each kind of field (an FNSKU one character
short, ``abc`` in a quantity, an attachment that does not exist, a date that is no date, a date
without a year), pastes a Chinese message, reviews the case, files it with a case ID that is
too short, adds a profile with a bad id in Settings, scans the sample reports with a too-early
finding highlighted and opens the health screen. Every screen (each scrolled page of it), every
message under a field, every dialog's error and every toast is checked for English words outside
the whitelist of ``test_zh_walk`` (identifiers, Amazon's and carriers' names, keys, file types)
and the data the seller or the reports brought (typed values, paths, report values, sources'
names, the case text, which stays in the case's language). The same walk in English finds no
Chinese outside that data. Each message is also asserted to be there, in the right language.
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from casewriter.config import Settings
from casewriter.paths import AppPaths
from casewriter.tui import i18n
from casewriter.tui.app import CasewriterApp
from casewriter.tui.safe import Static
from casewriter.tui.services import Services
from casewriter.tui.widgets.health_tabs import TabStrip
from tests.tui.conftest import RunApp, calm, fill, next_step, notifications, set_field
from tests.tui.health_data import now, record_account, run_cli_review
from tests.tui.test_hostile_tui import drawn
from tests.tui.test_zh_walk import SAMPLES, SAMPLES_README, cjk_chars, english_words

PASTED = "亲，货件ＦＢＡ17XKQ9M2Z少了12件，FNSKU X003KQ7ZP1，UPS单号1Z8F47W20364182601，3月2号签收"
BAD = {
    "slot-fnsku": "X003KQ7ZP",  # one character short
    "fact-units_shipped": "abc",
    "fact-closed_date": "2026-13-45",
    "fact-delivered_date": "3月2号",  # no year: read from the as-of date, said back
}
#: Values the seller's own reports hold, shown as Amazon wrote them (a shipment status, the
#: stranded report's fix and reason, Amazon's size tier names from the Fee Preview) and the
#: names of the sources the catalog cites.
REPORT_DATA = ["RECEIVING", "Closed listing", "Relist", "Large Standard", "Small standard-size"]
REPORT_DATA += ["Closed"]  # "Closed listing" wrapped at the pane's edge
SOURCES = [
    "Seller Central help GEYPWTSQRTXXXMVB",
    "Central help",
    "GEYPWTSQRTXXXMVB",
    "superfuel.io",
    "CW-TUMBLER-",
    "CW-",
]


@pytest.fixture
def services(paths: AppPaths, settings: Settings) -> Iterator[Services]:
    """Services whose "today" is the sample seller's health review date (2026-11-12), with its
    account records and last review in the log."""
    svc = Services(paths=paths, settings=settings, clock=now)
    record_account(svc)
    run_cli_review(svc)
    yield svc
    svc.close()


def _shown(widget: Static) -> bool:
    """Displayed, and so are its containers (a wizard step not shown is not read)."""
    return widget.display and all(getattr(a, "display", True) for a in widget.ancestors)


def plain_text(widget: Static) -> str:
    """A ``Static``'s whole content as plain text, however long (a grid or group of texts
    printed on a wide console: no line is cut)."""
    content = widget.content
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=400, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()


class Seen:
    """Everything the app showed, per place: screens (each scrolled page), the full text of
    every ``Static`` (messages are never cut there) and the toasts."""

    def __init__(self, pilot: Pilot[Any], lang: str, data: list[str]) -> None:
        self.pilot, self.lang, self.data = pilot, lang, data
        self.text: dict[str, str] = {}

    @property
    def app(self) -> CasewriterApp:
        app = self.pilot.app
        assert isinstance(app, CasewriterApp)
        return app

    async def look(self, where: str) -> str:
        """The screen as drawn, then each page of every scrolled part of it, then the text of
        each of its ``Static`` widgets in full."""
        pages = [drawn(self.app, where)]
        for widget in list(self.app.screen.query("*")):
            if widget.max_scroll_y <= 0 or not widget.display or widget.size.height < 3:
                continue
            y = 0
            while y < widget.max_scroll_y:
                y += widget.size.height - 1
                widget.scroll_to(y=y, animate=False, immediate=True)
                await calm(self.pilot)
                pages.append(drawn(self.app, where))
            widget.scroll_to(y=0, animate=False, immediate=True)
            await calm(self.pilot)
        statics = [plain_text(w) for w in self.app.screen.query(Static) if _shown(w)]
        self.text[where] = "\n".join([*pages, *statics])
        return self.text[where]

    def wrong(self) -> dict[str, list[str]]:
        toasts = "\n".join(notifications(self.pilot))
        found: dict[str, list[str]] = {}
        for where, text in [*self.text.items(), ("toasts", toasts)]:
            if self.lang == "zh":
                words = english_words(text, self.data)
            else:
                words = cjk_chars(text, self.data)
            if words:
                found[where] = words
        return found


async def _field_message(seen: Seen, field: str) -> str:
    return str(seen.app.screen.query_one(f"#msg-{field}", Static).render())


async def _walk(pilot: Pilot[Any], lang: str, folder: Path) -> Seen:
    app = pilot.app
    assert isinstance(app, CasewriterApp)
    if i18n.get_language() != lang:
        await pilot.press("f4")
        await calm(pilot)
    missing = folder / "x.png"  # a short folder: the path never wraps
    # what the seller typed or pasted, and the pieces of it the paste report quotes back
    data = [PASTED, "少了12件", "3月2号", str(missing), str(SAMPLES), "northbay", "Northbay"]
    data += ["[profile]"]
    data += list(BAD.values()) + REPORT_DATA + SOURCES + ["bad id!", "123"]
    data += SAMPLES_README  # the samples folder's README, named as not read
    seen = Seen(pilot, lang, data)
    # the wizard: a bad value in each kind of field
    await pilot.press("n")
    await calm(pilot)
    await set_field(pilot, "type-search", "少件" if lang == "zh" else "missing units")
    await pilot.press("enter")
    await calm(pilot)
    await fill(pilot, {**BAD, "att-invoice": str(missing)})
    messages = {k: await _field_message(seen, k) for k in [*BAD, "att-invoice"]}
    await seen.look("evidence: bad values")
    # a Chinese message pasted into the paste box
    app.post_message(events.Paste(PASTED))
    await calm(pilot)
    extracted = str(app.screen.query_one("#extract-result", Static).render())
    await seen.look("evidence: pasted")
    await next_step(pilot)
    await seen.look("urgency")
    await next_step(pilot)
    rendered = getattr(app.screen, "rendered", None)
    assert rendered is not None
    # the case text stays in the case language (its subject is cut at 80 columns)
    seen.data += [rendered.subject, *rendered.subject.split()]
    await seen.look("review")
    # filing with a case ID that is too short: the prompt's error
    await pilot.press("ctrl+f")
    await calm(pilot)
    if app.screen.query("#prompt-input"):
        pass
    else:  # not ready: confirm filing anyway first
        await seen.look("review: not ready")
        await pilot.press("y")
        await calm(pilot)
    await set_field(pilot, "prompt-input", "123")
    await pilot.press("enter")
    await calm(pilot)
    prompt_error = str(app.screen.query_one("#prompt-error", Static).render())
    await seen.look("review: case ID prompt")
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("ctrl+w")
    await calm(pilot)
    # settings: a profile with a bad id
    await pilot.press("f2")
    await calm(pilot)
    await pilot.press("a")
    await calm(pilot)
    await set_field(pilot, "profile-id", "bad id!")
    await pilot.press("ctrl+s")
    await calm(pilot)
    profile_error = str(app.screen.query_one("#profile-error", Static).render())
    await seen.look("settings: profile dialog")
    await pilot.press("escape")
    await calm(pilot)
    await pilot.press("escape")
    await calm(pilot)
    # the sample reports scanned, a too-early finding highlighted
    await pilot.press("f3")
    await calm(pilot)
    app.screen.query_one("#scan-paths", Input).value = str(SAMPLES)
    app.screen.query_one("#scan-as-of", Input).value = "2026-07-01"
    await pilot.press("enter")
    await calm(pilot)
    screen: Any = app.screen
    early = [i for i, f in enumerate(screen.findings) if f.status == "too-early"]
    assert early, [f.status for f in screen.findings]
    notes: list[str] = []
    for row in early:
        screen.table.move_cursor(row=row)
        await calm(pilot)
        notes.append(str(screen.query_one("#scan-details", Static).render()))
        await seen.look(f"scan: too-early finding {row}")
    await pilot.press("escape")
    await calm(pilot)
    # the health screen, each tab
    await pilot.press("h")
    await calm(pilot)
    health = app.screen
    for name in list(health.query_one(TabStrip).labels):
        await health.action_tab(name)  # type: ignore[attr-defined]
        await calm(pilot)
        await seen.look(f"health: {name}")
    _said_in(lang, messages, extracted, prompt_error, profile_error, notes, seen)
    return seen


def _said_in(
    lang: str,
    messages: dict[str, str],
    extracted: str,
    prompt_error: str,
    profile_error: str,
    notes: list[str],
    seen: Seen,
) -> None:
    """Each message the walk provoked is there, in the UI's language."""
    zh = lang == "zh"
    expect = {
        "slot-fnsku": "FNSKU 为 X0 + 8 位字母/数字" if zh else "an FNSKU is X0 + 8 letters",
        "fact-units_shipped": "“abc”不是整数" if zh else "'abc' is not a whole number",
        "fact-closed_date": "不是有效日期" if zh else "is not a real date",
        "fact-delivered_date": "年份按截至日期 2026-11-12 推定" if zh else "year from the as-of",
        "att-invoice": "找不到文件" if zh else "file not found",
    }
    for field, words in expect.items():
        assert words in messages[field], (field, messages[field])
    assert ("已填入" if zh else "Filled") in extracted, extracted
    assert ("这个有 3 位" if zh else "this has 3") in prompt_error, prompt_error
    assert profile_error.strip(), "the profile dialog names what is wrong"
    early = "\n".join(notes)
    assert ("不足 14 天" if zh else "under 14 days old") in early, early
    assert ("仍在接收中" if zh else "still receiving") in early, early
    health = seen.text["health: sources"]
    assert ("费用预览" if zh else "Fee Preview") in health and "fee-preview" not in health


@pytest.mark.parametrize(("lang", "size"), [("zh", (80, 24)), ("zh", (120, 40)), ("en", (120, 40))])
async def test_bad_values_paste_scan_and_health_speak_the_ui_language(
    run_app: RunApp, lang: str, size: tuple[int, int]
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="cw"))
    try:
        async with run_app(size=size) as pilot:
            seen = await _walk(pilot, lang, folder)
    finally:
        shutil.rmtree(folder)
    wrong = seen.wrong()
    assert wrong == {}, "\n".join(
        [*(f"{k}: {v}" for k, v in wrong.items()), *(seen.text.get(k, "") for k in wrong)]
    )
