"""Step 4: review. Subject, body and OER request in tabs, editable (edits are kept in the state
and saved; the OER tab only for a case type that has one); beside them why it is not ready
(each reason in the UI's words, ``readiness.py``), the evidence checklist and warnings (cases
on the same problem included), with the filing controls (Seller Central case ID,
Mark filed) and Save draft always in view under them; character counts against the configured
limits. Copying the text (OSC 52: the subject, the body, the OER request or all of it) and
saving it to a file are done here (``copy``, ``save_file``); the other buttons post
``Button.Pressed`` up to the wizard screen, which runs those actions (saving in the case log is
the screen's).

Size: ~350 lines, ~80 of them its layout (``DEFAULT_CSS``); the texts, the copy and file
actions and the checklist all read the same edits of the state.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, TabbedContent, TabPane

from casewriter.config import Limits
from casewriter.engine import CaseType, PasteText, RenderedCase
from casewriter.errors import CasewriterError
from casewriter.safetext import escape_controls as shown
from casewriter.tui.i18n import local, t
from casewriter.tui.safe import Input, Label, Static, TextArea, copy_text
from casewriter.tui.wizard.item_checks import review_rows
from casewriter.tui.wizard.readiness import app_warnings, reason_lines
from casewriter.tui.wizard.saving import write_text_file
from casewriter.tui.wizard.state import WizardState
from casewriter.tui.wizard.steps import Edited
from casewriter.tui.wizard.steps.urgency_step import deadline_text

COPY_BUTTONS = (
    ("copy-subject", "wz.copy_subject_button"),
    ("copy-body", "wz.copy_body_button"),
    ("copy-oer", "wz.copy_oer_button"),
    ("copy-all", "wz.copy_all_button"),
)
"""The copy buttons (compact, one line) and their labels, which name their keys."""

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


def checklist_text(
    rendered: RenderedCase,
    notes: list[str],
    warnings: list[str],
    reasons: list[str],
    item_rows: Sequence[tuple[str, str]] = (),
) -> Text:
    """Ready, or why not (``reasons``, in the app's words); the checklist (status, values,
    reasons; the item lines as ``item_rows``: each line, its problems, the total); ``notes``
    (the log's error) and ``warnings``; the deadline."""
    out = Text()
    if rendered.ready:
        out.append("✓ " + t("wz.rev.ready") + "\n", style="bold green")
    else:
        out.append("✗ " + t("ready.title") + "\n", style="bold red")
        for reason in reasons or [t("wz.rev.not_ready")]:
            out.append(f"• {shown(reason)}\n", style="red")
        out.append(t("wz.rev.save_anyway") + "\n", style="dim")
    out.append("\n" + t("wz.rev.checklist") + "\n", style="bold")
    for item in rendered.checklist:
        mark, color = STATUS_MARK.get(item.status, ("·", ""))
        label = shown(local(item.label)) + (" *" if item.required else "")
        out.append(f"{mark} ", style=color)
        out.append(f"{label}: {t('wz.rev.status.' + item.status)}\n")
        if item.slot == "items" and item_rows:
            for row, style in item_rows:
                out.append(f"    {shown(row)}\n", style=style)
            if item.reason and not any(i.status == "invalid" for i in rendered.items):
                out.append(f"    {shown(local(item.reason))}\n", style=color)  # too few lines
            continue
        if item.values:
            out.append(f"    {shown(', '.join(local(v) for v in item.values))}\n", style="dim")
        if item.reason:
            out.append(f"    {shown(local(item.reason))}\n", style=color)
    shown_warnings = [*notes, *warnings]
    if shown_warnings:
        out.append("\n" + t("wz.rev.warnings") + "\n", style="bold")
        for warning in shown_warnings:
            out.append(f"! {shown(warning)}\n", style="yellow")
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
    #rev-copy {
        height: 1;
        padding: 0 1;
    }
    #rev-copy Button {
        margin-right: 1;
        min-width: 0;
        width: auto;
    }
    #mark-filed, #save-file, #save-draft {
        min-width: 12;
        width: auto;
    }
    #lbl-copy {
        width: auto;
        padding-right: 1;
        color: $text-muted;
    }
    #rev-file, #rev-filing, #rev-save {
        height: 3;
    }
    #file-path, #sc-id {
        width: 1fr;
    }
    #rev-right {
        width: 2fr;
    }
    #rev-side {
        height: 1fr;
        padding: 0 1;
    }
    #rev-save {
        align-horizontal: right;
    }
    """

    def __init__(self, state: WizardState, limits: Limits, default_file: str) -> None:
        super().__init__(id="step-review")
        self.state = state
        self.limits = limits
        self.default_file = default_file
        self.rendered: dict[str, str] = {"subject": "", "body": "", "oer_request": ""}
        self.has_oer = True
        """Whether the case type has an OER request at all (else its tab is hidden)."""

    def compose(self) -> ComposeResult:
        # Left: the texts and the ways out of the app (copy, a file). Right: why the case is
        # (not) ready, then filing and saving, always in view under it (the checklist scrolls).
        with Vertical(id="rev-left"):
            with TabbedContent(id="rev-tabs"):
                with TabPane(t("wz.rev.subject"), id="tab-subject"):
                    yield Input(id="rev-subject")
                with TabPane(t("wz.rev.body"), id="tab-body"):
                    yield TextArea(id="rev-body", soft_wrap=True)
                with TabPane(t("wz.rev.oer"), id="tab-oer"):
                    yield TextArea(id="rev-oer", soft_wrap=True)
            yield Static(id="rev-counts")
            with Horizontal(id="rev-copy"):
                yield Label(t("wz.rev.copy"), id="lbl-copy")
                for button_id, key in COPY_BUTTONS:
                    yield Button(t(key), id=button_id, compact=True)
            with Horizontal(id="rev-file"):
                yield Input(self.default_file, id="file-path", tooltip=t("wz.rev.file_path"))
                yield Button(t("wz.save_file"), id="save-file")
        with Vertical(id="rev-right"):
            with VerticalScroll(id="rev-side"):
                yield Static(id="rev-checklist")
            with Horizontal(id="rev-filing"):
                yield Input(
                    id="sc-id", placeholder=t("wz.rev.sc_id"), tooltip=t("wz.rev.sc_id_tip")
                )
                yield Button(t("wz.mark_filed"), id="mark-filed", variant="success")
            with Horizontal(id="rev-save"):
                yield Button(t("wz.save_draft"), id="save-draft", variant="primary")

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
            *COPY_BUTTONS,
            ("save-file", "wz.save_file"),
            ("save-draft", "wz.save_draft"),
            ("mark-filed", "wz.mark_filed"),
        ):
            self.query_one(f"#{button_id}", Button).label = t(key)
        self.query_one("#lbl-copy", Label).update(t("wz.rev.copy"))
        sc_id = self.query_one("#sc-id", Input)
        sc_id.placeholder = t("wz.rev.sc_id")
        sc_id.tooltip = t("wz.rev.sc_id_tip")
        self.query_one("#file-path", Input).tooltip = t("wz.rev.file_path")

    def suggest_file(self, path: str) -> None:
        """A better default "save to" file (the case type is known now), unless the user
        already typed one."""
        field = self.query_one("#file-path", Input)
        if field.value == self.default_file:
            field.value = path
        self.default_file = path

    def show(
        self, rendered: RenderedCase, notes: list[str], case_type: CaseType | None = None
    ) -> None:
        """Fill texts (the user's edits win over the fresh render), why it is not ready and the
        checklist; the OER tab only for a case type that has an OER request."""
        has_oer = case_type is None or bool(case_type.oer)
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
        self.has_oer = has_oer or "oer_request" in self.state.edits
        tabs = self.query_one("#rev-tabs", TabbedContent)
        if self.has_oer:
            tabs.show_tab("tab-oer")
        else:
            if tabs.active == "tab-oer":
                tabs.active = "tab-subject"
            tabs.hide_tab("tab-oer")
        self.query_one("#copy-oer", Button).display = self.has_oer
        warnings = app_warnings(rendered, self.state.urgency)
        reasons = reason_lines(rendered, case_type)
        rows = review_rows(case_type, rendered.items, rendered.marketplace, self.state.as_of())
        self.query_one("#rev-checklist", Static).update(
            checklist_text(rendered, notes, warnings, reasons, rows)
        )
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

    def copy(self, what: str = "all") -> None:
        """Copy ``all`` (the whole paste text), the ``subject``, the ``body`` (the description
        box's text: the OER request follows the case body when there is one) or the ``oer``
        request, and say which and how long (OSC 52: best effort, hence "save to file")."""
        text = self.paste_text()
        if what == "subject":
            copy_text(self, text.subject_line(), t("what.subject"))
        elif what == "body":
            copy_text(self, text.body_text(), t("what.body_oer" if text.oer else "what.body"))
        elif what == "oer":
            if not text.oer.strip():
                self.notify(t("wz.rev.no_oer"), severity="warning")
                return
            copy_text(self, text.oer, t("what.oer"))
        else:
            copy_text(self, text.text(), t("what.all" if text.oer else "what.all_no_oer"))

    @on(Button.Pressed, "#copy-subject")
    def _copy_subject(self) -> None:
        self.copy("subject")

    @on(Button.Pressed, "#copy-body")
    def _copy_body(self) -> None:
        self.copy("body")

    @on(Button.Pressed, "#copy-oer")
    def _copy_oer(self) -> None:
        self.copy("oer")

    @on(Button.Pressed, "#copy-all")
    def _copy_all(self) -> None:
        self.copy("all")

    def save_file(self) -> None:
        """Write the paste text to the file named in the "save to" field."""
        raw = self.query_one("#file-path", Input).value
        try:
            path = write_text_file(raw, self.paste_text().text())
        except CasewriterError as exc:
            self.notify(
                t("wz.rev.file_error", path=raw, error=local(exc.message)), severity="error"
            )
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
