"""Step 1: choose the case type (grouped, filtered as you type in English or Chinese), the
marketplace and the seller profile; the side panel shows where the case is filed in Seller
Central, the claim window for the chosen marketplace (with source and as-of) and the tips.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Select
from textual.widgets.option_list import Option

from casewriter.engine import CaseType, Catalog, DeadlineRule, rank_types, rules_for
from casewriter.marketplaces import MARKETPLACES
from casewriter.safetext import escape_controls as shown
from casewriter.tui.i18n import get_language, t, tn
from casewriter.tui.safe import Input, Label, Static, plain, safe_rich_text
from casewriter.tui.services import Services
from casewriter.tui.widgets.choice import OneLineSelect
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps import Advance, CaseTypeChosen, Edited


def ranked_groups(catalog: Catalog, query: str) -> list[tuple[str, list[CaseType]]]:
    """The case types matching ``query`` by group: the catalog's order for no query; else the
    group of the best match first and the best first inside each group (``rank_types``)."""
    if not query.split():
        return list(catalog.groups().items())
    out: dict[str, list[CaseType]] = {}
    for ct in rank_types(catalog.all(), query):
        out.setdefault(ct.group, []).append(ct)
    return list(out.items())


def rule_lines(rules: list[DeadlineRule]) -> list[str]:
    """One human line per deadline rule: window, clock, source and as-of."""
    lines: list[str] = []
    for r in rules:
        latest = (
            tn("wz.type.months", r.max_months)
            if r.max_months is not None
            else tn("wz.type.days", r.max_days or 0)
        )
        zh = get_language() == "zh"
        clock = r.clock_zh or r.clock if zh else r.clock
        lines.append("• " + t("wz.type.rule", min=r.min_days, max=latest, clock=clock))
        lines.append("  " + t("wz.type.source", source=r.source, as_of=r.as_of.isoformat()))
        if r.note:
            lines.append("  " + (r.note_zh or r.note if zh else r.note))
    return lines


def bulleted(items: list[str]) -> Table:
    """One ``•`` per item, a long item (a Chinese tip has no spaces to break at) wrapping with a
    hanging indent under its own text, not under the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in items:
        grid.add_row(Text("•"), safe_rich_text(Text(item)))
    return grid


class TypeStep(Vertical):
    """Marketplace and profile, then the case type list + details."""

    DEFAULT_CSS = """
    #type-choices {
        height: 3;
        padding: 0 1;
    }
    #type-choices Label {
        padding: 1 1 0 0;
        width: auto;
    }
    #marketplace {
        width: 28;
        margin-right: 2;
    }
    #profile {
        width: 1fr;
        max-width: 48;
    }
    #type-main {
        height: 1fr;
    }
    #type-left {
        width: 1fr;
    }
    #type-list {
        height: 1fr;
    }
    #type-right {
        width: 1fr;
        padding: 0 1;
    }
    #type-info {
        padding: 1 0 0 0;
    }
    """

    def __init__(self, state: WizardState, services: Services, catalog: Catalog) -> None:
        super().__init__(id="step-type")
        self.state = state
        self.services = services
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        # The marketplace and the profile on one line above the list and the details.
        with Horizontal(id="type-choices"):
            yield Label(t("wz.type.marketplace"), id="lbl-marketplace")
            yield OneLineSelect(
                [(f"{m.code} · {m.name}", m.code) for m in MARKETPLACES.values()],
                value=self.state.marketplace if self.state.marketplace in MARKETPLACES else "US",
                allow_blank=False,
                id="marketplace",
            )
            yield Label(t("wz.type.profile"), id="lbl-profile")
            yield OneLineSelect(
                self._profile_options(),
                value=self.state.profile or "",
                allow_blank=False,
                id="profile",
            )
        with Horizontal(id="type-main"):
            with Vertical(id="type-left"):
                yield Input(placeholder=t("wz.type.search"), id="type-search")
                yield OptionList(id="type-list")
            with VerticalScroll(id="type-right"):
                yield Static(id="type-info")

    def _profile_options(self) -> list[tuple[Text, str]]:
        # Text, not str: a Select parses a str option as markup (a profile name is user text).
        profiles = self.services.settings.profiles
        options = [(plain(f"{p.name} ({p.id})"), p.id) for p in profiles]
        if not options or not self.state.profile:
            options.insert(0, (plain(t("wz.type.no_profile")), ""))
        return options

    def on_mount(self) -> None:
        self.fill_list()
        self.show_info()

    def focus_target(self) -> Widget:
        """The case type list once a type is chosen, else the search box."""
        if self.state.case_type:
            return self.query_one("#type-list", OptionList)
        return self.query_one("#type-search", Input)

    def relabel(self) -> None:
        self.query_one("#type-search", Input).placeholder = t("wz.type.search")
        self.query_one("#lbl-marketplace", Label).update(t("wz.type.marketplace"))
        self.query_one("#lbl-profile", Label).update(t("wz.type.profile"))
        self.fill_list()
        self.show_info()

    # ------------------------------------------------------------------ list
    def fill_list(self) -> None:
        query = self.query_one("#type-search", Input).value
        lang = get_language()
        options: list[Option] = []
        for group, found in ranked_groups(self.catalog, query):
            options.append(Option(Text(t(f"group.{group}"), style="bold"), disabled=True))
            for ct in found:
                title = ct.title.get(lang)
                options.append(Option(Text.assemble("  ", plain(title)), id=ct.id))
        if not options:
            options.append(Option(plain(t("wz.type.none")), disabled=True))
        olist = self.query_one("#type-list", OptionList)
        olist.set_options(options)
        wanted = self.state.case_type
        ids = [o.id for o in options if o.id]
        if wanted in ids:
            olist.highlighted = olist.get_option_index(wanted)
        elif ids and query.strip():
            olist.highlighted = olist.get_option_index(ids[0])

    @on(Input.Changed, "#type-search")
    def _search(self) -> None:
        self.fill_list()

    @on(Input.Submitted, "#type-search")
    def _search_done(self) -> None:
        olist = self.query_one("#type-list", OptionList)
        if olist.highlighted_option is not None and olist.highlighted_option.id:
            self._choose(olist.highlighted_option.id)
            self.post_message(Advance())
        else:
            olist.focus()

    @on(OptionList.OptionHighlighted, "#type-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._choose(event.option.id)

    @on(OptionList.OptionSelected, "#type-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._choose(event.option.id)
            self.post_message(Advance())

    def _choose(self, case_type: str) -> None:
        if case_type == self.state.case_type:
            return
        self.state.case_type = case_type
        ct = self.catalog.get(case_type)
        if not ct.oer:
            self.state.oer = False
        self.show_info()
        self.post_message(CaseTypeChosen(case_type))
        self.post_message(Edited("case_type"))

    # ------------------------------------------------------------------ choices
    @on(Select.Changed, "#marketplace")
    def _marketplace(self, event: Select.Changed) -> None:
        value = str(event.value)
        if value != self.state.marketplace and value in MARKETPLACES:
            self.state.marketplace = value
            self.show_info()
            self.post_message(CaseTypeChosen(self.state.case_type))
            self.post_message(Edited("marketplace"))

    @on(Select.Changed, "#profile")
    def _profile(self, event: Select.Changed) -> None:
        value = str(event.value) if isinstance(event.value, str) else ""
        if value != self.state.profile:
            self.state.profile = value
            self.state.inline_profile = {}
            self.post_message(Edited("profile"))

    # ------------------------------------------------------------------ details
    def show_info(self) -> None:
        info = self.query_one("#type-info", Static)
        if not self.state.case_type or self.state.case_type not in self.catalog:
            info.update(t("wz.type.pick"))
            return
        ct = self.catalog.get(self.state.case_type)
        lang = get_language()
        out = Text()
        out.append(shown(ct.title.get(lang)) + "\n", style="bold")
        if ct.summary.get(lang):
            out.append(shown(ct.summary.get(lang)) + "\n")
        out.append("\n" + t("wz.type.filed_at") + "\n", style="bold")
        out.append(shown(ct.filed_at.get(lang)) + "\n")
        market = self.state.marketplace
        out.append("\n" + t("wz.type.window", marketplace=market) + "\n", style="bold")
        lines = rule_lines(rules_for(ct, market))
        out.append(
            shown("\n".join(lines)) + "\n"
            if lines
            else t("wz.type.no_window", marketplace=market) + "\n"
        )
        if ct.oer:
            out.append(t("wz.type.oer") + "\n", style="italic")
        tips = ct.tips.get(lang)
        if not tips:
            info.update(out)
            return
        out.append("\n" + t("wz.type.tips"), style="bold")
        info.update(Group(safe_rich_text(out), bulleted(tips)))
