"""The "Scan reports" screen: type report paths (files or folders), scan them in a thread
worker with a progress bar, review the findings in a table, select some (space) and save a
draft case for each ("draft selected", the same path as ``casewriter scan --draft``; refused
with its reason when the log is read-only; announced with ``cases_changed``).

Size: ~310 lines, one ``Screen`` whose actions, worker and findings table share its state (the
work without widgets is already in ``scan_support.py``); the table filling (``_columns``,
``_fill``) could move to a widget.
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import Button, DataTable, ProgressBar, Select

from casewriter.bounds import date_in_range
from casewriter.config import MARKETPLACE_CODES
from casewriter.errors import CasewriterError
from casewriter.tui.bindings import ActionSpec, bindings, relabel
from casewriter.tui.host import host, log_writable
from casewriter.tui.i18n import t, tn
from casewriter.tui.safe import Input, Static, plain
from casewriter.tui.screens.scan_support import (
    draft_findings,
    expand_paths,
    money_lines,
    run_scan,
)
from casewriter.tui.services import Services
from casewriter.tui.text import truncate
from casewriter.tui.widgets.key_footer import KeyFooter
from casewriter.tui.widgets.parts import ButtonBar, FormRow, ScreenTitle

if TYPE_CHECKING:
    from casewriter.reports import Finding, ScanResult

SCAN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("escape", "back", "act.back", "tip.back", "back"),
    ActionSpec("f5", "run_scan", "act.run_scan", "tip.run_scan", "run-scan"),
    ActionSpec("space", "toggle_finding", "act.toggle", "tip.toggle", "toggle-finding"),
    ActionSpec(
        "f6", "select_claimable", "act.select_claimable", "tip.select_claimable", "select-claimable"
    ),
    ActionSpec(
        "f7", "draft_selected", "act.draft_selected", "tip.draft_selected", "draft-selected"
    ),
)
COLUMNS = (
    ("sel", "col.sel"), ("status", "col.status"), ("rule", "col.rule"), ("ids", "col.ids"),
    ("qty", "col.qty"), ("event", "col.event"), ("closes", "col.closes"), ("value", "col.value"),
)  # fmt: skip


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
        height: 1fr;
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

    def compose(self) -> ComposeResult:
        yield ScreenTitle(t("scan.title"), id="scan-title")
        with Vertical(id="scan-form"):
            yield Static(t("scan.files"), id="lbl-files")
            with FormRow():
                yield Input(self.paths_text, id="scan-paths")
                yield Select(
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
        yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        host(self).language_changed.subscribe(self, self._relabel)
        relabel(self, SCAN_ACTIONS)
        self.query_one(ProgressBar).display = False
        self.query_one("#scan-money", Static).display = False  # until a scan has run
        self._columns()
        self.query_one("#scan-paths", Input).focus()

    def _columns(self) -> None:
        table = self.query_one("#findings", DataTable)
        table.clear(columns=True)
        for key, label in COLUMNS:
            table.add_column(t(label), key=key)
        self._fill()

    def _fill(self) -> None:
        table = self.query_one("#findings", DataTable)
        cursor = table.cursor_row
        table.clear()
        for i, f in enumerate(self.findings):
            value = f.to_json().get("estimated_value")
            ids = " ".join(str(v) for v in f.ids.values() if v)
            # Every cell is a Text (plain): a DataTable parses a str cell as markup, which would
            # eat the "[x]" marker and crash on an id like "FBA17XKQ9M2Z[/]" from a report.
            table.add_row(
                _mark(i in self.selected),
                plain(t("scan.status." + f.status), "bold" if f.status == "claimable" else "dim"),
                plain(t("scan.rule." + f.rule)),
                plain(truncate(ids, 34)),
                plain(str(f.quantity)),
                plain(f.event_date.isoformat() if f.event_date else ""),
                plain(f.window.closes.isoformat() if f.window.closes else ""),
                plain(f"{value['amount']} {value['currency']}" if value else ""),
                key=str(i),
            )
        if self.findings:
            table.move_cursor(row=min(cursor, len(self.findings) - 1))

    # -- scanning ---------------------------------------------------------------------------

    @on(Input.Submitted, "#scan-paths")
    @on(Button.Pressed, "#btn-scan")
    def action_run_scan(self) -> None:
        status = self.query_one("#scan-status", Static)
        words = self.query_one("#scan-paths", Input).value
        try:
            paths = expand_paths(shlex.split(words))
        except ValueError as exc:
            status.update(str(exc))
            return
        if not paths:
            status.update(t("scan.no_files"))
            return
        missing = [p for p in paths if not p.exists()]
        if missing:
            status.update(t("scan.missing", path=str(missing[0])))
            return
        as_of_text = self.query_one("#scan-as-of", Input).value.strip()
        try:
            as_of = date.fromisoformat(as_of_text) if as_of_text else None
            if as_of is not None and not date_in_range(as_of):  # 9999-12-31 would overflow
                raise ValueError(as_of_text)
        except ValueError:
            status.update(t("msg.bad_date", text=as_of_text))
            return
        market = str(self.query_one("#scan-marketplace", Select).value)
        status.update(tn("scan.running", len(paths)))
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.scan_worker(paths, as_of, market)

    @work(exclusive=True, thread=True, group="scan")
    def scan_worker(self, paths: list[Path], as_of: date | None, market: str) -> None:
        """Scan in a thread; the UI is touched only through ``call_from_thread``."""

        def progress(done: float, total: float) -> None:
            self.app.call_from_thread(
                self.query_one(ProgressBar).update, total=total, progress=done
            )

        try:
            result = run_scan(
                self.services,
                paths,
                as_of=as_of,
                marketplace=None if market == "auto" else market,
                progress=progress,
            )
        except CasewriterError as exc:
            self.app.call_from_thread(self.query_one("#scan-status", Static).update, exc.message)
            return
        self.app.call_from_thread(self.show_result, result)

    def show_result(self, result: ScanResult) -> None:
        self.result = result
        self.findings = list(result.findings)
        self.selected = set()
        claimable = sum(1 for f in self.findings if f.status == "claimable")
        bar = self.query_one(ProgressBar)
        bar.update(total=1, progress=1)
        lines = [
            t(
                "scan.done",
                findings=tn("scan.n_findings", len(self.findings)),
                claimable=claimable,
                reports=tn("scan.n_reports", len(result.reports)),
            )
        ]
        lines += [t("scan.partial" if s.partial else "scan.not_read", reason=s.reason)
                  for s in result.skipped][:3]  # fmt: skip
        lines += [str(w) for w in getattr(result, "warnings", [])][:3]
        self.query_one("#scan-status", Static).update("\n".join(lines))
        self._show_money()
        self._fill()
        if self.findings:
            self.query_one("#findings", DataTable).focus()

    # -- selection and drafting -------------------------------------------------------------

    def action_toggle_finding(self) -> None:
        table = self.query_one("#findings", DataTable)
        if not self.findings:
            return
        row = table.cursor_row
        self.selected ^= {row}
        table.update_cell_at(Coordinate(row, 0), _mark(row in self.selected))

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
        chosen = [self.findings[i] for i in sorted(self.selected)]
        try:
            saved, skipped = draft_findings(self.services, chosen, self.result.as_of)
        except CasewriterError as exc:
            self.notify(str(exc), severity="error")
            return
        message = t("scan.drafted", drafts=tn("scan.n_drafts", len(saved)), skipped=skipped)
        self.query_one("#scan-status", Static).update(message)
        self.notify(message)
        host(self).cases_changed.publish("")

    # -- language and navigation ------------------------------------------------------------

    def _relabel(self, _lang: str) -> None:
        relabel(self, SCAN_ACTIONS)
        self.query_one("#scan-title", Static).update(t("scan.title"))
        self.query_one("#lbl-files", Static).update(t("scan.files"))
        self.query_one("#scan-as-of", Input).placeholder = t("scan.as_of")
        for selector, key in (
            ("#btn-scan", "act.run_scan"),
            ("#btn-claimable", "act.select_claimable"),
            ("#btn-draft", "act.draft_selected"),
        ):
            self.query_one(selector, Button).label = t(key)
        self._columns()
        self._show_money()

    def _show_money(self) -> None:
        """The money at stake above the findings (plain text, in the current language)."""
        lines = money_lines(self.result.summary) if self.result is not None else []
        panel = self.query_one("#scan-money", Static)
        panel.update("\n".join(lines))
        panel.display = bool(lines)

    def action_back(self) -> None:
        self.dismiss(None)


def _mark(selected: bool) -> Text:
    """The selection box of a finding's row, as text (never markup)."""
    return plain("[x]" if selected else "[ ]")
