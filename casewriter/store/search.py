"""Full-text search over the case log: subjects, bodies, notes/replies and identifiers.

The index is an external-content FTS5 table with the ``trigram`` tokenizer (SQLite ≥ 3.34), so
any substring of three or more characters matches — Chinese included, which the default
``unicode61`` tokenizer cannot split. Terms of one or two characters (``退款``, ``少件``) cannot
use a trigram index: they are matched by an ``instr`` scan of the content table instead, newest
cases first, stopping at the limit. User text never reaches FTS5 syntax: each term is quoted as
a phrase, so ``"``, ``*``, ``AND`` or ``NEAR(`` are just characters to find.

Terms are ANDed. A term that looks like an identifier is also searched in its normalized form
(full-width or lower-case input still finds ``FBA17XKQ9M2Z``). Ranking is a bm25-like score with the subject
weighted above identifiers and notes, above the body, computed in Python over the newest
``CANDIDATES`` matching cases (FTS5 streams matches in rowid order and stops early; its own
bm25 must walk every match of a common term). Snippets mark matches with ``[`` ``]``.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from typing import Any

from casewriter.errors import UsageError
from casewriter.store.model import SearchHit
from casewriter.store.rows import SUMMARY_COLS, summary_from_row

MARK_OPEN, MARK_CLOSE = "[", "]"
SNIPPET_CHARS = 90
#: Matches are ranked among the newest CANDIDATES matching cases: bm25 over every match of a
#: common term costs 100-600 ms at 100k cases (its IDF walks the whole doclist), while
#: streaming matches newest-first stops early.
CANDIDATES = 400
_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,}$")
_COLS = ", ".join(f"c.{c.strip()}" for c in SUMMARY_COLS.split(","))


def _alternatives(term: str) -> list[str]:
    """The term as typed, plus its normalized identifier form when it looks like one."""
    forms = [term]
    folded = unicodedata.normalize("NFKC", term).strip()
    if _ID_LIKE.match(folded) and any(ch.isdigit() for ch in folded):
        forms.append(folded)
        try:
            from casewriter import identifiers

            normalized = identifiers.normalize(folded)
            if isinstance(normalized, str) and normalized:
                forms.append(normalized)
        except Exception:  # identifiers module missing or unhappy: the folded form is enough
            pass
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return list(seen)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(text: str) -> tuple[list[list[str]], list[str]]:
    """(long terms as alternatives for FTS, short terms for the scan)."""
    long_terms: list[list[str]] = []
    short_terms: list[str] = []
    for raw in text.split():
        raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Cf")
        if not raw:
            continue
        forms = _alternatives(raw)
        if all(len(f) >= 3 for f in forms):
            long_terms.append(forms)
        else:
            short_terms.append(min(forms, key=len).lower())
    return long_terms, short_terms


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[SearchHit]:
    long_terms, short_terms = parse_query(text)
    if not long_terms and not short_terms:
        raise UsageError("search needs some text to look for")
    limit = max(1, min(int(limit), 500))
    short_sql = " AND ".join(_instr(t) for t in short_terms)
    short_params = [t for t in short_terms for _ in range(3)]
    if long_terms:
        match = " AND ".join(
            "(" + " OR ".join(_phrase(f) for f in forms) + ")" for forms in long_terms
        )
        sql = (
            f"SELECT {_COLS}, c.body, c.search_extra FROM cases_fts "
            "JOIN cases c ON c.id = cases_fts.rowid "
            f"WHERE cases_fts MATCH ?{' AND ' + short_sql if short_sql else ''} "
            "ORDER BY cases_fts.rowid DESC LIMIT ?"
        )
        rows = conn.execute(sql, [match, *short_params, CANDIDATES]).fetchall()
    else:
        sql = (
            f"SELECT {_COLS}, c.body, c.search_extra FROM cases c "
            f"WHERE {short_sql} ORDER BY c.id DESC LIMIT ?"
        )
        rows = conn.execute(sql, [*short_params, CANDIDATES]).fetchall()
    groups = [[f.lower() for f in forms] for forms in long_terms] + [[t] for t in short_terms]
    scored = _rank(rows, groups)
    needles = [f for forms in groups for f in forms]
    hits = []
    for score, row in scored[:limit]:
        summary = summary_from_row(tuple(row[:12]))
        snippet = make_snippet([row[6], row[12], row[13]], needles)
        hits.append(SearchHit(summary, snippet, round(-score, 4)))
    return hits


def _instr(term: str) -> str:
    """A substring test over the content; ``lower()`` only when case matters (not for 中文)."""
    if term.lower() == term.upper():
        return "(instr(c.subject, ?) OR instr(c.body, ?) OR instr(c.search_extra, ?))"
    return (
        "(instr(lower(c.subject), ?) OR instr(lower(c.body), ?) OR instr(lower(c.search_extra), ?))"
    )


def _rank(rows: list[Any], groups: list[list[str]]) -> list[tuple[float, Any]]:
    """bm25-like score (subject ×10, notes/identifiers ×5, body ×1) over the candidate rows."""
    if not rows:
        return []
    lowered = [(row[6].lower(), row[12].lower(), row[13].lower()) for row in rows]
    n = len(rows)
    avg = sum(len(b) for _s, b, _e in lowered) / n or 1.0
    idf = []
    for forms in groups:
        df = sum(1 for texts in lowered if any(f in t for f in forms for t in texts))
        idf.append(math.log(1 + (n - df + 0.5) / (df + 0.5)))
    out = []
    for row, (subject, body, extra) in zip(rows, lowered, strict=True):
        score = 0.0
        norm = 1.2 * (0.25 + 0.75 * len(body) / avg)
        for weight, forms in zip(idf, groups, strict=True):
            tf = sum(10 * subject.count(f) + body.count(f) + 5 * extra.count(f) for f in forms)
            score += weight * tf * 2.2 / (tf + norm)
        out.append((score, row))
    out.sort(key=lambda pair: (-pair[0], -int(pair[1][0])))
    return out


def make_snippet(texts: list[str], needles: list[str], width: int = SNIPPET_CHARS) -> str:
    """A one-line window around the first match, matches wrapped in ``[`` ``]``."""
    lowered = [n.lower() for n in needles if n]
    for text in texts:
        flat = " ".join(text.split())
        low = flat.lower()
        positions = [(low.find(n), n) for n in lowered if low.find(n) >= 0]
        if not positions:
            continue
        first = min(p for p, _ in positions)
        start = max(0, first - width // 3)
        end = min(len(flat), start + width)
        window = flat[start:end]
        marked = _mark(window, lowered)
        return ("…" if start > 0 else "") + marked + ("…" if end < len(flat) else "")
    return " ".join(texts[0].split())[:width] if texts else ""


def _mark(window: str, needles: list[str]) -> str:
    low = window.lower()
    spans: list[tuple[int, int]] = []
    for needle in sorted(set(needles), key=len, reverse=True):
        pos = low.find(needle)
        while pos >= 0:
            if not any(s < pos + len(needle) and pos < e for s, e in spans):
                spans.append((pos, pos + len(needle)))
            pos = low.find(needle, pos + len(needle))
    out = []
    last = 0
    for s, e in sorted(spans):
        out.append(window[last:s] + MARK_OPEN + window[s:e] + MARK_CLOSE)
        last = e
    out.append(window[last:])
    return "".join(out)
