"""The exceptions casewriter raises on purpose, each carrying a one-line message and exit code.

The CLI prints ``casewriter: error: <message>`` and exits with ``exit_code``; nothing else
prints a traceback. Exit 2 means the user's input was bad; exit 1 means something else failed
(a corrupt log, a file that could not be written). ``did_you_mean`` words the closest match
of a misspelt name.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable


class CasewriterError(Exception):
    """A failure with a message meant for the user."""

    exit_code: int = 1

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message


class UsageError(CasewriterError):
    """Bad input from the user: arguments, values, files they named."""

    exit_code = 2


class CatalogError(UsageError):
    """A case-type file or template is malformed (names the file and the field or line)."""


class TemplateError(UsageError):
    """A template failed to render (names the template and line)."""


class CaseFileError(UsageError):
    """A case (draft) file could not be read or validated."""


class StoreError(CasewriterError):
    """The case log could not be opened or written (corrupt, newer schema, locked)."""

    exit_code = 1


class NotFoundError(UsageError):
    """A case id, case type or template that does not exist."""


class ReportError(UsageError):
    """A report file that is not a known Seller Central report, or a row that cannot be read."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` naming the closest of ``choices`` to ``word``, or nothing."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
