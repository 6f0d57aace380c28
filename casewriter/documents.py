"""TOML and JSON documents a user hands casewriter (case files, ``config.toml``, case types,
autosaved drafts): parsed into plain data, every failure one line naming the document.

Nesting is bounded: ``[[[[…`` 200,000 levels deep makes the parsers raise ``RecursionError``,
and a document nested more deeply than any real one (``MAX_NESTING``) is refused before code
that walks it recursively (validation, rendering, JSON output) ever sees it. Reading the bytes
(regular files only, size-capped) is ``casewriter.files.read_user_file``'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from casewriter.errors import CasewriterError, UsageError

#: Tables and lists inside each other: a case file uses 3 levels, config.toml 3; 32 is far more
#: than any real document and far below what a recursive walk of the data can survive.
MAX_NESTING = 32

_T = TypeVar("_T")


def _too_deep(where: str, kind: str) -> str:
    return f"{where}: not valid {kind}: nested too deeply (more than {MAX_NESTING} levels)"


def check_nesting(
    data: Any, where: str, kind: str = "data", error: type[CasewriterError] = UsageError
) -> None:
    """Raise ``error`` when ``data`` nests tables/lists more than ``MAX_NESTING`` levels deep
    (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list | tuple):
            children = node
        else:
            continue
        if depth > MAX_NESTING:
            raise error(_too_deep(where, kind))
        stack.extend((child, depth + 1) for child in children)


def decode_text(raw: bytes, where: str, error: type[CasewriterError] = UsageError) -> str:
    """UTF-8 text (a byte-order mark allowed), or one line saying it is not."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"{where}: not UTF-8 text (byte {exc.start})") from None


def parse_toml(text: str, where: str, error: type[CasewriterError] = UsageError) -> dict[str, Any]:
    """A TOML document as a dict; ``error`` naming ``where`` when it is not valid TOML."""
    import tomllib

    return _parse(text, where, "TOML", tomllib.loads, tomllib.TOMLDecodeError, error)


def parse_json(text: str, where: str, error: type[CasewriterError] = UsageError) -> Any:
    """A JSON document; ``error`` naming ``where`` when it is not valid JSON."""
    import json

    return _parse(text, where, "JSON", json.loads, json.JSONDecodeError, error)


def _parse(
    text: str,
    where: str,
    kind: str,
    loads: Callable[[str], _T],
    invalid: type[ValueError],
    error: type[CasewriterError],
) -> _T:
    """``loads(text)``, every way it can fail one line naming ``where`` and the ``kind`` of
    document (``invalid``: its parser's own error); nesting checked."""
    try:
        data = loads(text)
    except invalid as exc:
        raise error(f"{where}: not valid {kind}: {exc}") from None
    except RecursionError:
        raise error(_too_deep(where, kind)) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise error(f"{where}: not valid {kind}: a number is too long") from None
    check_nesting(data, where, kind, error)
    return data
