"""The inventory figures' shared parts: a planning figure is its value (the rated ones compared
with their target, ``figures._rated``) or absent with the true reason (no planning report, one
with no row counted, the column it needs missing, or no value in it: ``figures_stock._unread``); the unsellable and researching units of
Manage FBA Inventory are counted, listed and sourced alike (``figures_stock._managed_units``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from casewriter.health.figures import inventory_review
from casewriter.health.inventory_data import InventoryData, Managed, Snapshot
from casewriter.health.targets import Targets
from tests.test_health_planning_paths import WEEKS, _read

PLANNING_FIGURES = {  # key -> (unit, the column whose absence the reason names)
    "sell_through": ("ratio", "sell-through"),
    "excess_share": ("percent", "estimated-excess-quantity"),
    "aged_units": ("units", "inv-age-*"),
    "aged_surcharge_next": ("money", "estimated-ltsf-next-charge"),
    "storage_next_month": ("money", "estimated-storage-cost-next-month"),
}


def _figures(data: InventoryData) -> dict[str, Any]:
    review = inventory_review(data, [], set(), "US", Targets())
    return {f.key: f for f in review.figures}


def test_each_planning_figure_says_why_it_is_absent() -> None:
    from casewriter.health.inventory_data import FileRead
    from casewriter.reports.sniff import sniff

    none = _figures(InventoryData())
    no_rows = InventoryData()  # a planning file read, no row of it counted
    no_rows.files.append(FileRead(sniff(WEEKS[0])))
    unread = _figures(no_rows)
    empty = InventoryData()
    empty.snapshots[date(2026, 11, 9)] = Snapshot(date(2026, 11, 9), "planning.txt")
    blank = _figures(empty)  # every column there, no value in them
    empty.snapshots[date(2026, 11, 9)].missing = {c for _, c in PLANNING_FIGURES.values()}
    lacking = _figures(empty)
    for key, (unit, column) in PLANNING_FIGURES.items():
        assert unread[key].absent is not None and unread[key].absent.en.startswith(
            "the inventory planning report given has no row to compute this from"
        )
        assert blank[key].absent is not None and blank[key].absent.en == (
            f"no SKU of the planning report of 2026-11-09 has a value to compute this from "
            f"({column} empty, or no units available)")  # fmt: skip
        for fig in (none[key], lacking[key], unread[key], blank[key]):
            assert (fig.value, fig.status, fig.source, fig.unit) == (None, "no-data", None, unit)
            assert fig.absent is not None and fig.absent.zh
            rated = key in ("sell_through", "excess_share")
            assert (fig.target is not None) == rated, key
        assert none[key].absent.en.startswith("no inventory planning report given")
        assert none[key].absent.zh.startswith("未提供库存规划报告")
        assert lacking[key].absent.en == (
            f"the planning report of 2026-11-09 has no {column} column: this figure cannot be "
            "computed from it"
        )
        assert lacking[key].absent.zh == f"2026-11-09 的库存规划报告没有 {column} 列，无法计算此项"


def test_the_rated_planning_figures_compare_with_their_targets() -> None:
    figures = _figures(_read(WEEKS))
    for key in ("sell_through", "excess_share"):
        fig = figures[key]
        assert fig.value is not None and fig.target is not None and fig.absent is None
        assert fig.status == ("ok" if fig.target.met(fig.value) else "miss")
        assert fig.source is not None and fig.source.report == "inventory-planning"
        assert fig.how is not None and fig.how.en and fig.how.zh


def test_unsellable_and_researching_units_are_counted_and_listed_alike() -> None:
    data = InventoryData()
    rows = [("A-1", 3, 0), ("B-2", 0, 5), ("C-3", 7, 2), ("D-4", None, 1), ("E-5", 7, None)]
    for sku, unsellable, researching in rows:
        data.managed[sku] = Managed(sku, f"X00{sku}", f"B00{sku}", unsellable, researching,
                                    "manage.txt")  # fmt: skip
    figures = _figures(data)
    for key, column, want in (
        ("unsellable", "afn-unsellable-quantity", [("C-3", 7), ("E-5", 7), ("A-1", 3)]),
        ("researching", "afn-researching-quantity", [("B-2", 5), ("C-3", 2), ("D-4", 1)]),
    ):
        fig = figures[key]
        assert fig.value == Decimal(sum(units for _sku, units in want)) and fig.status == "miss"
        assert [(i.sku, i.units) for i in fig.items] == want and fig.more_items == 0
        assert fig.items[0].fnsku == f"X00{want[0][0]}" and fig.items[0].asin == f"B00{want[0][0]}"
        assert fig.source is not None and fig.source.report == "manage-inventory"
        assert fig.source.path == "manage.txt"
        assert fig.how is not None
        assert (fig.how.en, fig.how.zh) == (f"{column} of Manage FBA Inventory",
                                            f"管理FBA库存报告的 {column}")  # fmt: skip
    for m in data.managed.values():
        m.unsellable = m.researching = 0 if m.unsellable is not None else None
    figures = _figures(data)
    assert figures["unsellable"].value == 0 and figures["unsellable"].status == "ok"
    assert figures["unsellable"].items == []


def _off(key: str, value: str, unit: Any, *, rated: bool, status: Any = "miss") -> Any:
    from casewriter.health.model import Figure, Source, Text

    return Figure(key=key, label=Text(en=key, zh=key), value=Decimal(value), unit=unit,
                  target=Targets().target(key, "US") if rated else None, status=status,
                  source=Source(report="inventory-planning"))  # fmt: skip


def test_figures_off_target_become_actions_through_one_table() -> None:
    """Excess, sell-through, unsellable and researching off target: one action each, its
    title the figure's value (and target) in its unit, in both languages; a rated figure with
    no target, or one on target, none."""
    from casewriter.health.actions_stock import _figure_actions
    from casewriter.health.model import InventoryReview

    def actions(*figures: Any) -> list[Any]:
        inv = InventoryReview(figures=list(figures), trend=[], snapshot=None, read=True)
        return _figure_actions(inv, "US", None)  # type: ignore[arg-type]  # no case drafted

    got = actions(_off("excess_share", "23.5", "percent", rated=True),
                  _off("sell_through", "0.42", "ratio", rated=True),
                  _off("unsellable", "1234", "units", rated=False),
                  _off("researching", "7", "units", rated=False))  # fmt: skip
    assert [(a.key, a.kind, a.figure) for a in got] == [
        ("excess", "excess", "excess_share"), ("sell-through", "sell-through", "sell_through"),
        ("unsellable", "unsellable", "unsellable"), ("researching", "researching", "researching"),
    ]  # fmt: skip
    assert [(a.title.en, a.title.zh) for a in got] == [
        ("Excess inventory 23.5% of available units (rule of thumb: under 10%)",
         "冗余库存占可售件数 23.5%（经验值：低于 10%）"),
        ("Sell-through 0.42 is not above 0.6 (a rule of thumb)", "售出率 0.42 未高于 0.6（经验值）"),
        ("1,234 unsellable unit(s) to remove", "1,234 件不可售库存需移除"),
        ("7 unit(s) under research by Amazon", "7 件库存正在被亚马逊调查"),
    ]  # fmt: skip
    assert [a.where.en for a in got] == ["Inventory → Inventory Planning"] * 2 + [
        "Inventory → Manage FBA Inventory"] * 2  # fmt: skip
    assert all(a.steps.en and a.steps.zh and a.case is None and a.amount is None for a in got)
    assert all(a.source is not None and a.source.report == "inventory-planning" for a in got)
    assert actions(_off("excess_share", "23.5", "percent", rated=False),
                   _off("sell_through", "0.42", "ratio", rated=False),
                   _off("unsellable", "0", "units", rated=False, status="ok"),
                   _off("researching", "3", "units", rated=False, status="info")) == []  # fmt: skip


def test_an_items_notes_are_written_alike_in_text_markdown_and_html() -> None:
    """``text.item_notes``: what every output writes after an item's units (amount, the date to
    act by, detail: those it has), in the review's language; each output writes them joined."""
    from html import escape

    from casewriter.health.html import format_html
    from casewriter.health.markdown import format_markdown, md
    from casewriter.health.model import (
        AccountReview,
        Figure,
        HealthReview,
        InventoryReview,
        Item,
        Text,
    )
    from casewriter.health.text import format_text, item_notes

    full = Item(sku="CP-CLOCK-06", units=3, amount=Decimal("1234.5"), currency="USD",
                deadline=date(2026, 11, 30),
                detail=Text(en="not given: Amazon's fix: relist", zh="未给出原因：亚马逊建议：重新上架"))  # fmt: skip
    bare = Item(fnsku="X00BARE001", units=None)
    assert item_notes(full, "en") == ["1,234.50 USD", "act by 2026-11-30",
                                      "not given: Amazon's fix: relist"]  # fmt: skip
    assert item_notes(full, "zh") == [
        "1,234.50 USD",
        "截止 2026-11-30",
        "未给出原因：亚马逊建议：重新上架",
    ]
    assert item_notes(bare, "en") == []
    fig = Figure(key="stranded", label=Text(en="Stranded", zh="无在售"), value=Decimal(3),
                 status="miss", items=[full, bare])  # fmt: skip
    review = HealthReview(as_of=date(2026, 11, 12), marketplace="US",
                          account=AccountReview(marketplace="US"),
                          inventory=InventoryReview(figures=[fig], read=True))  # fmt: skip
    for lang in ("en", "zh"):
        joined = " · ".join(item_notes(full, lang))
        assert f"      · CP-CLOCK-06: 3 · {joined}\n      · X00BARE001: \n" in format_text(
            review, lang)  # fmt: skip
        markdown = format_markdown(review, lang)
        assert f"- CP-CLOCK-06: {md('3 · ' + joined)}\n- X00BARE001: \n" in markdown
        html = format_html(review, lang)
        assert (f'<td class="num sub">3</td><td class="sub" colspan="2">{escape(joined)}</td>'
                in html)  # fmt: skip
        assert ('· X00BARE001</td><td class="num sub"></td><td class="sub" colspan="2"></td>'
                in html)  # fmt: skip


def test_an_actions_amount_date_and_case_state_are_written_alike_in_every_output() -> None:
    """``text.amount_and_date`` (after an action's title) and ``text.case_state`` (its drafted
    case: ready, or not ready and what to add), each escaped the output's way."""
    from html import escape

    from casewriter.health.html import format_html
    from casewriter.health.markdown import format_markdown, md
    from casewriter.health.model import (
        AccountReview,
        Action,
        CaseProposal,
        HealthReview,
        InventoryReview,
        Text,
    )
    from casewriter.health.text import amount_and_date, case_state, format_text

    def case(ready: bool) -> CaseProposal:
        return CaseProposal(case_type="fba-lost-inventory", title=Text(en="Lost", zh="丢失"),
                            draft={}, ready=ready,
                            missing=[Text(en="the <b>POD</b> *file*", zh="签收证明 <b>"),
                                     Text(en="units", zh="件数")])  # fmt: skip

    paid = Action(key="a", kind="stranded", title=Text(en="Claim", zh="索赔"),
                  steps=Text(en="Do it", zh="去做"), amount=Decimal("69.75"), currency="USD",
                  deadline=date(2026, 12, 1), case=case(False))  # fmt: skip
    plain = Action(key="b", kind="excess", title=Text(en="Plain", zh="普通"),
                   steps=Text(en="Look", zh="看"), case=case(True))  # fmt: skip
    assert amount_and_date(paid.amount, paid.currency, paid.deadline, "en") == [
        "69.75 USD", "act by 2026-12-01"]  # fmt: skip
    assert amount_and_date(None, "", None, "en") == []
    assert case_state(case(True), "en") == "ready to review"
    assert case_state(case(False), "en") == "not ready: add the <b>POD</b> *file*, units"
    assert case_state(case(False), "zh") == "未完成，需补充 签收证明 <b>, 件数"
    assert case_state(case(False), "en", escape) == escape(case_state(case(False), "en"))
    review = HealthReview(as_of=date(2026, 11, 12), marketplace="US",
                          account=AccountReview(marketplace="US"), inventory=InventoryReview(),
                          actions=[paid, plain])  # fmt: skip
    for lang in ("en", "zh"):
        extra = " · ".join(amount_and_date(paid.amount, paid.currency, paid.deadline, lang))
        not_ready, ready = case_state(case(False), lang), case_state(case(True), lang)
        text = format_text(review, lang)
        assert f"  1. {paid.title.get(lang)} · {extra}\n" in text
        assert f"  2. {plain.title.get(lang)}\n" in text
        assert f": fba-lost-inventory ({not_ready})\n" in text
        assert f": fba-lost-inventory ({ready})\n" in text
        markdown = format_markdown(review, lang)
        assert f"1. **{md(paid.title.get(lang))}** · {md(extra)}\n" in markdown
        assert f": fba-lost-inventory ({case_state(case(False), lang, md)})\n" in markdown
        assert "\\<b\\>" in markdown and "<b>" not in markdown
        html = format_html(review, lang)
        assert f"<strong>{escape(paid.title.get(lang))}</strong> · {escape(extra)}" in html
        assert f"— {case_state(case(False), lang, escape)}</div>" in html
        assert f"— {escape(ready)}</div>" in html and "<b>POD" not in html
