"""Shared fixtures: a temporary casewriter home, and running the CLI for real.

``cli(...)`` / ``run_cli(...)`` run the real command line, ``casewriter.__main__.main(argv)``,
in this process, with what a separate process would have of its own: standard streams backed
by bytes (UTF-8, read back as ``subprocess.run(text=True)`` reads a pipe), ``sys.argv`` of
``python -m casewriter``, the environment (``CASEWRITER_HOME``, ``env=``, ``TZ`` applied), a
fresh ``tempfile`` folder choice, and the network guard on. Nothing a run changes outlives it
(``tests/test_cli_inprocess.py`` proves it; ``CASEWRITER_TEST_SHUFFLE=<seed>`` runs the suite
in a random order to catch what it does not).

A real subprocess (``python -m casewriter``) is used where the process is what is tested:
mark the test ``@pytest.mark.real_process`` (its ``cli`` starts one) or call
``run_cli_process``; the app (no command, or ``new``) always gets one, and
``CASEWRITER_TEST_SUBPROCESS=1`` makes every CLI call a subprocess (the suite must pass
both ways).
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casewriter.paths import AppPaths

REPO = Path(__file__).resolve().parent.parent
# A copy of the synthetic Seller Central reports; the repository reads nothing outside itself.
SAMPLES = REPO / "tests" / "data" / "reports" / "samples"
NO_NETWORK_DIR = Path(__file__).resolve().parent / "nonet"
#: ``sys.argv[0]`` of ``python -m casewriter``.
MAIN = REPO / "casewriter" / "__main__.py"


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def pytest_report_header(config: pytest.Config) -> str | None:
    seed = os.environ.get("CASEWRITER_TEST_SHUFFLE")
    return f"casewriter: tests shuffled with seed {seed}" if seed else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``CASEWRITER_TEST_SHUFFLE=<seed>``: run the tests in a random order (any test across
    any file), to show that no test depends on what ran before it."""
    seed = os.environ.get("CASEWRITER_TEST_SHUFFLE")
    if seed:
        random.Random(seed).shuffle(items)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """An empty casewriter home (log, config and user templates go here)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture
def paths(home: Path) -> AppPaths:
    return AppPaths.under(home)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any test whose code path opens an Internet socket or resolves a name fails."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"casewriter opened a network connection: {args[:2]!r}")

    real_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(address)
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Never touch the real user's folders: platformdirs falls back under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("CASEWRITER_HOME", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield


def _opens_the_app(args: tuple[str, ...]) -> bool:
    """Whether ``casewriter ARGS`` starts the Textual app (no command, or ``new``)."""
    from casewriter.__main__ import command_name

    if {"-h", "--help", "-V", "--version"} & set(args):
        return False
    return command_name(args) in (None, "new")


def run_cli(
    *args: str,
    home: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> CliResult:
    """Run ``casewriter ARGS`` as a user would: in this process (see the module docstring),
    or in a subprocess when it opens the app or ``CASEWRITER_TEST_SUBPROCESS`` is set."""
    if os.environ.get("CASEWRITER_TEST_SUBPROCESS") or _opens_the_app(args):
        return run_cli_process(*args, home=home, stdin=stdin, env=env)
    return run_cli_inprocess(*args, home=home, stdin=stdin, env=env)


def run_cli_process(
    *args: str,
    home: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> CliResult:
    """Run ``python -m casewriter`` in a subprocess (the network guard loaded into it)."""
    full_env = dict(os.environ)
    full_env.pop("CASEWRITER_DEBUG", None)
    if home is not None:
        full_env["CASEWRITER_HOME"] = str(home)
    full_env["PYTHONPATH"] = os.pathsep.join(
        [str(NO_NETWORK_DIR), str(REPO), full_env.get("PYTHONPATH", "")]
    ).rstrip(os.pathsep)
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "casewriter", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=120,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _pipe_text(data: bytes) -> str:
    """Bytes read back as ``subprocess.run(text=True, encoding="utf-8")`` reads a pipe."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def run_cli_inprocess(
    *args: str,
    home: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> CliResult:
    """``casewriter.__main__.main(ARGS)`` in this process, isolated as a subprocess would be:
    its streams, argv, environment, time zone and temporary folder are its own and restored
    after; an exception that escapes ``main`` is a traceback on stderr and exit 1, as Python
    would print it."""
    from casewriter.__main__ import main

    out, err = io.BytesIO(), io.BytesIO()
    raw_in = io.BytesIO(b"" if stdin is None else stdin.encode("utf-8"))
    fake_in = io.TextIOWrapper(raw_in, encoding="utf-8")
    fake_out = io.TextIOWrapper(out, encoding="utf-8", errors="strict")
    fake_err = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", line_buffering=True)  # fmt: skip
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CASEWRITER_DEBUG", raising=False)
        if home is not None:
            mp.setenv("CASEWRITER_HOME", str(home))
        for name, value in (env or {}).items():
            mp.setenv(name, value)
        mp.setattr(sys, "argv", [str(MAIN), *args])
        mp.setattr(sys, "stdin", fake_in)
        mp.setattr(sys, "stdout", fake_out)
        mp.setattr(sys, "stderr", fake_err)
        mp.setattr(tempfile, "tempdir", None)  # TMPDIR read afresh, as a new process does
        if env and "TZ" in env:
            time.tzset()
        try:
            code = _exit_code(main, list(args), fake_err)
        finally:
            for stream in (fake_out, fake_err):
                stream.flush()
    if env and "TZ" in env:
        time.tzset()  # the environment is back: so is the time zone
    return CliResult(code, _pipe_text(out.getvalue()), _pipe_text(err.getvalue()))


def _exit_code(main: Callable[[list[str]], int], argv: list[str], stderr: io.TextIOBase) -> int:
    """Run ``main`` and return the exit code a process running it would end with."""
    try:
        return int(main(argv))
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=stderr)
        return 1
    except Exception:  # what Python prints for an exception nobody caught
        traceback.print_exc(file=stderr)
        return 1


@pytest.fixture
def cli(home: Path, request: pytest.FixtureRequest) -> Callable[..., CliResult]:
    """``cli("check", "X")`` runs the CLI with the temporary home (in this process; in a
    subprocess for a test marked ``real_process``)."""
    real = request.node.get_closest_marker("real_process") is not None
    runner = run_cli_process if real else run_cli

    def _run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> CliResult:
        return runner(*args, home=home, stdin=stdin, env=env)

    return _run
