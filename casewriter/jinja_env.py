"""The Jinja environment every template is rendered in: sandboxed, strict about undefined names,
the user's templates folder before the built-in one, and ``builtin/NAME`` for extending a
built-in template. Also the guards against runaway templates (output cap, a per-render range
budget, big string/list repetition) and the translation of Jinja errors into ``TemplateError``
naming the template file and line.
"""

from __future__ import annotations

import contextvars
import operator
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
)
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from casewriter.errors import TemplateError
from casewriter.paths import AppPaths

MAX_OUTPUT = 200_000
RANGE_BUDGET = 100_000
MAX_REPEAT = 100_000


@dataclass
class RenderState:
    """Per-render bookkeeping (a context variable, so threads do not share it)."""

    lenient: bool = True
    range_left: int = RANGE_BUDGET
    missing: list[str] = field(default_factory=list)


_STATE: contextvars.ContextVar[RenderState] = contextvars.ContextVar("cw_render_state")


class DataDict(dict[str, Any]):
    """The draft's data (facts, ev, evs, narrative, seller): a missing key is shown as a visible
    placeholder and reported (lenient renders), instead of aborting the whole case."""

    label: str = ""


class MissingValue(Undefined):
    """Undefined (so ``is defined`` is false) but printed as ``[missing: facts.x]`` (and reported
    once printed); arithmetic on it stays missing, comparisons are false."""

    __slots__ = ()

    def __str__(self) -> str:
        _state().missing.append(str(self._undefined_name))
        return f"[missing: {self._undefined_name}]"

    def _same(self, *_: Any) -> MissingValue:
        return self

    def _false(self, *_: Any) -> bool:
        return False

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same  # type: ignore[assignment]
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = _same  # type: ignore[assignment]
    __mod__ = __rmod__ = __neg__ = __pos__ = _same  # type: ignore[assignment]
    __lt__ = __le__ = __gt__ = __ge__ = _false  # type: ignore[assignment]


def _state() -> RenderState:
    try:
        return _STATE.get()
    except LookupError:
        return RenderState(lenient=False)


def _budget_range(*args: int) -> range:
    r = range(*args)
    state = _state()
    state.range_left -= len(r)
    if len(r) > RANGE_BUDGET or state.range_left < 0:
        raise SecurityError(f"range() asked for too many items (budget {RANGE_BUDGET} per render)")
    return r


class CaseEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with casewriter's guards."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**" and isinstance(right, int) and abs(right) > 100:
            raise SecurityError("exponent too large in a template")
        if operator_ == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int):
                    if len(seq) * n > MAX_REPEAT:
                        raise SecurityError("repetition too large in a template")
            return operator.mul(left, right)
        return super().call_binop(context, operator_, left, right)

    def _missing(self, obj: Any, name: Any, result: Any) -> Any:
        if isinstance(result, Undefined) and isinstance(obj, DataDict):
            if _state().lenient:
                dotted = f"{obj.label}.{name}" if obj.label else str(name)
                return MissingValue(name=dotted)
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._missing(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._missing(obj, argument, super().getitem(obj, argument))


def build_environment(paths: AppPaths) -> CaseEnvironment:
    """One sandboxed environment: user templates, then built-in, then ``builtin/`` prefix."""
    builtin = FileSystemLoader(str(paths.builtin_templates))
    env = CaseEnvironment(
        loader=ChoiceLoader(
            [
                FileSystemLoader(str(paths.user_templates)),
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
    )
    env.globals["range"] = _budget_range
    return env


def _where(exc: BaseException, fallback: str) -> str:
    """``<template file> line N`` from Jinja's rewritten traceback."""
    if isinstance(exc, TemplateSyntaxError):
        name = exc.filename or exc.name or fallback
        return f"{name} line {exc.lineno}"
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename.endswith((".j2", ".jinja", ".md", ".txt")) or f.filename == "<template>"
    ]
    if frames:
        return f"{frames[-1].filename} line {frames[-1].lineno}"
    return fallback


def render_checked(
    template_name: str, render: Iterator[str], state: RenderState, cap: int = MAX_OUTPUT
) -> str:
    """Join a template's output chunks, translating every failure into TemplateError."""
    token = _STATE.set(state)
    try:
        chunks: list[str] = []
        size = 0
        for chunk in render:
            size += len(chunk)
            if size > cap:
                raise TemplateError(
                    f"template {template_name}: output passed {cap // 1000} KB; stopped (a runaway loop?)"
                )
            chunks.append(chunk)
        return "".join(chunks)
    except TemplateError:
        raise
    except TemplateNotFound as exc:
        raise TemplateError(f"template {template_name}: template {exc.name!r} not found") from None
    except SecurityError as exc:
        raise TemplateError(
            f"template {_where(exc, template_name)}: blocked by the sandbox: {exc}"
        ) from None
    except UndefinedError as exc:
        raise TemplateError(f"template {_where(exc, template_name)}: undefined: {exc}") from None
    except JinjaTemplateError as exc:
        raise TemplateError(f"template {_where(exc, template_name)}: {exc}") from None
    except RecursionError:
        raise TemplateError(f"template {template_name}: recursion too deep") from None
    except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as exc:
        raise TemplateError(
            f"template {_where(exc, template_name)}: {type(exc).__name__}: {exc}"
        ) from None
    finally:
        _STATE.reset(token)


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
