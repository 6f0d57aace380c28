"""The ``casewriter`` command line: argument parsing, dispatch and the error boundary.

Each subcommand lives in ``casewriter/commands/<name>.py`` with ``register()`` (argparse only,
no heavy imports) and a handler that imports what it needs when it runs. That keeps
``--version``, ``check`` and ``extract`` free of textual, jinja2 and pydantic.
Every failure ends here as one line on stderr and an exit code; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from casewriter import __version__
from casewriter.commands import COMMAND_MODULES, Context
from casewriter.errors import CasewriterError
from casewriter.output import print_error


class CliParser(argparse.ArgumentParser):
    """argparse with the project's error style: one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        print_error(f"{message} (try '{self.prog} --help')")
        raise SystemExit(2)


def common_options() -> argparse.ArgumentParser:
    """Options every subcommand also accepts after its name (``casewriter check X --json``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON instead of text"
    )
    common.add_argument(
        "--home",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep the log, config and user templates under DIR (or set CASEWRITER_HOME)",
    )
    return common


def build_parser() -> CliParser:
    parser = CliParser(
        prog="casewriter",
        description=(
            "Turn an Amazon seller's problem into a Seller Central case: checked identifiers, "
            "the evidence Amazon asks for, a deadline, and a local case log. Offline; it never "
            "files anything for you. Run with no command to open the interactive app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"casewriter {__version__}")
    parser.add_argument("--json", action="store_true", default=False, help="print JSON")
    parser.add_argument(
        "--home",
        metavar="DIR",
        default=None,
        help="keep the log, config and user templates under DIR (or set CASEWRITER_HOME)",
    )
    parser.add_argument(
        "--lang", choices=("en", "zh"), default=None, help="interface language (English / 简体中文)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = common_options()
    for name in COMMAND_MODULES:
        module_name = f"casewriter.commands.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # a command still being built; never in a release
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and ``python -m casewriter``."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        ctx = Context(home=args.home, json=args.json, lang=args.lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            from casewriter.commands.new import open_tui

            return open_tui(ctx, parser, case_type=None)
        return int(handler(args, ctx) or 0)
    except CasewriterError as exc:
        print_error(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # `casewriter log list | head`: the reader went away; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # the boundary: a bug still gets one line, not a traceback
        if os.environ.get("CASEWRITER_DEBUG"):
            raise
        print_error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set CASEWRITER_DEBUG=1 to see the traceback, and please report it)"
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
