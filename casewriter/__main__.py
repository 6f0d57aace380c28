"""The ``casewriter`` command line: argument parsing, dispatch and the error boundary.

Each subcommand lives in ``casewriter/commands/<name>.py`` with ``register()`` (argparse only,
no heavy imports) and a handler that imports what it needs when it runs. Only the module of the
command being run is imported (all of them for ``--help``), and ``--version`` answers before
argparse loads, which keeps ``--version``, ``check`` and ``extract`` fast and free of textual,
jinja2 and pydantic. Every failure ends here as one line on stderr and an exit code; never a
traceback. Exit codes: 0 done, 2 bad input, 1 another failure (both: nothing was changed), 3
the change was saved but its result could not be printed (standard output failed after the
commit; a standard output known to fail is refused before the command runs).
"""

from __future__ import annotations

import sys

from casewriter import __version__
from casewriter.errors import CasewriterError
from casewriter.output import (
    forget_saved,
    print_error,
    safe_streams,
    saved_so_far,
    stdout_problem,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from casewriter.commands import Context

#: Exit code of a command that saved its change (the case log was written) but could not print
#: its result: the change stands, so running it again would repeat it (a second note). Exit 1
#: and 2 always mean nothing was changed.
SAVED_NOT_PRINTED = 3

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
    if not _standard_streams_open():
        return 1
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
    label = ""
    ctx: Context | None = None  # the error below is said in the language it chose
    forget_saved()
    try:
        if args_list in (["--version"], ["-V"]):
            if not _stdout_writable():
                return 1
            sys.stdout.write(f"casewriter {__version__}\n")
            sys.stdout.flush()
            return 0
        only = command_name(args_list)
        if only is None and not _asks_help(args_list):
            # No command: the TUI. Only ``new`` is registered (the others' modules are not
            # imported), which is a third of the app's start-up beyond Textual's own.
            only = "new"
        parser = build_parser(only=only)
        args = parser.parse_args(args_list)
        from casewriter.commands import Context

        ctx = Context(home=args.home, json=args.json, lang=args.lang)
        handler = getattr(args, "handler", None)
        if handler is None:
            from casewriter.commands.new import open_tui

            return open_tui(ctx)
        label = " ".join(str(x) for x in (args.command, getattr(args, "log_command", None)) if x)
        if not _stdout_writable():
            return 1
        code = int(handler(args, ctx) or 0)
        sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
        return code
    except CasewriterError as exc:
        from casewriter.messages import say  # a ``Said`` in the chosen language; else as it is

        print_error(say(exc.message, ctx.chosen_lang() if ctx is not None else "en"))
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except BrokenPipeError:
        # `casewriter log list | head`: the reader went away; that is not an error.
        _discard_stdout()
        return 0
    except OSError as exc:
        if not _stdout_failed(exc):
            return _internal_error(exc)
        from casewriter.files import os_reason

        _discard_stdout()
        done = saved_so_far()
        if done:
            print_error(
                f"{label or 'the command'}: saved to {' and '.join(done)}, but could not print "
                f"the result: {os_reason(exc)} — do not run it again; 'casewriter log list' "
                "shows the log"
            )
            return SAVED_NOT_PRINTED
        print_error(f"cannot write to standard output: {os_reason(exc)}")
        return 1
    except Exception as exc:  # the boundary: a bug still gets one line, not a traceback
        return _internal_error(exc)


def _asks_help(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for the help (which lists every command)."""
    return any(arg == "-h" or (arg.startswith("--he") and "--help".startswith(arg)) for arg in argv)


def _stdout_writable() -> bool:
    """Refuse, before the command changes anything, a standard output known to fail."""
    problem = stdout_problem()
    if problem is not None:
        print_error(f"cannot write to standard output: {problem}; nothing done")
    return problem is None


def _internal_error(exc: Exception) -> int:
    import os

    if os.environ.get("CASEWRITER_DEBUG"):
        raise exc
    print_error(
        f"internal error: {type(exc).__name__}: {exc} "
        "(set CASEWRITER_DEBUG=1 to see the traceback, and please report it)"
    )
    return 1


def _standard_streams_open() -> bool:
    """Started with stdout (or stdin, stderr) closed (``casewriter log list >&-``): put
    ``/dev/null`` on the closed descriptors so no file the command opens (the log!) can take
    their number and receive printed text, then refuse in one line when stdout was closed."""
    import os

    closed = [fd for fd in (0, 1, 2) if not _fd_open(fd)]
    for fd in closed:
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
    if sys.stdout is None or 1 in closed:
        if sys.stderr is not None and 2 not in closed:
            print_error("standard output is closed; nothing done")
        return False
    return True


def _fd_open(fd: int) -> bool:
    import os

    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _stdout_failed(exc: OSError) -> bool:
    """Whether ``exc`` came from writing standard output (``> /dev/full``: no space left), not
    from a file: stream writes carry no file name, and a stdout that still cannot be flushed
    settles it."""
    import errno

    if exc.filename is not None:
        return False
    try:
        sys.stdout.flush()
    except OSError:
        return True
    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG)


def _discard_stdout() -> None:
    """Point stdout at ``/dev/null`` so the text still buffered is not written again at exit
    (which would print "Exception ignored …")."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


if __name__ == "__main__":
    sys.exit(main())
