"""Hostile text on every TUI screen that shows stored text (issue 10, item 3).

The corpus of ``tests/hostile.py`` is put in the log (subjects, bodies, notes, profile names),
in a report's cells, in a resumed draft, in a user case type and in the settings' profiles;
each screen is then drawn as the app would draw it (``drawn``: the screen's compositor update,
both as its segments' text and as the exact terminal output) and must show no raw control or
bidi character, no markup effect (no hyperlink, no click action, nothing eaten), each control as
its visible escape and the printable text literally. Clicking text that looks like
``[@click=app.quit]`` does nothing.
"""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from textual import events
from textual.widgets import DataTable, Input, Select, Static, TextArea

from casewriter.config import Profile, Settings
from casewriter.tui.app import CasewriterApp
from casewriter.tui.dialogs.confirm import ChoiceDialog
from casewriter.tui.dialogs.profile import ProfileDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from casewriter.tui.wizard import WizardScreen
from tests.hostile import (
    CORPUS,
    SHORT_CORPUS,
    Hostile,
    assert_all_shown,
    assert_no_raw_control,
)
from tests.test_hostile_cli import hostile_report
from tests.tui.conftest import FIXED_NOW, RunApp, add_case, back_step, calm

BIG = (160, 50)
# What Textual itself writes between the text: colours (SGR) and cursor moves.
TEXTUAL_ANSI = re.compile(r"\x1b\[[0-9;:]*[mHK]")
SUBJECT = "Refund [/] pending for [shipment ID] [@click=app.quit]quit[/] [link=https://e.x]x[/link]"
NOTE_PASTED = "pasted \x1b]52;c;ZXZpbA==\x1b\\ note [/] \u202eevil"
NOTE_PASTED_SHOWN = "pasted \\x1b]52;c;ZXZpbA==\\x1b\\ note [/] \\u202eevil"


def drawn(app: CasewriterApp, where: str) -> str:
    """The screen as the app would draw it now: checked for raw controls, links and click
    actions, returned as plain text (one line per screen row)."""
    update: Any = app.screen._compositor.render_update(
        full=True, screen_stack=app._background_screens
    )
    rows: list[str] = []
    for line in update.strips:
        segments = [segment for strip in line for segment in strip if not segment.control]
        for segment in segments:
            style = segment.style
            if style is not None:
                assert style.link is None, f"{where}: a hyperlink on {segment.text!r}"
                click = str((style.meta or {}).get("@click", ""))
                assert "quit" not in click, f"{where}: a click action on {segment.text!r}"
        rows.append("".join(segment.text for segment in segments))
    text = "\n".join(rows)
    assert_no_raw_control(text, where)
    console = Console(
        file=io.StringIO(), force_terminal=True, color_system="truecolor", legacy_windows=False
    )
    terminal = TEXTUAL_ANSI.sub("", update.render_segments(console))
    assert_no_raw_control(terminal.replace("\n", " "), f"{where} (terminal output)")
    return text


def shown_start(item: Hostile, length: int = 24) -> str:
    return item.shown[:length]


def one_line(text: str) -> str:
    """Screen rows joined (a long value wraps over rows)."""
    return "".join(line.strip("│ ▎▊") for line in text.splitlines())


def static_text(screen: Any, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    content = widget.content
    if isinstance(content, Group):  # text and a bulleted grid (the type step's tips)
        console = Console(width=200, color_system=None, record=True, file=io.StringIO())
        console.print(content)
        return console.export_text()
    return str(widget.render())


# -- home: table, search, due panel ---------------------------------------------------------


async def test_home_table_search_and_due_panel(services: Services, run_app: RunApp) -> None:
    due = {"osc52-st", "csi-clear", "bidi", "nul-and-c0"}
    for item in CORPUS:
        case_id = add_case(services, item.raw, case_type="general", body=f"hostile {item.raw}")
        if item.name in due:
            services.store.set_follow_up(case_id, FIXED_NOW - timedelta(hours=3))
    async with run_app(size=BIG) as pilot:
        app = pilot.app
        text = drawn(app, "home")
        for item in SHORT_CORPUS:
            assert shown_start(item, 30) in text, item.name
        panel = static_text(app.screen, "#due")
        for item in CORPUS:
            if item.name in due:
                assert shown_start(item, 12) in panel, item.name
        search = app.screen.query_one("#search", Input)
        search.value = "hostile"
        await calm(pilot)  # the debounced search is a worker: calm waits for it
        text = drawn(app, "home search")
        assert app.screen.query_one("#cases", DataTable).row_count == len(CORPUS)
        for item in SHORT_CORPUS:
            assert shown_start(item, 30) in text, item.name
        search.value = "[/] \x1b[2J"  # pasted into the box: drawn as ␛, counted in the title
        await calm(pilot)  # the debounced search is a worker: calm waits for it
        text = drawn(app, "home search for markup")
        assert "[/] ␛[2J" in text
        assert "\\x1b[2J" in static_text(app.screen, "#count")


# -- case detail: header, subject, body, timeline, dialogs, toasts --------------------------


async def test_case_detail_timeline_dialogs_and_toasts(services: Services, run_app: RunApp) -> None:
    body = "\n".join(item.raw for item in CORPUS)
    case_id = add_case(
        services, SUBJECT, case_type="general", body=body, profile="shop [/] \x1b[31m"
    )
    for item in SHORT_CORPUS:
        services.store.add_event(case_id, "note", item.raw)
    async with run_app(size=BIG) as pilot:
        app = pilot.app
        await pilot.press("enter")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, CaseDetailScreen)
        text = drawn(app, "case detail")
        assert SUBJECT in text  # markup-like text literally, "[shipment ID]" included
        assert "shop [/] \\x1b[31m" in static_text(screen, "#detail-header")
        assert_all_shown(screen.query_one("#detail-body", TextArea).text, "detail body")
        assert_all_shown(static_text(screen, "#timeline-events"), "timeline", SHORT_CORPUS)
        await pilot.click("#detail-subject")  # "[@click=app.quit]" is text, not an action
        await calm(pilot)
        assert app.is_running and app.screen is screen

        await pilot.press("a")  # a note pasted from the clipboard
        await calm(pilot)
        assert isinstance(app.screen, PromptDialog)
        app.post_message(events.Paste(NOTE_PASTED))
        await calm(pilot)
        assert NOTE_PASTED_SHOWN in drawn(app, "note dialog")
        await pilot.click("#ok")
        await calm(pilot)
        assert services.store.get(case_id).events[-1].text == NOTE_PASTED_SHOWN
        assert NOTE_PASTED_SHOWN in static_text(screen, "#timeline-events")
        drawn(app, "after the note")

        await pilot.press("u")  # "[/]" typed in the follow-up prompt used to crash
        await calm(pilot)
        dialog = app.screen
        assert isinstance(dialog, PromptDialog)
        dialog.query_one(Input).value = "[/] soon \x1b[2J"
        await pilot.press("enter")
        await calm(pilot)
        assert app.screen is dialog
        assert "[/] soon \\x1b[2J" in static_text(dialog, "#prompt-error")
        assert "[/] soon ␛[2J" in drawn(app, "follow-up dialog")
        await pilot.press("escape")
        await calm(pilot)

        await pilot.press("s")
        await calm(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        drawn(app, "status dialog")
        await pilot.press("escape")
        await calm(pilot)

        for item in (CORPUS[1], CORPUS[5], CORPUS[9], CORPUS[10]):
            app.notify(item.raw, title=item.raw[:20], severity="error", timeout=30)
        await calm(pilot)
        toasts = one_line(drawn(app, "toasts"))
        for item in (CORPUS[1], CORPUS[5], CORPUS[9], CORPUS[10]):
            assert item.shown in toasts, item.name
        assert app.is_running


# -- wizard: type list, evidence fields, review ---------------------------------------------


def _user_case_type(services: Services) -> str:
    """A user case type whose title, help and labels hold hostile text."""
    title = " | ".join(item.raw for item in SHORT_CORPUS[:6])
    quoted = json.dumps(title, ensure_ascii=False)
    folder = services.paths.user_templates / "case_types"
    folder.mkdir(parents=True, exist_ok=True)
    builtin = services.paths.builtin_templates / "case_types"
    source = (builtin / "general.toml").read_text(encoding="utf-8")
    source = source.replace('id = "general"', 'id = "hostile-type"')
    source = source.replace("case_types/general.md.j2", "case_types/general.md.j2")
    source = re.sub(
        r"^title = .*$", lambda _: f"title = {{ en = {quoted}, zh = {quoted} }}", source, flags=re.M
    )
    (folder / "hostile-type.toml").write_text(source, encoding="utf-8")
    return title


async def test_wizard_type_evidence_and_review(services: Services, run_app: RunApp) -> None:
    title = _user_case_type(services)
    narrative = "\n".join(item.raw for item in CORPUS)
    draft = {
        "case_type": "hostile-type",
        "marketplace": "US",
        "facts": {"topic": "Refund [/] \x1b]52;c;ZXZpbA==\x07 pending"},
        "evidence": {"reference": ["REF [shipment ID] \x9b2J"]},
        "narrative": {"what_happened": narrative, "checked": [i.raw for i in SHORT_CORPUS]},
        "_wizard": {"step": "review"},
    }
    async with run_app(size=BIG) as pilot:
        app = pilot.app
        app.open_wizard(draft=draft)
        await calm(pilot)
        wz = app.screen
        assert isinstance(wz, WizardScreen)
        text = drawn(app, "wizard review")
        assert "Refund [/] \\x1b]52;c;ZXZpbA==\\x07 pending – REF [shipment ID] \\x9b2J" in text
        review_body = wz.query_one("#rev-body", TextArea).text
        assert_all_shown(review_body, "review body")
        assert "REF [shipment ID] \\x9b2J" in static_text(wz, "#rev-checklist")
        assert "edited" not in static_text(wz, "#rev-counts")  # escapes are not an edit

        await back_step(pilot)
        await back_step(pilot)  # the evidence step: fields hold the draft's values
        text = drawn(app, "wizard evidence")
        assert "REF [shipment ID] �2J" in text  # an input draws a C1 control as one �
        assert wz.state.evidence["reference"] == ["REF [shipment ID] \x9b2J"]  # kept exactly
        assert_all_shown(wz.query_one("#nar-what_happened", TextArea).text, "narrative")
        wz.query_one("#paste", TextArea).focus()  # a hostile message pasted into the paste box
        app.post_message(events.Paste(f"{NOTE_PASTED}\nshipment FBA17XKQ9M2Z\x1b[2J ok"))
        await calm(pilot)
        assert NOTE_PASTED_SHOWN in wz.query_one("#paste", TextArea).text
        assert "FBA17XKQ9M2Z" in static_text(wz, "#extract-result")
        drawn(app, "wizard paste box")

        await back_step(pilot)  # the type step: a user case type with a hostile title
        await calm(pilot)
        text = drawn(app, "wizard type step")
        assert "Refund [/] pending | [@click=app.quit]quit now[/] |" in text  # list and details
        shown_title = " | ".join(item.shown for item in SHORT_CORPUS[:6])
        assert shown_title in static_text(wz, "#type-info")
        assert title != shown_title and "\\x1b]52;c;ZXZpbA==\\x07" in shown_title


# -- scan screen ----------------------------------------------------------------------------


async def test_scan_screen_hostile_report(run_app: RunApp, tmp_path: Path) -> None:
    report = hostile_report(tmp_path)
    async with run_app(size=BIG) as pilot:
        app = pilot.app
        await pilot.press("f3")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = str(report)
        screen.query_one("#scan-as-of", Input).value = "2026-05-01"
        await pilot.press("enter")
        await calm(pilot)
        text = drawn(app, "scan results")
        assert "FBA17XKQ9M2Z[/]\\x1b]52;C;ZXZPBA==" in text  # ids are shown normalized
        assert "✔" not in text
        screen.query_one("#findings", DataTable).focus()
        await pilot.press("space")
        await calm(pilot)
        assert "✔" in drawn(app, "scan selection")  # the selected row's mark


# -- settings: profiles ---------------------------------------------------------------------


async def test_settings_profiles_and_profile_dialog(
    services: Services, run_app: RunApp, settings: Settings
) -> None:
    hostile = Profile(
        id="shop",
        name="Shop [/] [@click=app.quit]q[/] \x1b]52;c;ZXZpbA==\x07",
        merchant_token="A2NBGOODS7XQ1",
        signature="Sig \u202eevil \x9b2J",
    )
    services.settings = settings.with_changes(profiles=(hostile,))
    async with run_app(size=BIG) as pilot:
        app = pilot.app
        await pilot.press("f2")
        await calm(pilot)
        assert isinstance(app.screen, SettingsScreen)
        text = drawn(app, "settings")
        assert "Shop [/] [@click=app.quit]q[/] \\x1b]52;c;ZXZpbA==\\x07" in text
        app.screen.query_one("#default-profile", Select).focus()
        await pilot.press("enter")  # open the profile list (its options are the names)
        await calm(pilot)
        text = drawn(app, "profile list")  # a narrow list: the name wraps
        assert "shop (Shop [/]" in text and "\\x1b]52;c;ZXZpbA==\\x07)" in text
        await pilot.press("escape")
        await calm(pilot)
        app.screen.query_one("#profiles", DataTable).focus()
        await pilot.press("enter")  # edit the profile: the fields hold the exact values
        await calm(pilot)
        dialog = app.screen
        assert isinstance(dialog, ProfileDialog)
        assert dialog.query_one("#profile-name", Input).value == hostile.name
        text = drawn(app, "profile dialog")
        assert "Shop [/] [@click=app.quit]q[/] ␛]52;c;ZXZpbA" in text  # ␛ for ESC, one cell
        assert "Sig �evil �2J" in text
        assert app.is_running


# -- the safe widgets themselves ------------------------------------------------------------


async def test_input_draws_controls_without_moving_the_cursor(
    run_app: RunApp,
) -> None:
    from casewriter.tui.safe import Input as SafeInput

    async with run_app(size=BIG) as pilot:
        app = pilot.app
        field = SafeInput("a\x1b[2Jb\u202ec")
        await app.screen.mount(field)
        field.focus()
        field.cursor_position = 3
        await calm(pilot)
        assert field.value == "a\x1b[2Jb\u202ec"  # the value is kept exactly
        assert field._value.plain == "a␛[2Jb\ufffdc"
        assert field._position_to_cell(3) == 3  # one cell per character, cursor in step
        assert field._cell_offset_to_index(6) == 6
        drawn(app, "input")


def test_every_tui_module_takes_its_text_widgets_from_safe() -> None:
    """``Static``, ``Label``, ``Input`` and ``TextArea`` come from ``casewriter.tui.safe``
    (markup off, controls escaped); nothing turns markup back on or parses it."""
    root = Path(__file__).resolve().parents[2] / "casewriter" / "tui"
    direct = re.compile(r"from textual\.widgets import [^\n]*\b(Static|Label|Input|TextArea)\b")
    markup = re.compile(r"markup\s*=\s*True|from_markup|Content\.from_text")
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name not in ("safe.py", "safe_textarea.py")  # safe's lazily imported half
        and (
            direct.search(path.read_text(encoding="utf-8"))
            or markup.search(path.read_text(encoding="utf-8"))
        )
    ]
    assert offenders == []
