"""What one template render may cost, and the bookkeeping that enforces it.

Owns ``SandboxLimits`` (read from ``limits.toml`` beside this module: data with a source
and an as-of date, not constants in code), ``RenderState`` (one render's counters: deadline,
loop steps, characters built, call depth, missing data), ``BudgetExceeded`` (a template went
past a limit) and the size estimates that let an operation be refused *before* it allocates:
``estimate`` (how long ``str(value)`` would be) and ``printf_size`` (how long ``fmt % args``
would be). The sandbox hooks that use them live in ``engine/jinja_env.py`` and ``filters.py``.

Size: ~305 lines; the size estimates (``estimate``, ``_estimate``, ``printf_size``, ~100 lines)
are pure functions that could move to their own module beside ``ops.py``.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Undefined
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError
from jinja2.utils import Namespace

from casewriter.errors import CasewriterError

LIMITS_FILE = Path(__file__).resolve().with_name("limits.toml")


class BudgetExceeded(SecurityError):
    """A template went past one of its limits (reported with the template file and line)."""


@dataclass(frozen=True)
class SandboxLimits:
    """The limits of one render (see limits.toml for what each one bounds)."""

    source: str
    as_of: date
    time_budget_s: float
    max_output_chars: int
    max_string_chars: int
    max_items: int
    max_loop_steps: int
    max_built_chars: int
    max_int_bits: int
    max_call_depth: int
    max_template_bytes: int
    max_block_nesting: int
    max_bracket_nesting: int
    max_expression_operators: int


def limits_from_dict(data: Mapping[str, Any], where: str) -> SandboxLimits:
    """Validate the parsed limits file: every field present, of its type, positive."""
    known = {f.name: f for f in fields(SandboxLimits)}
    for key in data:
        if key not in known:
            raise CasewriterError(f"{where}: unknown limit {key!r}")
    values: dict[str, Any] = {}
    for name in known:
        if name not in data:
            raise CasewriterError(f"{where}: {name} is missing")
        value = data[name]
        if name == "source":
            ok = isinstance(value, str) and bool(value.strip())
        elif name == "as_of":
            ok = isinstance(value, date)
        elif name == "time_budget_s":
            ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
        else:
            ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
        if not ok:
            raise CasewriterError(f"{where}: {name} = {value!r} is not valid")
        values[name] = float(value) if name == "time_budget_s" else value
    return SandboxLimits(**values)


@lru_cache(maxsize=1)
def load_limits(path: Path = LIMITS_FILE) -> SandboxLimits:
    """The shipped limits (read once per process)."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CasewriterError(f"cannot read the template limits {path}: {exc}") from None
    return limits_from_dict(data, str(path))


@dataclass
class RenderState:
    """One render's bookkeeping (kept in a context variable, so threads do not share it)."""

    lenient: bool = True
    limits: SandboxLimits = field(default_factory=load_limits)
    missing: list[str] = field(default_factory=list)
    deadline: float = 0.0
    steps_left: int = 0
    built_left: int = 0
    depth: int = 0

    def __post_init__(self) -> None:
        self.deadline = time.monotonic() + self.limits.time_budget_s
        self.steps_left = self.limits.max_loop_steps
        self.built_left = self.limits.max_built_chars

    def tick(self) -> None:
        """Stop the render once its wall-clock budget is spent."""
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(
                f"the template ran past its time budget of {self.limits.time_budget_s:g} s"
            )

    def step(self) -> None:
        """One loop step: counted against the render's steps, and the clock checked."""
        self.steps_left -= 1
        if self.steps_left < 0:
            raise BudgetExceeded(
                f"loops ran more than {self.limits.max_loop_steps:,} steps in one render"
            )
        if time.monotonic() > self.deadline:
            self.tick()

    def charge(self, steps: int, what: str) -> None:
        """Work of a known size paid before it starts (a loop over a sized iterable, a sort):
        the render stops at once instead of after the steps it could not afford."""
        self.steps_left -= steps
        if self.steps_left < 0:
            raise BudgetExceeded(
                f"{what} would take the render past {self.limits.max_loop_steps:,} loop steps"
            )
        self.tick()

    def built(self, size: int) -> None:
        """Account for a string or list just built."""
        self.built_left -= size
        if self.built_left < 0:
            raise BudgetExceeded(
                f"the template built more than {self.limits.max_built_chars:,} characters in all"
            )

    def check_string(self, size: int, what: str) -> None:
        if size > self.limits.max_string_chars:
            raise BudgetExceeded(
                f"{what} would be {size:,} characters (limit {self.limits.max_string_chars:,})"
            )

    def check_items(self, size: int, what: str) -> None:
        if size > self.limits.max_items:
            raise BudgetExceeded(
                f"{what} would have {size:,} items (limit {self.limits.max_items:,})"
            )

    def check_bits(self, bits: int, what: str) -> None:
        if bits > self.limits.max_int_bits:
            raise BudgetExceeded(
                f"{what} would have about {bits * 3 // 10:,} digits "
                f"(limit {self.limits.max_int_bits * 3 // 10:,})"
            )

    def result(self, value: Any, what: str) -> Any:
        """Check and account for the result of an operation; return it unchanged."""
        if isinstance(value, str | bytes):
            self.check_string(len(value), what)
            self.built(len(value))
        elif isinstance(value, list | tuple | dict | set | frozenset):
            self.check_items(len(value), what)
            self.built(len(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            self.check_bits(value.bit_length(), what)
        return value


_STATE: contextvars.ContextVar[RenderState] = contextvars.ContextVar("cw_render_state")


def current(limits: SandboxLimits | None = None) -> RenderState:
    """The state of the render under way; outside one (a constant folded while a template is
    compiled), a fresh state, so each operation is still capped on its own."""
    state = _STATE.get(None)
    if state is None:
        return RenderState(lenient=False, limits=limits or load_limits())
    return state


def bind(state: RenderState) -> contextvars.Token[RenderState]:
    return _STATE.set(state)


def unbind(token: contextvars.Token[RenderState]) -> None:
    _STATE.reset(token)


_SMALL = 64  # what an object of unknown type is taken to print as (dates, models, undefined)
_MAX_NESTING = 100


def estimate(value: Any, limit: int, indent: int = 0) -> int:
    """About how many characters ``str(value)`` (or its JSON/pprint form, with ``indent`` per
    nesting level) would have; stops counting once past ``limit`` (the caller refuses then).
    Never calls ``str`` on a container, so it costs no allocation however big the answer."""
    return _estimate(value, limit, indent, 0)


def _estimate(value: Any, limit: int, indent: int, depth: int) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bytes | bytearray):
        return 4 * len(value) + 3
    if isinstance(value, bool) or value is None:
        return 5
    if isinstance(value, int):
        return value.bit_length() * 3 // 10 + 2
    if isinstance(value, float):
        return 24
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        digits = len(value.as_tuple().digits)
        return digits + (abs(exponent) if isinstance(exponent, int) else 0) + 4
    if isinstance(value, Undefined):
        return _SMALL
    if depth > _MAX_NESTING:
        return limit + 1
    if isinstance(value, TemplateModule):
        return sum(len(part) for part in value._body_stream)
    if isinstance(value, Namespace):
        value = value._Namespace__attrs  # type: ignore[attr-defined]
    if isinstance(value, Mapping):
        items: Any = (x for pair in value.items() for x in pair)
    elif isinstance(value, list | tuple | set | frozenset | KeysView | ValuesView | ItemsView):
        items = value
    else:
        return _SMALL
    total = 2
    per_item = 2 + indent * (depth + 1)
    for item in items:
        total += per_item + _estimate(item, limit - total, indent, depth + 1)
        if total > limit:
            return total
    return total


def printf_size(fmt: str, args: Any, limit: int) -> int:
    """About how long ``fmt % args`` would be, read the way CPython reads ``%`` conversions
    (mapping keys with nested parentheses, ``*`` widths taken from the arguments)."""
    values = list(args) if isinstance(args, tuple) else [args]
    mapping = args if isinstance(args, Mapping) else None
    total, i, n, pos = len(fmt), 0, len(fmt), 0

    def take() -> Any:
        nonlocal pos
        value = values[pos] if pos < len(values) else None
        pos += 1
        return value

    def number() -> int:
        nonlocal i
        if i < n and fmt[i] == "*":
            i += 1
            value = take()
            return abs(value) if isinstance(value, int) else 0
        start = i
        while i < n and fmt[i].isdigit():
            i += 1
        digits = i - start
        return 0 if digits == 0 else int(fmt[start:i]) if digits < 10 else limit + 1

    while total <= limit:
        i = fmt.find("%", i)
        if i < 0:
            break
        i += 1
        key: str | None = None
        if i < n and fmt[i] == "(":
            depth, start = 1, i + 1
            i += 1
            while i < n and depth:
                depth += {"(": 1, ")": -1}.get(fmt[i], 0)
                i += 1
            key = fmt[start : i - 1]
        while i < n and fmt[i] in "-+ #0":
            i += 1
        width = number()
        precision = 0
        if i < n and fmt[i] == ".":
            i += 1
            precision = number()
        while i < n and fmt[i] in "hlL":
            i += 1
        conversion = fmt[i] if i < n else ""
        i += 1
        if conversion == "%":
            total += max(width, 1)
            continue
        if mapping is not None and key is not None:
            value = mapping.get(key)
        else:
            value = take()
        total += width + precision + estimate(value, limit - total)
    return total
