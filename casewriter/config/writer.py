"""``config.toml`` as text, written with tomlkit so a user's file keeps its comments and layout.

``config_text(settings, old)`` changes in ``old`` (the file as it is) only what differs from
``settings``: a value that already reads as the new one keeps its spelling (``"uk"``, a literal
string, a TOML date); a key that is absent is added only when its value differs from what
reading the file without it gives; a profile is matched to the user's table of the same ``id``
and edited in place, comments included; tables the settings no longer hold are removed. A new
file is written whole, each setting with its help line as a comment (``model.py``).

Imports tomlkit, so only saving loads it (``casewriter.config.save_settings``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import MutableMapping
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import AoT, Array, InlineTable, Table

from casewriter.config.model import Settings
from casewriter.config.schema import hints, read_table, reads_as, shape, spec_of
from casewriter.documents import parse_toml
from casewriter.errors import UsageError

HEADER = "casewriter settings. Edit here or in the app (Settings)."


def config_text(settings: Settings, old: str | None = None, where: str = "config.toml") -> str:
    """The text of ``config.toml`` holding ``settings``: ``old`` with what changed (see the
    module docstring), or a new documented file. ``old`` that is not valid TOML raises
    UsageError (it is not overwritten)."""
    if old is None or not old.strip():
        return tomlkit.dumps(_new_document(settings))
    parse_toml(old, where)  # one clear line (and bounded nesting) before tomlkit sees it
    try:
        doc = tomlkit.parse(old)
        _update(doc, settings, documented=True)
    except TOMLKitError as exc:  # valid TOML that tomlkit cannot edit: leave it as it is
        raise UsageError(f"{where}: cannot be updated in place ({exc}); not overwritten") from None
    return tomlkit.dumps(doc)


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _default(f: dataclasses.Field[Any]) -> Any:
    """What reading a table without this key gives."""
    spec = spec_of(f)
    if spec.default_from is not None:
        return spec.default_from()
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


def _unwrap(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _update(table: MutableMapping[str, Any], obj: Any, *, documented: bool = False) -> None:
    """Make ``table`` (a tomlkit container) read as ``obj``, touching only what differs."""
    cls = type(obj)
    for f in dataclasses.fields(cls):
        value, present = getattr(obj, f.name), f.name in table
        kind, inner, _ = shape(hints(cls)[f.name])
        if value is None:
            if present:
                del table[f.name]
        elif kind == "table":
            if present and isinstance(table[f.name], MutableMapping):
                _update(table[f.name], value)
            elif present or value != _default(f):
                table[f.name] = _new_table(value, inline=False, documented=documented)
        elif kind == "tables":
            _set_items(table, f.name, value, inner, spec_of(f).key)
        elif present:
            same, read = reads_as(cls, f.name, _unwrap(table[f.name]))
            if not (same and read == value):
                table[f.name] = _plain(value)
        elif value != _default(f):
            table[f.name] = _plain(value)


def _set_items(
    table: MutableMapping[str, Any], name: str, items: tuple[Any, ...], cls: type, key: str
) -> None:
    """Make ``table[name]`` (an array of tables, or an inline array of tables) hold ``items``,
    built from the user's tables: one that reads as an item is kept as it is, one with the
    item's ``key`` is edited in place, the rest are new; tables no item matches are removed.
    The user's order and spacing stay unless the items were reordered."""
    old = table.get(name)
    if not items:
        if name in table:
            del table[name]
        return
    existing = list(old) if isinstance(old, AoT | Array) else []
    inline = isinstance(old, Array)
    used: set[int] = set()
    chosen = [_match(existing, item, cls, key, used) for item in items]
    kept = [i for i in chosen if i is not None]
    if isinstance(old, AoT | Array) and kept == sorted(kept) and chosen[: len(kept)] == kept:
        # Same order, new items at the end: edit the user's list in place.
        for index in reversed(range(len(existing))):
            if index not in kept:
                del old[index]
        for item, at in zip(items, chosen, strict=True):
            if at is None:
                old.append(_new_table(item, inline=inline, spaced=not inline))
        return
    rebuilt = [
        existing[i] if i is not None else _new_table(item, inline=inline)
        for item, i in zip(items, chosen, strict=True)
    ]
    if inline:
        array = tomlkit.array()
        array.extend(rebuilt)
        table[name] = array
    else:
        tables = tomlkit.aot()
        for one in rebuilt:
            tables.append(one)
        table[name] = tables


def _match(existing: list[Any], item: Any, cls: type, key: str, used: set[int]) -> int | None:
    """The index of the user's table for ``item`` (not one in ``used``; edited in place to read
    as the item when matched by ``key``), or None."""
    free = [(i, old) for i, old in enumerate(existing) if i not in used]
    found = next((i for i, old in free if _reads_as_item(old, cls, item)), None)
    if found is None and key:
        found = next(
            (
                i
                for i, old in free
                if isinstance(old, MutableMapping) and _unwrap(old.get(key)) == getattr(item, key)
            ),
            None,
        )
        if found is not None:
            _update(existing[found], item)
    if found is not None:
        used.add(found)
    return found


def _reads_as_item(table: Any, cls: type, item: Any) -> bool:
    if not isinstance(table, MutableMapping):
        return False
    try:
        return bool(read_table(cls, _unwrap(table), "config.toml") == item)
    except UsageError:  # a table that does not read is simply not this item
        return False


def _new_table(
    obj: Any, *, inline: bool, documented: bool = False, spaced: bool = False
) -> Table | InlineTable:
    """A table holding ``obj``: absent-valued keys (None, an empty optional text) left out;
    ``documented``: each key after its help line; ``spaced``: a blank line after it."""
    table: Table | InlineTable = tomlkit.inline_table() if inline else tomlkit.table()
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if value is None or (value == "" and f.default == ""):
            continue
        if documented and isinstance(table, Table):
            table.add(tomlkit.comment(spec_of(f).doc))
        table[f.name] = _plain(value)
    if spaced and isinstance(table, Table):
        table.add(tomlkit.nl())
    return table


def _new_document(settings: Settings) -> tomlkit.TOMLDocument:
    """A new ``config.toml``: every top-level setting and ``[limits]`` written with its help."""
    doc = tomlkit.document()
    doc.add(tomlkit.comment(HEADER))
    doc.add(tomlkit.nl())
    for f in dataclasses.fields(settings):
        value, doc_line = getattr(settings, f.name), spec_of(f).doc
        kind, inner, _ = shape(hints(Settings)[f.name])
        if kind == "tables":
            if not value:
                continue
            tables = tomlkit.aot()
            for item in value:
                tables.append(_new_table(item, inline=False))
            _header_comment(tables[0], doc_line)
            doc.add(f.name, tables)
        elif kind == "table":
            table = _new_table(value, inline=False, documented=True)
            _header_comment(table, doc_line)
            doc.add(f.name, table)
        else:
            doc.add(tomlkit.comment(doc_line))
            doc.add(f.name, _plain(value))
    return doc


def _header_comment(table: Table | InlineTable, text: str) -> None:
    """``[name]  # text``."""
    table.comment(text)
    table.trivia.comment_ws = "  "
