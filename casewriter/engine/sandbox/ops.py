"""The sandbox's operations with a price checked before they run: the operators (``+ - * ** %``),
the string and integer methods that build big results (``center``, ``replace``, ``join``,
``translate``, ``to_bytes``, …), ``str.format``/``format_map``, and the ``range`` and ``lipsum``
globals. The filters are in filters.py.

Each check estimates the size of the result from its inputs and refuses (``BudgetExceeded``)
before anything big is allocated; each result is then measured against the render's limits
(``RenderState.result``). ``jinja_env.CaseEnvironment`` wires these in.
"""

from __future__ import annotations

import math
import operator
import sys
from collections.abc import Callable, Mapping
from itertools import islice
from string import Formatter
from typing import Any

from jinja2.sandbox import SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum

from casewriter.engine.sandbox.budget import (
    BudgetExceeded,
    RenderState,
    current,
    estimate,
    printf_size,
)

BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "**": operator.pow,
    "%": operator.mod,
}


def binop(state: RenderState, op: str, left: Any, right: Any) -> Any:
    """``left op right`` with its result's size checked first."""
    state.tick()
    if op == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(n, int) and isinstance(seq, str | bytes):
                state.check_string(len(seq) * max(n, 0), "a string built with *")
            elif isinstance(n, int) and isinstance(seq, list | tuple):
                state.check_items(len(seq) * max(n, 0), "a list built with *")
        if isinstance(left, int) and isinstance(right, int):
            state.check_bits(left.bit_length() + right.bit_length(), "a number computed with *")
    elif op == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            # |left| >= 2, so the result has at least `right` bits: no float overflow below
            bits = right if right > state.limits.max_int_bits else right * math.log2(abs(left))
            state.check_bits(math.ceil(bits), "a number computed with **")
    elif op == "+":
        if isinstance(left, str | bytes) and isinstance(right, str | bytes):
            state.check_string(len(left) + len(right), "a string built with +")
        elif isinstance(left, list | tuple) and isinstance(right, list | tuple):
            state.check_items(len(left) + len(right), "a list built with +")
    elif op == "%" and isinstance(left, str):
        limit = state.limits.max_string_chars
        state.check_string(printf_size(left, right, limit), "a string built with %")
    return state.result(BINOPS[op](left, right), f"the result of {op}")


def arg(args: tuple[Any, ...], kwargs: Mapping[str, Any], i: int, name: str, default: Any) -> Any:
    return args[i] if len(args) > i else kwargs.get(name, default)


def take(state: RenderState, iterable: Any, what: str) -> list[Any]:
    """The items of ``iterable`` as a list, refusing past ``max_items`` as it goes."""
    if isinstance(iterable, list):
        state.check_items(len(iterable), what)
        return iterable
    if isinstance(iterable, tuple | str | dict | set | frozenset):
        state.check_items(len(iterable), what)
        return list(iterable)
    # at C speed; whatever produces the items (template code, filters) checks the clock
    items = list(islice(iterable, state.limits.max_items + 1))
    state.check_items(len(items), what)
    return items


def method_args(
    state: RenderState, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Refuse a call of a str/bytes/int method whose result would be too big (the arguments,
    with ``join``'s iterable read into a list)."""
    owner = getattr(func, "__self__", None)
    name = getattr(func, "__name__", "")
    if isinstance(owner, str | bytes | bytearray):
        what = f"a string built with .{name}()"
        size = len(owner)
        if name in ("center", "ljust", "rjust", "zfill"):
            width = arg(args, kwargs, 0, "width", 0)
            size = width if isinstance(width, int) else size
        elif name == "expandtabs":
            tab = "\t" if isinstance(owner, str) else b"\t"
            tabsize = arg(args, kwargs, 0, "tabsize", 8)
            size += owner.count(tab) * tabsize if isinstance(tabsize, int) else 0  # type: ignore[arg-type]
        elif name == "replace" and len(args) >= 2:
            size = replace_size(owner, args[0], args[1], arg(args, kwargs, 2, "count", -1))
        elif name == "join" and args:
            items = take(state, args[0], what)
            limit = state.limits.max_string_chars
            size = sum(len(x) if isinstance(x, str | bytes) else 0 for x in items)
            size += len(owner) * max(len(items) - 1, 0)
            args = (items, *args[1:])
            state.check_string(min(size, limit + 1), what)
        elif name == "translate" and args:
            table = args[0]
            values = table.values() if isinstance(table, Mapping) else table
            longest = max((estimate(v, 1 << 62) for v in take(state, values, what)), default=1)
            size *= max(longest, 1)
        state.check_string(size, what)
    elif isinstance(owner, int) and name == "to_bytes":
        length = arg(args, kwargs, 0, "length", 1)
        if isinstance(length, int):
            state.check_string(length, "bytes built with .to_bytes()")
    return args, kwargs


def replace_size(text: Any, old: Any, new: Any, count: Any) -> int:
    if not (isinstance(old, str | bytes) and isinstance(new, str | bytes)):
        return len(text)
    try:
        hits = text.count(old) if old else len(text) + 1
    except TypeError:  # str.replace with bytes arguments: Python refuses it
        return len(text)
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return int(len(text) + hits * max(len(new) - len(old), 0))


class _CappedFormatter(SandboxedFormatter):
    """``str.format`` that sizes every field before formatting it (widths, precisions, the
    value printed, and the running total)."""

    def __init__(self, state: RenderState, base: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._state = state
        self._size = base

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion is not None:
            self._add(estimate(value, self._state.limits.max_string_chars))
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        numbers = "".join(c if c.isdigit() else " " for c in format_spec).split()
        widest = max((int(n) if len(n) < 10 else 1 << 40 for n in numbers), default=0)
        self._add(widest + estimate(value, self._state.limits.max_string_chars))
        return super().format_field(value, format_spec)

    def _add(self, size: int) -> None:
        self._size += size
        self._state.tick()
        self._state.check_string(self._size, "a string built with .format()")


class _CappedEscapeFormatter(_CappedFormatter, SandboxedEscapeFormatter):
    pass


def capped_format(env: Any, text: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> str:
    """``text.format(*args, **kwargs)`` inside the sandbox, sized as it goes."""
    state = current(env.limits)
    formatter: Formatter
    if hasattr(text, "__html__"):
        formatter = _CappedEscapeFormatter(state, len(text), env=env, escape=text.escape)  # type: ignore[attr-defined]
    else:
        formatter = _CappedFormatter(state, len(text), env=env)
    return str(
        state.result(type(text)(formatter.vformat(text, args, kwargs)), "a .format() result")
    )


def capped_range(*args: int) -> range:
    state = current()
    state.tick()
    r = range(*args)
    try:
        n = len(r)
    except OverflowError:
        n = sys.maxsize
    state.check_items(n, "range()")
    return r


def capped_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    state = current()
    state.check_items(n * max if n > 0 and max > 0 else 0, "lipsum()'s words")
    return str(state.result(generate_lorem_ipsum(n, html, min, max), "lipsum()"))


__all__ = ["BudgetExceeded", "binop", "method_args", "capped_format", "take"]
