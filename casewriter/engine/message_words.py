"""The words of ``message_words.toml`` made into patterns, once: which word ties a number, a
date or an amount to a fact (by the catalog's fact keys), the currencies' symbols and words, and
the carriers by name in both languages. Data only; ``message_facts`` does the scanning.

Words are matched in a lower-cased copy of the message (ASCII letters only, one character for
one) and every alternative starts with its first character, so the regex engine skips straight
to the characters a word can start with: a 2,000-character message is read in well under a
millisecond per pattern. Stdlib only (no pydantic), so ``casewriter extract`` stays light.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from casewriter.errors import CasewriterError

WORDS_FILE = Path(__file__).with_name("message_words.toml")

#: A count of units: 12, 1,200 (never a piece of a longer number, a decimal or a ratio).
#: Its first digit (not inside a longer number or word) and the rest.
_NUMBER_FIRST = r"[0-9](?<![0-9a-z.,][0-9])"
_NUMBER_REST = r"(?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]{0,8})(?![0-9]|[.,/][0-9])"
NUMBER = _NUMBER_FIRST + _NUMBER_REST
#: An amount as written after its first digit: 12.50, 1,234.56, 1.234,56, 8,99, 1200.
_AMOUNT_REST = r"(?:[0-9]{0,2}(?:[,.'][0-9]{3})+(?:[.,][0-9]{1,2})?|[0-9]{0,11}(?:[.,][0-9]{1,2})?)"
AMOUNT = "[0-9]" + _AMOUNT_REST


def _lit(text: str) -> str:
    return r"\s+".join(re.escape(part) for part in text.split(" "))


def _norm(word: str, case: bool) -> str:
    return " ".join(word.split()) if case else " ".join(word.lower().split())


def _guard(first: str, not_after: str, case: bool) -> str:
    """What may not stand before a word starting with ``first`` (checked after it)."""
    around = "A-Za-z" if case else "0-9A-Za-z"
    escaped = re.escape(first)
    if first.isascii() and first.isalnum():
        return f"(?<![{around}]{escaped})"
    if not_after:
        return f"(?<![{re.escape(not_after)}]{escaped})"
    return ""


def _end_guard(last: str, case: bool) -> str:
    around = "A-Za-z" if case else "0-9A-Za-z"
    return f"(?![{around}])" if last.isascii() and last.isalnum() else ""


def word_pattern(word: str, *, not_after: str = "", case: bool = False) -> str:
    """One word as a pattern that starts with its first character (so the regex engine can skip
    ahead): spaces stretch, a Latin word only whole, a Chinese word not right after a character
    of ``not_after``. Lower-cased unless ``case`` (a currency mark: whole among letters only,
    so ``USD12`` and ``12USD`` are read)."""
    text = _norm(word, case)
    first = re.escape(text[0])
    return first + _guard(text[0], not_after, case) + _lit(text[1:]) + _end_guard(text[-1], case)


#: A trie node: next character (" " stands for a run of spaces) -> node; "" marks a word's end.
_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie, case: bool, last: str) -> str:
    """The words below ``node``, each continuation before the word ending here, so the longest
    word still wins and each character is compared once, whatever the number of words."""
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(child, case, ch)
        for ch, child in sorted(node.items())
        if ch
    ]
    if "" in node:
        branches.append(_end_guard(last, case))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def alternation(words: list[str], *, not_after: str = "", case: bool = False) -> str:
    """Any of ``words`` (as ``word_pattern`` each), the longest that matches winning (so
    ``少收了`` wins over ``少``), compiled as a trie: the regex engine picks the branch by the
    first character instead of trying every word in turn."""
    root: _Trie = {}
    for word in words:
        node = root
        for ch in _norm(word, case):
            node = node.setdefault(ch, {})
        node[""] = {}
    branches = [
        re.escape(first) + _guard(first, not_after, case) + _trie_pattern(child, case, first)
        for first, child in sorted(root.items())
    ]
    return "(?:" + "|".join(branches) + ")"


def _firsts(words: list[str]) -> str:
    """The characters ``words`` start with (lower case), as the inside of a ``[...]`` class."""
    return "".join(re.escape(c) for c in sorted({_norm(w, False)[0] for w in words}))


def key(word: str) -> str:
    """How a matched word is looked up: lower case, spaces folded."""
    return " ".join(word.lower().split())


@dataclass(frozen=True)
class Roles:
    """Words that name a role (``delivered``, ``missing``…) and the facts each role fills."""

    role_of: dict[str, str]
    facts: dict[str, tuple[str, ...]]
    words: re.Pattern[str]
    """Any of the words (in the lower-cased message)."""
    filler: re.Pattern[str]
    """What may stand between a word and its value, up to the value (``\\Z``)."""


@dataclass(frozen=True)
class Words:
    """Everything compiled from ``message_words.toml`` (patterns over the lower-cased message,
    except the money marks and amounts, which read symbols and codes as written)."""

    source: str
    quantity_before: re.Pattern[str]
    quantity_after: re.Pattern[str]
    quantity_before_role: dict[str, str]
    quantity_after_role: dict[str, str]
    quantity_facts: dict[str, tuple[str, ...]]
    of_role: str
    dates: Roles
    date_none: tuple[str, ...]
    date_cue: re.Pattern[str]
    date_after: re.Pattern[str]
    not_a_date_after: re.Pattern[str]
    money_marks: re.Pattern[str]
    """A currency symbol, word or code, as written (``US$``, ``€``, ``美元``, ``USD``)."""
    money_code: dict[str, str]
    """Mark -> currency code (``$`` and ``¥`` stand for themselves: they depend on the
    marketplace)."""
    money_before: frozenset[str]
    """Marks written before the amount (``$12``); ``money_after``: after it (``12元``)."""
    money_after: frozenset[str]
    amount_after: re.Pattern[str]
    amount_before: re.Pattern[str]
    dollars: tuple[str, ...]
    money_roles: Roles
    money_none: tuple[str, ...]
    carriers: re.Pattern[str]
    carrier_names: dict[str, str]
    capitals_only: frozenset[str]
    """Carrier aliases written in capitals only (``ups``: UPS, never "ups")."""
    carrier_facts: tuple[str, ...]


def _roles(table: dict[str, Any], field: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    role_of: dict[str, str] = {}
    facts: dict[str, tuple[str, ...]] = {}
    for role, spec in table.items():
        facts[role] = tuple(spec.get("facts", []))
        for word in spec.get(field, []):
            role_of.setdefault(key(word), role)
    return role_of, facts


def _filler(words: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?:\s|{alternation(words)})*\Z")


@cache
def words() -> Words:
    """The compiled words (read once); CasewriterError if the shipped file is broken."""
    try:
        data = tomllib.loads(WORDS_FILE.read_text(encoding="utf-8"))
        return _compile(data)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, IndexError, re.error) as exc:
        raise CasewriterError(f"{WORDS_FILE.name}: cannot be read ({exc})") from None


def _compile(data: dict[str, Any]) -> Words:
    from casewriter.marketplaces import CURRENCIES

    q = data["quantity"]
    units = alternation(q["units"])
    not_units = alternation(q["not_units"])
    before_role, facts = _roles(q["roles"], "before")
    after_role, _ = _roles(q["roles"], "after")
    aux = alternation(q["auxiliaries"])
    count = rf"(?:\s*{units}|(?!\s*{not_units}))"
    before = (
        rf"(?P<w>{alternation(list(before_role), not_after=q['not_after_chars'])})"
        rf"\s*(?:{alternation(q['fillers'])}\s*)?(?P<n>{NUMBER}){count}"
        rf"(?:\s*{alternation(q['of_words'])}\s*(?P<of>{NUMBER})(?:\s*{units})?)?"
    )
    # What the number's digits are followed by (a unit, an auxiliary or the word, spaces
    # between): checked right at the first digit, so the many numbers followed by anything else
    # (order IDs, prices) fail at once.
    then = _firsts([*q["units"], *q["auxiliaries"], *after_role])
    after = (
        rf"(?P<n>{_NUMBER_FIRST}(?=[0-9,]*+\s*+[{then}]){_NUMBER_REST}){count}"
        rf"\s*(?:{aux}\s*)?(?P<w>{alternation(list(after_role))})"
    )

    d = data["dates"]
    date_role, date_facts = _roles(d["roles"], "words")
    date_words = alternation(list(date_role))
    m = data["money"]
    marks = {**m["after"], **m["before"]}
    codes = {c: c for c in CURRENCIES}
    money_marks = alternation([*marks, *codes], case=True)
    money_role, money_facts = _roles(m["roles"], "words")
    names: dict[str, str] = {}
    spellings: dict[str, set[str]] = {}
    for carrier in data["carriers"]:
        for alias in carrier["aliases"]:
            names.setdefault(key(alias), carrier["name"])
            spellings.setdefault(key(alias), set()).add(alias)
    capitals = frozenset(k for k, v in spellings.items() if all(a.isupper() for a in v))
    return Words(
        source=str(data.get("source", "")),
        quantity_before=re.compile(before),
        quantity_after=re.compile(after),
        quantity_before_role=before_role,
        quantity_after_role=after_role,
        quantity_facts=facts,
        of_role=str(q["of_role"]),
        dates=Roles(date_role, date_facts, re.compile(date_words), _filler(d["fillers"])),
        date_none=tuple(d["none"]["facts"]),
        date_cue=re.compile(rf"{alternation(d['cues'])}(?:\s|{alternation(d['fillers'])})*\Z"),
        date_after=re.compile(rf"\s*(?:{aux}\s*)?(?P<w>{date_words})"),
        not_a_date_after=re.compile(rf"\s*(?:{units}|{not_units})"),
        money_marks=re.compile(money_marks),
        money_code={**codes, **marks},
        money_before=frozenset([*m["before"], *codes]),
        money_after=frozenset([*m["after"], *codes]),
        amount_after=re.compile(rf"\s?(?P<a>{AMOUNT})(?![0-9])"),
        amount_before=re.compile(rf"(?P<a>{AMOUNT})\s?\Z"),
        dollars=tuple(m["dollars"]),
        money_roles=Roles(
            money_role,
            money_facts,
            re.compile(alternation(list(money_role))),
            _filler(m["fillers"]),
        ),
        money_none=tuple(m["none"]["facts"]),
        carriers=re.compile(alternation(list(names))),
        carrier_names=names,
        capitals_only=capitals,
        carrier_facts=tuple(data["carrier_facts"]),
    )
