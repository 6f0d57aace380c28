"""The Health screen: the weekly account review and the monthly inventory health, the same
review as ``casewriter health``, in four tabs — Account (each recorded metric as a trend chart
with its target, alerts below), Inventory (the figures with targets and sources, the
sell-through and excess trend), Actions (ordered by the core: account first, then deadline,
then money; ``Enter`` opens an action's drafted case in the wizard) and Sources.

It opens on the last review run remembered in the log (``health_support.open_review``, in a
worker: the first frame never waits for files), or says how to get one. F5 reads the paths
typed (files or folders; none: the last review's files again) in a thread worker with a
progress bar, and remembers the run in the log like the CLI (``cases_changed`` tells home, whose
due panel then drops "monthly inventory health due").

Opening is quick (issue 15: within 2x the case detail; ``bench/bench_health_tui.py``): the first
frame holds the title, the summary, the form, the tab strip and the Account tab's cards with
their figures — one ``ChartBoard`` widget, each chart's room blank. After that frame come the
charts, the marketplace list (its slot kept the same size), then the other tabs (each pane is
mounted the first time it is drawn), so a tab switch finds them ready. The progress bar and the
empty state are mounted when first needed.

Size: ~400 lines: the four tabs share one review, its worker and the language switch; the
chart boards, tab strip and support functions are already their own modules.
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import OptionList, ProgressBar, Select

from casewriter.config import MARKETPLACE_CODES
from casewriter.errors import CasewriterError
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.host import host
from casewriter.tui.i18n import get_language, local, t, tn
from casewriter.tui.safe import Input, Static
from casewriter.tui.screens.health_support import (
    Opened,
    last_paths,
    open_review,
    read_reports,
    remembered,
)
from casewriter.tui.services import Services
from casewriter.tui.widgets.health_panes import summary_text
from casewriter.tui.widgets.health_switch import TABS, ReviewPanes
from casewriter.tui.widgets.health_tabs import TabStrip
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import FormRow, ScreenTitle

HEALTH_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "back", "act.back", "tip.back", "back"),
    ActionSpec("f5", "read_reports", "act.read_reports", "tip.read_reports", "read-reports"),
    ActionSpec("o", "open_action", "act.open_action", "tip.open_action", "open-action", show=False),
    ActionSpec("1", "tab('account')", "act.tab_account", "tip.tab_account", "tab-account", show=False),
    ActionSpec("2", "tab('inventory')", "act.tab_inventory", "tip.tab_inventory", "tab-inventory",
               show=False),
    ActionSpec("3", "tab('actions')", "act.tab_actions", "tip.tab_actions", "tab-actions", show=False),
    ActionSpec("4", "tab('sources')", "act.tab_sources", "tip.tab_sources", "tab-sources", show=False),
)  # fmt: skip


class HealthScreen(Screen[None]):
    """The health review."""

    DEFAULT_CSS = """
    #health-summary {
        height: auto;
        padding: 0 1;
        color: $text-muted;
    }
    #health-form {
        height: 3;
    }
    #health-paths {
        width: 1fr;
    }
    #health-as-of {
        width: 20;
    }
    #health-marketplace-slot, #health-marketplace {
        width: 26;
        height: 3;
    }
    #health-progress {
        height: 1;
        padding: 0 1;
    }
    #health-status {
        height: auto;
        padding: 0 1;
    }
    #health-empty {
        height: 1fr;
        padding: 1 2;
        border: round $accent;
    }
    """

    AUTO_FOCUS = "#pane-account"
    """Focused as the screen is built: the first frame shows the focus where it stays."""
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = HEALTH_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(HEALTH_ACTIONS)

    def __init__(self, services: Services, *, paths_text: str = "") -> None:
        super().__init__(id="health")
        self.services = services
        self.paths_text = paths_text
        self.opened: Opened | None = None
        self.loaded = False
        """The first opening is over (a review shown, or the empty state)."""

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The review remembered today is taken at once (a small file, kept in memory once
        # read): the first frame shows it. Reading reports again is the worker's, after it.
        try:
            self.opened = remembered(self.services, self.services.now().date())
        except CasewriterError:
            self.opened = None
        opened = self.opened
        yield ScreenTitle(t("health.title"), id="health-title")
        yield Static(
            summary_text(opened.review, opened.origin) if opened else "", id="health-summary"
        )
        with FormRow(id="health-form"):
            yield Input(self.paths_text, placeholder=t("health.paths"), id="health-paths")
            yield Container(id="health-marketplace-slot")  # the Select, after the first frame
            yield Input("", placeholder=t("health.as_of"), id="health-as-of")
        yield Static("", id="health-status")
        yield TabStrip(self._tab_labels(), active="account", id="health-tabs")
        yield ReviewPanes(opened.review if opened else None, get_language(), id="health-panes")
        yield KeyFooter()

    def _tab_labels(self) -> dict[str, str]:
        count = len(self.opened.review.actions) if self.opened else 0
        return {name: t(f"health.tab.{name}", n=count) for name in TABS}

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, HEALTH_ACTIONS)
        self.call_after_refresh(self._after_first_frame)
        if self.opened is not None:
            self.loaded = True
            self.query_one("#health-status", Static).display = False
            return
        self.query_one("#health-paths", Input).focus()
        self.query_one(TabStrip).display = False
        self.query_one("#health-panes").display = False
        self.query_one("#health-status", Static).update(t("health.loading"))
        self.open_worker(self.services.now().date())

    def _after_first_frame(self) -> None:
        """The marketplace list and the charts of the tab shown; after them, the other tabs."""
        slot = self.query_one("#health-marketplace-slot")
        if not slot.children:
            slot.mount(Select(self._market_options(), value="auto", allow_blank=False,
                              id="health-marketplace"))  # fmt: skip
        self._panes().show_charts()
        if self.opened is not None:
            self.call_after_refresh(self._draw_rest)

    @staticmethod
    def _market_options() -> list[tuple[str, str]]:
        """The marketplace list: auto (in the UI language), then every marketplace code."""
        return [(t("scan.auto"), "auto")] + [(c, c) for c in MARKETPLACE_CODES]

    def _panes(self) -> ReviewPanes:
        return self.query_one("#health-panes", ReviewPanes)

    def _progress(self) -> ProgressBar:
        """The progress bar (mounted above the status line the first time it is needed)."""
        try:
            return self.query_one("#health-progress", ProgressBar)
        except NoMatches:
            bar = ProgressBar(total=1, id="health-progress", show_eta=False)
            self.mount(bar, before="#health-status")
            return bar

    def _hide_progress(self) -> None:
        for bar in self.query("#health-progress").results(ProgressBar):
            bar.display = False

    def _show_empty(self, empty: bool) -> None:
        """The empty state (how to get a review), mounted the first time it is shown."""
        try:
            self.query_one("#health-empty", Static).display = empty
        except NoMatches:
            if empty:
                self.mount(Static(t("health.empty"), id="health-empty"), after="#health-status")

    def _market(self) -> str | None:
        """The marketplace chosen (None: auto, also before the list is mounted)."""
        chosen = next(iter(self.query("#health-marketplace").results(Select)), None)
        value = str(chosen.value) if chosen is not None else "auto"
        return None if value == "auto" else value

    # -- opening and reading ----------------------------------------------------------------

    @work(exclusive=True, thread=True, group="health")
    def open_worker(self, as_of: date) -> None:
        try:
            opened = open_review(self.services, as_of)
        except CasewriterError as exc:
            self.app.call_from_thread(self._failed, local(exc.message))
            return
        self.app.call_from_thread(self.call_later, self.show, opened)

    def _say(self, message: str) -> None:
        """Show ``message`` on the status line (shown again if a review had hidden it)."""
        status = self.query_one("#health-status", Static)
        status.update(message)
        status.display = bool(message.strip())

    def _failed(self, message: str) -> None:
        self.loaded = True
        self._hide_progress()
        self._say(t("health.failed", error=message))

    def _as_of(self) -> date | None:
        """The as-of date typed (today when empty), read as ``casewriter health --as-of`` reads
        it: ISO, or the marketplace's own form with the year (``12/01/2026`` in the US,
        ``01.12.2026`` in Germany; the marketplace chosen, else the default one); None (with
        the reason shown) if it is not a date."""
        from casewriter.dates import parse_as_of
        from casewriter.marketplaces import get

        text = self.query_one("#health-as-of", Input).value.strip()
        if not text:
            return self.services.now().date()
        code = self._market() or self.services.settings.default_marketplace or "US"
        try:
            return parse_as_of(text, get(code))
        except CasewriterError:
            self._say(t("health.bad_as_of", text=text, mp=code))
            return None

    @on(Input.Submitted, "#health-paths")
    @on(Input.Submitted, "#health-as-of")
    def action_read_reports(self) -> None:
        try:
            words = shlex.split(self.query_one("#health-paths", Input).value)
        except ValueError as exc:
            self._say(local(exc))
            return
        paths = [Path(w).expanduser().resolve() for w in words] or last_paths(self.services)
        if not paths:
            self._say(t("health.no_paths"))
            return
        missing = [p for p in paths if not p.exists()]
        if words and missing:
            self._say(t("scan.missing", path=str(missing[0])))
            return
        as_of = self._as_of()
        if as_of is None:
            return
        self._say(tn("health.reading", len(paths)))
        bar = self._progress()
        bar.display = True
        bar.update(total=None, progress=0)
        self.read_worker(paths, as_of, self._market())

    @work(exclusive=True, thread=True, group="health")
    def read_worker(self, paths: list[Path], as_of: date, market: str | None) -> None:
        """Read in a thread; the UI is touched only through ``call_from_thread``."""
        sizes = {str(p): max(1, p.stat().st_size) for p in paths if p.is_file()}
        total = float(sum(sizes.values())) or 1.0
        done: dict[str, float] = {}

        def progress(path: Path, read: int, _size: int) -> None:
            done[str(path)] = float(read)
            got = min(total, sum(done.values())) if sizes else None
            self.app.call_from_thread(self._progress().update, total=total if sizes else None,
                                      progress=got or 0)  # fmt: skip

        try:
            opened = read_reports(self.services, paths, as_of=as_of, marketplace=market,
                                  progress=progress)  # fmt: skip
        except CasewriterError as exc:
            self.app.call_from_thread(self._failed, local(exc.message))
            return
        self.app.call_from_thread(self.call_later, self.show, opened)
        if opened.recorded:
            self.app.call_from_thread(host(self).cases_changed.publish, "")

    # -- drawing ----------------------------------------------------------------------------

    async def show(self, opened: Opened | None) -> None:
        """Draw ``opened`` (None: the empty state), keeping the tab and the action selected."""
        self.loaded = True
        self.opened = opened
        self._hide_progress()
        if opened is not None and opened.origin == "read":
            review = opened.review
            read = sum(1 for s in review.sources if s.status in ("read", "partial"))
            done = t("health.done", files=tn("health.n_files_read", read),
                     actions=tn("health.summary.actions", len(review.actions)))  # fmt: skip
            self._say(done if opened.recorded
                      else t("health.not_recorded",
                             notice=self.services.read_only_notice or ""))  # fmt: skip
        else:
            self._say("")
        self._show_empty(opened is None)
        strip = self.query_one(TabStrip)
        strip.display = opened is not None
        self._panes().display = opened is not None
        await self._draw()
        if opened is None:
            self.query_one("#health-paths", Input).focus()
        elif self.focused is None or self.focused is self.query_one("#health-paths"):
            self._focus_pane(strip.active)

    async def _draw(self) -> None:
        """Draw the summary and the tab shown now; its charts and the other tabs after that
        frame (or as soon as one is shown), so drawing costs one tab's widgets, not four."""
        opened = self.opened
        strip = self.query_one(TabStrip)
        strip.set_label("actions", self._tab_labels()["actions"])
        self._panes().forget()
        if opened is None:
            self.query_one("#health-summary", Static).update("")
            return
        self.query_one("#health-summary", Static).update(summary_text(opened.review, opened.origin))
        await self._draw_pane(strip.active)
        self.call_after_refresh(self._after_first_frame)

    async def _draw_rest(self) -> None:
        for name in TABS:
            await self._draw_pane(name)

    async def _draw_pane(self, name: str) -> None:
        if self.opened is not None:
            await self._panes().draw(name, self.opened.review, get_language())

    # -- actions ----------------------------------------------------------------------------

    def _focus_pane(self, name: str) -> None:
        self._panes().pane(name).focus()

    async def _switch(self, name: str) -> None:
        """Show tab ``name`` (drawn first if it is not yet)."""
        if self.opened is not None:
            self.query_one(TabStrip).show(name)
            await self._panes().show(name, self.opened.review, get_language())

    async def action_tab(self, name: str) -> None:
        if name in TABS and self.opened is not None:
            await self._switch(name)
            self._focus_pane(name)

    @on(TabStrip.Changed, "#health-tabs")
    async def _tab_chosen(self, event: TabStrip.Changed) -> None:
        await self._switch(event.name)

    @on(OptionList.OptionSelected, "#health-actions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.open_case(event.option_index)

    def action_open_action(self) -> None:
        listed = next(iter(self.query("#health-actions").results(OptionList)), None)
        index = listed.highlighted if listed is not None else None
        if self.opened is None or index is None or not self.opened.review.actions:
            self.notify(t("health.no_action"))
            return
        self.open_case(index)

    def open_case(self, index: int) -> None:
        """Open the drafted case of action ``index`` in the wizard, its facts filled."""
        if self.opened is None or not 0 <= index < len(self.opened.review.actions):
            return
        action = self.opened.review.actions[index]
        if action.case is None:
            where = action.where.get(get_language()) if action.where else ""
            self.notify(t("health.no_case", where=where))
            return
        # On the evidence step: the case type is chosen, its facts and ids are what to check.
        host(self).open_wizard(draft={**action.case.draft, "_wizard": {"step": "evidence"}})

    # -- language and navigation ------------------------------------------------------------

    def _relabel(self, _lang: str) -> None:
        relabel(self, HEALTH_ACTIONS)
        self.query_one("#health-title", Static).update(t("health.title"))
        self.query_one("#health-paths", Input).placeholder = t("health.paths")
        self.query_one("#health-as-of", Input).placeholder = t("health.as_of")
        for market in self.query("#health-marketplace").results(Select):
            chosen = market.value  # set_options picks the first option: the choice is kept
            market.set_options(self._market_options())
            if market.value == chosen:  # unchanged: the label shown is redrawn all the same
                market.mutate_reactive(Select.value)  # type: ignore[misc]  # Select is generic
            else:
                market.value = chosen
        for empty in self.query("#health-empty").results(Static):
            empty.update(t("health.empty"))
        strip = self.query_one(TabStrip)
        for name, label in self._tab_labels().items():
            strip.set_label(name, label)
        if self.loaded:
            self.call_later(self._draw)

    def action_back(self) -> None:
        self.dismiss(None)
