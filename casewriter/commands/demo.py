"""``casewriter demo``: a living sample log to explore, without touching your own data."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from casewriter.commands import Context, add_command


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = add_command(
        subparsers,
        common,
        "demo",
        help="fill a new home with sample cases and report files to explore",
        description=(
            "Create a home folder with realistic sample cases in several statuses and sample "
            "Seller Central report files, then tell you how to open it. Without --home (or "
            "CASEWRITER_HOME) a new temporary folder is used, so your own log is never touched; "
            "a home whose log already holds cases is refused."
        ),
    )
    parser.set_defaults(handler=run)


def program(argv0: str | None = None, which: str | None = None) -> str:
    """How to run this casewriter again from the same folder, as a shell word or two.

    ``casewriter`` when that name on PATH is this very script (venv activated, or installed);
    otherwise the script as it was invoked (``.venv/bin/casewriter`` right after ``make run``),
    or ``python -m casewriter`` with this interpreter.
    """
    import shutil
    from pathlib import Path

    argv0 = (sys.argv[0] if sys.argv else "") if argv0 is None else argv0
    on_path = shutil.which("casewriter") if which is None else which
    if Path(argv0).name in ("__main__.py", "-m", "-c", ""):
        return f"{shlex.quote(sys.executable)} -m casewriter"
    if on_path and Path(on_path).resolve() == Path(argv0).resolve():
        return "casewriter"
    return shlex.quote(argv0)


def run(args: argparse.Namespace, ctx: Context) -> int:
    import os
    import tempfile
    from pathlib import Path

    from casewriter.output import print_json
    from casewriter.paths import AppPaths
    from casewriter.services.demo import build_demo

    home = args.home or os.environ.get("CASEWRITER_HOME")
    if home:
        paths = ctx.paths
    else:
        paths = AppPaths.under(Path(tempfile.mkdtemp(prefix="casewriter-demo-")))
    report = build_demo(paths)
    if ctx.json:
        print_json(report.to_json())
        return 0
    where = shlex.quote(str(report.home))
    me = program()
    statuses = ", ".join(f"{n} {s}" for s, n in report.statuses.items())
    lines = [
        f"Demo home ready: {report.home}",
        f"  {len(report.cases)} cases ({statuses})",
        f"  sample Seller Central reports in {report.reports_dir}",
        f"  inventory reports in {report.inventory_dir}, {report.account_records} weeks of "
        "Account Health records",
        "",
        "Open it:",
        f"  {me} --home {where}",
        "Or try:",
        f"  {me} --home {where} log due",
        f"  {me} --home {where} log search 'FBA17XKQ9M2Z'",
        f"  {me} --home {where} scan {shlex.quote(str(report.reports_dir))} --as-of 2026-06-30",
        f"  {me} --home {where} health {shlex.quote(str(report.inventory_dir))}",
        f"  (or: export CASEWRITER_HOME={where})",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
