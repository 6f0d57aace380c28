"""Jinja's built-in filters with their price checked first: every filter checks the clock and
has its result measured; those that print their input have its size estimated; ``format``,
``join``, ``replace``, ``center``, ``indent``, ``wordwrap``, ``urlize``, ``string``, ``pprint``,
``tojson``, ``xmlattr``, ``urlencode``, ``batch``, ``slice`` and ``int`` size their result from
their arguments before running; ``sum`` adds one item at a time through the capped ``+``;
``sort``, ``dictsort`` and ``groupby`` charge n·log2(n) loop steps for n items before sorting.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import wraps
from typing import Any

from jinja2 import pass_environment
from jinja2.filters import make_attrgetter

from casewriter.engine.sandbox.budget import RenderState, current, estimate, printf_size
from casewriter.engine.sandbox.ops import arg, binop, replace_size, take

Args = tuple[Any, ...]
Pre = Callable[[RenderState, Any, Any, Args, dict[str, Any]], tuple[Any, Args, dict[str, Any]]]


def _pre_center(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    width = arg(args, kw, 0, "width", 80)
    state.check_string(width if isinstance(width, int) else 0, "the result of |center")
    return value, args, kw


def _pre_indent(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    width = arg(args, kw, 0, "width", 4)
    unit = width if isinstance(width, int) else estimate(width, state.limits.max_string_chars)
    lines = len(str(value).splitlines()) + 1
    state.check_string(
        estimate(value, state.limits.max_string_chars) + lines * unit, "the result of |indent"
    )
    return value, args, kw


def _pre_format(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    limit = state.limits.max_string_chars
    state.check_string(printf_size(str(value), kw or args, limit), "the result of |format")
    return value, args, kw


def _pre_join(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    attribute = arg(args, kw, 1, "attribute", None)
    if attribute is not None:
        value = map(make_attrgetter(env, attribute), value)
        kw = {k: v for k, v in kw.items() if k != "attribute"}
        args = args[:1]
    items = take(state, value, "the list given to |join")
    limit = state.limits.max_string_chars
    size = estimate(arg(args, kw, 0, "d", ""), limit) * max(len(items) - 1, 0)
    for item in items:
        size += estimate(item, limit)
        if size > limit:
            break
    state.check_string(size, "the result of |join")
    return items, args, kw


def _pre_replace(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    if len(args) >= 2:
        count = arg(args, kw, 2, "count", None)
        size = replace_size(str(value), str(args[0]), str(args[1]), count)
        state.check_string(size, "the result of |replace")
    return value, args, kw


def _pre_wordwrap(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    text = str(value)
    width = arg(args, kw, 0, "width", 79)
    wrap = arg(args, kw, 2, "wrapstring", None)
    lines = len(text) // max(width if isinstance(width, int) else 1, 1) + text.count("\n") + 1
    state.check_string(len(text) + lines * len(str(wrap or "\n")), "the result of |wordwrap")
    return value, args, kw


def _pre_urlize(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    text = str(value)
    extra = sum(len(str(kw.get(k) or "")) for k in ("target", "rel"))
    words = len(text.split())
    state.check_string(3 * len(text) + words * (60 + extra), "the result of |urlize")
    return value, args, kw


def _sized(factor: int, name: str) -> Pre:
    """Filters that print a whole structure: JSON escapes grow a character up to 6 times,
    URL encoding up to 12 times; ``indent`` is paid per item and nesting level."""

    def pre(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
        indent = arg(args, kw, 0, "indent", 0) if name == "tojson" else int(name == "pprint")
        indent = indent if isinstance(indent, int) else len(str(indent))
        limit = state.limits.max_string_chars
        state.check_string(factor * estimate(value, limit, indent), f"the result of |{name}")
        return value, args, kw

    return pre


def _count_arg(name: str, param: str) -> Pre:
    def pre(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
        count = arg(args, kw, 0, param, 0)
        state.check_items(count if isinstance(count, int) else 0, f"the result of |{name}")
        return value, args, kw

    return pre


def _pre_int(state: RenderState, env: Any, value: Any, args: Args, kw: dict[str, Any]) -> Any:
    if isinstance(value, Decimal) and value.is_finite():
        state.check_bits(max(value.adjusted(), 0) * 10 // 3, "|int")
    return value, args, kw


PRECHECKS: dict[str, Pre] = {
    "center": _pre_center,
    "indent": _pre_indent,
    "format": _pre_format,
    "join": _pre_join,
    "replace": _pre_replace,
    "wordwrap": _pre_wordwrap,
    "urlize": _pre_urlize,
    "string": _sized(1, "string"),
    "pprint": _sized(1, "pprint"),
    "tojson": _sized(6, "tojson"),
    "xmlattr": _sized(6, "xmlattr"),
    "urlencode": _sized(12, "urlencode"),
    "batch": _count_arg("batch", "linecount"),
    "slice": _count_arg("slice", "slices"),
    "int": _pre_int,
}
# filters that sort their input: n items cost about n·log2(n) loop steps (a key function runs
# in Python for each comparison's item), charged before sorting
SORTING_FILTERS = frozenset({"sort", "dictsort", "groupby"})
# filters that turn their input into text first: the input's printed size is checked
TEXT_FILTERS = frozenset(
    "capitalize center e escape forceescape format indent lower replace safe string striptags "
    "title trim truncate upper urlize wordcount wordwrap".split()
)


def guard_filter(env: Any, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with the clock checked, its input and arguments sized, its result measured."""
    offset = 1 if hasattr(func, "jinja_pass_arg") else 0
    pre = PRECHECKS.get(name)
    text = name in TEXT_FILTERS
    sorts = name in SORTING_FILTERS
    what = f"the result of |{name}"

    @wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        state = current(env.limits)
        state.tick()
        if len(args) > offset:
            value, rest = args[offset], args[offset + 1 :]
            if sorts and hasattr(value, "__len__"):
                n = len(value)
                state.charge(n * max(n.bit_length(), 1), f"|{name} of {n:,} items")
            if text:
                limit = state.limits.max_string_chars
                state.check_string(estimate(value, limit), f"the input of |{name}")
            if pre is not None:
                value, rest, kwargs = pre(state, env, value, rest, kwargs)
            args = (*args[:offset], value, *rest)
        return state.result(func(*args, **kwargs), what)

    return guarded


@pass_environment
def capped_sum(env: Any, iterable: Iterable[Any], attribute: Any = None, start: Any = 0) -> Any:
    """``|sum`` adding one item at a time through the capped ``+``."""
    state = current(env.limits)
    if attribute is not None:
        iterable = map(make_attrgetter(env, attribute), iterable)
    total = start
    for item in iterable:
        state.step()
        total = binop(state, "+", total, item)
    return total


def guarded_filters(env: Any) -> dict[str, Callable[..., Any]]:
    """Every filter of ``env`` wrapped by ``guard_filter`` (``sum`` replaced)."""
    out = {name: guard_filter(env, name, func) for name, func in env.filters.items()}
    out["sum"] = guard_filter(env, "sum", capped_sum)
    return out
