"""Keys a user can find and press (issue 13 §6): each dialog shows its own keys (a note: Enter
is a new line, ctrl+s saves — in the dialog and its footer), Esc and Down leave the home search
box, Settings adds a profile with a letter and a button; the scan screen marks selected rows,
names the case that blocks a draft and shows "safe by" and the too-early reason; the demo's
drafts find their attachments in the demo home."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from casewriter.services.demo import build_demo
from casewriter.tui.dialogs.profile import ProfileDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import CaseTable
from casewriter.tui.widgets.findings_table import FindingsTable
from casewriter.tui.wizard import WizardScreen
from tests.tui.conftest import RunApp, add_case, calm, next_step
from tests.tui.test_layout import rows


async def test_note_dialog_shows_and_obeys_its_keys(services: Services, run_app: RunApp) -> None:
    case_id = add_case(services, "Missing units in FBA17XKQ9M2Z")
    async with run_app(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await calm(pilot)
        assert isinstance(pilot.app.screen, CaseDetailScreen)
        await pilot.press("a")
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, PromptDialog)
        screen = "\n".join(rows(pilot.app))
        assert "Enter: new line · ctrl+s: OK · Esc: cancel" in screen  # in the dialog
        assert "OK (ctrl+s)" in screen  # on its button
        footer = rows(pilot.app)[-1]
        assert "^s OK" in footer and "esc Cancel" in footer  # and its own footer
        assert "Note" not in footer and "Amazon replied" not in footer  # not the screen's
        await pilot.press(*"line", "enter", *"two")
        await calm(pilot)
        assert dialog.query_one(TextArea).text == "line\ntwo"  # Enter: a new line
        assert pilot.app.screen is dialog
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert pilot.app.screen is not dialog
    assert services.store.get(case_id).events[-1].text == "line\ntwo"


async def test_one_line_dialog_keys_in_chinese(services: Services, run_app: RunApp) -> None:
    add_case(services, "Lost in warehouse", case_type="warehouse-lost")
    async with run_app(size=(100, 30)) as pilot:
        await pilot.press("f4", "enter")
        await calm(pilot)
        await pilot.press("u")  # follow-up: one line
        await calm(pilot)
        screen = "\n".join(rows(pilot.app))
        assert "回车：确定 · Esc：取消" in screen
        await pilot.press("escape")
        await calm(pilot)
        assert isinstance(pilot.app.screen, CaseDetailScreen)


async def test_esc_and_down_leave_the_search_box(services: Services, run_app: RunApp) -> None:
    add_case(services, "Missing units in FBA17XKQ9M2Z")
    add_case(services, "仓库丢失 X00LOST123", case_type="warehouse-lost")
    async with run_app() as pilot:
        screen = pilot.app.screen
        search = screen.query_one("#search", Input)
        table = screen.query_one(CaseTable)
        for key in ("escape", "down"):
            await pilot.press("slash")
            await calm(pilot)
            assert pilot.app.focused is search
            await pilot.press(*"FBA")
            await calm(pilot)
            await pilot.press(key)
            await calm(pilot)
            assert pilot.app.focused is table, key
            assert search.value == "FBA"  # the search stays as typed
            search.value = ""
            await calm(pilot)
        # on the table, Esc and Down keep their own meaning (no jump back, the cursor moves)
        await pilot.press("down")
        await calm(pilot)
        assert pilot.app.focused is table and table.cursor_row == 1


async def test_settings_adds_a_profile_with_a_letter(services: Services, run_app: RunApp) -> None:
    async with run_app(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await calm(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SettingsScreen)
        assert "a Add profile" in rows(pilot.app)[-1]
        assert "insert" not in rows(pilot.app)[-1]
        screen.query_one("#profiles").focus()
        await pilot.press("a")
        await calm(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ProfileDialog)
        dialog.query_one("#profile-id", Input).value = "shenzhen"
        dialog.query_one("#profile-name", Input).value = "深圳优品"
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert pilot.app.screen is screen
        assert [p.id for p in screen.profiles] == ["shenzhen"]
        # typing "a" in a field types it (the key is the table's and the buttons')
        screen.query_one("#hours", Input).focus()
        await pilot.press("a")
        await calm(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one("#btn-add")  # and the button


async def test_scan_demo_marks_rows_names_the_blocking_case_and_windows(
    services: Services, run_app: RunApp
) -> None:
    build_demo(services.paths, now=datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    services.close()  # the demo wrote the log: read it afresh
    reports = services.paths.data_dir / "sample-reports"
    blocking = next(
        c.id
        for c in services.store.list(limit=100)
        if c.case_type == "inbound-missing-units" and c.status not in ("resolved", "closed")
    )
    async with run_app(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await calm(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = str(reports)
        screen.query_one("#scan-as-of", Input).value = "2026-06-30"
        await pilot.press("enter")
        await calm(pilot)
        table = screen.query_one(FindingsTable)
        text = "\n".join(rows(pilot.app))
        assert "Safe by" in text  # the safer file-by date of a window, as the CLI shows it
        for finding in screen.findings:
            if finding.window.safe_by is not None:
                assert finding.window.safe_by.isoformat() in text
        early = next(i for i, f in enumerate(screen.findings) if f.status == "too-early")
        table.move_cursor(row=early)
        await calm(pilot)
        details = str(screen.query_one("#scan-details", Static).render())
        assert screen.findings[early].notes[0] in details  # why it is too early
        table.move_cursor(row=0)
        await pilot.press("space")
        await calm(pilot)
        assert screen.selected == {0}
        first = next(
            r for r in rows(pilot.app) if "Inbound shortfall" in r and "FBA17XKQ9M2Z X003" in r
        )
        assert first.lstrip().startswith("✔")  # the selected row's mark
        await pilot.press("f7")
        await calm(pilot)
        status = str(screen.query_one("#scan-status", Static).render())
        assert f"skipped: FBA17XKQ9M2Z X003KQ7ZP1 — {blocking} is open" in status, status
        details = str(screen.query_one("#scan-details", Static).render())
        assert f"Not drafted: {blocking} is open for the same problem" in details


async def test_demo_draft_finds_its_attachments(
    services: Services, run_app: RunApp, tmp_path: Path, monkeypatch: object
) -> None:
    build_demo(services.paths, now=datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    services.close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # type: ignore[attr-defined]
    case = next(c for c in services.store.list(limit=100) if c.case_type == "general")
    async with run_app() as pilot:
        pilot.app.screen.query_one(CaseTable).move_cursor(
            row=[str(k.value) for k in pilot.app.screen.query_one(CaseTable).rows].index(case.id)
        )
        await pilot.press("e")
        await calm(pilot)
        wz = pilot.app.screen
        assert isinstance(wz, WizardScreen)
        await next_step(pilot)
        files = services.paths.data_dir / "sample-files"
        paths = [p for ps in wz.state.attachments.values() for p in ps]
        assert paths and all(Path(p).parent == files and Path(p).is_file() for p in paths)
        messages = [str(m.render()) for m in wz.query("Static.msg") if m.id and "att-" in m.id]
        assert messages and all("✓" in m for m in messages if m), messages
