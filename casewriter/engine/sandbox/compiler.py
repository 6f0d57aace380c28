"""How templates are found and compiled for the sandbox: ``CappedLoader`` (a folder of
templates, each file size-capped before it is read) and ``BudgetCodeGenerator`` (Jinja's code
generator with every ``for`` loop's iterable wrapped in ``environment.cw_iter(...)``, which
yields a ``Counted``, and ``~`` compiled to ``environment.cw_concat(...)``). The environment
that provides those hooks is ``jinja_env.CaseEnvironment``.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2 import FileSystemLoader, nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.loaders import split_template_path

from casewriter.engine.sandbox.budget import RenderState
from casewriter.errors import TemplateError


class Counted:
    """A ``for`` loop's iterable: each step is counted against the render and the clock. A
    ``paid`` loop (a sized iterable: its steps were charged in full when it started) only
    checks the clock, every ``_TICK_EVERY`` steps."""

    __slots__ = ("_paid", "_source", "_state")

    def __init__(self, source: Iterable[Any], state: RenderState, paid: bool = False) -> None:
        self._source = source
        self._state = state
        self._paid = paid

    def __len__(self) -> int:
        return len(self._source)  # type: ignore[arg-type]  # TypeError: LoopContext counts

    def __iter__(self) -> Iterator[Any]:
        if self._paid:
            tick = self._state.tick
            for n, item in enumerate(self._source):
                if not n % _TICK_EVERY:
                    tick()
                yield item
            return
        step = self._state.step
        for item in self._source:
            step()
            yield item


#: How often a paid loop looks at the clock (each step's body checks it too when it prints,
#: calls or computes anything).
_TICK_EVERY = 64


class BudgetCodeGenerator(CodeGenerator):
    """Jinja's code generator, with every ``for`` loop's iterable wrapped in
    ``environment.cw_iter(...)`` and ``~`` compiled to ``environment.cw_concat(...)``
    (``CaseEnvironment``). Jinja allows no custom AST nodes, so the loop's iterable node is
    remembered and wrapped when it is visited."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._counted: set[int] = set()

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        self._counted.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) not in self._counted:
            return super().visit(node, *args, **kwargs)
        self.write("environment.cw_iter(")
        super().visit(node, *args, **kwargs)
        self.write(")")
        return None

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.cw_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class CappedLoader(FileSystemLoader):
    """A folder of templates; a file bigger than ``max_bytes`` is refused before it is read
    (only regular files are found at all: ``os.path.isfile``)."""

    def __init__(self, searchpath: str, max_bytes: int) -> None:
        super().__init__(searchpath)
        self.max_bytes = max_bytes

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        for folder in self.searchpath:
            filename = posixpath.join(folder, *split_template_path(template))
            if os.path.isfile(filename):
                size = os.path.getsize(filename)
                if size > self.max_bytes:
                    raise TemplateError(
                        f"template {filename}: too large ({size:,} bytes; at most {self.max_bytes:,})"
                    )
                break
        return super().get_source(environment, template)
