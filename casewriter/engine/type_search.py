"""Finding a case type by the words a seller types: the wizard's type search and the words the
case log indexes with each case.

``rank_types`` orders the case types matching a query (every word of it must appear somewhere):
a word equal to a word of the title (English or Chinese) counts most, then one of the catalog's
problem words (``keywords``: 丢件, 少件, refund…), then a word inside the title, then the
summary, id, group or problem name. Ties keep the catalog's order. So ``lost`` picks a lost-units
type before "Reimbursement paid below the unit's value", and ``少件`` the inbound shortfall.

``type_words`` is what the log indexes for each case type id (titles and problem words in both
languages), read straight from the case-type TOML files (built-in, then the user's, then the
user's partial overrides) with ``tomllib`` only: ``log search`` must not pay for pydantic. A
file that does not read is skipped (``templates check`` reports it).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from casewriter.engine.models import CaseType
    from casewriter.paths import AppPaths

#: Points for a query word found as: a title word, a problem word, part of the title, elsewhere.
TITLE_WORD, KEYWORD, KEYWORD_PART, TITLE_PART, OTHER = 100, 60, 30, 20, 1
_WORD = re.compile(r"[\w'’-]+")
_MAX_TOML = 1_000_000


def _words(text: str) -> set[str]:
    folded = text.casefold()
    found = set(_WORD.findall(folded))
    # "A-to-z" is one word, and also "a", "to", "z"; "unit's" is also "unit"
    for word in list(found):
        found.update(p for p in re.split(r"[-'’]", word) if p)
    return found


def _score_word(ct: CaseType, word: str) -> int:
    titles = f"{ct.title.en} {ct.title.zh}".casefold()
    keywords = [k.casefold() for k in (*ct.keywords.en, *ct.keywords.zh)]
    other = " ".join(
        (ct.id, ct.summary.en, ct.summary.zh, ct.group, ct.problem, ct.filed_at.en)
    ).casefold()
    score = 0
    if word in _words(titles):
        score += TITLE_WORD
    if word in keywords:
        score += KEYWORD
    elif any(word in k for k in keywords):
        score += KEYWORD_PART
    if word in titles:
        score += TITLE_PART
    if word in other:
        score += OTHER
    return score


def score_type(ct: CaseType, query: str) -> int:
    """How well ``query`` matches ``ct``; 0 when some word of it matches nothing."""
    total = 0
    for word in query.casefold().split():
        points = _score_word(ct, word)
        if not points:
            return 0
        total += points
    return total


def rank_types(types: Iterable[CaseType], query: str) -> list[CaseType]:
    """The case types matching every word of ``query``, best first (all of them, in order, for
    an empty query)."""
    items = list(types)
    if not query.split():
        return items
    scored = [(score_type(ct, query), i, ct) for i, ct in enumerate(items)]
    return [ct for score, _i, ct in sorted(scored, key=lambda s: (-s[0], s[1])) if score]


def type_words(paths: AppPaths) -> dict[str, str]:
    """Case type id → its titles and problem words (both languages), one line of text."""
    found: dict[str, dict[str, Any]] = {}
    for root in (paths.builtin_templates, paths.user_templates):
        for data in _tomls(root / "case_types"):
            found[str(data["id"])] = data
    for data in _tomls(paths.user_templates / "overrides"):
        if data["id"] in found:
            found[data["id"]] = {**found[data["id"]], **data}
    return {ct_id: _line(data) for ct_id, data in found.items()}


def type_titles(paths: AppPaths) -> dict[str, tuple[str, str]]:
    """Case type id → (English title, Chinese title), read as ``type_words`` reads (cheap: the
    home table shows titles, never ids, without loading the catalog). A file whose title is one
    ``title = { en = …, zh = … }`` line is read by that line alone (the home table's first frame
    waits for this: 25 whole files took ~25 ms, their title lines ~2 ms); any other file whole."""
    out: dict[str, tuple[str, str]] = {}
    for root in (paths.builtin_templates, paths.user_templates):
        for ct_id, title in _titles(root / "case_types"):
            if isinstance(title, dict) and isinstance(title.get("en"), str):
                zh = title.get("zh")
                out[ct_id] = (title["en"], zh if isinstance(zh, str) and zh else title["en"])
    return out


_TITLE_LINE = re.compile(r"^title\s*=\s*\{[^\n]*\}[ \t]*$", re.MULTILINE)


def _titles(folder: Any) -> list[tuple[str, Any]]:
    """(id, title value) of each case-type file in ``folder`` (one line when it can)."""
    out: list[tuple[str, Any]] = []
    for path, text in _texts(folder):
        line = _TITLE_LINE.search(text)
        data = _toml(line.group(0)) if line else None
        if data is None:  # no such line, or the line alone was not TOML: the whole file
            data = _toml(text)
        if data is not None:
            out.append((path.stem, data.get("title")))
    return out


def _tomls(folder: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path, text in _texts(folder):
        data = _toml(text)
        if data is not None:
            data["id"] = path.stem
            out.append(data)
    return out


def _toml(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _texts(folder: Any) -> Iterator[tuple[Any, str]]:
    """(path, text) of each ``*.toml`` file in ``folder``, by name; one that cannot be read (or
    is larger than any case type) is skipped, and a folder that cannot be listed is none."""
    try:
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    except OSError:
        return
    for path in files:
        try:
            if path.stat().st_size > _MAX_TOML:
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        yield path, text


def _line(data: dict[str, Any]) -> str:
    parts: list[str] = []
    for key in ("title", "keywords"):
        value = data.get(key)
        if not isinstance(value, dict):
            continue
        for lang in ("en", "zh"):
            item = value.get(lang)
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, list):
                parts.extend(str(x) for x in item if isinstance(x, str))
    return " ".join(" ".join(parts).split())
