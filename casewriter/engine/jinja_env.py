"""The Jinja environment every template is rendered in: sandboxed, strict about undefined names,
the user's templates folder before the built-in one, and ``builtin/NAME`` for extending a
built-in template. Also the render budget's hooks (every loop step, call, operator, filter,
printed value and block of output is sized and timed against ``SandboxLimits``; see
sandbox/budget.py and sandbox/ops.py) and the translation of Jinja errors into ``TemplateError``
naming the template file and line.

Size: ~315 lines because the budget hooks must be methods of ``CaseEnvironment`` itself; the
Jinja-error translation (``render_checked``, ``_where``, ``_stop``) could move to its own
module.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from casewriter.engine.sandbox import budget, ops
from casewriter.engine.sandbox.budget import (
    BudgetExceeded,
    RenderState,
    SandboxLimits,
    current,
    estimate,
    load_limits,
)
from casewriter.engine.sandbox.compiler import BudgetCodeGenerator, CappedLoader, Counted
from casewriter.engine.sandbox.filters import guarded_filters
from casewriter.engine.sandbox.nesting import NestingChecked
from casewriter.errors import TemplateError
from casewriter.paths import AppPaths


class DataDict(dict[str, Any]):
    """The draft's data (facts, ev, evs, narrative, seller): a missing key is shown as a visible
    placeholder and reported (lenient renders), instead of aborting the whole case."""

    label: str = ""


class MissingValue(Undefined):
    """Undefined (so ``is defined`` is false) but printed as ``[missing: facts.x]`` (and reported
    once printed); arithmetic on it stays missing, comparisons are false."""

    __slots__ = ()

    def __str__(self) -> str:
        current().missing.append(str(self._undefined_name))
        return f"[missing: {self._undefined_name}]"

    def _same(self, *_: Any) -> MissingValue:
        return self

    def _false(self, *_: Any) -> bool:
        return False

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same  # type: ignore[assignment]
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _same  # type: ignore[assignment]
    __mod__ = __rmod__ = __neg__ = __pos__ = _same  # type: ignore[assignment]
    __lt__ = __le__ = __gt__ = __ge__ = _false  # type: ignore[assignment]


class CaseEnvironment(NestingChecked, ImmutableSandboxedEnvironment):
    """The sandbox with casewriter's guards: missing data shown as placeholders, and every
    operation that can cost time or memory checked against ``limits``."""

    code_generator_class = BudgetCodeGenerator
    intercepted_binops = frozenset(ops.BINOPS)

    def __init__(self, *args: Any, limits: SandboxLimits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or load_limits()
        self.finalize = self.cw_output
        self.filters.update(guarded_filters(self))
        self.globals["range"] = ops.capped_range
        self.globals["lipsum"] = ops.capped_lipsum

    def new_state(self, *, lenient: bool = True) -> RenderState:
        """The bookkeeping of one render (its clock starts now)."""
        return RenderState(lenient=lenient, limits=self.limits)

    # -- budget hooks (called by the compiled templates) -------------------------------------
    def cw_iter(self, iterable: Any) -> Counted:
        state = current(self.limits)
        try:
            size = len(iterable)
        except TypeError:
            size = 0
        state.check_items(size, "a loop")
        if size:  # a loop always runs to its end (no break): pay for it all now
            state.charge(size, f"a loop over {size:,} items")
        return Counted(iterable, state, paid=size > 0)

    def cw_concat(self, parts: tuple[Any, ...]) -> str:
        state = current(self.limits)
        limit = state.limits.max_string_chars
        size = 0
        for part in parts:
            size += len(part) if isinstance(part, str) else estimate(part, limit)
        state.check_string(size, "a string built with ~")
        return str(state.result("".join([str(part) for part in parts]), "a string built with ~"))

    def concat(self, parts: Iterable[str]) -> str:  # type: ignore[override]
        """Join a macro's, a block's or a ``{% set %}``/``{% filter %}`` block's output."""
        state = current(self.limits)
        if not isinstance(parts, list):
            parts = ops.take(state, parts, "a block's output")
        size = sum(len(part) for part in parts)
        state.check_string(size, "the output of a macro or block")
        state.tick()
        return str(state.result("".join(parts), "the output of a macro or block"))

    def cw_output(self, value: Any) -> Any:
        """Every ``{{ value }}``: the clock checked, the printed size estimated first."""
        state = current(self.limits)
        state.tick()
        if not isinstance(value, str):
            limit = state.limits.max_string_chars
            state.check_string(estimate(value, limit), "a printed value")
        return value

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        state = current(self.limits)
        state.tick()
        if isinstance(__obj, LoopContext) and args:  # loop(children) in a recursive loop
            args = (self.cw_iter(args[0]), *args[1:])
        args, kwargs = ops.method_args(state, __obj, args, kwargs)
        state.depth += 1
        try:
            if state.depth > state.limits.max_call_depth:
                raise BudgetExceeded(
                    f"macros, blocks or loop() calls nested more than {state.limits.max_call_depth} "
                    "deep (one that calls itself?)"
                )
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            state.depth -= 1
        return state.result(result, f"the result of {getattr(__obj, '__name__', 'a call')}()")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return ops.binop(current(self.limits), operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text: str = value.__self__
        format_map = value.__name__ == "format_map"

        def capped(*args: Any, **kwargs: Any) -> str:
            if format_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return ops.capped_format(self, text, (), args[0])
            return ops.capped_format(self, text, args, kwargs)

        return capped

    # -- missing data ---------------------------------------------------------------------
    def _missing(self, obj: Any, name: Any, result: Any) -> Any:
        """Every attribute or item lookup (also those a filter makes per item, as in
        ``|sort(attribute=…)``): the clock checked; absent draft data made a placeholder."""
        state = current(self.limits)
        if time.monotonic() > state.deadline:
            state.tick()
        if isinstance(result, Undefined) and isinstance(obj, DataDict):
            if state.lenient:
                dotted = f"{obj.label}.{name}" if obj.label else str(name)
                return MissingValue(name=dotted)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._missing(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._missing(obj, argument, super().getitem(obj, argument))


def build_environment(paths: AppPaths, limits: SandboxLimits | None = None) -> CaseEnvironment:
    """One sandboxed environment: user templates, then built-in, then ``builtin/`` prefix."""
    limits = limits or load_limits()
    builtin = CappedLoader(str(paths.builtin_templates), limits.max_template_bytes)
    env = CaseEnvironment(
        loader=ChoiceLoader(
            [
                CappedLoader(str(paths.user_templates), limits.max_template_bytes),
                builtin,
                PrefixLoader({"builtin": builtin}),
            ]
        ),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        limits=limits,
    )
    return env


def _where(exc: BaseException, fallback: str) -> str:
    """``<template file> line N`` from Jinja's rewritten traceback (the innermost template)."""
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or exc.name or fallback
        return f"{name} line {exc.lineno}"
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename.endswith((".j2", ".jinja", ".md", ".txt")) or f.filename == "<template>"
    ]
    if frames:
        name = fallback if frames[-1].filename == "<template>" else frames[-1].filename
        return f"{name} line {frames[-1].lineno}"
    return fallback


def _stop(render: Iterator[str], exc: BudgetExceeded) -> None:
    """Raise ``exc`` where the template is paused, so the error names its line."""
    if isinstance(render, Generator):
        render.throw(exc)
    raise exc


def render_checked(template_name: str, render: Iterator[str], state: RenderState) -> str:
    """Join a template's output chunks within the render's budget, translating every failure
    into one TemplateError line naming the template file and line."""
    token = budget.bind(state)
    try:
        cap = state.limits.max_output_chars
        chunks: list[str] = []
        size = 0
        for chunk in render:
            size += len(chunk)
            if size > cap:
                _stop(
                    render,
                    BudgetExceeded(f"the output passed {cap:,} characters (a runaway loop?)"),
                )
            state.tick()
            chunks.append(chunk)
        return "".join(chunks)
    except TemplateError:
        raise
    except TemplateNotFound as exc:
        raise TemplateError(f"template {template_name}: template {exc.name!r} not found") from None
    except BudgetExceeded as exc:
        raise TemplateError(f"template {_where(exc, template_name)}: stopped: {exc}") from None
    except SecurityError as exc:
        raise TemplateError(
            f"template {_where(exc, template_name)}: blocked by the sandbox: {exc}"
        ) from None
    except UndefinedError as exc:
        raise TemplateError(f"template {_where(exc, template_name)}: undefined: {exc}") from None
    except JinjaTemplateError as exc:
        raise TemplateError(f"template {_where(exc, template_name)}: {exc}") from None
    except RecursionError as exc:  # deep nesting in one template is NestedTooDeep, before this
        raise TemplateError(
            f"template {_where(exc, template_name)}: stopped: templates or macros nested too deep "
            "(a template that includes, imports or extends itself?)"
        ) from None
    except MemoryError as exc:
        raise TemplateError(
            f"template {_where(exc, template_name)}: stopped: out of memory"
        ) from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
        raise TemplateError(
            f"template {_where(exc, template_name)}: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        budget.unbind(token)


def data(label: str, values: Mapping[str, Any]) -> DataDict:
    d = DataDict(values)
    d.label = label
    return d


def template_file(env: CaseEnvironment, name: str) -> str:
    """The file a template name resolves to (for error messages)."""
    try:
        source = env.loader.get_source(env, name) if env.loader else None
    except TemplateNotFound:
        return name
    return source[1] if source and source[1] else name


def exists(env: CaseEnvironment, name: str) -> bool:
    try:
        if env.loader is None:
            return False
        env.loader.get_source(env, name)
    except TemplateNotFound:
        return False
    return True


def user_or_builtin(paths: AppPaths, name: str) -> Path | None:
    for root in (paths.user_templates, paths.builtin_templates):
        if (root / name).is_file():
            return root / name
    return None
