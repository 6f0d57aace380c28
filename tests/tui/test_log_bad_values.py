"""The TUI keeps working on a log with unreadable stored values (put in with raw SQL): the home
table, the due panel, search and the case detail of the damaged case all draw."""

from __future__ import annotations

import sqlite3

from textual.widgets import Static, TextArea

from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.home import HomeScreen
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import CaseTable
from tests.tui.conftest import RunApp, add_case, calm


def damage(services: Services, case_id: str) -> None:
    num = int(case_id.split("-")[1])
    conn = sqlite3.connect(services.paths.db_file)
    conn.execute(
        "UPDATE cases SET follow_up_at = '226-05-01T09:00:00Z', deadline_closes = '9999-12-31', "
        "created_at = 'garbage', updated_at = '0226-01-01', expected_amount = 'abc', "
        "draft_json = '{broken', status = 'bogus' WHERE id = ?",
        (num,),
    )
    conn.execute("UPDATE events SET at = '226' WHERE case_id = ?", (num,))
    conn.commit()
    conn.close()


async def test_home_and_detail_draw_a_case_with_unreadable_values(
    services: Services, run_app: RunApp
) -> None:
    add_case(services, "A healthy case FBA15ABCDE12")
    bad = add_case(services, "The damaged case 少件 FBA17XKQ9M2Z")
    services.store.file(bad, "7261849305")
    services.close()  # the TUI opens the log itself, after the damage
    damage(services, bad)
    async with run_app() as pilot:
        app = pilot.app
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one(CaseTable)
        assert {str(k.value) for k in table.rows} == {"CW-000001", bad}
        table.focus()
        row = [str(k.value) for k in table.rows].index(bad)
        table.move_cursor(row=row)
        await pilot.press("enter")
        await calm(pilot)
        assert isinstance(app.screen, CaseDetailScreen)
        assert app.screen.case is not None and app.screen.case.id == bad
        assert "The damaged case" in str(app.screen.query_one("#detail-subject", Static).render())
        assert app.screen.query_one("#detail-body", TextArea).text.startswith("Hello")
        await pilot.press("escape")
        await calm(pilot)
        assert isinstance(app.screen, HomeScreen)
