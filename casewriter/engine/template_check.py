"""``templates check``: load every case type and partial override (collecting every broken
file), read every template (built-in and user) as the sandbox would (a regular file within its
size cap, UTF-8) and compile it, check that extends/includes/imports resolve, render each case
type's example strictly (with the user's overrides merged in), and report variables a template
uses that the render context lacks."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from casewriter.config import Settings
from casewriter.documents import decode_text
from casewriter.errors import CasewriterError, TemplateError
from casewriter.files import read_user_file
from casewriter.paths import AppPaths

CONTEXT_KEYS = {"ct", "mp", "seller", "facts", "ev", "evs", "attachments", "narrative", "urgency", "oer",
                "items", "totals", "deadline", "calc", "today", "terms", "zips", "documents"}  # fmt: skip


def undeclared(env: Environment, ast: nodes.Template) -> set[str]:
    """Names a template reads that neither the context, the globals nor the template defines
    (``meta`` alone also flags top-level ``set`` names read inside blocks)."""
    declared = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    declared |= {n.target for n in ast.find_all(nodes.Import)}
    declared |= {n.name for n in ast.find_all(nodes.Macro)}
    for imp in ast.find_all(nodes.FromImport):
        declared |= {name if isinstance(name, str) else name[1] for name in imp.names}
    found: set[str] = meta.find_undeclared_variables(ast)
    return (
        found
        - declared
        - CONTEXT_KEYS
        - set(env.globals)
        - {"caller", "varargs", "kwargs", "loop", "self", "super"}
    )


def _templates(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.j2") if p.is_file())


def check_all(paths: AppPaths, settings: Settings, as_of: date | None = None) -> dict[str, Any]:
    from casewriter.engine import jinja_env
    from casewriter.engine.casefile import load_case_file
    from casewriter.engine.catalog import Catalog
    from casewriter.engine.rendering import Engine

    catalog = Catalog.load(paths, strict=False, settings=settings)
    engine = Engine(paths, settings, catalog)
    problems: list[str] = list(catalog.problems)
    warnings: list[str] = []
    env = engine.env
    cap = env.limits.max_template_bytes  # the sandbox's own cap on a template file
    files = {("user", n) for n in _templates(paths.user_templates)} | {
        ("builtin", n) for n in _templates(paths.builtin_templates)
    }
    for origin, name in sorted(files):
        root = paths.user_templates if origin == "user" else paths.builtin_templates
        path = root / name
        try:
            raw = read_user_file(path, "template", TemplateError, max_bytes=cap)
            source = decode_text(raw, str(path), TemplateError)
        except TemplateError as exc:
            problems.append(exc.message)
            continue
        try:
            ast = env.parse(source, name, str(path))
        except Exception as exc:  # TemplateSyntaxError
            line = getattr(exc, "lineno", "?")
            problems.append(f"{path} line {line}: {exc}")
            continue
        for ref in meta.find_referenced_templates(ast):
            if ref is not None and not jinja_env.exists(env, ref):
                problems.append(f"{path}: extends/includes {ref!r}, which does not exist")
        names = undeclared(env, ast)
        if names:
            problems.append(
                f"{path}: undeclared variable(s) {', '.join(sorted(names))} (context: {', '.join(sorted(CONTEXT_KEYS))})"
            )
    for ct in catalog.all():
        example = next((r / "examples" / f"{ct.id}.toml" for r in (paths.user_templates, paths.builtin_templates)
                        if (r / "examples" / f"{ct.id}.toml").is_file()), None)  # fmt: skip
        if example is None:
            warnings.append(f"{ct.id}: no example in examples/{ct.id}.toml, so it was not rendered")
            continue
        try:
            subject_ast = env.parse(ct.subject)
        except TemplateSyntaxError as exc:
            problems.append(f"{ct.source_file}: subject line {exc.lineno}: {exc.message}")
            continue
        try:
            names = undeclared(env, subject_ast)
            if names:
                problems.append(
                    f"{ct.source_file}: subject uses undeclared {', '.join(sorted(names))}"
                )
            draft = load_case_file(example, catalog, settings)
            rendered = engine.render(draft, as_of=as_of, strict=True)
            if draft.oer or ct.oer:
                engine.render(
                    draft.model_copy(update={"oer": True, "urgency": "urgent"}),
                    as_of=as_of,
                    strict=True,
                )
        except CasewriterError as exc:
            problems.append(f"{ct.id} (example {example}): {exc.message}")
            continue
        for text in (rendered.subject, rendered.body):
            for artefact in ("{{", "{%", "None", "[missing"):
                if artefact in text:
                    problems.append(f"{ct.id}: rendered example contains {artefact!r}")
    return {
        "ok": not problems,
        "checked": len(catalog),
        "overrides": [str(path) for path in catalog.overrides.values()],
        "problems": problems,
        "warnings": warnings,
    }
