"""Item lines in the wizard (issue 12 §3): a multi-item case type's lines are entered on the
evidence step (one product per line with its own quantity, each field checked as typed), shown
in the review (each line's quantity, the computed total, why a bad line blocks filing), saved
in the log, and kept through reopening, the autosave and a language switch; a draft from before
item lines shows the lines the engine reads from it, and a pasted message fills the first line."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from casewriter.tui import autosave
from casewriter.tui.app import CasewriterApp
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import CaseTable
from casewriter.tui.wizard.steps.review_step import ReviewStep
from tests.tui.conftest import RunApp, add_case, calm, fill, next_step, set_field, wizard
from tests.tui.test_hostile_tui import drawn
from tests.tui.test_zh_walk import english_words

LINE_1 = {
    "item-fnsku": "X003KQ7ZP1",
    "item-reference_id": "79315640218731",
    "item-quantity": "4",
    "item-date": "2026-04-20",
    "item-fulfillment_center": "PHX7",
}
LINE_2 = {
    "item-fnsku": "x003kq7zp2",  # normalized to upper case when read
    "item-reference_id": "79315640218732",
    "item-quantity": "3",
    "item-date": "4/22",  # month first on Amazon.com, the year from the as-of date
    "item-fulfillment_center": "PHX7",
}


def text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


def shown_now(pilot: Pilot[Any], where: str) -> str:
    """The screen as drawn now, one line per row."""
    app = pilot.app
    assert isinstance(app, CasewriterApp)
    return drawn(app, where)


def options(screen: Any) -> list[str]:
    olist = screen.query_one("#items-list", OptionList)
    return [str(olist.get_option_at_index(i).prompt) for i in range(olist.option_count)]


async def add_line(pilot: Pilot[Any]) -> None:
    """``a`` on the line list: a new line, its first field focused."""
    pilot.app.screen.query_one("#items-list").focus()
    await calm(pilot)
    await pilot.press("a")
    await calm(pilot)


async def choose_line(pilot: Pilot[Any], n: int) -> None:
    """Highlight line ``n`` (1-based) with the arrow keys."""
    olist = pilot.app.screen.query_one("#items-list", OptionList)
    olist.focus()
    await calm(pilot)
    await pilot.press("home", *["down"] * (n - 1))
    await calm(pilot)


async def two_lines(pilot: Pilot[Any]) -> None:
    """From the type step of warehouse-lost: two lines with their own quantities."""
    await next_step(pilot)
    await fill(pilot, LINE_1)
    await add_line(pilot)
    await fill(pilot, LINE_2)


async def test_two_lines_give_each_quantity_and_the_total(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await two_lines(pilot)
        assert wz.state.items == [
            {k.removeprefix("item-"): v for k, v in LINE_1.items()},
            {k.removeprefix("item-"): v for k, v in LINE_2.items()},
        ]
        # each field checked as typed, by the identifier module and the date reader: a
        # valid value is shown as read in its line (a date read another way is said)
        assert not wz.query_one("#msg-item-fnsku").display
        assert "4/22 → 2026-04-22" in text(wz, "#msg-item-date")
        assert options(wz) == [
            "✓ 1. X003KQ7ZP1 × 4 (Reference ID 79315640218731, 2026-04-20, FC PHX7)",
            "✓ 2. X003KQ7ZP2 × 3 (Reference ID 79315640218732, 2026-04-22, FC PHX7)",
        ]
        assert "2 lines · 7 units in total" in text(wz, "#items-total")
        # the lines carry the FNSKUs and references: those fields say so and are read-only
        assert wz.query_one("#slot-fnsku", TextArea).disabled
        assert "in the item lines: X003KQ7ZP1, x003kq7zp2" in text(wz, "#msg-slot-fnsku")
        await next_step(pilot)
        await next_step(pilot)
        rendered = wz.rendered
        assert rendered is not None and rendered.ready, rendered and rendered.ready_reasons
        body = wz.query_one(ReviewStep).text("body")
        assert "recorded 7 units as lost in fulfillment center PHX7" in body
        assert "- FNSKU X003KQ7ZP1: 4 units (reference 79315640218731, 2026-04-20)" in body
        assert "- FNSKU X003KQ7ZP2: 3 units (reference 79315640218732, 2026-04-22)" in body
        assert "- Ledger date: 2026-04-20 (the earliest)" in body
        assert "7 units in total" in body
        checklist = text(wz, "#rev-checklist")
        assert "1. X003KQ7ZP1 × 4" in checklist and "2. X003KQ7ZP2 × 3" in checklist
        assert "7 units in total" in checklist
        assert rendered.deadline is not None and rendered.deadline.opens.isoformat() == "2026-04-20"
        await pilot.press("ctrl+s")
        await calm(pilot)
        assert pilot.app.screen is not wz
    (case,) = services.store.list()
    logged = services.store.get(case.id)
    assert logged.draft["items"] == [
        {"fnsku": "X003KQ7ZP1", "reference_id": "79315640218731", "quantity": 4,
         "date": "2026-04-20", "fulfillment_center": "PHX7"},
        {"fnsku": "x003kq7zp2", "reference_id": "79315640218732", "quantity": 3,
         "date": "2026-04-22", "fulfillment_center": "PHX7"},
    ]  # fmt: skip
    assert "fnsku" not in logged.draft["evidence"]  # said once: in the lines
    assert ("fnsku", "X003KQ7ZP2") in logged.identifiers
    assert ("reference_id", "79315640218731") in logged.identifiers
    assert logged.draft["facts"] == {}  # the total and the date come from the lines


async def test_an_invalid_fnsku_blocks_ready_naming_its_line_then_removing_it(
    run_app: RunApp,
) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await two_lines(pilot)
        await set_field(pilot, "item-fnsku", "X00BAD")
        assert wz.query_one("#item-fnsku", Input).has_class("-invalid")
        assert text(wz, "#msg-item-fnsku").startswith("✗ X00BAD")
        assert options(wz)[1].startswith("✗ 2. X00BAD × 3")
        await next_step(pilot)
        await next_step(pilot)
        rendered = wz.rendered
        assert rendered is not None and not rendered.ready
        checklist = text(wz, "#rev-checklist")
        assert "item line 2 (X00BAD × 3 (Reference ID 79315640218732" in checklist
        assert "✗ 2. X00BAD × 3" in checklist
        assert "✗ X00BAD: " in checklist  # what is wrong with it, under the line
        await next_step(pilot)  # nothing after the review
        await pilot.press("ctrl+b", "ctrl+b")
        await calm(pilot)
        await choose_line(pilot, 2)
        await pilot.press("d")
        await calm(pilot)
        assert [line["fnsku"] for line in wz.state.items] == ["X003KQ7ZP1"]
        assert options(wz) == [
            "✓ 1. X003KQ7ZP1 × 4 (Reference ID 79315640218731, 2026-04-20, FC PHX7)"
        ]
        assert "1 line · 4 units in total" in text(wz, "#items-total")
        await next_step(pilot)
        await next_step(pilot)
        assert wz.rendered is not None and wz.rendered.ready
        assert "4 unit" in wz.query_one(ReviewStep).text("subject")


async def test_a_total_typed_that_disagrees_is_warned(run_app: RunApp) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await two_lines(pilot)
        await set_field(pilot, "fact-units_lost", "9")
        note = text(wz, "#items-note")
        assert "Units lost (unreconciled) is 9, but the lines add up to 7" in note
        await next_step(pilot)
        await next_step(pilot)
        checklist = text(wz, "#rev-checklist")
        assert "was given as 9, but the item lines add up to 7: the case states 7." in checklist
        assert "units_lost" not in checklist  # never the internal key
        assert "9 unit" not in wz.query_one(ReviewStep).text("body")


async def test_reopening_the_logged_draft_brings_the_lines_back(
    run_app: RunApp, services: Services
) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        await two_lines(pilot)
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("ctrl+s")
        await calm(pilot)
        pilot.app.screen.query_one(CaseTable).focus()  # home: the case just saved
        await calm(pilot)
        await pilot.press("e")  # edit its draft
        await calm(pilot)
        wz = wizard(pilot)
        assert wz.session.case_id is not None
        await pilot.press("ctrl+n")  # type → facts and evidence
        await calm(pilot)
        assert wz.state.step == "evidence"
        assert [line["quantity"] for line in wz.state.items] == ["4", "3"]
        assert wz.state.items[1]["date"] == "2026-04-22"
        assert options(wz)[1].startswith("✓ 2. X003KQ7ZP2 × 3")
        await choose_line(pilot, 2)
        assert wz.query_one("#item-quantity", Input).value == "3"
        await set_field(pilot, "item-quantity", "5")
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("ctrl+s")
        await calm(pilot)
    (case,) = services.store.list()
    assert [i["quantity"] for i in services.store.get(case.id).draft["items"]] == [4, 5]


async def test_the_autosave_keeps_lines_as_typed(run_app: RunApp, services: Services) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await two_lines(pilot)
        await set_field(pilot, "item-quantity", "three")  # does not read: kept as typed
        assert "not a whole number" in text(wz, "#msg-item-quantity")
        await pilot.press("escape", "escape")  # back, then close: the autosave stays
        await calm(pilot)
        (entry,) = autosave.list_pending(services.paths)
        assert "X003KQ7ZP1, x003kq7zp2" in entry.summary  # the resume list names the lines
        await pilot.press("a")  # home: the pending autosave, offered back
        await calm(pilot)
        await pilot.click("#resume")
        await calm(pilot)
        wz = wizard(pilot)
        assert wz.state.step == "type"  # where it was left
        await next_step(pilot)
        assert [line["quantity"] for line in wz.state.items] == ["4", "three"]
        assert wz.state.items[1]["date"] == "4/22"  # as typed, read again as 2026-04-22
        assert options(wz)[1].startswith("✗ 2. X003KQ7ZP2 × three")
        assert wz.query_one("#slot-fnsku", TextArea).disabled
    saved = autosave.load(entry.path)
    assert [i.get("quantity") for i in saved["items"]] == [4, None]  # the draft: what reads


async def test_f4_keeps_every_value_of_the_lines(run_app: RunApp) -> None:
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await two_lines(pilot)
        await add_line(pilot)
        await fill(pilot, {"item-asin": "B0C7QX2M4K", "item-quantity": "2"})  # being typed
        before = [dict(line) for line in wz.state.items]
        for lang in ("zh", "en", "zh"):
            await pilot.press("f4")
            await calm(pilot)
            assert wz.state.items == before, lang
            assert wz.query_one("#item-asin", Input).value == "B0C7QX2M4K"  # the same line
        assert "第 3 行（共 3 行）" in text(wz, "#items-editing")
        assert text(wz, "#items-total") == "3 行 · 合计 9 件"
        assert options(wz)[0].startswith("✓ 1. X003KQ7ZP1 × 4（参考编号 79315640218731")
        await set_field(pilot, "item-quantity", "两")
        assert "不是整数" in text(wz, "#msg-item-quantity")
        await next_step(pilot)
        await next_step(pilot)
        checklist = text(wz, "#rev-checklist")
        assert "商品明细第 3 行（B0C7QX2M4K）无效" in checklist, checklist
        assert "缺少数量" in checklist


async def test_an_old_fnsku_list_shows_the_lines_the_engine_reads(run_app: RunApp) -> None:
    """A draft from before item lines (``fnsku = [...]`` plus a total): the lines without a
    quantity each and the warning; the first change makes them item lines."""
    async with run_app() as pilot:
        pilot.app.open_wizard(  # type: ignore[attr-defined]
            draft={
                "case_type": "warehouse-lost",
                "marketplace": "US",
                "facts": {"units_lost": 7, "ledger_date": "2026-04-20"},
                "evidence": {
                    "fnsku": ["X003KQ7ZP1", "X003KQ7ZP2"],
                    "reference_id": ["79315640218731"],
                },
                "_wizard": {"step": "evidence"},
            }  # fmt: skip
        )
        await calm(pilot)
        wz = wizard(pilot)
        assert options(wz) == ["✓ 1. X003KQ7ZP1", "✓ 2. X003KQ7ZP2"]
        note = text(wz, "#items-note")
        assert "Read from the FNSKU(s) field: 2 lines, without a quantity each" in note
        assert wz.state.items == []  # still the draft's evidence, read as the engine reads it
        await next_step(pilot)
        await next_step(pilot)
        checklist = text(wz, "#rev-checklist")
        assert "2 FNSKUs without a quantity for each" in checklist
        assert wz.rendered is not None
        assert [i.values["quantity"] for i in wz.rendered.items] == [None, None]
        await pilot.press("ctrl+b", "ctrl+b")
        await calm(pilot)
        await choose_line(pilot, 1)
        await set_field(pilot, "item-quantity", "4")
        assert wz.state.items == [{"fnsku": "X003KQ7ZP1", "quantity": "4"},
                                  {"fnsku": "X003KQ7ZP2"}]  # fmt: skip
        assert "fnsku" not in wz.state.evidence or wz.state.evidence["fnsku"] == []
        assert wz.query_one("#slot-fnsku", TextArea).text == ""
        assert wz.state.evidence["reference_id"] == ["79315640218731"]  # not a line's: kept
        assert not wz.query_one("#slot-reference_id", TextArea).disabled
        assert text(wz, "#msg-item-line") == ""  # line 1 has all it needs
        await choose_line(pilot, 2)
        assert text(wz, "#msg-item-line") == "✗ Quantity missing"


async def test_a_pasted_message_fills_the_first_line(run_app: RunApp) -> None:
    message = "货件FBA17XKQ9M2Z少了12件，FNSKU X003KQ7ZP1，UPS单号1Z8F47W20364182601，3月2号签收"
    async with run_app(start_case_type="inbound-missing-units") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await set_field(pilot, "paste", message)
        await pilot.press("f5")
        await calm(pilot)
        assert wz.state.evidence["shipment_id"] == ["FBA17XKQ9M2Z"]
        assert options(wz) == ["✓ 1. X003KQ7ZP1 × 12"]  # the FNSKU with the units missing
        await next_step(pilot)
        await next_step(pilot)
        assert wz.rendered is not None
        assert [(i.values["fnsku"], i.values["quantity"]) for i in wz.rendered.items] == [
            ("X003KQ7ZP1", 12)
        ]
        # once the case has lines of its own, a pasted product goes into a line
        await pilot.press("ctrl+b", "ctrl+b")
        await calm(pilot)
        await add_line(pilot)
        await set_field(pilot, "paste", "还有 FNSKU X003KQ7ZP2 也少了")
        await pilot.press("f5")
        await calm(pilot)
        assert [line.get("fnsku") for line in wz.state.items] == ["X003KQ7ZP1", "X003KQ7ZP2"]
        assert "Item lines ← 2: X003KQ7ZP2" in text(wz, "#extract-result")
        assert wz.state.evidence.get("fnsku", []) == []


async def test_a_logged_case_on_the_same_lines_is_named(
    run_app: RunApp, services: Services
) -> None:
    first = add_case(
        services,
        "Lost X003KQ7ZP1",
        case_type="warehouse-lost",
        identifiers=[("fnsku", "X003KQ7ZP1"), ("reference_id", "79315640218731")],
    )
    async with run_app(start_case_type="warehouse-lost") as pilot:
        wz = wizard(pilot)
        await next_step(pilot)
        await fill(pilot, LINE_1)
        await pilot.pause(0.5)  # the log is asked once typing pauses
        await calm(pilot)
        assert f"{first} (draft) is open for the same problem" in text(wz, "#items-note")


def _items_at_80x24(lang: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Two lines of a warehouse-lost case (the second being edited: a date read the
    marketplace's way, a bad FNSKU), the editor scrolled to the top, in ``lang``."""

    async def before(pilot: Pilot[Any]) -> None:
        await calm(pilot)
        if lang == "zh":
            await pilot.press("f4")
            await calm(pilot)
        await two_lines(pilot)
        await set_field(pilot, "item-fnsku", "X00BAD")
        screen = pilot.app.screen
        screen.set_focus(None)  # no cursor, no scroll animation: a steady picture
        await calm(pilot)
        screen.query_one("#items-editor").scroll_visible(animate=False, top=True)
        await pilot.wait_for_scheduled_animations()
        await calm(pilot)
        shown = shown_now(pilot, f"items {lang}")
        if lang == "zh":
            assert "第 2 行（共 2 行）" in shown and "✗ 2. X00BAD × 3" in shown, shown
            assert "参考编号" in shown and "运营中心" in shown, shown
        else:
            assert "Line 2 of 2" in shown and "✗ 2. X00BAD × 3" in shown, shown
            assert "4/22 → 2026-04-22" in shown, shown

    return before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_snapshot_items_at_80x24(
    snap_compare: Any, app_factory: Callable[..., Any], lang: str
) -> None:
    app = app_factory(start_case_type="warehouse-lost")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_items_at_80x24(lang))


async def test_item_lines_speak_chinese(run_app: RunApp) -> None:
    """Issue 13 §4: the item lines, their total, the disagreeing total and the review's rows
    and warnings in Chinese (no English word outside identifiers and Amazon's names)."""
    async with run_app(size=(100, 40), start_case_type="warehouse-lost") as pilot:
        await pilot.press("f4")
        await calm(pilot)
        wz = wizard(pilot)
        await two_lines(pilot)
        await set_field(pilot, "fact-units_lost", "9")
        wz.query_one("#items-editor").scroll_visible(animate=False, top=True)
        await calm(pilot)
        rows = shown_now(pilot, "items zh").splitlines()
        first = next(n for n, row in enumerate(rows) if "商品明细（商品及数量）" in row)
        last = next(n for n, row in enumerate(rows) if row.strip().startswith("运营中心"))
        shown = "\n".join(rows[first : last + 1])  # the item lines, top to bottom
        assert "第 2 行（共 2 行）" in shown and "2 行 · 合计 7 件" in shown, shown
        assert "丢失数量（未核对）填写为 9，但各行合计为 7" in shown, shown
        assert english_words(shown, ["x003kq7zp2"]) == [], shown
        await next_step(pilot)
        await next_step(pilot)
        rows = shown_now(pilot, "review zh").splitlines()

        def between(start: str, end: str) -> str:
            first = next(n for n, row in enumerate(rows) if start in row)
            last = next(n for n, row in enumerate(rows) if n > first and end in row)
            # the right column (the left one, the subject box, is 60 characters wide here)
            return "\n".join(row[60:] for row in rows[first : last + 1])

        lines = between("商品明细（商品及数量）", "合计 7 件")  # the checklist's item lines
        warnings = between("警告", "期限")
        assert "✓ 2. X003KQ7ZP2 × 3（参考编号" in lines, lines
        assert "丢失数量（未核对）填写为" in warnings and "商品明细合计为 7" in warnings, warnings
        assert english_words(lines + warnings, ["[profile]"]) == [], lines + warnings
