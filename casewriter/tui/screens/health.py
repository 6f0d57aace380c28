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
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, ProgressBar, Select, TabbedContent, TabPane
from textual.widgets.option_list import Option

from casewriter.bounds import date_in_range
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
from casewriter.tui.widgets.health_panes import account_cards, inventory_cards, summary_text
from casewriter.tui.widgets.health_view import action_text, figure_text, sources_text
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
TABS = ("account", "inventory", "actions", "sources")


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
    #health-marketplace {
        width: 26;
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
    #health-tabs {
        height: 1fr;
    }
    #health-tabs TabPane {
        padding: 0;
    }
    .health-pane {
        height: 1fr;
        padding: 0 1;
    }
    .health-pane Static {
        height: auto;
    }
    .figure {
        margin-bottom: 1;
    }
    #health-actions {
        height: 1fr;
        border: none;
    }
    """

    AUTO_FOCUS = None
    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = HEALTH_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(HEALTH_ACTIONS)

    def __init__(self, services: Services, *, paths_text: str = "") -> None:
        super().__init__(id="health")
        self.services = services
        self.paths_text = paths_text
        self.opened: Opened | None = None
        self.loaded = False
        """The first opening is over (a review shown, or the empty state)."""
        self._drawn: set[str] = set()
        """The tabs drawn for the review and language shown."""

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The review remembered today is taken at once (a small file): the first frame shows
        # it. Anything else (reading reports again) is the worker's, after the first frame.
        try:
            self.opened = remembered(self.services, self.services.now().date())
        except CasewriterError:
            self.opened = None
        opened = self.opened
        lang = get_language()
        yield ScreenTitle(t("health.title"), id="health-title")
        yield Static(
            summary_text(opened.review, opened.origin) if opened else "", id="health-summary"
        )
        with FormRow(id="health-form"):
            yield Input(self.paths_text, placeholder=t("health.paths"), id="health-paths")
            yield Select(
                [(t("scan.auto"), "auto")] + [(c, c) for c in MARKETPLACE_CODES],
                value="auto", allow_blank=False, id="health-marketplace",
            )  # fmt: skip
            yield Input("", placeholder=t("health.as_of"), id="health-as-of")
        yield ProgressBar(total=1, id="health-progress", show_eta=False)
        yield Static("", id="health-status")
        yield Static(t("health.empty"), id="health-empty")
        with TabbedContent(id="health-tabs", initial="account"):
            with TabPane(t("health.tab.account"), id="account"):
                cards = (
                    account_cards(opened.review, lang, self.app.size.width - 2) if opened else []
                )
                yield VerticalScroll(*cards, id="pane-account", classes="health-pane")
            with TabPane(t("health.tab.inventory"), id="inventory"):
                yield VerticalScroll(id="pane-inventory", classes="health-pane")
            count = len(opened.review.actions) if opened else 0
            with TabPane(t("health.tab.actions", n=count), id="actions"):
                yield OptionList(id="health-actions")
            with TabPane(t("health.tab.sources"), id="sources"):
                with VerticalScroll(id="pane-sources", classes="health-pane"):
                    yield Static("", id="health-sources")
        yield KeyFooter()

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, HEALTH_ACTIONS)
        self.query_one(ProgressBar).display = False
        self.query_one("#health-empty").display = False
        if self.opened is not None:
            self.loaded = True
            self._drawn = {"account"}
            self.query_one("#health-status", Static).display = False
            self._focus_pane("account")
            self.call_after_refresh(self._draw_rest)
            return
        self.query_one("#health-tabs").display = False
        self.query_one("#health-status", Static).update(t("health.loading"))
        self.open_worker(self.services.now().date())

    # -- opening and reading ----------------------------------------------------------------

    @work(exclusive=True, thread=True, group="health")
    def open_worker(self, as_of: date) -> None:
        try:
            opened = open_review(self.services, as_of)
        except CasewriterError as exc:
            self.app.call_from_thread(self._failed, local(exc.message))
            return
        self.app.call_from_thread(self.call_later, self.show, opened)

    def _failed(self, message: str) -> None:
        self.loaded = True
        self.query_one(ProgressBar).display = False
        self.query_one("#health-status", Static).update(t("health.failed", error=message))

    def _as_of(self) -> date | None:
        """The as-of date typed (today when empty); None (with the reason shown) if not a date."""
        text = self.query_one("#health-as-of", Input).value.strip()
        try:
            day = date.fromisoformat(text) if text else self.services.now().date()
            if not date_in_range(day):
                raise ValueError(text)
        except ValueError:
            self.query_one("#health-status", Static).update(t("msg.bad_date", text=text))
            return None
        return day

    @on(Input.Submitted, "#health-paths")
    @on(Input.Submitted, "#health-as-of")
    def action_read_reports(self) -> None:
        status = self.query_one("#health-status", Static)
        try:
            words = shlex.split(self.query_one("#health-paths", Input).value)
        except ValueError as exc:
            status.update(local(exc))
            return
        paths = [Path(w).expanduser().resolve() for w in words] or last_paths(self.services)
        if not paths:
            status.update(t("health.no_paths"))
            return
        missing = [p for p in paths if not p.exists()]
        if words and missing:
            status.update(t("scan.missing", path=str(missing[0])))
            return
        as_of = self._as_of()
        if as_of is None:
            return
        market = str(self.query_one("#health-marketplace", Select).value)
        status.update(tn("health.reading", len(paths)))
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.read_worker(paths, as_of, None if market == "auto" else market)

    @work(exclusive=True, thread=True, group="health")
    def read_worker(self, paths: list[Path], as_of: date, market: str | None) -> None:
        """Read in a thread; the UI is touched only through ``call_from_thread``."""
        sizes = {str(p): max(1, p.stat().st_size) for p in paths if p.is_file()}
        total = float(sum(sizes.values())) or 1.0
        done: dict[str, float] = {}

        def progress(path: Path, read: int, _size: int) -> None:
            done[str(path)] = float(read)
            got = min(total, sum(done.values())) if sizes else None
            self.app.call_from_thread(self.query_one(ProgressBar).update, total=total if sizes
                                      else None, progress=got or 0)  # fmt: skip

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
        self.query_one(ProgressBar).display = False
        status = self.query_one("#health-status", Static)
        if opened is not None and opened.origin == "read":
            review = opened.review
            read = sum(1 for s in review.sources if s.status in ("read", "partial"))
            done = t("health.done", files=tn("health.n_files_read", read),
                     actions=tn("health.summary.actions", len(review.actions)))  # fmt: skip
            status.update(done if opened.recorded
                          else t("health.not_recorded",
                                 notice=self.services.read_only_notice or ""))  # fmt: skip
        else:
            status.update("")
        status.display = bool(str(status.render()).strip())
        self.query_one("#health-empty").display = opened is None
        tabs = self.query_one("#health-tabs", TabbedContent)
        tabs.display = opened is not None
        await self._draw()
        if opened is None:
            self.query_one("#health-paths", Input).focus()
        elif self.focused is None or self.focused is self.query_one("#health-paths"):
            self._focus_pane(tabs.active)

    async def _draw(self) -> None:
        """Draw the summary and the tab shown now; the other tabs right after that frame (or
        as soon as one is shown), so opening costs one tab's widgets, not four."""
        opened = self.opened
        tabs = self.query_one("#health-tabs", TabbedContent)
        tabs.get_tab("actions").label = t("health.tab.actions",
                                          n=len(opened.review.actions) if opened else 0)  # fmt: skip
        self._drawn = set()
        if opened is None:
            self.query_one("#health-summary", Static).update("")
            return
        self.query_one("#health-summary", Static).update(summary_text(opened.review, opened.origin))
        await self._draw_pane(tabs.active or "account")
        self.call_after_refresh(self._draw_rest)

    async def _draw_rest(self) -> None:
        for name in TABS:
            await self._draw_pane(name)

    @on(TabbedContent.TabActivated, "#health-tabs")
    async def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        await self._draw_pane(str(event.pane.id))

    async def _draw_pane(self, name: str) -> None:
        """Fill one tab from the review, once per review and language."""
        if self.opened is None or name in self._drawn:
            return
        self._drawn.add(name)
        review, lang = self.opened.review, get_language()
        if name in ("account", "inventory"):
            pane = self.query_one(f"#pane-{name}", VerticalScroll)
            width = max(1, (pane.size.width or self.size.width) - 2)
            widgets = (account_cards(review, lang, width) if name == "account"
                       else [*inventory_cards(review, lang, width)]
                       + [Static(figure_text(f, lang), classes="figure")
                          for f in review.inventory.figures])  # fmt: skip
            with self.app.batch_update():
                await pane.remove_children()
                await pane.mount_all(widgets)
        elif name == "actions":
            actions = self.query_one("#health-actions", OptionList)
            highlighted = actions.highlighted
            actions.clear_options()
            if review.actions:
                actions.add_options([Option(action_text(n, a, lang), id=a.key)
                                     for n, a in enumerate(review.actions, 1)])  # fmt: skip
                actions.highlighted = min(highlighted or 0, len(review.actions) - 1)
            else:
                actions.add_option(Option(Text(t("health.actions.none")), disabled=True))
        else:
            self.query_one("#health-sources", Static).update(sources_text(review, lang))

    # -- actions ----------------------------------------------------------------------------

    def _focus_pane(self, name: str) -> None:
        self.query_one("#health-actions" if name == "actions" else f"#pane-{name}").focus()

    def action_tab(self, name: str) -> None:
        if name in TABS and self.opened is not None:
            self.query_one("#health-tabs", TabbedContent).active = name
            self._focus_pane(name)

    @on(OptionList.OptionSelected, "#health-actions")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.open_case(event.option_index)

    def action_open_action(self) -> None:
        index = self.query_one("#health-actions", OptionList).highlighted
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
        self.query_one("#health-empty", Static).update(t("health.empty"))
        tabs = self.query_one("#health-tabs", TabbedContent)
        for name in ("account", "inventory", "sources"):
            tabs.get_tab(name).label = t(f"health.tab.{name}")
        if self.loaded:
            self.call_later(self._draw)

    def action_back(self) -> None:
        self.dismiss(None)
