"""``casewriter templates list|show NAME|copy NAME [--force]|check|accept NAME``: see the
built-in and user templates, copy one into the user folder for editing, and lint everything
(``check`` renders every case type's example and reports undeclared variables, broken overrides
and copies whose built-in has changed since they were copied: ``engine/template_copies.py``;
``accept`` records that a copy now follows today's built-in).

Only names inside the template folders are accepted: an absolute path, ``..`` or a symbolic link
that leads out of its folder is refused, so ``show`` never prints and ``copy`` never writes a file
elsewhere. A copy is written atomically (``casewriter.files``).

Size: ~310 lines; the path checks that keep every name inside its template folder
(``template_name``, ``inside``, ``candidates``, ``find``, ``_copy_target``, ~80 lines) could
move to their own module.
"""

from __future__ import annotations

import argparse
import os
import re
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
        "check",
        parents=common_parents,
        help="render every example, lint all templates, and say which of your copies' "
        "built-ins changed since you copied them",
    ).set_defaults(handler=run_check)
    accept = sub.add_parser(
        "accept",
        parents=common_parents,
        help="record that your copy of NAME now follows today's built-in (after you compared them)",
    )
    accept.add_argument("name", metavar="NAME", help="template name or case type id")
    accept.set_defaults(handler=run_accept)


def template_files(root: Path) -> list[str]:
    """The template and case-type files under ``root`` (links leading out of it left out)."""
    if not root.is_dir():
        return []
    base = root.resolve()
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name.endswith(SUFFIXES) and p.resolve().is_relative_to(base)
    )


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.output import print_json

    builtin = template_files(ctx.paths.builtin_templates)
    user = template_files(ctx.paths.user_templates)
    partial = {_stem(n, _OVERRIDE): n for n in user if _stem(n, _OVERRIDE)}
    rows: list[dict[str, Any]] = [
        {"name": n, "origin": "user", "overrides": n in builtin} for n in user
    ]
    rows += [{"name": n, "origin": "builtin", "overrides": False} for n in builtin if n not in user]
    for r in rows:
        own = _stem(r["name"], _CASE_TYPE) if r["origin"] == "builtin" else None
        r["partly_overridden_by"] = partial.get(own or "")
        r["partial_override_of"] = _stem(r["name"], _OVERRIDE)
    rows.sort(key=lambda r: str(r["name"]))
    if ctx.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['name']:<52} {_list_tag(r, builtin)}")
    print(f"\nuser templates folder: {ctx.paths.user_templates}")
    return 0


_CASE_TYPE = re.compile(r"^case_types/([^/]+)\.toml$")
_OVERRIDE = re.compile(r"^overrides/([^/]+)\.toml$")


def _stem(name: str, pattern: re.Pattern[str]) -> str | None:
    """The case type id in ``case_types/<id>.toml`` or ``overrides/<id>.toml``, else None."""
    found = pattern.match(name)
    return found.group(1) if found else None


def _list_tag(row: dict[str, Any], builtin: list[str]) -> str:
    if row["partial_override_of"]:
        of = row["partial_override_of"]
        if f"case_types/{of}.toml" in builtin:
            return f"user (partly overrides case type {of})"
        return f"user (partial override of {of}, which is not a built-in case type)"
    tag = "user (overrides built-in)" if row["overrides"] else str(row["origin"])
    if row["partly_overridden_by"] and row["origin"] == "builtin":
        tag += f" (partly overridden by {row['partly_overridden_by']})"
    return tag


_LIST_HINT = "'casewriter templates list' shows them"
_DRIVE = re.compile(r"^[A-Za-z]:")


def template_name(name: str) -> str:
    """``name`` as a relative path inside a template tree (``builtin/`` prefix kept). A path that
    leads anywhere else (absolute, ``~``, ``..``, a drive letter, a NUL) is a UsageError: only
    names inside the templates folders are read or written."""
    raw = name.strip()
    if not raw:
        raise UsageError(f"give a template name or case type id ({_LIST_HINT})")
    posix = raw.replace("\\", "/")
    parts = posix.split("/")
    if (
        posix.startswith(("/", "~"))
        or _DRIVE.match(posix)
        or "\x00" in raw
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise UsageError(
            f"{raw[:80]!r} is not a template name: give a name inside the templates folder, "
            f"e.g. _base.md.j2 or a case type id ({_LIST_HINT})"
        )
    return posix


def inside(root: Path, rel: str) -> Path | None:
    """``root/rel`` when it is a file whose real path stays inside ``root``'s real path; None
    when there is no such file; UsageError when it is a link (or in a linked folder) that leads
    out of ``root``."""
    path = root / rel
    if not os.path.lexists(path):
        return None
    try:
        real = path.resolve(strict=True)
        base = root.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop
        return None
    if not real.is_relative_to(base):
        raise UsageError(
            f"{path} leads outside {root} (a symbolic link to {real}); "
            "only files inside the templates folder are used"
        )
    return path if real.is_file() else None


def candidates(name: str) -> list[str]:
    if name.endswith(SUFFIXES):
        return [name.removeprefix("builtin/")]
    return [f"case_types/{name}.toml", f"case_types/{name}.md.j2", f"{name}.md.j2", name]


def find(paths: AppPaths, name: str, *, builtin_only: bool = False) -> tuple[str, Path, str]:
    name = template_name(name)
    roots = [("builtin", paths.builtin_templates)]
    if not builtin_only and not name.startswith("builtin/"):
        roots.insert(0, ("user", paths.user_templates))
    for rel in candidates(name):
        for origin, root in roots:
            found = inside(root, rel)
            if found is not None:
                return rel, found, origin
    raise NotFoundError(f"no template or case type named {name!r} ({_LIST_HINT})")


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.documents import decode_text
    from casewriter.files import read_user_file
    from casewriter.output import print_json

    rel, path, origin = find(ctx.paths, args.name)
    text = decode_text(read_user_file(path, "template"), str(path))
    case_type = _stem(rel, _CASE_TYPE) if origin == "builtin" else None
    partial = _partial_override(ctx.paths, case_type) if case_type else None
    if ctx.json:
        print_json({"name": rel, "path": str(path), "origin": origin, "text": text,
                    "partly_overridden_by": partial})  # fmt: skip
    else:
        print(f"# {rel} ({origin}: {path})")
        if partial:
            print(f"# partly overridden by {partial} ('casewriter types' shows the result)")
        print(text, end="" if text.endswith("\n") else "\n")
    return 0


def _partial_override(paths: AppPaths, case_type: str) -> str | None:
    """``overrides/<id>.toml`` when the user has one, else None."""
    rel = f"overrides/{case_type}.toml"
    return rel if inside(paths.user_templates, rel) is not None else None


def case_type_files(paths: AppPaths, case_type_id: str) -> list[str]:
    """A built-in case type's files: ``case_types/<id>.toml`` and the templates it names
    (shared ones too, e.g. ``case_types/warehouse.md.j2``) or that carry its id."""
    from casewriter.documents import decode_text, parse_toml
    from casewriter.files import read_user_file

    root = paths.builtin_templates
    toml = f"case_types/{case_type_id}.toml"
    path = inside(root, toml)
    if path is None:
        return []
    data = parse_toml(decode_text(read_user_file(path, "case-type file"), str(path)), str(path))
    named = [data.get("template"), data.get("oer_template")]
    names = [toml, *(n for n in named if isinstance(n, str) and n)]
    names += [f"case_types/{case_type_id}{s}" for s in (".md.j2", ".oer.md.j2")]
    return [n for n in dict.fromkeys(names) if inside(root, n) is not None]


def _copy_target(paths: AppPaths, rel: str, source: Path) -> Path:
    """Where the user's copy of built-in ``rel`` goes: inside the user templates folder, and
    not the built-in file itself (``--home`` at a casewriter checkout makes them one folder)."""
    root = paths.user_templates
    target = root / rel
    real_root = root.resolve()
    real_folder = target.parent.resolve()
    if not real_folder.is_relative_to(real_root):
        raise UsageError(
            f"{target.parent} leads outside {root} (a symbolic link to {real_folder}); "
            "copies are only written inside the templates folder"
        )
    if real_folder / target.name == source.resolve():
        raise UsageError(
            f"{target} is the built-in file itself: your templates folder {root} is the "
            "built-in one; use a --home outside the casewriter folder"
        )
    return target


def run_copy(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.files import os_reason, read_user_file, write_atomic
    from casewriter.output import print_json

    name = template_name(args.name)
    names: list[str]
    if name.endswith(SUFFIXES):
        names = [find(ctx.paths, name, builtin_only=True)[0]]
    else:
        names = case_type_files(ctx.paths, name)
        if not names:
            names = [find(ctx.paths, name, builtin_only=True)[0]]
    for rel in names:
        case_type = _stem(rel, _CASE_TYPE)
        partial = _partial_override(ctx.paths, case_type) if case_type else None
        if partial:
            raise UsageError(
                f"you change {case_type} with {ctx.paths.user_templates / partial}, a partial "
                "override; a full copy would replace the built-in case type and its fixes. Put "
                "the change in the override, or move the override away first"
            )
    targets = []
    for rel in names:
        source = ctx.paths.builtin_templates / rel
        targets.append((source, _copy_target(ctx.paths, rel, source)))
    existing = [str(t) for _, t in targets if os.path.lexists(t)]
    if existing and not args.force:
        raise UsageError(f"{existing[0]} already exists; use --force to overwrite it")
    contents = [read_user_file(src, "template") for src, _ in targets]  # all read, then written
    from casewriter.engine import record_template_copies as record

    # what was copied, recorded first: `templates check` says when a built-in changes later
    record(ctx.paths.user_templates, dict(zip(names, contents, strict=True)))
    for (_, dst), data in zip(targets, contents, strict=True):
        try:
            dst.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CasewriterError(f"cannot create {dst.parent}: {os_reason(exc)}") from None
        write_atomic(dst, data, mode=0o644)
    if ctx.json:
        print_json({"copied": [str(t) for _, t in targets]})
    else:
        for rel, (_, t) in zip(names, targets, strict=True):
            shared = not name.endswith(SUFFIXES) and not Path(rel).name.startswith(f"{name}.")
            note = " (a template other case types share: your copy is used for them too)"
            print(f"copied to {t}{note if shared else ''}")
    return 0


def run_check(args: argparse.Namespace, ctx: Context) -> int:
    from casewriter.engine import check_templates as check_all
    from casewriter.output import print_json

    try:
        report = check_all(ctx.paths, ctx.settings)
    except CasewriterError as exc:
        report = {
            "ok": False,
            "checked": 0,
            "overrides": [],
            "problems": [exc.message],
            "warnings": [],
        }
    from casewriter.engine import compare_template_copies as compare

    user = ctx.paths.user_templates
    copies = compare(user, ctx.paths.builtin_templates, template_files(user))
    report["copies"] = [c.to_json() for c in copies if c.status != "current"]
    report["warnings"] = [*report["warnings"], *(w for c in copies if (w := c.warning()))]
    if ctx.json:
        print_json(report)
    else:
        for line in report["problems"]:
            print(f"problem: {line}")
        for line in report["warnings"]:
            print(f"warning: {line}")
        verdict = "clean" if report["ok"] else f"{len(report['problems'])} problem(s)"
        partial = len(report["overrides"])
        merged = f" ({partial} with your partial override)" if partial else ""
        print(f"checked {report['checked']} case type(s){merged} and their templates: {verdict}")
    return 0 if report["ok"] else 1


def run_accept(args: argparse.Namespace, ctx: Context) -> int:
    """Record today's built-in as the one the user's copy of NAME follows (the copy itself is
    left as it is)."""
    from casewriter.engine import record_template_copies as record
    from casewriter.files import read_user_file
    from casewriter.output import print_json

    name = template_name(args.name)
    names = [name.removeprefix("builtin/")] if name.endswith(SUFFIXES) else candidates(name)
    if not name.endswith(SUFFIXES):
        names = [*case_type_files(ctx.paths, name), *names]
    found = [
        rel
        for rel in dict.fromkeys(names)
        if inside(ctx.paths.user_templates, rel) is not None
        and inside(ctx.paths.builtin_templates, rel) is not None
    ]
    if not found:
        raise NotFoundError(
            f"you have no copy of a built-in template named {args.name!r} ({_LIST_HINT})"
        )
    builtin = {rel: read_user_file(ctx.paths.builtin_templates / rel, "template") for rel in found}
    record(ctx.paths.user_templates, builtin)
    if ctx.json:
        print_json({"accepted": found})
    else:
        for rel in found:
            print(f"recorded: your copy of {rel} follows today's built-in")
    return 0
