"""How deeply a template may nest, checked before it is compiled: ``NestingChecked`` is the
environment mixin that runs ``check_nesting`` on the template's tokens (Jinja's lexer, no
recursion) and turns what Python itself cannot take into a ``TemplateSyntaxError`` naming the
template's file and line.

Why: Jinja's parser and code generator recurse once per nested bracket or operator, and Python
compiles the generated code with hard limits (20 nested loops: "too many statically nested
blocks"; 200 nested parentheses; 100 levels of indentation). A template past them raised
``SyntaxError`` or ``RecursionError`` from deep inside Jinja, without the template's name or
line. The limits here (``max_block_nesting``, ``max_bracket_nesting``,
``max_expression_operators`` in limits.toml: a chain ``a + b + c …`` nests too) are far
above any real template and below what Python and the stack can take, so a deep template stops
at the line where it went too deep; anything else Python refuses while compiling is still
reported as nested too deeply, on the template's line when Jinja's debug info has it.
"""

from __future__ import annotations

from types import CodeType
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from casewriter.engine.sandbox.budget import SandboxLimits

#: Tags that open a block closed by ``end<tag>`` (``set`` only without ``=``: a block set).
BLOCK_TAGS = frozenset(
    {"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "trans", "set"}
)
_OPERATORS = {"(": "lparen", "[": "lbracket", "{": "lbrace", ")": "rparen", "]": "rbracket",
              "}": "rbrace", "=": "assign"}  # fmt: skip
#: Operators, filters and tests, attribute lookups: each nests the expression one level deeper
#: (``a + b + c`` is ``(a + b) + c``), and compiling costs the square of the chain's length.
_CHAINING = {"+", "-", "*", "/", "//", "%", "**", "~", "|", ".", "==", "!=", ">", ">=", "<",
             "<=", "and", "or", "not", "in", "is", "if", "else"}  # fmt: skip
_OPEN = {"lparen", "lbracket", "lbrace"}
_CLOSE = {"rparen", "rbracket", "rbrace"}


class NestedTooDeep(TemplateSyntaxError):
    """A template nested more deeply than the sandbox's limits (or Python) allow."""

    def __init__(self, message: str, lineno: int, name: str | None, filename: str | None):
        super().__init__(message, lineno, name, filename)
        self.translated = True  # str() is the message alone: the caller names file and line


def check_nesting(env: Any, source: str, name: str | None, filename: str | None,
                  limits: SandboxLimits) -> int:  # fmt: skip
    """Raise ``NestedTooDeep`` at the first line where blocks or brackets nest past the
    limits; otherwise the line of the tag with the most tokens (where a long operator or
    filter chain would be, for ``compile_failed``). One pass over the tokens."""
    blocks: list[str] = []
    brackets = 0
    tag: list[str] = []  # the current {% %} tag's first name and whether it assigns
    tokens = chained = 0
    longest = (0, 1)
    for lineno, kind, value in env.lexer.tokeniter(source, name, filename):
        if kind == "operator":  # tokeniter's raw kinds: "(" is ("operator", "(")
            chained += value in _CHAINING
            kind = _OPERATORS.get(value, kind)
        elif kind == "whitespace":
            continue
        elif kind == "name" and value in _CHAINING and tag:
            chained += 1
        if kind in ("block_begin", "variable_begin"):
            tag, tokens, chained = ([] if kind == "block_begin" else ["{{"]), 0, 0
            continue
        if chained > limits.max_expression_operators:
            raise _too_deep("operators", limits.max_expression_operators, lineno, name, filename)
        tokens += 1
        if tokens > longest[0]:
            longest = (tokens, lineno)
        if kind in _OPEN:
            brackets += 1
            if brackets > limits.max_bracket_nesting:
                raise _too_deep("brackets", limits.max_bracket_nesting, lineno, name, filename)
        elif kind in _CLOSE:
            brackets = max(0, brackets - 1)
        elif kind == "name" and not tag:
            tag.append(value)
        elif kind == "assign" and tag == ["set"] and brackets == 0:
            tag.append("=")
        elif kind == "block_end":
            _block(tag, blocks)
            if len(blocks) > limits.max_block_nesting:
                raise _too_deep("blocks", limits.max_block_nesting, lineno, name, filename)
            brackets = 0
    return longest[1]


def _block(tag: list[str], blocks: list[str]) -> None:
    """Open or close a block for the ``{% %}`` tag just ended."""
    if not tag:
        return
    word = tag[0]
    if word in BLOCK_TAGS and tag != ["set", "="]:
        blocks.append(word)
    elif word.startswith("end") and word[3:] in BLOCK_TAGS and blocks:
        blocks.pop()


def _too_deep(what: str, limit: int, lineno: int, name: str | None,
              filename: str | None) -> NestedTooDeep:  # fmt: skip
    shown = {
        "blocks": "{% for %}/{% if %}/… blocks inside each other",
        "brackets": "brackets ( [ { inside each other",
        "operators": "operators, filters and attribute lookups chained in one tag",
    }[what]
    return NestedTooDeep(f"nested too deeply: {shown} (limit {limit})", lineno, name, filename)


def _python_line(python: str, lineno: int | None) -> int | None:
    """The template line of line ``lineno`` of Jinja's generated code (its ``debug_info``)."""
    marker = "debug_info = '"
    at = python.rfind(marker)
    if lineno is None or at < 0:
        return None
    pairs = python[at + len(marker) :].split("'", 1)[0]
    best = None
    for pair in filter(None, pairs.split("&")):
        template_line, _, code_line = pair.partition("=")
        if code_line.isdigit() and int(code_line) <= lineno and template_line.isdigit():
            best = int(template_line)
    return best


class NestingChecked:
    """Environment mixin: templates nested past the limits (or past what Python compiles) are a
    ``TemplateSyntaxError`` with the template's file and line, never ``SyntaxError`` or
    ``RecursionError``. Expects ``self.limits`` (``SandboxLimits``)."""

    limits: SandboxLimits

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        check_nesting(self, source, name, filename, self.limits)
        return super()._parse(source, name, filename)  # type: ignore[misc, no-any-return]

    def _compile(self, source: str, filename: str) -> CodeType:
        try:
            return super()._compile(source, filename)  # type: ignore[misc, no-any-return]
        except SyntaxError as exc:  # "too many statically nested blocks", parentheses, indents
            line = _python_line(source, exc.lineno) or 1
            raise _failed(self.limits, line, None, filename) from None

    def compile(self, source: Any, name: str | None = None, filename: str | None = None,
                *args: Any, **kwargs: Any) -> Any:  # fmt: skip
        try:
            return super().compile(source, name, filename, *args, **kwargs)  # type: ignore[misc]
        except RecursionError:  # Jinja's parser or code generator, one frame per level
            line = 1
            if isinstance(source, str):
                line = check_nesting(self, source, name, filename, self.limits)
            raise _failed(self.limits, line, name, filename) from None


def _failed(limits: SandboxLimits, line: int, name: str | None,
            filename: str | None) -> NestedTooDeep:  # fmt: skip
    return NestedTooDeep(
        "nested too deeply for Python to compile (a long chain of operators or filters, or "
        f"blocks and brackets inside each other; limits: {limits.max_block_nesting} blocks, "
        f"{limits.max_bracket_nesting} brackets)",
        line,
        name,
        filename,
    )
