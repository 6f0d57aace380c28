"""The CJK index of the case log (schema v3): single characters and bigrams of CJK text.

Chinese has no spaces, so FTS5's ``unicode61`` tokenizer sees ``订单未收到`` as one token, and
the ``trigram`` tokenizer cannot match a 1–2 character word such as ``退款``. This module derives
a space-separated token text from a case's searchable text: every run of CJK letters (Han,
kana, hangul, bopomofo, full-width letters and digits; punctuation ends a run) becomes its
single characters followed by its overlapping bigrams, e.g. ``订单未收到`` →
``订 单 未 收 到 订单 单未 未收 收到``. That text is stored in ``cases_cjk``, a *contentless*
FTS5 table (``unicode61``), one row per case that has any CJK text, rowid = case id.

A query of one or two CJK characters is one token; a longer one is the phrase of its bigrams.
A run's bigrams are emitted consecutively and runs are separated by their single characters,
so a phrase of two or more bigrams matches exactly the texts that contain the query.

Contentless rows are deleted by giving FTS5 the same tokens again, so every write path calls
``cjk_sync`` with the case's text before and after (``rows.fts_sync`` does); bulk paths call
``cjk_rebuild``. Changing ``cjk_tokens`` changes what is indexed: it needs a schema migration
that calls ``cjk_rebuild``.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

#: Blocks whose letters and digits are CJK; punctuation and symbols inside them are excluded.
_RANGES = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007"  # 々 〆 〇
    "\u3021-\u3029\u3031-\u3035\u3038-\u303c"  # Hangzhou numerals, kana repeat marks, 〻 〼
    "\u3041-\u3096\u309d-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # Katakana (ー included, ・ excluded)
    "\u3105-\u312f\u3131-\u318e\u31a0-\u31bf\u31f0-\u31ff"  # Bopomofo, compat jamo, kana ext
    "\u3400-\u4dbf\u4e00-\u9fff"  # CJK Unified Ideographs + Ext A
    "\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7fb"  # Hangul Jamo Ext A, syllables, Jamo Ext B
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # full-width digits and letters
    "\uff66-\uff9f\uffa0-\uffdc"  # half-width katakana and hangul
    "\U00020000-\U0003134f"  # Ext B–G and the compatibility supplement
)
CJK_CLASS = f"[{_RANGES}]"


@lru_cache(maxsize=1)
def _run_re() -> re.Pattern[str]:
    return re.compile(CJK_CLASS + "+")


def is_cjk_term(term: str) -> bool:
    """True when every character of a (non-empty) query term is a CJK letter or digit."""
    return bool(term) and _run_re().fullmatch(term) is not None


def cjk_tokens(text: str) -> str:
    """The index text for ``text``: per CJK run, its characters then its bigrams."""
    out: list[str] = []
    for run in _run_re().findall(text):
        out.extend(run)
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(out)


def case_tokens(subject: str, body: str, extra: str) -> str:
    """The index text of one case (subject, body and ``search_extra``: notes, identifiers)."""
    return cjk_tokens(f"{subject}\n{body}\n{extra}")


def cjk_match(term: str) -> str:
    """The FTS5 query for a CJK term: a token (1–2 chars) or the phrase of its bigrams."""
    if len(term) <= 2:
        return f'"{term}"'
    return '"' + " ".join(term[i : i + 2] for i in range(len(term) - 1)) + '"'


def cjk_sync(
    conn: sqlite3.Connection,
    num: int,
    old: tuple[str, str, str] | None,
    new: tuple[str, str, str] | None,
) -> None:
    """Replace case ``num``'s row in ``cases_cjk`` (texts are (subject, body, search_extra))."""
    before = case_tokens(*old) if old is not None else ""
    after = case_tokens(*new) if new is not None else ""
    if before == after:
        return
    if before:
        conn.execute(
            "INSERT INTO cases_cjk(cases_cjk, rowid, grams) VALUES ('delete', ?, ?)", (num, before)
        )
    if after:
        conn.execute("INSERT INTO cases_cjk(rowid, grams) VALUES (?, ?)", (num, after))


def cjk_rebuild(conn: sqlite3.Connection) -> None:
    """Re-derive ``cases_cjk`` from every case (bulk import, migration)."""
    conn.execute("INSERT INTO cases_cjk(cases_cjk) VALUES ('delete-all')")
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, subject, body, search_extra FROM cases WHERE id > ? ORDER BY id LIMIT 5000",
            (last,),
        ).fetchall()
        if not rows:
            return
        last = int(rows[-1][0])
        tokens = ((num, case_tokens(s, b, e)) for num, s, b, e in rows)
        conn.executemany(
            "INSERT INTO cases_cjk(rowid, grams) VALUES (?, ?)", [(n, t) for n, t in tokens if t]
        )
