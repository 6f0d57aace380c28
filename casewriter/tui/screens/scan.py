"""The "Scan reports" screen: type report paths (files or folders), scan them in a thread
worker with a progress bar, review the findings in a table (``FindingsTable``: the claim
window's "safe by" date like the CLI) with everything about the highlighted one under it (its
window, why it is too early, what drafting did, its notes one a line, a fee finding's tiers
and charges: ``DetailsPanel``, which ``d`` focuses to scroll), select some (space; a ✔ and bold
marks them) and save a draft case for each ("draft selected", the same path as ``casewriter
scan --draft``; a finding skipped names the case that blocks it; refused with its reason when
the log is read-only; announced with ``cases_changed``). On a terminal shorter than
``COMPACT_BELOW`` rows the form steps aside while the findings are reviewed (``p`` brings it
back), so every line of the details can be read at 80×24 with the findings in view.

Size: ~440 lines, one ``Screen`` whose actions, worker and findings share its state (the work
without widgets is in ``scan_support.py``, the table in ``widgets/findings_table.py``, the
details in ``widgets/finding_details.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, ProgressBar, Select

from casewriter.config import MARKETPLACE_CODES
from casewriter.errors import CasewriterError
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.host import host, log_writable
from casewriter.tui.i18n import local, t, tn
from casewriter.tui.safe import Input, Static
from casewriter.tui.screens.scan_support import (
    draft_findings,
    find_reports,
    money_lines,
    not_read_line,
    nothing_read,
    read_as_of,
    run_scan,
    typed_paths,
)
from casewriter.tui.services import Services
from casewriter.tui.widgets.choice import OneLineSelect
from casewriter.tui.widgets.finding_details import DetailsPanel, details
from casewriter.tui.widgets.findings_table import FindingsTable
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import ButtonBar, FormRow, ScreenTitle

if TYPE_CHECKING:
    from datetime import date

    from casewriter.reports import Finding, ScanResult
    from casewriter.reports.sniff import Sniffed

SCAN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "back", "act.back", "tip.back", "back"),
    ActionSpec("f5", "run_scan", "act.run_scan", "tip.run_scan", "run-scan"),
    ActionSpec("space", "toggle_finding", "act.toggle", "tip.toggle", "toggle-finding"),
    ActionSpec("d", "toggle_details", "act.details", "tip.details", "finding-details"),
    ActionSpec(
        "f6", "select_claimable", "act.select_claimable", "tip.select_claimable", "select-claimable"
    ),
    ActionSpec(
        "f7", "draft_selected", "act.draft_selected", "tip.draft_selected", "draft-selected"
    ),
    ActionSpec("p", "show_form", "act.scan_form", "tip.scan_form", "scan-paths"),
)
COMPACT_BELOW = 30
"""A terminal shorter than this shows the findings without the form while they are reviewed
(the table or the details focused): the details get the room (every line readable at 80×24);
``p`` (or F5 to scan again) brings the form back."""


def _error_of(read: Callable[[str], object], text: str) -> str:
    """The ValueError ``read(text)`` raises, in the UI's language now."""
    try:
        read(text)
    except ValueError as exc:
        return str(exc)
    return ""


class ScanScreen(Screen[None]):
    """Scan downloaded Seller Central reports for claims."""

    DEFAULT_CSS = """
    #scan-form {
        height: auto;
        padding: 0 1;
    }
    #scan-paths {
        width: 1fr;
    }
    #scan-form FormRow #scan-marketplace {
        width: 26;
    }
    #scan-form FormRow #scan-as-of {
        width: 24;
    }
    #scan-progress {
        height: 1;
        padding: 0 1;
    }
    #scan-status {
        height: auto;
        padding: 0 1;
    }
    #scan-money {
        height: auto;
        max-height: 4;
        padding: 0 1;
        text-style: bold;
    }
    #findings {
        height: auto;
        max-height: 35%;
        min-height: 2;
    }
    ScanScreen.-form #findings {
        height: 1fr;
        max-height: 100%;
    }
    ScanScreen.-compact #lbl-files, ScanScreen.-compact #scan-form {
        display: none;
    }
    ScanScreen.-compact #scan-buttons {
        height: 1;
    }
    """

    ACTIONS: ClassVar[tuple[ActionSpec, ...]] = SCAN_ACTIONS
    BINDINGS: ClassVar[list[Any]] = bindings(SCAN_ACTIONS)

    def __init__(self, services: Services, *, paths_text: str = "") -> None:
        super().__init__(id="scan")
        self.services = services
        self.paths_text = paths_text
        self.findings: list[Finding] = []
        self.result: ScanResult | None = None
        self.selected: set[int] = set()
        self.outcomes: dict[int, str] = {}
        """What drafting did with a finding (its row index), in words."""
        self.as_of_note = ""
        """How an ambiguous "as of" date was read (``03/04/2026`` in the UK), said back (a
        ``Said``, shown in the UI's language)."""
        self._saying: Callable[[], str] | None = None
        self._details_row = -1
        """The finding whose details are shown (a new one starts at their top)."""
        """What the status line says, said again in the new language on a language switch."""

    def compose(self) -> ComposeResult:
        yield ScreenTitle(t("scan.title"), id="scan-title")
        with Vertical(id="scan-form"):
            yield Static(t("scan.files"), id="lbl-files")
            with FormRow():
                yield Input(self.paths_text, id="scan-paths")
                yield OneLineSelect(
                    [(t("scan.auto"), "auto")] + [(c, c) for c in MARKETPLACE_CODES],
                    value="auto",
                    allow_blank=False,
                    id="scan-marketplace",
                )
                yield Input("", placeholder=t("scan.as_of"), id="scan-as-of")
        with ButtonBar(id="scan-buttons"):
            yield Button(t("act.run_scan"), id="btn-scan", variant="primary")
            yield Button(t("act.select_claimable"), id="btn-claimable")
            yield Button(t("act.draft_selected"), id="btn-draft", variant="success")
        yield ProgressBar(total=1, id="scan-progress", show_eta=False)
        yield Static("", id="scan-status")
        yield Static("", id="scan-money")
        yield FindingsTable(id="findings")
        with DetailsPanel(id="scan-details-box"):
            yield Static("", id="scan-details")
        yield KeyFooter()

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, SCAN_ACTIONS)
        self.query_one(ProgressBar).display = False
        self.query_one(DetailsPanel).display = False
        self.query_one("#scan-money", Static).display = False  # until a scan has run
        self.query_one("#scan-paths", Input).focus()

    @property
    def table(self) -> FindingsTable:
        return self.query_one(FindingsTable)

    def _fill(self) -> None:
        self.table.show(self.findings, self.selected)
        self._show_details()

    def _show_details(self) -> None:
        box = self.query_one(DetailsPanel)
        row = self.table.cursor_row
        shown = bool(self.findings) and 0 <= row < len(self.findings)
        box.display = shown and not self.has_class("-form")
        if not shown:
            return
        if row != self._details_row:  # another finding: its details from the top
            self._details_row = row
            box.scroll_home(animate=False)
        self.query_one("#scan-details", Static).update(
            details(self.findings[row], self.outcomes.get(row, ""))
        )

    # -- the layout of a short terminal ------------------------------------------------------

    def _reviewing(self) -> bool:
        focused = self.focused
        return bool(self.findings) and (focused is self.table or isinstance(focused, DetailsPanel))

    def _lay_out(self) -> None:
        """On a short terminal, while findings are reviewed, the form, its label and the
        finished progress bar step aside and the buttons go on one line; while the form is
        used, the details step aside for the findings."""
        short, reviewing = self.size.height < COMPACT_BELOW, self._reviewing()
        compact = short and reviewing
        self.set_class(compact, "-compact")
        self.set_class(short and not reviewing, "-form")
        self._show_details()
        for button in self.query(Button):
            button.compact = compact
        bar = self.query_one(ProgressBar)
        if compact and bar.display and bar.percentage == 1:
            bar.display = False

    def on_descendant_focus(self) -> None:
        self._lay_out()

    def on_resize(self) -> None:
        self._lay_out()

    def action_toggle_details(self) -> None:
        """Focus the details (to scroll them), or back to the findings."""
        if not self.findings:
            return
        box = self.query_one(DetailsPanel)
        if box.has_focus:
            self.table.focus()
            return
        self.remove_class("-form")  # from the form on a short terminal: the details come back
        self._show_details()
        box.focus()

    def action_show_form(self) -> None:
        """Bring the form back (a short terminal hides it while findings are reviewed)."""
        self.query_one("#scan-paths", Input).focus()

    @on(DataTable.RowHighlighted, "#findings")
    def _highlighted(self) -> None:
        self._show_details()

    # -- scanning ---------------------------------------------------------------------------

    @on(Input.Submitted, "#scan-paths")
    @on(Input.Submitted, "#scan-as-of")
    @on(Button.Pressed, "#btn-scan")
    def action_run_scan(self) -> None:
        say = self._say
        words = self.query_one("#scan-paths", Input).value
        try:
            paths = typed_paths(words)
        except ValueError:
            say(lambda: _error_of(typed_paths, words))
            return
        if not paths:
            say(lambda: t("scan.no_files"))
            return
        missing = [p for p in paths if not p.exists()]
        if missing:
            say(lambda: t("scan.missing", path=str(missing[0])))
            return
        market = str(self.query_one("#scan-marketplace", Select).value)
        chosen = None if market == "auto" else market
        as_of_text = self.query_one("#scan-as-of", Input).value
        try:  # read as `casewriter scan --as-of` reads it, in the chosen marketplace's order
            parsed = read_as_of(as_of_text, chosen, self.services.settings.default_marketplace)
        except CasewriterError as exc:
            message = exc.message
            say(lambda: local(message))
            return
        self.as_of_note = parsed.note if parsed is not None and parsed.note else ""
        say(lambda: tn("scan.running", len(paths)))
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.scan_worker(paths, None if parsed is None else parsed.value, chosen)

    @work(exclusive=True, thread=True, group="scan")
    def scan_worker(self, paths: list[Path], as_of: date | None, market: str | None) -> None:
        """Find the reports the paths name and scan them, in a thread; the UI is touched only
        through ``call_from_thread``."""

        def progress(done: float, total: float) -> None:
            self.app.call_from_thread(
                self.query_one(ProgressBar).update, total=total, progress=done
            )

        found = find_reports(paths)
        if not found.reports:
            self.app.call_from_thread(self.show_nothing, found)
            return
        try:
            result = run_scan(
                self.services, found.reports, as_of=as_of, marketplace=market, progress=progress
            )
        except CasewriterError as exc:
            message = exc.message
            self.app.call_from_thread(self._say, lambda: local(message))
            return
        self.app.call_from_thread(self.show_result, result, found)

    def show_nothing(self, found: Sniffed) -> None:
        """No report among the paths: why, in one line, the files by name and their reasons
        in a toast (as ``casewriter scan`` says each before its one-line error)."""
        self.query_one(ProgressBar).display = False
        not_read = found.not_read()
        listed = len(not_read) > 1 or bool(found.folders)

        def lines() -> str:
            named = not_read_line(not_read, self.size.width) if listed else []
            return "\n".join([nothing_read(found), *named])

        self._say(lines)
        if listed:
            self._toast_reasons(not_read)

    def _toast_reasons(self, not_read: list[tuple[Path, str]]) -> None:
        reasons = [t("scan.not_read", reason=local(reason)) for _path, reason in not_read[:5]]
        self.notify("\n".join(reasons), severity="warning")

    def show_result(self, result: ScanResult, found: Sniffed) -> None:
        self.result = result
        self.findings = list(result.findings)
        self.selected = set()
        self.outcomes = {}
        self._details_row = -1
        claimable = sum(1 for f in self.findings if f.status == "claimable")
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=1)
        not_read = found.not_read() + [(s.path, s.reason) for s in result.skipped if not s.partial]
        note = self.as_of_note

        def lines() -> str:
            said = [
                t(
                    "scan.done",
                    findings=tn("scan.n_findings", len(self.findings)),
                    claimable=claimable,
                    reports=tn("scan.n_reports", len(result.reports)),
                )
            ]
            if note:  # an ambiguous date, said back as it was read
                said.append(local(note))
            said += [t("scan.partial", reason=local(s.reason))
                     for s in result.skipped if s.partial][:2]  # fmt: skip
            said += not_read_line(not_read, self.size.width)
            said += [local(w) for w in result.warnings][:3]
            return "\n".join(said)

        self._say(lines)
        if not_read:
            self._toast_reasons(not_read)
        self._show_money()
        self._fill()
        if self.findings:
            self.table.focus()

    # -- selection and drafting -------------------------------------------------------------

    def action_toggle_finding(self) -> None:
        if not self.findings:
            return
        self.selected ^= {self.table.cursor_row}
        self._fill()

    @on(DataTable.RowSelected, "#findings")
    def _row_selected(self) -> None:
        self.action_toggle_finding()

    @on(Button.Pressed, "#btn-claimable")
    def action_select_claimable(self) -> None:
        self.selected = {i for i, f in enumerate(self.findings) if f.status == "claimable"}
        self._fill()

    @on(Button.Pressed, "#btn-draft")
    def action_draft_selected(self) -> None:
        if not self.selected or self.result is None:
            self.notify(t("scan.none_selected"), severity="warning")
            return
        if not log_writable(self):
            return
        rows = sorted(self.selected)
        chosen = [self.findings[i] for i in rows]
        try:
            saved, outcomes = draft_findings(self.services, chosen, self.result.as_of)
        except CasewriterError as exc:
            self.notify(local(exc.message), severity="error")
            return
        drafts = tn("scan.n_drafts", len(saved))
        lines = [t("scan.drafted", drafts=drafts, skipped=len(chosen) - len(saved))]
        if saved:
            lines[0] += " " + t("scan.drafted_ids", ids=", ".join(saved))
        for index, what, detail in outcomes:
            row = rows[index]
            name = " ".join(str(v) for v in self.findings[row].ids.values() if v)
            if what == "drafted":
                self.outcomes[row] = t("scan.outcome_drafted", case_id=detail)
            elif what == "skipped":
                self.outcomes[row] = t("scan.outcome_skipped", reason=detail)
                lines.append(t("scan.skipped_line", finding=name, reason=detail))
            else:
                self.outcomes[row] = t("scan.outcome_not_drafted", status=detail)
                lines.append(t("scan.not_drafted_line", finding=name, status=detail))
        message = "\n".join(lines[:4])
        self._say(lambda: message)
        self.notify(message)
        self._show_details()
        host(self).cases_changed.publish("")

    # -- language and navigation ------------------------------------------------------------

    def _say(self, saying: Callable[[], str]) -> None:
        """Show what ``saying`` says on the status line (and again after a language switch)."""
        self._saying = saying
        self.query_one("#scan-status", Static).update(saying())

    def _relabel(self, _lang: str) -> None:
        relabel(self, SCAN_ACTIONS)
        if self._saying is not None:
            self.query_one("#scan-status", Static).update(self._saying())
        self.query_one("#scan-title", Static).update(t("scan.title"))
        self.query_one("#lbl-files", Static).update(t("scan.files"))
        self.query_one("#scan-as-of", Input).placeholder = t("scan.as_of")
        for selector, key in (
            ("#btn-scan", "act.run_scan"),
            ("#btn-claimable", "act.select_claimable"),
            ("#btn-draft", "act.draft_selected"),
        ):
            self.query_one(selector, Button).label = t(key)
        self.table.relabel()
        self._show_details()
        self._show_money()

    def _show_money(self) -> None:
        """The money at stake above the findings (plain text, in the current language)."""
        lines = money_lines(self.result.summary) if self.result is not None else []
        panel = self.query_one("#scan-money", Static)
        panel.update("\n".join(lines))
        panel.display = bool(lines)

    def action_back(self) -> None:
        self.dismiss(None)
