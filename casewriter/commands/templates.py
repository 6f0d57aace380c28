"""``casewriter templates list|show NAME|copy NAME [--force]|check``: see the built-in and user
templates, copy one into the user folder for editing, and lint everything (``check`` renders
every case type's example and reports undeclared variables and broken overrides)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casewriter.commands import Context, add_command
from casewriter.errors import CasewriterError, NotFoundError, UsageError

if TYPE_CHECKING:
    from casewriter.paths import AppPaths

SUFFIXES = (".j2", ".toml")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(subparsers, common, "templates", help="list, show, copy and check templates and case types",
                         description="Built-in templates live in the package; yours in <config>/templates/ "
                         "are searched first and may extend a built-in one as builtin/NAME.")  # fmt: skip
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    common_parents = [common]
    sub.add_parser(
        "list", parents=common_parents, help="list templates and case-type files"
    ).set_defaults(handler=run_list)
    show = sub.add_parser(
        "show", parents=common_parents, help="print a template (yours if you have one)"
    )
    show.add_argument(
        "name", metavar="NAME", help="template name (e.g. _base.md.j2) or case type id"
    )
    show.set_defaults(handler=run_show)
    copy = sub.add_parser(
        "copy", parents=common_parents, help="copy a built-in template or case type for editing"
    )
    copy.add_argument("name", metavar="NAME", help="template name or case type id")
    copy.add_argument("--force", action="store_true", help="overwrite your existing copy")
    copy.set_defaults(handler=run_copy)
    sub.add_parser(
        "check", parents=common_parents, help="render every example and lint all templates"
    ).set_defaults(handler=run_check)


def template_files(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name.endswith(SUFFIXES)
    )


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.output import print_json

    builtin = template_files(ctx.paths.builtin_templates)
    user = template_files(ctx.paths.user_templates)
    rows = [{"name": n, "origin": "user", "overrides": n in builtin} for n in user]
    rows += [{"name": n, "origin": "builtin", "overrides": False} for n in builtin if n not in user]
    rows.sort(key=lambda r: str(r["name"]))
    if ctx.json:
        print_json(rows)
        return 0
    for r in rows:
        tag = "user (overrides built-in)" if r["overrides"] else str(r["origin"])
        print(f"{r['name']:<52} {tag}")
    print(f"\nuser templates folder: {ctx.paths.user_templates}")
    return 0


def candidates(name: str) -> list[str]:
    if name.endswith(SUFFIXES):
        return [name.removeprefix("builtin/")]
    return [f"case_types/{name}.toml", f"case_types/{name}.md.j2", f"{name}.md.j2", name]


def find(paths: AppPaths, name: str, *, builtin_only: bool = False) -> tuple[str, Path, str]:
    roots = [("builtin", paths.builtin_templates)]
    if not builtin_only and not name.startswith("builtin/"):
        roots.insert(0, ("user", paths.user_templates))
    for rel in candidates(name):
        for origin, root in roots:
            if (root / rel).is_file():
                return rel, root / rel, origin
    raise NotFoundError(
        f"no template or case type named {name!r} ('casewriter templates list' shows them)"
    )


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.output import print_json

    rel, path, origin = find(ctx.paths, args.name)
    text = path.read_text(encoding="utf-8")
    if ctx.json:
        print_json({"name": rel, "path": str(path), "origin": origin, "text": text})
    else:
        print(f"# {rel} ({origin}: {path})")
        print(text, end="" if text.endswith("\n") else "\n")
    return 0


def run_copy(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.output import print_json

    names: list[str]
    if args.name.endswith(SUFFIXES):
        names = [find(ctx.paths, args.name, builtin_only=True)[0]]
    else:
        base = ctx.paths.builtin_templates / "case_types"
        names = [
            f"case_types/{args.name}{s}"
            for s in (".toml", ".md.j2", ".oer.md.j2")
            if (base / f"{args.name}{s}").is_file()
        ]
        if not names:
            names = [find(ctx.paths, args.name, builtin_only=True)[0]]
    targets = [(ctx.paths.builtin_templates / n, ctx.paths.user_templates / n) for n in names]
    existing = [str(t) for _, t in targets if t.exists()]
    if existing and not args.force:
        raise UsageError(f"{existing[0]} already exists; use --force to overwrite it")
    for src, dst in targets:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    if ctx.json:
        print_json({"copied": [str(t) for _, t in targets]})
    else:
        for _, t in targets:
            print(f"copied to {t}")
    return 0


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.output import print_json
    from casewriter.template_check import check_all

    try:
        report = check_all(ctx.paths, ctx.settings)
    except CasewriterError as exc:
        report = {"ok": False, "checked": 0, "problems": [exc.message], "warnings": []}
    if ctx.json:
        print_json(report)
    else:
        for line in report["problems"]:
            print(f"problem: {line}")
        for line in report["warnings"]:
            print(f"warning: {line}")
        verdict = "clean" if report["ok"] else f"{len(report['problems'])} problem(s)"
        print(f"checked {report['checked']} case type(s) and their templates: {verdict}")
    return 0 if report["ok"] else 1
