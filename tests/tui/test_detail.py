"""Pilot tests of the case detail screen: timeline, note, status, follow-up, filing with a
Seller Central case id (an invalid one is rejected with the identifier module's reason), copy
and save to file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Static, TextArea

from casewriter.identifiers import check
from casewriter.tui.dialogs.confirm import ConfirmDialog
from casewriter.tui.dialogs.prompt import PromptDialog
from casewriter.tui.screens.case_detail import CaseDetailScreen
from casewriter.tui.screens.case_inputs import parse_follow_up
from casewriter.tui.services import Services
from tests.tui.conftest import FIXED_NOW, RunApp, add_case, calm

EXAMPLES = Path(__file__).resolve().parents[2] / "templates" / "examples"


async def open_detail(app: Any, pilot: Any) -> CaseDetailScreen:
    await calm(pilot)
    await pilot.press("enter")
    await calm(pilot)
    assert isinstance(app.screen, CaseDetailScreen)
    return app.screen


async def test_detail_shows_case_and_adds_a_chinese_note(
    services: Services, run_app: RunApp
) -> None:
    case_id = add_case(
        services, "Missing units in FBA17XKQ9M2Z", body="Hello,\n\nFour units are missing."
    )
    async with run_app() as pilot:
        app = pilot.app
        screen = await open_detail(app, pilot)
        assert screen.query_one("#detail-body", TextArea).text.startswith("Hello,")
        assert case_id in str(screen.query_one("#detail-title", Static).render())
        await pilot.press("a")
        await calm(pilot)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(TextArea).insert("已致电客服，等待回复")
        await pilot.click("#ok")
        await calm(pilot)
        case = services.store.get(case_id)
        assert case.events[-1].kind == "note"
        assert case.events[-1].text == "已致电客服，等待回复"
        assert "已致电客服" in str(screen.query_one("#timeline-events", Static).render())


async def test_mark_filed_rejects_invalid_id_then_files(
    services: Services, run_app: RunApp
) -> None:
    case_id = add_case(services, "Lost in warehouse", case_type="warehouse-lost")
    async with run_app() as pilot:
        app = pilot.app
        screen = await open_detail(app, pilot)
        await pilot.press("f")
        await calm(pilot)
        dialog = app.screen
        assert isinstance(dialog, PromptDialog)
        dialog.query_one(Input).value = "12345"
        await pilot.press("enter")
        await calm(pilot)
        assert app.screen is dialog  # stays open
        reason = check("12345", "case_id").reason
        assert reason and reason in str(dialog.query_one("#prompt-error", Static).render())
        dialog.query_one(Input).value = "18274659301"
        await pilot.press("enter")
        await calm(pilot)
        # its stored draft has none of the required evidence: filing asks first, naming why
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "Not ready to file" in confirm.question and "FNSKU" in confirm.question
        await pilot.click("#yes")
        await calm(pilot)
        assert app.screen is screen
        case = services.store.get(case_id)
        assert case.status == "filed" and case.sc_case_id == "18274659301"
        assert "18274659301" in str(screen.query_one("#detail-header", Static).render())
        assert [e.kind for e in case.events][-2:] == ["filed", "forced"]
        assert case.events[-1].text.startswith("filed although not ready: [missing-evidence] ")


def _logged_example(services: Services, name: str) -> str:
    """Log a built-in example case file with its draft, as ``render --save`` does."""
    from casewriter.engine import load_case_file
    from casewriter.services.saving import new_case_from_render

    engine = services.engine
    draft = load_case_file(EXAMPLES / f"{name}.toml", engine.catalog)
    rendered = engine.render(draft, as_of=FIXED_NOW.date())
    return services.store.save_new(new_case_from_render(draft, rendered), now=FIXED_NOW).id


async def _file_from_detail(app: Any, pilot: Any, sc_case_id: str) -> None:
    await open_detail(app, pilot)
    await pilot.press("f")
    await calm(pilot)
    app.screen.query_one(Input).value = sc_case_id
    await pilot.press("enter")
    await calm(pilot)


async def test_filing_rechecks_readiness_as_of_today(services: Services, run_app: RunApp) -> None:
    """A ready case files at once; one whose claim window is not open yet asks, names the
    reason, and stays a draft when the answer is no."""
    ready = _logged_example(services, "inbound-missing-units")
    async with run_app() as pilot:
        app = pilot.app
        await _file_from_detail(app, pilot, "18274659301")
        assert isinstance(app.screen, CaseDetailScreen)
    case = services.store.get(ready)
    assert case.status == "filed" and "forced" not in [e.kind for e in case.events]
    early = _logged_example(services, "warehouse-lost")
    async with run_app() as pilot:
        app = pilot.app
        await _file_from_detail(app, pilot, "18274659302")
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "claim window" in confirm.question
        await pilot.click("#no")
        await calm(pilot)
        assert isinstance(app.screen, CaseDetailScreen)
    assert services.store.get(early).status == "draft"


async def test_change_status_and_follow_up(services: Services, run_app: RunApp) -> None:
    case_id = add_case(services, "A-to-z claim", case_type="a-to-z-response")
    async with run_app() as pilot:
        app = pilot.app
        await open_detail(app, pilot)
        await pilot.press("s")
        await calm(pilot)
        options = app.screen.query_one(OptionList)
        options.highlighted = 6  # closed
        await pilot.press("enter")
        await calm(pilot)
        assert services.store.get(case_id).status == "closed"
        await pilot.press("u")
        await calm(pilot)
        app.screen.query_one(Input).value = "+3d"
        await pilot.press("enter")
        await calm(pilot)
        follow_up = services.store.get(case_id).follow_up
        assert follow_up is not None and (follow_up - FIXED_NOW).days == 3


async def test_copy_and_save_to_file(services: Services, run_app: RunApp, tmp_path: Path) -> None:
    add_case(services, "退款未退货 order 112-1234567-7654321", body="Body 中文正文")
    target = tmp_path / "out" / "case.txt"
    target.parent.mkdir()
    async with run_app() as pilot:
        app = pilot.app
        await open_detail(app, pilot)
        await pilot.press("c")
        assert app.clipboard == "退款未退货 order 112-1234567-7654321"
        await pilot.press("b")
        assert app.clipboard == "Body 中文正文"
        await pilot.press("v")
        await calm(pilot)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await calm(pilot)
        assert target.read_text(encoding="utf-8").startswith("退款未退货 order")


def test_parse_follow_up() -> None:
    assert parse_follow_up("2026-05-10", FIXED_NOW).isoformat() == "2026-05-10T09:00:00+00:00"
    assert (parse_follow_up("+12h", FIXED_NOW) - FIXED_NOW).total_seconds() == 12 * 3600
    assert (parse_follow_up("1w", FIXED_NOW) - FIXED_NOW).days == 7
