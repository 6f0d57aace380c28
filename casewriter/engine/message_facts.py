"""What a pasted message says beyond its identifiers: quantities tied to a word (少了12件,
12 units missing, received 228 of 240), dates and the word that says which date each is
(3月2号签收, delivered on March 2), carriers (UPS, 顺丰, or a 1Z… tracking number's own
carrier) and amounts of money with their currency ($12.50, 1.234,56 €, 1200日元).

``read_message(text, mp, as_of)`` never raises on any text. The words are data
(``message_words.toml``); dates are read by ``casewriter.dates`` (the one home of date forms:
a year-less date is the latest such date on or before ``as_of``); identifiers by
``casewriter.identifiers.extract``; currencies are ``casewriter.marketplaces``'. Which fact of
a case type each finding fills is ``message_map``. Offsets index the original text (full-width
digits and letters are read as ASCII, one character for one).
"""

from __future__ import annotations

import re
from datetime import date

from casewriter.dates import DateHit, find_dates
from casewriter.engine.message_model import (
    WINDOW,
    Carrier,
    MessageDate,
    MessageFacts,
    Problem,
    Quantity,
    Spans,
    word_before,
)
from casewriter.engine.message_money import amounts
from casewriter.engine.message_words import Words, key, words
from casewriter.errors import CasewriterError
from casewriter.identifiers import TRACKING_KINDS, Found, check, extract
from casewriter.marketplaces import Marketplace

#: Full-width ASCII (１２, ＦＢＡ) and wide spaces read as ASCII, one character for one.
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xA0: 0x20}
_WIDE_RUN = re.compile("[\uff01-\uff5e\u3000\xa0]+")
#: ASCII capitals to lower case (``str.lower`` may change the length of a few other letters).
_LOWER = {c: c + 32 for c in range(0x41, 0x5B)}


#: Wide punctuation common in Chinese text, replaced one by one before the runs are mapped.
_COMMON_WIDE = tuple((c, chr(_WIDE[ord(c)])) for c in "，：；（）！？\u3000")


def _shadows(text: str) -> tuple[str, str]:
    """The message with ASCII digits and letters (offsets kept), and the same in lower case.
    Only runs of wide characters are translated: ``str.translate`` over the whole text is slow
    on text that is mostly left as it is (and ``str.replace`` is quicker still for the
    punctuation of every Chinese sentence)."""
    shadow = text
    for wide, narrow in _COMMON_WIDE:
        shadow = shadow.replace(wide, narrow)
    shadow = _WIDE_RUN.sub(lambda m: m.group().translate(_WIDE), shadow)
    low = shadow.lower()
    return shadow, low if len(low) == len(shadow) else shadow.translate(_LOWER)


def read_message(text: str, mp: Marketplace, as_of: date) -> MessageFacts:
    """Identifiers, quantities, dates, carriers and amounts in ``text``. Never raises."""
    if not isinstance(text, str) or not text.strip():
        return MessageFacts()
    try:
        return _read(text, mp, as_of)
    except CasewriterError:
        raise  # the shipped words file is broken: say so, do not hide it
    except Exception:  # noqa: BLE001 - a bug must not crash a paste
        return MessageFacts(identifiers=extract(text))


def _read(text: str, mp: Marketplace, as_of: date) -> MessageFacts:
    shadow, low = _shadows(text)
    found = MessageFacts(identifiers=extract(text))
    spans = Spans((item.start, item.end) for item in found.identifiers)
    w = words()
    found.amounts = amounts(shadow, low, text, mp, w, spans)
    found.dates, found.problems = _dates(low, text, mp, as_of, w, spans)
    found.quantities = _quantities(low, text, w, spans)
    found.carriers = _carriers(shadow, low, text, found.identifiers, w, spans)
    return found


# -- words next to a value --------------------------------------------------------------------


def _word_after(low: str, text: str, end: int, w: Words) -> tuple[str, str, int] | None:
    m = w.date_after.match(low, end, min(len(low), end + WINDOW))
    if m is None:
        return None
    word = text[m.start("w") : m.end("w")]
    return w.dates.role_of[key(m.group("w"))], word, m.start("w") - end


# -- dates ------------------------------------------------------------------------------------


def _dates(
    low: str, text: str, mp: Marketplace, as_of: date, w: Words, spans: Spans
) -> tuple[list[MessageDate], list[Problem]]:
    out: list[MessageDate] = []
    problems: list[Problem] = []
    for hit in find_dates(low, mp, as_of):
        if not spans.free(hit.start, hit.end):
            continue
        before = word_before(low, text, hit.start, w.dates)
        after = _word_after(low, text, hit.end, w)
        near = min((x for x in (before, after) if x is not None), key=lambda x: x[2], default=None)
        if hit.bare and not _bare_is_date(low, hit, near, w):
            continue
        spans.claim(hit.start, hit.end)
        raw = text[hit.start : hit.end]
        if hit.value is None:
            why = (hit.note or "").rpartition(": ")[2] or "not a real date"
            problems.append(Problem(raw, hit.start, hit.end, why))
            continue
        role, word = (near[0], near[1]) if near else (None, None)
        note = hit.note.replace("date: ", "", 1).replace(hit.text, raw, 1) if hit.note else None
        out.append(
            MessageDate(hit.value, role, word, raw, hit.start, hit.end, hit.year_inferred, note)
        )
    return out, problems


def _bare_is_date(low: str, hit: DateHit, near: tuple[str, str, int] | None, w: Words) -> bool:
    """A year-less ``3/2`` is a date next to a date word or a cue (``on``, ``日期``), and not
    when a unit follows it (``3/5 boxes``)."""
    if w.not_a_date_after.match(low, hit.end) is not None:
        return False
    if near is not None:
        return True
    return w.date_cue.search(low, max(0, hit.start - WINDOW), hit.start) is not None


# -- quantities -------------------------------------------------------------------------------


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def _quantities(low: str, text: str, w: Words, spans: Spans) -> list[Quantity]:
    found: list[tuple[re.Match[str], str, str | None]] = []
    before, after = w.quantity_before_role, w.quantity_after_role
    for m in w.quantity_before.finditer(low):
        role = before.get(m["w"]) or before[key(m["w"])]
        found.append((m, role, w.of_role if m["of"] else None))
    for m in w.quantity_after.finditer(low):
        found.append((m, after.get(m["w"]) or after[key(m["w"])], None))
    out: list[Quantity] = []
    for m, role, of_role in sorted(found, key=lambda f: (f[0].start(), f[0].start("n"))):
        if not spans.free(m.start("n"), m.end("n")):
            continue
        spans.claim(m.start("n"), m.end("n"))
        word, phrase = text[m.start("w") : m.end("w")], text[m.start() : m.end()]
        out.append(Quantity(_count(m["n"]), role, word, phrase, m.start(), m.end()))
        if of_role is not None and spans.free(m.start("of"), m.end("of")):
            spans.claim(m.start("of"), m.end("of"))
            out.append(Quantity(_count(m["of"]), of_role, word, phrase, m.start(), m.end()))
    return out


# -- carriers ---------------------------------------------------------------------------------


#: Tracking kinds whose carrier depends on the number itself, not only on its kind.
_CARRIER_BY_NUMBER = frozenset({"tracking", "s10"})


def _carriers(
    shadow: str, low: str, text: str, ids: list[Found], w: Words, spans: Spans
) -> list[Carrier]:
    mentions: list[Carrier] = []
    for m in w.carriers.finditer(low):
        alias = key(m.group())
        if not spans.free(m.start(), m.end()):
            continue
        if alias in w.capitals_only and not shadow[m.start() : m.end()].isupper():
            continue  # "ups and downs" names no carrier
        mentions.append(
            Carrier(w.carrier_names[alias], "name", text[m.start() : m.end()], m.start(), m.end())
        )
    by_kind: dict[str, str | None] = {}
    tracking = [i for i in ids if i.kind in TRACKING_KINDS and i.status != "invalid"]
    for item in tracking:
        if item.kind in _CARRIER_BY_NUMBER or item.kind not in by_kind:
            by_kind[item.kind] = check(item.value, "tracking").carrier
        name = by_kind[item.kind]
        if name:
            mentions.append(Carrier(name, "tracking", item.value, item.start, item.end))
    out: list[Carrier] = []
    seen: set[str] = set()
    for carrier in sorted(mentions, key=lambda c: (c.source != "name", c.start)):
        if carrier.name not in seen:
            seen.add(carrier.name)
            out.append(carrier)
    return sorted(out, key=lambda c: c.start)
