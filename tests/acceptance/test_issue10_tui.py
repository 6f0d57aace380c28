"""Acceptance, issue 10 in the TUI (Textual Pilot), at 80×24 and 120×40, in English and (F4)
Chinese:

- §3: hostile stored text on home (table, due panel), case detail and its dialogs, the scan
  screen and settings: no raw control or bidi character in what is drawn (segments and the
  terminal output), no markup effect, the escapes shown.
- §2: a log with unreadable stored values opens; the follow-up prompt and "mark filed" refuse
  out-of-range or hostile input without writing and without closing the app.
- §6: the wizard's live checks call an order-id near-miss an invalid order id.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import DataTable, Input, Static

from casewriter.config import Profile, Settings
from casewriter.tui.app import CasewriterApp
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.screens.scan import ScanScreen
from casewriter.tui.screens.settings import SettingsScreen
from casewriter.tui.services import Services
from tests.hostile import SHORT_CORPUS
from tests.test_hostile_cli import hostile_report
from tests.tui.conftest import FIXED_NOW, add_case, calm, next_step, set_field, wizard
from tests.tui.test_hostile_tui import drawn

DUE = ("osc52-st", "csi-clear", "bidi", "c1-csi")


async def to_language(pilot: Any, app: CasewriterApp, lang: str) -> None:
    if lang == "zh":
        await pilot.press("f4")
        await calm(pilot)
        assert "Case 记录" in drawn(app, "after F4")


def _fill(services: Services) -> dict[str, str]:
    ids = {}
    for item in SHORT_CORPUS:
        ids[item.name] = add_case(
            services, item.raw, case_type="general", body=f"body {item.raw}", profile=item.raw[:30]
        )
        if item.name in DUE:
            services.store.set_follow_up(ids[item.name], FIXED_NOW - timedelta(hours=2))
        services.store.add_event(ids[item.name], "note", item.raw)
    return ids


@pytest.mark.parametrize(
    ("size", "lang"), [((80, 24), "en"), ((120, 40), "zh")], ids=["80x24-en", "120x40-zh"]
)
async def test_home_detail_and_dialogs_draw_hostile_text_safely(
    services: Services, app_factory: Callable[..., Any], size: tuple[int, int], lang: str
) -> None:
    ids = _fill(services)
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await calm(pilot)
        await to_language(pilot, app, lang)
        text = drawn(app, f"home {size} {lang}")
        panel = str(app.screen.query_one("#due", Static).render())
        for item in SHORT_CORPUS:
            if item.name in DUE:
                assert item.shown[:10] in panel, item.name
        table = app.screen.query_one(DataTable)
        assert table.row_count == len(SHORT_CORPUS)
        for name in ("csi-clear", "bidi"):
            keys = ("a", "s", "u", "f") if name == "csi-clear" else ()
            table.focus()
            table.move_cursor(row=[str(k.value) for k in table.rows].index(ids[name]))
            await pilot.press("enter")
            await calm(pilot)
            assert isinstance(app.screen, CaseDetailScreen)
            text = drawn(app, f"detail {name} {size} {lang}")
            assert "\\x1b" in text or "\\u202e" in text
            for key in keys:  # note, status, follow-up, mark filed
                await pilot.press(key)
                await calm(pilot)
                drawn(app, f"dialog {key} on {name} {size} {lang}")
                await pilot.press("escape")
                await calm(pilot)
                assert isinstance(app.screen, CaseDetailScreen)
            await pilot.press("escape")
            await calm(pilot)
            assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_follow_up_prompt_and_mark_filed_refuse_without_writing(
    services: Services, app_factory: Callable[..., Any]
) -> None:
    case_id = add_case(services, "Missing units FBA17XKQ9M2Z")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await to_language(pilot, app, "zh")
        await pilot.press("enter")
        await calm(pilot)
        detail = app.screen
        assert isinstance(detail, CaseDetailScreen)
        for value in ("0226-05-01", "9999-12-31T23:59-12:00", "[/]"):
            await pilot.press("u")
            await calm(pilot)
            dialog = app.screen
            assert isinstance(dialog, PromptDialog)
            dialog.query_one(Input).value = value
            await pilot.press("enter")
            await calm(pilot)
            if app.screen is dialog:  # refused in the dialog
                await pilot.press("escape")
                await calm(pilot)
            assert app.screen is detail and app.is_running, value
            assert services.store.get(case_id).follow_up is None, value
        for value in ("[/] \x1b]52;c;ZXZpbA==\x07", "99999999999999999999"):
            await pilot.press("f")
            await calm(pilot)
            dialog = app.screen
            assert isinstance(dialog, PromptDialog)
            dialog.query_one(Input).value = value
            await pilot.press("enter")
            await calm(pilot)
            drawn(app, f"mark filed {value!r}")
            if app.screen is dialog:
                await pilot.press("escape")
                await calm(pilot)
            assert app.screen is detail and app.is_running, value
            case = services.store.get(case_id)
            assert (case.status, case.sc_case_id) == ("draft", None), value
        assert [e.kind for e in services.store.get(case_id).events] == ["created"]


async def test_home_and_detail_open_on_a_log_with_unreadable_values(
    services: Services, app_factory: Callable[..., Any]
) -> None:
    add_case(services, "Healthy FBA15ABCDE12")
    bad = add_case(services, "Damaged 少件")
    services.close()
    conn = sqlite3.connect(services.paths.db_file)
    conn.execute(
        "UPDATE cases SET updated_at = 'garbage', urgency = 'extreme', marketplace = 'ZZ', "
        "case_type = 'no-such', follow_up_at = ?, deadline_closes = 3.5, "
        "received_amount = '-Infinity' WHERE id = 2",
        (b"\xff\xfe",),
    )
    conn.commit()
    conn.close()
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        table = app.screen.query_one(DataTable)
        assert {str(k.value) for k in table.rows} == {"CW-000001", bad}
        table.focus()
        table.move_cursor(row=[str(k.value) for k in table.rows].index(bad))
        await pilot.press("enter")
        await calm(pilot)
        assert isinstance(app.screen, CaseDetailScreen)
        assert "Damaged 少件" in drawn(app, "damaged detail")


async def test_home_lists_a_log_holding_text_that_is_not_utf8(
    services: Services, app_factory: Callable[..., Any]
) -> None:
    add_case(services, "Healthy FBA15ABCDE12")
    add_case(services, "Damaged")
    services.close()
    conn = sqlite3.connect(services.paths.db_file)
    conn.execute("UPDATE cases SET subject = CAST(x'41ff42c3' AS TEXT) WHERE id = 2")
    conn.commit()
    conn.close()
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one(DataTable).row_count == 2


async def test_scan_screen_and_settings_in_chinese_at_80x24(
    services: Services,
    app_factory: Callable[..., Any],
    settings: Settings,
    tmp_path: Path,
) -> None:
    size = (80, 24)
    services.settings = settings.with_changes(
        profiles=(
            Profile(id="shop", name="店铺 [/] \x1b]52;c;ZXZpbA==\x07", signature="\u202eevil"),
        )
    )
    report = hostile_report(tmp_path)
    app = app_factory()
    async with app.run_test(size=size) as pilot:
        await calm(pilot)
        await to_language(pilot, app, "zh")
        await pilot.press("f3")
        await calm(pilot)
        screen = app.screen
        assert isinstance(screen, ScanScreen)
        screen.query_one("#scan-paths", Input).value = str(report)
        screen.query_one("#scan-as-of", Input).value = "2026-05-01"
        await pilot.press("enter")
        await calm(pilot)
        text = drawn(app, f"scan zh {size}")
        assert "[ ]" in text
        await pilot.press("escape")
        await calm(pilot)
        await pilot.press("f2")
        await calm(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "店铺 [/] \\x1b]52;c;ZXZpbA==\\x07" in drawn(app, f"settings zh {size}")


async def test_wizard_live_checks_call_order_id_near_misses_invalid(
    app_factory: Callable[..., Any],
) -> None:
    """The issue's ``113-7746201-558093`` and ``902-3159896`` (last group lost) in an order id
    field. (``check`` without ``--kind`` calls the second a valid case id: F6; the wizard's
    field knows its kind and refuses it.)"""
    app = app_factory(start_case_type="a-to-z-response")
    async with app.run_test(size=(120, 40)) as pilot:
        await calm(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        for value, says in (("113-7746201-558093", "6 digits, 7 expected"), ("902-3159896", "17")):
            await set_field(pilot, "slot-order_id", value)
            await calm(pilot)
            message = str(wz.query_one("#msg-slot-order_id", Static).render())
            assert "✓" not in message and "✗" in message and says in message, (value, message)


async def test_wizard_refuses_far_dates_and_odd_attachment_paths(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        wz = wizard(pilot)
        await next_step(pilot)
        for value in ("9999-12-31", "2026年13月45日"):
            await set_field(pilot, "fact-delivered_date", value)
            await calm(pilot)
            message = str(wz.query_one("#msg-fact-delivered_date", Static).render())
            assert value not in ("", message) and "✓" not in message, (value, message)
        for path in ("a\x00b.pdf", "/dev/zero"):
            await set_field(pilot, "att-invoice", path)
            await calm(pilot)
            drawn(app, f"attachment {path[:20]!r}")
            assert app.is_running
        await next_step(pilot)
        await next_step(pilot)
        drawn(app, "review at 80x24")
        assert app.is_running


async def test_wizard_attachment_under_an_unknown_users_home_does_not_crash(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory(start_case_type="inbound-missing-units")
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await next_step(pilot)
        await set_field(pilot, "att-invoice", "~no-such-user/invoice.pdf")
        await calm(pilot)
        assert app.is_running
        message = str(wizard(pilot).query_one("#msg-att-invoice", Static).render())
        assert "no-such-user" in message


async def test_text_pasted_into_the_command_palette_is_drawn_safely(
    app_factory: Callable[..., Any],
) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await pilot.press("ctrl+p")
        await calm(pilot)
        app.post_message(events.Paste("pal \x1b]52;c;ZXZpbA==\x1b\\ [/] \u202eevil \x9b2J"))
        await calm(pilot)
        assert "pal " in drawn(app, "command palette with a pasted query")


async def test_resumed_autosave_with_a_lone_surrogate_does_not_crash(
    services: Services, app_factory: Callable[..., Any]
) -> None:
    folder = services.paths.autosave_dir
    folder.mkdir(parents=True)
    draft = {
        "case_type": "general",
        "marketplace": "US",
        "facts": {"topic": "lone \ud800 topic"},
        "evidence": {"reference": ["REF-1"]},
    }
    payload = {
        "version": 1,
        "key": "k1",
        "step": "evidence",
        "updated": "2026-05-04T09:00:00+00:00",
    }
    (folder / "k1.json").write_text(json.dumps({**payload, "draft": draft}), encoding="utf-8")
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await calm(pilot)
        await pilot.click("#resume")
        await calm(pilot)
        wizard(pilot)
        await next_step(pilot)
        assert app.is_running
