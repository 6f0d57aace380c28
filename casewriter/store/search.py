"""Full-text search over the case log: subjects, bodies, notes/replies and identifiers.

Two indexes (schema v3). ``cases_fts`` is an external-content FTS5 table with the ``trigram``
tokenizer, so any substring of three or more characters matches. ``cases_cjk`` (``cjk.py``)
holds every CJK character and bigram, because trigram cannot match the 1–2 character words
typical of Chinese (``退款``, ``少件``) and ``unicode61`` does not split Chinese at all. A query
term made only of CJK letters uses ``cases_cjk`` (one token, or the phrase of its bigrams:
exact); other terms of three or more characters use ``cases_fts``; what is left (a 1–2
character Latin term such as ``ab``) is matched by an ``instr`` scan of the content table,
newest cases first, stopping at the limit. User text never reaches FTS5 syntax: each term is
quoted as a phrase, so ``"``, ``*``, ``AND`` or ``NEAR(`` are just characters to find.

Besides notes and identifiers, ``search_extra`` holds the case's status names and its case
type's words (``type_words``: titles and problem words in both languages, given by
``index_type_words``), so ``少件``, ``入库`` or ``needs reply`` find their cases.

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
from collections.abc import Mapping
from typing import Any

from casewriter.errors import UsageError
from casewriter.store.cjk import cjk_match, is_cjk_term
from casewriter.store.model import SearchHit
from casewriter.store.rows import SUMMARY_COLS, summary_from_row

MARK_OPEN, MARK_CLOSE = "[", "]"
SNIPPET_CHARS = 90
#: Matches are ranked among the newest CANDIDATES matching cases: bm25 over every match of a
#: common term costs 100-600 ms at 100k cases (its IDF walks the whole doclist), while
#: streaming matches newest-first stops early.
CANDIDATES = 400
#: A mixed query (CJK words and other terms) is driven by the CJK index when it matches at
#: most this many cases (the other terms are then tested on their text), else by the trigram
#: index, streaming newest first and keeping rows in the CJK match set.
CJK_PROBE = 3000
_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,}$")
_COLS = ", ".join(f"c.{c.strip()}" for c in SUMMARY_COLS.split(","))


def _alternatives(term: str) -> list[str]:
    """The term as typed, plus its normalized identifier form when it looks like one."""
    forms = [term]
    folded = unicodedata.normalize("NFKC", term).strip()
    if _ID_LIKE.match(folded) and any(ch.isdigit() for ch in folded):
        forms.append(folded)
        from casewriter.identifiers import normalize

        forms.append(normalize(folded) or folded)
    seen: dict[str, None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return list(seen)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(text: str) -> tuple[list[list[str]], list[str], list[str]]:
    """(long terms as alternatives for the trigram index, CJK terms, short terms for the scan)."""
    long_terms: list[list[str]] = []
    cjk_terms: list[str] = []
    short_terms: list[str] = []
    for raw in text.split():
        raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Cf")
        if not raw:
            continue
        forms = _alternatives(raw)
        if len(forms) == 1 and is_cjk_term(raw):
            cjk_terms.append(raw)
        elif all(len(f) >= 3 for f in forms):
            long_terms.append(forms)
        else:
            short_terms.append(min(forms, key=len).lower())
    return long_terms, cjk_terms, short_terms


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[SearchHit]:
    long_terms, cjk_terms, short_terms = parse_query(text)
    if not long_terms and not cjk_terms and not short_terms:
        raise UsageError("search needs some text to look for")
    limit = max(1, min(int(limit), 500))
    where: list[str] = [_instr(t) for t in short_terms]
    params: list[Any] = [t for t in short_terms for _ in range(3)]
    trigram = " AND ".join(
        "(" + " OR ".join(_phrase(f) for f in forms) + ")" for forms in long_terms
    )
    cols = f"SELECT {_COLS}, c.body, c.search_extra"
    cjk = " AND ".join(cjk_match(t) for t in cjk_terms)
    if cjk and trigram and not _few_cjk_matches(conn, cjk):
        # Both kinds, the CJK words common: stream trigram matches newest first, keeping those
        # in the (materialized) CJK match set.
        where.insert(0, "c.id IN (SELECT rowid FROM cases_cjk WHERE cases_cjk MATCH ?)")
        params.insert(0, cjk)
        cjk = ""
    if cjk:
        for forms in long_terms if trigram else []:  # few CJK matches: test the text instead
            where.append("(" + " OR ".join(_instr(f.lower()) for f in forms) + ")")
            params.extend(f.lower() for f in forms for _ in range(3))
        sql = (
            f"{cols} FROM cases_cjk JOIN cases c ON c.id = cases_cjk.rowid "
            f"WHERE {' AND '.join(['cases_cjk MATCH ?', *where])} "
            "ORDER BY cases_cjk.rowid DESC LIMIT ?"
        )
        params.insert(0, cjk)
    elif trigram:
        sql = (
            f"{cols} FROM cases_fts JOIN cases c ON c.id = cases_fts.rowid "
            f"WHERE {' AND '.join(['cases_fts MATCH ?', *where])} "
            "ORDER BY cases_fts.rowid DESC LIMIT ?"
        )
        params.insert(0, trigram)
    else:
        sql = f"{cols} FROM cases c WHERE {' AND '.join(where)} ORDER BY c.id DESC LIMIT ?"
    rows = conn.execute(sql, [*params, CANDIDATES]).fetchall()
    groups = (
        [[f.lower() for f in forms] for forms in long_terms]
        + [[t.lower()] for t in cjk_terms]
        + [[t] for t in short_terms]
    )
    scored = _rank(rows, groups)
    needles = [f for forms in groups for f in forms]
    hits = []
    for score, row in scored[:limit]:
        summary = summary_from_row(tuple(row[:12]))
        snippet = make_snippet([row[6], row[12], row[13]], needles)
        hits.append(SearchHit(summary, snippet, round(-score, 4)))
    return hits


def index_type_words(conn: sqlite3.Connection, words: Mapping[str, str]) -> int:
    """Store each case type's words (titles, problem words) and reindex the cases of every type
    whose words changed; returns how many cases were reindexed. Inside a write transaction."""
    from casewriter.store.rows import fts_snapshot, fts_sync

    have = dict(conn.execute("SELECT case_type, words FROM type_words").fetchall())
    changed = {k: " ".join(str(v).split()) for k, v in words.items()}
    changed = {k: v for k, v in changed.items() if have.get(k) != v}
    count = 0
    for case_type, text in changed.items():
        olds = [
            (int(num), fts_snapshot(conn, int(num)))
            for (num,) in conn.execute("SELECT id FROM cases WHERE case_type = ?", (case_type,))
        ]
        conn.execute(
            "INSERT INTO type_words(case_type, words) VALUES (?, ?) "
            "ON CONFLICT(case_type) DO UPDATE SET words = excluded.words",
            (case_type, text),
        )
        for num, old in olds:
            fts_sync(conn, num, old)
        count += len(olds)
    return count


def _few_cjk_matches(conn: sqlite3.Connection, match: str) -> bool:
    """Whether at most ``CJK_PROBE`` cases match (then they drive a mixed query)."""
    rows = conn.execute(
        "SELECT rowid FROM cases_cjk WHERE cases_cjk MATCH ? LIMIT ?", (match, CJK_PROBE + 1)
    ).fetchall()
    return len(rows) <= CJK_PROBE


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
    """A one-line window around the first match, matches wrapped in ``[`` ``]``; controls
    are visible escapes (``\\x1b``: a snippet is for reading; ``split`` would turn some into
    spaces)."""
    from casewriter.safetext import escape_controls

    lowered = [n.lower() for n in needles if n]
    for text in texts:
        flat = " ".join(escape_controls(text).split())
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
    return " ".join(escape_controls(texts[0]).split())[:width] if texts else ""


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
