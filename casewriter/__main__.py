"""The ``casewriter`` command line: argument parsing, dispatch and the error boundary.

Each subcommand lives in ``casewriter/commands/<name>.py`` with ``register()`` (argparse only,
no heavy imports) and a handler that imports what it needs when it runs. Only the module of the
command being run is imported (all of them for ``--help``), and ``--version`` answers before
argparse loads, which keeps ``--version``, ``check`` and ``extract`` fast and free of textual,
jinja2 and pydantic. Every failure ends here as one line on stderr and an exit code; never a
traceback.
"""

from __future__ import annotations

import sys

from casewriter import __version__
from casewriter.errors import CasewriterError
from casewriter.output import print_error, safe_streams

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

#: Global options that take a value (so the command name is the token after it).
_VALUED_OPTIONS = ("--home", "--lang")


def command_name(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, if any (skipping global options)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _VALUED_OPTIONS:
            skip = True
        elif token == "--":
            return None
        elif not token.startswith("-"):
            return token
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with ``only``, just that subcommand is registered (fast path)."""
    import argparse
    import importlib

    from casewriter.commands import COMMAND_MODULES

    class CliParser(argparse.ArgumentParser):
        """argparse with the project's error style: one line, exit code 2."""

        def error(self, message: str) -> NoReturn:
            print_error(f"{message} (try '{self.prog} --help')")
            raise SystemExit(2)

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
    names = (only,) if only in COMMAND_MODULES else COMMAND_MODULES
    for name in names:
        module = importlib.import_module(f"casewriter.commands.{name}")
        module.register(subparsers, common)
    return parser


if TYPE_CHECKING:
    from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script and ``python -m casewriter``."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list in (["--version"], ["-V"]):
        sys.stdout.write(f"casewriter {__version__}\n")
        return 0
    # Everything a command prints as text shows terminal controls as visible escapes
    # (casewriter.output.SafeTextStream); JSON is printed exact. The TUI writes to the real
    # terminal (sys.__stdout__) and escapes in its own widgets (casewriter.tui.safe).
    with safe_streams():
        return _run(args_list)


def _run(args_list: list[str]) -> int:
    """Parse, dispatch and turn every failure into one line on stderr and an exit code."""
    for number, arg in enumerate(args_list, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 (decoded with surrogateescape)
            raw = arg.encode("utf-8", "surrogateescape")
            print_error(f"argument {number} is not valid UTF-8 text: {raw!r}")
            return 2
    try:
        parser = build_parser(only=command_name(args_list))
        args = parser.parse_args(args_list)
        from casewriter.commands import Context

        ctx = Context(home=args.home, json=args.json, lang=args.lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            from casewriter.commands.new import open_tui

            return open_tui(ctx, build_parser(), case_type=None)
        return int(handler(args, ctx) or 0)
    except CasewriterError as exc:
        print_error(exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # `casewriter log list | head`: the reader went away; that is not an error.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # the boundary: a bug still gets one line, not a traceback
        import os

        if os.environ.get("CASEWRITER_DEBUG"):
            raise
        print_error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set CASEWRITER_DEBUG=1 to see the traceback, and please report it)"
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
