"""The paste text: what a seller pastes into Seller Central, built in one place for every way
out of casewriter — ``render`` (text output), the wizard (copy, save to a file, save to the log)
and the case log (``render --save``, ``scan --draft``, the demo).

A case is its subject and its body; an OER request, when there is one, goes into the case body
after the case text (product.md, "Urgency and OER"), its title first. So:

- ``oer_text(title, request)``: the OER as one text (what the wizard's OER tab edits);
- ``PasteText.body_text()``: the body as the log keeps it and as it is pasted: the case body,
  then the OER text after a blank line;
- ``PasteText.text()``: ``Subject: <subject>``, a blank line, then ``body_text()``.

For the same case the three are the same text: the log's subject and body are exactly what
``render`` prints above its report and what the wizard copies.
"""

from __future__ import annotations

from dataclasses import dataclass

from casewriter.engine.drafts import RenderedCase


def oer_text(title: str, request: str) -> str:
    """The OER title and request as one text (``""`` without a request)."""
    if not request.strip():
        return ""
    return f"{title.strip()}\n\n{request.strip()}" if title.strip() else request.strip()


@dataclass(frozen=True)
class PasteText:
    """A case's subject, body and OER text (``""``: no OER), ready to paste or log."""

    subject: str
    body: str
    oer: str = ""

    @classmethod
    def of(cls, case: RenderedCase) -> PasteText:
        """The paste text of a rendered case, as rendered."""
        oer = oer_text(case.oer.title, case.oer.request) if case.oer else ""
        return cls(case.subject, case.body, oer)

    def subject_line(self) -> str:
        """The subject on one line (Seller Central's subject box takes no line breaks)."""
        return " ".join(self.subject.split())

    def body_text(self) -> str:
        """The body box's text: the case body, then the OER text; one final newline."""
        if not self.oer.strip():
            return self.body.rstrip() + "\n"
        return f"{self.body.rstrip()}\n\n{self.oer.strip()}\n"

    def text(self) -> str:
        """Everything to paste: ``Subject: …``, a blank line, the body box's text."""
        return f"Subject: {self.subject_line()}\n\n{self.body_text()}"
