"""The home screen: the case log in a lazily paged table, a status filter, search, and the
"needs attention" panel (follow-ups due, claim windows closing, health reviews due) at the top;
one line saying why when the log could only be opened read-only. ``h`` opens the Health review.

Never loads the whole log: it reads ``PAGE`` rows at a time with ``store.list(limit, offset)``
and fetches the next page when the cursor nears the end of what is loaded. Search runs in an
exclusive, debounced worker. Pending autosaves are offered back on start. Reloads when the app
announces a change to the log (``cases_changed``), re-labels itself on ``language_changed``.
"""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable

from casewriter.store import STATUSES
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.host import host
from casewriter.tui.i18n import t, tn
from casewriter.tui.safe import Input, Static
from casewriter.tui.services import Services
from casewriter.tui.widgets.case_table import CaseTable
from casewriter.tui.widgets.due_panel import DuePanel
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import ScreenTitle
from casewriter.tui.widgets.status_filter import StatusFilter

HOME_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("n", "new_case", "act.new", "tip.new", "new-case"),
    ActionSpec("slash", "focus_search", "act.search", "tip.search", "search", key_display="/"),
    ActionSpec("f", "cycle_filter", "act.filter", "tip.filter", "filter"),
    ActionSpec("e", "edit_draft", "act.edit", "tip.edit", "edit-draft"),
    ActionSpec("h", "open_health", "act.health", "tip.health", "open-health"),
    ActionSpec("o", "open_case", "act.open", "tip.open", "open-case", show=False),
    ActionSpec("a", "resume_autosave", "act.resume", "tip.resume", "resume-autosave", show=False),
    ActionSpec("r", "reload", "act.reload", "tip.reload", "reload", show=False),
)

FILTERS: tuple[str, ...] = ("all", *STATUSES)
SEARCH_DEBOUNCE_S = 0.15
SEARCH_LIMIT = 50


def filter_label(value: str) -> str:
    return t("filter.all") if value == "all" else t(f"status.{value}")


class HomeScreen(Screen[None]):
    """The case log."""

    DEFAULT_CSS = """
    #read-only {
        height: 1;
        padding: 0 1;
        color: $warning;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    #home-controls {
        height: 3;
    }
    #search {
        width: 1fr;
    }
    #cases {
        height: 1fr;
    }
    #empty {
        height: 1fr;
        padding: 1 2;
        border: round $accent;
    }
    #count {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = HOME_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(HOME_ACTIONS)

    def __init__(self, services: Services) -> None:
        super().__init__(id="home")
        self.services = services
        self.query_text = ""
        self.results_for: str | None = None
        """The search text whose results the table shows (None: the paged log)."""
        relabel(self, HOME_ACTIONS)  # labels in the UI language before the first compose
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield ScreenTitle(t("home.title"), id="home-title")
        notice = self.services.read_only_notice
        if notice is not None:
            yield Static(t("log.read_only", notice=notice), id="read-only")
        yield DuePanel(self.services, id="due")
        with Horizontal(id="home-controls"):
            yield StatusFilter(FILTERS, filter_label, value="all", id="status-filter")
            yield Input(placeholder=t("search.placeholder"), id="search")
        yield Static(t("home.empty_body"), id="empty", classes="first-run")
        yield CaseTable(self.services, id="cases")
        yield Static("", id="count")
        # The bindings are known now, so the first frame shows them; compact, so home's keys
        # and the app's (settings, scan, language) fit on one line at 100 columns.
        yield KeyFooter(ready=True, compact=True)

    def on_mount(self) -> None:
        app = host(self)
        app.language_changed.subscribe(self, self._relabel)
        app.cases_changed.subscribe(self, self._cases_changed)
        self.query_one(CaseTable).focus()
        self.reload_table()
        # The first frame shows the table; the due panel's query and the autosave check
        # follow it rather than delay it.
        self.call_after_refresh(self.query_one(DuePanel).reload)
        self.call_after_refresh(self._offer_autosaves)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles the whole screen when it is shown. The first time, every widget was
        # styled a moment ago as it mounted: restyling all of them again only delays the first
        # frame (~5 ms). Later resumes (back from another screen) restyle as usual.
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False
        super()._on_screen_resume(event)

    # -- data -------------------------------------------------------------------------------

    @property
    def table(self) -> CaseTable:
        return self.query_one(CaseTable)

    def _cases_changed(self, _case_id: str) -> None:
        self.reload_cases()

    def reload_cases(self) -> None:
        """Reload the due panel and the table."""
        self.query_one(DuePanel).reload()
        self.reload_table()

    def reload_table(self) -> None:
        """Reload the table: the first page, or the search results."""
        if self.query_text:
            self.run_search(self.query_text, debounce=False)
        else:
            self.results_for = None
            self.table.load_first(self._status_filter())
        self._update_count()

    def _status_filter(self) -> str | None:
        value = self.query_one("#status-filter", StatusFilter).value
        return None if value == "all" else value

    def _update_count(self) -> None:
        table = self.table
        empty = table.total == 0 and not self.query_text and self._status_filter() is None
        self.query_one("#empty").display = empty
        table.display = not empty
        if self.query_text:
            text = tn("home.search_count", table.row_count, q=self.query_text)
        elif table.total == 0 and not empty:
            text = t("home.no_match")
        else:
            text = tn("home.count", table.total, shown=table.row_count)
        self.query_one("#count", Static).update(text)

    @on(CaseTable.PageLoaded)
    def _page_loaded(self) -> None:
        self._update_count()

    # -- filter and search ------------------------------------------------------------------

    @on(StatusFilter.Changed, "#status-filter")
    def _filter_changed(self) -> None:
        if self._status_filter() != self.table.status or self.query_text:
            self.reload_table()

    def action_cycle_filter(self) -> None:
        self.query_one("#status-filter", StatusFilter).cycle()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self.query_text:
            self.run_search(self.query_text)
        else:
            self.reload_table()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value.strip()
        if self.query_text:
            # Focus moves to the results together with them: one redraw, not two.
            self.run_search(self.query_text, debounce=False, focus=True)
        else:
            self.table.focus()

    @work(exclusive=True, group="search")
    async def run_search(self, text: str, debounce: bool = True, focus: bool = False) -> None:
        """Search the log (debounced; a newer search cancels this one)."""
        if debounce:
            await asyncio.sleep(SEARCH_DEBOUNCE_S)
        hits = await asyncio.to_thread(self.services.search, text, SEARCH_LIMIT)
        if text != self.query_text:
            return
        status = self._status_filter()
        rows = [h.case for h in hits if status is None or h.case.status == status]
        with self.app.batch_update():
            self.table.show_rows(rows)
            self.results_for = text
            self._update_count()
            if focus:
                self.table.focus()

    # -- actions ----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#cases")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_case(str(event.row_key.value))

    def action_open_case(self) -> None:
        case_id = self.table.selected_id()
        if case_id is None:
            self.notify(t("msg.no_selection"))
        else:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        from casewriter.tui.screens.case_detail import CaseDetailScreen

        self.app.push_screen(CaseDetailScreen(self.services, case_id))

    def action_open_health(self) -> None:
        from casewriter.tui.screens.health import HealthScreen

        self.app.push_screen(HealthScreen(self.services))

    def action_new_case(self) -> None:
        host(self).open_wizard()

    def action_edit_draft(self) -> None:
        case_id = self.table.selected_id()
        if case_id is None:
            self.notify(t("msg.no_selection"))
            return
        case = self.services.store.get(case_id)
        host(self).open_wizard(draft=case.draft, case_id=case.id)

    def action_reload(self) -> None:
        self.reload_cases()

    def action_resume_autosave(self) -> None:
        self._offer_autosaves(explicit=True)

    def _offer_autosaves(self, explicit: bool = False) -> None:
        from casewriter.tui.dialogs.resume import offer_autosaves

        offer_autosaves(self, self.services, explicit=explicit)

    # -- language ---------------------------------------------------------------------------

    def _relabel(self, _lang: str) -> None:
        relabel(self, HOME_ACTIONS)
        self.query_one("#home-title", Static).update(t("home.title"))
        notice = self.services.read_only_notice
        if notice is not None:
            self.query_one("#read-only", Static).update(t("log.read_only", notice=notice))
        self.query_one("#empty", Static).update(t("home.empty_body"))
        self.query_one("#search", Input).placeholder = t("search.placeholder")
        self.query_one("#status-filter", StatusFilter).refresh()
        self.table.relabel()
        self.query_one(DuePanel).reload()
        self._update_count()
