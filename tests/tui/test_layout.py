"""Every screen usable at 80×24 and good at 100×30 and 140×45 (issue 13 §6): footers fit or
hand the rest to the palette behind a visible "more" key, the home table gives the subject the
room and drops whole columns rather than cutting them, the wizard's marketplace and profile
choosers sit on one line, the review's filing controls are in view, and Settings' profile
chooser keeps its border."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from casewriter.tui.i18n import t
from casewriter.tui.palette import palette_actions
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import CaseTable
from casewriter.tui.widgets.key_footer import KeyFooter, key_width
from tests.tui.conftest import FIXED_NOW, RunApp, add_case, calm, fill, next_step, set_field

SIZES = [(80, 24), (100, 30), (140, 45)]


def populate(services: Services) -> None:
    """Three cases: a draft with a deadline, a Chinese one with a note, a filed one."""
    add_case(
        services,
        "Missing units in shipment FBA17XKQ9M2Z – 4 units of FNSKU X003KQ7ZP1",
        identifiers=[("shipment_id", "FBA17XKQ9M2Z")],
        deadline=FIXED_NOW.date() + timedelta(days=3),
    )
    lost = add_case(
        services, "仓库丢失 FNSKU X00LOST123 三件，请求赔偿", case_type="warehouse-lost"
    )
    services.store.add_event(lost, "note", "已致电客服，等待回复", now=FIXED_NOW)
    atoz = add_case(
        services, "A-to-z claim on order 112-1234567-7654321", case_type="a-to-z-response"
    )
    services.store.file(atoz, "18274659301", now=FIXED_NOW)


def rows(app: Any) -> list[str]:
    """The screen as drawn now, one string per row."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [
        "".join(seg.text for strip in line for seg in strip if not seg.control)
        for line in update.strips
    ]


def in_view(widget: Widget) -> bool:
    """Whether all of ``widget`` is on screen (not scrolled away, not past an edge)."""
    region = widget.region
    screen = widget.screen.region
    return bool(region.area) and screen.contains_region(region)


def check_footer(pilot: Pilot[Any], where: str) -> list[str]:
    """The footer's keys fit its width; a key that does not is in the palette and the palette
    key reads "more"; returns the hidden keys."""
    app = pilot.app
    footer = app.screen.query_one(KeyFooter)
    shown = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
    used = sum(key_width(k.key_display, k.description) for k in shown)
    palettes = footer.query(".-command-palette")
    for palette in palettes:
        used += key_width(palette.key_display, palette.description) + 2
    assert used <= app.size.width, f"{where}: footer needs {used} cells of {app.size.width}"
    last = rows(app)[-1]
    for key in shown:
        assert f"{key.key_display} {key.description}" in last, (where, key.description, last)
    if not palettes:  # a dialog: its few keys, all shown
        assert footer.hidden_keys == [], where
        return []
    offered = {spec.key for _, spec in palette_actions(app.screen, app)}
    assert set(footer.hidden_keys) <= offered, where
    expected = "footer.more" if footer.hidden_keys else "footer.palette"
    assert last.rstrip().endswith(t(expected)), (where, last)
    return footer.hidden_keys


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_footers_fit_or_overflow_into_the_palette(
    run_app: RunApp, services: Services, size: tuple[int, int]
) -> None:
    populate(services)
    async with run_app(size=size) as pilot:
        check_footer(pilot, "home")
        await pilot.press("enter")
        await calm(pilot)
        hidden = check_footer(pilot, "case detail")
        if size[0] < 140:
            assert hidden  # the detail has more keys than 80 or 100 cells hold
        await pilot.press("a")  # a note: the dialog's own footer
        await calm(pilot)
        assert check_footer(pilot, "note dialog") == []
        await pilot.press("escape", "escape")
        await calm(pilot)
        for key, where in (("f2", "settings"), ("f3", "scan")):
            await pilot.press(key)
            await calm(pilot)
            check_footer(pilot, where)
            await pilot.press("escape")
            await calm(pilot)
        await pilot.press("f4")  # Chinese labels are wider: laid out again
        await calm(pilot)
        check_footer(pilot, "home, 中文")
        await pilot.press("f4")
        await calm(pilot)
        await pilot.press("n")
        await calm(pilot)
        await set_field(pilot, "type-search", "missing units")
        for step in ("type", "evidence", "urgency", "review"):
            if step != "type":
                await next_step(pilot)
            check_footer(pilot, f"wizard {step}")


async def test_a_resize_lays_the_footer_out_again(run_app: RunApp, services: Services) -> None:
    populate(services)
    async with run_app(size=(140, 45)) as pilot:
        await pilot.press("enter")
        await calm(pilot)
        wide = check_footer(pilot, "detail at 140")
        assert "c" not in wide and "b" not in wide  # the copy keys are in view at 140
        await pilot.resize_terminal(80, 24)
        await calm(pilot)
        narrow = check_footer(pilot, "detail at 80")
        assert len(narrow) > len(wide) and "c" in narrow
        await pilot.resize_terminal(140, 45)
        await calm(pilot)
        assert check_footer(pilot, "detail at 140 again") == wide


def _column_widths(table: CaseTable) -> dict[str, int]:
    return {str(c.key.value): c.get_render_width(table) for c in table.columns.values()}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_home_table_gives_the_subject_the_room(
    run_app: RunApp, services: Services, size: tuple[int, int]
) -> None:
    populate(services)
    add_case(
        services,
        "Removal order RMV-SZL-2231 arrived with 3 of 12 units damaged and the box crushed",
        case_type="removal-damaged-or-incomplete",
    )
    async with run_app(size=size) as pilot:
        table = pilot.app.screen.query_one(CaseTable)
        widths = _column_widths(table)
        # every column in full view: nothing runs past the edge to be cut there
        assert sum(widths.values()) + 2 <= size[0]
        assert table.virtual_size.width <= table.size.width
        assert widths["subject"] >= 38 and widths["subject"] > widths.get("type", 0)
        assert ("type" in widths) == (size[0] >= 100)
        assert ("updated" in widths) == (size[0] >= 120)
        text = "\n".join(rows(pilot.app))
        # a cut subject ends between words, with an ellipsis
        assert "Removal order RMV-SZL-2231 arrived" in text
        for line in text.splitlines():
            at = line.find("Removal order RMV")
            subject = line[at:] if at >= 0 else ""
            if "…" in subject:
                cut = subject.split("…")[0]
                assert cut.endswith(("arrived", "units", "with", "damaged", "box", "of")), cut
            title = services.type_title("removal-damaged-or-incomplete", "en")
            for cell in line.split("  "):  # the type's title: cut between its words too
                cell = cell.strip()
                if cell.endswith("…") and title.startswith(cell[:-1]):
                    assert title[len(cell) - 1] in " ,", cell


async def test_home_table_follows_a_resize(run_app: RunApp, services: Services) -> None:
    populate(services)
    async with run_app(size=(80, 24)) as pilot:
        table = pilot.app.screen.query_one(CaseTable)
        assert "type" not in _column_widths(table)
        await pilot.resize_terminal(140, 45)
        await calm(pilot)
        assert {"type", "updated"} <= set(_column_widths(table))
        assert table.row_count == 3


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_wizard_choosers_on_one_line_and_filing_in_view(
    run_app: RunApp, size: tuple[int, int]
) -> None:
    async with run_app(size=size, start_case_type="inbound-missing-units") as pilot:
        screen = pilot.app.screen
        market, profile = screen.query_one("#marketplace"), screen.query_one("#profile")
        assert market.region.y == profile.region.y
        assert market.region.height == profile.region.height == 3
        assert in_view(market) and in_view(profile)
        await next_step(pilot)
        await fill(pilot, {"slot-shipment_id": "FBA17XKQ9M2Z", "slot-fnsku": "X003KQ7ZP1"})
        await next_step(pilot)
        await next_step(pilot)
        for wid in ("sc-id", "mark-filed", "save-draft", "copy-subject", "copy-body", "copy-all"):
            assert in_view(screen.query_one(f"#{wid}")), wid


async def test_settings_profile_chooser_keeps_its_border(
    run_app: RunApp, services: Services
) -> None:
    from casewriter.config import Profile

    long = Profile(
        id="lumiere", name="Shenzhen Lumiere Trading Co., Ltd.", default_marketplace="UK"
    )
    services.save_settings(
        services.settings.with_changes(profiles=(long,), default_profile="lumiere")
    )
    for size in ((140, 45), (80, 24)):
        async with run_app(size=size) as pilot:
            await pilot.press("f2")
            await calm(pilot)
            chooser = pilot.app.screen.query_one("#default-profile")
            assert chooser.region.height == 3, size
            text = "\n".join(rows(pilot.app))
            assert "lumiere (Shenzhen Lumiere" in text
