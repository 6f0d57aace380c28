"""Step 4: review. Subject, body and OER request in tabs, editable (edits are kept in the state
and saved); the evidence checklist and warnings beside them (duplicate open cases included);
character counts against the configured limits. Copying the text (OSC 52) and saving it to a
file are done here (``copy``, ``save_file``); the buttons post ``Button.Pressed`` up to the
wizard screen, which runs the actions (saving in the case log is the screen's).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, TabbedContent, TabPane

from casewriter.config import Limits
from casewriter.engine import PasteText, RenderedCase
from casewriter.errors import CasewriterError
from casewriter.safetext import escape_controls as shown
from casewriter.tui.i18n import local, t
from casewriter.tui.safe import Input, Label, Static, TextArea
from casewriter.tui.wizard.saving import write_text_file
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps import Edited
from casewriter.tui.wizard.steps.urgency_step import deadline_text

STATUS_MARK = {
    "provided": ("✓", "green"),
    "missing": ("○", "yellow"),
    "invalid": ("✗", "red"),
    "unverified": ("?", "yellow"),
}


def oer_text(rendered: RenderedCase | None) -> str:
    """The OER title and request as one editable text (the paste text's OER part)."""
    if rendered is None or rendered.oer is None:
        return ""
    from casewriter.engine import oer_text as join

    return join(rendered.oer.title, rendered.oer.request)


def checklist_text(rendered: RenderedCase, duplicates: list[str]) -> Text:
    """Ready line, checklist (status, values, reasons), warnings."""
    out = Text()
    if rendered.ready:
        out.append("✓ " + t("wz.rev.ready") + "\n", style="bold green")
    else:
        out.append("✗ " + t("wz.rev.not_ready") + "\n", style="bold red")
    out.append("\n" + t("wz.rev.checklist") + "\n", style="bold")
    for item in rendered.checklist:
        mark, color = STATUS_MARK.get(item.status, ("·", ""))
        label = shown(local(item.label)) + (" *" if item.required else "")
        out.append(f"{mark} ", style=color)
        out.append(f"{label}: {t('wz.rev.status.' + item.status)}\n")
        if item.values:
            out.append(f"    {shown(', '.join(item.values))}\n", style="dim")
        if item.reason:
            out.append(f"    {shown(local(item.reason))}\n", style=color)
    warnings = [*duplicates, *rendered.warnings]
    if warnings:
        out.append("\n" + t("wz.rev.warnings") + "\n", style="bold")
        for warning in warnings:
            out.append(f"! {shown(local(warning))}\n", style="yellow")
    out.append("\n")
    out.append_text(deadline_text(rendered))
    return out


class ReviewStep(Horizontal):
    """Editable texts in tabs + checklist and actions."""

    DEFAULT_CSS = """
    #rev-left {
        width: 3fr;
    }
    #rev-tabs {
        height: 1fr;
    }
    #rev-tabs TabPane {
        padding: 0;
    }
    #rev-body, #rev-oer {
        height: 1fr;
    }
    #rev-counts {
        height: 1;
        padding: 0 1;
        color: $text-muted;
    }
    #rev-actions {
        height: 3;
    }
    #rev-side {
        width: 2fr;
        padding: 0 1;
    }
    #rev-side .action-row {
        height: auto;
    }
    #sc-id {
        width: 1fr;
    }
    """

    def __init__(self, state: WizardState, limits: Limits, default_file: str) -> None:
        super().__init__(id="step-review")
        self.state = state
        self.limits = limits
        self.default_file = default_file
        self.rendered: dict[str, str] = {"subject": "", "body": "", "oer_request": ""}

    def compose(self) -> ComposeResult:
        with Vertical(id="rev-left"):
            with TabbedContent(id="rev-tabs"):
                with TabPane(t("wz.rev.subject"), id="tab-subject"):
                    yield Input(id="rev-subject")
                with TabPane(t("wz.rev.body"), id="tab-body"):
                    yield TextArea(id="rev-body", soft_wrap=True)
                with TabPane(t("wz.rev.oer"), id="tab-oer"):
                    yield TextArea(id="rev-oer", soft_wrap=True)
            yield Static(id="rev-counts")
            with Horizontal(id="rev-actions"):
                yield Button(t("wz.copy"), id="copy")
                yield Button(t("wz.save_file"), id="save-file")
                yield Button(t("wz.save_draft"), id="save-draft", variant="primary")
        with VerticalScroll(id="rev-side"):
            yield Static(id="rev-checklist")
            yield Label(t("wz.rev.sc_id"), id="lbl-sc-id")
            with Horizontal(classes="action-row"):
                yield Input(id="sc-id", placeholder="12345678901")
                yield Button(t("wz.mark_filed"), id="mark-filed", variant="success")
            yield Label(t("wz.rev.file_path"), id="lbl-file-path")
            yield Input(self.default_file, id="file-path")

    def focus_target(self) -> Widget:
        return self.query_one("#save-draft", Button)

    def relabel(self) -> None:
        tabs = self.query_one("#rev-tabs", TabbedContent)
        for pane_id, key in (
            ("tab-subject", "wz.rev.subject"),
            ("tab-body", "wz.rev.body"),
            ("tab-oer", "wz.rev.oer"),
        ):
            tabs.get_tab(pane_id).label = t(key)
        for button_id, key in (
            ("copy", "wz.copy"),
            ("save-file", "wz.save_file"),
            ("save-draft", "wz.save_draft"),
            ("mark-filed", "wz.mark_filed"),
        ):
            self.query_one(f"#{button_id}", Button).label = t(key)
        self.query_one("#lbl-sc-id", Label).update(t("wz.rev.sc_id"))
        self.query_one("#lbl-file-path", Label).update(t("wz.rev.file_path"))

    def show(self, rendered: RenderedCase, duplicates: list[str]) -> None:
        """Fill texts (the user's edits win over the fresh render) and the checklist."""
        # The paste text as shown: controls as visible escapes (what is copied, saved and
        # filed is what the user sees here; the text areas hold it the same way).
        self.rendered = {
            "subject": shown(rendered.subject),
            "body": shown(rendered.body),
            "oer_request": shown(oer_text(rendered)),
        }
        # Setting the widgets posts Changed events; ``_edit`` sees the same text and ignores it.
        self.query_one("#rev-subject", Input).value = self.text("subject")
        self.query_one("#rev-body", TextArea).text = self.text("body")
        oer = self.query_one("#rev-oer", TextArea)
        oer.text = self.text("oer_request")
        oer.disabled = not self.rendered["oer_request"] and "oer_request" not in self.state.edits
        self.query_one("#rev-checklist", Static).update(checklist_text(rendered, duplicates))
        self.update_counts()

    def text(self, key: str) -> str:
        """The current text of ``subject``, ``body`` or ``oer_request`` (edited or rendered)."""
        return self.state.edits.get(key, self.rendered.get(key, ""))

    def texts(self) -> tuple[str, str, str]:
        """Subject, body and OER request as they stand (what is copied, saved and logged)."""
        return self.text("subject"), self.text("body"), self.text("oer_request")

    def paste_text(self) -> PasteText:
        """The texts as they stand (edited or rendered) as the one paste text: what is
        copied, saved to a file and logged."""
        return PasteText(*self.texts())

    def copy(self) -> None:
        """Copy the paste text to the clipboard (OSC 52: best effort, hence "save to file")."""
        self.app.copy_to_clipboard(self.paste_text().text())
        self.notify(t("wz.rev.copied"))

    def save_file(self) -> None:
        """Write the paste text to the file named in the "save to" field."""
        raw = self.query_one("#file-path", Input).value
        try:
            path = write_text_file(raw, self.paste_text().text())
        except CasewriterError as exc:
            self.notify(t("wz.rev.file_error", path=raw, error=exc.message), severity="error")
            return
        self.notify(t("wz.rev.saved_file", path=str(path)))

    def update_counts(self) -> None:
        subject, body = self.text("subject"), self.text("body")
        line = t(
            "wz.rev.counts",
            s=len(subject),
            smax=self.limits.subject_max,
            b=len(body),
            bmax=self.limits.body_max,
        )
        edited = [
            t("wz.rev." + ("subject" if k == "subject" else "body" if k == "body" else "oer"))
            for k in self.state.edits
        ]
        if edited:
            line += f" · {t('wz.rev.edited')}: {', '.join(edited)}"
        over = len(subject) > self.limits.subject_max or len(body) > self.limits.body_max
        self.query_one("#rev-counts", Static).update(Text(line, style="bold red" if over else ""))

    def _edit(self, key: str, value: str) -> None:
        if value == self.rendered.get(key, ""):
            if self.state.edits.pop(key, None) is None:
                return
        elif self.state.edits.get(key) == value:
            return
        else:
            self.state.edits[key] = value
        self.update_counts()
        self.post_message(Edited(key))

    @on(Input.Changed, "#rev-subject")
    def _subject(self, event: Input.Changed) -> None:
        self._edit("subject", event.input.value)

    @on(TextArea.Changed, "#rev-body")
    def _body(self, event: TextArea.Changed) -> None:
        self._edit("body", event.text_area.text)

    @on(TextArea.Changed, "#rev-oer")
    def _oer(self, event: TextArea.Changed) -> None:
        self._edit("oer_request", event.text_area.text)
